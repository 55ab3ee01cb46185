#include "core/testlibrary.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {
int countRows(const LibraryDatabase &database, const QString &table)
{
    QSqlQuery query(u"SELECT count(*) FROM %1"_s.arg(table), database.connection());
    return query.next() ? query.value(0).toInt() : -1;
}

Article fullArticle()
{
    Article article;
    article.status = ArticleStatus::InEdit;
    article.section = u"Eastern Europe"_s;
    article.headline = u"Minsk talks resume"_s;
    article.standfirst = u"Diplomats meet again after a long pause"_s;
    article.byline = u"Ann Smith"_s;
    article.dateline = u"MINSK"_s;
    article.language = u"en"_s;
    article.bodyHtml = u"<p>First paragraph with <strong>weight</strong>.</p><h2>Subhead</h2><p>Second "
                       "paragraph.</p><script>alert(1)</script>"_s;
    article.sourceUrl = u"https://news.example/minsk"_s;
    article.sourceName = u"Example News"_s;
    article.tags = {u"belarus"_s, u"diplomacy"_s};
    article.quotes = {{u"We are ready to talk"_s, u"Makei"_s, u"Foreign minister"_s, u"At the briefing"_s},
                      {u"Nothing is agreed"_s, u"Lukashenko"_s, {}, {}}};
    ArticleImage lead;
    lead.role = ImageRole::Lead;
    lead.data = QByteArray("\x89PNG fake bytes", 15);
    lead.mimeType = u"image/png"_s;
    lead.width = 640;
    lead.height = 480;
    lead.caption = u"The palace at dusk"_s;
    lead.altText = u"A lit palace"_s;
    lead.credit = u"Jane Roe"_s;
    lead.creditLine = u"Photo: Jane Roe/Agency"_s;
    ArticleImage missing;
    missing.caption = u"Known but not saved"_s;
    article.images = {lead, missing};
    article.related = {{u"Earlier talks"_s, u"Bo Li"_s, u"https://news.example/earlier"_s}};
    return article;
}
} // namespace

class TestArticleRepository : public QObject
{
    Q_OBJECT

private slots:
    void insertAndLoadRoundTrip()
    {
        TestLibrary library;
        Article article = fullArticle();
        QVERIFY2(library.repository->insert(article), qPrintable(library.repository->lastError()));
        QVERIFY(article.id > 0);
        QVERIFY(!article.uuid.isEmpty());
        QVERIFY(article.createdAt.isValid());
        // Stored bodies are sanitized, with text and word count derived from them.
        QVERIFY(!article.bodyHtml.contains(u"script"_s));
        QVERIFY(article.bodyHtml.contains(u"<h2>Subhead</h2>"_s));
        QVERIFY(article.bodyText.contains(u"Second paragraph."_s));
        QCOMPARE(article.wordCount, 7);

        const std::optional<Article> loaded = library.repository->load(article.id);
        QVERIFY(loaded);
        Article expected = article;
        expected.images[0].id = loaded->images.at(0).id;
        expected.images[1].id = loaded->images.at(1).id;
        QCOMPARE(*loaded, expected);
        QVERIFY(loaded->images.at(0).hasData());
        QVERIFY(!loaded->images.at(1).hasData());
        QCOMPARE(loaded->subheadings(), QStringList{u"Subhead"_s});
    }

    void updateReplacesTheWholeArticle()
    {
        TestLibrary library;
        Article article = fullArticle();
        QVERIFY(library.repository->insert(article));
        const QDateTime created = article.createdAt;
        QTest::qWait(5);
        article.headline = u"Minsk talks stall"_s;
        article.quotes.removeLast();
        article.images.removeLast();
        article.tags = {u"talks"_s};
        QVERIFY2(library.repository->update(article), qPrintable(library.repository->lastError()));
        QVERIFY(article.updatedAt > created);
        const std::optional<Article> loaded = library.repository->load(article.id);
        QVERIFY(loaded);
        QCOMPARE(loaded->headline, u"Minsk talks stall"_s);
        QCOMPARE(loaded->quotes.size(), 1);
        QCOMPARE(loaded->images.size(), 1);
        QCOMPARE(loaded->tags, QStringList{u"talks"_s});
        QCOMPARE(loaded->createdAt, created);
        QCOMPARE(library.repository->search(u"stall"_s, 0, 10).size(), 1);
        QCOMPARE(library.repository->search(u"resume"_s, 0, 10).size(), 0);
    }

