#pragma once

#include <import/webpage/pageextractor.h>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <deque>
#include <memory>
#include <vector>

class QWebEngineLoadingInfo;
class QWebEnginePage;
class QWebEngineProfile;

namespace Copydesk {

class ImportRequestInterceptor;
class ImportSchemeHandler;

// The scheme that serves the extractor's host document. Must be registered before
// the QApplication exists, like the copydesk: scheme.
void registerImportScheme();
inline constexpr char importScheme[] = "copydesk-import";

// Mozilla Readability running in Qt WebEngine. One empty host document is loaded through the import scheme,
// in a page with JavaScript disabled and every request refused; Readability is set up in its isolated
// application world once. Each page is then handed over as a string and parsed with DOMParser into a
// document without a browsing context: its scripts never run, nothing in it loads, nothing is laid out,
// and no navigation is needed per page.
//
// Up to two pages are extracted at once, each in a page (and renderer process) of its own, for callers on
// several threads (a batch import recognises the next file while the last is stored).
//
// Lives on the GUI thread. extract() may be called from any thread: from another thread it blocks until the
// GUI thread has done the work, so the GUI thread must not be waiting for that caller meanwhile.
class WebPageExtractor final : public QObject, public PageExtractor
{
    Q_OBJECT

public:
    explicit WebPageExtractor(QObject *parent = nullptr);
    ~WebPageExtractor() override;

    ExtractedPage extract(const QString &html, const QUrl &baseUrl) override;

    // How long one page may take, loading and extraction together.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // Requests the pages made and the interceptor refused, since construction.
    int blockedRequestCount() const;
    // How many pages may be extracted at once (each in a renderer process of its own).
    int laneCount() const;

    struct Lane;

private:
    struct Job;
    enum class HostState
    {
        Unloaded,
        Loading, // the host document is loading, or Readability is being set up in it
        Ready
    };

    QWebEnginePage *createPage(Lane &lane);
    void enqueue(Job *job);
    void startNext();
    void loadHost(Lane &lane);
    void onLoadingChanged(Lane &lane, const QWebEngineLoadingInfo &info);
    void onHostReady(Lane &lane, const QUrl &host, const QVariant &result);
    void runReadability(Lane &lane);
    void onScriptResult(Lane &lane, quint64 serial, const QVariant &result);
    void onTimeout(Lane &lane);
    void finish(Lane &lane, ExtractedPage result);
    void resetPage(Lane &lane);
    bool acceptNavigation(Lane &lane, const QUrl &url, bool isMainFrame);
    bool isHostPage(const QUrl &url) const;

    QWebEngineProfile *m_profile = nullptr;
    ImportRequestInterceptor *m_interceptor = nullptr;
    ImportSchemeHandler *m_schemeHandler = nullptr;
    QString m_readabilitySource; // Readability.js and Readability-readerable.js, read once

    std::deque<Job *> m_queue;
    QList<QPointer<QWebEnginePage>> m_retiredPages; // deleted later; the destructor deletes what is left
    std::vector<std::unique_ptr<Lane>> m_lanes;
    quint64 m_hostSerial = 0; // numbers the host documents of all lanes
    std::chrono::milliseconds m_timeout{20000};

    friend class ImportSchemeHandler;
    friend class ImportPage;
};

} // namespace Copydesk
