// copydesk_reader_bench: the reader's figures on a large synthetic library (1,000 to 1,000,000 articles of
// 300 to 1,500 words, with sections, statuses, tags, sources, read and starred marks), each beside raw
// SQLite on the same file in the same run, printed as JSON. Figures, not verdicts.
//
//   copydesk_reader_bench --articles N [--library PATH] [--queries 100] [--window]
//
// --library keeps the generated library for the next run: it is reused when it holds N articles, and
// generated on from where it stopped when it holds fewer.
// --window also starts copydesk on it (QT_QPA_PLATFORM=offscreen or a display): the time from the program's
// start to its window's first frame beside a bare Qt Widgets window's (copydesk_bare_window), and the
// memory of a window process with the list shown and scrolled to its end.

#include "articlelistpanel.h"
#include "mainwindow.h"
#include "syntheticwords.h"
#include "webbrowserengine.h"
#include <library/articlelistmodel.h>
#include <library/articlequeryrunner.h>
#include <library/articlerepository.h>
#include <library/librarydatabase.h>
#include <library/libraryfunctions.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

const QStringList sections = u"News Politics Business Culture Sport World Science Opinion"_s.split(u' ');
const QStringList sources = u"Courier Gazette Herald Ledger Tribune Observer Chronicle Post Times Mirror "
                            "Sentinel Examiner"_s.split(u' ');

Article readerArticle(QRandomGenerator &random, int index)
{
    Article article;
    const QList<ArticleStatus> statuses = allStatuses();
    article.status = statuses.at(index % statuses.size());
    article.section = sections.at(random.bounded(int(sections.size())));
    article.headline = words(random, 8) + u" "_s + QString::number(index);
    article.byline = u"Ann Smith"_s;
    article.sourceName = sources.at(random.bounded(int(sources.size())));
    article.sourceUrl = u"https://news.example/%1"_s.arg(index);
    article.bodyHtml = syntheticBodyHtml(random);
    for (int t = random.bounded(4); t > 0; --t) {
        const QString tag = u"tag%1"_s.arg(random.bounded(40));
        if (!article.tags.contains(tag))
            article.tags.append(tag);
    }
    article.quotes.append({words(random, 12), u"Ann Smith"_s, {}, {}});
    article.createdAt = QDateTime(QDate(2015, 1, 1), QTime(0, 0), Qt::UTC).addSecs(qint64(index) * 300);
    article.starred = random.bounded(100) < 3;
    if (random.bounded(100) < 60)
        article.readAt = article.createdAt.addDays(1);
    return article;
}

// What a row of the list shows, read the plainest way: the same columns as the list's (its tags and
// whether it has a lead picture among them), from the same table.
constexpr const char *listRow =
    "SELECT a.id, a.headline, a.section, a.byline, a.status, a.created_at, a.updated_at, a.starred, "
    "a.read_at, "
    "a.word_count, a.published_at, (SELECT group_concat(t.name, char(31)) FROM article_tags at JOIN tags t "
    "ON "
    "t.id = at.tag_id WHERE at.article_id = a.id), EXISTS (SELECT 1 FROM images i WHERE i.article_id = a.id "
    "AND "
    "i.role = 'lead' AND i.data IS NOT NULL) FROM articles a WHERE a.trashed_at IS NULL";

// The plain FTS5 query for a first screen of results: bm25 over every match, snippets for the first 25.
constexpr const char *plainSearch =
    "SELECT a.id, a.headline, snippet(article_stems, -1, '[', ']', '…', 12) FROM article_stems s JOIN "
    "articles a "
    "ON a.id = s.rowid WHERE article_stems MATCH ? AND a.trashed_at IS NULL ORDER BY rank LIMIT 25";
constexpr const char *plainUnreadSearch = "SELECT a.id, a.headline, snippet(article_stems, -1, '[', ']', "
                                          "'…', 12) FROM article_stems s JOIN articles a "
                                          "ON a.id = s.rowid WHERE article_stems MATCH ? AND a.read_at IS "
                                          "NULL AND a.trashed_at IS NULL ORDER BY rank "
                                          "LIMIT 25";

