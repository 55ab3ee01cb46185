#pragma once

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <unordered_map>

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

    // This thread's prepared statement for sql, compiled on first use and kept with the connection, so that
    // writes done once per article (an import stores thousands) skip SQLite's compile step. Only for
    // statements that run to completion (INSERT, UPDATE, DELETE): a query read row by row takes a
    // QSqlQuery of its own.
    QSqlQuery &statement(const QString &sql) const;

    // The schema version this build writes.
    static int latestSchemaVersion();

    // Where the library lives: the --library option, else $COPYDESK_LIBRARY, else the per-user default
    // (QStandardPaths::GenericDataLocation + "/copydesk/library.sqlite", ~/.local/share/copydesk/...).
    static QString resolvePath(const QString &commandLinePath);
    static QString defaultPath();

private:
    bool migrate(QSqlDatabase &db);
    QString connectionName() const;

    struct Statement
    {
        std::unique_ptr<QSqlQuery> query;
        bool prepared = false;
    };
    using Statements = std::unordered_map<QString, Statement>;

    QString m_path;
    QString m_error;
    QString m_connectionPrefix;
    mutable QMutex m_statementsMutex;
    mutable std::unordered_map<QString, Statements> m_statements; // by connection name
};

} // namespace Copydesk
