// copydesk_web_bench: how fast saved web pages are imported, printed as JSON beside the floor measured in the
// same run: a bare QWebEnginePage with JavaScript off loading the same files one after another. Figures, not
// verdicts: nothing here passes or fails on a timing.
//
//   copydesk_web_bench [--corpus DIR]
//
// The pages are the Readability test pages of the shared corpora (DIR/*/source.html; by default
// $COPYDESK_SHARED_DIR/corpora/readability). Without them the bench says so and measures nothing.

#include "freshimportlibrary.h"
#include "urlfetcher.h"
#include "webimportsetup.h"
#include "webpageextractor.h"
#include <import/importservice.h>

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineSettings>

#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

double perSecond(qsizetype count, qint64 nanoseconds)
{
    return nanoseconds > 0 ? double(count) / (double(nanoseconds) / 1e9) : 0.0;
}

QJsonObject pair(double copydesk, double bare, const QString &unit)
{
    QJsonObject object{{u"copydesk"_s, copydesk}, {u"bare_qwebenginepage"_s, bare}, {u"unit"_s, unit}};
    if (bare > 0)
        object.insert(u"ratio"_s, copydesk / bare);
    return object;
}

struct BareLoads
{
    qint64 nanoseconds = 0;
    int timedOut = 0; // loads that did not finish within 20 s (counted in the time all the same)
};

// The floor: each file loaded by a page that does nothing else, with JavaScript off. It loads what the
// pages refer to, as a browser does (Copydesk's import refuses every such request).
BareLoads loadBare(const QStringList &files)
{
    BareLoads result;
    QWebEngineProfile profile;
    QWebEnginePage page(&profile);
    page.settings()->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    QEventLoop loop;
    QObject::connect(&page, &QWebEnginePage::loadFinished, &loop, &QEventLoop::quit);
    QTimer limit;
    limit.setSingleShot(true);
    QObject::connect(&limit, &QTimer::timeout, &loop, &QEventLoop::quit);
    auto load = [&](const QString &file) {
        page.load(QUrl::fromLocalFile(file));
        limit.start(20000);
        loop.exec();
        return limit.isActive();
    };
    load(files.first()); // starts the browser engine's processes: not counted
    QElapsedTimer timer;
    timer.start();
    for (const QString &file : files)
        result.timedOut += load(file) ? 0 : 1;
    result.nanoseconds = timer.nsecsElapsed();
    return result;
}

struct Imported
{
    qint64 nanoseconds = 0;
    int imported = 0;
    int failed = 0;
};

// Every file into a fresh library, through the batch (one file recognised while the last is stored) or
// one importFile() after another.
Imported importAll(WebImportSetup &web, const QStringList &files, const QString &libraryPath, bool batch)
{
    FreshImportLibrary library(libraryPath);
    ImportService &service = library.service;
    web.apply(service);
    Imported result;
    auto count = [&](const ImportOutcome &outcome) {
        if (outcome.articleIds.isEmpty())
            ++result.failed;
        else
            ++result.imported;
    };
    QElapsedTimer timer;
    timer.start();
    if (batch) {
        service.importFiles(files, [&](qsizetype, ImportOutcome &&outcome) {
            count(outcome);
            return true;
        });
    } else {
        for (const QString &file : files)
            count(service.importFile(file));
    }
    result.nanoseconds = timer.nsecsElapsed();
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    // As the application does: Chromium's sandbox cannot start for root.
    if (geteuid() == 0 && !qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // nothing is shown
    registerImportScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Saved-page import speed against a bare QWebEnginePage."_s);
    parser.addHelpOption();
    const QString sharedDir =
        qEnvironmentVariable("COPYDESK_SHARED_DIR", QStringLiteral(COPYDESK_DEFAULT_SHARED_DIR));
    const QCommandLineOption corpusOption(u"corpus"_s, u"Folder of pages, each DIR/*/source.html."_s,
                                          u"DIR"_s, sharedDir + u"/corpora/readability"_s);
    parser.addOption(corpusOption);
    parser.process(app);

    const QString corpus = QDir::cleanPath(parser.value(corpusOption));
    QStringList files;
    for (const QString &name : QDir(corpus).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString file = corpus + u'/' + name + u"/source.html"_s;
        if (QFile::exists(file))
            files.append(file);
    }
    QTextStream err(stderr);
    if (files.isEmpty()) {
        err << "copydesk_web_bench: no pages in " << corpus << " (*/source.html); nothing measured"
            << Qt::endl;
        return 1;
    }
    // Read every file once first, so that no run pays for the disk and the others not.
    for (const QString &file : std::as_const(files)) {
        QFile page(file);
        if (page.open(QIODevice::ReadOnly))
            page.readAll();
    }

    QTemporaryDir dir;
    WebImportSetup web(
        [](QString *) -> std::unique_ptr<PageExtractor> { return std::make_unique<WebPageExtractor>(); },
        [](QString *) -> std::unique_ptr<PageDownloader> { return std::make_unique<UrlFetcher>(); });
    // One page imported before timing: the browser engine starts and Readability is set up once.
    importAll(web, files.mid(0, 1), dir.filePath(u"warm-up.sqlite"_s), false);

    const BareLoads bareLoads = loadBare(files);
    const qint64 bareNs = bareLoads.nanoseconds;
    const Imported oneByOne = importAll(web, files, dir.filePath(u"one-by-one.sqlite"_s), false);
    const Imported batch = importAll(web, files, dir.filePath(u"batch.sqlite"_s), true);

    const double bare = perSecond(files.size(), bareNs);
    QJsonObject results;
    results.insert(u"pages"_s, int(files.size()));
    results.insert(u"pages_imported"_s, batch.imported);
    results.insert(u"pages_failed"_s, batch.failed);
    results.insert(u"bare_loads_timed_out"_s, bareLoads.timedOut);
    results.insert(u"saved_page_import_pages_per_s"_s,
                   pair(perSecond(files.size(), batch.nanoseconds), bare, u"pages/s"_s));
    results.insert(u"saved_page_import_one_by_one_pages_per_s"_s,
                   pair(perSecond(files.size(), oneByOne.nanoseconds), bare, u"pages/s"_s));
    results.insert(u"saved_page_import_time_ratio"_s,
                   bareNs > 0 ? double(batch.nanoseconds) / double(bareNs) : 0.0);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    // This process only: the browser engine's own processes are not counted.
    results.insert(u"main_process_peak_rss_mib"_s, double(usage.ru_maxrss) / 1024.0);
    QTextStream(stdout) << QJsonDocument(results).toJson(QJsonDocument::Indented);
    return 0;
}
