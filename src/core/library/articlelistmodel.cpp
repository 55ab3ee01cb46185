#include <library/articlelistmodel.h>

#include <library/articlequeryrunner.h>
#include <library/library.h>

using namespace Qt::StringLiterals;

namespace Copydesk {

ArticleListModel::ArticleListModel(const ArticleRepository &repository, QObject *parent)
    : QAbstractListModel(parent)
    , m_repository(repository)
{}

int ArticleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

const ArticlePage *ArticleListModel::page(int pageIndex) const
{
    if (pageIndex < 0 || pageIndex * PageSize >= m_count)
        return nullptr;
    if (const auto held = m_pages.constFind(pageIndex); held != m_pages.cend()) {
        if (m_recentPages.constLast() != pageIndex) {
            m_recentPages.removeOne(pageIndex);
            m_recentPages.append(pageIndex);
        }
        return &*held;
    }
    // The page before, if held, tells where this one starts: the list by date then reads on by keyset.
    ListCursor after;
    if (const auto before = m_pages.constFind(pageIndex - 1);
        before != m_pages.cend() && before->size() == PageSize)
        after = before->cursorAfterLast();
    ArticlePage rows =
        m_repository.findPage(m_shown, pageIndex * PageSize, PageSize, m_countKnown ? m_count : -1, after);
    while (m_recentPages.size() >= CachedPages)
        m_pages.remove(m_recentPages.takeFirst());
    m_recentPages.append(pageIndex);
    return &*m_pages.insert(pageIndex, std::move(rows));
}

ArticleSummary *ArticleListModel::cachedRow(int row) const
{
    const auto held = m_pages.find(row / PageSize);
    if (held == m_pages.end() || row % PageSize >= held->size())
        return nullptr;
    return &held->modify(row % PageSize);
}

QVariant ArticleListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ArticlePage *rows = page(index.row() / PageSize);
    if (!rows || index.row() % PageSize >= rows->size())
        return {}; // the library shrank under the list: a refresh follows
    if (role == IdRole)
        return rows->id(index.row() % PageSize); // without making the row (a selection of many asks this)
    if ((role == SnippetRole || role == Qt::ToolTipRole) &&
        rows->at(index.row() % PageSize).snippet.isNull() && !m_shownMatch.isEmpty())
        readSnippetsNear(index.row());
    const ArticleSummary &row = rows->at(index.row() % PageSize);
    switch (role) {
    case Qt::DisplayRole:
        return row.headline.isEmpty() ? tr("Untitled") : row.headline;
    case Qt::ToolTipRole:
        return row.snippet.isEmpty() ? row.headline : row.snippet;
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
    case TrashedRole:
        return row.trashed;
    case SearchedRole:
        return !m_shownMatch.isEmpty();
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
                  {ThumbnailRole, "thumbnail"},
                  {TrashedRole, "trashed"},
                  {SearchedRole, "searched"}});
    return names;
}

void ArticleListModel::readSnippetsNear(int row) const
{
    // The rows about it on screen, in one reading.
    const int first = row - row % SnippetBlock;
    QList<qint64> ids;
    for (int r = first; r < std::min(first + SnippetBlock, m_count); ++r) {
        if (const ArticleSummary *held = cachedRow(r); held && held->snippet.isNull())
            ids.append(held->id);
    }
    const QHash<qint64, QString> snippets = m_repository.snippets(m_shownMatch, ids);
    for (int r = first; r < std::min(first + SnippetBlock, m_count); ++r) {
        if (ArticleSummary *held = cachedRow(r); held && held->snippet.isNull())
            held->snippet = snippets.value(held->id, u""_s);
    }
}

bool ArticleListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_countKnown;
}

void ArticleListModel::fetchMore(const QModelIndex &parent)
{
    // Only while a search's count is on its way and a view wants more: count here rather than wait.
    if (parent.isValid() || m_countKnown)
        return;
    const int count = m_repository.countRows(m_shown);
    m_countKnown = true;
    if (count > m_count) {
        beginInsertRows({}, m_count, count - 1);
        m_count = count;
        endInsertRows();
    }
}

