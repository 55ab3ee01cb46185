// The library as a person uses it: one window on it, its file dialogs, drag and drop, and `copydesk`
// commands on the same file from a terminal meanwhile. Nothing in the window's process may open the
// library's files but SQLite: closing any other descriptor on them drops SQLite's locks, and the next
// process to close its connection then deletes the WAL the window is still writing to.

#include "app/guitestmain.h"
#include "articlelistpanel.h"
#include "copydeskprocess.h"
#include "damagedlibrary.h"
#include "editcontroller.h"
#include "editorpanel.h"
#include "filedialogs.h"
#include "importcontroller.h"
#include "librarybanner.h"
#include "librarycontroller.h"
#include "librarysidebar.h"
#include "mainwindow.h"
#include "openwatch.h"
#include <library/articlelistmodel.h>
#include <library/articlerepository.h>
#include <library/librarydatabase.h>

#include <QAction>
#include <QCryptographicHash>
#include <QDir>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

// The real copydesk binary, as from a terminal; the window's event loop keeps running meanwhile.
CopydeskResult copydesk(const QStringList &arguments)
{
    return runCopydesk(arguments, WhileRunning::ServeEvents);
}

// Descriptors of this process that point at a deleted file of the library: what the window is left
// writing to once another process has deleted its WAL.
QStringList deletedLibraryFilesHeldOpen(const QString &libraryPath)
{
    QStringList deleted;
    const QFileInfoList descriptors = QDir(u"/proc/self/fd"_s).entryInfoList(QDir::Files | QDir::System);
    for (const QFileInfo &descriptor : descriptors) {
        const QString target = descriptor.symLinkTarget();
        if (target.startsWith(libraryPath) && target.endsWith(u"(deleted)"_s))
            deleted.append(target);
    }
    return deleted;
}

QString integrityOf(const QString &path)
{
    LibraryDatabase database(path);
    if (!database.open())
        return database.error();
    QSqlQuery check(u"PRAGMA integrity_check"_s, database.connection());
    return check.next() ? check.value(0).toString() : u"no answer"_s;
}

QString writeStory(const QTemporaryDir &dir, const QString &name, const QString &headline)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(u"News\n\n%1\n\nThe council met on Monday and agreed the budget for the harbour.\n\n"
               "Dock workers said the first ship was unloaded in under a day.\n"_s.arg(headline)
                   .toUtf8());
    return path;
}

} // namespace

class TestLibrarySafety : public QObject
{
    Q_OBJECT

private slots:
    void init() { QSettings().clear(); }

