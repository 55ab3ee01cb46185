#include "webpageextractor.h"

#include "logging.h"

#include "lockedsettings.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSemaphore>
#include <QThread>
#include <QTimer>
#include <QWebEngineLoadingInfo>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineScriptCollection>
#include <QWebEngineSettings>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>
#include <QWebEngineUrlSchemeHandler>

#include <algorithm>
#include <atomic>
#include <functional>
#include <utility>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

// Runs once in each host document, after Readability's two files, in the application's isolated world.
// copydeskExtract() then parses a page with DOMParser into a document of its own: a document without a
// browsing context, in which no script runs, nothing loads and nothing is laid out, and which Readability
// may rewrite as it likes. The <base> makes Readability resolve relative links against the site the page
// came from.
constexpr char16_t extractionScript[] = uR"JS(
(function () {
    'use strict';
    window.copydeskExtract = function (html, baseHref) {
        try {
            const doc = new DOMParser().parseFromString(html, 'text/html');
            const readerable = isProbablyReaderable(doc);
            if (baseHref && doc.documentElement) {
                let head = doc.head;
                if (!head) {
                    head = doc.createElement('head');
                    doc.documentElement.insertBefore(head, doc.documentElement.firstChild);
                }
                let base = baseHref;
                const own = doc.querySelector('base[href]');
                if (own) {
                    try { base = new URL(own.getAttribute('href'), baseHref).href; } catch (e) {}
                    own.setAttribute('href', base);
                } else {
                    const element = doc.createElement('base');
                    element.setAttribute('href', base);
                    head.insertBefore(element, head.firstChild);
                }
                // With the page's address as documentURI, Readability leaves in-page #links as they are,
                // as in its own tests.
                Object.defineProperty(doc, 'baseURI', { value: base });
                Object.defineProperty(doc, 'documentURI', { value: baseHref });
            }
            const title = doc.title;
            const article = new Readability(doc).parse();
            const a = article || {};
            return JSON.stringify({
                found: !!article, readerable: readerable,
                title: a.title ?? title ?? null, byline: a.byline ?? null, excerpt: a.excerpt ?? null,
                content: a.content ?? null, textContent: a.textContent ?? null, lang: a.lang ?? null,
                siteName: a.siteName ?? null, publishedTime: a.publishedTime ?? null
            });
        } catch (e) {
            return JSON.stringify({ error: String(e && e.stack || e) });
        }
    };
    return true;
})()
)JS";

// The document the extraction runs in: empty, and never anything else.
constexpr char hostPage[] = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Copydesk "
                            "import</title></head><body></body></html>";

QString readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcExtractor) << "missing resource" << path;
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

// A string as a JavaScript literal (JSON is a subset).
QString stringLiteral(const QString &text)
{
    const QByteArray json = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

ExtractedPage failure(const QString &error)
{
    ExtractedPage page;
    page.error = error;
    return page;
}

bool isUsableBase(const QUrl &url)
{
    const QString scheme = url.scheme();
    return url.isValid() && (scheme == "http"_L1 || scheme == "https"_L1 || scheme == "file"_L1);
}

} // namespace

void registerImportScheme()
{
    QWebEngineUrlScheme scheme(importScheme);
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    // Local: no page from the web can load it. Deliberately without LocalAccessAllowed, so a page shown
    // through it cannot reach file: or copydesk: either.
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::LocalScheme);
    QWebEngineUrlScheme::registerScheme(scheme);
}

// Refuses every request but the main-frame load of the host document.
class ImportRequestInterceptor final : public QWebEngineUrlRequestInterceptor
{
public:
    ImportRequestInterceptor(std::function<bool(const QUrl &)> isCurrentPage, QObject *parent)
        : QWebEngineUrlRequestInterceptor(parent)
        , m_isCurrentPage(std::move(isCurrentPage))
    {}

