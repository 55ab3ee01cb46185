// ArticleRepository's reading of lists: a page of any ArticleQuery (its filters, order and search words),
// how many rows it lists and where an article stands in it, a ranked search's candidates, snippets, and one
// article's summary. The statements themselves are in articlequery.cpp.

#include <library/articlerepository.h>

#include <library/articlequery.h>
#include <library/librarydatabase.h>
#include <library/searchlanguage.h>
#include <library/sqlitestatement.h>
#include <library/sqlsupport.h>

#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Copydesk {

QList<ArticleSummary> ArticleRepository::find(const ArticleQuery &articleQuery, const ListCursor &after,
                                              int offset, int limit) const
{
    return findRows(articleQuery, offset, limit, -1, after);
}

std::optional<int> ArticleRepository::positionOf(const ArticleQuery &articleQuery, qint64 id) const
{
    const std::optional<ArticleSummary> article = summary(id);
    if (!article || !pagesByKeyset(articleQuery) || countRows(articleQuery, u"a.id = ?"_s, {id}) != 1)
        return std::nullopt;
    const int before =
        countRows(articleQuery, u"(a.created_at, a.id) > (?, ?)"_s, {toStorageTime(article->createdAt), id});
    return before < 0 ? std::nullopt : std::optional<int>(before);
}

ArticleQuery ArticleRepository::settled(const ArticleQuery &query) const
{
    if (query.typingWord != SearchLanguage::TypingWord::Undecided)
        return query;
    ArticleQuery result = query;
    result.typingWord = SearchLanguage::TypingWord::AsPrefix;
    const QString term = query.hasText() ? SearchLanguage::parse(query.text).typingTerm : QString();
    if (term.isEmpty())
        return result;
    // In the exact index: a stem is often a word cut short ("minist" for minister), which must stay a
    // prefix (of ministry too) until the word is typed.
    QSqlQuery lookup(m_database.connection());
    lookup.setForwardOnly(true);
    lookup.prepare(u"SELECT rowid FROM article_search WHERE article_search MATCH ? LIMIT 1"_s);
    lookup.addBindValue(term);
    if (lookup.exec() && lookup.next())
        result.typingWord = SearchLanguage::TypingWord::AsWord;
    return result;
}

int ArticleRepository::countRows(const ArticleQuery &typedQuery, const QString &extraCondition,
                                 const QVariantList &extraValues) const
{
    const ArticleQuery articleQuery = settled(typedQuery);
    const ArticleQuerySql sql = articleCountSql(articleQuery, extraCondition, extraValues);
    if (sql.nothingToFind)
        return 0;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(sql.sql);
    for (const QVariant &value : sql.values)
        query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        fail(u"cannot count the articles"_s, query.lastError().text());
        return -1;
    }
    return query.value(0).toInt();
}

QList<ArticleSummary> ArticleRepository::findRows(const ArticleQuery &query, int first, int count, int total,
                                                  const ListCursor &after, int snippetRows) const
{
    return findPage(query, first, count, total, after, snippetRows).toList();
}

ArticlePage ArticleRepository::findPage(const ArticleQuery &typedQuery, int first, int count, int total,
                                        const ListCursor &after, int snippetRows) const
{
    ArticlePage rows;
    int end = first + count;
    if (total >= 0)
        end = std::min(end, total);
    if (first < 0 || end <= first)
        return rows;
    const ArticleQuery articleQuery = settled(typedQuery);
    const bool words = hasWords(articleQuery);
    // With search words the pages are read in two steps: the ids in order first, then the rows and their
    // snippets. In one step SQLite would make a snippet of every match before sorting them.
    const QLatin1StringView columns = words ? "a.id"_L1 : ArticlePage::columns();

    // The parts of the order the rows lie in, each read from its nearer end.
    struct Segment
    {
        PageRequest::Part part;
        int from;
        int to;
        int partEnd; // where the part ends, if known (-1)
    };
    QList<Segment> segments;
    if (isRankedSearch(articleQuery)) {
        const int candidates =
            total >= 0 ? std::min(PageRequest::RankedCandidates, total) : PageRequest::RankedCandidates;
        if (first < candidates)
            segments.append({PageRequest::Part::Ranked, first, std::min(end, candidates), candidates});
        if (end > candidates)
            segments.append({PageRequest::Part::Rest, std::max(first, candidates), end, total});
    } else {
        segments.append({PageRequest::Part::Whole, first, end, total});
    }

    QList<qint64> ids;
    for (const Segment &segment : segments) {
        PageRequest page;
        page.part = segment.part;
        page.limit = segment.to - segment.from;
        page.offset = segment.from;
        if (segment.partEnd >= 0 && segment.partEnd - segment.to < segment.from) {
            page.fromEnd = true;
            page.offset = segment.partEnd - segment.to;
        } else if (!after.createdAt.isEmpty() && segment.part == PageRequest::Part::Whole &&
                   pagesByKeyset(articleQuery)) {
            page.offset = 0;
            page.afterCreatedAt = after.createdAt;
            page.afterId = after.id;
        }
        if (segment.part == PageRequest::Part::Ranked) {
            const std::optional<QList<qint64>> ranked = rankedCandidates(articleQuery);
            if (!ranked)
                return rows;
            QList<qint64> part = ranked->mid(segment.from, segment.to - segment.from);
            ids.append(part);
            continue;
        }
        const ArticleQuerySql sql = articlePageSql(articleQuery, columns, page);
        if (sql.nothingToFind)
            return rows;
        SqliteStatement query(m_database.connection(), sql.sql);
        if (!query.exec(sql.values)) {
            fail(articleQuery.hasText() ? u"cannot search for \"%1\""_s.arg(articleQuery.text)
                                        : u"cannot list the articles"_s,
                 query.error());
            return rows;
        }
        ArticlePage part;
        part.reserve(words ? 0 : page.limit);
        QList<qint64> partIds;
        while (query.next()) {
            if (words)
                partIds.append(query.integer(0));
            else
                part.appendRow(query);
        }
        // A damaged page ends the rows early: that is an error to report, not the end of the list.
        if (!query.error().isEmpty()) {
            fail(u"cannot list all the articles"_s, query.error());
            return rows;
        }
        if (page.fromEnd) {
            part.reverse();
            std::reverse(partIds.begin(), partIds.end());
        }
        rows.append(part);
        ids.append(partIds);
    }
    if (words)
        rows = summariesWithSnippets(ids, articleMatch(articleQuery), snippetRows);
    return rows;
}

