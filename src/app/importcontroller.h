#pragma once

#include <import/importservice.h>

#include <QFutureWatcher>
#include <QMutex>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
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

// What the worker has done, file by file; read by the GUI thread when the import ends. A cancelled future
// drops results reported after the cancel, so outcomes are kept here instead.
struct ImportLog
{
    QMutex mutex;
    QList<ImportOutcome> outcomes;
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
    // How long an import runs before its progress dialog shows (400 ms: a quick one shows none).
    void setProgressDelay(int milliseconds) { m_progressDelayMs = milliseconds; }
    QProgressDialog *progressDialog() const;

    static QStringList articleFilePatterns();

signals:
    void finished(const Copydesk::ImportSummary &summary);

private:
    DuplicatePolicy askAboutDuplicate(const Article &incoming, qint64 existingId);

    const LibraryDatabase &m_database;
    ImportSetup m_setup;
    std::optional<DuplicatePolicy> m_rememberedPolicy;
    QPointer<QWidget> m_dialogParent;
    QFutureWatcher<void> m_watcher;
    std::shared_ptr<ImportLog> m_log;
    QPointer<QProgressDialog> m_progress;
    int m_progressDelayMs = 400;
};

} // namespace Copydesk

Q_DECLARE_METATYPE(Copydesk::ImportSummary)
