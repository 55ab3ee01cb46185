#include <library/atomicfile.h>

#include <library/libraryfiles.h>

#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Copydesk {

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error)
{
    if (const QString refused = LibraryFiles::refusal(path); !refused.isEmpty()) {
        if (error)
            *error = refused;
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = u"%1: cannot write: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace Copydesk
