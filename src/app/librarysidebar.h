#pragma once

#include <library/articlequery.h>
#include <library/articlerepository.h>

#include <QThread>
#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace Copydesk {

class Library;
class LibraryDatabase;

// The list's filters with their counts: All, Unread, Starred, each status, section, tag and source, the
// saved searches and the Trash. Choosing one filters the list, Ctrl+click adds one to those chosen (with
// the search text, through ArticleQuery). Tags are renamed and merged, saved searches removed and the
// trash emptied from the context menu. Counts are read on a thread of
// the sidebar's own, whose SQLite connection is opened once and kept: a large library never holds up the
// window, and recounting opens no file (a pool thread would open a new connection whenever it is new).
class LibrarySidebar final : public QWidget
{
    Q_OBJECT

public:
    LibrarySidebar(const LibraryDatabase &database, QWidget *parent = nullptr);
    ~LibrarySidebar() override;

    // The filter of the items chosen (All: an empty query).
    ArticleQuery currentFilter() const;
    // Shows this filter as chosen (a saved search's), without announcing it.
    void choose(const ArticleQuery &filter);
    // Reads the counts again (soon: several changes in a row cost one reading). The window asks for the
    // first reading once its first frames are painted (MainWindow::afterEditorFrame).
    void refreshCounts();
    // Waits for a reading under way, starting the first if it has not started (tests).
    void waitForCounts();
    QTreeWidget *tree() const { return m_tree; }
    // The item showing this filter's label ("Unread", "Draft", a section or tag name), or null.
    QTreeWidgetItem *itemNamed(const QString &label) const;

signals:
    void filterChosen(const ArticleQuery &filter);
    void savedSearchChosen(const QString &name, const QString &query, const QString &filter);
    void renameTagRequested(const QString &tag);
    void removeSavedSearchRequested(const QString &name);
    void emptyTrashRequested();
    void countsShown();

private:
    void showCounts(const LibraryCounts &counts, const QList<SavedSearch> &searches);
    QTreeWidgetItem *addItem(QTreeWidgetItem *parent, const QString &label, int count, const QString &kind,
                             const QString &value);

    const LibraryDatabase &m_database;
    QTreeWidget *m_tree;
    QThread m_thread;
    QObject *m_counter = nullptr; // lives on m_thread
    bool m_counting = false;
    bool m_countAgain = false;
    bool m_countsStarted = false;
    QList<std::pair<QString, QString>> m_chosen{{QStringLiteral("all"), QString()}}; // kind, value
};

} // namespace Copydesk
