// ArticleRepository's library-wide side: the marks a reader gives (star, read, trash, tags), kept apart
// from the article's content; the counts the sidebar shows; renaming and merging tags; saved searches; the
// tag and author names the editor completes from.

#include <library/articlerepository.h>

#include <library/librarydatabase.h>
#include <library/sqlsupport.h>

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Copydesk {

using Sql::run;
using Sql::Transaction;

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

bool ArticleRepository::setTrashed(const QList<qint64> &ids, bool trashed)
{
    // The first time it went keeps its place in the Trash, newest first.
    return setMark(
        ids,
        u"UPDATE articles SET trashed_at = CASE WHEN ? THEN COALESCE(trashed_at, ?) ELSE NULL END WHERE id = ?"_s,
        {QVariant(trashed ? 1 : 0), QVariant(toStorageTime(QDateTime::currentDateTimeUtc()))},
        trashed ? u"move to the trash"_s : u"restore"_s);
}

QList<qint64> ArticleRepository::trashedIds() const
{
    QList<qint64> ids;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT id FROM articles WHERE trashed_at IS NOT NULL ORDER BY id"_s)) {
        fail(u"cannot read the trash"_s, query.lastError().text());
        return ids;
    }
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

LibraryCounts ArticleRepository::counts() const
{
    LibraryCounts counts;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    // Each count from its own partial index: nothing here reads the articles themselves.
    const auto countOf = [&query](const QString &condition) {
        return query.exec(u"SELECT count(*) FROM articles "_s + condition) && query.next()
                   ? query.value(0).toInt()
                   : 0;
    };
    // (SQLite does not tell the partial indexes apart without statistics: each query names its own.)
    counts.all = countOf(u"INDEXED BY articles_listed WHERE trashed_at IS NULL"_s);
    counts.unread = countOf(u"INDEXED BY articles_unread WHERE read_at IS NULL AND trashed_at IS NULL"_s);
    counts.starred = countOf(u"INDEXED BY articles_starred WHERE starred = 1 AND trashed_at IS NULL"_s);
    counts.trash = countOf(u"INDEXED BY articles_trashed WHERE trashed_at IS NOT NULL"_s);
    QHash<QString, int> byStatus;
    if (query.exec(
            u"SELECT status, count(*) FROM articles INDEXED BY articles_status WHERE trashed_at IS NULL "
            "GROUP BY status"_s)) {
        while (query.next())
            byStatus.insert(query.value(0).toString(), query.value(1).toInt());
    }
    for (const ArticleStatus status : allStatuses())
        counts.statuses.append({statusToString(status), byStatus.value(statusToString(status))});
    if (query.exec(u"SELECT min(section), count(*) FROM articles INDEXED BY articles_section "
                   "WHERE section <> '' AND trashed_at IS NULL "
                   "GROUP BY section COLLATE NOCASE ORDER BY section COLLATE NOCASE"_s)) {
        while (query.next())
            counts.sections.append({query.value(0).toString(), query.value(1).toInt()});
    }
    // The sources most read from, by name; a long tail of one-off sites would bury the sidebar.
    if (query.exec(u"SELECT min(source_name), count(*) AS n FROM articles INDEXED BY articles_source_name "
                   "WHERE trashed_at IS NULL "
                   "AND source_name <> '' GROUP BY source_name COLLATE NOCASE ORDER BY n DESC, "
                   "min(source_name) COLLATE NOCASE LIMIT %1"_s.arg(LibraryCounts::MostSources))) {
        while (query.next())
            counts.sources.append({query.value(0).toString(), query.value(1).toInt()});
    }
    if (query.lastError().isValid())
        fail(u"cannot count the articles"_s, query.lastError().text());
    counts.tags = tagCounts();
    return counts;
}

bool ArticleRepository::renameTag(const QString &from, const QString &to)
{
    const QString name = to.trimmed();
    if (refuseWrite())
        return false;
    if (name.isEmpty())
        return fail(u"cannot rename the tag \"%1\""_s.arg(from), u"a tag needs a name"_s);
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db, Transaction::Kind::Immediate);
    if (!transaction.isActive())
        return fail(u"cannot start a transaction"_s, db.lastError().text());
    QSqlQuery query(db);
    const auto tagId = [&query](const QString &tag) -> qint64 {
        query.prepare(u"SELECT id FROM tags WHERE name = ?"_s); // the column compares without case
        query.addBindValue(tag);
        return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
    };
    const qint64 fromId = tagId(from);
    if (fromId == 0)
        return fail(u"cannot rename the tag \"%1\""_s.arg(from), u"no article has it"_s);
    const qint64 toId = tagId(name);
    if (toId == 0 || toId == fromId) {
        // A new name (or the same name spelled differently: "eu" becomes "EU").
        query.prepare(u"UPDATE tags SET name = ? WHERE id = ?"_s);
        query.addBindValue(name);
        query.addBindValue(fromId);
        if (!query.exec())
            return fail(u"cannot rename the tag \"%1\""_s.arg(from), query.lastError().text());
    } else {
        // The name of another tag: the two become one, each article keeping it once, where it had it.
        for (const QString &sql :
             {u"INSERT INTO article_tags (article_id, tag_id, position) SELECT article_id, ?, position "
              "FROM article_tags WHERE tag_id = ? ON CONFLICT DO NOTHING"_s,
              u"DELETE FROM article_tags WHERE tag_id = ?"_s, u"DELETE FROM tags WHERE id = ?"_s}) {
            query.prepare(sql);
            if (sql.startsWith(u"INSERT"_s))
                query.addBindValue(toId);
            query.addBindValue(fromId);
            if (!query.exec())
                return fail(u"cannot merge the tag \"%1\" into \"%2\""_s.arg(from, name),
                            query.lastError().text());
        }
    }
    return transaction.commit() || fail(u"cannot rename the tag \"%1\""_s.arg(from), db.lastError().text());
}

