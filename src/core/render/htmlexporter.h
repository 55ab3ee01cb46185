#pragma once

#include <render/articleexporter.h>

#include <QString>

namespace Copydesk {

class ArticleRenderer;

// Writes an article as one standalone HTML5 file: images embedded, no external request of any kind.
class HtmlExporter final : public ArticleExporter
{
public:
    explicit HtmlExporter(const ArticleRenderer &renderer);

    QString name() const override;
    QString displayName() const override;
    QString fileSuffix() const override;
    // Written atomically (QSaveFile): a failed export never leaves half a file behind.
    bool write(const Article &article, const QString &path, QString *error) const override;
    bool write(const Article &article, const QString &filePath);
    QString error() const { return m_error; }

    // "<id>-<headline-slug>.html".
    static QString suggestedFileName(const Article &article);

private:
    const ArticleRenderer &m_renderer;
    QString m_error;
};

} // namespace Copydesk