    void everySaveMovesTheStoredTimeOn()
    {
        TestLibrary library;
        Article article = fullArticle();
        QVERIFY(library.repository->insert(article));
        QDateTime last = article.updatedAt;
        for (int i = 0; i < 20; ++i) { // faster than the clock's milliseconds
            QVERIFY(library.repository->update(article, ArticleRepository::FieldsOnly));
            QVERIFY(article.updatedAt > last);
            last = article.updatedAt;
        }
    }

    void anAutosaveOfTheTextLeavesThePartsAlone()
    {
        TestLibrary library;
        Article article = fullArticle();
        QVERIFY(library.repository->insert(article));
        Article later = fullArticle(); // its parts take the next row ids, so rows written again get new ones
        later.headline = u"Another one"_s;
        QVERIFY(library.repository->insert(later));
        auto rowIds = [&](const QString &table) {
            QSqlQuery query(library.database->connection());
            query.exec(u"SELECT id FROM %1 WHERE article_id = %2 ORDER BY id"_s.arg(table).arg(article.id));
            QList<qint64> ids;
            while (query.next())
                ids.append(query.value(0).toLongLong());
            return ids;
        };
        const QList<qint64> images = rowIds(u"images"_s);
        const QList<qint64> quotes = rowIds(u"quotes"_s);
        QVERIFY(!images.isEmpty() && !quotes.isEmpty());
        article.headline = u"Edited in the editor"_s;
        article.bodyHtml = u"<p>A new body with the word zeppelin.</p>"_s;
        QVERIFY(library.repository->update(article, ArticleRepository::FieldsOnly));
        QCOMPARE(rowIds(u"images"_s), images); // the same rows: not deleted and written again
        QCOMPARE(rowIds(u"quotes"_s), quotes);
        const std::optional<Article> stored = library.repository->load(article.id);
        QCOMPARE(stored->headline, u"Edited in the editor"_s);
        QCOMPARE(stored->images.size(), article.images.size());
        QCOMPARE(stored->images.first().data, article.images.first().data);
        QCOMPARE(library.repository->search(u"zeppelin"_s, 0, 10).size(), 1);
        // A whole update writes them again.
        QVERIFY(library.repository->update(article));
        QVERIFY(rowIds(u"images"_s) != images);
    }

    void updateIfUnchangedNeverReplacesANewerCopy()
    {
        TestLibrary library;
        Article article = fullArticle();
        QVERIFY(library.repository->insert(article));
        Article windowCopy = *library.repository->load(article.id); // opened in a window
        // Meanwhile a command saves the article, at once: within the same millisecond, as often as not.
        Article commandCopy = *library.repository->load(article.id);
        commandCopy.status = ArticleStatus::Ready;
        QVERIFY(library.repository->update(commandCopy));

        const QDateTime seen = windowCopy.updatedAt;
        windowCopy.headline = u"Older copy, edited"_s;
        QCOMPARE(library.repository->updateIfUnchanged(windowCopy, seen),
                 ArticleRepository::UpdateResult::Conflict);
        QCOMPARE(windowCopy.updatedAt, seen); // untouched, so it can be tried again
        const std::optional<Article> stored = library.repository->load(article.id);
        QCOMPARE(stored->status, ArticleStatus::Ready);
        QCOMPARE(stored->headline, article.headline);

        // Based on the stored version, it saves.
        Article merged = *stored;
        merged.headline = u"Older copy, edited"_s;
        QCOMPARE(library.repository->updateIfUnchanged(merged, stored->updatedAt),
                 ArticleRepository::UpdateResult::Saved);
        QCOMPARE(library.repository->load(article.id)->headline, u"Older copy, edited"_s);
        QCOMPARE(library.repository->load(article.id)->status, ArticleStatus::Ready);
    }

    void removeDeletesEverythingOfTheArticle()
    {
        TestLibrary library;
        Article article = fullArticle();
        QVERIFY(library.repository->insert(article));
        QVERIFY(library.repository->addRevision(article));
        QVERIFY(library.repository->remove(article.id));
        for (const QString &table : {u"articles"_s, u"quotes"_s, u"images"_s, u"article_tags"_s,
                                     u"related_links"_s, u"revisions"_s, u"article_search"_s})
            QCOMPARE(countRows(*library.database, table), 0);
        QVERIFY(!library.repository->load(article.id));
        QVERIFY(library.repository->lastError().contains(QString::number(article.id)));
    }

