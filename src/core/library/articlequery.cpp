#include <library/articlequery.h>

#include <library/searchindex.h>
#include <library/searchlanguage.h>
#include <library/sqlsupport.h>

#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

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

namespace {

// What the rows of a query are read from and the conditions they meet, with their values in order.
struct Selection
{
    QString from = u"articles a"_s;
    QString id = u"a.id"_s; // the article id in what the rows are read from
    QStringList conditions;
    QVariantList values;
    QString match;     // the FTS query of the words; empty: no words
    QString rankMatch; // the same, for ranking (SearchLanguage::rankMatch)
    bool nothingToFind = false;

    QString where() const
    {
        return conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s);
    }
};

Selection selectionOf(const ArticleQuery &query)
{
    Selection result;
    QStringList &conditions = result.conditions;
    if (query.hasText()) {
        const SearchLanguage search = SearchLanguage::parse(query.text, query.typingWord);
        if (search.isEmpty()) {
            result.nothingToFind = true;
            return result;
        }
        if (!search.match.isEmpty()) {
            result.from = SearchIndex::matchingFrom();
            conditions.append(SearchIndex::matchingCondition());
            result.values.append(search.match);
            result.match = search.match;
            result.rankMatch = search.rankMatch;
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
        const QString tag =
            u"a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id "
            "WHERE t.name = ? COLLATE NOCASE)"_s;
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
        // The articles with the tag, from the tag's side (its index), not a look at every article.
        conditions.append(
            u"a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id "
            "WHERE t.name = ?)"_s);
        result.values.append(tag);
    }
    if (!query.source.isEmpty()) {
        conditions.append(u"(a.source_name LIKE ? OR a.source_url LIKE ?)"_s);
        result.values << u'%' + query.source + u'%' << u'%' + query.source + u'%';
    }
    // A search ranked by relevance reads its matches from the index in id order: whether each is starred
    // or unread is asked of a small index by id, not of the article's row (see the idsOnly case below).
    const bool rankedMatches =
        !result.match.isEmpty() && query.effectiveOrder() == ArticleQuery::Order::BestMatch && !query.trashed;
    if (query.starredOnly) {
        conditions.append(rankedMatches ? u"EXISTS (SELECT 1 FROM articles u INDEXED BY articles_starred_ids "
                                          "WHERE u.id = a.id AND u.starred = 1 AND u.trashed_at IS NULL)"_s
                                        : u"a.starred = 1"_s);
    }
    if (query.unreadOnly) {
        conditions.append(rankedMatches
                              ? u"EXISTS (SELECT 1 FROM articles u INDEXED BY articles_unread_ids "
                                "WHERE u.id = a.id AND u.read_at IS NULL AND u.trashed_at IS NULL)"_s
                              : u"a.read_at IS NULL"_s);
    }
    if (query.createdFrom.isValid()) {
        conditions.append(u"a.created_at >= ?"_s);
        result.values.append(toStorageTime(query.createdFrom));
    }
    if (query.createdBefore.isValid()) {
        conditions.append(u"a.created_at < ?"_s);
        result.values.append(toStorageTime(query.createdBefore));
    }
    if (!result.match.isEmpty() && query.effectiveOrder() == ArticleQuery::Order::BestMatch) {
        // A search that filters on nothing but ids (tags, exclusions, unread, starred, the trash) reads the
        // index alone: looking up each match's article only to learn it is not in the trash cost more than
        // ranking.
        static const QRegularExpression articleColumn(u"\\ba\\.(?!id\\b)"_s);
        const bool idsOnly =
            std::none_of(conditions.cbegin(), conditions.cend(),
                         [](const QString &condition) { return articleColumn.match(condition).hasMatch(); });
        if (idsOnly) {
            result.from = u"article_stems s"_s;
            result.id = u"s.rowid"_s;
            for (QString &condition : conditions)
                condition.replace(u"a.id"_s, result.id);
        }
        conditions.append(
            result.id + (query.trashed ? u" IN "_s : u" NOT IN "_s) +
            u"(SELECT id FROM articles INDEXED BY articles_trashed WHERE trashed_at IS NOT NULL)"_s);
        return result;
    }
    if (!result.match.isEmpty()) { // ordered by the articles' own columns
        conditions.append(query.trashed ? u"a.trashed_at IS NOT NULL"_s : u"a.trashed_at IS NULL"_s);
        return result;
    }
    conditions.append(query.trashed ? u"a.trashed_at IS NOT NULL"_s : u"a.trashed_at IS NULL"_s);
    // Each filter has its index, partial on what it filters and in the list's order. SQLite does not tell
    // them apart without statistics (it took one that made the unread filter read every article), so the
    // query names the one for its first filter.
    QString index;
    if (query.trashed)
        index = u"articles_trashed"_s;
    else if (query.unreadOnly)
        index = u"articles_unread"_s;
    else if (query.starredOnly)
        index = u"articles_starred"_s;
    else if (query.status)
        index = u"articles_status"_s;
    else if (!query.section.isEmpty())
        index = u"articles_section"_s;
    else if (query.effectiveOrder() == ArticleQuery::Order::Headline)
        index = u"articles_headline"_s;
    else if (query.effectiveOrder() == ArticleQuery::Order::Longest)
        index = u"articles_length"_s;
    else if (query.effectiveOrder() == ArticleQuery::Order::Section)
        index = u"articles_section"_s;
    else if (query.effectiveOrder() == ArticleQuery::Order::Status)
        index = u"articles_status"_s;
    else
        index = u"articles_listed"_s; // with a tag: the newest first until a page of them is found
    result.from = u"articles a INDEXED BY "_s + index;
    return result;
}

// One key of an order: ascending unless descending. A page counted from the end reads the order reversed.
struct OrderKey
{
    QString expression;
    bool descending = false;
};

QString orderBy(const QList<OrderKey> &keys, bool reversed)
{
    QStringList terms;
    for (const OrderKey &key : keys)
        terms.append(key.expression + (key.descending != reversed ? u" DESC"_s : u" ASC"_s));
    return terms.join(u", "_s);
}

// Every order ends on the article id, so that it is total: a page read from the end is the exact mirror.
QList<OrderKey> orderKeys(ArticleQuery::Order order)
{
    const OrderKey newest{u"a.created_at"_s, true};
    const OrderKey newestId{u"a.id"_s, true};
    switch (order) {
    case ArticleQuery::Order::Newest:
    case ArticleQuery::Order::BestMatch: // without words to rank by
        return {newest, newestId};
    case ArticleQuery::Order::Headline:
        return {{u"a.headline COLLATE NOCASE"_s, false}, {u"a.id"_s, false}};
    case ArticleQuery::Order::Section:
        return {{u"a.section COLLATE NOCASE"_s, false}, newest, newestId};
    case ArticleQuery::Order::Status:
        return {{u"a.status"_s, false}, newest, newestId};
    case ArticleQuery::Order::Longest:
        return {{u"a.word_count"_s, true}, newestId};
    }
    return {newest, newestId};
}

} // namespace

