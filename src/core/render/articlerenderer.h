#pragma once

#include <model/article.h>

#include <QString>

namespace Copydesk {

// Article -> publishable HTML page, through resources/template/article.html and article.css. The preview
// and every HTML export use this one renderer, so the preview shows exactly what will be published.
class ArticleRenderer final
{
public:
    enum class ImageMode
    {
        // Images as data: URIs: a single self-contained file (export).
        Embedded,
        // Images as copydesk://image/<article>/<position>, served from the library (preview).
        LibraryUrls,
    };

    ArticleRenderer();

    QString renderPage(const Article &article, ImageMode mode) const;
    // Only the <article> element; renderPage() wraps it in the template.
    QString renderArticle(const Article &article, ImageMode mode) const;
    // The schema.org NewsArticle description, as embedded in the page.
    static QJsonObject jsonLd(const Article &article);

    static QString libraryImageUrl(qint64 articleId, int position);
    static QString contentSecurityPolicy(ImageMode mode);

private:
    QString m_template;
    QString m_css;
};

} // namespace Copydesk