    void anIdFreedByRemoveIsIndexedAfresh()
    {
        // SQLite gives the highest id again once its article is gone; a new article's search row is written
        // without first deleting an old one, which remove() has taken away with the article.
        TestLibrary library;
        Article kept = sampleArticle(u"Harbour dues rise"_s);
        Article removed = sampleArticle(u"Ferry timetable changes"_s, u"<p>Ferries run later.</p>"_s);
        QVERIFY(library.repository->insert(kept));
        QVERIFY(library.repository->insert(removed));
        QVERIFY(library.repository->remove(removed.id));
        Article next = sampleArticle(u"Lighthouse reopens"_s, u"<p>Keepers return.</p>"_s);
        QVERIFY2(library.repository->insert(next), qPrintable(library.repository->lastError()));
        QCOMPARE(next.id, removed.id);
        QCOMPARE(library.repository->search(u"ferries"_s, 0, 10).size(), 0);
        QCOMPARE(library.repository->search(u"keepers"_s, 0, 10).size(), 1);
        QCOMPARE(countRows(*library.database, u"article_search"_s), 2);
    }

    void starAndReadAreMarksNotEdits()
    {
        TestLibrary library;
        Article article = sampleArticle(u"Ferry timetable"_s);
        QVERIFY(library.repository->insert(article));
        const Article editorsCopy = *library.repository->load(article.id);
        QVERIFY(library.repository->setStarred({article.id}, true));
        QVERIFY(library.repository->setRead({article.id}, true));
        std::optional<Article> marked = library.repository->load(article.id);
        QVERIFY(marked->starred);
        QVERIFY(marked->readAt.isValid());
        QCOMPARE(marked->updatedAt, editorsCopy.updatedAt); // not an edit
        const QDateTime firstRead = marked->readAt;
        QTest::qWait(5);
        QVERIFY(library.repository->setRead({article.id}, true));
        QCOMPARE(library.repository->load(article.id)->readAt, firstRead); // first reading kept
        // An editor saving its older copy does not take the marks back.
        Article saved = editorsCopy;
        saved.headline = u"Ferry timetable changes"_s;
        QCOMPARE(library.repository->updateIfUnchanged(saved, editorsCopy.updatedAt),
                 ArticleRepository::UpdateResult::Saved);
        marked = library.repository->load(article.id);
        QVERIFY(marked->starred);
        QVERIFY(marked->readAt.isValid());
        QVERIFY(library.repository->setStarred({article.id}, false));
        QVERIFY(library.repository->setRead({article.id}, false));
        QVERIFY(!library.repository->load(article.id)->starred);
        QVERIFY(!library.repository->load(article.id)->readAt.isValid());
    }

    // What undoing a tag's rename needs: every article with the tag, the trash's too, with its tags in order.
    void tagListsWithGivesEveryTaggedArticleInOrder()
    {
        TestLibrary library;
        Article first = sampleArticle(u"First"_s, u"<p>One.</p>"_s);
        first.tags = {u"port"_s, u"strike"_s, u"ferry"_s};
        Article second = sampleArticle(u"Second"_s, u"<p>Two.</p>"_s);
        second.tags = {u"Strike"_s};
        Article third = sampleArticle(u"Third"_s, u"<p>Three.</p>"_s);
        third.tags = {u"port"_s};
        QVERIFY(library.repository->insert(first));
        QVERIFY(library.repository->insert(second));
        QVERIFY(library.repository->insert(third));
        QVERIFY(library.repository->setTrashed({second.id}, true));
        const QHash<qint64, QStringList> lists = *library.repository->tagListsWith(u"STRIKE"_s);
        QCOMPARE(lists.size(), 2);
        QCOMPARE(lists.value(first.id), (QStringList{u"port"_s, u"strike"_s, u"ferry"_s}));
        QCOMPARE(lists.value(second.id), QStringList{u"strike"_s}); // one tag, however it was typed
        QVERIFY(library.repository->tagListsWith(u"nothing"_s)->isEmpty());
    }

    void aStaleSearchRowIsReplaced()
    {
        // A library changed by other tools may hold a search row for the id a new article gets.
        TestLibrary library;
        QSqlQuery stale(library.database->connection());
        QVERIFY(stale.exec(
            u"INSERT INTO article_search (rowid, headline, body) VALUES (1, 'old', 'orphaned words')"_s));
        Article article = sampleArticle(u"Fresh report"_s, u"<p>Current words.</p>"_s);
        QVERIFY2(library.repository->insert(article), qPrintable(library.repository->lastError()));
        QCOMPARE(article.id, 1);
        QCOMPARE(library.repository->search(u"orphaned"_s, 0, 10).size(), 0);
        QCOMPARE(library.repository->search(u"current"_s, 0, 10).size(), 1);
        QCOMPARE(countRows(*library.database, u"article_search"_s), 1);
    }

