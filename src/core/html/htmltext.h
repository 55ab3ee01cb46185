#pragma once

#include <QString>
#include <QStringList>

#include <utility>

namespace Copydesk {

// Text views of (sanitized) body HTML, for search, word counts and the command line.
namespace HtmlText {

// The visible text: block elements separated by a blank line, <br> as a line break, entities decoded,
// runs of white space inside a block folded to one space.
QString plainText(const QString &html);
// plainText() without its shortcut for bodies in CanonicalHtml's simple form: always parses.
QString plainTextByParsing(const QString &html);

// The text of h2, h3 and h4 elements in document order.
QStringList headings(const QString &html);

// The text of each code element (pre, code, kbd, samp), as written: code is not prose, and checks of
// spelling and punctuation leave it alone.
QStringList codeTexts(const QString &html);
// Where those code texts lie in the body's plain text, as [begin, end) pairs.
QList<std::pair<qsizetype, qsizetype>> codeRanges(const QString &plainText, const QStringList &codeTexts);

// Words as a reader counts them (runs of letters/digits, joined by apostrophes or hyphens).
int wordCount(const QString &text);

} // namespace HtmlText
} // namespace Copydesk
