#pragma once

#include "pageextractor.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <deque>

class QWebEngineLoadingInfo;
class QWebEnginePage;
class QWebEngineProfile;

namespace Copydesk {

class ImportRequestInterceptor;
class ImportSchemeHandler;

// The scheme through which the extractor hands a page to the browser engine. Must be registered before
// the QApplication exists, like the copydesk: scheme.
void registerImportScheme();
inline constexpr char importScheme[] = "copydesk-import";

// Mozilla Readability running in Qt WebEngine. The page is served through the import scheme (no size limit,
// unlike setHtml()), parsed with JavaScript disabled so its own scripts never run, and every request it makes
// is blocked; Readability itself runs as an application script in an isolated world.
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

private:
    struct Job;
    enum class Stage
    {
        Idle,
        Loading,
        Extracting
    };

    QWebEnginePage *createPage();
    void enqueue(Job *job);
    void startNext();
    void onLoadingChanged(const QWebEngineLoadingInfo &info);
    void runReadability();
    void onScriptResult(quint64 serial, const QVariant &result);
    void onTimeout();
    void finish(ExtractedPage result);
    void resetPage();
    bool acceptNavigation(const QUrl &url, bool isMainFrame);
    bool isCurrentPage(const QUrl &url) const;

    QWebEngineProfile *m_profile = nullptr;
    ImportRequestInterceptor *m_interceptor = nullptr;
    ImportSchemeHandler *m_schemeHandler = nullptr;
    QWebEnginePage *m_page = nullptr;
    QString m_readabilitySource; // Readability.js and Readability-readerable.js, read once

    std::deque<Job *> m_queue;
    Job *m_current = nullptr;
    Stage m_stage = Stage::Idle;
    quint64 m_serial = 0;
    QUrl m_currentUrl;
    QByteArray m_currentBytes;
    bool m_navigationExpected = false;
    bool m_blankExpected = false;
    QTimer m_timer;
    std::chrono::milliseconds m_timeout{20000};

    friend class ImportSchemeHandler;
    friend class ImportPage;
};

} // namespace Copydesk
