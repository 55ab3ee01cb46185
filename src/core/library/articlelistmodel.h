#pragma once

#include <library/articlequery.h>
#include <library/articlerepository.h>

#include <QAbstractListModel>
#include <QHash>

#include <functional>
#include <optional>
#include <utility>

namespace Copydesk {

class ArticleQueryRunner;
class Library;

// The article list, or the results of a search, with filters and an order (ArticleQuery). It knows how
// many rows the query lists and holds only a few pages of them: a page is read when a view first asks for
// one of its rows (each row made a summary when first shown: ArticlePage), and the least recently used page
// goes when more than CachedPages are held. So a library of any size opens at once, a jump to its last
// article costs one page (read from the end), and memory stays the same however far the list is scrolled.
class ArticleListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        SectionRole,
        BylineRole,
        StatusRole, // the storage name: "draft", "in_edit", ...
        CreatedAtRole,
        UpdatedAtRole,
        SnippetRole,
        StarredRole,
        WordCountRole,
        PublishedAtRole, // invalid when not known
        ReadRole,
        TagsRole,      // QStringList
        ThumbnailRole, // bool: there is a lead picture
        TrashedRole,   // bool: in the trash
        SearchedRole,  // bool: the list shows a search, its rows with snippets (SnippetRole)
    };
    Q_ENUM(Role)

    static constexpr int PageSize = 200;
    static constexpr int CachedPages = 8;
    // Snippets are read for this many rows at a time, when shown: a screenful.
    static constexpr int SnippetBlock = 25;

    explicit ArticleListModel(const ArticleRepository &repository, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Reads queries on this runner's thread from now on: setQuery() returns at once and the rows shown
    // change when the first page is read (a newer query cancels an older one). Without one, setQuery()
    // reads the first page before it returns.
    void setRunner(ArticleQueryRunner *runner);
    // Empty query: the whole library, newest first. Otherwise what the query asks for.
    void setQuery(const ArticleQuery &query);
    // The query last asked for (its rows may still be on their way: see isReading()).
    const ArticleQuery &query() const { return m_query; }
    // What the rows shown are of: the query asked for, as it was read (its typing word decided).
    const ArticleQuery &shownQuery() const { return m_shown; }
    bool isReading() const { return m_reading; }
    // The query as it is, with this search text.
    void setSearchText(const QString &text);
    // Starts again from the first page (after an import, say).
    void reload();
    // Holds back the count that reload() asks the runner for, until releaseCount(): the window asks for it
    // once its first frames are painted, which the count's thread would otherwise share the cores with (at
    // 100,000 articles, 7 ms later on screen). A view that wants rows past the first page before then still
    // gets them (fetchMore counts at once).
    void holdCount();
    void releaseCount();
    // Reads the rows again after the library changed elsewhere: the same number of rows change in place;
    // otherwise the model is reset.
    void refresh();

    // Follows the library's changes from now on: additions, changes and removals made through it row by
    // row, what others wrote by refresh().
    void followChanges(const Library &library);

    // Keep shown rows in step with the library without a reload.
    void articleChanged(qint64 id);
    void articleAdded(qint64 id);
    void articleRemoved(qint64 id);
    // Articles moved to the trash (or out of it): they leave this list or join it.
    void articlesTrashed(const QList<qint64> &ids, bool trashed);
    // Shows fields being edited at once, before they are saved (no database read).
    void showEdits(const Article &article);

    // The row of this article among the pages held, or -1. nearRow: where it was, to look there too.
    int rowOf(qint64 id, int nearRow = -1) const;
    // Finds this article's row wherever it is in the list by date, on the runner's thread, and reads its
    // page: articleLocated() follows. Nothing follows in other orders, for an article not listed, or when
    // the query changes first.
    void locate(qint64 id);
    // The article at this row (reading its page if needed), or 0.
    qint64 idAt(int row) const;
    // How many pages are held now (at most CachedPages).
    int cachedPageCount() const { return int(m_pages.size()); }

signals:
    // The rows of a query asked for are shown (at once without a runner).
    void queryShown();
    // locate() found the article at this row, which is held now.
    void articleLocated(qint64 id, int row);

private:
    void show(const ArticleQuery &query, int count, const ArticlePage &firstPage);
    // The page holding this row, read if it is not held; null if it cannot be read.
    const ArticlePage *page(int pageIndex) const;
    ArticleSummary *cachedRow(int row) const;
    void readSnippetsNear(int row) const;
    void showLocated(qint64 id, int row);
    void dropPagesFrom(int pageIndex);
    int countOrPage(const ArticleQuery &query, const ArticlePage &firstPage) const;

    const ArticleRepository &m_repository;
    ArticleQueryRunner *m_runner = nullptr;
    ArticleQuery m_query; // asked for
    ArticleQuery m_shown; // shown
    QString m_shownMatch; // its FTS query, for snippets
    int m_count = 0;      // rows of m_shown
    bool m_countKnown = true;
    bool m_reading = false;
    bool m_countHeld = false;
    std::function<void()> m_heldCount;               // reload()'s request for the count, while held
    std::optional<std::pair<qint64, int>> m_located; // an article found past the rows known, until counted
    quint64 m_generation = 0;
    mutable QHash<int, ArticlePage> m_pages; // by page index
    mutable QList<int> m_recentPages;        // least recently used first
};

} // namespace Copydesk
