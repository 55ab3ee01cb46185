#include "core/testlibrary.h"
#include <library/articlelistmodel.h>
#include <library/articlequeryrunner.h>
#include <library/library.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace Copydesk;

class TestArticleListModel : public QObject
{
    Q_OBJECT

private:
    static void fill(ArticleRepository &repository, int count)
    {
        const QDateTime base(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC);
        for (int i = 0; i < count; ++i) {
            Article article = sampleArticle(u"Article %1"_s.arg(i, 3, 10, QChar(u'0')));
            article.createdAt = base.addSecs(i * 60);
            if (i % 50 == 0)
                article.bodyHtml = u"<p>A rare word: quixotic.</p>"_s;
            QVERIFY(repository.insert(article));
        }
    }

    // 450 articles, listed as the window lists them: the first page at once, the rest through a runner.
    struct ModelWithRunner
    {
        TestLibrary library;
        ArticleQueryRunner runner{*library.database};
        ArticleListModel model{*library.repository};

        ModelWithRunner()
        {
            fill(*library.repository, 450);
            model.setRunner(&runner);
        }
    };

private slots:
    void locatesAnArticleBeyondThePagesHeld()
    {
        ModelWithRunner fixture;
        ArticleListModel &model = fixture.model;
        // The count held back, as a window does until its first frames: the row found is past the rows
        // known, and shows once they are counted.
        model.holdCount();
        model.reload();
        QCOMPARE(model.rowCount(), ArticleListModel::PageSize);
        const qint64 oldest = fixture.library.repository->findRows(ArticleQuery(), 449, 1).value(0).id;
        QVERIFY(oldest > 0);
        QCOMPARE(model.rowOf(oldest), -1);
        QSignalSpy located(&model, &ArticleListModel::articleLocated);
        model.locate(oldest);
        QTest::qWait(100);
        QCOMPARE(located.count(), 0); // not before the rows are counted
        model.releaseCount();
        QTRY_COMPARE(located.count(), 1);
        QCOMPARE(located.at(0).at(0).toLongLong(), oldest);
        QCOMPARE(located.at(0).at(1).toInt(), 449);
        QCOMPARE(model.rowOf(oldest), 449); // its page held
        QCOMPARE(model.rowCount(), 450);

        // Known rows: at once after the runner's answer. Another order has no keyset: nothing comes.
        const qint64 middle = model.idAt(300);
        model.locate(middle);
        QTRY_COMPARE(located.count(), 2);
        QCOMPARE(located.at(1).at(1).toInt(), 300);
        ArticleQuery byHeadline;
        byHeadline.order = ArticleQuery::Order::Headline;
        model.setQuery(byHeadline);
        QTRY_VERIFY(!model.isReading());
        model.locate(oldest);
        QTest::qWait(200);
        QCOMPARE(located.count(), 2);
    }

