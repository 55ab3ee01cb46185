#include "readercontroller.h"

#include "articlelistpanel.h"
#include "librarysidebar.h"
#include "previewpanel.h"
#include "settings.h"

#include <library/articlelistmodel.h>
#include <library/library.h>

#include <QAction>
#include <QActionGroup>
#include <QDesktopServices>
#include <QListView>
#include <QMenu>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

// A change of marks, tags or trash, undone by its own inverse.
class ReaderCommand final : public QUndoCommand
{
public:
    ReaderCommand(const QString &text, std::function<void()> redo, std::function<void()> undo)
        : QUndoCommand(text)
        , m_redo(std::move(redo))
        , m_undo(std::move(undo))
    {}
    void redo() override { m_redo(); }
    void undo() override { m_undo(); }

private:
    std::function<void()> m_redo;
    std::function<void()> m_undo;
};

} // namespace

ReaderController::ReaderController(Library &library, ArticleListModel *model, ArticleListPanel *list,
                                   LibrarySidebar *sidebar, QObject *parent)
    : QObject(parent)
    , m_library(library)
    , m_model(model)
    , m_list(list)
    , m_sidebar(sidebar)
    , m_undo(new QUndoStack(this))
{
    m_readTimer.setSingleShot(true);
    m_readTimer.setInterval(ReadAfterMs);
    connect(&m_readTimer, &QTimer::timeout, this, [this] {
        const int row = m_model->rowOf(m_openId);
        if (row >= 0 && !m_model->index(row).data(ArticleListModel::ReadRole).toBool())
            m_library.setRead({m_openId}, true); // reading is not an undoable edit
    });
    // The sidebar's filter, with whatever is typed in the search field.
    connect(sidebar, &LibrarySidebar::filterChosen, this, [this](const ArticleQuery &filter) {
        ArticleQuery query = filter;
        query.text = m_model->query().text;
        query.order = m_model->query().order; // the sort chosen stays
        m_model->setQuery(query);
    });
    // Counts follow the library.
    auto *recount = new QTimer(this);
    recount->setSingleShot(true);
    recount->setInterval(300);
    connect(recount, &QTimer::timeout, sidebar, &LibrarySidebar::refreshCounts);
    for (const auto signal : {&Library::articleAdded, &Library::articleRemoved})
        connect(&library, signal, recount, qOverload<>(&QTimer::start));
    for (const auto signal : {&Library::changedElsewhere, &Library::tagsChanged})
        connect(&library, signal, recount, qOverload<>(&QTimer::start));
    connect(&library, &Library::articlesTrashed, recount, qOverload<>(&QTimer::start));
    connect(&library, &Library::savedSearchesChanged, recount, qOverload<>(&QTimer::start));
    // An autosave changes an article every few seconds while someone types: the counts are read again
    // only when what they count (status, section, tags, star, read) changed.
    connect(&library, &Library::articleChanged, this, [this, recount](qint64 id) {
        const std::optional<ArticleSummary> now = m_library.articles().summary(id);
        const QString counted = now ? QStringList{statusToString(now->status), now->section.toCaseFolded(),
                                                  now->tags.join(QChar(31)), QString::number(now->starred),
                                                  QString::number(now->read)}
                                          .join(QChar(30))
                                    : QString();
        const auto known = m_countedFields.constFind(id);
        if (known != m_countedFields.cend() && *known == counted)
            return;
        if (m_countedFields.size() > 1000)
            m_countedFields.clear();
        m_countedFields.insert(id, counted); // first seen: what it was before is not known, so count
        recount->start();
    });
    connect(model, &QAbstractItemModel::dataChanged, this, &ReaderController::updateActions);
    connect(model, &QAbstractItemModel::modelReset, this, &ReaderController::updateActions);
    connect(list->listView()->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ReaderController::updateActions);
}

