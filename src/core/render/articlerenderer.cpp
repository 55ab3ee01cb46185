#include <render/articlerenderer.h>

#include <html/htmlsanitizer.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

QString readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("Copydesk resource %s is missing from this build", qPrintable(path));
    return QString::fromUtf8(file.readAll());
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString imageSource(const Article &article, int position, ArticleRenderer::ImageMode mode)
{
    if (position < 0 || position >= article.images.size() || !article.images.at(position).hasData())
        return {};
    const ArticleImage &image = article.images.at(position);
    if (mode == ArticleRenderer::ImageMode::LibraryUrls)
        return ArticleRenderer::libraryImageUrl(article.id, position);
    const QString mime = image.mimeType.isEmpty() ? u"application/octet-stream"_s : image.mimeType;
    return u"data:"_s + mime + u";base64,"_s + QString::fromLatin1(image.data.toBase64());
}

QString figure(const Article &article, int position, ArticleRenderer::ImageMode mode, const QString &cssClass)
{
    const ArticleImage &image = article.images.at(position);
    QString html = u"<figure class=\"%1\">\n"_s.arg(cssClass);
    const QString source = imageSource(article, position, mode);
    if (!source.isEmpty()) {
        html += u"<img src=\"%1\" alt=\"%2\""_s.arg(source, escaped(image.altText));
        if (image.width > 0 && image.height > 0)
            html += u" width=\"%1\" height=\"%2\""_s.arg(image.width).arg(image.height);
        html += u">\n"_s;
    } else {
        // Known from the source but not available (a plain-text import, say): keep its place and words.
        html +=
            u"<div class=\"image-missing\" role=\"img\" aria-label=\"%1\">Image not available</div>\n"_s.arg(
                escaped(image.altText.isEmpty() ? image.caption : image.altText));
    }
    const QString credit = printedCreditLine(image);
    if (!image.caption.isEmpty() || !credit.isEmpty()) {
        html += u"<figcaption>"_s;
        if (!image.caption.isEmpty())
            html += u"<span class=\"caption\">%1</span>"_s.arg(escaped(image.caption));
        if (!image.caption.isEmpty() && !credit.isEmpty())
            html += u' ';
        if (!credit.isEmpty())
            html += u"<small class=\"credit\">%1</small>"_s.arg(escaped(credit));
        html += u"</figcaption>\n"_s;
    }
    html += u"</figure>\n"_s;
    return html;
}

// The body refers to its own images as copydesk-image:N; give them their real source for this output.
QString resolveBodyImages(const Article &article, ArticleRenderer::ImageMode mode)
{
    return HtmlSanitizer::withImages(article.bodyHtml,
                                     [&](int position) -> std::optional<HtmlSanitizer::ImageOutput> {
                                         const QString source = imageSource(article, position, mode);
                                         if (source.isEmpty())
                                             return std::nullopt; // not available: left out
                                         return HtmlSanitizer::ImageOutput{source, {}};
                                     });
}

QString quoteBlock(const Quote &quote)
{
    QString html =
        u"<figure class=\"quote\">\n<blockquote><p>%1</p></blockquote>\n"_s.arg(escaped(quote.text));
    if (!quote.speaker.isEmpty()) {
        html += u"<figcaption>— <cite>%1</cite>"_s.arg(escaped(quote.speaker));
        if (!quote.speakerRole.isEmpty())
            html += u", "_s + escaped(quote.speakerRole);
        html += u"</figcaption>\n"_s;
    }
    return html + u"</figure>\n"_s;
}

bool isWebLink(const QString &url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    return parsed.isValid() && (parsed.scheme() == "http"_L1 || parsed.scheme() == "https"_L1);
}

} // namespace

ArticleRenderer::ArticleRenderer()
    : m_template(readResource(u":/template/article.html"_s))
    , m_css(readResource(u":/template/article.css"_s))
{}

