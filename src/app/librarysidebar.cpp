#include "librarysidebar.h"

#include <library/librarydatabase.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHeaderView>
#include <QScrollBar>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {
constexpr int KindRole = Qt::UserRole + 1;
constexpr int ValueRole = Qt::UserRole + 2;
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
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!item || item->data(0, KindRole).toString().isEmpty())
            return; // a heading
        m_chosenKind = item->data(0, KindRole).toString();
        m_chosenValue = item->data(0, ValueRole).toString();
        emit filterChosen(currentFilter());
    });
    m_counter = new QObject; // deleted with its thread's end
    m_counter->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_counter, &QObject::deleteLater);
    m_thread.setObjectName(u"copydesk-counts"_s);
    m_thread.start();
    showCounts({});
    refreshCounts();
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
    if (m_chosenKind == u"unread"_s)
        filter.unreadOnly = true;
    else if (m_chosenKind == u"starred"_s)
        filter.starredOnly = true;
    else if (m_chosenKind == u"status"_s)
        filter.status = statusFromString(m_chosenValue);
    else if (m_chosenKind == u"section"_s)
        filter.section = m_chosenValue;
    else if (m_chosenKind == u"tag"_s)
        filter.tags = {m_chosenValue};
    return filter;
}

void LibrarySidebar::refreshCounts()
{
    if (m_counting) {
        m_countAgain = true;
        return;
    }
    m_counting = true;
    QMetaObject::invokeMethod(m_counter, [this, database = &m_database] {
        const LibraryCounts counts = ArticleRepository(*database).counts();
        QMetaObject::invokeMethod(this, [this, counts] {
            m_counting = false;
            showCounts(counts);
            if (std::exchange(m_countAgain, false))
                refreshCounts();
        });
    });
}

void LibrarySidebar::waitForCounts()
{
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
    if (kind == m_chosenKind && value == m_chosenValue) {
        const QSignalBlocker quiet(m_tree); // showing the choice again is not a new choice
        m_tree->setCurrentItem(item);
    }
    return item;
}

void LibrarySidebar::showCounts(const LibraryCounts &counts)
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
        for (const auto &[tag, count] : counts.tags)
            addItem(tags, tag, count, u"tag"_s, tag);
    }
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
