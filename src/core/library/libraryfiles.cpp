#include <library/libraryfiles.h>

#include <library/logging.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>

#include <sys/stat.h>

#include <optional>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace Copydesk::LibraryFiles {

namespace {

struct FileIdentity
{
    dev_t device = 0;
    ino_t inode = 0;
    bool operator==(const FileIdentity &) const = default;
};

// stat() reads the inode, never the file: it takes no descriptor and so cannot drop a lock.
std::optional<FileIdentity> identityOf(const QString &path)
{
    struct stat info;
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return std::nullopt;
    return FileIdentity{info.st_dev, info.st_ino};
}

struct Registry
{
    QMutex mutex;
    std::vector<std::pair<QString, int>> libraries; // absolute path, number of handles
};

Registry &registry()
{
    static Registry instance;
    return instance;
}

QString absolute(const QString &path)
{
    return QFileInfo(path).absoluteFilePath();
}

} // namespace

QStringList ofLibrary(const QString &libraryPath)
{
    const QString path = absolute(libraryPath);
    return {path, path + u"-wal"_s, path + u"-shm"_s, path + u"-journal"_s};
}

bool belongsToLibrary(const QString &path, const QString &libraryPath)
{
    const std::optional<FileIdentity> candidate = identityOf(path);
    const QStringList files = ofLibrary(libraryPath);
    if (candidate) {
        for (const QString &file : files) {
            if (identityOf(file) == candidate)
                return true;
        }
        return false;
    }
    // Not there yet: the same folder (by identity) and the same name as one of the library's files.
    const QFileInfo info(absolute(path));
    const std::optional<FileIdentity> folder = identityOf(info.absolutePath());
    if (!folder)
        return false;
    for (const QString &file : files) {
        const QFileInfo libraryFile(file);
        if (libraryFile.fileName() == info.fileName() && identityOf(libraryFile.absolutePath()) == folder)
            return true;
    }
    return false;
}

void protect(const QString &libraryPath)
{
    Registry &r = registry();
    const QMutexLocker lock(&r.mutex);
    const QString path = absolute(libraryPath);
    for (auto &[library, handles] : r.libraries) {
        if (library == path) {
            ++handles;
            return;
        }
    }
    r.libraries.emplace_back(path, 1);
}

void release(const QString &libraryPath)
{
    Registry &r = registry();
    const QMutexLocker lock(&r.mutex);
    const QString path = absolute(libraryPath);
    for (auto it = r.libraries.begin(); it != r.libraries.end(); ++it) {
        if (it->first == path) {
            if (--it->second == 0)
                r.libraries.erase(it);
            return;
        }
    }
}

QString refusal(const QString &path)
{
    QStringList libraries;
    {
        Registry &r = registry();
        const QMutexLocker lock(&r.mutex);
        for (const auto &entry : r.libraries)
            libraries.append(entry.first);
    }
    for (const QString &library : std::as_const(libraries)) {
        if (belongsToLibrary(path, library)) {
            qCInfo(lcLibraryFiles) << "refused" << path << "(a file of the open library" << library << ")";
            return u"%1: this is a file of the open Copydesk library (%2); Copydesk never opens it "
                   "except through its database, so it cannot be imported, exported over or read"_s.arg(
                       QDir::toNativeSeparators(path), QDir::toNativeSeparators(library));
        }
    }
    return {};
}

} // namespace Copydesk::LibraryFiles
