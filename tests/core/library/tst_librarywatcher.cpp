#include <library/articlerepository.h>
#include <library/librarydatabase.h>
#include <library/librarywatcher.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Copydesk;

class TestLibraryWatcher : public QObject
{
    Q_OBJECT

private slots:
    void seesWhatOtherConnectionsCommit()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.sqlite"_s);
        LibraryDatabase window(path);
        QVERIFY(window.open());
        LibraryWatcher watcher(window);
        watcher.setInterval(50);
        QSignalSpy changed(&watcher, &LibraryWatcher::changedElsewhere);

        ArticleRepository own(window);
        Article mine;
        mine.headline = u"Mine"_s;
        QVERIFY(own.insert(mine));
        QTest::qWait(200);
        QCOMPARE(changed.size(), 0); // its own writes are known already

        LibraryDatabase other(path); // as a command-line import would
        QVERIFY(other.open());
        Article theirs;
        theirs.headline = u"Theirs"_s;
        QVERIFY(ArticleRepository(other).insert(theirs));
        QVERIFY(changed.wait(1000));
        QTest::qWait(200);
        QCOMPARE(changed.size(), 1); // once per change, not once per poll
    }
};

QTEST_GUILESS_MAIN(TestLibraryWatcher)
#include "tst_librarywatcher.moc"
