#pragma once

#include <library/articlequery.h>

#include <QHash>
#include <QModelIndexList>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>

class QAction;
class QActionGroup;
class QWidget;
class QMenu;
class QUndoStack;

namespace Copydesk {

class ArticleListModel;
class ArticleListPanel;
class Library;
class LibrarySidebar;
class PreviewPanel;

// The reader's side of the window: the sidebar's filters applied to the list, star and read marks (undoable,
// by menu and keyboard), moving to the next, previous or next unread article, and marking an article read
// once it has been open a moment.
class ReaderController final : public QObject
{
    Q_OBJECT

public:
    static constexpr int ReadAfterMs = 1500; // open this long: read

    ReaderController(Library &library, ArticleListModel *model, ArticleListPanel *list,
                     LibrarySidebar *sidebar, QObject *parent = nullptr);

    // The Article menu: each action with its shortcut.
    void addActions(QMenu *menu);
    // The Article menu's filing: Tag… (Ctrl+T), Move to Trash (Delete, in the list), Restore from Trash,
    // Empty Trash…, Save Search…; with the sidebar's renaming of tags and removal of saved searches.
    void addFilingActions(QMenu *menu, QWidget *dialogParent);
    // View > Sort By: best match (with search text) or newest, headline, section, status, length.
    void addSortMenu(QMenu *view);
    void setOrder(std::optional<ArticleQuery::Order> order);
    // View > Reading: the preview's theme, text size, line width and typeface, remembered.
    void addReadingMenu(QMenu *view, PreviewPanel *preview);
    // File > Open Original (the article's source address, in the system's browser), Print Preview… and
    // Print… of the article as the preview shows it.
    void addOpenAndPrintActions(QMenu *file, PreviewPanel *preview, QWidget *dialogParent);
    QAction *openOriginalAction() const { return m_openOriginal; }
    // The open article's source address, when it has one.
    QUrl originalAddress() const;
    QUndoStack *undoStack() const { return m_undo; }
    QAction *starAction() const { return m_star; }
    QAction *readAction() const { return m_read; }
    QAction *nextAction() const { return m_next; }
    QAction *previousAction() const { return m_previous; }
    QAction *nextUnreadAction() const { return m_nextUnread; }

    // An article was opened: it counts as read after ReadAfterMs if still open.
    void articleOpened(qint64 id);
    void toggleStar();
    void toggleRead();
    bool moveBy(int rows);
    bool moveToNextUnread();
    // The selected articles to the trash (or out of it), undoably.
    void trashSelection(bool toTrash);
    void emptyTrash();
    // Tags the selected articles: "a, b" adds, "-c" takes away; asks when edit is null. Undoable.
    void tagSelection(const QString &edit = {});
    // Renames a tag (or merges it into another of that name); asks when name is null. Undoable.
    void renameTag(const QString &tag, const QString &name = {});
    // Keeps the search and filters shown under a name; asks when name is null.
    void saveSearch(const QString &name = {});
    QAction *trashAction() const { return m_trash; }
    QAction *restoreAction() const { return m_restore; }
    QAction *tagAction() const { return m_tag; }

    static QStringList applyTagEdit(QStringList tags, const QString &edit);
    static ArticleQuery filterFromJson(const QString &json);
    static QString filterToJson(const ArticleQuery &filter);

private:
    void push(const QString &text, std::function<void()> redo, std::function<void()> undo);
    void setMark(bool star, const QModelIndexList &rows, bool on);
    void updateActions();

    Library &m_library;
    ArticleListModel *m_model;
    ArticleListPanel *m_list;
    LibrarySidebar *m_sidebar;
    QUndoStack *m_undo;
    QTimer m_readTimer;
    qint64 m_openId = 0;
    QAction *m_star = nullptr;
    QAction *m_read = nullptr;
    QAction *m_next = nullptr;
    QAction *m_previous = nullptr;
    QAction *m_nextUnread = nullptr;
    QAction *m_openOriginal = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_tag = nullptr;
    QAction *m_trash = nullptr;
    QAction *m_restore = nullptr;
    QWidget *m_dialogParent = nullptr;
    QHash<qint64, QString> m_countedFields; // what the sidebar counts of recently changed articles
};

} // namespace Copydesk
