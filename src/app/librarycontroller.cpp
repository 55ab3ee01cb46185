#include "librarycontroller.h"

#include "filedialogs.h"
#include "librarybanner.h"
#include <library/librarydatabase.h>
#include <library/libraryrescue.h>

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPromise>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Copydesk {

LibraryController::LibraryController(LibraryDatabase &database, LibraryBanner *banner, QWidget *dialogParent,
                                     QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_banner(banner)
    , m_dialogParent(dialogParent)
    , m_rescueAction(new QAction(tr("&Rescue into a New Library…"), this))
    , m_openAnotherAction(new QAction(tr("&Open Another Library…"), this))
{
    connect(m_rescueAction, &QAction::triggered, this, &LibraryController::rescueRequested);
    connect(m_openAnotherAction, &QAction::triggered, this, &LibraryController::chooseAnotherLibrary);
    connect(&m_healthCheck, &QFutureWatcher<QStringList>::finished, this, [this] {
        const QStringList problems = m_healthCheck.result();
        if (m_database.health() == LibraryDatabase::Health::Unchecked)
            return; // interrupted
        showState(problems);
        emit healthChecked(problems);
        if (!problems.isEmpty())
            emit writeAccessChanged(false);
    });
    showState({});
}

LibraryController::~LibraryController()
{
    // The check reads through the database, which must outlive it: stop it rather than wait for it.
    m_database.interruptQuickCheck();
    m_healthCheck.waitForFinished();
}

bool LibraryController::writesAllowed() const
{
    return m_database.writesAllowed();
}

void LibraryController::checkHealth()
{
    if (m_healthCheck.isRunning())
        return;
    // On a pool thread with that thread's own connection: quick_check reads the whole file.
    m_healthCheck.setFuture(QtConcurrent::run([database = &m_database] { return database->quickCheck(); }));
}

void LibraryController::showState(const QStringList &problems)
{
    const QString name = QDir::toNativeSeparators(m_database.path());
    if (!problems.isEmpty()) {
        // SQLite's report, shortened to its first finding: the banner is for a person, the log has it all.
        QStringList findings;
        for (const QString &problem : problems) {
            for (const QString &line : problem.split(u'\n', Qt::SkipEmptyParts)) {
                if (!line.startsWith("***"_L1))
                    findings.append(line.trimmed());
            }
        }
        QString found = findings.value(0);
        if (findings.size() > 1)
            found += u' ' + tr("and %n more", nullptr, int(findings.size() - 1));
        m_banner->showMessage(
            LibraryBanner::Kind::Error,
            tr("<b>This library is damaged.</b> Copydesk has stopped writing to %1 so that nothing more is "
               "lost. "
               "Rescue what can still be read into a new library, or open another one. (SQLite found: %2)")
                .arg(name.toHtmlEscaped(), found.toHtmlEscaped()),
            {m_rescueAction, m_openAnotherAction});
    } else if (m_database.isReadOnly()) {
        m_banner->showMessage(LibraryBanner::Kind::Warning,
                              tr("<b>Read-only:</b> %1 can be read and exported but not changed, because %2.")
                                  .arg(name.toHtmlEscaped(), m_database.readOnlyReason().toHtmlEscaped()),
                              {m_openAnotherAction});
    } else {
        m_banner->hide();
    }
}

void LibraryController::chooseAnotherLibrary()
{
    const QString path =
        FileDialogs::openFile(m_dialogParent, tr("Open Library"), QFileInfo(m_database.path()).absolutePath(),
                              tr("Copydesk libraries (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty())
        emit openLibraryRequested(path);
}

void LibraryController::rescue(const QList<Article> &unsaved)
{
    const QFileInfo damaged(m_database.path());
    const QString suggested =
        damaged.absoluteDir().filePath(damaged.completeBaseName() + u"-rescued.sqlite"_s);
    const QString target = FileDialogs::saveFile(m_dialogParent, tr("Rescue into a New Library"), suggested,
                                                 tr("Copydesk libraries (*.sqlite)"));
    if (target.isEmpty())
        return;
    if (QFileInfo::exists(target)) {
        QMessageBox::warning(m_dialogParent, tr("Rescue"),
                             tr("%1 already exists. A rescue writes a new library only; choose a new name.")
                                 .arg(QDir::toNativeSeparators(target)));
        return;
    }

    QProgressDialog progress(tr("Rescuing articles…"), tr("Stop"), 0, 0, m_dialogParent);
    progress.setWindowTitle(tr("Rescue"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    QFutureWatcher<RescueReport> watcher;
    connect(&watcher, &QFutureWatcher<RescueReport>::progressRangeChanged, &progress,
            &QProgressDialog::setRange);
    connect(&watcher, &QFutureWatcher<RescueReport>::progressValueChanged, &progress,
            &QProgressDialog::setValue);
    connect(&progress, &QProgressDialog::canceled, &watcher, &QFutureWatcher<RescueReport>::cancel);
    connect(&watcher, &QFutureWatcher<RescueReport>::finished, &progress, &QProgressDialog::reset);
    watcher.setFuture(
        QtConcurrent::run([damaged = &m_database, target, unsaved](QPromise<RescueReport> &promise) {
            LibraryDatabase rescued(target);
            RescueReport report;
            if (!rescued.open()) {
                report.error = rescued.error();
            } else {
                report = LibraryRescue::rescue(*damaged, rescued, unsaved, [&](int done, int total) {
                    promise.setProgressRange(0, total);
                    promise.setProgressValue(done);
                    return !promise.isCanceled();
                });
            }
            promise.addResult(report);
        }));
    progress.exec();
    watcher.waitForFinished();
    const RescueReport report = watcher.future().resultCount() > 0 ? watcher.result() : RescueReport{};
    if (!report.error.isEmpty()) {
        QMessageBox::critical(m_dialogParent, tr("Rescue"), report.error);
        return;
    }
    QString message =
        tr("%n article(s) rescued into %1.", nullptr, report.rescued).arg(QDir::toNativeSeparators(target));
    if (!report.unreadable.isEmpty())
        message += u' ' + tr("%n article(s) could not be read.", nullptr, int(report.unreadable.size()));
    if (report.cancelled)
        message += u' ' + tr("The rescue was stopped before the end.");
    message += u' ' + tr("Copydesk will now open the new library; the damaged one is left as it was.");
    QMessageBox::information(m_dialogParent, tr("Rescue"), message);
    emit openLibraryRequested(target);
}

} // namespace Copydesk
