#include <library/librarydatabase.h>

#include <library/logging.h>

#include <library/libraryfiles.h>
#include <library/libraryfunctions.h>
#include <library/sqlitestatement.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>
#include <QUuid>

#include <sqlite3.h>

#include <atomic>
#include <optional>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

constexpr int busyTimeoutMs = 5000;

struct Migration
{
    int version;
    QString resource;
};

// Listed once: they are resources of this build, and every open asks.
const QList<Migration> &migrations()
{
    static const QList<Migration> all = [] {
        const QStringList files = QDir(u":/sql"_s).entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
        QList<Migration> result;
        static const QRegularExpression versionPattern(u"^(\\d+)_"_s);
        for (const QString &file : files) {
            const QRegularExpressionMatch match = versionPattern.match(file);
            if (match.hasMatch())
                result.append({match.captured(1).toInt(), u":/sql/"_s + file});
        }
        return result;
    }();
    return all;
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

constexpr const char *plainTextVersionQuery =
    "SELECT value AS plain_text_version FROM library_meta WHERE key = 'plain_text_version'";

// What opening needs to know of a library.
struct LibraryState
{
    QByteArray sourceId; // of the SQLite that runs the connection
    int schemaVersion = -1;
    QByteArray journalMode;
    std::optional<qint64> plainTextVersion; // unknown before the schema has its library_meta table
};

// Read in one call on the driver's handle: each open pays it, the window's start included (as one statement
// of table-valued pragmas, and two more for the migration's and the plain text's versions, it was a seventh
// of opening). The last statement fails on a schema older than library_meta; the migration then makes it.
std::optional<LibraryState> readLibraryState(sqlite3 *handle, QString *error)
{
    if (!handle) {
        *error = u"not an SQLite connection"_s;
        return std::nullopt;
    }
    LibraryState state;
    const auto readRow = [](void *context, int columns, char **values, char **names) {
        auto &state = *static_cast<LibraryState *>(context);
        if (columns != 1 || !values[0])
            return 0;
        const QByteArrayView name(names[0]);
        const QByteArray value(values[0]);
        if (name == "source_id")
            state.sourceId = value;
        else if (name == "user_version")
            state.schemaVersion = value.toInt();
        else if (name == "journal_mode")
            state.journalMode = value;
        else if (name == "plain_text_version")
            state.plainTextVersion = value.toLongLong();
        return 0;
    };
    char *message = nullptr;
    const QByteArray statements =
        QByteArray("SELECT sqlite_source_id() AS source_id; PRAGMA user_version; PRAGMA journal_mode; ") +
        plainTextVersionQuery;
    sqlite3_exec(handle, statements.constData(), readRow, &state, &message);
    const QString detail = QString::fromUtf8(message ? message : sqlite3_errmsg(handle)).trimmed();
    sqlite3_free(message);
    if (state.sourceId.isEmpty() || state.schemaVersion < 0 || state.journalMode.isEmpty()) {
        *error = detail;
        return std::nullopt;
    }
    return state;
}

} // namespace

LibraryDatabase::LibraryDatabase(const QString &path)
    : m_path(path)
    , m_connectionPrefix(u"copydesk-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    LibraryFiles::protect(m_path);
}

LibraryDatabase::~LibraryDatabase()
{
    closeConnections();
    LibraryFiles::release(m_path);
}

void LibraryDatabase::closeConnections()
{
    // Statements first: a connection is closed only once nothing refers to it. Every connection this
    // library opened, in any thread, goes.
    {
        const QMutexLocker lock(&m_statementsMutex);
        m_statements.clear();
    }
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (name.startsWith(m_connectionPrefix))
            QSqlDatabase::removeDatabase(name);
    }
}

