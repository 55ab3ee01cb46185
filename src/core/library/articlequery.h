#pragma once

#include <library/searchlanguage.h>

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
    bool trashed = false;       // the Trash: only what is in it (otherwise, never)
    std::optional<Order> order; // unset: BestMatch with text, Newest without
    // Whether the word still being typed at the end of text is a prefix or a whole word:
    // ArticleRepository::settled() looks it up in the library once, and the list reads every page of the
    // query as it was decided then. Undecided reads as a prefix.
    SearchLanguage::TypingWord typingWord = SearchLanguage::TypingWord::Undecided;

    // The query as asked, whatever was decided of its typing word: what a list compares to know whether
    // it is asked for something new.
    ArticleQuery asked() const
    {
        ArticleQuery query = *this;
        query.typingWord = SearchLanguage::TypingWord::Undecided;
        return query;
    }

    Order effectiveOrder() const;
    bool hasText() const;
    bool isEmpty() const { return *this == ArticleQuery(); }

    friend bool operator==(const ArticleQuery &, const ArticleQuery &) = default;
};

// The SQL of an ArticleQuery over articles "a", with the values to bind in order.
struct ArticleQuerySql
{
    QString sql;
    QVariantList values;
    QString match;              // the FTS query of the words, if any (for snippets)
    QString rankMatch;          // the FTS query to rank them by (SearchLanguage::rankMatch)
    bool nothingToFind = false; // text was given but holds nothing to search for
};

// Which rows of a query's order a page holds. A search ranked by relevance ranks only its newest
// RankedCandidates matches (scoring every match of a common word in a large library takes seconds); the
// matches after them follow newest stored first. So its order has two parts, and a page lies in one.
struct PageRequest
{
    enum class Part
    {
        Whole,  // any order but a ranked search
        Ranked, // a ranked search's candidates: rows [0, RankedCandidates)
        Rest,   // the matches after them; offset counts from the start of the whole order
    };
    static constexpr int RankedCandidates = 2000;

    int offset = 0;
    int limit = 200;
    // Counted from the end: offset rows are skipped from the last one backwards and the rows come in
    // reverse order (the last page costs what the first does).
    bool fromEnd = false;
    Part part = Part::Whole;
    // The ranked part's candidates with their scores (SearchIndex::rankScore) beside them: one pass when
    // the words are ranked as they are matched (no word is still being typed as a prefix).
    bool scored = false;
    // Keyset paging in date order, forward only: the last row of the page before (offset is then 0).
    QString afterCreatedAt;
    qint64 afterId = 0;
};

// One page of the query; columns of articles "a". With search words, the article ids alone (the rows and
// their snippets are read for the ids of the page). The ranked part gives all its candidates, newest
// stored first, for the caller to rank (by rankMatch) and page.
ArticleQuerySql articlePageSql(const ArticleQuery &query, QLatin1StringView columns, const PageRequest &page);
// How many rows the query lists (that also meet an extra condition on "a", with its values).
ArticleQuerySql articleCountSql(const ArticleQuery &query, const QString &extraCondition = {},
                                const QVariantList &extraValues = {});
// Whether the query has words to match in the search index, and their FTS query.
bool hasWords(const ArticleQuery &query);
QString articleMatch(const ArticleQuery &query);
// Whether the query's order has a ranked part (then pages must not span RankedCandidates).
bool isRankedSearch(const ArticleQuery &query);
// Whether pages of the query can follow each other by keyset (afterCreatedAt/afterId): the list by date
// without search words.
bool pagesByKeyset(const ArticleQuery &query);

} // namespace Copydesk
