#include "testsupport.h"
#include "webpageextractor.h"
#include <html/htmltext.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineUrlRequestInterceptor>

#include <atomic>
#include <memory>

using namespace Copydesk;
using namespace Qt::StringLiterals;

namespace {

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// An article long enough for Readability, with the usual page furniture around it.
QString articlePage(const QString &headline, const QString &extraHead = {}, const QString &extraBody = {})
{
    QString paragraphs;
    for (int i = 1; i <= 6; ++i)
        paragraphs +=
            u"<p>Paragraph %1 of the report. The harbour bridge carries traffic again after a repair "
            "that took two years, cost more than planned and closed the quickest way into town for "
            "thousands of commuters, who crowded the ferries and the ring road meanwhile.</p>\n"_s.arg(i);
    return uR"(<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>%1 | The Daily Example</title>
<meta name="description" content="The city's oldest bridge carries traffic again from Monday.">
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2024-03-04T08:00:00Z">
%2</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<article><h1>%1</h1><p class="byline">By Jane Reporter</p>
%3<p><img src="/images/bridge.jpg" alt="The bridge at dawn"> <a href="../archive/2022.html">Earlier
coverage</a> of the closure, and <a href="#timeline">the timeline</a>.</p>%4</article>
<footer>Copyright The Daily Example. <a href="/privacy">Privacy</a></footer></body></html>)"_s.arg(
        headline, extraHead, paragraphs, extraBody);
}

// Lower case, punctuation dropped, white space folded: the corpus's rule for comparing body text.
QStringList words(const QString &html)
{
    QString text = HtmlText::plainText(html).toLower();
    text.removeIf([](QChar c) { return c.isPunct(); });
    return text.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
}

QHash<QString, int> shingles(const QStringList &words)
{
    QHash<QString, int> result;
    if (!words.isEmpty() && words.size() < 4)
        ++result[words.join(u' ')];
    for (qsizetype i = 0; i + 4 <= words.size(); ++i)
        ++result[words.mid(i, 4).join(u' ')];
    return result;
}

struct Overlap
{
    double precision = 0;
    double recall = 0;
};

Overlap overlap(const QHash<QString, int> &ours, const QHash<QString, int> &expected)
{
    qint64 common = 0, oursTotal = 0, expectedTotal = 0;
    for (auto it = ours.cbegin(); it != ours.cend(); ++it) {
        oursTotal += it.value();
        common += std::min(it.value(), expected.value(it.key()));
    }
    for (int count : expected)
        expectedTotal += count;
    if (oursTotal == 0 && expectedTotal == 0)
        return {1, 1};
    return {oursTotal ? double(common) / oursTotal : 0, expectedTotal ? double(common) / expectedTotal : 0};
}

double f1(Overlap o)
{
    return o.precision + o.recall > 0 ? 2 * o.precision * o.recall / (o.precision + o.recall) : 0;
}

QString trimmedString(const QJsonValue &value)
{
    return value.toString().trimmed();
}

// Blocks everything but the main-frame file a page was asked to show: the baseline's lock-down.
class FileOnlyInterceptor final : public QWebEngineUrlRequestInterceptor
{
public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;
    void interceptRequest(QWebEngineUrlRequestInfo &info) override
    {
        if (info.resourceType() != QWebEngineUrlRequestInfo::ResourceTypeMainFrame ||
            info.requestUrl().scheme() != "file"_L1)
            info.block(true);
    }
};

bool waitForLoad(QWebEnginePage &page, const QUrl &url)
{
    QSignalSpy spy(&page, &QWebEnginePage::loadFinished);
    page.load(url);
    return spy.wait(20000) && spy.constFirst().constFirst().toBool();
}

} // namespace

class TstWebPageExtractor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void trapSeesUnguardedPages();
    void extractsArticle_data();
    void extractsArticle();
    void hostilePageStaysInert();
    void pageLargerThanTwoMegabytes();
    void notReaderable();
    void textIsDecodedAsGiven();
    void fromOtherThreads();
    void shortPageNotHeldUpBehindALongOne();
    void timeoutThenRecovery();
    void readabilityCorpus();

