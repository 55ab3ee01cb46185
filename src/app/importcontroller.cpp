#include "importcontroller.h"

#include "duplicatedialog.h"
#include <library/articlerepository.h>
#include <library/librarydatabase.h>

#include <QDirIterator>
#include <QFileInfo>
#include <QProgressDialog>
#include <QPromise>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

// A folder stands for the article files in it, and in its subfolders.
QStringList expandFolders(const QStringList &paths)
{
    QStringList files;
    for (const QString &path : paths) {
        if (!QFileInfo(path).isDir()) {
            files.append(path);
            continue;
        }
        QDirIterator it(path, ImportController::articleFilePatterns(), QDir::Files,
                        QDirIterator::Subdirectories);
        QStringList found;
        while (it.hasNext())
            found.append(it.next());
        found.sort();
        files.append(found);
    }
    return files;
}

void importInWorker(QPromise<void> &promise, const LibraryDatabase *database, const QStringList &files,
                    const ImportService::DuplicateDecider &decide, const ImportSetup &setup,
                    const std::shared_ptr<ImportLog> &log)
{
    ArticleRepository repository(*database); // this thread's own connection
    ImportService service(repository);
    service.setDuplicateDecider([&](const Article &incoming, qint64 existingId) {
        return promise.isCanceled() ? DuplicatePolicy::Skip : decide(incoming, existingId);
    });
    if (setup)
        setup(service);
    if (files.isEmpty() || promise.isCanceled())
        return;
    auto shownName = [](const QString &file) {
        return ImportService::isWebAddress(file) ? file : QFileInfo(file).fileName();
    };
    promise.setProgressRange(0, int(files.size()));
    promise.setProgressValueAndText(0, shownName(files.first()));
    service.importFiles(files, [&](qsizetype i, ImportOutcome &&outcome) {
        {
            const QMutexLocker locker(&log->mutex);
            log->outcomes.append(std::move(outcome));
        }
        if (i + 1 < files.size())
            promise.setProgressValueAndText(int(i + 1), shownName(files.at(i + 1)));
        return !promise.isCanceled();
    });
    promise.setProgressValue(int(files.size()));
}

} // namespace

QStringList ImportController::articleFilePatterns()
{
    return {u"*.txt"_s, u"*.text"_s,  u"*.md"_s,  u"*.markdown"_s, u"*.html"_s,
            u"*.htm"_s, u"*.xhtml"_s, u"*.mht"_s, u"*.mhtml"_s,    u"*.json"_s};
}

ImportController::ImportController(const LibraryDatabase &database, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_dialogParent(dialogParent)
{
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, [this] {
        ImportSummary summary;
        summary.cancelled = m_watcher.isCanceled();
        QList<ImportOutcome> outcomes;
        if (m_log) {
            const QMutexLocker locker(&m_log->mutex);
            outcomes = m_log->outcomes;
        }
        for (const ImportOutcome &outcome : outcomes) {
            summary.importedIds.append(outcome.articleIds);
            if (outcome.status == ImportOutcome::Status::Skipped)
                ++summary.skipped;
            if (!outcome.error.isEmpty())
                summary.errors.append(outcome.error);
            summary.warnings.append(outcome.warnings);
        }
        // Gone before the summary is shown, so that nothing stands over it. Deleted, not hidden: a progress
        // dialog shows itself once its minimum duration has passed, even over a message box shown later.
        delete m_progress;
        emit finished(summary);
    });
}

ImportController::~ImportController()
{
    m_watcher.cancel();
    // The worker may be waiting for an answer from this thread (a duplicate question): keep serving it.
    while (m_watcher.isRunning())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

QProgressDialog *ImportController::progressDialog() const
{
    return m_progress;
}

DuplicatePolicy ImportController::askAboutDuplicate(const Article &incoming, qint64 existingId)
{
    if (m_rememberedPolicy)
        return *m_rememberedPolicy;
    const ArticleRepository repository(m_database);
    const std::optional<ArticleSummary> existing = repository.summary(existingId);
    if (!existing)
        return DuplicatePolicy::KeepBoth;
    // Over the progress dialog: a window-modal progress dialog would otherwise stand over the question and
    // keep it from being answered. Shown first if its delay has not passed yet, or it would come up over the
    // question when it does.
    if (m_progress && !m_progress->isVisible())
        m_progress->show();
    QWidget *parent = m_progress ? static_cast<QWidget *>(m_progress) : m_dialogParent.data();
    const DuplicateDialog::Answer answer = DuplicateDialog::ask(parent, incoming, *existing);
    if (answer.forAllRemaining)
        m_rememberedPolicy = answer.policy;
    return answer.policy;
}

void ImportController::importFiles(const QStringList &paths)
{
    if (m_watcher.isRunning() || paths.isEmpty())
        return;
    const QStringList files = expandFolders(paths);
    m_rememberedPolicy.reset();
    // Asked from the worker, answered here on the GUI thread. A wait the worker truly needs: what it stores
    // next depends on the answer, and the person may take a while to give it.
    ImportService::DuplicateDecider decide = [this](const Article &incoming, qint64 existingId) {
        DuplicatePolicy policy = DuplicatePolicy::Skip;
        QMetaObject::invokeMethod(
            this, [&] { policy = askAboutDuplicate(incoming, existingId); }, Qt::BlockingQueuedConnection);
        return policy;
    };
    m_progress = new QProgressDialog(tr("Importing…"), tr("Cancel"), 0, int(files.size()), m_dialogParent);
    m_progress->setWindowTitle(tr("Import"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(m_progressDelayMs); // a quick import of one file shows no dialog at all
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, &m_watcher, &QFutureWatcher<void>::cancel);
    connect(&m_watcher, &QFutureWatcher<void>::progressValueChanged, m_progress, &QProgressDialog::setValue);
    connect(&m_watcher, &QFutureWatcher<void>::progressTextChanged, m_progress,
            [this, count = files.size()](const QString &file) {
                m_progress->setLabelText(
                    tr("Importing %1 of %2: %3").arg(m_progress->value() + 1).arg(count).arg(file));
            });
    m_log = std::make_shared<ImportLog>();
    m_watcher.setFuture(QtConcurrent::run(importInWorker, &m_database, files, decide, m_setup, m_log));
}

} // namespace Copydesk
