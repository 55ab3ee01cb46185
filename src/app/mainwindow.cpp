#include "mainwindow.h"

#include "articlelistpanel.h"
#include "copycheckpanel.h"
#include "editcontroller.h"
#include "editorpanel.h"
#include "emptystatewidget.h"
#include "filedialogs.h"
#include "historydialog.h"
#include "importcontroller.h"
#include "librarybanner.h"
#include "librarycontroller.h"
#include "librarysidebar.h"
#include "previewpanel.h"
#include "readercontroller.h"
#include "settings.h"
#include "spelling.h"
#include "textcountslabel.h"
#include "thumbnailloader.h"
#include <cli/formats.h>
#include <library/articlelistmodel.h>
#include <library/articlequeryrunner.h>
#include <library/library.h>
#include <library/librarydatabase.h>
#include <render/articleexporter.h>
#include <render/articlerenderer.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTextEdit>
#include <QTimer>
#include <QVBoxLayout>

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

MainWindow::MainWindow(LibraryDatabase &database, QWidget *parent)
    : QMainWindow(parent)
    , m_library(std::make_unique<Library>(database))
    , m_renderer(std::make_unique<ArticleRenderer>())
    , m_exporters(Formats::exporters(*m_renderer))
    , m_listModel(new ArticleListModel(m_library->articles(), this))
    , m_queryRunner(new ArticleQueryRunner(database, this))
    , m_stack(new QStackedWidget(this))
    , m_splitter(new QSplitter(Qt::Horizontal, m_stack))
    , m_listPanel(new ArticleListPanel(m_listModel, m_splitter))
    , m_editorSlot(new QWidget(m_splitter))
    , m_previewPanel(new PreviewPanel(m_library->articles(), *m_renderer, m_splitter,
                                      PreviewPanel::EngineStart::WhenAsked))
    , m_importController(new ImportController(database, this, this))
    , m_banner(new LibraryBanner(this))
    , m_libraryController(new LibraryController(database, m_banner, this, this))
    , m_spelling(new Spelling(database.path(), this))
    , m_sidebar(new LibrarySidebar(database, m_splitter))
    , m_reader(new ReaderController(*m_library, m_listModel, m_listPanel, m_sidebar, this))
{
    m_spelling->setEnabled(Settings::SpellCheck.read(QSettings()));
    // "[*]" shows while edits wait for the autosave.
    setWindowTitle(u"%1[*] — Copydesk"_s.arg(QFileInfo(database.path()).fileName()));
    setAcceptDrops(true);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_listPanel);
    m_splitter->addWidget(m_editorSlot); // the editor takes its place after the first frame (buildEditor)
    m_splitter->addWidget(m_previewPanel);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setStretchFactor(3, 2);
    m_splitter->setChildrenCollapsible(false);
    m_stack->addWidget(m_splitter);
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_banner);
    centralLayout->addWidget(m_stack, 1);
    setCentralWidget(central);
    statusBar(); // in the first frame: the editor's counts join it later without moving the list
    setupMenus();
    m_importController->setImportSetup(Formats::addImporters); // main adds saved pages and downloads

    connect(m_listPanel, &ArticleListPanel::articleActivated, this, &MainWindow::openArticle);
    connect(m_importController, &ImportController::finished, this, &MainWindow::importFinished);
    m_listModel->followChanges(*m_library);
    auto *thumbnails = new ThumbnailLoader(database, this);
    m_listPanel->setThumbnails(thumbnails);
    connect(m_library.get(), &Library::articleChanged, thumbnails, &ThumbnailLoader::forget);
    connect(m_library.get(), &Library::changedElsewhere, this, &MainWindow::updateEmptyState);
    connect(m_libraryController, &LibraryController::writeAccessChanged, this, &MainWindow::applyWriteAccess);
    connect(m_libraryController, &LibraryController::openLibraryRequested, this,
            &MainWindow::switchToLibrary);
    connect(m_libraryController, &LibraryController::rescueRequested, this, [this] {
        QList<Article> unsaved;
        if (m_editController && m_editController->hasUnsavedChanges() && m_editController->currentArticle())
            unsaved.append(*m_editController->currentArticle());
        m_libraryController->rescue(unsaved);
    });

    // The first screen at once, its count and every search from now on off this thread. The count waits
    // for the editor's first frame (afterEditorFrame).
    m_listModel->setRunner(m_queryRunner);
    m_listModel->holdCount();
    m_listModel->reload();
    restoreLayout();
    updateEmptyState();
    applyWriteAccess();
}

