#pragma once

#include <library/articlepage.h>
#include <library/articlequery.h>
#include <library/revisionstore.h>
#include <library/searchindex.h>
#include <model/article.h>

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <optional>

class QSqlDatabase;

namespace Copydesk {

class LibraryDatabase;
struct ArticleQuery;
struct ArticleQuerySql;

// What the sidebar counts: the whole library, unread, starred, and each status, section and tag.
struct LibraryCounts
{
    int all = 0;
    int unread = 0;
    int starred = 0;
    QList<std::pair<QString, int>> statuses; // storage names, in the order of allStatuses()
    QList<std::pair<QString, int>> sections; // by name
    QList<std::pair<QString, int>> tags;     // by name
    QList<std::pair<QString, int>> sources;  // the most frequent source names, most first
    int trash = 0;
    static constexpr int MostSources = 30;
};

// A search kept by name: its text in the search language and the sidebar filter chosen with it (JSON).
struct SavedSearch
{
    QString name;
    QString query;
    QString filter;
};

struct StoredImage
{
    QByteArray data;
    QString mimeType;
};

// The article store: the one class callers use to read and write articles. It keeps the SQL of the
// articles and their parts (quotes, images, tags, related links) and composes the rest: SearchIndex (the
// FTS5 index, written in the same transaction), RevisionStore (snapshots) and ArticleContent (stored form
// and content hash). Every write that touches several tables runs in one transaction, so the library never
// holds half an article. Each call uses the calling thread's own connection.
class ArticleRepository final
{
public:
    explicit ArticleRepository(const LibraryDatabase &database);
    Q_DISABLE_COPY_MOVE(ArticleRepository)

    // Stores a new article: assigns id, uuid (if empty) and timestamps (if unset), sanitizes the body
    // and derives body text and word count. Returns false and sets lastError() on failure.
    bool insert(Article &article);
    // Inserts and, in the same transaction, keeps the article as it came in as revision 1 with this name
    // (an import: the imported version is never lost to later edits).
    bool insertWithFirstRevision(Article &article, const QString &revisionName);
    // The parts of an article that are stored apart from its row. The row itself (every field, the body)
    // and its search entry are always written.
    enum class Part
    {
        Quotes = 0x1,
        Images = 0x2,
        Tags = 0x4,
        Related = 0x8,
    };
    Q_DECLARE_FLAGS(Parts, Part)
    static constexpr Parts AllParts = Parts(0xF);
    static constexpr Parts FieldsOnly = Parts();

    // Replaces the stored article with this one and refreshes updatedAt: its row and search entry, and
    // the given parts (by default all of them; an editor that changed only fields and body says so, and
    // the image blobs are not written again).
    bool update(Article &article, Parts parts = AllParts);
    enum class UpdateResult
    {
        Saved,
        Conflict, // the stored article changed since seenUpdatedAt: nothing was written
        Failed,
    };
    // Like update(), but only while the stored article is still the version this copy was based on (its
    // updatedAt when read): a save never silently replaces what another window or command stored since.
    UpdateResult updateIfUnchanged(Article &article, const QDateTime &seenUpdatedAt, Parts parts = AllParts);
    bool remove(qint64 id);
    // The reader's marks, kept apart from the article's content: they never move its updated time and a
    // save of the content never writes them (an editor's older copy cannot undo a star given meanwhile).
    // Marking read keeps the first time it was read. False, with lastError(), when the write failed.
    bool setStarred(const QList<qint64> &ids, bool starred);
    bool setRead(const QList<qint64> &ids, bool read);
    // Moves articles to the trash or out of it: another mark (nothing of the article changes); lists and
    // counts leave out what is in the trash, and only emptying it deletes.
    bool setTrashed(const QList<qint64> &ids, bool trashed);
    QList<qint64> trashedIds() const;
    // Renames a tag on every article that has it; to the name of another tag, merges the two.
    bool renameTag(const QString &from, const QString &to);
    // Every article with this tag (the trash's too) and its tags in order: what undoing a rename or a
    // merge gives back. Ids and names alone, in one query (a tag can be on most of the library).
    // nullopt, with lastError(), when they cannot be read.
    std::optional<QHash<qint64, QStringList>> tagListsWith(const QString &tag) const;
    QList<SavedSearch> savedSearches() const;
    // Keeps the search under its name (replacing one of the same name).
    bool saveSearch(const SavedSearch &search);
    bool removeSavedSearch(const QString &name);

