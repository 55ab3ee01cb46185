#include <library/articlelistmodel.h>

#include <library/library.h>

using namespace Qt::StringLiterals;

namespace Copydesk {

ArticleListModel::ArticleListModel(const ArticleRepository &repository, QObject *parent)
    : QAbstractListModel(parent)
    , m_repository(repository)
{}

int ArticleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ArticleListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ArticleSummary &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return row.headline.isEmpty() ? tr("Untitled") : row.headline;
    case Qt::ToolTipRole:
        return row.snippet.isEmpty() ? row.headline : row.snippet;
    case IdRole:
        return row.id;
    case SectionRole:
        return row.section;
    case BylineRole:
        return row.byline;
    case StatusRole:
        return statusToString(row.status);
    case CreatedAtRole:
        return row.createdAt;
    case UpdatedAtRole:
        return row.updatedAt;
    case PublishedAtRole:
        return row.publishedAt;
    case SnippetRole:
        return row.snippet;
    case StarredRole:
        return row.starred;
    case WordCountRole:
        return row.wordCount;
    case ReadRole:
        return row.read;
    case TagsRole:
        return row.tags;
    case ThumbnailRole:
        return row.hasThumbnail;
    default:
        return {};
    }
}

QHash<int, QByteArray> ArticleListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "id"},
                  {SectionRole, "section"},
                  {BylineRole, "byline"},
                  {StatusRole, "status"},
                  {CreatedAtRole, "createdAt"},
                  {UpdatedAtRole, "updatedAt"},
                  {PublishedAtRole, "publishedAt"},
                  {SnippetRole, "snippet"},
                  {StarredRole, "starred"},
                  {WordCountRole, "wordCount"},
                  {ReadRole, "read"},
                  {TagsRole, "tags"},
                  {ThumbnailRole, "thumbnail"}});
    return names;
}

bool ArticleListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

QList<ArticleSummary> ArticleListModel::fetchPageAfter(const QList<ArticleSummary> &loaded) const
{
    ListCursor cursor;
    if (!loaded.isEmpty()) {
        cursor.createdAt = toStorageTime(loaded.last().createdAt);
        cursor.id = loaded.last().id;
    }
    return m_repository.find(m_query, cursor, int(loaded.size()), PageSize);
}

void ArticleListModel::refresh()
{
    // Read again as many rows as are loaded (at least a page), so that a view scrolled down stays put.
    const qsizetype wanted = std::max<qsizetype>(m_rows.size(), PageSize);
    QList<ArticleSummary> fresh;
    bool atEnd = false;
    while (fresh.size() < wanted) {
        const QList<ArticleSummary> page = fetchPageAfter(fresh);
        fresh.append(page);
        if (page.size() < PageSize) {
            atEnd = true;
            break;
        }
    }
    const qsizetype common = std::min(fresh.size(), m_rows.size());
    bool sameRows = fresh.size() >= m_rows.size();
    for (qsizetype row = 0; sameRows && row < common; ++row)
        sameRows = fresh.at(row).id == m_rows.at(row).id;
    if (!sameRows) {
        beginResetModel();
        m_rows = std::move(fresh);
        m_atEnd = atEnd;
        endResetModel();
        return;
    }
    // The same articles in the same order, perhaps with more after them: change rows in place.
    for (qsizetype row = 0; row < common; ++row)
        m_rows[row] = fresh.at(row);
    if (common > 0)
        emit dataChanged(index(0), index(int(common - 1)));
    if (fresh.size() > common) {
        beginInsertRows({}, int(common), int(fresh.size() - 1));
        m_rows.append(fresh.mid(common));
        endInsertRows();
    }
    m_atEnd = atEnd;
}

void ArticleListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd)
        return;
    const QList<ArticleSummary> page = fetchPageAfter(m_rows);
    m_atEnd = page.size() < PageSize;
    if (page.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size() - 1));
    m_rows.append(page);
    endInsertRows();
}

void ArticleListModel::setQuery(const ArticleQuery &query)
{
    ArticleQuery trimmed = query;
    trimmed.text = query.text.trimmed();
    if (trimmed == m_query && !m_rows.isEmpty())
        return;
    m_query = trimmed;
    reload();
}

void ArticleListModel::setSearchText(const QString &text)
{
    ArticleQuery query = m_query;
    query.text = text;
    setQuery(query);
}

void ArticleListModel::reload()
{
    // The first page is part of the reset, so views never see a reset model grow in its own signal.
    beginResetModel();
    m_rows.clear();
    m_rows = fetchPageAfter({});
    m_atEnd = m_rows.size() < PageSize;
    endResetModel();
}

int ArticleListModel::rowOf(qint64 id) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return int(row);
    }
    return -1;
}

qint64 ArticleListModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

void ArticleListModel::followChanges(const Library &library)
{
    connect(&library, &Library::articleAdded, this, &ArticleListModel::articleAdded);
    connect(&library, &Library::articleChanged, this, &ArticleListModel::articleChanged);
    connect(&library, &Library::articleRemoved, this, &ArticleListModel::articleRemoved);
    connect(&library, &Library::changedElsewhere, this, &ArticleListModel::refresh);
}

void ArticleListModel::articleChanged(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    const std::optional<ArticleSummary> fresh = m_repository.summary(id);
    if (!fresh) {
        articleRemoved(id);
        return;
    }
    const QString snippet = m_rows.at(row).snippet;
    m_rows[row] = *fresh;
    m_rows[row].snippet = snippet;
    emit dataChanged(index(row), index(row));
}

void ArticleListModel::showEdits(const Article &article)
{
    const int row = rowOf(article.id);
    if (row < 0)
        return;
    ArticleSummary &summary = m_rows[row];
    summary.headline = article.headline;
    summary.section = article.section;
    summary.byline = article.byline;
    summary.status = article.status;
    emit dataChanged(index(row), index(row));
}

void ArticleListModel::articleAdded(qint64 id)
{
    if (!m_query.isEmpty()) {
        reload(); // whether and where a new article shows among filtered results is the query's business
        return;
    }
    const std::optional<ArticleSummary> fresh = m_repository.summary(id);
    if (!fresh || rowOf(id) >= 0)
        return;
    // Newest first: find where its creation time puts it among the rows already loaded.
    int row = 0;
    while (row < m_rows.size() &&
           (m_rows.at(row).createdAt > fresh->createdAt ||
            (m_rows.at(row).createdAt == fresh->createdAt && m_rows.at(row).id > fresh->id)))
        ++row;
    if (row == m_rows.size() && !m_atEnd)
        return; // it belongs to a page not fetched yet
    beginInsertRows({}, row, row);
    m_rows.insert(row, *fresh);
    endInsertRows();
}

void ArticleListModel::articleRemoved(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

} // namespace Copydesk