    void aFailedWriteLeavesNothingBehind()
    {
        TestLibrary library;
        Article first = fullArticle();
        QVERIFY(library.repository->insert(first));
        // A second article with the same uuid breaks the UNIQUE constraint after nothing else was written;
        // one with a duplicate image position would fail half way. Both must leave no trace.
        Article clash = fullArticle();
        clash.uuid = first.uuid;
        QVERIFY(!library.repository->insert(clash));
        QVERIFY(library.repository->lastError().contains(library.path()));
        QCOMPARE(clash.id, 0);
        QCOMPARE(countRows(*library.database, u"articles"_s), 1);
        QCOMPARE(countRows(*library.database, u"quotes"_s), 2);
        QCOMPARE(countRows(*library.database, u"article_search"_s), 1);

        QSqlQuery trap(library.database->connection());
        QVERIFY(trap.exec(u"CREATE TRIGGER no_related BEFORE INSERT ON related_links BEGIN "
                          "SELECT RAISE(ABORT, 'refused'); END"_s));
        Article half = fullArticle();
        QVERIFY(!library.repository->insert(half));
        QCOMPARE(countRows(*library.database, u"articles"_s), 1);
        QCOMPARE(countRows(*library.database, u"quotes"_s), 2);
        QCOMPARE(countRows(*library.database, u"images"_s), 2);
        QCOMPARE(countRows(*library.database, u"article_search"_s), 1);

        first.headline = u"Changed"_s;
        QVERIFY(!library.repository->update(first));
        QCOMPARE(library.repository->load(first.id)->headline, u"Minsk talks resume"_s);
        QCOMPARE(library.repository->load(first.id)->related.size(), 1);
    }

