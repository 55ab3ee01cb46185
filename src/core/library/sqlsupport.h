#pragma once

// What the library's stores share for talking SQL through Qt: binding, transactions, and the few pieces of
// SQL that are SQLite's own dialect rather than standard SQL. Another database behind the stores (a
// PostgreSQL library a newsroom shares) replaces what is in SqlDialect, the search index (FTS5) and
// LibraryDatabase (connections, PRAGMAs); the stores and their callers stay as they are.

#include <model/article.h>

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>

namespace Copydesk::Sql {

// Text columns are NOT NULL; a null QString would bind as NULL.
inline QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

inline QVariant nullableTime(const QDateTime &time)
{
    return time.isValid() ? QVariant(toStorageTime(time)) : QVariant();
}

// Runs a statement with its values bound by position. Cached statements are reused, so values are never
// appended: what an earlier, failed use left bound is overwritten, not shifted.
inline bool run(QSqlQuery &query, std::initializer_list<QVariant> values)
{
    int position = 0;
    for (const QVariant &value : values)
        query.bindValue(position++, value);
    return query.exec();
}

// A transaction that rolls back unless committed, so every early return leaves the library as it was.
// Immediate: takes the write lock at once, so that what is read inside it cannot be changed by another
// connection before the writes that depend on it (a deferred one would fail to upgrade instead).
class Transaction
{
public:
    enum class Kind
    {
        Deferred,
        Immediate,
    };

    explicit Transaction(QSqlDatabase &db, Kind kind = Kind::Deferred)
        : m_db(db)
        , m_kind(kind)
        , m_active(kind == Kind::Deferred ? db.transaction() : exec(QStringLiteral("BEGIN IMMEDIATE")))
    {}
    ~Transaction()
    {
        if (m_active)
            rollback();
    }
    bool isActive() const { return m_active; }
    bool commit()
    {
        m_active = false;
        if (m_kind == Kind::Deferred ? m_db.commit() : exec(QStringLiteral("COMMIT")))
            return true;
        rollback();
        return false;
    }

private:
    bool exec(const QString &sql)
    {
        QSqlQuery query(m_db);
        return query.exec(sql);
    }
    void rollback()
    {
        if (m_kind == Kind::Deferred)
            m_db.rollback();
        else
            exec(QStringLiteral("ROLLBACK"));
    }

    QSqlDatabase &m_db;
    Kind m_kind;
    bool m_active;
};

} // namespace Copydesk::Sql

namespace Copydesk::SqlDialect {

// The id a just-run INSERT gave its row (SQLite's last_insert_rowid; PostgreSQL would use RETURNING).
inline qint64 insertedId(const QSqlQuery &insert)
{
    return insert.lastInsertId().toLongLong();
}

// "(first, second) < (?, ?)": a row-value comparison, for keyset pages of a list in descending order.
inline QString rowBefore(const QString &first, const QString &second)
{
    return QStringLiteral("(%1, %2) < (?, ?)").arg(first, second);
}

} // namespace Copydesk::SqlDialect
