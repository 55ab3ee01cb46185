#pragma once

#include <QByteArrayView>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

struct sqlite3;
struct sqlite3_stmt;

namespace Copydesk {

// The SQLite handle of a connection of Qt's driver, or null (not open, or not SQLite).
sqlite3 *sqliteHandle(const QSqlDatabase &connection);

// One statement on a connection's own SQLite handle, for the reads that run for every screen of the list:
// columns come straight from SQLite's UTF-8 (Qt's driver has SQLite convert every text to UTF-16 and wraps
// each value in a QVariant, which was half the time of reading a page of 200 rows). Everything else goes
// through QSqlQuery.
class SqliteStatement
{
public:
    SqliteStatement(const QSqlDatabase &connection, const QString &sql);
    ~SqliteStatement();
    Q_DISABLE_COPY_MOVE(SqliteStatement)

    // Binds values in order (integers, reals, text; a null QVariant or QString binds NULL) and reads the
    // first row. May be run again.
    bool exec(const QVariantList &values = {});
    // The next row; false at the end or on an error (then error() says which).
    bool next();
    bool isActive() const { return m_statement && m_error.isEmpty(); }
    QString error() const { return m_error; }

    QString text(int column) const;
    // The column's UTF-8 as SQLite holds it: valid until the next row, or the statement's end.
    QByteArrayView utf8(int column) const;
    qint64 integer(int column) const;
    bool isNull(int column) const;

private:
    bool fail();

    sqlite3 *m_connection = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    bool m_rowWaiting = false; // exec() stepped onto a row next() has not given yet
    QString m_error;
};

} // namespace Copydesk
