#pragma once

#include <model/article.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace Copydesk {

// One kind of file an article can be exported as. A new format is one class like this and one line where
// the program registers its formats (src/cli/formats.cpp): the window's Export menu and
// `copydesk export --format` are both built from the registry.
class ArticleExporter
{
public:
    virtual ~ArticleExporter() = default;

    virtual QString name() const = 0;        // what --format takes: "html"
    virtual QString displayName() const = 0; // for menus and file dialogs: "HTML page"
    virtual QString fileSuffix() const = 0;  // "html"
    // Writes the article to path whole or not at all; false, with error naming the file, on failure.
    virtual bool write(const Article &article, const QString &path, QString *error) const = 0;

    // "<id>-<headline-slug>.<suffix>", for exports of several articles into one folder.
    QString fileNameFor(const Article &article) const { return fileName(article, fileSuffix()); }
    static QString fileName(const Article &article, const QString &suffix);
};

// The export formats a program offers, in the order it registered them.
class ExporterRegistry final
{
public:
    void add(std::unique_ptr<ArticleExporter> exporter);
    const ArticleExporter *find(const QString &name) const;
    QList<const ArticleExporter *> exporters() const;
    QStringList names() const;

private:
    std::vector<std::unique_ptr<ArticleExporter>> m_exporters;
};

} // namespace Copydesk
