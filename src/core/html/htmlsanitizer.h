#pragma once

#include <QString>

namespace Copydesk {

// The one gate through which HTML enters the library: imported pages, pasted text, ninjs bodies and the
// editor's own output all pass through sanitize() before they are stored.
//
// The input is parsed with a real HTML5 parser (gumbo) and the output is rebuilt from the tree with an
// allow-list of semantic elements and attributes; nothing of the input's text is copied through unparsed.
// The result is idempotent: sanitize(sanitize(x)) == sanitize(x).
class HtmlSanitizer final
{
public:
    // Images in a body may only point at the article's own images, written as "copydesk-image:N"
    // where N is the image's position in Article::images.
    static constexpr auto ImageScheme = "copydesk-image";

    static QString sanitize(const QString &html);

    struct Sanitized
    {
        QString html;
        QString text; // HtmlText::plainText(html)
    };
    // sanitize() and the plain text of its result. A body already in CanonicalHtml's simple form, as every
    // plain-text import writes it, is scanned once instead of parsed twice.
    static Sanitized sanitizeWithText(const QString &html);
    // sanitize() without its shortcut for bodies that CanonicalHtml proves clean: always parses. The tests
    // hold the two against each other.
    static QString sanitizeByParsing(const QString &html);
};

} // namespace Copydesk