private:
    void expectTrapUntouched();

    // Every connection the pages could make ends here: loopback URLs directly, any other http host through
    // the application proxy, which Qt WebEngine uses too.
    QTcpServer m_trap;
    QStringList m_trapRequests;
    int m_trapConnections = 0;
    QString m_trapOrigin;
    std::unique_ptr<WebPageExtractor> m_extractor;
};

void TstWebPageExtractor::initTestCase()
{
    QVERIFY(m_trap.listen(QHostAddress::LocalHost));
    m_trapOrigin = u"http://127.0.0.1:%1"_s.arg(m_trap.serverPort());
    connect(&m_trap, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_trap.nextPendingConnection()) {
            ++m_trapConnections;
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                m_trapRequests.append(QString::fromLatin1(socket->readLine()).trimmed());
                socket->close();
            });
        }
    });
    QNetworkProxy::setApplicationProxy(
        QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, m_trap.serverPort()));
    m_extractor = std::make_unique<WebPageExtractor>();
}

void TstWebPageExtractor::expectTrapUntouched()
{
    QTest::qWait(300); // room for anything late, a meta refresh say
    QVERIFY2(m_trapConnections == 0, qPrintable(m_trapRequests.join(u", "_s)));
}

void TstWebPageExtractor::trapSeesUnguardedPages()
{
    // Without the extractor's lock-down the same kind of page does reach the trap: the check below means
    // something.
    QWebEngineProfile profile;
    QWebEnginePage page(&profile);
    page.settings()->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    page.setHtml(
        u"<img src=\"%1/direct.png\"><img src=\"http://proxied.example/proxied.png\">"_s.arg(m_trapOrigin));
    QTRY_VERIFY_WITH_TIMEOUT(m_trapRequests.size() >= 2, 10000);
    QVERIFY2(m_trapRequests.join(u' ').contains("direct.png"_L1), qPrintable(m_trapRequests.join(u", "_s)));
    QVERIFY2(m_trapRequests.join(u' ').contains("proxied.png"_L1), qPrintable(m_trapRequests.join(u", "_s)));
    m_trapRequests.clear();
    m_trapConnections = 0;
}

void TstWebPageExtractor::extractsArticle_data()
{
    QTest::addColumn<QString>("head");
    QTest::newRow("plain") << QString();
    // The page's own policy refuses any <base>: links must still resolve against where it came from.
    QTest::newRow("base-uri policy")
        << u"<meta http-equiv=\"Content-Security-Policy\" content=\"base-uri 'none'\">"_s;
}

void TstWebPageExtractor::extractsArticle()
{
    QFETCH(QString, head);
    const ExtractedPage page =
        m_extractor->extract(articlePage(u"Harbour bridge reopens after two-year repair"_s, head),
                             QUrl(u"https://news.example/city/2024/bridge.html"_s));
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QVERIFY(page.readerable);
    QCOMPARE(page.title, u"Harbour bridge reopens after two-year repair"_s);
    QCOMPARE(page.byline, u"By Jane Reporter"_s);
    QCOMPARE(page.excerpt, u"The city's oldest bridge carries traffic again from Monday."_s);
    QCOMPARE(page.siteName, u"The Daily Example"_s);
    QCOMPARE(page.publishedTime, u"2024-03-04T08:00:00Z"_s);
    QCOMPARE(page.language, u"en"_s);
    QVERIFY(page.contentHtml.contains("Paragraph 1 of the report"_L1));
    QVERIFY(page.contentHtml.contains("Paragraph 6 of the report"_L1));
    QVERIFY(page.textContent.contains("crowded the ferries"_L1));
    QVERIFY2(!page.textContent.contains("Privacy"_L1), qPrintable(page.textContent));
    // Relative links point at the site the page came from; links within the page stay as they are.
    QVERIFY2(page.contentHtml.contains("\"https://news.example/images/bridge.jpg\""_L1),
             qPrintable(page.contentHtml));
    QVERIFY2(page.contentHtml.contains("\"https://news.example/city/archive/2022.html\""_L1),
             qPrintable(page.contentHtml));
    QVERIFY2(page.contentHtml.contains("href=\"#timeline\""_L1), qPrintable(page.contentHtml));
}

