#include "librarydatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>

#include <atomic>

using namespace Qt::StringLiterals;

namespace Copydesk {

Q_LOGGING_CATEGORY(lcDatabase, "copydesk.core.database")

namespace {

constexpr int busyTimeoutMs = 5000;

struct Migration
{
    int version;
    QString resource;
};

QList<Migration> migrations()
{
    const QStringList files = QDir(u":/sql"_s).entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    QList<Migration> result;
    static const QRegularExpression versionPattern(u"^(\\d+)_"_s);
    for (const QString &file : files) {
        const QRegularExpressionMatch match = versionPattern.match(file);
        if (match.hasMatch())
            result.append({match.captured(1).toInt(), u":/sql/"_s + file});
    }
    return result;
}

// Statements end with a semicolon at the end of a line; the schema files keep to that (no triggers).
QStringList splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    const QStringList lines = script.split(u'\n');
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith("--"_L1) || trimmed.isEmpty())
            continue;
        current += line + u'\n';
        if (trimmed.endsWith(u';')) {
            statements.append(current.trimmed());
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    *error = query.lastError().text();
    return false;
}

int userVersion(QSqlDatabase &db)
{
    QSqlQuery query(u"PRAGMA user_version"_s, db);
    return query.next() ? query.value(0).toInt() : -1;
}

} // namespace

LibraryDatabase::LibraryDatabase(const QString &path)
    : m_path(path)
    , m_connectionPrefix(u"copydesk-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

LibraryDatabase::~LibraryDatabase()
{
    // Statements first: a connection is closed only once nothing refers to it.
    {
        const QMutexLocker lock(&m_statementsMutex);
        m_statements.clear();
    }
    // Every connection this library opened, in any thread, goes with it.
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (name.startsWith(m_connectionPrefix))
            QSqlDatabase::removeDatabase(name); // closes it; no handle to it may be left
    }
}

int LibraryDatabase::latestSchemaVersion()
{
    const QList<Migration> all = migrations();
    return all.isEmpty() ? 0 : all.last().version;
}

QString LibraryDatabase::defaultPath()
{
    // The per-user data folder of Copydesk (~/.local/share/copydesk on Linux), independent of the
    // organization name Qt would otherwise put in the path.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           u"/copydesk/library.sqlite"_s;
}

QString LibraryDatabase::resolvePath(const QString &commandLinePath)
{
    if (!commandLinePath.isEmpty())
        return commandLinePath;
    const QString fromEnvironment = qEnvironmentVariable("COPYDESK_LIBRARY");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return defaultPath();
}

QString LibraryDatabase::connectionName() const
{
    // A number per thread, never reused: a new thread at a dead one's address must not inherit its
    // connection, which Qt would refuse to hand out to another thread.
    static std::atomic<quint64> nextThreadNumber{1};
    thread_local const quint64 threadNumber = nextThreadNumber++;
    return m_connectionPrefix + u'-' + QString::number(threadNumber);
}

QSqlDatabase LibraryDatabase::connection() const
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);

    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(busyTimeoutMs));
    if (!db.open()) {
        qCWarning(lcDatabase) << "cannot open" << m_path << db.lastError().text();
        return db;
    }
    QSqlQuery pragma(db);
    pragma.exec(u"PRAGMA foreign_keys = ON"_s);
    pragma.exec(u"PRAGMA busy_timeout = %1"_s.arg(busyTimeoutMs));
    pragma.exec(u"PRAGMA synchronous = NORMAL"_s); // safe with WAL: a crash loses at most the last commit
    return db;
}

QSqlQuery &LibraryDatabase::statement(const QString &sql) const
{
    const QString name = connectionName();
    const QMutexLocker lock(&m_statementsMutex);
    Statement &statement = m_statements[name][sql];
    if (!statement.query)
        statement.query = std::make_unique<QSqlQuery>(connection());
    // One that did not compile is compiled again, so every use reports its error.
    if (!statement.prepared)
        statement.prepared = statement.query->prepare(sql);
    return *statement.query;
}

bool LibraryDatabase::open()
{
    m_error.clear();
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        m_error = u"%1: cannot create the folder %2"_s.arg(m_path, info.absolutePath());
        return false;
    }
    if (info.exists() && !info.isFile()) {
        m_error = u"%1: not a library file"_s.arg(m_path);
        return false;
    }

    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        m_error = u"%1: cannot open the library: %2"_s.arg(m_path, db.lastError().text());
        return false;
    }

    // Check the version before anything writes to the file (journal_mode=WAL does).
    const int version = userVersion(db);
    if (version < 0) {
        m_error = u"%1: not a Copydesk library (not an SQLite database)"_s.arg(m_path);
        return false;
    }
    if (version > latestSchemaVersion()) {
        m_error = u"%1: this library was written by a newer Copydesk (schema version %2; this Copydesk "
                  "knows up to %3). It was left untouched; open it with a newer Copydesk."_s.arg(m_path)
                      .arg(version)
                      .arg(latestSchemaVersion());
        return false;
    }

    QSqlQuery wal(db);
    if (!wal.exec(u"PRAGMA journal_mode = WAL"_s) || !wal.next() ||
        wal.value(0).toString().compare("wal"_L1, Qt::CaseInsensitive) != 0) {
        m_error = u"%1: cannot switch the library to WAL mode: %2"_s.arg(m_path, wal.lastError().text());
        return false;
    }
    wal.finish(); // an unfinished statement would keep the migration from committing
    return migrate(db);
}

bool LibraryDatabase::migrate(QSqlDatabase &db)
{
    const int current = userVersion(db);
    const QList<Migration> all = migrations();
    for (const Migration &migration : all) {
        if (migration.version <= current)
            continue;
        QFile file(migration.resource);
        if (!file.open(QIODevice::ReadOnly)) {
            m_error = u"%1: migration %2 is missing from this build"_s.arg(m_path, migration.resource);
            return false;
        }
        const QStringList statements = splitStatements(QString::fromUtf8(file.readAll()));
        QString error;
        if (!db.transaction()) {
            m_error = u"%1: cannot start the migration: %2"_s.arg(m_path, db.lastError().text());
            return false;
        }
        bool ok = true;
        for (const QString &statement : statements) {
            if (!exec(db, statement, &error)) {
                ok = false;
                break;
            }
        }
        ok = ok && exec(db, u"PRAGMA user_version = %1"_s.arg(migration.version), &error);
        if (!ok || !db.commit()) {
            db.rollback();
            m_error = u"%1: migration to schema %2 failed and was rolled back: %3"_s.arg(m_path)
                          .arg(migration.version)
                          .arg(error.isEmpty() ? db.lastError().text() : error);
            return false;
        }
        qCDebug(lcDatabase) << "library" << m_path << "migrated to schema" << migration.version;
    }
    return true;
}

} // namespace Copydesk