// The editor is the window's largest part: its forms and the article it reopens took about 10 ms of the
// first frame (docs/benchmarks.md). It comes in the frame after, as the preview's engine does; whatever
// needs it before (opening an article, a menu's action, a test) makes it then.
void MainWindow::buildEditor()
{
    if (m_editorPanel)
        return;
    // Made without a parent: replaceWidget() takes only a widget that is not the splitter's yet, and gives
    // it the stand-in's place and visibility. Shown, the sizes are set again as they are: the splitter
    // would otherwise share the width out anew from the sizes asked for, and the list and the preview
    // would move in the second frame. Not shown yet (an empty library's welcome in its place), it has no
    // sizes of its own to keep: the ones asked for (restoreLayout) stay.
    m_editorPanel = new EditorPanel();
    const bool laidOut = m_splitter->isVisible();
    const QList<int> shownSizes = m_splitter->sizes();
    delete m_splitter->replaceWidget(m_splitter->indexOf(m_editorSlot), m_editorPanel);
    if (laidOut)
        m_splitter->setSizes(shownSizes);
    m_editorPanel->setSpelling(m_spelling);
    m_editController = new EditController(*m_library, m_editorPanel, m_previewPanel, this);
    m_editorSlot = nullptr;

    connect(m_editController, &EditController::articleEdited, m_listModel, &ArticleListModel::showEdits);
    connect(m_editController, &EditController::articleSaved, this, [this](qint64 id) {
        QSettings settings;
        if (Settings::LastArticle.read(settings) == id)
            Settings::LastBodyPosition.write(settings, m_editorPanel->bodyEdit()->textCursor().position());
    });
    connect(m_editController, &EditController::articleSaved, this,
            [this] { statusBar()->showMessage(tr("Saved"), 2000); });
    connect(m_editController, &EditController::saveFailed, this,
            [this](const QString &error) { QMessageBox::warning(this, tr("Copydesk"), error); });
    connect(m_editController, &EditController::unsavedChangesChanged, this, &QWidget::setWindowModified);
    connect(m_editController, &EditController::notice, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    // Tags given from the list move the article's saved version on: the editor takes them in.
    connect(m_library.get(), &Library::tagsChanged, m_editController, &EditController::syncWithLibrary);

    const QSettings settings;
    m_editorPanel->setHeadlineTarget(Settings::HeadlineTarget.read(settings));
    m_textCounts = new TextCountsLabel(m_editorPanel->bodyEdit(), this);
    statusBar()->addPermanentWidget(m_textCounts);
    m_editorPanel->setSmartTypography(Settings::SmartTypography.read(settings));
    connect(m_editorPanel->smartTypographyAction(), &QAction::toggled, this, [](bool on) {
        QSettings settings;
        Settings::SmartTypography.write(settings, on);
    });
    m_editorPanel->setReadOnly(!m_libraryController->writesAllowed());
    reopenLastArticle();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editorPanel && event->type() == QEvent::Paint)
        QTimer::singleShot(0, this, &MainWindow::afterEditorFrame); // once this frame is done
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::reopenLastArticle()
{
    // Reopen what was open last time, else the newest article.
    const qint64 last = Settings::LastArticle.read(QSettings());
    const qint64 reopen = last > 0 && m_library->articles().summary(last) ? last : m_listModel->idAt(0);
    if (reopen > 0 && !m_listPanel->selectArticle(reopen))
        openArticle(reopen); // older than the first page: open it without paging the list to it
    // The article that was open last time is open again at the same place: its body, the cursor where it
    // stood at the last save.
    if (reopen == last && m_editController->currentId() == last) {
        const int position = Settings::LastBodyPosition.read(QSettings());
        QTextEdit *body = m_editorPanel->bodyEdit();
        if (position >= 0) {
            // Words typed after the last save may have been lost in a crash: then the end of what was kept.
            QTextCursor cursor = body->textCursor();
            cursor.setPosition(std::min(position, body->document()->characterCount() - 1));
            body->setTextCursor(cursor);
            body->setFocus();
            // Once the window is laid out, so the place is in view.
            QTimer::singleShot(0, body, [body] { body->ensureCursorVisible(); });
        }
    }
}

EditorPanel *MainWindow::editorPanel() const
{
    const_cast<MainWindow *>(this)->buildEditor();
    return m_editorPanel;
}

EditController *MainWindow::editController() const
{
    const_cast<MainWindow *>(this)->buildEditor();
    return m_editController;
}

TextCountsLabel *MainWindow::textCounts() const
{
    const_cast<MainWindow *>(this)->buildEditor();
    return m_textCounts;
}

bool MainWindow::event(QEvent *event)
{
    if (event->type() == QEvent::Paint && !std::exchange(m_firstFramePainted, true))
        QTimer::singleShot(0, this, &MainWindow::afterFirstFrame); // once this frame is done
    return QMainWindow::event(event);
}

// The editor first (buildEditor), then the rest once it is painted too.
void MainWindow::afterFirstFrame()
{
    const bool inFirstFrame = m_editorPanel != nullptr; // made on demand before: painted already
    buildEditor();
    // Not painted at all while hidden (View > Editor off, or an empty library's welcome in its place); and
    // should a paint not come (the window minimized meanwhile), the rest waits a second at most.
    if (inFirstFrame || !m_editorPanel->isVisible()) {
        afterEditorFrame();
        return;
    }
    m_editorPanel->installEventFilter(this);
    QTimer::singleShot(1000, this, &MainWindow::afterEditorFrame);
}

// The three reads ran from the constructor on, on threads of their own, and shared the two cores with the
// first frame: at 100,000 articles it came about 9 ms later for the sidebar's counts (about 50 ms of
// reading, which came after the first frame there anyway), 7 ms for the list's count and 15 ms for the
// health check (about 11 ms at 1,000). None is needed before: the list counts at once if scrolled past its
// first page, and the library takes writes while its check runs, as it did. The browser engine last: its
// start (about 100 ms, its plugin loaded first) blocks this thread.
void MainWindow::afterEditorFrame()
{
    if (std::exchange(m_editorFramePainted, true))
        return;
    m_editorPanel->removeEventFilter(this);
    m_sidebar->refreshCounts();
    m_listModel->releaseCount();
    m_libraryController->checkHealth();
    m_previewPanel->startEngine();
}

MainWindow::~MainWindow()
{
    // The controller saves pending edits through panels and the repository: it goes first.
    delete m_editController;
}

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

void MainWindow::newArticle()
{
    Article article;
    article.status = ArticleStatus::Draft;
    m_listPanel->searchField()->clear();
    m_listModel->setQuery({});
    if (!m_library->insert(article)) { // the list follows: it shows the new row
        QMessageBox::warning(this, tr("New article"), m_library->lastError());
        return;
    }
    updateEmptyState();
    m_listPanel->selectArticle(article.id);
    editorPanel()->headlineEdit()->setFocus();
}

void MainWindow::openArticle(qint64 id)
{
    if (editController()->open(id)) {
        m_reader->articleOpened(id);
        QSettings settings;
        if (Settings::LastArticle.read(settings) != id)
            Settings::LastBodyPosition.write(settings, 0);
        Settings::LastArticle.write(settings, id);
    }
}

void MainWindow::chooseImportFiles()
{
    QSettings settings;
    const QStringList files = FileDialogs::openFiles(
        this, tr("Import Articles"), Settings::LastImportFolder.read(settings),
        tr("Articles (%1);;All files (*)").arg(ImportController::articleFilePatterns().join(u' ')));
    if (files.isEmpty())
        return;
    Settings::LastImportFolder.write(settings, QFileInfo(files.first()).absolutePath());
    importFiles(files);
}

void MainWindow::chooseImportFolder()
{
    QSettings settings;
    const QString folder = FileDialogs::existingFolder(this, tr("Import a Folder of Articles"),
                                                       Settings::LastImportFolder.read(settings));
    if (folder.isEmpty())
        return;
    Settings::LastImportFolder.write(settings, folder);
    importFiles({folder});
}

void MainWindow::askForUrl()
{
    QString suggestion;
    const QString clipboard = QGuiApplication::clipboard()->text().trimmed();
    if (ImportService::isWebAddress(clipboard))
        suggestion = clipboard;
    bool ok = false;
    const QString address = QInputDialog::getText(this, tr("Save from URL"), tr("Address of the article:"),
                                                  QLineEdit::Normal, suggestion, &ok)
                                .trimmed();
    if (ok && !address.isEmpty())
        importFiles({address});
}

void MainWindow::pasteUrl()
{
    // Pasting a web address anywhere but a text field saves that page.
    const QString text = QGuiApplication::clipboard()->text().trimmed();
    if (ImportService::isWebAddress(text) && !text.contains(u'\n'))
        importFiles({text});
}

void MainWindow::importFiles(const QStringList &paths)
{
    m_importController->importFiles(paths);
}

void MainWindow::importFinished(const ImportSummary &summary)
{
    m_listModel->reload();
    updateEmptyState();
    if (!summary.importedIds.isEmpty())
        m_listPanel->selectArticle(summary.importedIds.last());
    QString message = tr("Imported %n article(s)", nullptr, int(summary.importedIds.size()));
    if (summary.skipped > 0)
        message += tr(", skipped %n already in the library", nullptr, summary.skipped);
    if (!summary.errors.isEmpty())
        message += tr(", %n failed", nullptr, int(summary.errors.size()));
    if (summary.cancelled)
        message += tr(" (cancelled)");
    statusBar()->showMessage(message, 8000);
    if (!summary.errors.isEmpty()) {
        QMessageBox box(QMessageBox::Warning, tr("Import"), message, QMessageBox::Ok, this);
        // The reasons in plain sight when there are few; all of them, with the warnings, behind Details.
        constexpr int shownErrors = 3;
        QString reasons = summary.errors.mid(0, shownErrors).join(u"\n\n"_s);
        if (summary.errors.size() > shownErrors)
            reasons += u"\n\n"_s +
                       tr("…and %n more (see Details).", nullptr, int(summary.errors.size() - shownErrors));
        box.setInformativeText(reasons);
        box.setDetailedText((summary.errors + summary.warnings).join(u'\n'));
        box.exec();
    }
}

void MainWindow::exportCurrentArticle(const ArticleExporter &exporter)
{
    if (!editController()->saveNow() || !m_editController->currentArticle())
        return;
    const std::optional<Article> article = m_library->articles().load(m_editController->currentId());
    if (!article)
        return;
    QSettings settings;
    QString folder = Settings::LastExportFolder.read(settings);
    if (folder.isEmpty())
        folder = QDir::homePath();
    const QString path =
        FileDialogs::saveFile(this, tr("Export %1").arg(exporter.displayName()),
                              QDir(folder).filePath(exporter.fileNameFor(*article)),
                              u"%1 (*.%2)"_s.arg(exporter.displayName(), exporter.fileSuffix()));
    if (path.isEmpty())
        return;
    Settings::LastExportFolder.write(settings, QFileInfo(path).absolutePath());
    QString error;
    if (exporter.write(*article, path, &error))
        statusBar()->showMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(path)), 5000);
    else
        QMessageBox::warning(this, tr("Export"), error);
}

