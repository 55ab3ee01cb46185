#include "sandboxedpage.h"

#include <QDesktopServices>
#include <QLoggingCategory>
#include <QWebEngineSettings>

using namespace Qt::StringLiterals;

namespace Copydesk {

Q_LOGGING_CATEGORY(lcPage, "copydesk.app.page")

SandboxedPage::SandboxedPage(QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent)
{
    QWebEngineSettings *s = settings();
    s->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    s->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    s->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
    s->setAttribute(QWebEngineSettings::ErrorPageEnabled, false);
    s->setAttribute(QWebEngineSettings::DnsPrefetchEnabled, false);
    s->setAttribute(QWebEngineSettings::HyperlinkAuditingEnabled, false);
    s->setAttribute(QWebEngineSettings::WebGLEnabled, false);
    s->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
    s->setAttribute(QWebEngineSettings::NavigateOnDropEnabled, false);
}

bool SandboxedPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (type == NavigationTypeLinkClicked) {
        if (url.scheme() == "http"_L1 || url.scheme() == "https"_L1 || url.scheme() == "mailto"_L1)
            QDesktopServices::openUrl(url);
        return false;
    }
    // Only the app's own content loads here: setHtml() (data:) and copydesk: pages.
    return isMainFrame && (type == NavigationTypeTyped || type == NavigationTypeOther)
           && (url.scheme() == "data"_L1 || url.scheme() == "copydesk"_L1 || url.scheme() == "about"_L1);
}

void SandboxedPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel, const QString &message, int,
                                             const QString &)
{
    qCDebug(lcPage) << message;
    emit consoleMessage(message);
}

QWebEnginePage *SandboxedPage::createWindow(WebWindowType)
{
    return nullptr;
}

} // namespace Copydesk