    void interceptRequest(QWebEngineUrlRequestInfo &info) override
    {
        if (info.resourceType() == QWebEngineUrlRequestInfo::ResourceTypeMainFrame &&
            m_isCurrentPage(info.requestUrl()))
            return;
        info.block(true);
        ++m_blocked;
        qCDebug(lcExtractor) << "blocked" << info.requestUrl();
    }

    int blocked() const { return m_blocked.load(); }

private:
    std::function<bool(const QUrl &)> m_isCurrentPage;
    std::atomic<int> m_blocked{0};
};

// Serves the empty host document, and nothing else.
class ImportSchemeHandler final : public QWebEngineUrlSchemeHandler
{
public:
    explicit ImportSchemeHandler(WebPageExtractor *extractor)
        : QWebEngineUrlSchemeHandler(extractor)
        , m_extractor(extractor)
    {}

    void requestStarted(QWebEngineUrlRequestJob *job) override
    {
        if (job->requestMethod() != "GET" || !m_extractor->isHostPage(job->requestUrl())) {
            job->fail(QWebEngineUrlRequestJob::UrlNotFound);
            return;
        }
        auto *buffer = new QBuffer(job); // the job owns the device: it must outlive the reply
        buffer->setData(QByteArray::fromRawData(hostPage, sizeof(hostPage) - 1));
        buffer->open(QIODevice::ReadOnly);
        job->reply(QByteArrayLiteral("text/html;charset=utf-8"), buffer);
    }

private:
    WebPageExtractor *m_extractor;
};

class ImportPage final : public QWebEnginePage
{
public:
    ImportPage(QWebEngineProfile *profile, WebPageExtractor *extractor, WebPageExtractor::Lane *lane)
        : QWebEnginePage(profile, extractor)
        , m_extractor(extractor)
        , m_lane(lane)
    {
        // The page's own script never runs; Readability runs in the application world regardless. Remote
        // requests are let through to the interceptor, which refuses every one: a single place decides, and
        // each attempt is counted.
        applyLockedSettings(settings(), RemoteRequests::LeftToInterceptor);
    }

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType, bool isMainFrame) override
    {
        return m_extractor->acceptNavigation(*m_lane, url, isMainFrame);
    }

    QWebEnginePage *createWindow(WebWindowType) override { return nullptr; }

    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel, const QString &message, int line,
                                  const QString &source) override
    {
        qCDebug(lcExtractor) << "console:" << source << line << message;
    }

private:
    WebPageExtractor *m_extractor;
    WebPageExtractor::Lane *m_lane;
};

// One call of extract(). It lives on the caller's stack; the caller waits in a local event loop (on the
// extractor's thread) or on the semaphore (on any other thread) until finish() has filled in the result.
struct WebPageExtractor::Job
{
    Job(const QString &html, const QUrl &baseUrl)
        : html(html)
        , baseUrl(baseUrl)
    {}

    const QString &html;
    const QUrl &baseUrl;
    ExtractedPage result;
    bool queued = false;
    bool done = false;
    QEventLoop *loop = nullptr;
    QSemaphore *semaphore = nullptr;
};

// One page with its host document, extracting one job at a time.
struct WebPageExtractor::Lane
{
    QWebEnginePage *page = nullptr;
    Job *current = nullptr;
    quint64 serial = 0; // of the extraction under way: later answers to earlier ones are dropped
    HostState hostState = HostState::Unloaded;
    QUrl hostUrl;
    bool navigationExpected = false;
    QTimer timer;
};

