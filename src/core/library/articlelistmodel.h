#pragma once

#include <library/articlequery.h>
#include <library/articlerepository.h>

#include <QAbstractListModel>

namespace Copydesk {

class Library;

// The article list, newest first, or the results of a search. Lazy: rows arrive a page at a time through
// fetchMore(), so a library of any size opens at once and is never held in memory whole.
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
    };
    Q_ENUM(Role)

    static constexpr int PageSize = 200;

    explicit ArticleListModel(const ArticleRepository &repository, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Empty query: the whole library, newest first. Otherwise full-text results, best first.
    void setQuery(const ArticleQuery &query);
    const ArticleQuery &query() const { return m_query; }
    // The query as it is, with this search text.
    void setSearchText(const QString &text);
    // Starts again from the first page (after an import, say).
    void reload();
    // Reads the rows shown again, after the library changed elsewhere: rows change in place where the
    // same articles are still there in the same order; otherwise the model is reset.
    void refresh();

    // Follows the library's changes from now on: additions, changes and removals made through it row by
    // row, what others wrote by refresh().
    void followChanges(const Library &library);

    // Keep shown rows in step with the library without a reload.
    void articleChanged(qint64 id);
    void articleAdded(qint64 id);
    void articleRemoved(qint64 id);
    // Shows fields being edited at once, before they are saved (no database read).
    void showEdits(const Article &article);

    int rowOf(qint64 id) const;
    qint64 idAt(int row) const;

private:
    // The page that follows the rows given (the first page when there are none).
    QList<ArticleSummary> fetchPageAfter(const QList<ArticleSummary> &loaded) const;

    const ArticleRepository &m_repository;
    ArticleQuery m_query;
    QList<ArticleSummary> m_rows;
    bool m_atEnd = false;
};

} // namespace Copydesk
