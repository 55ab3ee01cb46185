#include <import/logging.h>

namespace Copydesk {
Q_LOGGING_CATEGORY(lcImport, "copydesk.core.import")
} // namespace Copydesk