// The rows of the list a tall window shows at once (two lines each): made into summaries for the first
// screen, as the list's painting makes them; the others of a page wait until scrolled to.
constexpr int screenRows = 40;

void showFirstScreen(const ArticleListModel &model)
{
    for (int row = 0; row < std::min(screenRows, model.rowCount()); ++row)
        model.index(row).data();
}

void showFirstScreen(const ArticlePage &page)
{
    for (qsizetype row = 0; row < std::min<qsizetype>(screenRows, page.size()); ++row)
        page.at(row);
}

double ms(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size()))));
}

long rssKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return 0;
}

// Raw SQLite: the same rows read the plainest way.
class Raw
{
public:
    explicit Raw(const QString &path)
    {
        sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READONLY, nullptr);
        // The text the search indexes read (snippets) is derived by Copydesk's function in the schema.
        registerLibraryFunctions(m_db);
    }
    ~Raw() { sqlite3_close(m_db); }
    int rows(const QByteArray &sql, const QByteArray &text = {})
    {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.constData(), -1, &statement, nullptr) != SQLITE_OK)
            return -1;
        if (!text.isEmpty())
            sqlite3_bind_text(statement, 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        int rows = 0;
        // Every column of every row read, as text: what a list must have of each row to show it.
        const int columns = sqlite3_column_count(statement);
        while (sqlite3_step(statement) == SQLITE_ROW) {
            for (int column = 0; column < columns; ++column)
                sqlite3_column_text(statement, column);
            ++rows;
        }
        sqlite3_finalize(statement);
        return rows;
    }

private:
    sqlite3 *m_db = nullptr;
};

QJsonObject pair(double ours, double raw)
{
    return QJsonObject{{u"copydesk"_s, ours}, {u"raw"_s, raw}, {u"ratio"_s, raw > 0 ? ours / raw : 0}};
}

