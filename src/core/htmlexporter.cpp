#include "htmlexporter.h"

#include "articlerenderer.h"

#include <QRegularExpression>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Copydesk {

HtmlExporter::HtmlExporter(const ArticleRenderer &renderer)
    : m_renderer(renderer)
{}

bool HtmlExporter::write(const Article &article, const QString &filePath)
{
    m_error.clear();
    const QByteArray html = m_renderer.renderPage(article, ArticleRenderer::ImageMode::Embedded).toUtf8();
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = u"%1: cannot write: %2"_s.arg(filePath, file.errorString());
        return false;
    }
    if (file.write(html) != html.size() || !file.commit()) {
        m_error = u"%1: cannot write: %2"_s.arg(filePath, file.errorString());
        return false;
    }
    return true;
}

QString HtmlExporter::suggestedFileName(const Article &article)
{
    static const QRegularExpression notSlug(u"[^\\p{L}\\p{N}]+"_s);
    QString slug = article.headline.toLower().replace(notSlug, u"-"_s);
    slug = slug.left(60);
    while (slug.startsWith(u'-'))
        slug.remove(0, 1);
    while (slug.endsWith(u'-'))
        slug.chop(1);
    if (slug.isEmpty())
        slug = u"untitled"_s;
    return u"%1-%2.html"_s.arg(article.id).arg(slug);
}

} // namespace Copydesk
