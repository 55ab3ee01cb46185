#include "requestinterceptor.h"

#include "enginelogging.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace Copydesk {

bool RequestInterceptor::isAllowed(const QUrl &url)
{
    const QString scheme = url.scheme();
    return scheme == "copydesk"_L1 || scheme == "data"_L1 ||
           (scheme == "about"_L1 && url.path() == "blank"_L1);
}

void RequestInterceptor::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    if (isAllowed(info.requestUrl()))
        return;
    info.block(true);
    ++m_blocked;
    qCDebug(lcInterceptor) << "blocked" << info.requestUrl();
    // interceptRequest runs on the UI thread in Qt 6; queue anyway so receivers never re-enter the page.
    QMetaObject::invokeMethod(
        this, [this, url = info.requestUrl()] { emit requestBlocked(url); }, Qt::QueuedConnection);
}

} // namespace Copydesk
