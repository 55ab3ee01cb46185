#include "sandboxedpage.h"

#include "enginelogging.h"

#include "lockedsettings.h"

#include <QDesktopServices>
#include <QLoggingCategory>
#include <QWebEngineSettings>

using namespace Qt::StringLiterals;

namespace Copydesk {

SandboxedPage::SandboxedPage(QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent)
{
    applyLockedSettings(settings(), RemoteRequests::RefusedByEngine);
}

bool SandboxedPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (type == NavigationTypeLinkClicked) {
        if (url.scheme() == "http"_L1 || url.scheme() == "https"_L1 || url.scheme() == "mailto"_L1)
            QDesktopServices::openUrl(url);
        return false;
    }
    // Only the app's own content loads here: setHtml() (data:) and copydesk: pages.
    return isMainFrame && (type == NavigationTypeTyped || type == NavigationTypeOther) &&
           (url.scheme() == "data"_L1 || url.scheme() == "copydesk"_L1 || url.scheme() == "about"_L1);
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