void TstWebPageExtractor::hostilePageStaysInert()
{
    const QString trap = m_trapOrigin;
    const QString head = uR"HTML(<meta http-equiv="refresh" content="0; url=%1/refresh">
<link rel="stylesheet" href="%1/style.css"><link rel="preconnect" href="%1">
<link rel="prefetch" href="%1/prefetch">
<link rel="preload" as="image" href="%1/preload.png"><link rel="icon" href="%1/favicon.ico">
<link rel="dns-prefetch" href="http://dns-prefetch.example">
<script src="%1/script.js"></script>
<script>document.title = 'SCRIPT' + '-RAN';
        document.documentElement.setAttribute('data-marker', 'SCRIPT' + '-RAN');</script>
<style>@import url(%1/import.css); body { background: url(%1/background.png) }</style>)HTML"_s.arg(trap);
    const QString body = uR"HTML(<script>document.write('<p>SCRIPT' + '-RAN in body</p>');</script>
<p><img src="%1/pixel.png" srcset="%1/pixel2x.png 2x" onerror="document.title='SCRIPT' + '-RAN'">
<img src="http://remote.example/remote.png"> <img src="/relative.png"> <img src="//relative.example/x.png">
<a href="%1/link" ping="%1/ping">a link</a></p>
<iframe src="%1/frame.html"></iframe><iframe srcdoc="<img src=%1/srcdoc.png>"></iframe>
<object data="%1/object.swf"></object><embed src="%1/embed.swf">
<video poster="%1/poster.jpg" src="%1/video.mp4" autoplay></video><audio src="%1/audio.mp3" autoplay></audio>
<p style="background-image: url(%1/inline.png)">Styled text.</p>
<svg><image href="%1/svg.png" width="10" height="10"/></svg>
<form action="%1/form"><input type="image" src="%1/input.png"></form>)HTML"_s.arg(trap);
    const QString html =
        articlePage(u"Hostile page with many requests"_s, head, body)
            .replace(u"<body>"_s, u"<body onload=\"document.body.innerHTML='SCRIPT' + '-RAN'\">"_s);

    // The marker only ever appears if one of the page's scripts puts it together.
    QVERIFY(!html.contains("SCRIPT-RAN"_L1));
    const int blockedBefore = m_extractor->blockedRequestCount();
    const ExtractedPage page = m_extractor->extract(html, QUrl(trap + u"/article.html"_s));
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(page.title, u"Hostile page with many requests"_s);
    QVERIFY(page.textContent.contains("Paragraph 6 of the report"_L1));
    QVERIFY2(!page.contentHtml.contains("SCRIPT-RAN"_L1), qPrintable(page.contentHtml));
    QVERIFY(!page.textContent.contains("SCRIPT-RAN"_L1));
    expectTrapUntouched();
    // Parsed by DOMParser, the page has no browsing context and asks for nothing; the interceptor behind
    // that refuses whatever might still be asked.
    qInfo("hostile page: %d requests made, all refused", m_extractor->blockedRequestCount() - blockedBefore);

    // The refused refresh left the extractor fit for the next page.
    const ExtractedPage next = m_extractor->extract(articlePage(u"The page after the hostile one"_s), QUrl());
    QCOMPARE(next.title, u"The page after the hostile one"_s);
    expectTrapUntouched();
}

void TstWebPageExtractor::pageLargerThanTwoMegabytes()
{
    QString paragraphs;
    for (int i = 0; paragraphs.size() < 2'600'000; ++i)
        paragraphs +=
            u"<p>Section %1 of a very long report, which goes on about the budget, the roads, the "
            "schools and the weather, at length, for readers with time on their hands.</p>\n"_s.arg(i);
    paragraphs += u"<p>END-OF-THE-LONG-REPORT</p>"_s;
    const QString html = articlePage(u"A very long report on everything"_s, {}, paragraphs);
    QVERIFY(html.toUtf8().size() > 2 * 1024 * 1024);
    const ExtractedPage page = m_extractor->extract(html, QUrl());
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(page.title, u"A very long report on everything"_s);
    QVERIFY(page.textContent.contains("END-OF-THE-LONG-REPORT"_L1));
}

