#pragma once

#include <QLoggingCategory>

namespace Copydesk {
Q_DECLARE_LOGGING_CATEGORY(lcExtractor) // Readability in WebEngine: "copydesk.web.extractor" (info and up)
Q_DECLARE_LOGGING_CATEGORY(lcFetcher)   // downloads: "copydesk.web.fetcher"
} // namespace Copydesk
