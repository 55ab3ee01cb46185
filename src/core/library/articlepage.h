#pragma once

#include <model/article.h>

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace Copydesk {

class SqliteStatement;

// A row of the article list: what the list and search results show, without the body.
struct ArticleSummary
{
    qint64 id = 0;
    QString headline;
    QString section;
    QString byline;
    ArticleStatus status = ArticleStatus::Draft;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime publishedAt; // invalid when not known
    bool starred = false;
    bool read = false;
    int wordCount = 0;
    QStringList tags;          // in the article's order
    bool hasThumbnail = false; // a lead picture to show small in the list
    bool trashed = false;      // in the trash
    QString snippet; // search results only: matching text with the match in [brackets]; null: not read yet
};

// Where the next page of the newest-first list starts (keyset pagination: no OFFSET scans).
struct ListCursor
{
    QString createdAt; // storage time of the last row seen; empty = from the top
    qint64 id = 0;
};

// Rows of the list as SQLite gave them, each made an ArticleSummary when it is first asked for. The list
// reads a page of 200 rows to show a screen of 30, and making every row's strings and dates took a seventh
// of the time from opening the library to its first screen. A page keeps its rows' text in one buffer.
//
// A value: copies share their rows until one is changed (made rows included), so a page read on the
// list's thread may be handed to the window's.
class ArticlePage
{
public:
    // The columns of "articles a" that appendRow() reads, in its order.
    static QLatin1StringView columns();

    qsizetype size() const { return m_rows.size(); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    qint64 id(qsizetype row) const { return m_rows.at(row).id; }
    // The row, made on the first call.
    const ArticleSummary &at(qsizetype row) const;
    // The row made, to change in place (edits shown before they are saved, snippets read when shown).
    ArticleSummary &modify(qsizetype row);
    // Where the page after this one starts in the list by date: after its last row.
    ListCursor cursorAfterLast() const;
    // Every row made (for those who want them all: the command line, tests).
    QList<ArticleSummary> toList() const;

    // Appends the row a statement of columns() stands on.
    void appendRow(const SqliteStatement &row);
    // Appends the rows of another page.
    void append(const ArticlePage &other);
    void reverse();
    // The rows of these articles, in this order (those not in the page left out), with their snippets
    // where known.
    ArticlePage inOrderOf(const QList<qint64> &ids, const QHash<qint64, QString> &snippets) const;
    void reserve(qsizetype rows);

private:
    // The text columns kept, in this order (tags separated by character 31).
    enum TextColumn
    {
        Headline,
        Section,
        Byline,
        Status,
        CreatedAt,
        UpdatedAt,
        PublishedAt,
        Tags,
        TextColumns
    };
    struct Row
    {
        qint64 id = 0;
        qsizetype start = 0;                       // where the row's text starts in m_text
        std::array<int, TextColumns> lengths = {}; // of each text column, one after the other; -1: NULL
        int wordCount = 0;
        bool starred = false;
        bool read = false;
        bool hasThumbnail = false;
        bool trashed = false;
        QString snippet; // null: not read
    };
    ArticleSummary made(const Row &row) const;
    QByteArrayView text(const Row &row, TextColumn column) const; // null for NULL

    QByteArray m_text; // the rows' text columns, as SQLite gave them (UTF-8)
    QList<Row> m_rows;
    mutable QList<std::optional<ArticleSummary>> m_made; // per row once one is made; empty before
};

} // namespace Copydesk
