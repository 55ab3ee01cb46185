#include <render/htmlexporter.h>

#include <library/atomicfile.h>
#include <render/articlerenderer.h>

using namespace Qt::StringLiterals;

namespace Copydesk {

HtmlExporter::HtmlExporter(const ArticleRenderer &renderer)
    : m_renderer(renderer)
{}

QString HtmlExporter::name() const
{
    return u"html"_s;
}

QString HtmlExporter::displayName() const
{
    return u"HTML page"_s;
}

QString HtmlExporter::fileSuffix() const
{
    return u"html"_s;
}

bool HtmlExporter::write(const Article &article, const QString &path, QString *error) const
{
    const QByteArray html = m_renderer.renderPage(article, ArticleRenderer::ImageMode::Embedded).toUtf8();
    return writeFileAtomically(path, html, error);
}

bool HtmlExporter::write(const Article &article, const QString &filePath)
{
    m_error.clear();
    return write(article, filePath, &m_error);
}

QString HtmlExporter::suggestedFileName(const Article &article)
{
    return fileName(article, u"html"_s);
}

} // namespace Copydesk