void ReaderController::addActions(QMenu *menu)
{
    const auto add = [this, menu](const QString &text, const QKeySequence &shortcut, auto slot) {
        QAction *action = menu->addAction(text, shortcut, this, slot);
        action->setShortcutContext(Qt::WindowShortcut);
        return action;
    };
    m_next = add(tr("&Next Article"), QKeySequence(u"Ctrl+Alt+Down"_s), [this] { moveBy(1); });
    m_previous = add(tr("&Previous Article"), QKeySequence(u"Ctrl+Alt+Up"_s), [this] { moveBy(-1); });
    m_nextUnread =
        add(tr("Next &Unread Article"), QKeySequence(u"Ctrl+Alt+N"_s), [this] { moveToNextUnread(); });
    menu->addSeparator();
    m_star = add(tr("&Star"), QKeySequence(u"Ctrl+D"_s), [this] { toggleStar(); });
    m_star->setCheckable(true);
    m_read = add(tr("Mark as &Read"), QKeySequence(u"Ctrl+Shift+M"_s), [this] { toggleRead(); });
    m_read->setCheckable(true);
    menu->addSeparator();
    // Undo of marks, in this menu and with Ctrl+Z while the list has focus.
    m_undoAction = m_undo->createUndoAction(menu, tr("Undo"));
    m_redoAction = m_undo->createRedoAction(menu, tr("Redo"));
    menu->addAction(m_undoAction);
    menu->addAction(m_redoAction);
    auto *listUndo = new QAction(m_list->listView());
    listUndo->setShortcut(QKeySequence::Undo);
    listUndo->setShortcutContext(Qt::WidgetShortcut);
    connect(listUndo, &QAction::triggered, m_undo, &QUndoStack::undo);
    m_list->listView()->addAction(listUndo);
    auto *listRedo = new QAction(m_list->listView());
    listRedo->setShortcut(QKeySequence::Redo);
    listRedo->setShortcutContext(Qt::WidgetShortcut);
    connect(listRedo, &QAction::triggered, m_undo, &QUndoStack::redo);
    m_list->listView()->addAction(listRedo);
    updateActions();
}

void ReaderController::addSortMenu(QMenu *view)
{
    QMenu *sort = view->addMenu(tr("Sort &By"));
    auto *group = new QActionGroup(sort);
    const std::pair<QString, std::optional<ArticleQuery::Order>> orders[] = {
        {tr("&Best Match, Else Newest"), std::nullopt},
        {tr("&Date, Newest First"), ArticleQuery::Order::Newest},
        {tr("&Headline"), ArticleQuery::Order::Headline},
        {tr("&Section"), ArticleQuery::Order::Section},
        {tr("S&tatus"), ArticleQuery::Order::Status},
        {tr("&Length, Longest First"), ArticleQuery::Order::Longest}};
    const int saved = Settings::ListOrder.read(QSettings());
    for (const auto &[text, order] : orders) {
        QAction *action = sort->addAction(text);
        action->setCheckable(true);
        group->addAction(action);
        const int value = order ? int(*order) : -1;
        action->setChecked(value == saved);
        connect(action, &QAction::triggered, this, [this, order] { setOrder(order); });
    }
    if (saved >= 0)
        setOrder(ArticleQuery::Order(saved));
}

void ReaderController::setOrder(std::optional<ArticleQuery::Order> order)
{
    ArticleQuery query = m_model->query();
    query.order = order;
    m_model->setQuery(query);
    QSettings settings;
    Settings::ListOrder.write(settings, order ? int(*order) : -1);
}

