#pragma once

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <optional>
#include <utility>

#include <atomic>
#include <memory>
#include <unordered_map>

namespace Copydesk {

// One Copydesk library: a SQLite file in WAL mode with foreign keys on. The schema lives in
// resources/sql/NNN_*.sql and is applied in order by PRAGMA user_version.
//
// SQLite connections must not be shared between threads, so connection() hands each thread its own,
// opened and configured on first use. A LibraryDatabase must outlive every thread that uses it.
//
// For as long as it exists, its files are registered with LibraryFiles, so that nothing else in the
// process opens them (which would drop SQLite's locks).
class LibraryDatabase final
{
public:
    enum class Access
    {
        ReadWrite, // read-only all the same when the file or its folder cannot be written
        ReadOnly,
    };
    // What is known of the file's inner consistency (PRAGMA quick_check).
    enum class Health
    {
        Unchecked,
        Sound,
        Damaged,
    };

    explicit LibraryDatabase(const QString &path);
    ~LibraryDatabase();
    Q_DISABLE_COPY_MOVE(LibraryDatabase)

    // Creates the file if needed and brings its schema up to date. A library written by a newer
    // Copydesk is refused and left untouched. A library whose file or folder cannot be written is opened
    // read-only (readOnlyReason() says why); so is every library opened with Access::ReadOnly. On
    // failure, error() says why, naming the file.
    bool open(Access access = Access::ReadWrite);
    QString error() const { return m_error; }
    QString path() const { return m_path; }

    bool isReadOnly() const { return m_readOnly; }
    // Why the library is read-only, for a person: empty when it is not.
    QString readOnlyReason() const { return m_readOnlyReason; }

    // Runs SQLite's quick check on this thread's connection (it reads the whole file: call it off the GUI
    // thread). Returns the problems found, empty when the library is sound, and records the result in
    // health(). A damaged library takes no more writes: writesAllowed() turns false.
    QStringList quickCheck();
    // Stops a quickCheck() running on another thread (at quit): it returns at once, finding nothing, and
    // health() stays Unchecked.
    void interruptQuickCheck();
    Health health() const { return m_health.load(); }
    // Whether the library may be written now: not read-only and not found damaged.
    bool writesAllowed() const { return !m_readOnly && m_health.load() != Health::Damaged; }
    // Why writes are refused, for a person; empty when writesAllowed().
    QString writeRefusal() const;

    // Gives the space of what was deleted back to the file system (SQLite's VACUUM: the library is
    // rewritten, which takes about as long as reading it and needs free disk space the size of the
    // library, for its -wal file, until the checkpoint that follows).
    // Space freed by deletes is otherwise kept for new articles. Returns the file's size before and after
    // in bytes, or nullopt with error() set.
    std::optional<std::pair<qint64, qint64>> compact();

    // SQLite's data_version on this thread's connection: it changes when another connection, in this
    // process or another, commits to the library. Polling it is how a window sees what a command-line
    // import or another window wrote. -1 when it cannot be read.
    qint64 dataVersion() const;

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
    // Brings the schema from version current up to the latest.
    bool migrate(QSqlDatabase &db, int current);
    // Rebuilds both search indexes when they were built with another derivation of the body's text
    // (PlainTextVersion, libraryfunctions.h) than indexedWith (read from the library when not known).
    bool indexedWithThisPlainText(QSqlDatabase &db, std::optional<qint64> indexedWith);
    void closeConnections();
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
    bool m_readOnly = false;
    bool m_immutable = false; // read-only in a folder where SQLite cannot keep its -shm file
    QString m_readOnlyReason;
    std::atomic<Health> m_health{Health::Unchecked};
    std::atomic<void *> m_checkingConnection{nullptr}; // the sqlite3 handle a quick check runs on
    mutable QMutex m_statementsMutex;
    mutable std::unordered_map<QString, Statements> m_statements; // by connection name
};

} // namespace Copydesk