WebPageExtractor::WebPageExtractor(QObject *parent)
    : QObject(parent)
{
    if (QWebEngineUrlScheme::schemeByName(importScheme).name().isEmpty())
        qCWarning(lcExtractor) << "registerImportScheme() was not called before the application started";

    const QString readability = readResource(u":/readability/Readability.js"_s);
    const QString readerable = readResource(u":/readability/Readability-readerable.js"_s);
    if (!readability.isEmpty() && !readerable.isEmpty())
        m_readabilitySource = readability + u'\n' + readerable + u'\n';

    // Created before its helpers, so it is also destroyed before them: the profile uses both.
    m_profile = new QWebEngineProfile(this); // no storage name: off the record, nothing on disk
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_profile->setSpellCheckEnabled(false);
    m_interceptor = new ImportRequestInterceptor([this](const QUrl &url) { return isHostPage(url); }, this);
    m_profile->setUrlRequestInterceptor(m_interceptor);
    m_schemeHandler = new ImportSchemeHandler(this);
    m_profile->installUrlSchemeHandler(importScheme, m_schemeHandler);

    // Each page is a browsing context of its own, so Chromium gives each its own renderer process: with
    // two, two pages are extracted at once, one per core. More would only share the same cores. Pages
    // are created when first needed: one caller at a time never starts a second renderer.
    const int lanes = std::clamp(QThread::idealThreadCount(), 1, 2);
    for (int i = 0; i < lanes; ++i) {
        auto lane = std::make_unique<Lane>();
        lane->timer.setSingleShot(true);
        connect(&lane->timer, &QTimer::timeout, this, [this, lane = lane.get()] { onTimeout(*lane); });
        m_lanes.push_back(std::move(lane));
    }
}

WebPageExtractor::~WebPageExtractor()
{
    // Pages retired by a timeout or a crash and not deleted yet go first: a page calls its pending script
    // callbacks as it goes, and those refer to a lane; and a page must go before its profile.
    for (const QPointer<QWebEnginePage> &page : std::as_const(m_retiredPages))
        delete page.data();
    m_retiredPages.clear();
    auto abandon = [](Job *job) {
        job->result.error = u"the page extractor was closed"_s;
        job->done = true;
        if (job->loop)
            job->loop->quit();
        if (job->semaphore)
            job->semaphore->release();
    };
    for (const auto &lane : m_lanes) {
        lane->timer.stop();
        if (lane->current)
            abandon(std::exchange(lane->current, nullptr));
        delete std::exchange(lane->page, nullptr); // a page must go before its profile
    }
    for (Job *job : m_queue)
        abandon(job);
    m_queue.clear();
}

int WebPageExtractor::blockedRequestCount() const
{
    return m_interceptor->blocked();
}

int WebPageExtractor::laneCount() const
{
    return int(m_lanes.size());
}

QWebEnginePage *WebPageExtractor::createPage(Lane &lane)
{
    auto *page = new ImportPage(m_profile, this, &lane);
    connect(page, &QWebEnginePage::loadingChanged, this,
            [this, &lane](const QWebEngineLoadingInfo &info) { onLoadingChanged(lane, info); });
    connect(page, &QWebEnginePage::renderProcessTerminated, this,
            [this, &lane](QWebEnginePage::RenderProcessTerminationStatus, int exitCode) {
                resetPage(lane);
                if (lane.current)
                    finish(lane, failure(u"the page renderer stopped (exit code %1)"_s.arg(exitCode)));
            });
    return page;
}

ExtractedPage WebPageExtractor::extract(const QString &html, const QUrl &baseUrl)
{
    if (m_readabilitySource.isEmpty())
        return failure(u"Readability is missing from this build"_s);
    Job job(html, baseUrl);

    if (QThread::currentThread() != thread()) {
        // The extractor's thread only takes the job in; this thread waits for it on its own. A local event
        // loop there instead would nest one loop per waiting caller, and Qt's GLib dispatcher can leave the
        // events posted before such a nested loop undelivered until a timer fires.
        QSemaphore finished;
        job.semaphore = &finished;
        QMetaObject::invokeMethod(
            this, [this, &job] { enqueue(&job); }, Qt::BlockingQueuedConnection);
        if (!job.queued) // the extractor went away before it could take the job
            return failure(u"the page extractor was closed"_s);
        finished.acquire();
        return std::move(job.result);
    }

    // On the extractor's own thread a call may come while another waits (from code this loop runs): it
    // queues up, and jobs start in order.
    QEventLoop loop;
    job.loop = &loop;
    enqueue(&job);
    // Deliver what was posted before this loop started: nested in an event handler, the dispatcher may
    // not look at the posted events again until something new is posted.
    QCoreApplication::sendPostedEvents();
    while (!job.done)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return std::move(job.result);
}

