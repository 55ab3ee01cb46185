#include "webpageextractor.h"

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

#include <atomic>
#include <functional>
#include <utility>

using namespace Qt::StringLiterals;

namespace Copydesk {

Q_LOGGING_CATEGORY(lcExtractor, "copydesk.web.extractor", QtInfoMsg)

namespace {

// Runs after Readability's two files, in the application's isolated world: it sees the page's DOM but
// none of the page's own script state. parse() rewrites the document it is given, hence the clone; the
// <base> makes Readability resolve relative links against the site the page came from, not our scheme.
constexpr char16_t extractionScript[] = uR"JS(
(function (baseHref) {
    'use strict';
    try {
        const readerable = isProbablyReaderable(document);
        const clone = document.cloneNode(true);
        if (baseHref && clone.documentElement) {
            let head = clone.head;
            if (!head) {
                head = clone.createElement('head');
                clone.documentElement.insertBefore(head, clone.documentElement.firstChild);
            }
            let base = baseHref;
            const own = clone.querySelector('base[href]');
            if (own) {
                try { base = new URL(own.getAttribute('href'), baseHref).href; } catch (e) {}
                own.setAttribute('href', base);
            } else {
                const element = clone.createElement('base');
                element.setAttribute('href', base);
                head.insertBefore(element, head.firstChild);
            }
            // The page's own Content-Security-Policy (base-uri) can refuse the <base>. And with the page's
            // address as documentURI, Readability leaves in-page #links as they are, as in its own tests.
            Object.defineProperty(clone, 'baseURI', { value: base });
            Object.defineProperty(clone, 'documentURI', { value: baseHref });
        }
        const article = new Readability(clone).parse();
        const a = article || {};
        return JSON.stringify({
            found: !!article, readerable: readerable,
            title: a.title ?? document.title ?? null, byline: a.byline ?? null, excerpt: a.excerpt ?? null,
            content: a.content ?? null, textContent: a.textContent ?? null, lang: a.lang ?? null,
            siteName: a.siteName ?? null, publishedTime: a.publishedTime ?? null
        });
    } catch (e) {
        return JSON.stringify({ error: String(e && e.stack || e) });
    }
})(%1)
)JS";

// Readability reads the DOM and inline styles only, never the layout, and laying out a big page costs far
// more than parsing it: hide the whole document from the moment it exists, so no layout happens at all.
constexpr char16_t noLayoutScript[] = uR"JS(
(function () {
    try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(':root { display: none !important; }');
        document.adoptedStyleSheets = [sheet];
    } catch (e) {}
})();
)JS";

const QUrl blankUrl(u"about:blank"_s);

QString readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcExtractor) << "missing resource" << path;
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

// A string as a JavaScript literal (JSON is a subset), or null.
QString scriptLiteral(const QString &text)
{
    if (text.isEmpty())
        return u"null"_s;
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

// Refuses every request but the main-frame load of the page being extracted.
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

// Serves the bytes of the page being extracted, and nothing else.
class ImportSchemeHandler final : public QWebEngineUrlSchemeHandler
{
public:
    explicit ImportSchemeHandler(WebPageExtractor *extractor)
        : QWebEngineUrlSchemeHandler(extractor)
        , m_extractor(extractor)
    {}

    void requestStarted(QWebEngineUrlRequestJob *job) override
    {
        if (job->requestMethod() != "GET" || !m_extractor->isCurrentPage(job->requestUrl())) {
            job->fail(QWebEngineUrlRequestJob::UrlNotFound);
            return;
        }
        auto *buffer = new QBuffer(job); // the job owns the device: it must outlive the reply
        buffer->setData(m_extractor->m_currentBytes);
        buffer->open(QIODevice::ReadOnly);
        job->reply(QByteArrayLiteral("text/html;charset=utf-8"), buffer);
    }

private:
    WebPageExtractor *m_extractor;
};

class ImportPage final : public QWebEnginePage
{
public:
    ImportPage(QWebEngineProfile *profile, WebPageExtractor *extractor)
        : QWebEnginePage(profile, extractor)
        , m_extractor(extractor)
    {
        // The page's own script never runs; Readability runs in the application world regardless. Remote
        // requests are let through to the interceptor, which refuses every one: a single place decides, and
        // each attempt is counted.
        applyLockedSettings(settings(), RemoteRequests::LeftToInterceptor);
    }

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType, bool isMainFrame) override
    {
        return m_extractor->acceptNavigation(url, isMainFrame);
    }

    QWebEnginePage *createWindow(WebWindowType) override { return nullptr; }

    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel, const QString &message, int line,
                                  const QString &source) override
    {
        qCDebug(lcExtractor) << "console:" << source << line << message;
    }

private:
    WebPageExtractor *m_extractor;
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
    m_interceptor =
        new ImportRequestInterceptor([this](const QUrl &url) { return isCurrentPage(url); }, this);
    m_profile->setUrlRequestInterceptor(m_interceptor);
    m_schemeHandler = new ImportSchemeHandler(this);
    m_profile->installUrlSchemeHandler(importScheme, m_schemeHandler);
    m_page = createPage();

    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &WebPageExtractor::onTimeout);
}

WebPageExtractor::~WebPageExtractor()
{
    m_timer.stop();
    auto abandon = [](Job *job) {
        job->result.error = u"the page extractor was closed"_s;
        job->done = true;
        if (job->loop)
            job->loop->quit();
        if (job->semaphore)
            job->semaphore->release();
    };
    if (m_current)
        abandon(std::exchange(m_current, nullptr));
    for (Job *job : m_queue)
        abandon(job);
    m_queue.clear();
    delete std::exchange(m_page, nullptr); // a page must go before its profile
}

