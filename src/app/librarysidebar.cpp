#include "librarysidebar.h"

#include <library/librarydatabase.h>

#include <QCollator>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHeaderView>
#include <QMenu>
#include <QScrollBar>
#include <QTimer>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {
constexpr int KindRole = Qt::UserRole + 1;
constexpr int ValueRole = Qt::UserRole + 2;
constexpr int QueryRole = Qt::UserRole + 3;  // a saved search's text
constexpr int FilterRole = Qt::UserRole + 4; // and its filter
} // namespace

LibrarySidebar::LibrarySidebar(const LibraryDatabase &database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_tree(new QTreeWidget(this))
{
    m_tree->setObjectName(u"librarySidebar"_s);
    m_tree->setAccessibleName(tr("Filters"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(false);
    m_tree->setIndentation(12);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 0);
    layout->addWidget(m_tree);
    // Ctrl+click adds a filter to the ones chosen: Unread with a tag, a section with a status...
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, [this] {
        QList<std::pair<QString, QString>> chosen;
        for (const QTreeWidgetItem *item : m_tree->selectedItems()) {
            const QString kind = item->data(0, KindRole).toString();
            if (kind == u"saved"_s) {
                // A saved search is a search of its own, not one more filter.
                const QSignalBlocker quiet(m_tree);
                m_tree->clearSelection();
                emit savedSearchChosen(item->data(0, ValueRole).toString(),
                                       item->data(0, QueryRole).toString(),
                                       item->data(0, FilterRole).toString());
                return;
            }
            if (!kind.isEmpty()) // not a heading
                chosen.append({kind, item->data(0, ValueRole).toString()});
        }
        if (chosen.isEmpty() || chosen == m_chosen)
            return;
        m_chosen = chosen;
        emit filterChosen(currentFilter());
    });
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const QTreeWidgetItem *item = m_tree->itemAt(at);
        if (!item)
            return;
        const QString kind = item->data(0, KindRole).toString();
        const QString value = item->data(0, ValueRole).toString();
        QMenu menu;
        if (kind == u"tag"_s)
            menu.addAction(tr("&Rename or Merge Tag…"), this,
                           [this, value] { emit renameTagRequested(value); });
        else if (kind == u"saved"_s)
            menu.addAction(tr("&Remove Saved Search"), this,
                           [this, value] { emit removeSavedSearchRequested(value); });
        else if (kind == u"trash"_s)
            menu.addAction(tr("&Empty Trash…"), this, &LibrarySidebar::emptyTrashRequested);
        if (!menu.isEmpty())
            menu.exec(m_tree->viewport()->mapToGlobal(at));
    });
    m_counter = new QObject; // deleted with its thread's end
    m_counter->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_counter, &QObject::deleteLater);
    m_thread.setObjectName(u"copydesk-counts"_s);
    m_thread.start();
    // Until the first counts come (seconds at a million articles): the filters without numbers, not zeros.
    LibraryCounts notCounted;
    notCounted.all = notCounted.unread = notCounted.starred = notCounted.trash = -1;
    for (const ArticleStatus status : allStatuses())
        notCounted.statuses.append({statusToString(status), -1});
    showCounts(notCounted, {});
}

LibrarySidebar::~LibrarySidebar()
{
    // Its thread reads the library, which must outlive it.
    m_thread.quit();
    m_thread.wait();
}

ArticleQuery LibrarySidebar::currentFilter() const
{
    ArticleQuery filter;
    for (const auto &[kind, value] : m_chosen) {
        if (kind == u"unread"_s)
            filter.unreadOnly = true;
        else if (kind == u"starred"_s)
            filter.starredOnly = true;
        else if (kind == u"trash"_s)
            filter.trashed = true;
        else if (kind == u"status"_s)
            filter.status = statusFromString(value);
        else if (kind == u"section"_s)
            filter.section = value;
        else if (kind == u"tag"_s && !filter.tags.contains(value))
            filter.tags.append(value);
        else if (kind == u"source"_s)
            filter.source = value;
    }
    return filter;
}

void LibrarySidebar::choose(const ArticleQuery &filter)
{
    QList<std::pair<QString, QString>> chosen;
    if (filter.unreadOnly)
        chosen.append({u"unread"_s, {}});
    if (filter.starredOnly)
        chosen.append({u"starred"_s, {}});
    if (filter.trashed)
        chosen.append({u"trash"_s, {}});
    if (filter.status)
        chosen.append({u"status"_s, statusToString(*filter.status)});
    if (!filter.section.isEmpty())
        chosen.append({u"section"_s, filter.section});
    for (const QString &tag : filter.tags)
        chosen.append({u"tag"_s, tag});
    if (!filter.source.isEmpty())
        chosen.append({u"source"_s, filter.source});
    if (chosen.isEmpty())
        chosen.append({u"all"_s, {}});
    m_chosen = chosen;
    const QSignalBlocker quiet(m_tree);
    m_tree->clearSelection();
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if (m_chosen.contains(
                std::pair((*it)->data(0, KindRole).toString(), (*it)->data(0, ValueRole).toString())))
            (*it)->setSelected(true);
    }
}