QList<SavedSearch> ArticleRepository::savedSearches() const
{
    QList<SavedSearch> searches;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT name, query, filter FROM saved_searches ORDER BY position, name"_s)) {
        fail(u"cannot read the saved searches"_s, query.lastError().text());
        return searches;
    }
    while (query.next())
        searches.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
    return searches;
}

bool ArticleRepository::saveSearch(const SavedSearch &search)
{
    if (refuseWrite())
        return false;
    if (search.name.trimmed().isEmpty())
        return fail(u"cannot save the search"_s, u"a saved search needs a name"_s);
    QSqlQuery query(m_database.connection());
    // The same name again replaces the search kept under it.
    query.prepare(u"INSERT INTO saved_searches (name, query, filter, position, created_at) VALUES "
                  "(?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM saved_searches), ?) "
                  "ON CONFLICT (name) DO UPDATE SET query = excluded.query, filter = excluded.filter"_s);
    query.addBindValue(search.name.trimmed());
    query.addBindValue(Sql::text(search.query));
    query.addBindValue(search.filter.isEmpty() ? u"{}"_s : search.filter);
    query.addBindValue(toStorageTime(QDateTime::currentDateTimeUtc()));
    return query.exec() ||
           fail(u"cannot save the search \"%1\""_s.arg(search.name), query.lastError().text());
}

bool ArticleRepository::removeSavedSearch(const QString &name)
{
    if (refuseWrite())
        return false;
    QSqlQuery query(m_database.connection());
    query.prepare(u"DELETE FROM saved_searches WHERE name = ?"_s);
    query.addBindValue(name);
    if (!query.exec())
        return fail(u"cannot remove the saved search \"%1\""_s.arg(name), query.lastError().text());
    return query.numRowsAffected() == 1 ||
           fail(u"cannot remove the saved search \"%1\""_s.arg(name), u"there is none by that name"_s);
}

QList<std::pair<QString, int>> ArticleRepository::tagCounts() const
{
    QList<std::pair<QString, int>> counts;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT t.name, count(*) FROM tags t JOIN article_tags at ON at.tag_id = t.id "
                    "WHERE at.article_id NOT IN (SELECT id FROM articles INDEXED BY articles_trashed "
                    "WHERE trashed_at IS NOT NULL) GROUP BY t.id ORDER BY t.name COLLATE NOCASE"_s)) {
        fail(u"cannot count the tags"_s, query.lastError().text());
        return counts;
    }
    while (query.next())
        counts.append({query.value(0).toString(), query.value(1).toInt()});
    return counts;
}

std::optional<QHash<qint64, QStringList>> ArticleRepository::tagListsWith(const QString &tag) const
{
    QHash<qint64, QStringList> lists;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(u"SELECT at.article_id, (SELECT group_concat(o.name, char(31)) FROM (SELECT t2.name FROM "
                  u"article_tags "
                  "at2 JOIN tags t2 ON t2.id = at2.tag_id WHERE at2.article_id = at.article_id ORDER BY "
                  "at2.position) o) "
                  "FROM tags t JOIN article_tags at ON at.tag_id = t.id WHERE t.name = ?"_s);
    query.addBindValue(tag);
    if (!query.exec()) {
        fail(u"cannot read the articles tagged \"%1\""_s.arg(tag), query.lastError().text());
        return std::nullopt;
    }
    while (query.next())
        lists.insert(query.value(0).toLongLong(), query.value(1).toString().split(QChar(31)));
    if (query.lastError().isValid()) {
        fail(u"cannot read the articles tagged \"%1\""_s.arg(tag), query.lastError().text());
        return std::nullopt;
    }
    return lists;
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
        // The newest articles' bylines, from the list's index: sorting a whole library by its updated time to
        // find them took a third of a second at 100,000 articles, before the window could show.
        u"SELECT DISTINCT byline FROM (SELECT byline FROM articles INDEXED BY articles_listed WHERE "
        u"trashed_at IS NULL "
        "ORDER BY created_at DESC, id DESC LIMIT 1000) WHERE byline <> ''"_s);
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
