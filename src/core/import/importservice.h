#pragma once

#include <import/articleimporter.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace Copydesk {

class ArticleRepository;

enum class DuplicatePolicy
{
    Skip,
    Replace,
    KeepBoth
};

// What became of one file (or download) in an import.
struct ImportOutcome
{
    enum class Status
    {
        Imported,
        Skipped,
        Failed
    };

    QString source; // the file name or URL, as the person gave it
    Status status = Status::Failed;
    QList<qint64> articleIds;
    QStringList headlines;
    QStringList warnings;
    QString error; // names the file and the problem
};

// Runs a source through the importer that fits it and stores what comes out. The repository sanitizes
// every body on the way in, so nothing an importer produces reaches the library unsanitized.
// Safe to use from a worker thread with a repository of that thread.
class ImportService final
{
public:
    static constexpr qint64 MaximumFileSize = 64 * 1024 * 1024;

    explicit ImportService(ArticleRepository &repository);
    ~ImportService();
    Q_DISABLE_COPY_MOVE(ImportService)

    // Decides, one article at a time, what to do with an article already in the library (the window asks
    // the person). Without one, the fixed policy applies.
    using DuplicateDecider = std::function<DuplicatePolicy(const Article &incoming, qint64 existingId)>;
    // Downloads a page for importUrl(): fills an ImportSource or says why not (naming the URL).
    using Downloader = std::function<std::optional<ImportSource>(const QUrl &url, QString *error)>;

    // Importers are tried by confidence. None is built in: the program registers its formats
    // (src/cli/formats.cpp, and the web part for saved pages).
    void addImporter(std::unique_ptr<ArticleImporter> importer);
    void setDuplicatePolicy(DuplicatePolicy policy) { m_duplicatePolicy = policy; }
    void setDuplicateDecider(DuplicateDecider decider) { m_decideDuplicate = std::move(decider); }
    void setDownloader(Downloader downloader) { m_download = std::move(downloader); }

    // A path, or an http(s) URL (downloaded with the downloader).
    ImportOutcome importFile(const QString &pathOrUrl);
    ImportOutcome importUrl(const QUrl &url);
    ImportOutcome importSource(const ImportSource &source, const QString &displayName);

    // Called after each file of a batch, on the batch's thread and in order; false stops the batch.
    using OutcomeHandler = std::function<bool(qsizetype index, ImportOutcome &&outcome)>;
    // Imports the files in order, as importFile() would one by one, but reads and recognises the next two
    // files on threads of their own while this one stores the last: saved pages are extracted two at a
    // time and storing overlaps with them. Stopping keeps every file already stored whole; the files being
    // recognised meanwhile are dropped unstored. On a thread with an event loop (the GUI thread, where the
    // page extractor lives) events are served while waiting, so call it there only where nothing those
    // events start can reach this service (the command line); the window imports from a worker thread.
    void importFiles(const QStringList &pathsOrUrls, const OutcomeHandler &onOutcome);

    // "Anna Kowalczyk/AP" as an image's credit becomes credit Anna Kowalczyk, agency AP, with the line as
    // printed kept: what every importer's pictures go through.
    static void splitImageCredits(Article &article);
    static bool isWebAddress(const QString &text);

    static std::optional<DuplicatePolicy> duplicatePolicyFromString(const QString &text);

private:
    // What reading and recognising one file gave, before anything is stored: the articles, or the error.
    struct Recognised
    {
        ImportOutcome outcome;
        QList<Article> articles;
        QUrl sourceUrl;
    };

    // These touch neither the library nor any member that changes: safe on another thread.
    Recognised recogniseFile(const QString &pathOrUrl) const;
    Recognised recogniseUrl(const QUrl &url) const;
    Recognised recogniseSource(const ImportSource &source, const QString &displayName) const;
    // On the repository's thread: the duplicate check and the writes.
    ImportOutcome store(Recognised recognised);

    const ArticleImporter *importerFor(const ImportSource &source) const;

    ArticleRepository &m_repository;
    std::vector<std::unique_ptr<ArticleImporter>> m_importers;
    DuplicatePolicy m_duplicatePolicy = DuplicatePolicy::Skip;
    DuplicateDecider m_decideDuplicate;
    Downloader m_download;
};

} // namespace Copydesk