void TstWebPageExtractor::notReaderable()
{
    const ExtractedPage page = m_extractor->extract(
        u"<html><head><title>Sign in</title></head><body><form><input name=\"user\"><button>Sign in</button>"
        "</form><a href=\"/help\">Help</a></body></html>"_s,
        QUrl(u"https://news.example/login"_s));
    QVERIFY(!page.readerable);
}

void TstWebPageExtractor::textIsDecodedAsGiven()
{
    // The page says windows-1252, but what we hand over is already decoded text; it must come through as is.
    const QString headline = u"Zürich café naïve – 東京 Привет"_s;
    const ExtractedPage page =
        m_extractor->extract(articlePage(headline, u"<meta charset=\"windows-1252\">"_s)
                                 .replace(u"<meta charset=\"utf-8\">"_s, QString()),
                             QUrl());
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(page.title, headline);
}

void TstWebPageExtractor::fromOtherThreads()
{
    // Several callers at once: worker threads queue behind a call made on the extractor's own thread.
    constexpr int workers = 3;
    QList<ExtractedPage> results(workers);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < workers; ++i) {
        threads.emplace_back(QThread::create([this, &results, i] {
            results[i] =
                m_extractor->extract(articlePage(u"Report number %1 from a worker"_s.arg(i)), QUrl());
        }));
        threads.back()->start();
    }
    // ...and calls on the extractor's own thread made while one waits, as event handlers may do.
    QStringList nested;
    for (int i = 0; i < 2; ++i)
        QMetaObject::invokeMethod(
            this,
            [this, &nested, i] {
                nested.append(
                    m_extractor
                        ->extract(articlePage(u"Nested call number %1 from an event handler"_s.arg(i)),
                                  QUrl())
                        .title);
            },
            Qt::QueuedConnection);
    const ExtractedPage own = m_extractor->extract(articlePage(u"Report from the main thread"_s), QUrl());
    QVERIFY2(own.error.isEmpty(), qPrintable(own.error));
    QCOMPARE(own.title, u"Report from the main thread"_s);
    for (auto &thread : threads)
        QTRY_VERIFY_WITH_TIMEOUT(thread->isFinished(), 60000);
    for (int i = 0; i < workers; ++i)
        QCOMPARE(results.at(i).title, u"Report number %1 from a worker"_s.arg(i));
    QTRY_COMPARE_WITH_TIMEOUT(nested.size(), 2, 30000);
    nested.sort();
    QCOMPARE(nested, QStringList({u"Nested call number 0 from an event handler"_s,
                                  u"Nested call number 1 from an event handler"_s}));
}

void TstWebPageExtractor::shortPageNotHeldUpBehindALongOne()
{
    if (m_extractor->laneCount() < 2)
        QSKIP("one core: the extractor works on one page at a time here");
    QString paragraphs;
    for (int i = 0; paragraphs.size() < 2'600'000; ++i)
        paragraphs +=
            u"<p>Part %1 of a long inquiry report, on roads, schools and the budget, at length.</p>\n"_s.arg(
                i);
    const QString longPage = articlePage(u"The long inquiry report"_s, {}, paragraphs);
    QElapsedTimer clock;
    clock.start();
    std::atomic<qint64> longDoneMs{-1};
    ExtractedPage longResult;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        longResult = m_extractor->extract(longPage, QUrl());
        longDoneMs = clock.elapsed();
    }));
    // Even when a check below fails: the worker uses this function's locals. (QTRY_* would not wait once
    // the test has failed.)
    const auto joinWorker = qScopeGuard([&] {
        const QDeadlineTimer deadline(60000);
        while (!worker->wait(QDeadlineTimer(20)) && !deadline.hasExpired())
            QCoreApplication::processEvents(); // the worker's call is served on this thread
    });
    worker->start();
    // Let the long page be taken in and started (its caller waits for this thread to enqueue it).
    QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() > 150, 1000);
    QCOMPARE(longDoneMs.load(), -1);

    const ExtractedPage shortResult = m_extractor->extract(articlePage(u"A short brief"_s), QUrl());
    const qint64 shortDoneMs = clock.elapsed();
    QVERIFY2(shortResult.error.isEmpty(), qPrintable(shortResult.error));
    QVERIFY2(shortResult.title.startsWith(u"A short brief"_s), qPrintable(shortResult.title));
    QTRY_VERIFY_WITH_TIMEOUT(worker->isFinished(), 60000);
    QVERIFY2(longResult.error.isEmpty(), qPrintable(longResult.error));
    QVERIFY2(longResult.title.startsWith(u"The long inquiry report"_s), qPrintable(longResult.title));
    qInfo("short page done after %lld ms, long page after %lld ms", shortDoneMs, longDoneMs.load());
    // Extracted beside the long page, in a renderer of its own, not queued behind it.
    QVERIFY(shortDoneMs < longDoneMs.load());
}

