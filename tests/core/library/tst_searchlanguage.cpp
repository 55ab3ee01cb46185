// The search language on a real library: each query of the table must return exactly the ids it lists,
// whatever their order (Cyrillic, field filters, exclusion, OR, dates included); bad syntax gives a hint and
// never an SQL error, whatever is typed.

#include "core/testlibrary.h"

#include <library/articlequery.h>
#include <library/searchlanguage.h>

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

Article story(const QString &headline, const QString &body, const QString &section, ArticleStatus status,
              const QStringList &tags, const QString &published)
{
    Article article;
    article.headline = headline;
    article.bodyHtml = u"<p>"_s + body + u"</p>"_s;
    article.section = section;
    article.status = status;
    article.tags = tags;
    article.publishedAt = QDateTime::fromString(published, Qt::ISODate);
    return article;
}

} // namespace

class TestSearchLanguage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QList<Article> stories;
        // 1
        stories << story(u"Minsk threatens Moscow with a larger US mission"_s,
                         u"Belarus said sanctions would be revised, the foreign minister told reporters."_s,
                         u"Eastern Europe"_s, ArticleStatus::Published, {u"belarus"_s, u"diplomacy"_s},
                         u"2024-03-10T09:00:00Z"_s);
        stories.last().byline = u"Hanna Liubakova"_s;
        stories.last().quotes = {
            {u"We are negotiating with our American friends"_s, u"Uladzimir Makei"_s, {}, {}}};
        // 2
        stories << story(u"Лукашенко встретился с послом"_s,
                         u"ЛУКАШЕНКО заявил, что ёлка стоит на площади."_s, u"Eastern Europe"_s,
                         ArticleStatus::Saved, {u"belarus"_s}, u"2024-05-02T12:00:00Z"_s);
        stories.last().sourceName = u"Nasha Niva"_s;
        // 3
        stories << story(u"Harbour cranes return to the eastern quay"_s,
                         u"The port reopened on Monday; ferries to Kyiv resume."_s, u"Business"_s,
                         ArticleStatus::Draft, {u"shipping"_s}, u"2024-05-20T08:00:00Z"_s);
        stories.last().sourceUrl = u"https://port.example/news/cranes"_s;
        ArticleImage picture;
        picture.caption = u"Cranes at dawn"_s;
        picture.credit = u"Jane Roe"_s;
        picture.agency = u"Reuters"_s;
        stories.last().images = {picture};
        // 4
        stories << story(u"Sanctions talks stall in Brussels"_s,
                         u"Diplomats negotiate late into the night."_s, u"World"_s, ArticleStatus::Ready,
                         {u"diplomacy"_s, u"eu"_s}, u"2023-12-01T10:00:00Z"_s);
        // 5
        stories << story(u"Café reopens in Kyiv"_s, u"The cafe on the square serves crème brûlée again."_s,
                         u"Culture"_s, ArticleStatus::Published, {}, u"2024-06-01T10:00:00Z"_s);
        for (Article &article : stories)
            QVERIFY2(m_library.repository->insert(article), qPrintable(m_library.repository->lastError()));
    }

    void eachQueryFindsExactlyItsArticles_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QList<qint64>>("ids");
        const auto row = [](const char *name, const QString &query, const QList<qint64> &ids) {
            QTest::newRow(name) << query << ids;
        };
        row("one word", u"sanctions "_s, {1, 4});
        row("two words", u"sanctions brussels "_s, {4});
        row("prefix as you type", u"harb"_s, {3});
        row("prefix star", u"negot* "_s, {1, 4});
        row("phrase", u"\"foreign minister\""_s, {1});
        row("phrase out of order", u"\"minister foreign\""_s, {});
        row("exclude", u"sanctions -brussels "_s, {1});
        row("exclude only", u"-sanctions "_s, {2, 3, 5});
        row("or", u"brussels OR kyiv "_s, {3, 4, 5});
        row("or beside and", u"reopen* kyiv OR brussels "_s, {3, 5});
        row("headline field", u"headline:cranes "_s, {3});
        row("headline field misses body", u"headline:ferries "_s, {});
        row("byline", u"by:liubakova "_s, {1});
        row("quote text", u"quote:negotiating "_s, {1});
        row("quote speaker", u"quote:makei "_s, {1});
        row("credit", u"credit:roe "_s, {3});
        row("section", u"section:\"eastern europe\""_s, {1, 2});
        row("section and word", u"section:\"Eastern Europe\" sanctions "_s, {1});
        row("tag", u"tag:diplomacy "_s, {1, 4});
        row("two tags", u"tag:diplomacy tag:eu "_s, {4});
        row("not tag", u"tag:diplomacy -tag:eu "_s, {1});
        row("status", u"status:published "_s, {1, 5});
        row("not status", u"-status:published -status:saved "_s, {3, 4});
        row("source name", u"source:niva "_s, {2});
        row("source address", u"source:port.example "_s, {3});
        row("before", u"before:2024-01-01 "_s, {4});
        row("after", u"after:2024-05-02 "_s, {3, 5});
        row("between", u"after:2024-03-01 before:2024-05-21 "_s, {1, 2, 3});
        row("stem: singular finds plural", u"sanction "_s, {1, 4});
        row("stem: verb forms", u"negotiating "_s, {1, 4});
        row("stem: reopened", u"reopen "_s, {3, 5});
        row("stem in a phrase", u"\"foreign ministers\""_s, {1});
        row("stem excluded", u"port -ferry "_s, {});
        row("cyrillic lower finds capitals", u"лукашенко "_s, {2});
        row("cyrillic upper", u"ЛУКАШЕНКО "_s, {2});
        row("yo finds ye", u"ёлка "_s, {2});
        row("ye finds yo", u"елка "_s, {2});
        row("accents do not matter", u"cafe "_s, {5});
        row("accents typed", u"crème "_s, {5});
        row("case does not matter", u"BRUSSELS "_s, {4});
        row("fts syntax is text", u"NEAR(sanctions) AND "_s, {});
        row("punctuation", u"U.S. \"\" ) ( * - : "_s, {});
    }

    void eachQueryFindsExactlyItsArticles()
    {
        QFETCH(QString, query);
        QFETCH(QList<qint64>, ids);
        ArticleQuery articleQuery;
        articleQuery.text = query;
        QList<qint64> found;
        for (const ArticleSummary &summary : m_library.repository->find(articleQuery, {}, 0, 100))
            found << summary.id;
        std::sort(found.begin(), found.end());
        QVERIFY2(m_library.repository->lastError().isEmpty(), qPrintable(m_library.repository->lastError()));
        QCOMPARE(found, ids);
    }

    // Exact forms first: "negotiate" is in 4 as typed ("negotiate"), in 1 only as "negotiating".
    void exactMatchesRankFirst()
    {
        ArticleQuery query;
        query.text = u"negotiate "_s;
        const QList<ArticleSummary> rows = m_library.repository->find(query, {}, 0, 10);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).id, 4);
        QCOMPARE(rows.at(1).id, 1);
        query.text = u"negotiating "_s;
        const QList<ArticleSummary> again = m_library.repository->find(query, {}, 0, 10);
        QCOMPARE(again.at(0).id, 1);
        QVERIFY2(again.at(0).snippet.contains(u"[negotiating]"_s), qPrintable(again.at(0).snippet));
    }

    // Neither index keeps a copy of the text, and both stay whole through edits of every part, edits of
    // some parts, and removals: FTS5's integrity-check compares each with the text it reads.
    void theIndexesFollowEditsAndKeepNoCopy()
    {
        QSqlQuery query(m_library.database->connection());
        QVERIFY(query.exec(u"SELECT count(*) FROM sqlite_master WHERE name LIKE 'article_%_content'"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 0);
        const auto bothWhole = [this] {
            return searchIndexProblems(*m_library.database);
        };
        QCOMPARE(bothWhole(), QString());
        std::optional<Article> article = m_library.repository->load(3);
        article->bodyHtml = u"<p>The tugboats idled.</p>"_s;
        QVERIFY(m_library.repository->update(*article));
        ArticleQuery find;
        find.text = u"tugboat "_s;
        QCOMPARE(m_library.repository->find(find, {}, 0, 10).size(), 1);
        find.text = u"ferry "_s;
        QCOMPARE(m_library.repository->find(find, {}, 0, 10).size(), 0);
        QCOMPARE(bothWhole(), QString());
        // A quote changed alone (the parts written are the quotes), then a headline with the fields alone.
        article = m_library.repository->load(3);
        article->quotes.append({u"Tugboats never sleep"_s, u"Ёлкин"_s, {}, {}});
        QVERIFY(m_library.repository->update(*article, ArticleRepository::Part::Quotes));
        find.text = u"quote:елкин "_s;
        QCOMPARE(m_library.repository->find(find, {}, 0, 10).size(), 1);
        article->headline = u"Tugboats idle in the harbour"_s;
        QVERIFY(m_library.repository->update(*article, ArticleRepository::FieldsOnly));
        QCOMPARE(bothWhole(), QString());
        Article extra = story(u"Temporary"_s, u"Tugboats again"_s, u"World"_s, ArticleStatus::Draft, {}, {});
        QVERIFY(m_library.repository->insert(extra));
        QVERIFY(m_library.repository->remove(extra.id));
        QCOMPARE(bothWhole(), QString());
        find.text = u"tugboat "_s;
        QCOMPARE(m_library.repository->find(find, {}, 0, 10).size(), 1);
        find.text = u"ferry "_s;
        QCOMPARE(m_library.repository->find(find, {}, 0, 10).size(), 0);
    }

    void badSyntaxGetsAHint_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("hint");
        QTest::newRow("open quote") << u"\"foreign min"_s << u"A quote mark is not closed: read to the end"_s;
        QTest::newRow("dangling or") << u"sanctions OR "_s << u"OR needs a word on each side"_s;
        QTest::newRow("leading or") << u"OR sanctions"_s << u"OR needs a word on each side"_s;
        QTest::newRow("bad date") << u"before:yesterday"_s << u"before: takes a date like 2024-05-01"_s;
        QTest::newRow("bad status") << u"status:gone"_s
                                    << u"status: is one of draft, in_edit, ready, published, spiked, saved"_s;
        QTest::newRow("empty field") << u"headline: "_s << u"headline: needs something after it"_s;
        QTest::newRow("fine") << u"tag:eu -\"a b\" x OR y before:2024"_s << QString();
    }

    void badSyntaxGetsAHint()
    {
        QFETCH(QString, query);
        QFETCH(QString, hint);
        QCOMPARE(SearchLanguage::parse(query).hint, hint);
        // And the query still runs: what could be read is searched.
        ArticleQuery articleQuery;
        articleQuery.text = query;
        m_library.repository->find(articleQuery, {}, 0, 100);
        QVERIFY2(m_library.repository->lastError().isEmpty(), qPrintable(m_library.repository->lastError()));
    }

    // The last word, while it is typed, matches as a prefix until it is a word the library has: "counc"
    // finds the council and the councillor, "council" the council (and councils) alone, as "council*"
    // does not. The list's count agrees with its rows either way. (Last: it adds articles.)
    void aWordStillBeingTypedIsAPrefixUntilTheLibraryHasIt()
    {
        Article council = story(u"Town hall"_s, u"The council met the councils of two towns."_s, u"World"_s,
                                ArticleStatus::Draft, {}, {});
        Article councillor =
            story(u"Resignation"_s, u"A councillor quit."_s, u"World"_s, ArticleStatus::Draft, {}, {});
        Article minister =
            story(u"Cabinet"_s, u"The minister spoke."_s, u"World"_s, ArticleStatus::Draft, {}, {});
        Article ministry =
            story(u"Offices"_s, u"The ministry closed."_s, u"World"_s, ArticleStatus::Draft, {}, {});
        QVERIFY(m_library.repository->insert(council));
        QVERIFY(m_library.repository->insert(councillor));
        QVERIFY(m_library.repository->insert(minister));
        QVERIFY(m_library.repository->insert(ministry));
        const auto found = [this](const QString &text) {
            ArticleQuery query;
            query.text = text;
            QList<qint64> ids;
            for (const ArticleSummary &summary : m_library.repository->find(query, {}, 0, 100))
                ids << summary.id;
            std::sort(ids.begin(), ids.end());
            if (m_library.repository->countRows(query) != ids.size())
                return QList<qint64>{-1};
            return ids;
        };
        QCOMPARE(found(u"counc"_s), (QList<qint64>{council.id, councillor.id}));
        QCOMPARE(found(u"council"_s), QList<qint64>{council.id});
        QCOMPARE(found(u"councils"_s), QList<qint64>{council.id});
        QCOMPARE(found(u"council*"_s), (QList<qint64>{council.id, councillor.id}));
        QCOMPARE(found(u"towns counc"_s), QList<qint64>{council.id});
        // "minist" is the stem of minister, not a word: still a prefix, of ministry too (1 has "minister").
        QCOMPARE(found(u"minist"_s), (QList<qint64>{1, minister.id, ministry.id}));
        QCOMPARE(found(u"minister"_s), (QList<qint64>{1, minister.id}));

        // Decided once: a settled query is read as it is.
        ArticleQuery asked;
        asked.text = u"council"_s;
        const ArticleQuery settled = m_library.repository->settled(asked);
        QCOMPARE(settled.typingWord, SearchLanguage::TypingWord::AsWord);
        QCOMPARE(m_library.repository->settled(settled), settled);
        QCOMPARE(settled.asked(), asked);
        asked.text = u"counc"_s;
        QCOMPARE(m_library.repository->settled(asked).typingWord, SearchLanguage::TypingWord::AsPrefix);

        const SearchLanguage typed = SearchLanguage::parse(u"town council"_s);
        QCOMPARE(typed.typingTerm, u"\"council\""_s);
        QCOMPARE(typed.match, u"\"town\" AND \"council\"*"_s);
        QCOMPARE(SearchLanguage::parse(u"town council"_s, SearchLanguage::TypingWord::AsWord).match,
                 u"\"town\" AND \"council\""_s);
        QCOMPARE(SearchLanguage::parse(u"town council "_s).typingTerm, QString()); // finished
        QCOMPARE(SearchLanguage::parse(u"council*"_s).typingTerm, QString());      // a prefix as asked
    }

private:
    TestLibrary m_library;
};

QTEST_GUILESS_MAIN(TestSearchLanguage)
#include "tst_searchlanguage.moc"
