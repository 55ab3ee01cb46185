#pragma once

struct sqlite3;

namespace Copydesk {

// The SQL functions the library's schema uses, registered on every connection Copydesk opens to it:
//   copydesk_plain_text(body_html)  the visible text of a stored body (HtmlText::plainText)
// The search indexes read an article's body text through it (the view article_search_text), so the text
// is stored once, as HTML. A tool that opens the library without them can read every table, but not that
// view, nor snippets or changes of the search indexes.
bool registerLibraryFunctions(sqlite3 *connection);

// The search indexes forget an article by giving back the text they indexed, which copydesk_plain_text()
// derives again from the body: a derivation that changed would damage them. So the library records the
// version of the derivation it was indexed with (library_meta.plain_text_version), and LibraryDatabase
// rebuilds both indexes once when it differs. Whoever changes what HtmlText::plainText() gives for a
// stored body raises this number.
constexpr int PlainTextVersion = 1;

} // namespace Copydesk
