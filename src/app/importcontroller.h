#pragma once

#include "importservice.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

class QProgressDialog;
class QWidget;

namespace Copydesk {

class LibraryDatabase;

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

    void importFiles(const QStringList &paths);
    bool isRunning() const { return m_watcher.isRunning(); }

signals:
    void finished(const Copydesk::ImportSummary &summary);

private:
    const LibraryDatabase &m_database;
    QPointer<QWidget> m_dialogParent;
    QFutureWatcher<ImportOutcome> m_watcher;
    QPointer<QProgressDialog> m_progress;
};

} // namespace Copydesk
