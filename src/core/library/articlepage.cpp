#include <library/articlepage.h>

#include <library/sqlitestatement.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

// The statement's columns: id, then the text columns in the order of ArticlePage::TextColumn, then the
// numbers.
constexpr auto pageColumns =
    "a.id, a.headline, a.section, a.byline, a.status, a.created_at, a.updated_at, a.published_at, "
    "(SELECT group_concat(t.name, char(31)) FROM (SELECT t.name FROM article_tags at JOIN tags t "
    "ON t.id = at.tag_id WHERE at.article_id = a.id ORDER BY at.position) t), "
    "a.word_count, a.starred, a.read_at IS NOT NULL, "
    "EXISTS (SELECT 1 FROM images i WHERE i.article_id = a.id AND i.role = 'lead' AND i.data IS NOT NULL), "
    "a.trashed_at IS NOT NULL"_L1;
constexpr int firstTextColumn = 1;
constexpr int firstNumberColumn = 9;

} // namespace

QLatin1StringView ArticlePage::columns()
{
    return pageColumns;
}

void ArticlePage::reserve(qsizetype rows)
{
    m_rows.reserve(rows);
    m_text.reserve(rows * 160); // a headline, a byline, three dates and a few tags
}

void ArticlePage::appendRow(const SqliteStatement &statement)
{
    Row row;
    row.id = statement.integer(0);
    row.start = m_text.size();
    for (int column = 0; column < TextColumns; ++column) {
        const QByteArrayView text = statement.utf8(firstTextColumn + column);
        row.lengths[column] = text.isNull() ? -1 : int(text.size());
        m_text.append(text);
    }
    row.wordCount = int(statement.integer(firstNumberColumn));
    row.starred = statement.integer(firstNumberColumn + 1) != 0;
    row.read = statement.integer(firstNumberColumn + 2) != 0;
    row.hasThumbnail = statement.integer(firstNumberColumn + 3) != 0;
    row.trashed = statement.integer(firstNumberColumn + 4) != 0;
    m_rows.append(std::move(row));
    if (!m_made.isEmpty())
        m_made.emplace_back();
}

QByteArrayView ArticlePage::text(const Row &row, TextColumn column) const
{
    qsizetype at = row.start;
    for (int before = 0; before < column; ++before)
        at += std::max(row.lengths[before], 0);
    const int length = row.lengths[column];
    return length < 0 ? QByteArrayView() : QByteArrayView(m_text.constData() + at, length);
}

ArticleSummary ArticlePage::made(const Row &row) const
{
    ArticleSummary summary;
    summary.id = row.id;
    summary.headline = QString::fromUtf8(text(row, Headline));
    summary.section = QString::fromUtf8(text(row, Section));
    summary.byline = QString::fromUtf8(text(row, Byline));
    summary.status = statusFromUtf8(text(row, Status)).value_or(ArticleStatus::Draft);
    summary.createdAt = fromStorageTimeUtf8(text(row, CreatedAt));
    summary.updatedAt = fromStorageTimeUtf8(text(row, UpdatedAt));
    summary.publishedAt = fromStorageTimeUtf8(text(row, PublishedAt));
    if (const QByteArrayView tags = text(row, Tags); !tags.isEmpty())
        summary.tags = QString::fromUtf8(tags).split(QChar(31));
    summary.wordCount = row.wordCount;
    summary.starred = row.starred;
    summary.read = row.read;
    summary.hasThumbnail = row.hasThumbnail;
    summary.trashed = row.trashed;
    summary.snippet = row.snippet;
    return summary;
}

const ArticleSummary &ArticlePage::at(qsizetype row) const
{
    // Through the non-const list: a page shared with a copy is detached before a row is made in it.
    if (m_made.isEmpty())
        m_made.resize(m_rows.size());
    std::optional<ArticleSummary> &summary = m_made[row];
    if (!summary)
        summary = made(m_rows.at(row));
    return *summary;
}

ArticleSummary &ArticlePage::modify(qsizetype row)
{
    at(row);
    return *m_made[row];
}

ListCursor ArticlePage::cursorAfterLast() const
{
    if (m_rows.isEmpty())
        return {};
    // The date as stored, which the next page's statement compares with.
    const Row &last = m_rows.constLast();
    return {QString::fromUtf8(text(last, CreatedAt)), last.id};
}

QList<ArticleSummary> ArticlePage::toList() const
{
    QList<ArticleSummary> rows;
    rows.reserve(m_rows.size());
    for (qsizetype row = 0; row < m_rows.size(); ++row)
        rows.append(at(row));
    return rows;
}

void ArticlePage::append(const ArticlePage &other)
{
    if (other.isEmpty())
        return;
    // Rows made in either page stay made (they may hold changes their text does not).
    const bool keepMade = !m_made.isEmpty() || !other.m_made.isEmpty();
    if (keepMade)
        m_made.resize(m_rows.size());
    const qsizetype base = m_text.size();
    m_text.append(other.m_text);
    for (qsizetype row = 0; row < other.m_rows.size(); ++row) {
        Row moved = other.m_rows.at(row);
        moved.start += base;
        m_rows.append(std::move(moved));
        if (keepMade)
            m_made.append(other.m_made.isEmpty() ? std::nullopt : other.m_made.at(row));
    }
}

void ArticlePage::reverse()
{
    std::reverse(m_rows.begin(), m_rows.end());
    std::reverse(m_made.begin(), m_made.end());
}

ArticlePage ArticlePage::inOrderOf(const QList<qint64> &ids, const QHash<qint64, QString> &snippets) const
{
    QHash<qint64, qsizetype> rowOfId;
    rowOfId.reserve(m_rows.size());
    for (qsizetype row = 0; row < m_rows.size(); ++row)
        rowOfId.insert(m_rows.at(row).id, row);
    ArticlePage ordered;
    ordered.m_text = m_text; // shared, not copied
    ordered.m_rows.reserve(ids.size());
    for (const qint64 id : ids) {
        const auto row = rowOfId.constFind(id);
        if (row == rowOfId.cend())
            continue;
        const auto snippet = snippets.constFind(id);
        Row picked = m_rows.at(*row);
        if (snippet != snippets.cend())
            picked.snippet = *snippet;
        ordered.m_rows.append(std::move(picked));
        if (m_made.isEmpty())
            continue;
        ordered.m_made.resize(ordered.m_rows.size() - 1);
        std::optional<ArticleSummary> summary = m_made.at(*row);
        if (summary && snippet != snippets.cend())
            summary->snippet = *snippet;
        ordered.m_made.append(std::move(summary));
    }
    return ordered;
}

} // namespace Copydesk