QSqlQuery ArticleRepository::execute(const ArticleQuerySql &sql, const ArticleQuery &articleQuery) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(sql.sql);
    for (const QVariant &value : sql.values)
        query.addBindValue(value);
    if (!query.exec())
        fail(articleQuery.hasText() ? u"cannot search for \"%1\""_s.arg(articleQuery.text)
                                    : u"cannot list the articles"_s,
             query.lastError().text());
    return query;
}

std::optional<QList<qint64>> ArticleRepository::rankedCandidates(const ArticleQuery &articleQuery) const
{
    // Kept from the last call while the library is as it was then (see RankedCache).
    const QSqlDatabase connection = m_database.connection();
    sqlite3 *handle = sqliteHandle(connection);
    const qint64 totalChanges = handle ? sqlite3_total_changes64(handle) : -1;
    const qint64 dataVersion = m_database.dataVersion();
    {
        const QMutexLocker lock(&m_rankedCacheMutex);
        if (m_rankedCache && totalChanges >= 0 && dataVersion >= 0 && m_rankedCache->query == articleQuery &&
            m_rankedCache->connection == connection.connectionName() &&
            m_rankedCache->dataVersion == dataVersion && m_rankedCache->totalChanges == totalChanges)
            return m_rankedCache->ids;
    }
    std::optional<QList<qint64>> ranked = rankCandidates(articleQuery);
    if (ranked) {
        const QMutexLocker lock(&m_rankedCacheMutex);
        m_rankedCache =
            RankedCache{articleQuery, connection.connectionName(), dataVersion, totalChanges, *ranked};
    }
    return ranked;
}

std::optional<QList<qint64>> ArticleRepository::rankCandidates(const ArticleQuery &articleQuery) const
{
    // The newest matches of the stemmed index, then ranked here.
    PageRequest page;
    page.part = PageRequest::Part::Ranked;
    ArticleQuerySql sql = articlePageSql(articleQuery, "a.id"_L1, page);
    page.scored = sql.match == sql.rankMatch;
    if (page.scored)
        sql = articlePageSql(articleQuery, "a.id"_L1, page);
    QSqlQuery query = execute(sql, articleQuery);
    if (!query.isActive())
        return std::nullopt;
    struct Candidate
    {
        qint64 id;
        double score = std::numeric_limits<double>::infinity(); // matched by a prefix alone: last
        bool exact = false;
    };
    QList<Candidate> candidates;
    QHash<qint64, qsizetype> position;
    while (query.next()) {
        position.insert(query.value(0).toLongLong(), candidates.size());
        candidates.append(Candidate{query.value(0).toLongLong()});
        if (page.scored)
            candidates.last().score = query.value(1).toDouble();
    }
    if (query.lastError().isValid()) {
        fail(u"cannot search for \"%1\""_s.arg(articleQuery.text), query.lastError().text());
        return std::nullopt;
    }
    if (candidates.isEmpty())
        return QList<qint64>();
    // Scores (bm25 of the stemmed index; read with the candidates unless a word is still a prefix) and the
    // exact index's matches, each in one pass over the candidates' span of ids.
    const QVariant first = candidates.constLast().id;
    const QVariant last = candidates.constFirst().id;
    if (!page.scored) {
        QSqlQuery scores(m_database.connection());
        scores.setForwardOnly(true);
        scores.prepare(
            u"SELECT rowid, %1 FROM article_stems WHERE article_stems MATCH ? AND rowid BETWEEN ? AND ?"_s
                .arg(SearchIndex::rankScore()));
        scores.addBindValue(sql.rankMatch);
        scores.addBindValue(first);
        scores.addBindValue(last);
        if (scores.exec()) {
            while (scores.next()) {
                if (const auto at = position.constFind(scores.value(0).toLongLong()); at != position.cend())
                    candidates[*at].score = scores.value(1).toDouble();
            }
        }
    }
    // Those with the words as typed come first.
    QSqlQuery exact(m_database.connection());
    exact.setForwardOnly(true);
    exact.prepare(
        u"SELECT rowid FROM article_search WHERE article_search MATCH ? AND rowid BETWEEN ? AND ?"_s);
    exact.addBindValue(sql.rankMatch);
    exact.addBindValue(first);
    exact.addBindValue(last);
    if (exact.exec()) {
        while (exact.next()) {
            if (const auto at = position.constFind(exact.value(0).toLongLong()); at != position.cend())
                candidates[*at].exact = true;
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        if (a.exact != b.exact)
            return a.exact;
        if (a.score != b.score)
            return a.score < b.score;
        return a.id > b.id;
    });
    QList<qint64> ids;
    ids.reserve(candidates.size());
    for (const Candidate &candidate : std::as_const(candidates))
        ids.append(candidate.id);
    return ids;
}