int LibraryDatabase::latestSchemaVersion()
{
    const QList<Migration> &all = migrations();
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
    if (m_readOnly) {
        // SQLite's own read-only mode. Where it cannot keep its shared-memory file beside the library (a
        // read-only folder) and there is no WAL to read, the file is opened as immutable: nothing can
        // change it there anyway.
        QUrl uri = QUrl::fromLocalFile(QFileInfo(m_path).absoluteFilePath());
        uri.setQuery(m_immutable ? u"mode=ro&immutable=1"_s : u"mode=ro"_s);
        db.setDatabaseName(uri.toString(QUrl::FullyEncoded));
        db.setConnectOptions(
            u"QSQLITE_OPEN_URI;QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1"_s.arg(busyTimeoutMs));
    } else {
        db.setDatabaseName(m_path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(busyTimeoutMs));
    }
    if (!db.open()) {
        qCWarning(lcDatabase) << "cannot open" << m_path << db.lastError().text();
        return db;
    }
    sqlite3 *raw = sqliteHandle(db);
    if (!raw || !registerLibraryFunctions(raw))
        qCWarning(lcDatabase) << m_path << "cannot register Copydesk's SQL functions: search will fail";
    // (The busy timeout is the driver's QSQLITE_BUSY_TIMEOUT above.) synchronous = NORMAL is safe with WAL:
    // a crash loses at most the last commit. Both in one call on the handle: every connection pays it.
    const char *pragmas =
        m_readOnly ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL";
    if (raw) {
        if (sqlite3_exec(raw, pragmas, nullptr, nullptr, nullptr) != SQLITE_OK)
            qCWarning(lcDatabase) << m_path << "cannot set up the connection:" << sqlite3_errmsg(raw);
    } else {
        QSqlQuery pragma(db);
        for (const QByteArray &statement : QByteArray(pragmas).split(';'))
            pragma.exec(QString::fromLatin1(statement));
    }
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

bool LibraryDatabase::open(Access access)
{
    m_error.clear();
    closeConnections();
    const QFileInfo info(m_path);
    if (info.exists() && !info.isFile()) {
        m_error = u"%1: not a library file"_s.arg(m_path);
        return false;
    }
    m_readOnly = access == Access::ReadOnly;
    m_readOnlyReason = m_readOnly ? u"it was opened read-only"_s : QString();
    const QFileInfo folder(info.absolutePath());
    if (!info.exists()) {
        if (m_readOnly) {
            m_error = u"%1: no such library"_s.arg(m_path);
            return false;
        }
        if (!QDir().mkpath(info.absolutePath())) {
            m_error = u"%1: cannot create the folder %2"_s.arg(m_path, info.absolutePath());
            return false;
        }
        if (!QFileInfo(info.absolutePath()).isWritable()) {
            m_error = u"%1: cannot create a library here: the folder %2 cannot be written"_s.arg(
                m_path, info.absolutePath());
            return false;
        }
    } else if (!m_readOnly) {
        // Permissions are read with access(), which opens nothing. SQLite needs to write both the file and
        // its folder (for the -wal and -shm files beside it).
        if (!info.isWritable()) {
            m_readOnly = true;
            m_readOnlyReason = u"the file %1 cannot be written"_s.arg(QDir::toNativeSeparators(m_path));
        } else if (!folder.isWritable()) {
            m_readOnly = true;
            m_readOnlyReason =
                u"its folder %1 cannot be written"_s.arg(QDir::toNativeSeparators(info.absolutePath()));
        }
    }
    m_immutable = m_readOnly && !folder.isWritable() && !QFileInfo::exists(m_path + u"-wal"_s);

    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        m_error = u"%1: cannot open the library: %2"_s.arg(m_path, db.lastError().text());
        return false;
    }

    // What opening needs to know: which SQLite Qt's driver runs, the schema's version, the journal mode and
    // what the search indexes were made with. Copydesk calls SQLite on the handle of Qt's driver (its SQL
    // function, list pages, interrupting a read): both must be the same SQLite library, or those calls are
    // undefined behaviour. The version is checked before anything writes to the file (journal_mode = WAL
    // does).
    QString detail;
    const std::optional<LibraryState> state = readLibraryState(sqliteHandle(db), &detail);
    if (!state) {
        m_error = detail.contains("not a database"_L1, Qt::CaseInsensitive) || detail.isEmpty()
                      ? u"%1: not a Copydesk library (not an SQLite database)"_s.arg(m_path)
                      : u"%1: cannot read the library: %2"_s.arg(m_path, detail);
        if (m_readOnly && detail.contains("readonly"_L1, Qt::CaseInsensitive))
            m_error = u"%1: cannot read the library without writing beside it: its -wal file holds changes "
                      "that SQLite can only read with a -shm file, and %2"_s.arg(m_path, m_readOnlyReason);
        return false;
    }
    if (state->sourceId != sqlite3_sourceid()) {
        m_error = u"%1: Qt's SQLite driver uses another SQLite (%2) than Copydesk was built with (%3)"_s.arg(
            m_path, QString::fromLatin1(state->sourceId), QLatin1StringView(sqlite3_sourceid()));
        return false;
    }
    const int version = state->schemaVersion;
    const bool inWalMode = state->journalMode.compare("wal", Qt::CaseInsensitive) == 0;
    if (version > latestSchemaVersion()) {
        m_error = u"%1: this library was written by a newer Copydesk (schema version %2; this Copydesk "
                  "knows up to %3). It was left untouched; open it with a newer Copydesk."_s.arg(m_path)
                      .arg(version)
                      .arg(latestSchemaVersion());
        return false;
    }
    if (m_readOnly) {
        if (version < latestSchemaVersion()) {
            m_error =
                version == 0 && info.size() == 0
                    ? u"%1: an empty file, not a Copydesk library"_s.arg(m_path)
                    : u"%1: this library needs its schema brought up to version %2, which means writing "
                      "to it, but %3"_s.arg(m_path)
                          .arg(latestSchemaVersion())
                          .arg(m_readOnlyReason);
            return false;
        }
        return true;
    }

    if (!inWalMode) { // a new library; WAL mode stays with the file once set
        QSqlQuery wal(db);
        if (!wal.exec(u"PRAGMA journal_mode = WAL"_s) || !wal.next() ||
            wal.value(0).toString().compare("wal"_L1, Qt::CaseInsensitive) != 0) {
            m_error = u"%1: cannot switch the library to WAL mode: %2"_s.arg(m_path, wal.lastError().text());
            return false;
        }
        wal.finish(); // an unfinished statement would keep the migration from committing
    }
    if (!migrate(db, version))
        return false;
    // A migration may have made library_meta, or rebuilt the indexes: then the version is asked again.
    return indexedWithThisPlainText(db, version == latestSchemaVersion() ? state->plainTextVersion
                                                                         : std::nullopt);
}