    std::optional<Article> load(qint64 id) const;
    // Every tag in use, by name: what the editor's tag field completes from.
    QStringList tagNames() const;
    // Every tag in use with the number of articles that have it, by name.
    QList<std::pair<QString, int>> tagCounts() const;
    // The sidebar's counts, in a few grouped scans (call it off the GUI thread on a large library).
    LibraryCounts counts() const;
    // The people named in the bylines of the newest 1,000 articles ("A, B and C" read as three), for the
    // byline's completion.
    QStringList authorNames() const;
    int count() const;
    // One page of what the query asks for. Newest first pages by keyset (after: the last row of the page
    // before); other orders by offset.
    QList<ArticleSummary> find(const ArticleQuery &query, const ListCursor &after, int offset,
                               int limit) const;
    // Rows [first, first + count) of what the query lists, in its order. total: how many it lists in all,
    // if known (-1 otherwise): rows nearer the end than the start are then read from the end, so that the
    // last page costs what the first does. after: the row just before `first`, if known (the list by date
    // then pages by keyset, without skipping rows).
    // snippetRows: how many of the first rows of a search come with their snippets (a snippet costs a
    // reading of the article); the others have a null snippet, to ask snippets() for when shown.
    QList<ArticleSummary> findRows(const ArticleQuery &query, int first, int count, int total = -1,
                                   const ListCursor &after = {}, int snippetRows = INT_MAX) const;
    // The same rows as a page, each made an ArticleSummary when first asked for (what the list holds).
    ArticlePage findPage(const ArticleQuery &query, int first, int count, int total = -1,
                         const ListCursor &after = {}, int snippetRows = INT_MAX) const;
    // The snippets of these articles for an FTS query (an empty one where it matched nothing to show).
    QHash<qint64, QString> snippets(const QString &match, const QList<qint64> &ids) const;
    // How many rows the query lists (that also meet a condition on articles "a"); -1 when it cannot be read.
    int countRows(const ArticleQuery &query, const QString &extraCondition = {},
                  const QVariantList &extraValues = {}) const;
    // The query as it is read: a word still being typed at the end of its text is taken as that word when
    // the library has it (in any of its forms), and as a prefix only when it has not, so that what
    // someone has finished typing finds that word, at the cost of one word's lookup (a prefix merges
    // every word that starts so: 40 ms for a six-letter one over 100,000 articles). findRows() and
    // countRows() read every query so.
    ArticleQuery settled(const ArticleQuery &query) const;
    // The row of this article in the list by date (a query that pages by keyset), if it is in it.
    std::optional<int> positionOf(const ArticleQuery &query, qint64 id) const;
    // find() of the whole library, newest first.
    QList<ArticleSummary> listNewest(const ListCursor &after, int limit) const;
    // find() of a search text, best match first. The text is words (all must match, the last one as a
    // prefix) and "quoted phrases".
    QList<ArticleSummary> search(const QString &query, int offset, int limit) const;
    std::optional<ArticleSummary> summary(qint64 id) const;
    std::optional<StoredImage> image(qint64 articleId, int position) const;
    // The article's lead picture, if it has one with its bytes.
    std::optional<StoredImage> leadImage(qint64 articleId) const;

    // Snapshot the article as a new revision (number = last + 1).
    bool addRevision(const Article &article, const QString &name = {}, int *number = nullptr);
    QList<RevisionInfo> revisions(qint64 articleId) const;
    // Makes revision `number` the article's version again, as a new revision ("Restored from N"); the
    // version it replaces is kept as a revision first unless the last one already holds it. Nothing is
    // overwritten or deleted. Pictures stay (a snapshot keeps their words, not their bytes): their words and
    // credits come back where the pictures are still the same number.
    bool revert(qint64 articleId, int number);
    std::optional<Article> revision(qint64 articleId, int number) const;

    // For recognising a second import of the same thing.
    std::optional<qint64> findBySourceUrl(const QString &url) const;
    std::optional<qint64> findByContentHash(const QString &hash) const;
    static QString contentHash(const Article &article);
    // What insert() and update() do to every article before storing it: sanitize the body, derive its
    // text and word count. Public so that an import can see the stored form first (to find duplicates).
    static void prepareForStorage(Article &article);

    // Turns what a person types into an FTS5 query; empty if there is nothing to search for.
    static QString ftsQuery(const QString &userQuery);

    QString lastError() const { return m_lastError; }

private:
    UpdateResult updateStored(Article &article, const QDateTime *seenUpdatedAt, Parts parts);
    // True, with lastError() set, when the library takes no writes (read-only, or found damaged).
    bool refuseWrite() const;
    // One UPDATE of a reader's mark per id (values, then the id), in one transaction.
    bool setMark(const QList<qint64> &ids, const QString &sql, const QVariantList &values,
                 const QString &what);
    bool writeChildren(const Article &article, Parts parts);
    // Runs one of articleQuery.h's statements; an inactive query (lastError() set) when it failed.
    QSqlQuery execute(const ArticleQuerySql &sql, const ArticleQuery &articleQuery) const;
    // A ranked search's candidates in rank order (PageRequest::Part::Ranked), ranked once while the
    // library stays as it is (rankCandidates() does the work).
    std::optional<QList<qint64>> rankedCandidates(const ArticleQuery &query) const;
    std::optional<QList<qint64>> rankCandidates(const ArticleQuery &query) const;
    // The rows of these ids, in this order, each with the snippet of what the FTS query matched.
    ArticlePage summariesWithSnippets(const QList<qint64> &ids, const QString &match, int snippetRows) const;
    bool writeSearchRow(qint64 id, SearchIndex::Row row);
    bool fail(const QString &what, const QString &detail) const;

    const LibraryDatabase &m_database;
    SearchIndex m_search;
    RevisionStore m_revisions;
    mutable QString m_lastError;

    // The last ranked search's candidates in rank order: each page of its ranked part (ten pages of 200)
    // needs them, and ranking them again cost 10-20 ms per page at 100,000 articles. Valid while nothing
    // changed the library: the connection's own changes (total_changes) and other connections' commits
    // (data_version) are part of the key.
    struct RankedCache
    {
        ArticleQuery query;
        QString connection;
        qint64 dataVersion = -1;
        qint64 totalChanges = -1;
        QList<qint64> ids;
    };
    mutable QMutex m_rankedCacheMutex;
    mutable std::optional<RankedCache> m_rankedCache;
};

} // namespace Copydesk

Q_DECLARE_OPERATORS_FOR_FLAGS(Copydesk::ArticleRepository::Parts)
