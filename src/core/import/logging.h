#pragma once

#include <QLoggingCategory>

namespace Copydesk {
// What imports refuse and why (files, duplicates): "copydesk.core.import".
Q_DECLARE_LOGGING_CATEGORY(lcImport)
} // namespace Copydesk
