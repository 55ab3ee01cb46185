// copydesk_bench: builds a reproducible synthetic library and prints, as JSON, how long Copydesk takes for
// the everyday operations, each beside the same operation done with raw SQLite calls on the same file in
// the same run. Figures, not verdicts: nothing here passes or fails on a timing.
//
//   copydesk_bench [--articles N] [--dir PATH] [--import-articles N] [--export-articles N]

#include "freshimportlibrary.h"
#include "syntheticwords.h"
#include <html/htmltext.h>
#include <import/importservice.h>
#include <library/articlelistmodel.h>
#include <library/articlequery.h>
#include <library/articlequeryrunner.h>
#include <library/articlerepository.h>
#include <library/librarydatabase.h>
#include <library/libraryfunctions.h>
#include <render/articlerenderer.h>
#include <render/htmlexporter.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

// A story of 300-1,500 words as plain text copied from a page: section, headline, byline, paragraphs.
QString syntheticText(QRandomGenerator &random, int index)
{
    QString headline = words(random, 8);
    headline[0] = headline[0].toUpper();
    QString text = u"News\n\n"_s + headline + u" "_s + QString::number(index) + u"\n\nBy Ann Smith\n\n"_s;
    int remaining = 300 + random.bounded(1201);
    while (remaining > 0) {
        const int length = std::min(remaining, 40 + random.bounded(60));
        QString paragraph = words(random, length);
        paragraph[0] = paragraph[0].toUpper();
        text += paragraph + u".\n\n"_s;
        remaining -= length;
    }
    return text;
}

Article syntheticArticle(QRandomGenerator &random, int index)
{
    Article article;
    article.status = ArticleStatus::Saved;
    article.section = u"News"_s;
    article.headline = words(random, 8) + u" "_s + QString::number(index);
    article.byline = u"Ann Smith"_s;
    article.bodyHtml = syntheticBodyHtml(random);
    article.quotes.append({words(random, 12), u"Ann Smith"_s, {}, {}});
    article.createdAt = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC).addSecs(qint64(index) * 3600);
    return article;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

double milliseconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// The raw-SQLite side of each comparison.
class RawSqlite
{
public:
    explicit RawSqlite(const QString &path)
    {
        sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr);
        // The search view derives the body's text with Copydesk's function (schema 9).
        registerLibraryFunctions(m_db);
        exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
    }
    ~RawSqlite()
    {
        for (sqlite3_stmt *statement :
             {m_insertArticle, m_insertSearchRow, m_insertStemRow, m_insertRevision, m_insertQuote})
            sqlite3_finalize(statement);
        sqlite3_close(m_db);
    }
    void exec(const char *sql) { sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr); }
    sqlite3 *db() const { return m_db; }

    qint64 countRows(const char *table)
    {
        sqlite3_stmt *statement = nullptr;
        sqlite3_prepare_v2(m_db, (QByteArray("SELECT count(*) FROM ") + table).constData(), -1, &statement,
                           nullptr);
        const qint64 rows = sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : -1;
        sqlite3_finalize(statement);
        return rows;
    }

    // The list's first rows (what is in the trash is not listed, and the list's index is partial on it).
    int firstRows(int limit)
    {
        sqlite3_stmt *statement = nullptr;
        sqlite3_prepare_v2(m_db,
                           "SELECT id, headline, section, byline, status, created_at, updated_at, starred, "
                           "read_at IS NOT NULL, word_count FROM articles WHERE trashed_at IS NULL "
                           "ORDER BY created_at DESC, id DESC LIMIT ?",
                           -1, &statement, nullptr);
        sqlite3_bind_int(statement, 1, limit);
        int rows = 0;
        while (sqlite3_step(statement) == SQLITE_ROW) {
            // Every column read, as the list's page is.
            for (int column = 0; column < sqlite3_column_count(statement); ++column)
                sqlite3_column_text(statement, column);
            ++rows;
        }
        sqlite3_finalize(statement);
        return rows;
    }

    int search(const QByteArray &match)
    {
        sqlite3_stmt *statement = nullptr;
        sqlite3_prepare_v2(m_db,
                           "SELECT a.id, a.headline, snippet(article_search, -1, '[', ']', '…', 12) "
                           "FROM article_search s JOIN articles a ON a.id = s.rowid WHERE article_search "
                           "MATCH ? ORDER BY bm25(article_search) LIMIT 200",
                           -1, &statement, nullptr);
        sqlite3_bind_text(statement, 1, match.constData(), int(match.size()), SQLITE_TRANSIENT);
        int rows = 0;
        while (sqlite3_step(statement) == SQLITE_ROW)
            ++rows;
        sqlite3_finalize(statement);
        return rows;
    }

    // The finished rows of every article in a library, as stored (the article, its rows in both search
    // indexes, its first revision and its quotes), read into memory so that the floor inserts exactly what
    // Copydesk wrote.
    struct Value
    {
        int type = SQLITE_NULL; // SQLITE_NULL, SQLITE_INTEGER or SQLITE_TEXT
        sqlite3_int64 integer = 0;
        QByteArray text;
    };
    using Row = QList<Value>;
    struct FinishedRows
    {
        QList<Row> articles;                 // every column of `articles` but id
        QList<Row> searchRows;               // every column of `article_search`
        QList<Row> stemRows;                 // every column of `article_stems`, the stemmed index
        QHash<qint64, QList<Row>> revisions; // by article id: every column but id and article_id
        QHash<qint64, QList<Row>> quotes;    // the same
    };

    FinishedRows readFinished()
    {
        FinishedRows rows;
        auto readAll = [this](const char *sql, QList<Row> &into,
                              QHash<qint64, QList<Row>> *byArticle = nullptr) {
            sqlite3_stmt *statement = nullptr;
            sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr);
            while (sqlite3_step(statement) == SQLITE_ROW) {
                Row row;
                for (int c = 0; c < sqlite3_column_count(statement); ++c) {
                    Value value;
                    value.type = sqlite3_column_type(statement, c);
                    if (value.type == SQLITE_INTEGER) {
                        value.integer = sqlite3_column_int64(statement, c);
                    } else if (value.type != SQLITE_NULL) {
                        value.type = SQLITE_TEXT;
                        value.text =
                            QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(statement, c)),
                                       sqlite3_column_bytes(statement, c));
                    }
                    row.append(value);
                }
                if (byArticle) // the first column is the article's id
                    (*byArticle)[row.takeFirst().integer].append(row);
                else
                    into.append(row);
            }
            sqlite3_finalize(statement);
        };
        readAll("SELECT uuid, status, section, headline, standfirst, byline, dateline, language, body_html, "
                "source_url, source_name, content_hash, created_at, updated_at, published_at, "
                "read_at, starred, word_count FROM articles ORDER BY id",
                rows.articles);
        readAll(
            "SELECT headline, standfirst, byline, body, quotes, captions FROM article_search ORDER BY rowid",
            rows.searchRows);
        readAll(
            "SELECT headline, standfirst, byline, body, quotes, captions FROM article_stems ORDER BY rowid",
            rows.stemRows);
        QList<Row> unused;
        readAll(
            "SELECT article_id, number, created_at, snapshot, name, word_count FROM revisions ORDER BY id",
            unused, &rows.revisions);
        readAll("SELECT article_id, position, text, speaker, speaker_role, context, on_record FROM quotes "
                "ORDER BY id",
                unused, &rows.quotes);
        return rows;
    }

    // One article's finished rows (article, both search indexes, revision, quotes) in one transaction, with
    // statements prepared once, as a careful hand-written importer would. Kept out of line so that a
    // profiler can collect it alone (valgrind --toggle-collect=*insertFinished*).
    __attribute__((noinline)) void insertFinished(const Row &article, const Row &searchRow,
                                                  const Row &stemRow, const QList<Row> &revisions,
                                                  const QList<Row> &quotes)
    {
        if (!m_insertArticle) {
            const auto prepare = [this](const char *sql, sqlite3_stmt **statement) {
                sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, statement, nullptr);
            };
            prepare("INSERT INTO articles (uuid, status, section, headline, standfirst, byline, dateline, "
                    "language, body_html, source_url, source_name, content_hash, created_at, updated_at, "
                    "published_at, read_at, starred, word_count) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    &m_insertArticle);
            prepare(
                "INSERT INTO article_search (rowid, headline, standfirst, byline, body, quotes, captions) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                &m_insertSearchRow);
            prepare("INSERT INTO article_stems (rowid, headline, standfirst, byline, body, quotes, captions) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    &m_insertStemRow);
            prepare("INSERT INTO revisions (article_id, number, created_at, snapshot, name, word_count) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    &m_insertRevision);
            prepare(
                "INSERT INTO quotes (article_id, position, text, speaker, speaker_role, context, on_record) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                &m_insertQuote);
        }
        auto bind = [](sqlite3_stmt *statement, int index, const Value &value) {
            if (value.type == SQLITE_INTEGER)
                sqlite3_bind_int64(statement, index, value.integer);
            else if (value.type == SQLITE_TEXT)
                sqlite3_bind_text(statement, index, value.text.constData(), int(value.text.size()),
                                  SQLITE_STATIC);
            else
                sqlite3_bind_null(statement, index);
        };
        exec("BEGIN");
        for (int c = 0; c < article.size(); ++c)
            bind(m_insertArticle, c + 1, article.at(c));
        // A floor that failed would only look fast: every step must have written its row.
        if (sqlite3_step(m_insertArticle) != SQLITE_DONE)
            qFatal("raw insert of an article failed: %s", sqlite3_errmsg(m_db));
        sqlite3_reset(m_insertArticle);
        const sqlite3_int64 id = sqlite3_last_insert_rowid(m_db);
        const auto insert = [&](sqlite3_stmt *statement, const Row &row, const char *what) {
            sqlite3_bind_int64(statement, 1, id);
            for (int c = 0; c < row.size(); ++c)
                bind(statement, c + 2, row.at(c));
            if (sqlite3_step(statement) != SQLITE_DONE)
                qFatal("raw insert of %s failed: %s", what, sqlite3_errmsg(m_db));
            sqlite3_reset(statement);
        };
        insert(m_insertSearchRow, searchRow, "a search row");
        insert(m_insertStemRow, stemRow, "a stemmed search row");
        for (const Row &revision : revisions)
            insert(m_insertRevision, revision, "a revision");
        for (const Row &quote : quotes)
            insert(m_insertQuote, quote, "a quote");
        exec("COMMIT");
    }

    // Reads one stored body and writes it to a file: the floor under an export.
    void exportBody(qint64 id, const QString &path)
    {
        sqlite3_stmt *statement = nullptr;
        sqlite3_prepare_v2(m_db, "SELECT headline, body_html FROM articles WHERE id = ?", -1, &statement,
                           nullptr);
        sqlite3_bind_int64(statement, 1, id);
        if (sqlite3_step(statement) == SQLITE_ROW) {
            QFile file(path);
            if (file.open(QIODevice::WriteOnly)) {
                file.write(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
                file.write(reinterpret_cast<const char *>(sqlite3_column_text(statement, 1)));
            }
        }
        sqlite3_finalize(statement);
    }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insertArticle = nullptr;
    sqlite3_stmt *m_insertSearchRow = nullptr;
    sqlite3_stmt *m_insertStemRow = nullptr;
    sqlite3_stmt *m_insertRevision = nullptr;
    sqlite3_stmt *m_insertQuote = nullptr;
};

QJsonObject pair(double copydesk, double raw, const QString &unit)
{
    QJsonObject object{{u"copydesk"_s, copydesk}, {u"raw_sqlite"_s, raw}, {u"unit"_s, unit}};
    if (raw > 0)
        object.insert(u"ratio"_s, copydesk / raw);
    return object;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"copydesk_bench"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Copydesk benchmarks; prints JSON."_s);
    parser.addHelpOption();
    const QCommandLineOption articlesOption(u"articles"_s, u"Articles in the synthetic library."_s, u"N"_s,
                                            u"20000"_s);
    const QCommandLineOption importOption(u"import-articles"_s, u"Articles for the import figure."_s, u"N"_s,
                                          u"500"_s);
    const QCommandLineOption exportOption(u"export-articles"_s, u"Articles for the export figure."_s, u"N"_s,
                                          u"300"_s);
    const QCommandLineOption dirOption(u"dir"_s, u"Folder for the libraries (default: a temporary one)."_s,
                                       u"PATH"_s);
    parser.addOptions({articlesOption, importOption, exportOption, dirOption});
    parser.process(app);
    const int articleCount = parser.value(articlesOption).toInt();
    const int importCount = parser.value(importOption).toInt();
    const int exportCount = parser.value(exportOption).toInt();
    QTemporaryDir temporary;
    const QDir dir(parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path());
    QDir().mkpath(dir.path());
    QTextStream err(stderr);

    // 1. The synthetic library, reproducible: the same seed gives the same articles.
    const QString libraryPath = dir.filePath(u"bench-library.sqlite"_s);
    QFile::remove(libraryPath);
    QElapsedTimer timer;
    {
        LibraryDatabase database(libraryPath);
        if (!database.open()) {
            err << database.error() << Qt::endl;
            return 1;
        }
        ArticleRepository repository(database);
        QRandomGenerator random(20261128);
        timer.start();
        for (int i = 0; i < articleCount; ++i) {
            Article article = syntheticArticle(random, i);
            if (!repository.insert(article)) {
                err << repository.lastError() << Qt::endl;
                return 1;
            }
        }
        err << "generated " << articleCount << " articles in " << milliseconds(timer) << " ms" << Qt::endl;
    }

    QJsonObject results;
    results.insert(u"articles"_s, articleCount);

    // 2. Open the library and fetch the first page of the list, as the window does: the first page at
    // once, the count on the list's thread after it (a model without its runner counts every row first).
    double openOurs = 0;
    {
        timer.start();
        LibraryDatabase database(libraryPath);
        database.open();
        ArticleRepository repository(database);
        ArticleQueryRunner runner(database);
        ArticleListModel model(repository);
        model.setRunner(&runner);
        model.reload();
        model.index(0).data();
        openOurs = milliseconds(timer);
        if (model.rowCount() != ArticleListModel::PageSize)
            err << "unexpected first page: " << model.rowCount() << Qt::endl;
    }
    double openRaw = 0;
    {
        timer.start();
        RawSqlite raw(libraryPath);
        raw.firstRows(ArticleListModel::PageSize);
        openRaw = milliseconds(timer);
    }
    results.insert(u"open_and_first_200_rows_ms"_s, pair(openOurs, openRaw, u"ms"_s));

    // 3. Full-text search: the median of 50 queries of one or two words.
    {
        LibraryDatabase database(libraryPath);
        database.open();
        ArticleRepository repository(database);
        RawSqlite raw(libraryPath);
        QRandomGenerator random(7);
        QList<double> ours;
        QList<double> rawTimes;
        for (int i = 0; i < 50; ++i) {
            const QString query = i % 2 ? searchTerm(random) : searchTerm(random) + u' ' + searchTerm(random);
            timer.start();
            repository.search(query, 0, 200);
            ours.append(milliseconds(timer));
            // The same words as Copydesk searched for (the last a prefix only if the library lacks it).
            ArticleQuery asked;
            asked.text = query;
            const QByteArray match = articleMatch(repository.settled(asked)).toUtf8();
            timer.start();
            raw.search(match);
            rawTimes.append(milliseconds(timer));
        }
        results.insert(u"search_median_ms"_s, pair(median(ours), median(rawTimes), u"ms"_s));
    }

    // 4. Plain-text import into an empty library, against inserting the same finished rows raw.
    {
        QRandomGenerator random(99);
        QList<QByteArray> texts;
        for (int i = 0; i < importCount; ++i)
            texts.append(syntheticText(random, i).toUtf8());

        const QString importPath = dir.filePath(u"bench-import.sqlite"_s);
        FreshImportLibrary oneByOne(importPath);
        timer.start();
        for (int i = 0; i < texts.size(); ++i) {
            ImportSource source;
            source.fileName = u"story-%1.txt"_s.arg(i);
            source.bytes = texts.at(i);
            oneByOne.service.importSource(source, source.fileName);
        }
        const double oursMs = milliseconds(timer);

        // The floor: the rows Copydesk stored (the article, both search indexes, the first revision, the
        // quotes; every column as written), inserted again with raw calls into a fresh library.
        const RawSqlite::FinishedRows finished = RawSqlite(importPath).readFinished();
        const QString rawPath = dir.filePath(u"bench-import-raw.sqlite"_s);
        QFile::remove(rawPath);
        {
            LibraryDatabase schemaOnly(rawPath);
            schemaOnly.open();
        }
        RawSqlite raw(rawPath);
        timer.start();
        // Ids are given in the same order in both libraries: article i + 1 is the same one.
        for (qsizetype i = 0; i < finished.articles.size(); ++i)
            raw.insertFinished(finished.articles.at(i), finished.searchRows.value(i),
                               finished.stemRows.value(i), finished.revisions.value(i + 1),
                               finished.quotes.value(i + 1));
        const double rawMs = milliseconds(timer);
        const qsizetype rawCount = finished.articles.size();
        // A floor that left rows out would only look fast.
        for (const char *table : {"articles", "revisions", "quotes"}) {
            const qint64 ours = RawSqlite(importPath).countRows(table);
            if (raw.countRows(table) != ours || (ours == 0 && qstrcmp(table, "quotes") != 0))
                qFatal("the floor's %s rows are not Copydesk's (%lld)", table, static_cast<long long>(ours));
        }
        results.insert(u"plain_text_import_articles_per_s"_s,
                       pair(texts.size() / (oursMs / 1000.0), rawCount / (rawMs / 1000.0), u"articles/s"_s));
        results.insert(u"plain_text_import_time_ratio"_s, rawMs > 0 ? oursMs / rawMs : 0.0);

        // The same texts as files, imported as one batch (File > Import of a folder, `copydesk import
        // *.txt`): files are read and recognised ahead on other threads while the library is written.
        const QString filesDir = dir.filePath(u"bench-import-files"_s);
        QDir(filesDir).removeRecursively();
        QDir().mkpath(filesDir);
        QStringList files;
        for (int i = 0; i < texts.size(); ++i) {
            files.append(QDir(filesDir).filePath(u"story-%1.txt"_s.arg(i)));
            QFile file(files.last());
            if (file.open(QIODevice::WriteOnly))
                file.write(texts.at(i));
        }
        FreshImportLibrary batch(dir.filePath(u"bench-import-batch.sqlite"_s));
        int batchImported = 0;
        timer.start();
        batch.service.importFiles(files, [&](qsizetype, ImportOutcome &&outcome) {
            batchImported += int(outcome.articleIds.size());
            return true;
        });
        const double batchMs = milliseconds(timer);
        QDir(filesDir).removeRecursively();
        results.insert(
            u"plain_text_batch_import_articles_per_s"_s,
            pair(batchImported / (batchMs / 1000.0), rawCount / (rawMs / 1000.0), u"articles/s"_s));
        results.insert(u"plain_text_batch_import_time_ratio"_s, rawMs > 0 ? batchMs / rawMs : 0.0);
    }

    // 5. HTML export: load, render, write atomically; against reading the body raw and writing it.
    {
        LibraryDatabase database(libraryPath);
        database.open();
        ArticleRepository repository(database);
        const ArticleRenderer renderer;
        HtmlExporter exporter(renderer);
        const QString out = dir.filePath(u"bench-export"_s);
        QDir().mkpath(out);
        const int count = std::min(exportCount, articleCount);
        timer.start();
        for (int id = 1; id <= count; ++id) {
            if (std::optional<Article> article = repository.load(id))
                exporter.write(*article, QDir(out).filePath(u"%1.html"_s.arg(id)));
        }
        const double oursMs = milliseconds(timer);
        RawSqlite raw(libraryPath);
        timer.start();
        for (int id = 1; id <= count; ++id)
            raw.exportBody(id, QDir(out).filePath(u"raw-%1.html"_s.arg(id)));
        const double rawMs = milliseconds(timer);
        results.insert(u"html_export_articles_per_s"_s,
                       pair(count / (oursMs / 1000.0), count / (rawMs / 1000.0), u"articles/s"_s));
    }

    results.insert(u"peak_rss_mib"_s, double(peakRssKiB()) / 1024.0);
    results.insert(u"library_file_mib"_s, double(QFileInfo(libraryPath).size()) / (1024.0 * 1024.0));
    QTextStream(stdout) << QJsonDocument(results).toJson(QJsonDocument::Indented);
    return 0;
}