ArticlePage ArticleRepository::summariesWithSnippets(const QList<qint64> &ids, const QString &match,
                                                     int snippetRows) const
{
    ArticlePage rows;
    if (ids.isEmpty())
        return rows;
    const QStringList placeholders(ids.size(), u"?"_s);
    SqliteStatement query(m_database.connection(), u"SELECT %1 FROM articles a WHERE a.id IN (%2)"_s.arg(
                                                       ArticlePage::columns(), placeholders.join(u", "_s)));
    QVariantList values;
    values.reserve(ids.size());
    for (const qint64 id : ids)
        values.append(id);
    if (!query.exec(values)) {
        fail(u"cannot read the articles found"_s, query.error());
        return rows;
    }
    ArticlePage found;
    found.reserve(ids.size());
    while (query.next())
        found.appendRow(query);
    if (!query.error().isEmpty()) {
        fail(u"cannot read the articles found"_s, query.error());
        return rows;
    }
    return found.inOrderOf(ids, snippets(match, ids.mid(0, std::max(0, snippetRows))));
}

QHash<qint64, QString> ArticleRepository::snippets(const QString &match, const QList<qint64> &ids) const
{
    // A snippet reads the whole article again: only for the rows on screen, not for every row of a page.
    QHash<qint64, QString> result;
    if (ids.isEmpty() || match.isEmpty())
        return result;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    // One pass of the full-text query over the span of these ids; given the ids themselves, SQLite would
    // run the query again for each (a prefix query costs milliseconds every time).
    const QStringList placeholders(ids.size(), u"?"_s);
    query.prepare(
        u"SELECT s.rowid, %1 FROM article_stems s WHERE article_stems MATCH ? AND s.rowid BETWEEN ? AND ? "
        "AND +s.rowid IN (%2)"_s.arg(SearchIndex::snippetColumn(), placeholders.join(u", "_s)));
    query.addBindValue(match);
    query.addBindValue(*std::min_element(ids.cbegin(), ids.cend()));
    query.addBindValue(*std::max_element(ids.cbegin(), ids.cend()));
    for (const qint64 id : ids)
        query.addBindValue(id);
    if (!query.exec()) {
        fail(u"cannot read the snippets"_s, query.lastError().text());
        return result;
    }
    while (query.next())
        result.insert(query.value(0).toLongLong(), query.value(1).toString());
    for (const qint64 id : ids) {
        if (!result.contains(id))
            result.insert(id, u""_s); // read: no snippet
    }
    return result;
}

QList<ArticleSummary> ArticleRepository::listNewest(const ListCursor &after, int limit) const
{
    return find(ArticleQuery(), after, 0, limit);
}

QList<ArticleSummary> ArticleRepository::search(const QString &userQuery, int offset, int limit) const
{
    if (SearchLanguage::parse(userQuery).isEmpty())
        return {}; // nothing to search for finds nothing (find() would list everything)
    ArticleQuery query;
    query.text = userQuery;
    return find(query, {}, offset, limit);
}

std::optional<ArticleSummary> ArticleRepository::summary(qint64 id) const
{
    SqliteStatement query(m_database.connection(),
                          u"SELECT %1 FROM articles a WHERE a.id = ?"_s.arg(ArticlePage::columns()));
    if (!query.exec({id}) || !query.next())
        return std::nullopt;
    ArticlePage page;
    page.appendRow(query);
    return page.at(0);
}

} // namespace Copydesk