void ArticleListModel::setRunner(ArticleQueryRunner *runner)
{
    m_runner = runner;
    connect(runner, &ArticleQueryRunner::firstPageRead, this,
            [this](quint64 generation, const ArticleQuery &query, const ArticlePage &rows, int count) {
                if (generation != m_generation)
                    return; // a newer query was asked for meanwhile
                m_reading = false;
                show(query, count, rows);
            });
    connect(runner, &ArticleQueryRunner::counted, this, [this](quint64 generation, int count) {
        if (generation != m_generation || m_countKnown)
            return;
        m_countKnown = true;
        if (count > m_count) {
            beginInsertRows({}, m_count, count - 1);
            m_count = count;
            endInsertRows();
        }
        if (const auto located = std::exchange(m_located, std::nullopt))
            showLocated(located->first, located->second);
    });
    connect(runner, &ArticleQueryRunner::located, this, [this](quint64 generation, qint64 id, int row) {
        if (generation != m_generation)
            return;
        if (row < m_count)
            showLocated(id, row);
        else if (!m_countKnown)
            m_located = std::pair(id, row); // shown once the rows are counted
    });
}

void ArticleListModel::show(const ArticleQuery &query, int count, const ArticlePage &firstPage)
{
    beginResetModel();
    m_located.reset(); // of the rows shown before
    m_shown = query;
    m_shownMatch = articleMatch(query); // the query as decided (settled) when its first page was read
    m_pages.clear();
    m_recentPages.clear();
    m_countKnown = count >= 0;
    m_count = m_countKnown ? std::max(count, int(firstPage.size())) : int(firstPage.size());
    if (!firstPage.isEmpty()) {
        m_pages.insert(0, firstPage);
        m_recentPages.append(0);
    }
    endResetModel();
    emit queryShown();
}

void ArticleListModel::setQuery(const ArticleQuery &query)
{
    ArticleQuery trimmed = query;
    trimmed.text = query.text.trimmed();
    if (trimmed == m_query && (m_reading || trimmed == m_shown.asked()))
        return;
    m_query = trimmed;
    ++m_generation;
    if (m_runner) {
        m_reading = true;
        m_runner->run(m_generation, m_query);
        return;
    }
    reload();
}

void ArticleListModel::setSearchText(const QString &text)
{
    ArticleQuery query = m_query;
    query.text = text;
    setQuery(query);
}

int ArticleListModel::countOrPage(const ArticleQuery &query, const ArticlePage &firstPage) const
{
    if (firstPage.size() < PageSize)
        return int(firstPage.size()); // all there is: no count needed
    return m_repository.countRows(query);
}

void ArticleListModel::reload()
{
    ++m_generation; // whatever a runner is reading is no longer wanted
    m_reading = false;
    // Decided once (the word being typed: a prefix or a word), and every page and count read so.
    const ArticleQuery query = m_repository.settled(m_query);
    const ArticlePage first = m_repository.findPage(query, 0, PageSize, -1, {}, SnippetBlock);
    if (m_runner && first.size() == PageSize) {
        // The first screen at once; the count (tens of milliseconds on a million articles) follows on the
        // list's thread, asked for once this one is free again (a window paints its first frame first).
        show(query, -1, first);
        auto askCount = [this, generation = m_generation, query] {
            if (generation == m_generation && !m_countKnown)
                m_runner->count(generation, query);
        };
        if (m_countHeld)
            m_heldCount = std::move(askCount);
        else
            QMetaObject::invokeMethod(this, std::move(askCount), Qt::QueuedConnection);
        return;
    }
    show(query, countOrPage(query, first), first);
}

void ArticleListModel::holdCount()
{
    m_countHeld = true;
}

void ArticleListModel::releaseCount()
{
    m_countHeld = false;
    if (std::function<void()> askCount = std::exchange(m_heldCount, {}))
        askCount();
}

void ArticleListModel::refresh()
{
    if (m_reading)
        return; // the rows on their way are read after the change
    const ArticlePage first = m_repository.findPage(m_shown, 0, PageSize, -1, {}, SnippetBlock);
    const int count = countOrPage(m_shown, first);
    if (count != m_count || !m_countKnown) {
        show(m_shown, count, first);
        return;
    }
    // The same number of rows: they change in place, each page read again when it is next shown.
    m_pages.clear();
    m_recentPages.clear();
    m_pages.insert(0, first);
    m_recentPages.append(0);
    if (m_count > 0)
        emit dataChanged(index(0), index(m_count - 1));
}

