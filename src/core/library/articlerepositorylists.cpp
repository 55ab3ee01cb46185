// ArticleRepository's library-wide side: the marks a reader gives (star, read), kept apart from the
// article's content; the counts the sidebar shows; the tag and author names the editor completes from.

#include <library/articlerepository.h>

#include <library/librarydatabase.h>
#include <library/sqlsupport.h>

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Copydesk {

bool ArticleRepository::setMark(const QList<qint64> &ids, const QString &sql, const QVariantList &values,
                                const QString &what)
{
    if (refuseWrite())
        return false;
    QSqlDatabase db = m_database.connection();
    Sql::Transaction transaction(db);
    QSqlQuery &query = m_database.statement(sql);
    for (const qint64 id : ids) {
        int position = 0;
        for (const QVariant &value : values)
            query.bindValue(position++, value);
        query.bindValue(position, id);
        if (!query.exec())
            return fail(u"cannot %1 article %2"_s.arg(what).arg(id), query.lastError().text());
    }
    return transaction.commit() || fail(u"cannot %1 the articles"_s.arg(what), db.lastError().text());
}

bool ArticleRepository::setStarred(const QList<qint64> &ids, bool starred)
{
    return setMark(ids, u"UPDATE articles SET starred = ? WHERE id = ?"_s, {QVariant(starred ? 1 : 0)},
                   starred ? u"star"_s : u"unstar"_s);
}

bool ArticleRepository::setRead(const QList<qint64> &ids, bool read)
{
    // The first reading is kept: marking read again does not move it.
    return setMark(
        ids,
        u"UPDATE articles SET read_at = CASE WHEN ? THEN COALESCE(read_at, ?) ELSE NULL END WHERE id = ?"_s,
        {QVariant(read ? 1 : 0), QVariant(toStorageTime(QDateTime::currentDateTimeUtc()))},
        read ? u"mark read"_s : u"mark unread"_s);
}

LibraryCounts ArticleRepository::counts() const
{
    LibraryCounts counts;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (query.exec(u"SELECT count(*), count(*) - count(read_at), total(starred) FROM articles"_s) &&
        query.next()) {
        counts.all = query.value(0).toInt();
        counts.unread = query.value(1).toInt();
        counts.starred = query.value(2).toInt();
    }
    QHash<QString, int> byStatus;
    if (query.exec(u"SELECT status, count(*) FROM articles GROUP BY status"_s)) {
        while (query.next())
            byStatus.insert(query.value(0).toString(), query.value(1).toInt());
    }
    for (const ArticleStatus status : allStatuses())
        counts.statuses.append({statusToString(status), byStatus.value(statusToString(status))});
    if (query.exec(u"SELECT min(section), count(*) FROM articles WHERE section <> '' "
                   "GROUP BY section COLLATE NOCASE ORDER BY section COLLATE NOCASE"_s)) {
        while (query.next())
            counts.sections.append({query.value(0).toString(), query.value(1).toInt()});
    }
    if (query.lastError().isValid())
        fail(u"cannot count the articles"_s, query.lastError().text());
    counts.tags = tagCounts();
    return counts;
}

QList<std::pair<QString, int>> ArticleRepository::tagCounts() const
{
    QList<std::pair<QString, int>> counts;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT t.name, count(*) FROM tags t JOIN article_tags at ON at.tag_id = t.id "
                    "GROUP BY t.id ORDER BY t.name COLLATE NOCASE"_s)) {
        fail(u"cannot count the tags"_s, query.lastError().text());
        return counts;
    }
    while (query.next())
        counts.append({query.value(0).toString(), query.value(1).toInt()});
    return counts;
}

QStringList ArticleRepository::tagNames() const
{
    QStringList names;
    QSqlQuery &query = m_database.statement(
        u"SELECT name FROM tags WHERE EXISTS (SELECT 1 FROM article_tags WHERE tag_id = tags.id) "
        "ORDER BY name COLLATE NOCASE"_s);
    if (!query.exec())
        return names;
    while (query.next())
        names.append(query.value(0).toString());
    query.finish();
    return names;
}

QStringList ArticleRepository::authorNames() const
{
    QSqlQuery &query = m_database.statement(
        u"SELECT DISTINCT byline FROM articles WHERE byline <> '' ORDER BY updated_at DESC LIMIT 2000"_s);
    if (!query.exec())
        return {};
    static const QRegularExpression separators(u"\\s*(?:,|;|\\band\\b|&)\\s*"_s);
    QStringList names;
    while (query.next()) {
        for (const QString &name : query.value(0).toString().split(separators, Qt::SkipEmptyParts)) {
            const QString trimmed = name.trimmed();
            if (!trimmed.isEmpty() && !names.contains(trimmed))
                names.append(trimmed);
        }
    }
    query.finish();
    names.sort(Qt::CaseInsensitive);
    return names;
}

} // namespace Copydesk
