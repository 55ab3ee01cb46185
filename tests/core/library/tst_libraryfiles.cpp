#include "core/testlibrary.h"
#include "openwatch.h"
#include <import/importservice.h>
#include <import/webpage/pageimages.h>
#include <library/atomicfile.h>
#include <library/libraryfiles.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Copydesk;

class TestLibraryFiles : public QObject
{
    Q_OBJECT

private slots:
    void knowsTheFilesByIdentityNotName()
    {
        TestLibrary library;
        Article article = sampleArticle(u"One"_s);
        QVERIFY(library.repository->insert(article)); // the -wal and -shm exist from here on
        const QString path = library.path();
        QVERIFY(QFile::exists(path + u"-wal"_s));
        QVERIFY(LibraryFiles::belongsToLibrary(path, path));
        QVERIFY(LibraryFiles::belongsToLibrary(path + u"-wal"_s, path));
        QVERIFY(LibraryFiles::belongsToLibrary(path + u"-shm"_s, path));
        // Not there yet, but SQLite would use it: refused by folder and name.
        QVERIFY(LibraryFiles::belongsToLibrary(path + u"-journal"_s, path));
        // Other names for the same file.
        const QString link = library.dir.filePath(u"other-name.txt"_s);
        QVERIFY(QFile::link(path, link));
        QVERIFY(LibraryFiles::belongsToLibrary(link, path));
        const QString hardLink = library.dir.filePath(u"hard.json"_s);
        QCOMPARE(::link(QFile::encodeName(path).constData(), QFile::encodeName(hardLink).constData()), 0);
        QVERIFY(LibraryFiles::belongsToLibrary(hardLink, path));
        const QString folderAlias = library.dir.filePath(u"."_s) + u"/./library.sqlite-wal"_s;
        QVERIFY(LibraryFiles::belongsToLibrary(folderAlias, path));
        // An ordinary file beside it is not.
        const QString story = library.dir.filePath(u"story.txt"_s);
        QFile file(story);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Headline\n\nBody.\n");
        file.close();
        QVERIFY(!LibraryFiles::belongsToLibrary(story, path));
        QVERIFY(LibraryFiles::refusal(story).isEmpty());
    }

    void refusesOnlyWhileALibraryIsOpen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.sqlite"_s);
        {
            LibraryDatabase database(path);
            QVERIFY(database.open());
            const QString refusal = LibraryFiles::refusal(path);
            QVERIFY(refusal.contains(path));
            QVERIFY(refusal.contains(u"open Copydesk library"_s));
            QVERIFY(!LibraryFiles::refusal(path + u"-wal"_s).isEmpty());
        }
        QVERIFY(LibraryFiles::refusal(path).isEmpty()); // closed: an ordinary file again
    }

    void importNeverOpensTheLibrary()
    {
        TestLibrary library;
        Article article = sampleArticle(u"One"_s);
        QVERIFY(library.repository->insert(article));
        const QString path = library.path();
        OpenWatch watch({path, path + u"-wal"_s, path + u"-shm"_s});
        ImportService service(*library.repository);
        for (const QString &file : {path, path + u"-wal"_s, path + u"-shm"_s}) {
            const ImportOutcome outcome = service.importFile(file);
            QCOMPARE(outcome.status, ImportOutcome::Status::Failed);
            QVERIFY2(outcome.error.startsWith(file) && outcome.error.contains(u"open Copydesk library"_s),
                     qPrintable(outcome.error));
        }
        QCOMPARE(watch.opens(), 0);
        QCOMPARE(library.repository->count(), 1);
    }

    void aSavedPageCannotNameTheLibraryAsItsPicture()
    {
        TestLibrary library;
        Article article = sampleArticle(u"One"_s);
        QVERIFY(library.repository->insert(article));
        const QString path = library.path();
        OpenWatch watch({path, path + u"-wal"_s, path + u"-shm"_s});
        ImageSources sources;
        sources.pageFolder = library.dir.path();
        sources.baseUrl = QUrl::fromLocalFile(library.dir.filePath(u"page.html"_s));
        ImageLoader loader(sources);
        const LoadedImage image =
            loader.load({u"library.sqlite"_s, u"library.sqlite-wal"_s, QUrl::fromLocalFile(path).toString()});
        QVERIFY(image.status != LoadedImage::Status::Loaded);
        QCOMPARE(watch.opens(), 0);
    }

    void exportsNeverReplaceTheLibrary()
    {
        TestLibrary library;
        Article article = sampleArticle(u"One"_s);
        QVERIFY(library.repository->insert(article));
        const QString path = library.path();
        for (const QString &target : {path, path + u"-wal"_s, path + u"-journal"_s}) {
            QString error;
            QVERIFY(!writeFileAtomically(target, "<html></html>", &error));
            QVERIFY2(error.contains(u"open Copydesk library"_s), qPrintable(error));
        }
        QVERIFY(!QFile::exists(path + u"-journal"_s));
        QCOMPARE(library.repository->count(), 1); // still there, read through SQLite
        // An ordinary target is written whole.
        QString error;
        const QString page = library.dir.filePath(u"page.html"_s);
        QVERIFY2(writeFileAtomically(page, "<html></html>", &error), qPrintable(error));
        QFile written(page);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), QByteArray("<html></html>"));
    }
};

QTEST_GUILESS_MAIN(TestLibraryFiles)
#include "tst_libraryfiles.moc"
