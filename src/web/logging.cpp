#include "logging.h"

namespace Copydesk {
Q_LOGGING_CATEGORY(lcExtractor, "copydesk.web.extractor", QtInfoMsg)
Q_LOGGING_CATEGORY(lcFetcher, "copydesk.web.fetcher")
} // namespace Copydesk