void ReaderController::addReadingMenu(QMenu *view, PreviewPanel *preview)
{
    QSettings settings;
    ReadingStyle style;
    style.theme = Settings::ReadingTheme.read(settings);
    style.size = Settings::ReadingSize.read(settings);
    style.width = Settings::ReadingWidth.read(settings);
    style.sans = Settings::ReadingSans.read(settings);
    preview->setReadingStyle(style);
    const auto change = [preview](const std::function<void(ReadingStyle &)> &edit) {
        ReadingStyle changed = preview->readingStyle();
        edit(changed);
        changed.size = std::clamp(changed.size, -2, 4);
        preview->setReadingStyle(changed);
        QSettings settings;
        Settings::ReadingTheme.write(settings, changed.theme);
        Settings::ReadingSize.write(settings, changed.size);
        Settings::ReadingWidth.write(settings, changed.width);
        Settings::ReadingSans.write(settings, changed.sans);
    };
    QMenu *reading = view->addMenu(tr("&Reading"));
    const auto addChoices = [&](const QList<std::pair<QString, QString>> &choices, const QString &current,
                                void (*set)(ReadingStyle &, const QString &)) {
        auto *group = new QActionGroup(reading);
        for (const auto &[text, value] : choices) {
            QAction *action = reading->addAction(text);
            action->setCheckable(true);
            action->setChecked(value == current);
            group->addAction(action);
            connect(action, &QAction::triggered, this, [change, set, value = value] {
                change([set, value](ReadingStyle &s) { set(s, value); });
            });
        }
        reading->addSeparator();
    };
    addChoices({{tr("&System Theme"), u"system"_s},
                {tr("&Light"), u"light"_s},
                {tr("&Dark"), u"dark"_s},
                {tr("S&epia"), u"sepia"_s}},
               style.theme, [](ReadingStyle &s, const QString &value) { s.theme = value; });
    addChoices({{tr("&Narrow Lines"), u"narrow"_s},
                {tr("&Medium Lines"), u"medium"_s},
                {tr("&Wide Lines"), u"wide"_s}},
               style.width, [](ReadingStyle &s, const QString &value) { s.width = value; });
    reading->addAction(tr("&Larger Text"), QKeySequence(u"Ctrl+="_s), this,
                       [change] { change([](ReadingStyle &s) { ++s.size; }); });
    reading->addAction(tr("S&maller Text"), QKeySequence(u"Ctrl+-"_s), this,
                       [change] { change([](ReadingStyle &s) { --s.size; }); });
    // No Ctrl+0: the editor's "paragraph" has it.
    reading->addAction(tr("&Actual Size"), this, [change] { change([](ReadingStyle &s) { s.size = 0; }); });
    QAction *sans = reading->addAction(tr("Sans-Serif &Text"));
    sans->setCheckable(true);
    sans->setChecked(style.sans);
    connect(sans, &QAction::toggled, this,
            [change](bool on) { change([on](ReadingStyle &s) { s.sans = on; }); });
}

QUrl ReaderController::originalAddress() const
{
    const std::optional<Article> article = m_openId > 0 ? m_library.articles().load(m_openId) : std::nullopt;
    const QUrl address(article ? article->sourceUrl : QString());
    return address.isValid() && (address.scheme() == u"https"_s || address.scheme() == u"http"_s) ? address
                                                                                                  : QUrl();
}

void ReaderController::addOpenAndPrintActions(QMenu *file, PreviewPanel *preview, QWidget *dialogParent)
{
    m_openOriginal = file->addAction(tr("Open &Original"), QKeySequence(u"Ctrl+Shift+B"_s), this, [this] {
        const QUrl address = originalAddress();
        if (!address.isEmpty())
            QDesktopServices::openUrl(address); // the system's browser: never inside Copydesk
    });
    m_openOriginal->setToolTip(tr("The page the article was saved from, in your web browser"));
    m_openOriginal->setEnabled(false);
    file->addAction(tr("Print Pre&view…"), this, [preview, dialogParent] {
        QPrintPreviewDialog dialog(dialogParent);
        connect(&dialog, &QPrintPreviewDialog::paintRequested, preview,
                [preview](QPrinter *printer) { preview->print(printer); });
        dialog.exec();
    });
    file->addAction(tr("&Print…"), QKeySequence::Print, this, [preview, dialogParent] {
        QPrinter printer;
        QPrintDialog dialog(&printer, dialogParent);
        if (dialog.exec() == QDialog::Accepted)
            preview->print(&printer);
    });
}

void ReaderController::articleOpened(qint64 id)
{
    m_openId = id;
    if (m_openOriginal)
        m_openOriginal->setEnabled(!originalAddress().isEmpty());
    m_readTimer.start();
    updateActions();
}