void TstWebPageExtractor::timeoutThenRecovery()
{
    m_extractor->setTimeout(std::chrono::milliseconds(1));
    const ExtractedPage late =
        m_extractor->extract(articlePage(u"A page that cannot make it in time"_s), QUrl());
    QCOMPARE(late.error, u"the page took longer than 0.001 s to extract"_s);
    m_extractor->setTimeout(std::chrono::seconds(20));
    const ExtractedPage next =
        m_extractor->extract(articlePage(u"The page after the one that timed out"_s), QUrl());
    QVERIFY2(next.error.isEmpty(), qPrintable(next.error));
    QCOMPARE(next.title, u"The page after the one that timed out"_s);
}

void TstWebPageExtractor::readabilityCorpus()
{
    const QDir corpus(sharedDir() + u"/corpora/readability"_s);
    if (!corpus.exists())
        QSKIP(qPrintable(u"no readability corpus in %1"_s.arg(corpus.path())));
    // The corpus README names no page address; Mozilla's own tests use this one.
    const QUrl baseUrl(u"http://fakehost/test/page.html"_s);

    struct Sample
    {
        QString name;
        QString source;
        QJsonObject metadata;
        QString expectedHtml;
    };
    QList<Sample> samples;
    for (const QString &name : corpus.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString dir = corpus.filePath(name);
        if (!QFile::exists(dir + u"/source.html"_s))
            continue;
        samples.append(
            {name, readText(dir + u"/source.html"_s),
             QJsonDocument::fromJson(readText(dir + u"/expected-metadata.json"_s).toUtf8()).object(),
             readText(dir + u"/expected.html"_s)});
    }
    QVERIFY(!samples.isEmpty());

    m_extractor->extract(samples.constFirst().source, baseUrl); // start-up is not what is measured
    int titles = 0, titlesRight = 0, bylines = 0, bylinesRight = 0, excerpts = 0, excerptsRight = 0;
    int readerableRight = 0, failures = 0;
    double precisionSum = 0, recallSum = 0, f1Sum = 0, controlF1Sum = 0;
    qint64 expectedShingles = 0;
    QList<QHash<QString, int>> oursByPage, expectedByPage;
    qint64 extractMs = 0;
    QElapsedTimer timer;
    for (const Sample &sample : std::as_const(samples)) {
        timer.start();
        const ExtractedPage page = m_extractor->extract(sample.source, baseUrl);
        extractMs += timer.elapsed();
        if (!page.error.isEmpty()) {
            ++failures;
            qInfo().noquote() << sample.name << "error:" << page.error;
        }
        const QJsonObject &m = sample.metadata;
        readerableRight += page.readerable == m.value("readerable"_L1).toBool();
        if (m.value("title"_L1).isString()) {
            ++titles;
            if (page.title.trimmed() == trimmedString(m.value("title"_L1)))
                ++titlesRight;
            else
                qInfo().noquote() << sample.name << "title:" << page.title
                                  << "| expected:" << m.value("title"_L1).toString();
        }
        if (!trimmedString(m.value("byline"_L1)).isEmpty()) {
            ++bylines;
            if (page.byline.trimmed() == trimmedString(m.value("byline"_L1)))
                ++bylinesRight;
            else
                qInfo().noquote() << sample.name << "byline:" << page.byline
                                  << "| expected:" << m.value("byline"_L1).toString();
        }
        if (m.value("excerpt"_L1).isString()) {
            ++excerpts;
            if (page.excerpt.trimmed() == trimmedString(m.value("excerpt"_L1)))
                ++excerptsRight;
            else
                qInfo().noquote() << sample.name << "excerpt:" << page.excerpt
                                  << "| expected:" << m.value("excerpt"_L1).toString();
        }
        const QHash<QString, int> ours = shingles(words(page.contentHtml));
        const QHash<QString, int> expected = shingles(words(sample.expectedHtml));
        const Overlap o = overlap(ours, expected);
        precisionSum += o.precision;
        recallSum += o.recall;
        f1Sum += f1(o);
        expectedShingles += expected.size();
        if (f1(o) < 0.95)
            qInfo("%s body: precision %.3f recall %.3f", qPrintable(sample.name), o.precision, o.recall);
        oursByPage.append(ours);
        expectedByPage.append(expected);
    }
    const qsizetype n = samples.size();
    expectTrapUntouched();
    // A control: against another page's expected text the same measure must be low.
    for (qsizetype i = 0; i < n; ++i)
        controlF1Sum += f1(overlap(oursByPage.at(i), expectedByPage.at((i + n / 2) % n)));

    // The baseline: a bare page, script off and requests blocked likewise, only loading the same files.
    qint64 bareMs = 0;
    {
        QWebEngineProfile profile;
        FileOnlyInterceptor interceptor;
        profile.setUrlRequestInterceptor(&interceptor);
        QWebEnginePage page(&profile);
        page.settings()->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
        waitForLoad(page,
                    QUrl::fromLocalFile(corpus.filePath(samples.constFirst().name + u"/source.html"_s)));
        for (const Sample &sample : std::as_const(samples)) {
            timer.start();
            QVERIFY(waitForLoad(page, QUrl::fromLocalFile(corpus.filePath(sample.name + u"/source.html"_s))));
            bareMs += timer.elapsed();
        }
    }
    expectTrapUntouched();

    const double headline = 100.0 * titlesRight / titles;
    const double byline = 100.0 * bylinesRight / bylines;
    const double excerpt = 100.0 * excerptsRight / excerpts;
    const double meanF1 = f1Sum / n;
    qInfo("readability corpus, %lld pages (%d errors): headline %.1f%% (%d/%d), byline %.1f%% (%d/%d), "
          "excerpt %.1f%% (%d/%d), body F1 %.3f (precision %.3f, recall %.3f), readerable agrees on %d",
          qint64(n), failures, headline, titlesRight, titles, byline, bylinesRight, bylines, excerpt,
          excerptsRight, excerpts, meanF1, precisionSum / n, recallSum / n, readerableRight);
    const double ours = 1000.0 * n / std::max<qint64>(extractMs, 1);
    const double bare = 1000.0 * n / std::max<qint64>(bareMs, 1);
    qInfo("speed: extraction %.1f pages/s (%lld ms), bare page load %.1f pages/s (%lld ms), ratio %.2f", ours,
          extractMs, bare, bareMs, double(extractMs) / std::max<qint64>(bareMs, 1));

    qInfo("body F1 against the wrong page's text: %.3f (%lld distinct shingles expected in all)",
          controlF1Sum / n, expectedShingles);

    QCOMPARE(failures, 0);
    QVERIFY(controlF1Sum / n < 0.1);
    QVERIFY(expectedShingles > 100 * n);
    QVERIFY2(headline >= 95, "headline below 95%");
    QVERIFY2(byline >= 85, "byline below 85%");
    QVERIFY2(excerpt >= 80, "excerpt below 80%");
    QVERIFY2(meanF1 >= 0.95, "body F1 below 0.95");
    QVERIFY2(extractMs <= 2 * bareMs, "extraction more than twice as slow as a bare page load");
}

// WebEngine wants its schemes registered and GL contexts shared before the application exists.
int main(int argc, char *argv[])
{
    Copydesk::registerImportScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QGuiApplication app(argc, argv);
    TstWebPageExtractor test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_webpageextractor.moc"
