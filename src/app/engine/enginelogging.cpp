#include "enginelogging.h"

namespace Copydesk {
Q_LOGGING_CATEGORY(lcPage, "copydesk.app.page")
Q_LOGGING_CATEGORY(lcInterceptor, "copydesk.app.interceptor")
} // namespace Copydesk