// Made on first need: a library with articles never shows it, and its form costs the window's start a few
// milliseconds.
EmptyStateWidget *MainWindow::emptyState()
{
    if (m_emptyState)
        return m_emptyState;
    m_emptyState = new EmptyStateWidget(m_stack);
    connect(m_emptyState, &EmptyStateWidget::newArticleRequested, this, &MainWindow::newArticle);
    connect(m_emptyState, &EmptyStateWidget::importRequested, this, &MainWindow::chooseImportFiles);
    if (m_pasteAddress)
        m_emptyState->addAction(m_pasteAddress);
    m_emptyState->setEnabled(m_libraryController->writesAllowed());
    m_stack->addWidget(m_emptyState);
    return m_emptyState;
}

void MainWindow::updateEmptyState()
{
    const bool empty = m_listModel->rowCount() == 0 && m_listModel->query().isEmpty();
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(emptyState()) : m_splitter);
}

void MainWindow::applyWriteAccess()
{
    const bool writable = m_libraryController->writesAllowed();
    for (QAction *action : std::as_const(m_writingActions))
        action->setEnabled(writable);
    if (m_emptyState)
        m_emptyState->setEnabled(writable);
    if (m_editorPanel)
        m_editorPanel->setReadOnly(!writable);
}

QString MainWindow::askForAnotherLibrary(const QString &error)
{
    QMessageBox box(QMessageBox::Critical, tr("Copydesk"), tr("The library cannot be opened."));
    box.setInformativeText(error);
    QPushButton *another = box.addButton(tr("&Open Another Library…"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Close);
    box.exec();
    if (box.clickedButton() != another)
        return {};
    return FileDialogs::openFile(nullptr, tr("Open Library"),
                                 QFileInfo(LibraryDatabase::defaultPath()).absolutePath(),
                                 tr("Copydesk libraries (*.sqlite *.db);;All files (*)"));
}

void MainWindow::switchToLibrary(const QString &path)
{
    m_requestedLibrary = path;
    close();
}

void MainWindow::restoreLayout()
{
    const QSettings settings;
    const QByteArray geometry = Settings::WindowGeometry.read(settings);
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1400, 860);
    restoreState(Settings::WindowState.read(settings));
    const QByteArray splitter = Settings::SplitterSizes.read(settings);
    const bool restored = !splitter.isEmpty() && m_splitter->restoreState(splitter);
    const QList<int> sizes = m_splitter->sizes();
    // A shown pane with no width (a state saved by another layout) would be lost from sight.
    bool paneHidden = false;
    for (int i = 0; i < m_splitter->count(); ++i)
        paneHidden = paneHidden || (!m_splitter->widget(i)->isHidden() && sizes.value(i) == 0);
    if (!restored || paneHidden)
        m_splitter->setSizes({190, 280, 520, 520});
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    Settings::WindowGeometry.write(settings, saveGeometry());
    Settings::WindowState.write(settings, saveState());
    Settings::SplitterSizes.write(settings, m_splitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_editController)
        m_editController->close();
    saveLayout();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList files;
    const QList<QUrl> urls = event->mimeData()->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile())
            files.append(url.toLocalFile());
        else if (url.scheme() == "http"_L1 || url.scheme() == "https"_L1)
            files.append(url.toString()); // a link dragged from a browser
    }
    importFiles(files);
    event->acceptProposedAction();
}

} // namespace Copydesk
