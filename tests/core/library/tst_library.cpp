// The library as the window uses it: saves on its writer thread, announced like the others, and the
// writer's own commits never mistaken for another program's.

#include <library/library.h>
#include <library/librarydatabase.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Copydesk;

Q_DECLARE_METATYPE(Copydesk::BackgroundSave)

class TestLibrary : public QObject
{
    Q_OBJECT

private slots:
    void savesInTheBackgroundAndAnnouncesIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.sqlite"_s);
        LibraryDatabase database(path);
        QVERIFY(database.open());
        Library library(database);
        Article article;
        article.headline = u"Ferries"_s;
        article.bodyHtml = u"<p>Two crossings cut.</p>"_s;
        QVERIFY(library.insert(article));

        QSignalSpy finished(&library, &Library::backgroundSaveFinished);
        QSignalSpy changed(&library, &Library::articleChanged);
        QSignalSpy elsewhere(&library, &Library::changedElsewhere);
        Article edited = article;
        edited.bodyHtml = u"<p>Two evening crossings cut from Sunday.</p>"_s;
        const quint64 ticket =
            library.updateIfUnchangedInBackground(edited, article.updatedAt, ArticleRepository::FieldsOnly);
        QVERIFY(library.hasBackgroundSaves());
        QVERIFY(finished.wait(5000));
        const auto save = finished.first().first().value<BackgroundSave>();
        QCOMPARE(save.ticket, ticket);
        QCOMPARE(save.result, ArticleRepository::UpdateResult::Saved);
        QVERIFY(save.article.updatedAt > article.updatedAt);
        QCOMPARE(changed.size(), 1);
        QVERIFY(!library.hasBackgroundSaves());
        // Stored, as the window's own connection reads it.
        QCOMPARE(library.articles().load(article.id)->bodyText, u"Two evening crossings cut from Sunday."_s);
        // The writer's commit is the window's own: no "changed elsewhere" for it, polls later included.
        QTest::qWait(1000);
        QCOMPARE(elsewhere.size(), 0);

        // A save based on an old version is refused as a conflict, and changes nothing.
        library.updateIfUnchangedInBackground(edited, article.updatedAt, ArticleRepository::FieldsOnly);
        library.waitForBackgroundSaves(); // delivered now, without an event loop
        QCOMPARE(finished.size(), 2);
        QCOMPARE(finished.last().first().value<BackgroundSave>().result,
                 ArticleRepository::UpdateResult::Conflict);

        // Another program's commit is still seen.
        LibraryDatabase other(path);
        QVERIFY(other.open());
        Article theirs;
        theirs.headline = u"Theirs"_s;
        QVERIFY(ArticleRepository(other).insert(theirs));
        QVERIFY(elsewhere.wait(2000));
    }
};

QTEST_GUILESS_MAIN(TestLibrary)
#include "tst_library.moc"
