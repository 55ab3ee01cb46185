#pragma once

#include <model/article.h>

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

namespace Copydesk {

// A file a page refers to (an image, say), with its type.
struct Resource
{
    QByteArray data;
    QString mimeType;
};

// What an importer is given: the raw bytes and where they came from.
struct ImportSource
{
    QString fileName;    // path of the file, or empty for a download or a paste
    QUrl url;            // where the bytes were downloaded from, if they were
    QString contentType; // the HTTP Content-Type (with charset) if known
    QByteArray bytes;
    // Set for a download only: fetches a resource the page refers to (its images), so the article reads
    // offline. Absent for a file: a file import never reaches the network.
    std::function<std::optional<Resource>(const QUrl &)> fetchResource;
};

// What an importer gives back: the articles found (not yet stored, HTML not yet sanitized),
// warnings a person should see, or an error naming the problem.
struct ImportResult
{
    QList<Article> articles;
    QStringList warnings;
    QString error;

    bool ok() const { return error.isEmpty() && !articles.isEmpty(); }
    static ImportResult failure(const QString &reason)
    {
        ImportResult result;
        result.error = reason;
        return result;
    }
};

// One kind of source (plain text, saved page, ninjs...). Importers are stateless and safe to call from
// any thread; storing and sanitizing is the ImportService's job, not theirs.
class ArticleImporter
{
public:
    virtual ~ArticleImporter() = default;

    // A short name for messages: "plain text", "ninjs", ...
    virtual QString name() const = 0;
    // How well this importer fits the source: 0 = not at all, 100 = certainly.
    virtual int confidence(const ImportSource &source) const = 0;
    virtual ImportResult import(const ImportSource &source) const = 0;
};

} // namespace Copydesk
