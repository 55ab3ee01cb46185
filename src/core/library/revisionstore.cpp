#include <library/revisionstore.h>

#include <library/librarydatabase.h>
#include <library/sqlsupport.h>

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Copydesk {

RevisionStore::RevisionStore(const LibraryDatabase &database)
    : m_database(database)
{}

bool RevisionStore::add(const Article &article, const QString &name, int *number)
{
    // One statement: the number read is the number written, whoever else writes the library.
    QSqlQuery &query = m_database.statement(
        u"INSERT INTO revisions (article_id, number, created_at, snapshot, name, word_count) "
        "SELECT ?, coalesce(max(number), 0) + 1, ?, ?, ?, ? FROM revisions WHERE article_id = ? "
        "RETURNING number"_s);
    query.addBindValue(article.id);
    query.addBindValue(toStorageTime(QDateTime::currentDateTimeUtc()));
    query.addBindValue(QString::fromUtf8(QJsonDocument(article.toJson()).toJson(QJsonDocument::Compact)));
    query.addBindValue(Sql::text(name.trimmed()));
    query.addBindValue(article.wordCount);
    query.addBindValue(article.id);
    if (!query.exec()) {
        m_lastError =
            u"cannot keep a revision of article %1 (%2)"_s.arg(article.id).arg(query.lastError().text());
        return false;
    }
    if (number)
        *number = query.next() ? query.value(0).toInt() : 0;
    query.finish();
    return true;
}

QList<RevisionInfo> RevisionStore::list(qint64 articleId) const
{
    QList<RevisionInfo> result;
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT id, number, created_at, name, word_count FROM revisions WHERE article_id = ? "
                  "ORDER BY number"_s);
    query.addBindValue(articleId);
    if (query.exec()) {
        while (query.next())
            result.append({query.value(0).toLongLong(), query.value(1).toInt(),
                           fromStorageTime(query.value(2).toString()), query.value(3).toString(),
                           query.value(4).toInt()});
    }
    return result;
}

std::optional<Article> RevisionStore::load(qint64 articleId, int number) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT snapshot FROM revisions WHERE article_id = ? AND number = ?"_s);
    query.addBindValue(articleId);
    query.addBindValue(number);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return Article::fromJson(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object());
}

} // namespace Copydesk
