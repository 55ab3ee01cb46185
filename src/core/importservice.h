#pragma once

#include "articleimporter.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace Copydesk {

class ArticleRepository;

enum class DuplicatePolicy { Skip, Replace, KeepBoth };

// What became of one file (or download) in an import.
struct ImportOutcome
{
    enum class Status { Imported, Skipped, Failed };

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

    // Importers are tried by confidence; the built-in ones (plain text) are registered already.
    void addImporter(std::unique_ptr<ArticleImporter> importer);
    void setDuplicatePolicy(DuplicatePolicy policy) { m_duplicatePolicy = policy; }

    ImportOutcome importFile(const QString &path);
    ImportOutcome importSource(const ImportSource &source, const QString &displayName);

    static std::optional<DuplicatePolicy> duplicatePolicyFromString(const QString &text);

private:
    const ArticleImporter *importerFor(const ImportSource &source) const;

    ArticleRepository &m_repository;
    std::vector<std::unique_ptr<ArticleImporter>> m_importers;
    DuplicatePolicy m_duplicatePolicy = DuplicatePolicy::Skip;
};

} // namespace Copydesk
