#include "core/testlibrary.h"
#include <library/articlepage.h>

using namespace Qt::StringLiterals;
using namespace Copydesk;

class TestArticlePage : public QObject
{
    Q_OBJECT

private:
    // Three articles, oldest first, each a minute after the one before.
    static QList<qint64> fill(ArticleRepository &repository)
    {
        const QDateTime base(QDate(2026, 3, 1), QTime(9, 30, 15, 250), Qt::UTC);
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i) {
            Article article = sampleArticle(u"Article %1"_s.arg(i));
            article.createdAt = base.addSecs(i * 60);
            if (!repository.insert(article))
                qFatal("cannot insert: %s", qPrintable(repository.lastError()));
            ids.append(article.id);
        }
        return ids;
    }

    static QStringList headlines(const ArticlePage &page)
    {
        QStringList result;
        for (qsizetype row = 0; row < page.size(); ++row)
            result.append(page.at(row).headline);
        return result;
    }

private slots:
    void rowsAreMadeAsTheLibraryHoldsThem()
    {
        TestLibrary library;
        Article article = sampleArticle(u"Лукашенко meets the «press» 📰"_s);
        article.section = u"Europe"_s;
        article.byline = u"Ann Smith and José Álvarez"_s;
        article.status = ArticleStatus::Ready;
        article.tags = {u"zeta"_s, u"alpha"_s, u"мир"_s}; // their order, not the alphabet's
        article.createdAt = QDateTime(QDate(2026, 3, 1), QTime(9, 30, 15, 250), Qt::UTC);
        article.publishedAt = QDateTime(QDate(2026, 3, 2), QTime(6, 0), Qt::UTC);
        ArticleImage lead;
        lead.role = ImageRole::Lead;
        lead.data = QByteArray("picture bytes");
        lead.mimeType = u"image/jpeg"_s;
        article.images.append(lead);
        QVERIFY(library.repository->insert(article));
        QVERIFY(library.repository->setStarred({article.id}, true));
        QVERIFY(library.repository->setRead({article.id}, true));
        Article plain = sampleArticle(u"Plain"_s); // no section, byline, tags, date of publication
        plain.createdAt = article.createdAt.addSecs(-60);
        QVERIFY(library.repository->insert(plain));

        const ArticlePage page = library.repository->findPage(ArticleQuery(), 0, 10);
        QCOMPARE(page.size(), 2);
        QCOMPARE(page.id(0), article.id);
        QCOMPARE(page.id(1), plain.id);

        const ArticleSummary &made = page.at(0);
        QCOMPARE(made.id, article.id);
        QCOMPARE(made.headline, article.headline);
        QCOMPARE(made.section, u"Europe"_s);
        QCOMPARE(made.byline, article.byline);
        QCOMPARE(made.status, ArticleStatus::Ready);
        QCOMPARE(made.tags, QStringList({u"zeta"_s, u"alpha"_s, u"мир"_s}));
        QCOMPARE(made.createdAt, article.createdAt);
        QCOMPARE(made.publishedAt, article.publishedAt);
        QVERIFY(made.updatedAt.isValid());
        QVERIFY(made.starred);
        QVERIFY(made.read);
        QVERIFY(made.hasThumbnail);
        QVERIFY(!made.trashed);
        QCOMPARE(made.wordCount, article.wordCount);
        QVERIFY(made.snippet.isNull()); // not a search

        const ArticleSummary &bare = page.at(1);
        QCOMPARE(bare.headline, u"Plain"_s);
        QVERIFY(bare.section.isEmpty());
        QVERIFY(bare.byline.isEmpty());
        QVERIFY(bare.tags.isEmpty());
        QVERIFY(!bare.publishedAt.isValid());
        QVERIFY(!bare.starred);
        QVERIFY(!bare.read);
        QVERIFY(!bare.hasThumbnail);

        // The same as one summary read alone, and as the rows handed out whole.
        const std::optional<ArticleSummary> alone = library.repository->summary(article.id);
        QVERIFY(alone);
        QCOMPARE(alone->headline, made.headline);
        QCOMPARE(alone->tags, made.tags);
        QCOMPARE(alone->createdAt, made.createdAt);
        const QList<ArticleSummary> whole = library.repository->findRows(ArticleQuery(), 0, 10);
        QCOMPARE(whole.size(), 2);
        QCOMPARE(whole.at(0).byline, made.byline);
        QCOMPARE(whole.at(1).headline, bare.headline);
    }

    void aCopyKeepsItsRowsWhenTheOtherIsChanged()
    {
        // The list's thread reads a page and hands a copy to the window's: rows made or changed in one copy
        // must not show in the other.
        TestLibrary library;
        fill(*library.repository);
        const ArticlePage read = library.repository->findPage(ArticleQuery(), 0, 10);
        ArticlePage shown = read;
        shown.modify(0).headline = u"Edited in the window"_s;
        QCOMPARE(shown.at(0).headline, u"Edited in the window"_s);
        QCOMPARE(read.at(0).headline, u"Article 2"_s);

        ArticlePage other = shown; // made rows are copied along
        other.modify(0).snippet = u"a [match]"_s;
        QCOMPARE(other.at(0).headline, u"Edited in the window"_s);
        QCOMPARE(other.at(0).snippet, u"a [match]"_s);
        QVERIFY(shown.at(0).snippet.isNull());
    }

    void thePageAfterStartsAfterTheStoredDateOfTheLast()
    {
        TestLibrary library;
        const QList<qint64> ids = fill(*library.repository);
        const ArticlePage first = library.repository->findPage(ArticleQuery(), 0, 2);
        QCOMPARE(first.size(), 2);
        const ListCursor after = first.cursorAfterLast();
        QCOMPARE(after.id, ids.at(1));
        QCOMPARE(after.createdAt, toStorageTime(first.at(1).createdAt));
        const ArticlePage next = library.repository->findPage(ArticleQuery(), 2, 2, -1, after);
        QCOMPARE(next.size(), 1);
        QCOMPARE(next.id(0), ids.at(0));
        QCOMPARE(ArticlePage().cursorAfterLast().id, 0);
    }

    void reversedAppendedAndReorderedRowsKeepTheirText()
    {
        TestLibrary library;
        const QList<qint64> ids = fill(*library.repository);
        ArticlePage newest = library.repository->findPage(ArticleQuery(), 0, 2); // Article 2, Article 1
        ArticlePage oldest = library.repository->findPage(ArticleQuery(), 2, 1); // Article 0
        newest.modify(1).headline = u"Article 1, edited"_s;

        ArticlePage none;
        none.append(newest); // an empty page takes the other's rows, made ones as they are
        QCOMPARE(headlines(none), QStringList({u"Article 2"_s, u"Article 1, edited"_s}));

        ArticlePage all = newest;
        all.append(oldest); // text from another buffer
        QCOMPARE(headlines(all), QStringList({u"Article 2"_s, u"Article 1, edited"_s, u"Article 0"_s}));
        all.reverse();
        QCOMPARE(headlines(all), QStringList({u"Article 0"_s, u"Article 1, edited"_s, u"Article 2"_s}));
        QCOMPARE(all.cursorAfterLast().id, ids.at(2));

        const ArticlePage fresh = library.repository->findPage(ArticleQuery(), 0, 3);
        const ArticlePage found =
            fresh.inOrderOf({ids.at(0), 999999, ids.at(2)}, {{ids.at(2), u"the [match]"_s}});
        QCOMPARE(found.size(), 2);
        QCOMPARE(headlines(found), QStringList({u"Article 0"_s, u"Article 2"_s}));
        QVERIFY(found.at(0).snippet.isNull());
        QCOMPARE(found.at(1).snippet, u"the [match]"_s);

        // Made rows go along, with the snippet found for them.
        const ArticlePage reordered = all.inOrderOf({ids.at(1), ids.at(0)}, {{ids.at(1), u"[one]"_s}});
        QCOMPARE(headlines(reordered), QStringList({u"Article 1, edited"_s, u"Article 0"_s}));
        QCOMPARE(reordered.at(0).snippet, u"[one]"_s);
        QCOMPARE(reordered.toList().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestArticlePage)
#include "tst_articlepage.moc"
