#pragma once

#include <QLoggingCategory>

// The library module's logging categories ("copydesk.core.*"; debug is off unless QT_LOGGING_RULES says).
namespace Copydesk {
Q_DECLARE_LOGGING_CATEGORY(lcDatabase)     // opening, migrations, damage
Q_DECLARE_LOGGING_CATEGORY(lcLibraryFiles) // files refused because SQLite owns them
Q_DECLARE_LOGGING_CATEGORY(lcRepository)   // writes refused or failed
Q_DECLARE_LOGGING_CATEGORY(lcRescue)
} // namespace Copydesk