    void knowsItsRowsAndHoldsOnlyAFewPages()
    {
        TestLibrary library;
        fill(*library.repository, 2300);
        // No QAbstractItemModelTester here: it reads every row itself, which is what is under test.
        ArticleListModel model(*library.repository);
        model.reload();
        QCOMPARE(model.rowCount(), 2300); // every row is there from the start
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.cachedPageCount(), 1);
        QCOMPARE(model.index(0).data().toString(), u"Article 2299"_s); // newest first
        // Ctrl+End: the last article at once, its page read from the end.
        QCOMPARE(model.index(2299).data().toString(), u"Article 000"_s);
        QCOMPARE(model.cachedPageCount(), 2);
        // Scrolling through all of it keeps no more than a few pages.
        for (int row = 0; row < model.rowCount(); ++row) {
            const int number = 2299 - row;
            const QString expected = u"Article %1"_s.arg(number, 3, 10, QChar(u'0'));
            QCOMPARE(model.index(row).data().toString(), expected);
            QVERIFY(model.cachedPageCount() <= ArticleListModel::CachedPages);
        }
        QCOMPARE(model.rowOf(model.idAt(10)), 10);
    }

    void pagesReadFromTheEndMatchThoseReadFromTheStart_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("order"); // -1: the default
        QTest::newRow("newest") << QString() << -1;
        QTest::newRow("headline") << QString() << int(ArticleQuery::Order::Headline);
        QTest::newRow("longest") << QString() << int(ArticleQuery::Order::Longest);
        // More matches than are ranked: a ranked part and the rest, newest stored first.
        QTest::newRow("ranked search") << u"article"_s << -1;
        QTest::newRow("search by date") << u"article"_s << int(ArticleQuery::Order::Newest);
        QTest::newRow("rare word") << u"quixotic"_s << -1;
    }

    void pagesReadFromTheEndMatchThoseReadFromTheStart()
    {
        QFETCH(QString, text);
        QFETCH(int, order);
        static TestLibrary *library = nullptr; // one library for every row of the table
        if (!library) {
            library = new TestLibrary;
            fill(*library->repository, 2300);
        }
        ArticleQuery query;
        query.text = text;
        if (order >= 0)
            query.order = ArticleQuery::Order(order);
        const ArticleRepository &repository = *library->repository;
        const int total = repository.countRows(query);
        QCOMPARE(total, text == u"quixotic"_s ? 46 : 2300);
        QList<qint64> forward;
        QList<qint64> fromEnd;
        for (int first = 0; first < total; first += ArticleListModel::PageSize) {
            for (const ArticleSummary &row : repository.findRows(query, first, ArticleListModel::PageSize))
                forward.append(row.id);
            const QList<ArticleSummary> page =
                repository.findRows(query, first, ArticleListModel::PageSize, total);
            for (const ArticleSummary &row : page) {
                fromEnd.append(row.id);
                if (hasWords(query))
                    QVERIFY(!row.snippet.isEmpty());
            }
        }
        QCOMPARE(forward.size(), total);
        QCOMPARE(fromEnd, forward);
        QCOMPARE(QSet<qint64>(forward.cbegin(), forward.cend()).size(), total); // each once
        if (isRankedSearch(query) && total > PageRequest::RankedCandidates) {
            // After the ranked candidates, the rest newest stored first.
            const QList<qint64> rest = forward.mid(PageRequest::RankedCandidates);
            QVERIFY(std::is_sorted(rest.crbegin(), rest.crend()));
            QVERIFY(rest.first() <
                    *std::min_element(forward.cbegin(), forward.cbegin() + PageRequest::RankedCandidates));
        }
    }

    void aRunnerReadsQueriesOffThisThreadAndTheNewestWins()
    {
        ModelWithRunner fixture;
        ArticleListModel &model = fixture.model;
        model.reload(); // the first page here, the count on the runner's thread
        QCOMPARE(model.rowCount(), ArticleListModel::PageSize);
        QTRY_COMPARE(model.rowCount(), 450);
        QSignalSpy shown(&model, &ArticleListModel::queryShown);
        // Typing: each query asked for returns at once, the rows shown stay until the newest is read.
        model.setSearchText(u"quix"_s);
        QVERIFY(model.isReading());
        QCOMPARE(model.query().text, u"quix"_s);
        QCOMPARE(model.rowCount(), 450);
        model.setSearchText(u"quixotic"_s);
        QTRY_VERIFY(!model.isReading());
        QCOMPARE(model.shownQuery().text, u"quixotic"_s);
        QCOMPARE(model.rowCount(), 9);
        QTRY_COMPARE(shown.size(), 1); // the older query was never shown
        QCOMPARE(shown.size(), 1);
        QVERIFY(model.index(0).data(ArticleListModel::SnippetRole).toString().contains(u"[quixotic]"_s));
    }

    // The window holds the count back until the list's first frame is painted (holdCount, releaseCount);
    // a view that scrolls past the first page before then gets its rows anyway.
    void aHeldCountIsAskedForWhenReleased()
    {
        ModelWithRunner fixture;
        ArticleListModel &model = fixture.model;
        model.holdCount();
        model.reload();
        QCOMPARE(model.rowCount(), ArticleListModel::PageSize);
        QTest::qWait(300); // time enough for a count that was asked for
        QCOMPARE(model.rowCount(), ArticleListModel::PageSize);
        QVERIFY(model.canFetchMore({}));
        model.releaseCount();
        QTRY_COMPARE(model.rowCount(), 450);
        QVERIFY(!model.canFetchMore({}));

        // Released, later reloads ask at once; held again, a view wanting more counts on this thread.
        model.reload();
        QTRY_COMPARE(model.rowCount(), 450);
        model.holdCount();
        model.reload();
        QCOMPARE(model.rowCount(), ArticleListModel::PageSize);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 450);
    }

    void searchesWithTheSameLaziness()
    {
        TestLibrary library;
        fill(*library.repository, 120);
        ArticleListModel model(*library.repository);
        model.setSearchText(u"quixotic"_s);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(model.index(0).data(ArticleListModel::SnippetRole).toString().contains(u"[quixotic]"_s));
        model.setQuery({});
        QCOMPARE(model.rowCount(), 120);
    }

    void refreshKeepsRowsInPlaceOrResets()
    {
        TestLibrary library;
        fill(*library.repository, 450);
        ArticleListModel model(*library.repository);
        model.reload();
        QCOMPARE(model.rowCount(), 450);
        // Only now: the tester fetches more rows inside a reset, which it then takes for a fault.
        QAbstractItemModelTester tester(&model);

        // Changed elsewhere: same rows, new text.
        std::optional<Article> article = library.repository->load(model.idAt(300));
        article->headline = u"Changed by a command"_s;
        QVERIFY(library.repository->update(*article));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.refresh();
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.rowCount(), 450);
        QCOMPARE(model.index(300).data().toString(), u"Changed by a command"_s);

        // A new article at the top: the rows moved, so the model resets, still with all rows loaded.
        Article added = sampleArticle(u"Imported by a command"_s);
        QVERIFY(library.repository->insert(added));
        model.refresh();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 451);
        QCOMPARE(model.index(0).data().toString(), u"Imported by a command"_s);
    }

    void followsTheLibrarysSignals()
    {
        TestLibrary library;
        fill(*library.repository, 3);
        Library announced(*library.database);
        ArticleListModel model(announced.articles());
        model.followChanges(announced);
        model.reload();
        QCOMPARE(model.rowCount(), 3);

        // An autosave through the library: the row's word count and time follow without a reload.
        std::optional<Article> article = announced.articles().load(model.idAt(1));
        const QDateTime before = model.index(1).data(ArticleListModel::UpdatedAtRole).toDateTime();
        article->bodyHtml = u"<p>Now with seven words in its body.</p>"_s;
        QTest::qWait(2);
        QVERIFY(announced.update(*article, ArticleRepository::FieldsOnly));
        QCOMPARE(model.index(1).data(ArticleListModel::WordCountRole).toInt(), 7);
        QVERIFY(model.index(1).data(ArticleListModel::UpdatedAtRole).toDateTime() > before);

        Article added = sampleArticle(u"Added through the library"_s);
        added.createdAt = QDateTime::currentDateTimeUtc();
        QVERIFY(announced.insert(added));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0).data().toString(), u"Added through the library"_s);
        QVERIFY(announced.remove(added.id));
        QCOMPARE(model.rowCount(), 3);

        // Written by another connection: seen by the watcher, and the rows refreshed.
        LibraryDatabase other(library.path());
        QVERIFY(other.open());
        Article elsewhere = sampleArticle(u"Written elsewhere"_s);
        elsewhere.createdAt = QDateTime::currentDateTimeUtc();
        QVERIFY(ArticleRepository(other).insert(elsewhere));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 4, 2000);
        QCOMPARE(model.index(0).data().toString(), u"Written elsewhere"_s);
    }

    void followsEditsAdditionsAndRemovals()
    {
        TestLibrary library;
        fill(*library.repository, 5);
        ArticleListModel model(*library.repository);
        model.reload();
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 id = model.idAt(2);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        Article article = *library.repository->load(id);
        article.headline = u"Edited, not yet saved"_s;
        model.showEdits(article);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(2).data().toString(), u"Edited, not yet saved"_s);

        article.headline = u"Saved headline"_s;
        QVERIFY(library.repository->update(article));
        model.articleChanged(id);
        QCOMPARE(model.index(2).data().toString(), u"Saved headline"_s);

        Article fresh = sampleArticle(QString());
        QVERIFY(library.repository->insert(fresh));
        model.articleAdded(fresh.id);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.idAt(0), fresh.id);
        QCOMPARE(model.index(0).data().toString(), u"Untitled"_s);

        QVERIFY(library.repository->remove(id));
        model.articleRemoved(id);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.rowOf(id), -1);
    }
};

QTEST_GUILESS_MAIN(TestArticleListModel)
#include "tst_articlelistmodel.moc"
