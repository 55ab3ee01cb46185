#include <library/articlequery.h>

#include <library/searchindex.h>
#include <library/searchlanguage.h>
#include <library/sqlsupport.h>

#include <QTimeZone>

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
    bool ranked = false;
    bool rankValue = false; // the rank order binds the FTS query once more
    QString matchValue;
    if (query.hasText()) {
        const SearchLanguage search = SearchLanguage::parse(query.text);
        if (search.isEmpty()) {
            result.nothingToFind = true;
            return result;
        }
        if (!search.match.isEmpty()) {
            from = SearchIndex::matchingFrom();
            conditions.append(SearchIndex::matchingCondition());
            result.values.append(search.match);
            matchValue = search.match;
            result.withSnippet = true;
            ranked = true;
        }
        for (const QString &excluded : search.excludedMatches) {
            conditions.append(u"a.id NOT IN (SELECT rowid FROM article_stems WHERE article_stems MATCH ?)"_s);
            result.values.append(excluded);
        }
        const auto anyOf = [&](const QStringList &values, const QString &one, int placeholders,
                               bool negated) {
            if (values.isEmpty())
                return;
            QStringList alternatives;
            for (const QString &value : values) {
                alternatives << one;
                for (int i = 0; i < placeholders; ++i)
                    result.values.append(one.contains(u"LIKE"_s) ? u'%' + value + u'%' : value);
            }
            conditions.append((negated ? u"NOT ("_s : u"("_s) + alternatives.join(u" OR "_s) + u')');
        };
        const QString section = u"a.section = ? COLLATE NOCASE"_s;
        const QString status = u"a.status = ?"_s;
        const QString source = u"(a.source_name LIKE ? OR a.source_url LIKE ?)"_s;
        const QString tag = u"EXISTS (SELECT 1 FROM article_tags at JOIN tags t ON t.id = at.tag_id "
                            "WHERE at.article_id = a.id AND t.name = ? COLLATE NOCASE)"_s;
        anyOf(search.sections, section, 1, false);
        anyOf(search.notSections, section, 1, true);
        anyOf(search.statuses, status, 1, false);
        anyOf(search.notStatuses, status, 1, true);
        anyOf(search.sources, source, 2, false);
        anyOf(search.notSources, source, 2, true);
        for (const QString &name : search.tags)
            anyOf({name}, tag, 1, false); // every tag asked for
        anyOf(search.notTags, tag, 1, true);
        const QString articleDate = u"COALESCE(a.published_at, a.created_at)"_s;
        if (search.before.isValid()) {
            conditions.append(articleDate + u" < ?"_s);
            result.values.append(toStorageTime(QDateTime(search.before, QTime(0, 0), Qt::UTC)));
        }
        if (search.after.isValid()) {
            conditions.append(articleDate + u" >= ?"_s);
            result.values.append(toStorageTime(QDateTime(search.after.addDays(1), QTime(0, 0), Qt::UTC)));
        }
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
    if (!query.source.isEmpty()) {
        conditions.append(u"(a.source_name LIKE ? OR a.source_url LIKE ?)"_s);
        result.values << u'%' + query.source + u'%' << u'%' + query.source + u'%';
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
        // Filters without words to rank by: newest first, paged by offset like the other orders.
        order = ranked ? SearchIndex::rankOrder() : u"a.created_at DESC, a.id DESC"_s;
        rankValue = ranked;
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
    if (rankValue)
        result.values.append(matchValue);
    result.values.append(limit);
    if (byOffset) {
        result.sql += u" OFFSET ?"_s;
        result.values.append(offset);
    }
    return result;
}

} // namespace Copydesk
