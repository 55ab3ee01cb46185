#pragma once

#include "importservice.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QProgressDialog;
class QWidget;

namespace Copydesk {

class LibraryDatabase;

// Adds importers and a downloader to each worker's ImportService (saved pages and URLs need the web part).
using ImportSetup = std::function<void(ImportService &)>;

// What an import of several files came to.
struct ImportSummary
{
    QList<qint64> importedIds;
    int skipped = 0;
    QStringList errors;
    QStringList warnings;
    bool cancelled = false;
};

// Runs an import off the GUI thread with a progress dialog (count, current file, cancel). A cancelled
// import keeps what was already imported, whole: each article is stored in its own transaction.
class ImportController final : public QObject
{
    Q_OBJECT

public:
    ImportController(const LibraryDatabase &database, QWidget *dialogParent, QObject *parent = nullptr);
    ~ImportController() override;

    // Files, folders (their article files, recursively) and http(s) addresses.
    void importFiles(const QStringList &paths);
    bool isRunning() const { return m_watcher.isRunning(); }
    void setImportSetup(ImportSetup setup) { m_setup = std::move(setup); }

    static QStringList articleFilePatterns();

signals:
    void finished(const Copydesk::ImportSummary &summary);

private:
    DuplicatePolicy askAboutDuplicate(const Article &incoming, qint64 existingId);

    const LibraryDatabase &m_database;
    ImportSetup m_setup;
    std::optional<DuplicatePolicy> m_rememberedPolicy;
    QPointer<QWidget> m_dialogParent;
    QFutureWatcher<ImportOutcome> m_watcher;
    QPointer<QProgressDialog> m_progress;
};

} // namespace Copydesk
