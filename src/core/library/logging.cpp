#include <library/logging.h>

namespace Copydesk {
Q_LOGGING_CATEGORY(lcDatabase, "copydesk.core.database")
Q_LOGGING_CATEGORY(lcLibraryFiles, "copydesk.core.libraryfiles")
Q_LOGGING_CATEGORY(lcRepository, "copydesk.core.repository")
Q_LOGGING_CATEGORY(lcRescue, "copydesk.core.rescue")
} // namespace Copydesk
