#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <utility>

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

    // Which of the article's images an <img> of incoming HTML shows (its position in Article::images), from
    // the element's attributes (names in lower case); nullopt when none. An importer that knows how the
    // source refers to its pictures (ninjs associations) says so, and the sanitizer writes the image as
    // "copydesk-image:N"; every other image of the input follows the usual rule.
    using ImageResolver = std::function<std::optional<int>(const QHash<QString, QString> &attributes)>;
    static QString sanitize(const QString &html, const ImageResolver &resolver);

    // What the body's image N becomes in one output: its src there, and attributes to write before the
    // image's own (alt, title). nullopt leaves the image out.
    struct ImageOutput
    {
        QString source;
        QList<std::pair<QString, QString>> extraAttributes;
    };
    using ImageRewrite = std::function<std::optional<ImageOutput>(int position)>;
    // A stored (sanitized) body with its images pointed at their sources for one output: data: URIs in an
    // export, the library's URLs in the preview, association names in ninjs. Written by the sanitizer's
    // own serializer; what the rewrite gives comes from Copydesk, not from a page, and is only escaped.
    static QString withImages(const QString &html, const ImageRewrite &rewrite);
};

} // namespace Copydesk
