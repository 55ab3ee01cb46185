#include <library/articlequery.h>

#include <library/searchindex.h>
#include <library/sqlsupport.h>

using namespace Qt::StringLiterals;

namespace Copydesk {

bool ArticleQuery::hasText() const
{
    return !text.trimmed().isEmpty();
}

ArticleQuery::Order ArticleQuery::effectiveOrder() const
{
    const Order chosen = order.value_or(hasText() ? Order::BestMatch : Order::Newest);
    return chosen == Order::BestMatch && !hasText() ? Order::Newest : chosen;
}

ArticleQuerySql articleQuerySql(const ArticleQuery &query, QLatin1StringView columns,
                                const QString &afterCreatedAt, qint64 afterId, int offset, int limit)
{
    ArticleQuerySql result;
    QStringList conditions;
    QString from = u"articles a"_s;
    if (query.hasText()) {
        const QString match = SearchIndex::ftsQuery(query.text);
        if (match.isEmpty()) {
            result.nothingToFind = true;
            return result;
        }
        from = SearchIndex::matchingFrom();
        conditions.append(SearchIndex::matchingCondition());
        result.values.append(match);
        result.withSnippet = true;
    }
    if (query.status) {
        conditions.append(u"a.status = ?"_s);
        result.values.append(statusToString(*query.status));
    }
    if (!query.section.isEmpty()) {
        conditions.append(u"a.section = ? COLLATE NOCASE"_s);
        result.values.append(query.section);
    }
    for (const QString &tag : query.tags) {
        conditions.append(u"EXISTS (SELECT 1 FROM article_tags at JOIN tags t ON t.id = at.tag_id "
                          "WHERE at.article_id = a.id AND t.name = ?)"_s);
        result.values.append(tag);
    }
    if (query.starredOnly)
        conditions.append(u"a.starred = 1"_s);
    if (query.unreadOnly)
        conditions.append(u"a.read_at IS NULL"_s);
    if (query.createdFrom.isValid()) {
        conditions.append(u"a.created_at >= ?"_s);
        result.values.append(toStorageTime(query.createdFrom));
    }
    if (query.createdBefore.isValid()) {
        conditions.append(u"a.created_at < ?"_s);
        result.values.append(toStorageTime(query.createdBefore));
    }

    QString order;
    bool byOffset = true;
    switch (query.effectiveOrder()) {
    case ArticleQuery::Order::Newest:
        order = u"a.created_at DESC, a.id DESC"_s;
        byOffset = false;
        if (!afterCreatedAt.isEmpty()) {
            conditions.append(SqlDialect::rowBefore(u"a.created_at"_s, u"a.id"_s));
            result.values << afterCreatedAt << afterId;
        }
        break;
    case ArticleQuery::Order::BestMatch:
        order = SearchIndex::rankOrder();
        break;
    case ArticleQuery::Order::Headline:
        order = u"a.headline COLLATE NOCASE, a.id"_s;
        break;
    case ArticleQuery::Order::Section:
        order = u"a.section COLLATE NOCASE, a.created_at DESC, a.id DESC"_s;
        break;
    case ArticleQuery::Order::Status:
        order = u"a.status, a.created_at DESC, a.id DESC"_s;
        break;
    case ArticleQuery::Order::Longest:
        order = u"a.word_count DESC, a.id DESC"_s;
        break;
    }
    result.sql = u"SELECT %1%2 FROM %3%4 ORDER BY %5 LIMIT ?"_s.arg(
        columns, result.withSnippet ? u", "_s + SearchIndex::snippetColumn() : QString(), from,
        conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s), order);
    result.values.append(limit);
    if (byOffset) {
        result.sql += u" OFFSET ?"_s;
        result.values.append(offset);
    }
    return result;
}

} // namespace Copydesk
