#include "core/testlibrary.h"

#include <library/articlequery.h>

#include <QThread>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

QList<qint64> ids(const QList<ArticleSummary> &rows)
{
    QList<qint64> result;
    for (const ArticleSummary &row : rows)
        result.append(row.id);
    return result;
}

} // namespace

class TestArticleQuery : public QObject
{
    Q_OBJECT

private:
    TestLibrary m_library;
    QList<qint64> m_ids; // in the order they were stored

    QList<qint64> find(const ArticleQuery &query) const
    {
        return ids(m_library.repository->find(query, {}, 0, 100));
    }

private slots:
    void initTestCase()
    {
        const QDateTime base(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
        struct Row
        {
            QString headline;
            ArticleStatus status;
            QString section;
            QStringList tags;
            bool starred;
            bool read;
            int words;
        };
        const Row rows[] = {
            {u"Harbour cranes return"_s, ArticleStatus::Saved, u"Business"_s, {u"port"_s}, false, false, 30},
            {u"Budget agreed at last"_s,
             ArticleStatus::Draft,
             u"Politics"_s,
             {u"council"_s},
             true,
             false,
             10},
            {u"Ferry timetable changes"_s,
             ArticleStatus::Ready,
             u"business"_s,
             {u"port"_s, u"ferry"_s},
             false,
             true,
             20},
            {u"Council meets on harbour"_s,
             ArticleStatus::Saved,
             u"Politics"_s,
             {u"council"_s, u"port"_s},
             true,
             true,
             40},
        };
        for (qsizetype i = 0; i < qsizetype(std::size(rows)); ++i) {
            Article article =
                sampleArticle(rows[i].headline, u"<p>%1</p>"_s.arg(u"word "_s.repeated(rows[i].words)));
            article.status = rows[i].status;
            article.section = rows[i].section;
            article.tags = rows[i].tags;
            article.starred = rows[i].starred;
            if (rows[i].read)
                article.readAt = base;
            article.createdAt = base.addDays(i);
            QVERIFY(m_library.repository->insert(article));
            m_ids.append(article.id);
        }
    }

    void theDefaultIsTheWholeLibraryNewestFirst()
    {
        const QList<qint64> newest = {m_ids[3], m_ids[2], m_ids[1], m_ids[0]};
        QCOMPARE(find({}), newest);
        QCOMPARE(ids(m_library.repository->listNewest({}, 100)), newest);
        QVERIFY(ArticleQuery().isEmpty());
    }

    void filtersCombine()
    {
        ArticleQuery query;
        query.status = ArticleStatus::Saved;
        QCOMPARE(find(query), (QList<qint64>{m_ids[3], m_ids[0]}));
        query = {};
        query.section = u"BUSINESS"_s; // without regard to case
        QCOMPARE(find(query), (QList<qint64>{m_ids[2], m_ids[0]}));
        query = {};
        query.tags = {u"port"_s, u"council"_s}; // all of them
        QCOMPARE(find(query), QList<qint64>{m_ids[3]});
        query = {};
        query.starredOnly = true;
        QCOMPARE(find(query), (QList<qint64>{m_ids[3], m_ids[1]}));
        query.unreadOnly = true;
        QCOMPARE(find(query), QList<qint64>{m_ids[1]});
        query = {};
        query.createdFrom = QDateTime(QDate(2026, 3, 2), QTime(0, 0), Qt::UTC);
        query.createdBefore = QDateTime(QDate(2026, 3, 4), QTime(0, 0), Qt::UTC);
        QCOMPARE(find(query), (QList<qint64>{m_ids[2], m_ids[1]}));
    }

    void textAndFiltersTogether()
    {
        ArticleQuery query;
        query.text = u"harbour"_s;
        QCOMPARE(find(query).size(), 2);
        query.section = u"politics"_s;
        QCOMPARE(find(query), QList<qint64>{m_ids[3]});
        const QList<ArticleSummary> rows = m_library.repository->find(query, {}, 0, 10);
        QVERIFY(rows.first().snippet.contains(u"[Harbour]"_s) ||
                rows.first().snippet.contains(u"[harbour]"_s));
        query.text = u"\"\""_s; // nothing to search for
        QVERIFY(find(query).isEmpty());
    }

    // Ranked by relevance, a search asks the unread and starred filters of their own indexes by id; the
    // articles it finds are those the same search finds in date order, which reads the articles' rows,
    // and an article leaves them when it is read, unstarred or put in the trash.
    void searchFiltersOnTheirIndexesAsOnTheRows()
    {
        const auto both = [this](ArticleQuery query) {
            query.order = ArticleQuery::Order::BestMatch;
            QList<qint64> ranked = find(query);
            std::sort(ranked.begin(), ranked.end());
            query.order = ArticleQuery::Order::Newest;
            QList<qint64> byDate = find(query);
            std::sort(byDate.begin(), byDate.end());
            return ranked == byDate ? ranked : QList<qint64>{-1};
        };
        ArticleQuery query;
        query.text = u"word "_s;
        query.unreadOnly = true;
        QCOMPARE(both(query), (QList<qint64>{m_ids[0], m_ids[1]}));
        query.starredOnly = true;
        QCOMPARE(both(query), QList<qint64>{m_ids[1]});
        query.unreadOnly = false;
        QCOMPARE(both(query), (QList<qint64>{m_ids[1], m_ids[3]}));

        QVERIFY(m_library.repository->setStarred({m_ids[3]}, false));
        QCOMPARE(both(query), QList<qint64>{m_ids[1]});
        QVERIFY(m_library.repository->setTrashed({m_ids[1]}, true));
        QCOMPARE(both(query), QList<qint64>{});
        query.starredOnly = false;
        query.unreadOnly = true;
        QCOMPARE(both(query), QList<qint64>{m_ids[0]});
        query.trashed = true; // the trash's own unread articles
        QCOMPARE(both(query), QList<qint64>{m_ids[1]});
        QVERIFY(m_library.repository->setRead({m_ids[1]}, true));
        QCOMPARE(both(query), QList<qint64>{});

        // As they were, for the tests after this one.
        QVERIFY(m_library.repository->setRead({m_ids[1]}, false));
        QVERIFY(m_library.repository->setTrashed({m_ids[1]}, false));
        QVERIFY(m_library.repository->setStarred({m_ids[3]}, true));
    }

    // A ranked search's candidates are kept between its pages while the library stays as it is: a change
    // made through this connection, or committed by another (another thread's), is seen at once.
    void rankedCandidatesFollowChanges()
    {
        const auto sorted = [this](const ArticleQuery &query) {
            QList<qint64> found = find(query);
            std::sort(found.begin(), found.end());
            return found;
        };
        ArticleQuery query;
        query.text = u"word "_s;
        query.unreadOnly = true;
        QCOMPARE(sorted(query), (QList<qint64>{m_ids[0], m_ids[1]}));
        QCOMPARE(sorted(query), (QList<qint64>{m_ids[0], m_ids[1]})); // kept
        QVERIFY(m_library.repository->setRead({m_ids[0]}, true));
        QCOMPARE(sorted(query), QList<qint64>{m_ids[1]});
        bool written = false;
        QThread *other = QThread::create(
            [&] { written = ArticleRepository(*m_library.database).setRead({m_ids[0]}, false); });
        other->start();
        QVERIFY(other->wait(10000));
        delete other;
        QVERIFY(written);
        QCOMPARE(sorted(query), (QList<qint64>{m_ids[0], m_ids[1]}));
    }

    void orders()
    {
        ArticleQuery query;
        query.order = ArticleQuery::Order::Headline;
        QCOMPARE(find(query), (QList<qint64>{m_ids[1], m_ids[3], m_ids[2], m_ids[0]}));
        query.order = ArticleQuery::Order::Longest;
        QCOMPARE(find(query), (QList<qint64>{m_ids[3], m_ids[0], m_ids[2], m_ids[1]}));
        query.order = ArticleQuery::Order::Status;
        QCOMPARE(find(query).first(), m_ids[1]);      // "draft" sorts first
        query.order = ArticleQuery::Order::BestMatch; // without text: newest first
        QCOMPARE(query.effectiveOrder(), ArticleQuery::Order::Newest);
        // Pages by offset in the other orders, by keyset in Newest.
        query.order = ArticleQuery::Order::Headline;
        QCOMPARE(ids(m_library.repository->find(query, {}, 2, 2)), (QList<qint64>{m_ids[2], m_ids[0]}));
        const QList<ArticleSummary> first = m_library.repository->find({}, {}, 0, 2);
        const ListCursor after{toStorageTime(first.last().createdAt), first.last().id};
        QCOMPARE(ids(m_library.repository->find({}, after, 0, 2)), (QList<qint64>{m_ids[1], m_ids[0]}));
    }
};

QTEST_GUILESS_MAIN(TestArticleQuery)
#include "tst_articlequery.moc"