bool LibraryDatabase::indexedWithThisPlainText(QSqlDatabase &db, std::optional<qint64> indexedWith)
{
    if (!indexedWith) {
        SqliteStatement version(db, QString::fromLatin1(plainTextVersionQuery));
        if (version.exec() && version.next())
            indexedWith = version.integer(0);
    }
    if (indexedWith == PlainTextVersion)
        return true;
    qCInfo(lcDatabase) << "library" << m_path << "rebuilds its search indexes for plain text version"
                       << PlainTextVersion;
    QString error;
    const bool ok =
        db.transaction() &&
        exec(db, u"INSERT INTO article_search (article_search) VALUES ('rebuild')"_s, &error) &&
        exec(db, u"INSERT INTO article_stems (article_stems) VALUES ('rebuild')"_s, &error) &&
        exec(db,
             u"INSERT OR REPLACE INTO library_meta (key, value) VALUES ('plain_text_version', '%1')"_s.arg(
                 PlainTextVersion),
             &error) &&
        db.commit();
    if (!ok) {
        db.rollback();
        m_error = u"%1: cannot rebuild the search indexes: %2"_s.arg(
            m_path, error.isEmpty() ? db.lastError().text() : error);
    }
    return ok;
}

QStringList LibraryDatabase::quickCheck()
{
    QSqlDatabase db = connection();
    // The raw handle, so that interruptQuickCheck() can stop the check from another thread: on a large
    // library it reads for seconds, and a window closing meanwhile must not wait for it.
    m_checkingConnection = sqliteHandle(db);
    QSqlQuery check(db);
    QStringList problems;
    // quick_check skips the index-content comparison of integrity_check: it finds a damaged page in a
    // fraction of the time. Twenty problems are enough to tell a person what is wrong.
    const bool ran = check.exec(u"PRAGMA quick_check(20)"_s);
    while (ran && check.next()) {
        const QString line = check.value(0).toString();
        if (line != "ok"_L1)
            problems.append(line);
    }
    const QSqlError error = check.lastError();
    m_checkingConnection = nullptr;
    if (error.isValid() && error.nativeErrorCode() == QString::number(SQLITE_INTERRUPT))
        return {}; // stopped: nothing is known
    if (error.isValid())
        problems.append(error.text());
    m_health = problems.isEmpty() ? Health::Sound : Health::Damaged;
    if (!problems.isEmpty())
        qCInfo(lcDatabase) << "library" << m_path << "is damaged:" << problems.first();
    return problems;
}