QString ArticleRenderer::libraryImageUrl(qint64 articleId, int position)
{
    return u"copydesk://image/%1/%2"_s.arg(articleId).arg(position);
}

QString ArticleRenderer::contentSecurityPolicy(ImageMode mode)
{
    // Nothing may run and nothing may be fetched: styles are inline, images come from the page itself
    // (export) or from the library's own scheme (preview).
    const QString images = mode == ImageMode::Embedded ? u"data:"_s : u"copydesk: data:"_s;
    return u"default-src 'none'; img-src %1; style-src 'unsafe-inline'; script-src 'none'; "
           "form-action 'none'; base-uri 'none'"_s.arg(images);
}

QJsonObject ArticleRenderer::jsonLd(const Article &article)
{
    QJsonObject object{{u"@context"_s, u"https://schema.org"_s}, {u"@type"_s, u"NewsArticle"_s}};
    object.insert(u"headline"_s, article.headline);
    if (!article.standfirst.isEmpty())
        object.insert(u"description"_s, article.standfirst);
    if (!article.section.isEmpty())
        object.insert(u"articleSection"_s, article.section);
    if (!article.language.isEmpty())
        object.insert(u"inLanguage"_s, article.language);
    if (article.publishedAt.isValid())
        object.insert(u"datePublished"_s, article.publishedAt.toString(Qt::ISODate));
    if (article.createdAt.isValid())
        object.insert(u"dateCreated"_s, article.createdAt.toString(Qt::ISODate));
    if (article.updatedAt.isValid())
        object.insert(u"dateModified"_s, article.updatedAt.toString(Qt::ISODate));
    if (!article.byline.isEmpty()) {
        QJsonArray authors;
        static const QRegularExpression separators(u"\\s*(?:,|\\band\\b|&)\\s*"_s);
        const QStringList names = article.byline.split(separators, Qt::SkipEmptyParts);
        for (const QString &name : names)
            authors.append(QJsonObject{{u"@type"_s, u"Person"_s}, {u"name"_s, name.trimmed()}});
        object.insert(u"author"_s, authors);
    }
    QJsonArray images;
    for (const ArticleImage &image : article.images) {
        QJsonObject json{{u"@type"_s, u"ImageObject"_s}};
        if (!image.caption.isEmpty())
            json.insert(u"caption"_s, image.caption);
        if (!image.credit.isEmpty())
            json.insert(u"creditText"_s, image.credit);
        if (!image.copyright.isEmpty())
            json.insert(u"copyrightNotice"_s, image.copyright);
        if (isWebLink(image.licence))
            json.insert(u"license"_s, image.licence);
        if (isWebLink(image.sourceUrl))
            json.insert(u"contentUrl"_s, image.sourceUrl);
        images.append(json);
    }
    if (!images.isEmpty())
        object.insert(u"image"_s, images);
    if (!article.tags.isEmpty())
        object.insert(u"keywords"_s, QJsonArray::fromStringList(article.tags));
    if (isWebLink(article.sourceUrl))
        object.insert(u"url"_s, article.sourceUrl);
    object.insert(u"wordCount"_s, article.wordCount);
    return object;
}