int WebPageExtractor::blockedRequestCount() const
{
    return m_interceptor->blocked();
}

QWebEnginePage *WebPageExtractor::createPage()
{
    auto *page = new ImportPage(m_profile, this);
    QWebEngineScript noLayout;
    noLayout.setName(u"copydesk-no-layout"_s);
    noLayout.setInjectionPoint(QWebEngineScript::DocumentCreation);
    noLayout.setWorldId(QWebEngineScript::ApplicationWorld);
    noLayout.setRunsOnSubFrames(false);
    noLayout.setSourceCode(QString::fromUtf16(noLayoutScript));
    page->scripts().insert(noLayout);
    connect(page, &QWebEnginePage::loadingChanged, this, &WebPageExtractor::onLoadingChanged);
    connect(page, &QWebEnginePage::renderProcessTerminated, this,
            [this](QWebEnginePage::RenderProcessTerminationStatus, int exitCode) {
                if (m_current)
                    finish(failure(u"the page renderer stopped (exit code %1)"_s.arg(exitCode)));
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
    // queues up, and jobs run in order.
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
    if (!m_current)
        startNext();
}

bool WebPageExtractor::isCurrentPage(const QUrl &url) const
{
    return m_current && !m_currentUrl.isEmpty() && url == m_currentUrl;
}

bool WebPageExtractor::acceptNavigation(const QUrl &url, bool isMainFrame)
{
    // Only the loads this class starts itself; never a link, a meta refresh, a form or a frame.
    if (!isMainFrame)
        return false;
    if (m_navigationExpected && isCurrentPage(url)) {
        m_navigationExpected = false;
        return true;
    }
    if (m_blankExpected && url == blankUrl) {
        m_blankExpected = false;
        return true;
    }
    qCDebug(lcExtractor) << "refused navigation to" << url;
    return false;
}

void WebPageExtractor::startNext()
{
    if (m_current || m_queue.empty())
        return;
    m_current = m_queue.front();
    m_queue.pop_front();
    // A fresh address per page, so nothing late from an earlier page can be taken for this one.
    m_currentUrl = QUrl(u"%1://page/%2.html"_s.arg(QLatin1StringView(importScheme)).arg(++m_serial));
    m_currentBytes = m_current->html.toUtf8();
    m_stage = Stage::Loading;
    m_navigationExpected = true;
    m_blankExpected = false;
    m_timer.start(m_timeout);
    qCDebug(lcExtractor) << "loading" << m_currentUrl << m_currentBytes.size() << "bytes";
    m_page->load(m_currentUrl);
}

void WebPageExtractor::onLoadingChanged(const QWebEngineLoadingInfo &info)
{
    if (m_stage != Stage::Loading || !isCurrentPage(info.url()))
        return;
    switch (info.status()) {
    case QWebEngineLoadingInfo::LoadStartedStatus:
        return;
    case QWebEngineLoadingInfo::LoadSucceededStatus:
        qCDebug(lcExtractor) << "loaded" << info.url();
        runReadability();
        return;
    case QWebEngineLoadingInfo::LoadStoppedStatus:
    case QWebEngineLoadingInfo::LoadFailedStatus:
        finish(failure(u"the page could not be loaded for extraction: %1"_s.arg(info.errorString())));
        return;
    }
}

void WebPageExtractor::runReadability()
{
    m_stage = Stage::Extracting;
    const QUrl base = m_current->baseUrl;
    const QString script =
        m_readabilitySource +
        QString::fromUtf16(extractionScript)
            .arg(scriptLiteral(isUsableBase(base) ? base.toString(QUrl::FullyEncoded) : QString()));
    m_page->runJavaScript(
        script, QWebEngineScript::ApplicationWorld,
        [this, serial = m_serial](const QVariant &result) { onScriptResult(serial, result); });
}

void WebPageExtractor::onScriptResult(quint64 serial, const QVariant &result)
{
    if (serial != m_serial || m_stage != Stage::Extracting || !m_current)
        return; // an answer for a page that timed out
    qCDebug(lcExtractor) << "extracted" << m_currentUrl;
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
    finish(std::move(page));
}

void WebPageExtractor::onTimeout()
{
    if (!m_current)
        return;
    // A script still running would hold the renderer, and a load still under way can outlive the job and
    // get in the way of the next page's: start over with a fresh page either way.
    resetPage();
    const auto seconds = std::chrono::duration<double>(m_timeout).count();
    finish(failure(u"the page took longer than %1 s to extract"_s.arg(seconds)));
}

void WebPageExtractor::resetPage()
{
    QWebEnginePage *old = std::exchange(m_page, nullptr);
    disconnect(old, nullptr, this, nullptr);
    delete old;
    m_page = createPage();
}

void WebPageExtractor::finish(ExtractedPage result)
{
    m_timer.stop();
    Job *job = std::exchange(m_current, nullptr);
    m_stage = Stage::Idle;
    m_currentUrl.clear();
    m_currentBytes.clear();
    m_navigationExpected = false;
    job->result = std::move(result);
    job->done = true;
    if (job->loop)
        job->loop->quit();
    if (job->semaphore)
        job->semaphore->release(); // last: the caller's thread may return at once and drop the job

    if (!m_queue.empty()) {
        // Queued rather than called, so a page that fails at once cannot recurse.
        QMetaObject::invokeMethod(this, &WebPageExtractor::startNext, Qt::QueuedConnection);
    } else {
        // Drops the last document (its DOM can be large) and anything it still had pending.
        m_blankExpected = true;
        m_page->load(blankUrl);
    }
}

} // namespace Copydesk