void LibraryDatabase::interruptQuickCheck()
{
    // sqlite3_interrupt() may be called from any thread; on a connection running nothing it does nothing.
    if (void *raw = m_checkingConnection.load())
        sqlite3_interrupt(static_cast<sqlite3 *>(raw));
}

QString LibraryDatabase::writeRefusal() const
{
    if (m_readOnly)
        return u"%1: the library is read-only: %2"_s.arg(m_path, m_readOnlyReason);
    if (m_health.load() == Health::Damaged)
        return u"%1: the library is damaged; Copydesk no longer writes to it (rescue what can be read into "
               "a new library)"_s.arg(m_path);
    return {};
}

std::optional<std::pair<qint64, qint64>> LibraryDatabase::compact()
{
    m_error.clear();
    if (!writesAllowed()) {
        m_error = writeRefusal();
        return std::nullopt;
    }
    QSqlDatabase db = connection();
    const auto bytes = [&db] {
        QSqlQuery size(db);
        if (!size.exec(u"SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"_s) ||
            !size.next())
            return qint64(-1);
        return size.value(0).toLongLong();
    };
    const qint64 before = bytes();
    QString error;
    if (!exec(db, u"VACUUM"_s, &error)) {
        m_error = u"%1: cannot compact the library: %2"_s.arg(m_path, error);
        return std::nullopt;
    }
    // In WAL mode the rewritten library is in the -wal file until a checkpoint: copied into the library
    // now, and the -wal emptied (as far as other connections reading it allow).
    QSqlQuery(db).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    return std::pair(before, bytes());
}

qint64 LibraryDatabase::dataVersion() const
{
    QSqlQuery query(connection());
    if (!query.exec(u"PRAGMA data_version"_s) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

bool LibraryDatabase::migrate(QSqlDatabase &db, int current)
{
    if (current == latestSchemaVersion())
        return true; // the usual open: nothing to do
    for (const Migration &migration : migrations()) {
        if (migration.version <= current)
            continue;
        QFile file(migration.resource);
        if (!file.open(QIODevice::ReadOnly)) {
            m_error = u"%1: migration %2 is missing from this build"_s.arg(m_path, migration.resource);
            return false;
        }
        const QString script = QString::fromUtf8(file.readAll());
        const QStringList statements = splitStatements(script);
        QString error;
        // A migration that rebuilds a table (the way SQLite documents: create the new one, copy, drop the
        // old, rename) runs with foreign keys off, or dropping the old table would delete every child row
        // with it; they are checked before it commits. The pragma has no effect inside a transaction.
        const bool rebuildsTables = script.contains(u"-- copydesk: rebuilds tables"_s);
        if (rebuildsTables)
            exec(db, u"PRAGMA foreign_keys = OFF"_s, &error);
        const auto foreignKeysBack = qScopeGuard([&] {
            if (rebuildsTables)
                exec(db, u"PRAGMA foreign_keys = ON"_s, &error);
        });
        int danglingBefore = 0;
        if (rebuildsTables) {
            QSqlQuery check(db);
            check.exec(u"PRAGMA foreign_key_check"_s);
            while (check.next())
                ++danglingBefore;
        }
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
        // Rows that refer to nothing, counted before and after: a rebuild must add none (a library changed
        // by other tools may have had some before).
        const auto danglingRows = [&db] {
            QSqlQuery check(db);
            int rows = 0;
            check.exec(u"PRAGMA foreign_key_check"_s);
            while (check.next())
                ++rows;
            return rows;
        };
        if (ok && rebuildsTables && danglingRows() > danglingBefore) {
            ok = false;
            error = u"rows would be left referring to articles that are not there"_s;
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
