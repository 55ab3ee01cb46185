#pragma once

#include <QString>
#include <QStringList>

namespace Copydesk {

// The files of an open library belong to SQLite alone. SQLite's locks are POSIX advisory locks, which the
// kernel keeps per process and file: closing *any* descriptor on the file (a file dialog sniffing its
// type, an importer handed the file, a hash, a copy) silently drops every lock the process holds on it.
// The next process to close its connection then believes it is alone, checkpoints and deletes the WAL
// while this one is still writing to it, and the library is damaged ("How To Corrupt An SQLite Database
// File", section 2.2).
//
// So every open library registers its files here, and every place in Copydesk that opens a file a person
// or a page named asks refusal() first. The set is process-wide because the hazard is: a lock is lost
// whichever object's descriptor is closed. Files are compared by device and inode (found with stat(),
// which opens nothing), so another name, a hard link or a symbolic link to the library is caught too.
namespace LibraryFiles {

// The library file and the files SQLite keeps beside it: -wal, -shm and -journal.
QStringList ofLibrary(const QString &libraryPath);

// Whether path is one of the files of the library at libraryPath. A path that does not exist (yet) is
// compared by its folder and name, so that nothing is written where SQLite will look for its files.
bool belongsToLibrary(const QString &path, const QString &libraryPath);

// Registers the library's files for the life of the process's use of it; counted, so that two handles on
// one library release it only when both are gone.
void protect(const QString &libraryPath);
void release(const QString &libraryPath);

// Empty when path may be opened; otherwise a message naming the file and why it is refused.
QString refusal(const QString &path);

} // namespace LibraryFiles

} // namespace Copydesk