void LibrarySidebar::refreshCounts()
{
    m_countsStarted = true;
    if (m_counting) {
        m_countAgain = true;
        return;
    }
    m_counting = true;
    QMetaObject::invokeMethod(m_counter, [this, database = &m_database] {
        const ArticleRepository repository(*database);
        const LibraryCounts counts = repository.counts();
        const QList<SavedSearch> searches = repository.savedSearches();
        QMetaObject::invokeMethod(this, [this, counts, searches] {
            m_counting = false;
            showCounts(counts, searches);
            if (std::exchange(m_countAgain, false))
                refreshCounts();
        });
    });
}

void LibrarySidebar::waitForCounts()
{
    if (!m_countsStarted)
        refreshCounts();
    QDeadlineTimer deadline(20000);
    while ((m_counting || m_countAgain) && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

QTreeWidgetItem *LibrarySidebar::addItem(QTreeWidgetItem *parent, const QString &label, int count,
                                         const QString &kind, const QString &value)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
    item->setText(0, label);
    item->setText(1, count >= 0 ? QString::number(count) : QString());
    item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    item->setData(0, KindRole, kind);
    item->setData(0, ValueRole, value);
    if (kind.isEmpty()) { // a heading: not a filter
        item->setFlags(Qt::ItemIsEnabled);
        QFont font = item->font(0);
        font.setBold(true);
        item->setFont(0, font);
    }
    if (m_chosen.contains(std::pair(kind, value))) {
        const QSignalBlocker quiet(m_tree); // showing the choice again is not a new choice
        item->setSelected(true);
    }
    return item;
}

void LibrarySidebar::showCounts(const LibraryCounts &counts, const QList<SavedSearch> &searches)
{
    const QSignalBlocker quiet(m_tree);
    const int scroll = m_tree->verticalScrollBar() ? m_tree->verticalScrollBar()->value() : 0;
    m_tree->clear();
    addItem(nullptr, tr("All Articles"), counts.all, u"all"_s, {});
    addItem(nullptr, tr("Unread"), counts.unread, u"unread"_s, {});
    addItem(nullptr, tr("Starred"), counts.starred, u"starred"_s, {});
    auto *statuses = addItem(nullptr, tr("Status"), -1, {}, {});
    for (const auto &[status, count] : counts.statuses) {
        if (const auto known = statusFromString(status))
            addItem(statuses, statusDisplayName(*known), count, u"status"_s, status);
    }
    if (!counts.sections.isEmpty()) {
        auto *sections = addItem(nullptr, tr("Sections"), -1, {}, {});
        for (const auto &[section, count] : counts.sections)
            addItem(sections, section, count, u"section"_s, section);
    }
    if (!counts.tags.isEmpty()) {
        auto *tags = addItem(nullptr, tr("Tags"), -1, {}, {});
        // As a person reads them: "tag2" before "tag10", "Édition" among the E's.
        QCollator collator;
        collator.setNumericMode(true);
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        QList<std::pair<QString, int>> sorted = counts.tags;
        std::stable_sort(sorted.begin(), sorted.end(), [&collator](const auto &a, const auto &b) {
            return collator.compare(a.first, b.first) < 0;
        });
        for (const auto &[tag, count] : sorted)
            addItem(tags, tag, count, u"tag"_s, tag);
    }
    if (!counts.sources.isEmpty()) {
        auto *sources = addItem(nullptr, tr("Sources"), -1, {}, {});
        for (const auto &[source, count] : counts.sources)
            addItem(sources, source, count, u"source"_s, source);
    }
    if (!searches.isEmpty()) {
        auto *saved = addItem(nullptr, tr("Saved Searches"), -1, {}, {});
        for (const SavedSearch &search : searches) {
            QTreeWidgetItem *item = addItem(saved, search.name, -1, u"saved"_s, search.name);
            item->setData(0, QueryRole, search.query);
            item->setData(0, FilterRole, search.filter);
            item->setToolTip(0, search.query);
        }
    }
    addItem(nullptr, tr("Trash"), counts.trash, u"trash"_s, {});
    m_tree->expandAll();
    m_tree->verticalScrollBar()->setValue(scroll);
    emit countsShown();
}

QTreeWidgetItem *LibrarySidebar::itemNamed(const QString &label) const
{
    const QList<QTreeWidgetItem *> found = m_tree->findItems(label, Qt::MatchExactly | Qt::MatchRecursive, 0);
    for (QTreeWidgetItem *item : found) {
        if (!item->data(0, KindRole).toString().isEmpty())
            return item;
    }
    return nullptr;
}

} // namespace Copydesk
