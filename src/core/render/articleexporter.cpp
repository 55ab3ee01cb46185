#include <render/articleexporter.h>

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Copydesk {

QString ArticleExporter::fileName(const Article &article, const QString &suffix)
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
    return u"%1-%2.%3"_s.arg(article.id).arg(slug, suffix);
}

void ExporterRegistry::add(std::unique_ptr<ArticleExporter> exporter)
{
    m_exporters.push_back(std::move(exporter));
}

const ArticleExporter *ExporterRegistry::find(const QString &name) const
{
    for (const auto &exporter : m_exporters) {
        if (exporter->name() == name)
            return exporter.get();
    }
    return nullptr;
}

QList<const ArticleExporter *> ExporterRegistry::exporters() const
{
    QList<const ArticleExporter *> all;
    for (const auto &exporter : m_exporters)
        all.append(exporter.get());
    return all;
}

QStringList ExporterRegistry::names() const
{
    QStringList all;
    for (const auto &exporter : m_exporters)
        all.append(exporter->name());
    return all;
}

} // namespace Copydesk
