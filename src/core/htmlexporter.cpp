#include "htmlexporter.h"

#include "articlerenderer.h"
#include "atomicfile.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Copydesk {

HtmlExporter::HtmlExporter(const ArticleRenderer &renderer)
    : m_renderer(renderer)
{}

bool HtmlExporter::write(const Article &article, const QString &filePath)
{
    m_error.clear();
    const QByteArray html = m_renderer.renderPage(article, ArticleRenderer::ImageMode::Embedded).toUtf8();
    return writeFileAtomically(filePath, html, &m_error);
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