// The floor of size: each article's text stored once, with an external-content FTS5 index over it.
double floorKiBPer1000(const QString &dir, int articles)
{
    const QString path = dir + u"/floor.sqlite"_s;
    QFile::remove(path);
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    sqlite3_exec(
        db,
        "PRAGMA journal_mode = WAL; CREATE TABLE a (id INTEGER PRIMARY KEY, headline TEXT, section TEXT, "
        "byline TEXT, body TEXT, created_at TEXT); CREATE VIRTUAL TABLE f USING fts5(headline, byline, "
        "body, content = 'a', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');",
        nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO a (headline, section, byline, body, created_at) VALUES (?, ?, ?, ?, ?)",
                       -1, &insert, nullptr);
    QRandomGenerator random(20261202);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (int i = 0; i < articles; ++i) {
        Article article = readerArticle(random, i);
        ArticleRepository::prepareForStorage(article);
        const QByteArray values[] = {article.headline.toUtf8(), article.section.toUtf8(),
                                     article.byline.toUtf8(), article.bodyText.toUtf8(),
                                     toStorageTime(article.createdAt).toUtf8()};
        for (int v = 0; v < 5; ++v)
            sqlite3_bind_text(insert, v + 1, values[v].constData(), int(values[v].size()), SQLITE_TRANSIENT);
        sqlite3_step(insert);
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    sqlite3_exec(db, "COMMIT; INSERT INTO f (f) VALUES ('rebuild'); PRAGMA wal_checkpoint(TRUNCATE);",
                 nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return double(QFileInfo(path).size()) / 1024.0 / articles * 1000.0;
}

} // namespace

int main(int argc, char *argv[])
{
    // As the window's own start does (src/app/main.cpp), for the window measured in this process.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    // The browser engine linked in rather than loaded from its plugin.
    static WebBrowserEngine engine;
    BrowserEngine::setBuiltIn(&engine);
    QCoreApplication::setApplicationName(u"copydesk_reader_bench"_s);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption articlesOption(u"articles"_s, u"Articles in the library."_s, u"N"_s, u"1000"_s);
    const QCommandLineOption libraryOption(u"library"_s, u"Keep the library here."_s, u"PATH"_s);
    const QCommandLineOption queriesOption(u"queries"_s, u"Search queries."_s, u"N"_s, u"100"_s);
    const QCommandLineOption windowOption(u"window"_s, u"Also show the main window."_s);
    const QCommandLineOption slowestOption(u"slowest"_s, u"Print the N slowest searches to stderr."_s, u"N"_s,
                                           u"0"_s);
    parser.addOptions({articlesOption, libraryOption, queriesOption, windowOption, slowestOption});
    parser.process(app);
    const int count = parser.value(articlesOption).toInt();
    QTemporaryDir temporary;
    const QString path =
        parser.isSet(libraryOption) ? parser.value(libraryOption) : temporary.filePath(u"reader.sqlite"_s);
    QTextStream err(stderr);
    QJsonObject results{{u"articles"_s, count}};

    // The library, generated once.
    {
        LibraryDatabase database(path);
        if (!database.open()) {
            err << database.error() << Qt::endl;
            return 1;
        }
        ArticleRepository repository(database);
        const int have = repository.count();
        if (have > count) {
            err << path << " holds " << have << " articles, more than " << count << Qt::endl;
            return 1;
        }
        if (have < count) {
            // Generated once, and resumed where an earlier run stopped: the articles before are drawn again
            // (the same seed gives the same ones) without being stored.
            QRandomGenerator random(20261202);
            for (int i = 0; i < have; ++i)
                readerArticle(random, i);
            QElapsedTimer timer;
            timer.start();
            for (int i = have; i < count; ++i) {
                Article article = readerArticle(random, i);
                if (!repository.insert(article)) {
                    err << repository.lastError() << Qt::endl;
                    return 1;
                }
                if (i % 50000 == 49999)
                    err << "generated " << i + 1 << " in " << ms(timer) / 1000 << " s" << Qt::endl;
            }
            QSqlQuery(database.connection()).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
        }
    }
    const double size = double(QFileInfo(path).size()) / 1024.0 / count * 1000.0;
    results.insert(
        u"size_kib_per_1000_articles"_s,
        QJsonObject{{u"copydesk"_s, size},
                    {u"floor"_s, floorKiBPer1000(QFileInfo(path).absolutePath(), std::min(count, 5000))}});
    results.insert(u"library_mib"_s, double(QFileInfo(path).size()) / 1048576.0);

    // Open and the first screen, against the same rows read raw; then the count that follows on the list's
    // thread, and the last page (Ctrl+End). A pass unmeasured first (both sides warm), then the median of
    // seven: one sample of a millisecond moves by a tenth from run to run.
    constexpr int measuredPasses = 7;
    QElapsedTimer timer;
    QList<double> openOurs, openRaw, countOurs, lastOurs, lastRaw, openLibrary, startListThread, firstPage;
    for (int pass = 0; pass <= measuredPasses; ++pass) {
        const bool measured = pass > 0;
        {
            timer.start();
            QElapsedTimer part;
            part.start();
            LibraryDatabase database(path);
            database.open();
            if (measured)
                openLibrary.append(ms(part));
            part.start();
            ArticleRepository repository(database);
            ArticleQueryRunner runner(database);
            if (measured)
                startListThread.append(ms(part));
            part.start();
            ArticleListModel model(repository);
            model.setRunner(&runner);
            model.reload();
            showFirstScreen(model);
            if (measured) {
                firstPage.append(ms(part));
                openOurs.append(ms(timer));
            }
            timer.start();
            while (model.canFetchMore({})) // the count on its way
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
            if (measured)
                countOurs.append(ms(timer));
            if (model.rowCount() != count)
                err << "unexpected row count " << model.rowCount() << Qt::endl;
            timer.start();
            model.index(model.rowCount() - 1).data(); // Ctrl+End
            if (measured)
                lastOurs.append(ms(timer));
        }
        {
            timer.start();
            Raw raw(path);
            raw.rows(QByteArray(listRow) + " ORDER BY a.created_at DESC, a.id DESC LIMIT 200");
            if (measured)
                openRaw.append(ms(timer));
            timer.start();
            raw.rows(QByteArray(listRow) + " ORDER BY a.created_at, a.id LIMIT 200");
            if (measured)
                lastRaw.append(ms(timer));
        }
    }
    const auto median = [](const QList<double> &values) {
        return percentile(values, 0.5);
    };
    results.insert(u"open_first_screen_ms"_s, pair(median(openOurs), median(openRaw)));
    // Where the time of ours goes.
    results.insert(u"open_first_screen_parts_ms"_s,
                   QJsonObject{{u"open_library"_s, median(openLibrary)},
                               {u"start_list_thread"_s, median(startListThread)},
                               {u"first_page"_s, median(firstPage)}});
    results.insert(u"count_after_first_screen_ms"_s, median(countOurs));
    results.insert(u"last_page_ms"_s, pair(median(lastOurs), median(lastRaw)));

    // Search: the first page of 1-3 word queries, without and with a filter, against the plain FTS5 query
    // for a first page (bm25 over every match, a screen of snippets: LIMIT 25).
    {
        LibraryDatabase database(path);
        database.open();
        ArticleRepository repository(database);
        Raw raw(path);
        for (const bool filtered : {false, true}) {
            // A few queries first, unmeasured, so that both sides start warm.
            QRandomGenerator warm(3);
            for (int i = 0; i < 10; ++i) {
                ArticleQuery query;
                query.text = searchTerm(warm);
                showFirstScreen(repository.findPage(query, 0, ArticleListModel::PageSize, -1, {},
                                                    ArticleListModel::SnippetBlock));
                raw.rows(plainSearch, articleMatch(repository.settled(query)).toUtf8());
            }
            QRandomGenerator random(7);
            QList<double> ours;
            QList<double> plain;
            QList<std::pair<double, QString>> slowest;
            for (int i = 0; i < parser.value(queriesOption).toInt(); ++i) {
                QStringList terms;
                for (int t = 0, n = 1 + i % 3; t < n; ++t)
                    terms.append(searchTerm(random));
                ArticleQuery query;
                query.text = terms.join(u' ');
                query.unreadOnly = filtered;
                timer.start();
                // What the list's thread reads before the first screen shows (the page, a screen of
                // snippets), and the rows of that screen made on the window's.
                showFirstScreen(repository.findPage(query, 0, ArticleListModel::PageSize, -1, {},
                                                    ArticleListModel::SnippetBlock));
                ours.append(ms(timer));
                slowest.append({ours.last(), query.text});
                // The same words as Copydesk searched for (the last one a prefix only if the library lacks
                // it).
                const QByteArray match = articleMatch(repository.settled(query)).toUtf8();
                timer.start();
                raw.rows(filtered ? plainUnreadSearch : plainSearch, match);
                plain.append(ms(timer));
                slowest.last().second += u" (raw %1 ms)"_s.arg(plain.last(), 0, 'f', 1);
            }
            std::sort(slowest.begin(), slowest.end(), std::greater<>());
            for (qsizetype i = 0;
                 i < std::min<qsizetype>(slowest.size(), parser.value(slowestOption).toInt()); ++i)
                err << (filtered ? "unread " : "") << slowest.at(i).first << " ms: " << slowest.at(i).second
                    << Qt::endl;
            results.insert(filtered ? u"search_unread_ms"_s : u"search_ms"_s,
                           QJsonObject{{u"median"_s, pair(percentile(ours, 0.5), percentile(plain, 0.5))},
                                       {u"p95"_s, pair(percentile(ours, 0.95), percentile(plain, 0.95))}});
        }
    }

    // A filter change: the model's first screen (page and count).
    {
        LibraryDatabase database(path);
        database.open();
        ArticleRepository repository(database);
        ArticleQueryRunner runner(database);
        ArticleListModel model(repository);
        model.setRunner(&runner);
        model.reload();
        QJsonObject filters;
        ArticleQuery unread;
        unread.unreadOnly = true;
        ArticleQuery starred;
        starred.starredOnly = true;
        ArticleQuery ready;
        ready.status = ArticleStatus::Ready;
        ArticleQuery sport;
        sport.section = u"Sport"_s;
        ArticleQuery tagged;
        tagged.tags = {u"tag7"_s};
        const std::pair<QString, ArticleQuery> changes[] = {{u"unread"_s, unread},
                                                            {u"starred"_s, starred},
                                                            {u"status"_s, ready},
                                                            {u"section"_s, sport},
                                                            {u"tag"_s, tagged}};
        for (const auto &[name, query] : changes) {
            // As in the window: asked for, read on the list's thread, shown when its first page is in.
            timer.start();
            model.setQuery(query);
            while (model.isReading())
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
            showFirstScreen(model);
            filters.insert(name, ms(timer));
        }
        results.insert(u"filter_change_ms"_s, filters);
    }

    if (parser.isSet(windowOption)) {
        // From the start of the program to its window's first frame: copydesk on this library against a
        // bare Qt Widgets window of the same shape, alternated, the median of five each. And to the first
        // paint of the editor, which the window makes in the frame after its first.
        const auto startToShown = [](const QString &program, const QStringList &arguments,
                                     const QString &waitFor = u"1"_s) {
            QProcess process;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(u"COPYDESK_QUIT_WHEN_SHOWN"_s, waitFor);
            process.setProcessEnvironment(environment);
            QElapsedTimer timer;
            timer.start();
            process.start(program, arguments);
            while (process.state() != QProcess::NotRunning &&
                   !process.readAllStandardOutput().contains("shown"))
                process.waitForReadyRead(20);
            const double shown = ms(timer);
            process.waitForFinished(20000);
            return shown;
        };
        QList<double> ours;
        QList<double> bare;
        QList<double> editor;
        for (int run = 0; run < 5; ++run) {
            bare.append(startToShown(QStringLiteral(COPYDESK_BARE_WINDOW_PATH), {}));
            ours.append(startToShown(QStringLiteral(COPYDESK_APP_PATH), {u"--library"_s, path}));
            editor.append(
                startToShown(QStringLiteral(COPYDESK_APP_PATH), {u"--library"_s, path}, u"editor"_s));
        }
        results.insert(u"window_start_to_shown_ms"_s, pair(percentile(ours, 0.5), percentile(bare, 0.5)));
        results.insert(u"window_start_to_editor_ms"_s, percentile(editor, 0.5));

        // The memory of the window with the list shown, scrolled a long way and to the end and back.
        LibraryDatabase database(path);
        database.open();
        MainWindow window(database);
        window.resize(1400, 900);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            err << "the window was not shown" << Qt::endl;
        QTest::qWait(3000); // the preview and the sidebar's counts settle
        QListView *list = window.listPanel()->listView();
        for (int i = 0; i < 50; ++i) {
            QTest::keyClick(list, Qt::Key_PageDown);
            QCoreApplication::processEvents();
        }
        QTest::keyClick(list, Qt::Key_End, Qt::ControlModifier);
        QTest::qWait(200);
        results.insert(u"window_last_row_shown"_s, list->currentIndex().row() == count - 1);
        results.insert(u"window_row_after_ctrl_end"_s, list->currentIndex().row());
        results.insert(u"window_rows"_s, list->model()->rowCount());

        QTest::keyClick(list, Qt::Key_Home, Qt::ControlModifier);
        QTest::qWait(500);
        results.insert(u"window_rss_mib"_s, double(rssKiB()) / 1024.0);
    }
    QTextStream(stdout) << QJsonDocument(results).toJson(QJsonDocument::Indented);
    return 0;
}