void WebPageExtractor::enqueue(Job *job)
{
    job->queued = true;
    m_queue.push_back(job);
    startNext();
}

bool WebPageExtractor::isHostPage(const QUrl &url) const
{
    return std::any_of(m_lanes.cbegin(), m_lanes.cend(), [&](const auto &lane) {
        return lane->hostState == HostState::Loading && url == lane->hostUrl;
    });
}

bool WebPageExtractor::acceptNavigation(Lane &lane, const QUrl &url, bool isMainFrame)
{
    // Only the host document this class loads itself; never a link, a meta refresh, a form or a frame.
    if (isMainFrame && lane.navigationExpected && lane.hostState == HostState::Loading &&
        url == lane.hostUrl) {
        lane.navigationExpected = false;
        return true;
    }
    qCDebug(lcExtractor) << "refused navigation to" << url;
    return false;
}

void WebPageExtractor::loadHost(Lane &lane)
{
    if (!lane.page)
        lane.page = createPage(lane);
    // A fresh address per host document, so nothing late from an earlier one can be taken for it.
    lane.hostUrl = QUrl(u"%1://host/%2.html"_s.arg(QLatin1StringView(importScheme)).arg(++m_hostSerial));
    lane.hostState = HostState::Loading;
    lane.navigationExpected = true;
    qCDebug(lcExtractor) << "loading" << lane.hostUrl;
    lane.page->load(lane.hostUrl);
}

void WebPageExtractor::startNext()
{
    // A lane whose host document is ready first, so a second renderer starts only when one is busy.
    std::stable_partition(m_lanes.begin(), m_lanes.end(),
                          [](const auto &lane) { return lane->hostState == HostState::Ready; });
    for (const auto &lanePointer : m_lanes) {
        if (m_queue.empty())
            return;
        Lane &lane = *lanePointer;
        if (lane.current)
            continue;
        lane.current = m_queue.front();
        m_queue.pop_front();
        lane.timer.start(m_timeout);
        switch (lane.hostState) {
        case HostState::Ready:
            runReadability(lane);
            break;
        case HostState::Unloaded:
            loadHost(lane);
            break;
        case HostState::Loading: // runReadability() follows when the host is ready
            break;
        }
    }
}

void WebPageExtractor::onLoadingChanged(Lane &lane, const QWebEngineLoadingInfo &info)
{
    if (lane.hostState != HostState::Loading || info.url() != lane.hostUrl)
        return;
    switch (info.status()) {
    case QWebEngineLoadingInfo::LoadStartedStatus:
        return;
    case QWebEngineLoadingInfo::LoadSucceededStatus:
        qCDebug(lcExtractor) << "loaded" << info.url() << "in renderer process"
                             << lane.page->renderProcessPid();
        lane.page->runJavaScript(
            m_readabilitySource + QString::fromUtf16(extractionScript), QWebEngineScript::ApplicationWorld,
            [this, &lane, host = lane.hostUrl](const QVariant &result) { onHostReady(lane, host, result); });
        return;
    case QWebEngineLoadingInfo::LoadStoppedStatus:
    case QWebEngineLoadingInfo::LoadFailedStatus:
        lane.hostState = HostState::Unloaded;
        if (lane.current)
            finish(lane, failure(u"the extraction page could not be loaded: %1"_s.arg(info.errorString())));
        return;
    }
}

