#pragma once

#include "article.h"

#include <QString>

namespace Copydesk {

class ArticleRenderer;

// Writes an article as one standalone HTML5 file: images embedded, no external request of any kind.
class HtmlExporter final
{
public:
    explicit HtmlExporter(const ArticleRenderer &renderer);

    // Written atomically (QSaveFile): a failed export never leaves half a file behind.
    bool write(const Article &article, const QString &filePath);
    QString error() const { return m_error; }

    // "<id>-<headline-slug>.html", for exports of several articles into one folder.
    static QString suggestedFileName(const Article &article);

private:
    const ArticleRenderer &m_renderer;
    QString m_error;
};

} // namespace Copydesk
