#pragma once

#include <model/article.h>

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace Copydesk {

// What a list of articles shows: search text, filters and order. The window's list, `copydesk list` and
// `copydesk search` all go through it; a default ArticleQuery is the whole library, newest first.
struct ArticleQuery
{
    enum class Order // the window remembers the order by number: add new ones at the end
    {
        Newest,    // by creation time, newest first (pages by keyset, never by offset)
        BestMatch, // by search rank (with text only; without, Newest)
        Headline,
        Section,
        Status,
        Longest,
    };

    QString text; // in the search language (SearchLanguage); empty: no text condition
    std::optional<ArticleStatus> status;
    QString section;  // exact, without regard to case
    QStringList tags; // every one of them
    bool starredOnly = false;
    bool unreadOnly = false;
    QString source;             // in the source name or address, without regard to case
    QDateTime createdFrom;      // inclusive; invalid: no bound
    QDateTime createdBefore;    // exclusive; invalid: no bound
    std::optional<Order> order; // unset: BestMatch with text, Newest without

    Order effectiveOrder() const;
    bool hasText() const;
    bool isEmpty() const { return *this == ArticleQuery(); }

    friend bool operator==(const ArticleQuery &, const ArticleQuery &) = default;
};

// The SQL of one page of an ArticleQuery over articles "a", with the values to bind in order.
struct ArticleQuerySql
{
    QString sql;
    QVariantList values;
    bool withSnippet = false;   // the snippet is the column after the ones asked for
    bool nothingToFind = false; // text was given but holds nothing to search for
};

// columns: of articles "a". afterCreatedAt/afterId: the last row of the page before, for Newest (keyset);
// offset is used by the other orders.
ArticleQuerySql articleQuerySql(const ArticleQuery &query, QLatin1StringView columns,
                                const QString &afterCreatedAt, qint64 afterId, int offset, int limit);

} // namespace Copydesk