void ArticleListModel::locate(qint64 id)
{
    if (m_runner && !m_reading && pagesByKeyset(m_shown))
        m_runner->locate(m_generation, m_shown, id);
}

void ArticleListModel::showLocated(qint64 id, int row)
{
    const ArticlePage *rows = page(row / PageSize);
    if (rows && row % PageSize < rows->size() && rows->id(row % PageSize) == id)
        emit articleLocated(id, row);
}

int ArticleListModel::rowOf(qint64 id, int nearRow) const
{
    if (nearRow >= 0 && nearRow < m_count) {
        for (int pageIndex = nearRow / PageSize - 1; pageIndex <= nearRow / PageSize + 1; ++pageIndex)
            page(pageIndex);
    }
    for (auto held = m_pages.cbegin(); held != m_pages.cend(); ++held) {
        for (qsizetype i = 0; i < held->size(); ++i) {
            if (held->id(i) == id)
                return int(held.key() * PageSize + i);
        }
    }
    return -1;
}

qint64 ArticleListModel::idAt(int row) const
{
    if (row < 0 || row >= m_count)
        return 0;
    const ArticlePage *rows = page(row / PageSize);
    return rows && row % PageSize < rows->size() ? rows->id(row % PageSize) : 0;
}

void ArticleListModel::dropPagesFrom(int pageIndex)
{
    for (auto held = m_pages.begin(); held != m_pages.end();) {
        if (held.key() >= pageIndex) {
            m_recentPages.removeOne(held.key());
            held = m_pages.erase(held);
        } else {
            ++held;
        }
    }
}

void ArticleListModel::followChanges(const Library &library)
{
    connect(&library, &Library::articleAdded, this, &ArticleListModel::articleAdded);
    connect(&library, &Library::articleChanged, this, &ArticleListModel::articleChanged);
    connect(&library, &Library::articleRemoved, this, &ArticleListModel::articleRemoved);
    connect(&library, &Library::articlesTrashed, this, &ArticleListModel::articlesTrashed);
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
    ArticleSummary *held = cachedRow(row);
    const QString snippet = held->snippet;
    *held = *fresh;
    held->snippet = snippet;
    emit dataChanged(index(row), index(row));
}

void ArticleListModel::showEdits(const Article &article)
{
    const int row = rowOf(article.id);
    if (row < 0)
        return;
    ArticleSummary *summary = cachedRow(row);
    summary->headline = article.headline;
    summary->section = article.section;
    summary->byline = article.byline;
    summary->status = article.status;
    emit dataChanged(index(row), index(row));
}

void ArticleListModel::articleAdded(qint64 id)
{
    if (m_reading)
        return;
    if (!pagesByKeyset(m_shown) || !m_countKnown) {
        refresh(); // whether and where a new article shows in a search or another order: read again
        return;
    }
    const std::optional<int> row = m_repository.positionOf(m_shown, id);
    if (!row || rowOf(id) >= 0) {
        return; // not in this list (another filter), or shown already
    }
    beginInsertRows({}, *row, *row);
    ++m_count;
    dropPagesFrom(*row / PageSize); // the rows after it have moved on by one
    endInsertRows();
    page(*row / PageSize); // held again, so that it can be selected by its id
}

void ArticleListModel::articleRemoved(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0) {
        refresh(); // if it was in a page not held, the count tells
        return;
    }
    beginRemoveRows({}, row, row);
    --m_count;
    dropPagesFrom(row / PageSize);
    endRemoveRows();
}

void ArticleListModel::articlesTrashed(const QList<qint64> &ids, bool trashed)
{
    if (trashed == m_shown.trashed) {
        refresh(); // they join this list
        return;
    }
    bool unseen = false; // in a page not held: the count tells
    for (const qint64 id : ids) {
        const int row = rowOf(id);
        if (row < 0) {
            unseen = true;
            continue;
        }
        beginRemoveRows({}, row, row);
        --m_count;
        dropPagesFrom(row / PageSize);
        endRemoveRows();
    }
    if (unseen)
        refresh();
}

} // namespace Copydesk