    void theLibrarySurvivesTheFileDialogAnImportOfItselfAndAnotherProcess()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.sqlite"_s);
        const QString wal = path + u"-wal"_s;
        const QString shm = path + u"-shm"_s;
        LibraryDatabase database(path);
        QVERIFY(database.open());
        Article first;
        first.headline = u"Harbour cranes return"_s;
        first.bodyHtml = u"<p>The port reopened its eastern quay.</p>"_s;
        QVERIFY(ArticleRepository(database).insert(first));
        MainWindow window(database);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.editController()->currentId(), first.id);
        // The sidebar's thread opens its connection when it first counts, after the window's first paint.
        window.sidebar()->waitForCounts();
        QVERIFY(QFile::exists(wal) && QFile::exists(shm));
        OpenWatch watch({path, wal, shm});

        // File > Import… on the library's own folder, in detail view: every file's icon and type are shown.
        QFileDialog *dialog =
            FileDialogs::create(&window, u"Import Articles"_s, dir.path(), u"All files (*)"_s);
        dialog->setFileMode(QFileDialog::ExistingFiles);
        dialog->setViewMode(QFileDialog::Detail);
        auto *files = dialog->findChild<QFileSystemModel *>();
        QVERIFY(files);
        QSignalSpy loaded(files, &QFileSystemModel::directoryLoaded);
        dialog->open();
        QVERIFY(loaded.wait(5000) || files->rowCount(files->index(dir.path())) > 0);
        const QModelIndex folder = files->index(dir.path());
        QTRY_VERIFY(files->rowCount(folder) >= 3);
        for (int row = 0; row < files->rowCount(folder); ++row) {
            files->data(files->index(row, 0, folder), Qt::DecorationRole);
            files->data(files->index(row, 2, folder), Qt::DisplayRole); // the type column
        }
        dialog->grab();     // paints the view, as a person would see it
        QTest::qWait(1500); // the file model's gatherer thread works meanwhile
        for (int row = 0; row < files->rowCount(folder); ++row)
            QVERIFY(!files->data(files->index(row, 2, folder)).toString().isEmpty());
        dialog->reject();
        delete dialog;
        QCOMPARE(watch.opens(), 0);

        // The library itself dropped on the window, or chosen in the dialog, is refused by name (and the
        // window says so in a message box, which the person closes).
        QString shownError;
        QTimer closer;
        connect(&closer, &QTimer::timeout, this, [&] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                shownError = box->detailedText();
                box->accept();
            }
        });
        closer.start(50);
        QSignalSpy imported(window.importController(), &ImportController::finished);
        window.importFiles({path, wal});
        QVERIFY(imported.wait(20000));
        closer.stop();
        QVERIFY2(shownError.contains(path), qPrintable(shownError));
        const ImportSummary refused = imported.first().first().value<ImportSummary>();
        QCOMPARE(refused.errors.size(), 2);
        for (const QString &error : refused.errors)
            QVERIFY2(error.contains(u"open Copydesk library"_s), qPrintable(error));
        QCOMPARE(watch.opens(), 0);

        // Another process reads and writes the same library, and ends.
        const CopydeskResult shown =
            copydesk({u"--library"_s, path, u"show"_s, QString::number(first.id), u"--json"_s});
        QCOMPARE(shown.exitCode, 0);
        const QString story = writeStory(dir, u"story.txt"_s, u"Ferry timetable changes"_s);
        const CopydeskResult importedElsewhere = copydesk({u"--library"_s, path, u"import"_s, story});
        QVERIFY2(importedElsewhere.exitCode == 0, qPrintable(importedElsewhere.err));

        watch.opens(); // (the other process's own opens, which are no hazard to this one)

        // The window sees the new article within a second, and still has a live WAL to write to.
        QTRY_COMPARE_WITH_TIMEOUT(window.listModel()->rowCount(), 2, 1500);
        QVERIFY(QFile::exists(wal));
        QCOMPARE(deletedLibraryFilesHeldOpen(path), QStringList());

        // The window goes on saving, and the other process sees it.
        QLineEdit *headline = window.editorPanel()->headlineEdit();
        headline->setFocus();
        headline->end(false);
        QTest::keyClicks(headline, u" again"_s);
        QVERIFY(window.editController()->saveNow());
        QCOMPARE(watch.opens(), 0); // everything the window did since went through SQLite's descriptors
        const CopydeskResult after =
            copydesk({u"--library"_s, path, u"show"_s, QString::number(first.id), u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(after.out.toUtf8()).object().value("headline"_L1).toString(),
                 u"Harbour cranes return again"_s);
        QCOMPARE(copydesk({u"--library"_s, path, u"list"_s}).exitCode, 0);
        QCOMPARE(deletedLibraryFilesHeldOpen(path), QStringList());

        window.close();
    }

    void theFileIsWholeAfterQuitting()
    {
        // The same story, checked after the window and its database are gone.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.sqlite"_s);
        {
            LibraryDatabase database(path);
            QVERIFY(database.open());
            MainWindow window(database);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QFileDialog *dialog = FileDialogs::create(&window, u"Import"_s, dir.path(), u"All files (*)"_s);
            dialog->setViewMode(QFileDialog::Detail);
            dialog->open();
            dialog->grab();
            QTest::qWait(1000);
            delete dialog;
            QVERIFY(
                copydesk({u"--library"_s, path, u"import"_s, writeStory(dir, u"a.txt"_s, u"First story"_s)})
                    .exitCode == 0);
            QTRY_COMPARE_WITH_TIMEOUT(window.listModel()->rowCount(), 1, 1500);
            window.listPanel()->selectArticle(window.listModel()->idAt(0));
            QTRY_VERIFY(window.editController()->currentId() > 0);
            window.editorPanel()->headlineEdit()->setFocus();
            QTest::keyClicks(window.editorPanel()->headlineEdit(), u", edited"_s);
            QVERIFY(
                copydesk({u"--library"_s, path, u"import"_s, writeStory(dir, u"b.txt"_s, u"Second story"_s)})
                    .exitCode == 0);
            window.close();
        }
        QCOMPARE(integrityOf(path), u"ok"_s);
        LibraryDatabase database(path);
        QVERIFY(database.open());
        ArticleRepository repository(database);
        QCOMPARE(repository.count(), 2);
        QCOMPARE(repository.search(u"edited"_s, 0, 10).size(), 1);
    }

    void theOpenArticleFollowsOtherProgramsAndIsNeverOverwrittenByAnOlderCopy()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.sqlite"_s);
        LibraryDatabase database(path);
        QVERIFY(database.open());
        Article article;
        article.headline = u"Budget agreed"_s;
        article.standfirst = u"The council met on Monday"_s;
        article.bodyHtml = u"<p>The council agreed the budget.</p>"_s;
        QVERIFY(ArticleRepository(database).insert(article));
        MainWindow window(database);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.editController()->currentId(), article.id);

        LibraryDatabase elsewhere(path); // another program's connection
        QVERIFY(elsewhere.open());
        ArticleRepository theirs(elsewhere);

        // No edits here: their change shows within a second.
        Article changed = *theirs.load(article.id);
        changed.standfirst = u"The council met late on Monday"_s;
        QVERIFY(theirs.update(changed));
        auto *standfirst = window.editorPanel()->findChild<QLineEdit *>(u"standfirstEdit"_s);
        QVERIFY(standfirst);
        QTRY_COMPARE_WITH_TIMEOUT(standfirst->text(), u"The council met late on Monday"_s, 1500);

        // Edits on both sides to different fields: both are kept.
        QLineEdit *headline = window.editorPanel()->headlineEdit();
        headline->setFocus();
        headline->end(false);
        QTest::keyClicks(headline, u" at last"_s);
        changed = *theirs.load(article.id);
        changed.status = ArticleStatus::Ready;
        QVERIFY(theirs.update(changed));
        QVERIFY(window.editController()->saveNow());
        std::optional<Article> stored = theirs.load(article.id);
        QCOMPARE(stored->headline, u"Budget agreed at last"_s);
        QCOMPARE(stored->status, ArticleStatus::Ready);
        QCOMPARE(stored->standfirst, u"The council met late on Monday"_s);
        QCOMPARE(theirs.revisions(article.id).size(), 0);

        // Both change the headline: ours is saved, theirs goes into the history, nothing is lost.
        QTest::keyClicks(headline, u"!"_s);
        changed = *theirs.load(article.id);
        changed.headline = u"Budget agreed, says mayor"_s;
        QVERIFY(theirs.update(changed));
        QVERIFY(window.editController()->saveNow());
        stored = theirs.load(article.id);
        QCOMPARE(stored->headline, u"Budget agreed at last!"_s);
        const QList<RevisionInfo> history = theirs.revisions(article.id);
        QCOMPARE(history.size(), 1);
        QCOMPARE(theirs.revision(article.id, history.first().number)->headline,
                 u"Budget agreed, says mayor"_s);
        window.close();
    }

    void aReadOnlyLibraryOpensWithABannerAndTakesNoEdits()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.sqlite"_s);
        {
            LibraryDatabase database(path);
            QVERIFY(database.open());
            Article article;
            article.headline = u"Filed last week"_s;
            QVERIFY(ArticleRepository(database).insert(article));
        }
        LibraryDatabase database(path);
        QVERIFY(database.open(LibraryDatabase::Access::ReadOnly));
        MainWindow window(database);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.banner()->isVisible());
        QVERIFY(window.banner()->text().contains(u"Read-only"_s));
        QTRY_VERIFY(window.editController()->currentId() > 0);
        QCOMPARE(window.editorPanel()->headlineEdit()->text(), u"Filed last week"_s);
        QVERIFY(window.editorPanel()->headlineEdit()->isReadOnly());
        QVERIFY(window.editorPanel()->bodyEdit()->isReadOnly());
        for (QAction *action : window.findChildren<QAction *>()) {
            const QString text = action->text().remove(u'&');
            if (text == u"New Article"_s || text == u"Import…"_s || text == u"Save from URL…"_s)
                QVERIFY2(!action->isEnabled(), qPrintable(text));
        }
    }

    void aDamagedLibraryIsReportedAndNeverWritten()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.sqlite"_s);
        QVERIFY(writeDamagedLibrary(path));
        auto hash = [&] {
            QFile file(path);
            return file.open(QIODevice::ReadOnly)
                       ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
                       : QByteArray();
        };
        const QByteArray before = hash();
        {
            LibraryDatabase database(path);
            QVERIFY(database.open());
            MainWindow window(database);
            QSignalSpy checked(window.libraryController(), &LibraryController::healthChecked);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            // (It may have come while the window was being shown.)
            QTRY_VERIFY_WITH_TIMEOUT(!checked.isEmpty(), 10000);
            QVERIFY(!checked.first().first().toStringList().isEmpty());
            QVERIFY(window.banner()->isVisible());
            QVERIFY(window.banner()->text().contains(u"damaged"_s));
            QVERIFY(window.editorPanel()->bodyEdit()->isReadOnly());
            QVERIFY(!database.writesAllowed());
            window.close();
        }
        QCOMPARE(hash(), before);
    }
};

COPYDESK_GUI_TEST_MAIN(TestLibrarySafety)
#include "tst_librarysafety.moc"