void WebPageExtractor::onHostReady(Lane &lane, const QUrl &host, const QVariant &result)
{
    if (host != lane.hostUrl || lane.hostState != HostState::Loading)
        return; // an answer for a host document that was replaced meanwhile
    if (!result.toBool()) {
        lane.hostState = HostState::Unloaded;
        if (lane.current)
            finish(lane, failure(u"Readability could not be set up in the extraction page"_s));
        return;
    }
    lane.hostState = HostState::Ready;
    if (lane.current)
        runReadability(lane);
}

void WebPageExtractor::runReadability(Lane &lane)
{
    const QUrl base = lane.current->baseUrl;
    // Both go in as JavaScript string literals: the page is text already decoded, never bytes to guess at.
    const QString script = u"copydeskExtract(%1, %2)"_s.arg(
        stringLiteral(lane.current->html),
        isUsableBase(base) ? stringLiteral(base.toString(QUrl::FullyEncoded)) : u"null"_s);
    qCDebug(lcExtractor) << "extracting" << lane.current->html.size() << "characters";
    lane.page->runJavaScript(script, QWebEngineScript::ApplicationWorld,
                             [this, &lane, serial = ++lane.serial](const QVariant &result) {
                                 onScriptResult(lane, serial, result);
                             });
}

void WebPageExtractor::onScriptResult(Lane &lane, quint64 serial, const QVariant &result)
{
    if (serial != lane.serial || !lane.current)
        return; // an answer for a page that timed out
    qCDebug(lcExtractor) << "extracted";
    QJsonParseError parseError;
    const QJsonObject o = QJsonDocument::fromJson(result.toString().toUtf8(), &parseError).object();
    ExtractedPage page;
    if (parseError.error != QJsonParseError::NoError) {
        page.error = u"the extraction script gave no result"_s;
    } else if (o.contains("error"_L1)) {
        page.error = u"the extraction script failed: %1"_s.arg(o.value("error"_L1).toString());
    } else {
        page.readerable = o.value("readerable"_L1).toBool();
        page.title = o.value("title"_L1).toString();
        page.byline = o.value("byline"_L1).toString();
        page.excerpt = o.value("excerpt"_L1).toString();
        page.contentHtml = o.value("content"_L1).toString();
        page.textContent = o.value("textContent"_L1).toString();
        page.language = o.value("lang"_L1).toString();
        page.siteName = o.value("siteName"_L1).toString();
        page.publishedTime = o.value("publishedTime"_L1).toString();
        if (!o.value("found"_L1).toBool())
            page.error = u"no article text was found in the page"_s;
    }
    finish(lane, std::move(page));
}

void WebPageExtractor::onTimeout(Lane &lane)
{
    if (!lane.current)
        return;
    // A script still running would hold the renderer: start over with a fresh page and host document.
    resetPage(lane);
    const auto seconds = std::chrono::duration<double>(m_timeout).count();
    finish(lane, failure(u"the page took longer than %1 s to extract"_s.arg(seconds)));
}

void WebPageExtractor::resetPage(Lane &lane)
{
    if (QWebEnginePage *old = std::exchange(lane.page, nullptr)) {
        disconnect(old, nullptr, this, nullptr);
        old->deleteLater(); // may be the sender of the signal being handled
        m_retiredPages.append(old);
    }
    lane.hostState = HostState::Unloaded;
    lane.hostUrl.clear();
    ++lane.serial;
    m_retiredPages.removeAll(nullptr); // those deleted meanwhile
}

void WebPageExtractor::finish(Lane &lane, ExtractedPage result)
{
    lane.timer.stop();
    Job *job = std::exchange(lane.current, nullptr);
    job->result = std::move(result);
    job->done = true;
    if (job->loop)
        job->loop->quit();
    if (job->semaphore)
        job->semaphore->release(); // last: the caller's thread may return at once and drop the job

    // Queued rather than called, so a page that fails at once cannot recurse.
    if (!m_queue.empty())
        QMetaObject::invokeMethod(this, &WebPageExtractor::startNext, Qt::QueuedConnection);
}

} // namespace Copydesk
