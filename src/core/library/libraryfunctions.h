#pragma once

struct sqlite3;

namespace Copydesk {

// The SQL functions the library's schema uses, registered on every connection Copydesk opens to it:
//   copydesk_plain_text(body_html)  the visible text of a stored body (HtmlText::plainText)
// The search indexes read an article's body text through it (the view article_search_text), so the text
// is stored once, as HTML. A tool that opens the library without them can read every table, but not that
// view, nor snippets or changes of the search indexes.
bool registerLibraryFunctions(sqlite3 *connection);

} // namespace Copydesk
