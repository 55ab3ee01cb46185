// MainWindow's menus and their actions: one shortcut per action, each shown in its menu.

#include "mainwindow.h"

#include "articlelistpanel.h"
#include "copycheckpanel.h"
#include "editcontroller.h"
#include "editorpanel.h"
#include "historydialog.h"
#include "librarycontroller.h"
#include "librarysidebar.h"
#include "previewpanel.h"
#include "readercontroller.h"
#include "settings.h"
#include "spelling.h"
#include <render/articleexporter.h>

#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QStatusBar>

#include <functional>
#include <utility>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

// Edit menu actions act on whichever text field has the focus: QLineEdit and QTextEdit share these slots.
void invokeOnFocusedEditor(const char *slot)
{
    if (QWidget *focused = QApplication::focusWidget())
        QMetaObject::invokeMethod(focused, slot);
}

} // namespace

void MainWindow::setupMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    // One shortcut per action, the platform's standard keys first: importing is this program's Open (Ctrl+I
    // belongs to Italic in the editor).
    m_writingActions = {
        file->addAction(tr("&New Article"), QKeySequence::New, this, &MainWindow::newArticle),
        file->addAction(tr("&Import…"), QKeySequence::Open, this, &MainWindow::chooseImportFiles),
        file->addAction(tr("Import &Folder…"), QKeySequence(u"Ctrl+Shift+I"_s), this,
                        &MainWindow::chooseImportFolder),
        file->addAction(tr("Save from &URL…"), QKeySequence(u"Ctrl+Shift+U"_s), this,
                        &MainWindow::askForUrl)};
    // One entry per registered export format; the first, HTML, is the one on Ctrl+E.
    bool first = true;
    for (const ArticleExporter *exporter : m_exporters->exporters()) {
        const bool isFirst = std::exchange(first, false);
        QAction *action =
            file->addAction((isFirst ? tr("&Export %1…") : tr("Export %1…")).arg(exporter->displayName()),
                            this, [this, exporter] { exportCurrentArticle(*exporter); });
        if (isFirst)
            action->setShortcut(QKeySequence(u"Ctrl+E"_s));
    }
    file->addSeparator();
    QAction *saveVersion = file->addAction(tr("Save &Version…"), QKeySequence(u"Ctrl+Alt+S"_s), this, [this] {
        if (editController()->currentId() == 0)
            return;
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save Version"),
                                                   tr("A name for this version (\"Sent to the desk\"):"),
                                                   QLineEdit::Normal, QString(), &ok);
        if (ok &&
            m_editController->saveVersion(name.trimmed().isEmpty() ? tr("Saved version") : name.trimmed()))
            statusBar()->showMessage(tr("Version saved"), 4000);
    });
    QAction *history = file->addAction(tr("&History…"), QKeySequence(u"Ctrl+Alt+H"_s), this, [this] {
        const qint64 id = editController()->currentId();
        if (id == 0)
            return;
        m_editController->saveNow();
        HistoryDialog dialog(*m_library, id, this);
        connect(&dialog, &HistoryDialog::restored, m_editController, &EditController::reloadFromLibrary);
        dialog.exec();
    });
    m_writingActions.append(saveVersion);
    m_writingActions.append(history);
    file->addSeparator();
    m_reader->addOpenAndPrintActions(file, m_previewPanel, this);
    file->addSeparator();
    file->addAction(tr("Open &Library…"), QKeySequence(u"Ctrl+Shift+O"_s), m_libraryController,
                    &LibraryController::chooseAnotherLibrary);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    const std::pair<QString, QKeySequence::StandardKey> editActions[] = {{tr("&Undo"), QKeySequence::Undo},
                                                                         {tr("&Redo"), QKeySequence::Redo},
                                                                         {tr("Cu&t"), QKeySequence::Cut},
                                                                         {tr("&Copy"), QKeySequence::Copy},
                                                                         {tr("&Paste"), QKeySequence::Paste}};
    const char *slotNames[] = {"undo", "redo", "cut", "copy", "paste"};
    for (int i = 0; i < 5; ++i) {
        QAction *action = edit->addAction(editActions[i].first);
        action->setShortcut(editActions[i].second);
        // Text fields handle these keys themselves; the menu entries are for the mouse.
        action->setShortcutContext(Qt::WidgetShortcut);
        if (i == 0 || i == 1) {
            // Undo and redo reach the article's other fields (status, quotes, pictures) as well.
            connect(action, &QAction::triggered, this,
                    [this, undo = i == 0] { undo ? editorPanel()->undo() : editorPanel()->redo(); });
        } else {
            connect(action, &QAction::triggered, this,
                    [slot = slotNames[i]] { invokeOnFocusedEditor(slot); });
        }
        if (i == 1)
            edit->addSeparator();
    }
    edit->addSeparator();
    QAction *copyCheck = edit->addAction(tr("Copy &Check…"), QKeySequence(Qt::Key_F7), this, [this] {
        if (editController()->currentId() == 0)
            return;
        if (!m_copyCheck) {
            m_copyCheck = new CopyCheckPanel(editorPanel(), this);
            m_copyCheck->setWindowFlag(Qt::Tool);
        }
        m_copyCheck->recheck();
        m_copyCheck->show();
        m_copyCheck->raise();
    });
    copyCheck->setShortcutContext(Qt::WindowShortcut);
    QAction *spellCheck = edit->addAction(tr("Check &Spelling as You Type"));
    spellCheck->setObjectName(u"spellCheckAction"_s);
    spellCheck->setCheckable(true);
    spellCheck->setChecked(m_spelling->isEnabled());
    spellCheck->setToolTip(tr("Underline the words the dictionary for the article's language does not know"));
    connect(spellCheck, &QAction::toggled, this, [this](bool on) {
        m_spelling->setEnabled(on);
        QSettings settings;
        Settings::SpellCheck.write(settings, on);
    });
    edit->addAction(tr("&Find in Library"), QKeySequence::Find, this, [this] {
        m_listPanel->show();
        m_listPanel->searchField()->setFocus();
        m_listPanel->searchField()->selectAll();
    });

    // Ctrl+V on the list (not in a text field, which pastes text itself) saves a copied web address.
    m_pasteAddress = new QAction(tr("Paste Web Address"), m_listPanel);
    m_pasteAddress->setShortcut(QKeySequence::Paste);
    m_pasteAddress->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_pasteAddress, &QAction::triggered, this, &MainWindow::pasteUrl);
    m_listPanel->listView()->addAction(m_pasteAddress);
    m_writingActions.append(m_pasteAddress);

    QMenu *articleMenu = menuBar()->addMenu(tr("&Article"));
    m_reader->addActions(articleMenu);
    articleMenu->addSeparator();
    m_reader->addFilingActions(articleMenu, this);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_reader->addSortMenu(view);
    m_reader->addReadingMenu(view, m_previewPanel);
    view->addSeparator();
    struct Pane
    {
        QString title;
        std::function<QWidget *()> widget; // the editor's place holds a stand-in until it is made
        const SettingKey<bool> &visible;
    };
    const Pane panes[] = {
        {tr("Article &List"), [this] { return m_listPanel; }, Settings::ListVisible},
        {tr("&Editor"),
         [this] { return m_editorPanel ? static_cast<QWidget *>(m_editorPanel) : m_editorSlot; },
         Settings::EditorVisible},
        {tr("&Preview"), [this] { return m_previewPanel; }, Settings::PreviewVisible},
        {tr("&Sidebar"), [this] { return m_sidebar; }, Settings::SidebarVisible}};
    const QSettings settings;
    int number = 1;
    for (const Pane &pane : panes) {
        QAction *toggle = view->addAction(pane.title);
        toggle->setCheckable(true);
        toggle->setChecked(pane.visible.read(settings));
        pane.widget()->setVisible(toggle->isChecked());
        toggle->setShortcut(QKeySequence(u"Ctrl+Shift+%1"_s.arg(number++)));
        connect(toggle, &QAction::toggled, this, [widget = pane.widget, &key = pane.visible](bool on) {
            widget()->setVisible(on);
            QSettings settings;
            key.write(settings, on);
        });
    }
}

} // namespace Copydesk