void ReaderController::push(const QString &text, std::function<void()> redo, std::function<void()> undo)
{
    m_undo->push(new ReaderCommand(
        text,
        [this, redo = std::move(redo)] {
            redo();
            updateActions();
        },
        [this, undo = std::move(undo)] {
            undo();
            updateActions();
        }));
}

void ReaderController::setMark(bool star, const QModelIndexList &rows, bool on)
{
    // Each article gets its own mark back on undo: a selection may mix starred and not.
    QList<qint64> ids;
    QList<qint64> hadIt;
    const int role = star ? ArticleListModel::StarredRole : ArticleListModel::ReadRole;
    for (const QModelIndex &row : rows) {
        const qint64 id = row.data(ArticleListModel::IdRole).toLongLong();
        ids.append(id);
        if (row.data(role).toBool())
            hadIt.append(id);
    }
    if (ids.isEmpty())
        return;
    QList<qint64> hadNot = ids;
    for (const qint64 id : hadIt)
        hadNot.removeOne(id);
    const auto apply = [this, star](const QList<qint64> &which, bool value) {
        if (which.isEmpty())
            return;
        if (star)
            m_library.setStarred(which, value);
        else
            m_library.setRead(which, value);
    };
    QString text = star ? (on ? tr("Star") : tr("Unstar")) : (on ? tr("Mark as Read") : tr("Mark as Unread"));
    if (ids.size() > 1)
        text = tr("%1 (%2 articles)").arg(text).arg(ids.size());
    push(
        text, [apply, ids, on] { apply(ids, on); },
        [apply, hadIt, hadNot] {
            apply(hadIt, true);
            apply(hadNot, false);
        });
}

void ReaderController::toggleStar()
{
    const QModelIndex current = m_list->listView()->currentIndex();
    if (!current.isValid())
        return;
    setMark(true, m_list->selectedRows(), !current.data(ArticleListModel::StarredRole).toBool());
}

void ReaderController::toggleRead()
{
    const QModelIndex current = m_list->listView()->currentIndex();
    if (!current.isValid())
        return;
    if (current.data(ArticleListModel::IdRole).toLongLong() == m_openId)
        m_readTimer.stop(); // marked by hand: the dwell does not mark it again
    setMark(false, m_list->selectedRows(), !current.data(ArticleListModel::ReadRole).toBool());
}

bool ReaderController::moveBy(int rows)
{
    QListView *view = m_list->listView();
    const int row = view->currentIndex().isValid() ? view->currentIndex().row() + rows : 0;
    if (row >= m_model->rowCount() && m_model->canFetchMore({}))
        m_model->fetchMore({});
    if (row < 0 || row >= m_model->rowCount())
        return false;
    view->setCurrentIndex(m_model->index(row));
    return true;
}

bool ReaderController::moveToNextUnread()
{
    QListView *view = m_list->listView();
    int row = view->currentIndex().isValid() ? view->currentIndex().row() + 1 : 0;
    // Only a few pages on: the next unread is usually near, and a search of the whole library is the
    // sidebar's Unread.
    for (int pages = 0; pages < 10; ++pages) {
        for (; row < m_model->rowCount(); ++row) {
            if (!m_model->index(row).data(ArticleListModel::ReadRole).toBool()) {
                view->setCurrentIndex(m_model->index(row));
                return true;
            }
        }
        if (!m_model->canFetchMore({}))
            break;
        m_model->fetchMore({});
    }
    return false;
}

void ReaderController::updateActions()
{
    if (!m_star)
        return;
    const QModelIndex current = m_list->listView()->currentIndex();
    m_star->setEnabled(current.isValid());
    m_read->setEnabled(current.isValid());
    if (m_trash) {
        const bool inTrash = m_model->shownQuery().trashed;
        m_tag->setEnabled(current.isValid());
        m_trash->setEnabled(current.isValid() && !inTrash);
        m_restore->setEnabled(current.isValid() && inTrash);
    }
    m_star->setChecked(current.data(ArticleListModel::StarredRole).toBool());
    m_read->setChecked(current.data(ArticleListModel::ReadRole).toBool());
}

} // namespace Copydesk
