#pragma once

#include <QWebEngineUrlRequestInterceptor>

#include <atomic>

namespace Copydesk {

// Blocks every request a rendered article makes, except to the app's own copydesk:// scheme and to
// inline data: URLs. Imported HTML is hostile: nothing it contains may reach the network.
class RequestInterceptor final : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT

public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

    static bool isAllowed(const QUrl &url);
    int blockedCount() const { return m_blocked.load(); }

signals:
    // Emitted on the IO thread's behalf through a queued connection; for tests and diagnostics.
    void requestBlocked(const QUrl &url);

private:
    std::atomic<int> m_blocked{0};
};

} // namespace Copydesk