QString articleMatch(const ArticleQuery &query)
{
    return query.hasText() ? selectionOf(query).match : QString();
}

bool hasWords(const ArticleQuery &query)
{
    return !articleMatch(query).isEmpty();
}

bool isRankedSearch(const ArticleQuery &query)
{
    return query.effectiveOrder() == ArticleQuery::Order::BestMatch && hasWords(query);
}

bool pagesByKeyset(const ArticleQuery &query)
{
    return !query.hasText() && query.effectiveOrder() == ArticleQuery::Order::Newest;
}

ArticleQuerySql articleCountSql(const ArticleQuery &query, const QString &extraCondition,
                                const QVariantList &extraValues)
{
    Selection selection = selectionOf(query);
    if (!extraCondition.isEmpty()) {
        selection.conditions.append(extraCondition);
        selection.values.append(extraValues);
    }
    ArticleQuerySql result;
    result.nothingToFind = selection.nothingToFind;
    result.match = selection.match;
    result.sql = u"SELECT count(*) FROM %1%2"_s.arg(selection.from, selection.where());
    result.values = selection.values;
    return result;
}

ArticleQuerySql articlePageSql(const ArticleQuery &query, QLatin1StringView columns, const PageRequest &page)
{
    Selection selection = selectionOf(query);
    ArticleQuerySql result;
    result.nothingToFind = selection.nothingToFind;
    result.match = selection.match;
    result.rankMatch = selection.rankMatch;
    if (selection.nothingToFind)
        return result;

    if (page.part == PageRequest::Part::Ranked) {
        // The newest candidates stream from the index in its order, unscored; the caller ranks them
        // (offset and limit are its business).
        result.sql = u"SELECT s.rowid%1 FROM %2%3 ORDER BY s.rowid DESC LIMIT %4"_s
                         .arg(page.scored ? u", "_s + SearchIndex::rankScore() : QString(), selection.from,
                              selection.where())
                         .arg(PageRequest::RankedCandidates);
        result.values = selection.values;
        return result;
    }

    QString order;
    if (page.part == PageRequest::Part::Rest)
        order = orderBy({{u"s.rowid"_s, true}}, page.fromEnd);
    else
        order = orderBy(orderKeys(query.effectiveOrder()), page.fromEnd);
    if (!page.afterCreatedAt.isEmpty() && !page.fromEnd) {
        selection.conditions.append(SqlDialect::rowBefore(u"a.created_at"_s, u"a.id"_s));
        selection.values << page.afterCreatedAt << page.afterId;
    }
    // With words, the ids alone: the rows follow for the ids of the page.
    result.sql = u"SELECT %1 FROM %2%3 ORDER BY %4 LIMIT ? OFFSET ?"_s.arg(
        selection.match.isEmpty() ? QString(columns) : selection.id, selection.from, selection.where(),
        order);
    result.values = selection.values;
    result.values << page.limit << page.offset;
    return result;
}

} // namespace Copydesk
