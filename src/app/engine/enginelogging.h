#pragma once

#include <QLoggingCategory>

namespace Copydesk {
Q_DECLARE_LOGGING_CATEGORY(lcPage)        // what the preview's engine reports: "copydesk.app.page"
Q_DECLARE_LOGGING_CATEGORY(lcInterceptor) // requests the preview blocked: "copydesk.app.interceptor"
} // namespace Copydesk
