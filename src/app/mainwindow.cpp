#include "mainwindow.h"

#include "articlelistpanel.h"
#include "editcontroller.h"
#include "editorpanel.h"
#include "emptystatewidget.h"
#include "filedialogs.h"
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
#include <QCloseEvent>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTextEdit>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace Copydesk {

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
// first frame (docs/benchmarks.md). It comes in the frame after, and the preview's engine once it is painted
// (afterEditorFrame); whatever needs it before (opening an article, a menu's action, a test) makes it then.
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
    if (reopen > 0 && !m_listPanel->selectArticle(reopen)) {
        // Older than the first page: open now, and select it in the list once the list's thread has
        // found its row (at a million articles that counts up to a million index entries).
        openArticle(reopen);
        m_listPanel->showArticle(reopen);
    }
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

} // namespace Copydesk