    void searchFindsEveryIndexedField_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("headline") << u"Minsk"_s;
        QTest::newRow("standfirst") << u"diplomats"_s;
        QTest::newRow("byline") << u"Smith"_s;
        QTest::newRow("body") << u"weight"_s;
        QTest::newRow("quote text") << u"ready to talk"_s;
        QTest::newRow("quote speaker") << u"Lukashenko"_s;
        QTest::newRow("caption") << u"palace"_s;
        QTest::newRow("credit") << u"Roe"_s;
        QTest::newRow("prefix") << u"diplom"_s;
        QTest::newRow("phrase") << u"\"second paragraph\""_s;
        QTest::newRow("punctuation is not syntax") << u"Minsk: (talks"_s;
    }

    void searchFindsEveryIndexedField()
    {
        QFETCH(QString, query);
        TestLibrary library;
        Article article = fullArticle();
        QVERIFY(library.repository->insert(article));
        Article other = sampleArticle(u"Unrelated"_s, u"<p>Nothing here.</p>"_s);
        QVERIFY(library.repository->insert(other));
        const QList<ArticleSummary> results = library.repository->search(query, 0, 10);
        QVERIFY2(library.repository->lastError().isEmpty(), qPrintable(library.repository->lastError()));
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().id, article.id);
    }

    void searchMatchesCyrillicAndAccents_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("query");
        QTest::newRow("cyrillic case") << u"Президент Беларуси выступил"_s << u"беларуси"_s;
        QTest::newRow("cyrillic yo") << u"Всё решено"_s << u"все"_s;
        QTest::newRow("accent dropped") << u"Le café de la gare"_s << u"cafe"_s;
        QTest::newRow("accent given") << u"Sao Paulo mayor"_s << u"São"_s;
        QTest::newRow("german") << u"Die Straße nach Köln"_s << u"koln"_s;
    }

    void searchMatchesCyrillicAndAccents()
    {
        QFETCH(QString, stored);
        QFETCH(QString, query);
        TestLibrary library;
        Article article = sampleArticle(u"Story"_s, u"<p>"_s + stored + u"</p>"_s);
        QVERIFY(library.repository->insert(article));
        QCOMPARE(library.repository->search(query, 0, 10).size(), 1);
    }

    void searchGivesSnippets()
    {
        TestLibrary library;
        Article article = fullArticle();
        QVERIFY(library.repository->insert(article));
        const QList<ArticleSummary> results = library.repository->search(u"weight"_s, 0, 10);
        QCOMPARE(results.size(), 1);
        QVERIFY2(results.first().snippet.contains(u"[weight]"_s), qPrintable(results.first().snippet));
        QVERIFY(library.repository->search(u"   "_s, 0, 10).isEmpty());
    }

    void listsNewestFirstPageByPage()
    {
        TestLibrary library;
        const QDateTime base(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
        for (int i = 0; i < 25; ++i) {
            Article article = sampleArticle(u"Article %1"_s.arg(i));
            article.createdAt = base.addSecs(i / 2 * 60); // pairs share a time: the id breaks the tie
            QVERIFY(library.repository->insert(article));
        }
        QList<qint64> seen;
        ListCursor cursor;
        for (;;) {
            const QList<ArticleSummary> page = library.repository->listNewest(cursor, 10);
            for (const ArticleSummary &row : page)
                seen.append(row.id);
            if (page.size() < 10)
                break;
            cursor = {toStorageTime(page.last().createdAt), page.last().id};
        }
        QCOMPARE(seen.size(), 25);
        QList<qint64> expected;
        for (qint64 id = 25; id >= 1; --id)
            expected.append(id);
        QCOMPARE(seen, expected);
        QCOMPARE(library.repository->count(), 25);
    }

    void keepsRevisions()
    {
        TestLibrary library;
        Article article = fullArticle();
        QVERIFY(library.repository->insert(article));
        QVERIFY(library.repository->addRevision(article));
        article.headline = u"Second version"_s;
        QVERIFY(library.repository->update(article));
        QVERIFY(library.repository->addRevision(article));
        const QList<RevisionInfo> revisions = library.repository->revisions(article.id);
        QCOMPARE(revisions.size(), 2);
        QCOMPARE(revisions.at(0).number, 1);
        QCOMPARE(revisions.at(1).number, 2);
        QCOMPARE(library.repository->revision(article.id, 1)->headline, u"Minsk talks resume"_s);
        QCOMPARE(library.repository->revision(article.id, 2)->headline, u"Second version"_s);
        QCOMPARE(library.repository->revision(article.id, 2)->quotes, article.quotes);
    }

    void servesImagesAndFindsDuplicates()
    {
        TestLibrary library;
        Article article = fullArticle();
        QVERIFY(library.repository->insert(article));
        const std::optional<StoredImage> image = library.repository->image(article.id, 0);
        QVERIFY(image);
        QCOMPARE(image->mimeType, u"image/png"_s);
        QCOMPARE(image->data, article.images.at(0).data);
        QVERIFY(!library.repository->image(article.id, 1)); // known, but no data
        QVERIFY(!library.repository->image(article.id, 9));
        QCOMPARE(library.repository->findBySourceUrl(u"https://news.example/minsk"_s), article.id);
        QVERIFY(!library.repository->findBySourceUrl(u"https://news.example/other"_s));
        Article copy = fullArticle();
        copy.bodyHtml =
            u"<div><p>First   paragraph with weight.</p><h2>Subhead</h2><p>Second paragraph.</p></div>"_s;
        copy.bodyText = u"First paragraph with weight.\n\nSubhead\n\nSecond paragraph."_s;
        QCOMPARE(library.repository->findByContentHash(ArticleRepository::contentHash(copy)), article.id);
    }

    // The hash is stored in every library, so its definition must never drift: the fast fold equals the
    // plain one (case folded, white space runs as one space, trimmed, SHA-256 of the UTF-8).
    void contentHashKeepsItsDefinition_data()
    {
        QTest::addColumn<QString>("headline");
        QTest::addColumn<QString>("bodyText");
        QTest::newRow("plain") << u"Minsk Talks"_s << u"First paragraph.\n\nSecond one."_s;
        QTest::newRow("spaces") << u"  A\t\tB  "_s << u"\n x \u00a0 y\u2028z\r\n "_s;
        QTest::newRow("empty") << u""_s << u""_s;
        QTest::newRow("cyrillic and greek") << u"ПРИВЕТ Ёлка"_s << u"ΣΊΣΥΦΟΣ ß straße ǅ"_s;
        QTest::newRow("outside the BMP") << u"\U00010400 Deseret"_s << u"\U0001D400 math"_s;
        QTest::newRow("lone surrogates") << (u"a"_s + QChar(0xd800)) << (QChar(0xdc00) + u"B"_s);
        QTest::newRow("two- and three-byte UTF-8") << u"Ça Été Ω"_s << u"東京 ÀÉÎ ﬁ ＡＢＣ"_s;
        QTest::newRow("folded into ASCII") << u"Long \u017f, Kelvin \u212a"_s << u"\u017fS \u212aK"_s;
        QTest::newRow("controls and punctuation") << u"\u0001A\u007f[Z]"_s << u"@`{~}\u0085end\u000b"_s;
    }

    void contentHashKeepsItsDefinition()
    {
        QFETCH(QString, headline);
        QFETCH(QString, bodyText);
        Article article;
        article.headline = headline;
        article.bodyText = bodyText;
        QCOMPARE(ArticleRepository::contentHash(article), referenceContentHash(headline, bodyText));
    }

    void contentHashAgreesOnRandomText()
    {
        // Characters of every UTF-8 length (pairs whole), white space of several kinds. Lone surrogates
        // have their own row above: mixed at random into pairs they make UTF-16 the definition's
        // toUtf8() reads differently, and no stored body holds them (the sanitizer sees to that).
        const QStringList pool = {u"\u017f"_s,    u"\u212a"_s, u"a"_s,      u"Z"_s,      u" "_s,
                                  u"\t"_s,        u"\n"_s,     u"."_s,      u"\u00a0"_s, u"\u0085"_s,
                                  u"\u00c9"_s,    u"\u00df"_s, u"\u03a3"_s, u"\u0401"_s, u"\u2028"_s,
                                  u"\u3000"_s,    u"\u6771"_s, u"\ufb01"_s, u"\uff21"_s, u"\U00010400"_s,
                                  u"\U0001D400"_s};
        QRandomGenerator random(7);
        for (int round = 0; round < 2000; ++round) {
            QString headline, bodyText;
            for (QString *text : {&headline, &bodyText}) {
                const int length = random.bounded(40);
                for (int i = 0; i < length; ++i)
                    text->append(pool.at(random.bounded(int(pool.size()))));
            }
            Article article;
            article.headline = headline;
            article.bodyText = bodyText;
            QCOMPARE(ArticleRepository::contentHash(article), referenceContentHash(headline, bodyText));
        }
    }

private:
    // The definition, written plainly: case folded, white space runs as one space, none at either end,
    // SHA-256 of the UTF-8.
    static QString referenceContentHash(const QString &headline, const QString &bodyText)
    {
        const QString folded = (headline + u'\n' + bodyText).toCaseFolded();
        QString collapsed;
        for (const QChar c : folded) {
            if (c.isSpace()) {
                if (!collapsed.isEmpty() && !collapsed.endsWith(u' '))
                    collapsed += u' ';
            } else {
                collapsed += c;
            }
        }
        if (collapsed.endsWith(u' '))
            collapsed.chop(1);
        return QString::fromLatin1(
            QCryptographicHash::hash(collapsed.toUtf8(), QCryptographicHash::Sha256).toHex());
    }

private slots:

    // Statements are prepared once per connection and reused; a write that fails halfway must not leave
    // values bound that shift into the next one.
    void reusedStatementsStartClean()
    {
        TestLibrary library;
        Article first = fullArticle();
        QVERIFY(library.repository->insert(first));
        Article clash = fullArticle();
        clash.uuid = first.uuid; // the UNIQUE uuid makes this insert fail after its values are bound
        QVERIFY(!library.repository->insert(clash));
        Article second = fullArticle();
        second.headline = u"Zanzibar article"_s;
        second.quotes = {{u"We are ready to talk"_s, u"Makei"_s, {}, {}}};
        QVERIFY(library.repository->insert(second));
        const std::optional<Article> loaded = library.repository->load(second.id);
        QVERIFY(loaded);
        QCOMPARE(loaded->headline, u"Zanzibar article"_s);
        QCOMPARE(loaded->uuid, second.uuid);
        QCOMPARE(loaded->quotes.size(), 1);
        QCOMPARE(loaded->quotes.first().speaker, u"Makei"_s);
        QCOMPARE(library.repository->search(u"Zanzibar"_s, 0, 10).size(), 1);
        QCOMPARE(countRows(*library.database, u"articles"_s), 2);
    }

    void worksFromAnotherThread()
    {
        TestLibrary library;
        qint64 id = 0;
        QThread *worker = QThread::create([&] {
            ArticleRepository repository(*library.database);
            Article article = sampleArticle(u"From a worker"_s);
            if (repository.insert(article))
                id = article.id;
        });
        worker->start();
        QVERIFY(worker->wait(10000));
        delete worker;
        QVERIFY(id > 0);
        QCOMPARE(library.repository->load(id)->headline, u"From a worker"_s);
    }
};

QTEST_GUILESS_MAIN(TestArticleRepository)
#include "tst_articlerepository.moc"