QString ArticleRenderer::renderArticle(const Article &article, ImageMode mode) const
{
    QString html = u"<article>\n<header>\n"_s;
    if (!article.section.isEmpty())
        html += u"<p class=\"section\">%1</p>\n"_s.arg(escaped(article.section));
    if (article.headline.isEmpty())
        html += u"<h1 class=\"untitled\">Untitled</h1>\n"_s;
    else
        html += u"<h1>%1</h1>\n"_s.arg(escaped(article.headline));
    if (!article.standfirst.isEmpty())
        html += u"<p class=\"standfirst\">%1</p>\n"_s.arg(escaped(article.standfirst));

    html += u"<div class=\"meta\">\n"_s;
    if (!article.byline.isEmpty())
        html +=
            u"<p class=\"byline\">By <span class=\"author\">%1</span></p>\n"_s.arg(escaped(article.byline));
    const ShownDate shown = shownDate(article.publishedAt, article.updatedAt);
    html += u"<p>"_s;
    if (!article.dateline.isEmpty())
        html += u"<span class=\"dateline\">%1</span> · "_s.arg(escaped(article.dateline));
    if (shown.time.isValid()) {
        html += u"%1 <time datetime=\"%2\">%3</time>"_s.arg(
            shown.label(), shown.time.toUTC().toString(Qt::ISODate),
            QLocale(QLocale::English).toString(shown.time.toUTC(), u"d MMMM yyyy, HH:mm 'UTC'"_s));
    }
    html += u"</p>\n</div>\n</header>\n"_s;

    for (int position = 0; position < article.images.size(); ++position) {
        if (article.images.at(position).role == ImageRole::Lead) {
            html += figure(article, position, mode, u"lead"_s);
            break;
        }
    }

    html += u"<div class=\"body\">\n"_s + resolveBodyImages(article, mode) + u"</div>\n"_s;

    if (!article.quotes.isEmpty()) {
        html += u"<aside class=\"key-quotes\" aria-labelledby=\"key-quotes\">\n"
                "<h2 id=\"key-quotes\">Key quotes</h2>\n"_s;
        for (const Quote &quote : article.quotes)
            html += quoteBlock(quote);
        html += u"</aside>\n"_s;
    }

    if (!article.related.isEmpty()) {
        html +=
            u"<aside class=\"related\" aria-labelledby=\"related\">\n<h2 id=\"related\">Related</h2>\n<ul>\n"_s;
        for (const RelatedLink &link : article.related) {
            html += u"<li>"_s;
            if (isWebLink(link.url))
                html += u"<a href=\"%1\">%2</a>"_s.arg(escaped(link.url), escaped(link.title));
            else
                html += escaped(link.title);
            if (!link.author.isEmpty())
                html += u" <span class=\"author\">%1</span>"_s.arg(escaped(link.author));
            html += u"</li>\n"_s;
        }
        html += u"</ul>\n</aside>\n"_s;
    }

    if (!article.tags.isEmpty()) {
        html += u"<footer>\n<ul class=\"tags\" aria-label=\"Tags\">\n"_s;
        for (const QString &tag : article.tags)
            html += u"<li>%1</li>\n"_s.arg(escaped(tag));
        html += u"</ul>\n</footer>\n"_s;
    }
    return html + u"</article>"_s;
}

QString ArticleRenderer::renderPage(const Article &article, ImageMode mode) const
{
    // Inside <script>, "</" could end the block early; JSON allows "<" written as \u003c.
    QString json = QString::fromUtf8(QJsonDocument(jsonLd(article)).toJson(QJsonDocument::Compact));
    json.replace(u'<', "\\u003c"_L1);

    const QString language = article.language.isEmpty() ? u"en"_s : article.language;
    const QString title = article.headline.isEmpty() ? u"Untitled"_s : article.headline;
    // Replace one placeholder at a time in template order, so text inserted earlier is never re-scanned.
    const std::pair<QString, QString> fields[] = {
        {u"{{lang}}"_s, escaped(language)},
        {u"{{csp}}"_s, contentSecurityPolicy(mode)},
        {u"{{version}}"_s, QStringLiteral(COPYDESK_VERSION)},
        {u"{{title}}"_s, escaped(title)},
        {u"{{css}}"_s, m_css},
        {u"{{jsonld}}"_s, json},
        {u"{{article}}"_s, renderArticle(article, mode)},
    };
    QString page;
    qsizetype from = 0;
    for (const auto &[placeholder, value] : fields) {
        const qsizetype at = m_template.indexOf(placeholder, from);
        if (at < 0)
            continue;
        page += QStringView(m_template).mid(from, at - from);
        page += value;
        from = at + placeholder.size();
    }
    page += QStringView(m_template).mid(from);
    return page;
}

} // namespace Copydesk
