#include <library/sqlitestatement.h>

#include <QSqlDriver>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Copydesk {

sqlite3 *sqliteHandle(const QSqlDatabase &connection)
{
    const QVariant handle = connection.driver() ? connection.driver()->handle() : QVariant();
    return handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
               ? *static_cast<sqlite3 *const *>(handle.constData())
               : nullptr;
}

SqliteStatement::SqliteStatement(const QSqlDatabase &connection, const QString &sql)
{
    m_connection = sqliteHandle(connection);
    if (!m_connection) {
        m_error = u"not an SQLite connection"_s;
        return;
    }
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(m_connection, utf8.constData(), int(utf8.size()), &m_statement, nullptr) !=
        SQLITE_OK)
        fail();
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

bool SqliteStatement::fail()
{
    m_error = QString::fromUtf8(sqlite3_errmsg(m_connection));
    return false;
}

bool SqliteStatement::exec(const QVariantList &values)
{
    if (!m_statement || !m_error.isEmpty())
        return false;
    // Runnable again: what an earlier run left stepped or bound is cleared.
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_rowWaiting = false;
    int position = 0;
    for (const QVariant &value : values) {
        ++position;
        int result = SQLITE_OK;
        // A null QString binds NULL, as Qt's driver binds it.
        const bool null =
            value.isNull() || (value.typeId() == QMetaType::QString && value.toString().isNull());
        switch (null ? QMetaType::UnknownType : value.typeId()) {
        case QMetaType::UnknownType:
            result = sqlite3_bind_null(m_statement, position);
            break;
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Long:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
            result = sqlite3_bind_int64(m_statement, position, value.toLongLong());
            break;
        case QMetaType::Double:
            result = sqlite3_bind_double(m_statement, position, value.toDouble());
            break;
        default: {
            const QByteArray text = value.toString().toUtf8();
            result = sqlite3_bind_text(m_statement, position, text.constData(), int(text.size()),
                                       SQLITE_TRANSIENT);
        }
        }
        if (result != SQLITE_OK)
            return fail();
    }
    const int step = sqlite3_step(m_statement);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return fail();
    m_rowWaiting = step == SQLITE_ROW;
    return true;
}

bool SqliteStatement::next()
{
    if (!m_statement || !m_error.isEmpty())
        return false;
    if (m_rowWaiting) {
        m_rowWaiting = false;
        return true;
    }
    if (sqlite3_stmt_busy(m_statement) == 0)
        return false; // done
    const int step = sqlite3_step(m_statement);
    if (step == SQLITE_ROW)
        return true;
    if (step != SQLITE_DONE)
        fail();
    return false;
}

QString SqliteStatement::text(int column) const
{
    const auto *utf8 = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    if (!utf8)
        return {};
    return QString::fromUtf8(utf8, sqlite3_column_bytes(m_statement, column));
}

QByteArrayView SqliteStatement::utf8(int column) const
{
    const auto *utf8 = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return utf8 ? QByteArrayView(utf8, sqlite3_column_bytes(m_statement, column)) : QByteArrayView();
}

qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

} // namespace Copydesk
