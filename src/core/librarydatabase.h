#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Copydesk {

// One Copydesk library: a SQLite file in WAL mode with foreign keys on. The schema lives in
// resources/sql/NNN_*.sql and is applied in order by PRAGMA user_version.
//
// SQLite connections must not be shared between threads, so connection() hands each thread its own,
// opened and configured on first use. A LibraryDatabase must outlive every thread that uses it.
class LibraryDatabase final
{
public:
    explicit LibraryDatabase(const QString &path);
    ~LibraryDatabase();
    Q_DISABLE_COPY_MOVE(LibraryDatabase)

    // Creates the file if needed and brings its schema up to date. A library written by a newer
    // Copydesk is refused and left untouched. On failure, error() says why, naming the file.
    bool open();
    QString error() const { return m_error; }
    QString path() const { return m_path; }

    // This thread's connection (opened on first use).
    QSqlDatabase connection() const;

    // The schema version this build writes.
    static int latestSchemaVersion();

    // Where the library lives: the --library option, else $COPYDESK_LIBRARY, else the per-user default
    // (QStandardPaths::GenericDataLocation + "/copydesk/library.sqlite", ~/.local/share/copydesk/...).
    static QString resolvePath(const QString &commandLinePath);
    static QString defaultPath();

private:
    bool migrate(QSqlDatabase &db);
    QString connectionName() const;

    QString m_path;
    QString m_error;
    QString m_connectionPrefix;
};

} // namespace Copydesk
