#include <library/librarydatabase.h>
#include <library/libraryfunctions.h>

#include "core/testlibrary.h"
#include "damagedlibrary.h"
#include <library/articlerepository.h>

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {
QVariant scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(sql, db);
    return query.next() ? query.value(0) : QVariant();
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}
} // namespace

class TestLibraryDatabase : public QObject
{
    Q_OBJECT

private slots:
    void createsAndMigrates()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"sub/folder/library.sqlite"_s);
        LibraryDatabase database(path);
        QVERIFY2(database.open(), qPrintable(database.error()));
        QVERIFY(QFile::exists(path));
        const QSqlDatabase db = database.connection();
        QCOMPARE(scalar(db, u"PRAGMA user_version"_s).toInt(), LibraryDatabase::latestSchemaVersion());
        QVERIFY(LibraryDatabase::latestSchemaVersion() >= 1);
        QCOMPARE(scalar(db, u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(scalar(db, u"PRAGMA foreign_keys"_s).toInt(), 1);
        QVERIFY(scalar(db, u"PRAGMA busy_timeout"_s).toInt() > 0);
        for (const QString &table : {u"articles"_s, u"quotes"_s, u"images"_s, u"tags"_s, u"article_tags"_s,
                                     u"related_links"_s, u"revisions"_s, u"article_search"_s}) {
            QCOMPARE(scalar(db, u"SELECT count(*) FROM sqlite_master WHERE name = '%1'"_s.arg(table)).toInt(),
                     1);
        }
    }

    void reopeningKeepsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.sqlite"_s);
        {
            LibraryDatabase database(path);
            QVERIFY(database.open());
            QSqlQuery insert(database.connection());
            QVERIFY(insert.exec(u"INSERT INTO tags (name) VALUES ('kept')"_s));
        }
        LibraryDatabase again(path);
        QVERIFY2(again.open(), qPrintable(again.error()));
        QCOMPARE(scalar(again.connection(), u"SELECT name FROM tags"_s).toString(), u"kept"_s);
    }

    void refusesNewerLibraryAndLeavesItUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"future.sqlite"_s);
        {
            LibraryDatabase database(path);
            QVERIFY(database.open());
            QSqlQuery query(database.connection());
            QVERIFY(query.exec(u"PRAGMA journal_mode = DELETE"_s));
            QVERIFY(query.exec(u"PRAGMA user_version = 999"_s));
        }
        const QByteArray before = fileHash(path);
        LibraryDatabase database(path);
        QVERIFY(!database.open());
        QVERIFY2(database.error().contains(path), qPrintable(database.error()));
        QVERIFY2(database.error().contains(u"newer"_s), qPrintable(database.error()));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + u"-wal"_s));
    }

    void refusesAFileThatIsNotALibrary()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"notes.sqlite"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        LibraryDatabase database(path);
        QVERIFY(!database.open());
        QVERIFY2(database.error().contains(path), qPrintable(database.error()));
    }

    void eachThreadHasItsOwnConnection()
    {
        QTemporaryDir dir;
        LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
        QVERIFY(database.open());
        const QString mainName = database.connection().connectionName();
        QString workerName;
        int workerVersion = 0;
        QThread *worker = QThread::create([&] {
            QSqlDatabase db = database.connection();
            workerName = db.connectionName();
            workerVersion = scalar(db, u"PRAGMA user_version"_s).toInt();
        });
        worker->start();
        QVERIFY(worker->wait(10000));
        delete worker;
        QVERIFY(!workerName.isEmpty());
        QVERIFY(workerName != mainName);
        QCOMPARE(workerVersion, LibraryDatabase::latestSchemaVersion());
    }

    void bringsAVersionOneLibraryUpToDate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.sqlite"_s);
        {
            LibraryDatabase database(path);
            QVERIFY(database.open());
            Article article;
            article.headline = u"Written by version one"_s;
            article.bodyHtml = u"<p>The ferry leaves at noon.</p>"_s;
            article.quotes.append({u"We will sail on Monday"_s, u"Anna Berg"_s, {}, {}});
            QVERIFY(ArticleRepository(database).insert(article));
            // What version 1 had: none of the later columns, and its number.
            QSqlDatabase db = database.connection();
            // Its body's text stored beside the body, as an older Copydesk derived it (otherwise).
            for (const QString &sql :
                 {u"ALTER TABLE articles ADD COLUMN body_text TEXT NOT NULL DEFAULT ''"_s,
                  u"UPDATE articles SET body_text = 'The ferry leaves at dawn.'"_s,
                  u"ALTER TABLE quotes DROP COLUMN on_record"_s,
                  u"ALTER TABLE images DROP COLUMN agency"_s,
                  u"ALTER TABLE articles DROP COLUMN editor_note"_s,
                  u"ALTER TABLE revisions DROP COLUMN name"_s,
                  u"ALTER TABLE revisions DROP COLUMN word_count"_s,
                  u"DROP TABLE article_stems"_s,
                  u"DROP INDEX articles_trashed"_s,
                  u"DROP INDEX articles_status"_s,
                  u"DROP INDEX articles_section"_s,
                  u"DROP INDEX articles_unread"_s,
                  u"DROP INDEX articles_listed"_s,
                  u"DROP INDEX articles_starred"_s,
                  u"DROP INDEX articles_source_name"_s,
                  u"DROP INDEX articles_headline"_s,
                  u"DROP INDEX articles_length"_s,
                  u"DROP INDEX article_tags_position"_s,
                  u"DROP INDEX articles_unread_ids"_s,
                  u"DROP INDEX articles_starred_ids"_s,
                  u"DROP TABLE library_meta"_s,
                  u"ALTER TABLE articles DROP COLUMN trashed_at"_s,
                  u"DROP VIEW article_search_text"_s,
                  u"DROP TABLE article_search"_s,
                  u"CREATE VIRTUAL TABLE article_search USING fts5 (headline, "
                  u"standfirst, byline, body, quotes, "
                  "captions, tokenize = 'unicode61 remove_diacritics 2')"_s,
                  u"INSERT INTO article_search (rowid, headline, quotes) VALUES (1, "
                  u"'Written by version one', "
                  "'We will sail on Monday')"_s,
                  u"DROP TABLE saved_searches"_s,
                  u"PRAGMA user_version = 1"_s})
                QVERIFY2(QSqlQuery(db).exec(sql), qPrintable(sql));
        }
        LibraryDatabase database(path);
        QVERIFY2(database.open(), qPrintable(database.error()));
        QCOMPARE(scalar(database.connection(), u"PRAGMA user_version"_s).toInt(),
                 LibraryDatabase::latestSchemaVersion());
        QCOMPARE(LibraryDatabase::latestSchemaVersion(), 10);
        const std::optional<Article> article = ArticleRepository(database).load(1);
        QVERIFY(article);
        QCOMPARE(article->headline, u"Written by version one"_s);
        QCOMPARE(article->quotes.size(), 1);
        QVERIFY(article->quotes.first().onRecord); // the default for what was there
        QCOMPARE(article->editorNote, QString());
        // The stemmed index is built from what the exact one held.
        QCOMPARE(ArticleRepository(database).search(u"versions"_s, 0, 10).size(), 1);
        // The body's text is read from its HTML alone now, and both indexes hold that text (not the stored
        // copy they were built from): FTS5's integrity-check compares them with it.
        QCOMPARE(article->bodyText, u"The ferry leaves at noon."_s);
        QCOMPARE(ArticleRepository(database).search(u"noon "_s, 0, 10).size(), 1);
        QCOMPARE(ArticleRepository(database).search(u"dawn "_s, 0, 10).size(), 0);
        QVERIFY(!QSqlQuery(database.connection()).exec(u"SELECT body_text FROM articles"_s));
        QCOMPARE(searchIndexProblems(database), QString());
    }

    // Schema 9 stops storing the body's text: an article another tool wrote without indexing it (and
    // without its text) ends up in both indexes, which stay whole. A library indexed with another
    // derivation of the text (PlainTextVersion) has its indexes rebuilt once.
    void bringsASchemaEightLibraryUpToDateAndRebuildsForANewPlainText()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.sqlite"_s);
        {
            LibraryDatabase database(path);
            QVERIFY(database.open());
            Article article;
            article.headline = u"Harbour dues"_s;
            article.bodyHtml = u"<p>Ferries pay more.</p>"_s;
            QVERIFY(ArticleRepository(database).insert(article));
            QSqlDatabase db = database.connection();
            for (const QString &sql :
                 {u"DROP VIEW article_search_text"_s, u"DROP TABLE library_meta"_s,
                  u"DROP INDEX article_tags_position"_s, u"DROP INDEX articles_unread_ids"_s,
                  u"DROP INDEX articles_starred_ids"_s,
                  u"ALTER TABLE articles ADD COLUMN body_text TEXT NOT NULL DEFAULT ''"_s,
                  u"UPDATE articles SET body_text = 'Ferries pay more.'"_s,
                  u"CREATE VIEW article_search_text (id, headline, standfirst, byline, body, quotes, "
                  u"captions) "
                  "AS SELECT a.id, a.headline, a.standfirst, a.byline, a.body_text, '', '' FROM articles a"_s,
                  // Written by another tool: in neither index, its text not stored.
                  u"INSERT INTO articles (uuid, created_at, updated_at, headline, body_html) VALUES "
                  "('other-tool', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'Lighthouse', "
                  "'<p>Keepers return.</p>')"_s,
                  u"PRAGMA user_version = 8"_s})
                QVERIFY2(QSqlQuery(db).exec(sql), qPrintable(sql));
        }
        {
            LibraryDatabase database(path);
            QVERIFY2(database.open(), qPrintable(database.error()));
            ArticleRepository repository(database);
            QCOMPARE(repository.search(u"keepers "_s, 0, 10).size(), 1);
            QCOMPARE(repository.search(u"ferries "_s, 0, 10).size(), 1);
            QCOMPARE(searchIndexProblems(database), QString());
            QCOMPARE(scalar(database.connection(),
                            u"SELECT value FROM library_meta WHERE key = 'plain_text_version'"_s)
                         .toInt(),
                     PlainTextVersion);
            QVERIFY(QSqlQuery(database.connection())
                        .exec(u"UPDATE library_meta SET value = '0' WHERE key = 'plain_text_version'"_s));
        }
        LibraryDatabase database(path);
        QVERIFY2(database.open(), qPrintable(database.error()));
        QCOMPARE(scalar(database.connection(),
                        u"SELECT value FROM library_meta WHERE key = 'plain_text_version'"_s)
                     .toInt(),
                 PlainTextVersion);
        QCOMPARE(searchIndexProblems(database), QString());
        QCOMPARE(ArticleRepository(database).search(u"keepers "_s, 0, 10).size(), 1);
    }

    void opensReadOnlyWhenAsked()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.sqlite"_s);
        {
            LibraryDatabase database(path);
            QVERIFY(database.open());
            ArticleRepository repository(database);
            Article article;
            article.headline = u"Kept"_s;
            QVERIFY(repository.insert(article));
        }
        const QByteArray before = fileHash(path);
        {
            LibraryDatabase database(path);
            QVERIFY2(database.open(LibraryDatabase::Access::ReadOnly), qPrintable(database.error()));
            QVERIFY(database.isReadOnly());
            QVERIFY(!database.writesAllowed());
            QVERIFY(!database.readOnlyReason().isEmpty());
            ArticleRepository repository(database);
            QCOMPARE(repository.count(), 1);
            Article article;
            article.headline = u"Refused"_s;
            QVERIFY(!repository.insert(article));
            QVERIFY2(repository.lastError().contains(u"read-only"_s), qPrintable(repository.lastError()));
            std::optional<Article> stored = repository.load(1);
            QVERIFY(stored);
            stored->headline = u"Changed"_s;
            QVERIFY(!repository.update(*stored));
            QVERIFY(!repository.remove(1));
        }
        QCOMPARE(fileHash(path), before);
        // A library that does not exist is not created read-only.
        LibraryDatabase missing(dir.filePath(u"missing.sqlite"_s));
        QVERIFY(!missing.open(LibraryDatabase::Access::ReadOnly));
        QVERIFY(missing.error().contains(u"no such library"_s));
        QVERIFY(!QFile::exists(dir.filePath(u"missing.sqlite"_s)));
    }

    void quickCheckFindsDamageInTheMiddle()
    {
        QTemporaryDir dir;
        const QString sound = dir.filePath(u"sound.sqlite"_s);
        {
            LibraryDatabase database(sound);
            QVERIFY(database.open());
            QCOMPARE(database.health(), LibraryDatabase::Health::Unchecked);
            QVERIFY(database.quickCheck().isEmpty());
            QCOMPARE(database.health(), LibraryDatabase::Health::Sound);
            QVERIFY(database.writesAllowed());
        }
        const QString damaged = dir.filePath(u"damaged.sqlite"_s);
        QVERIFY(writeDamagedLibrary(damaged));
        const QByteArray before = fileHash(damaged);
        {
            LibraryDatabase database(damaged);
            QVERIFY2(database.open(), qPrintable(database.error())); // the header is intact: it opens
            const QStringList problems = database.quickCheck();
            QVERIFY(!problems.isEmpty());
            QCOMPARE(database.health(), LibraryDatabase::Health::Damaged);
            QVERIFY(!database.writesAllowed());
            QVERIFY(database.writeRefusal().contains(u"damaged"_s));
            ArticleRepository repository(database);
            Article article;
            article.headline = u"Refused"_s;
            QVERIFY(!repository.insert(article));
            QVERIFY(repository.lastError().contains(u"damaged"_s));
        }
        QCOMPARE(fileHash(damaged), before); // found damaged, then never written
    }

    void aQuickCheckCanBeStoppedFromAnotherThread()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.sqlite"_s);
        LibraryDatabase database(path);
        QVERIFY(database.open());
        {
            // Enough pages that a check takes a while: 40 MB of text in one transaction.
            QSqlDatabase db = database.connection();
            QVERIFY(db.transaction());
            QSqlQuery insert(db);
            insert.prepare(
                u"INSERT INTO articles (uuid, created_at, updated_at, body_html) VALUES (?, '', '', ?)"_s);
            const QString text = u"harbour cranes ferries dredging "_s.repeated(640);
            for (int i = 0; i < 2000; ++i) {
                insert.addBindValue(QString::number(i));
                insert.addBindValue(text);
                QVERIFY(insert.exec());
            }
            QVERIFY(db.commit());
        }
        QElapsedTimer whole;
        whole.start();
        QStringList problems;
        QThread *checker = QThread::create([&] { problems = database.quickCheck(); });
        checker->start();
        while (!checker->wait(1))
            database.interruptQuickCheck();
        delete checker;
        const qint64 interruptedMs = whole.elapsed();
        QVERIFY(problems.isEmpty());
        QCOMPARE(database.health(),
                 LibraryDatabase::Health::Unchecked); // stopped: nothing known, nothing blamed
        whole.restart();
        QVERIFY(database.quickCheck().isEmpty());
        QCOMPARE(database.health(), LibraryDatabase::Health::Sound);
        qInfo("quick check: %lld ms whole, stopped after %lld ms", qlonglong(whole.elapsed()),
              qlonglong(interruptedMs));
    }

    void dataVersionMovesWithOtherConnectionsOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.sqlite"_s);
        LibraryDatabase window(path);
        QVERIFY(window.open());
        LibraryDatabase other(path);
        QVERIFY(other.open());
        const qint64 start = window.dataVersion();
        QVERIFY(start >= 0);
        ArticleRepository own(window);
        Article mine;
        mine.headline = u"Mine"_s;
        QVERIFY(own.insert(mine));
        QCOMPARE(window.dataVersion(), start); // its own commits do not count
        ArticleRepository elsewhere(other);
        Article theirs;
        theirs.headline = u"Theirs"_s;
        QVERIFY(elsewhere.insert(theirs));
        QVERIFY(window.dataVersion() != start);
    }

    void resolvesThePath()
    {
        qputenv("COPYDESK_LIBRARY", "/tmp/from-env.sqlite");
        QCOMPARE(LibraryDatabase::resolvePath(u"/tmp/given.sqlite"_s), u"/tmp/given.sqlite"_s);
        QCOMPARE(LibraryDatabase::resolvePath({}), u"/tmp/from-env.sqlite"_s);
        qunsetenv("COPYDESK_LIBRARY");
        QVERIFY(LibraryDatabase::resolvePath({}).endsWith(u"/library.sqlite"_s));
        QCOMPARE(LibraryDatabase::resolvePath({}), LibraryDatabase::defaultPath());
    }
};

QTEST_GUILESS_MAIN(TestLibraryDatabase)
#include "tst_librarydatabase.moc"
