#pragma once

#include <model/article.h>

#include <QString>
#include <QVariant>

#include <optional>

namespace Copydesk {

class LibraryDatabase;

// The full-text indexes of the library: SQLite FTS5 (unicode61, diacritics removed), exact and stemmed,
// one row per article (rowid = article id) over headline, standfirst, byline, body text, quotes with their
// speakers, captions and credits. They keep no copy of the text: they read it from the view
// article_search_text (FTS5 external content). All of the FTS5 dialect lives here: the indexes' rows, the
// MATCH query language, bm25 ranking and snippets. Written in the same transaction as the article by
// ArticleRepository: forget() before its text changes, index() after.
class SearchIndex final
{
public:
    explicit SearchIndex(const LibraryDatabase &database);

    enum class Row
    {
        New,      // a new article
        Replaced, // an article stored before (forgotten first if it has not been)
    };
    // Indexes the article as stored now (its row, quotes and pictures written).
    bool index(qint64 articleId, Row row);
    // Makes both indexes again from the articles.
    bool rebuild();
    // Takes the article out of the indexes: before any of its indexed text changes or it is deleted.
    bool forget(qint64 articleId);
    QString lastError() const { return m_lastError; }

    // The pieces of a query for articles "a" that match one bound FTS query: what to select from (the
    // stemmed index as "s"), the condition (one value: the FTS query), the snippet column and the rank
    // score of a match (lower is better).
    static QString matchingFrom();
    static QString matchingCondition();
    static QString snippetColumn();
    static QString rankScore();
    // The FTS5 query for the words of what a person types (SearchLanguage); empty if it holds none.
    static QString ftsQuery(const QString &userQuery);
    // Russian writes "ё" and "е" interchangeably; the index and queries use "е" for both.
    static QString folded(QString text);

private:
    // Whether each index holds an article (a cheap look-up: its text is derived only when needed).
    struct Held
    {
        bool exact = false;
        bool stemmed = false;
    };
    std::optional<Held> holds(qint64 articleId);
    // An article's row of the view both indexes read.
    struct Text
    {
        bool found = false;
        QVariant columns[6]; // headline, standfirst, byline, body, quotes, captions
    };
    std::optional<Text> read(qint64 articleId);
    bool forget(qint64 articleId, const Held &held);
    bool fail(const QString &detail);

    const LibraryDatabase &m_database;
    QString m_lastError;
};

} // namespace Copydesk
