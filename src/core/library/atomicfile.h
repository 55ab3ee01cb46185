#pragma once

#include <QByteArray>
#include <QString>

namespace Copydesk {

// Writes data to path whole or not at all (QSaveFile: a temporary file renamed over the target on
// success), so a failed or interrupted write never leaves half a file. A path that is one of an open
// library's files is refused before anything is opened: renaming over it would replace the library.
// On failure, error (if given) names the file and the reason.
bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error);

} // namespace Copydesk
