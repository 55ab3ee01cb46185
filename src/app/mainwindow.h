#pragma once

#include <QMainWindow>

#include <memory>

class QSplitter;
class QStackedWidget;

namespace Copydesk {

class ArticleExporter;
class ArticleListModel;
class ArticleQueryRunner;
class ArticleListPanel;
class ArticleRenderer;
class Library;
class EditController;
class TextCountsLabel;
class CopyCheckPanel;
class EditorPanel;
class EmptyStateWidget;
class ExporterRegistry;
class ImportController;
class LibraryBanner;
class LibraryController;
class LibraryDatabase;
class PreviewPanel;
class Spelling;
class LibrarySidebar;
class ReaderController;
struct ImportSummary;

// The main window: the article list, the editor and the preview side by side. It only wires panels
// and controllers together; the work is done by them and by core.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(LibraryDatabase &database, QWidget *parent = nullptr);
    ~MainWindow() override;

    // When a library cannot be opened: says why and offers to open another. Returns the library chosen,
    // or an empty string to quit.
    static QString askForAnotherLibrary(const QString &error);

    void importFiles(const QStringList &paths);
    void openArticle(qint64 id);
    // The library the person asked to open instead of this one (the window closes itself then); empty
    // when the window closed for good.
    QString requestedLibrary() const { return m_requestedLibrary; }

    ArticleListPanel *listPanel() const { return m_listPanel; }
    // The editor is made after the window's first frame; asking for it (or its controller, or its
    // counts) before makes it then.
    EditorPanel *editorPanel() const;
    PreviewPanel *previewPanel() const { return m_previewPanel; }
    ArticleListModel *listModel() const { return m_listModel; }
    TextCountsLabel *textCounts() const;
    Library *library() const { return m_library.get(); }
    CopyCheckPanel *copyCheckPanel() const { return m_copyCheck; }
    EditController *editController() const;
    ImportController *importController() const { return m_importController; }
    LibraryController *libraryController() const { return m_libraryController; }
    LibraryBanner *banner() const { return m_banner; }
    Spelling *spelling() const { return m_spelling; }
    LibrarySidebar *sidebar() const { return m_sidebar; }
    ReaderController *reader() const { return m_reader; }

protected:
    void closeEvent(QCloseEvent *event) override;
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // What would otherwise make the first frame later: the editor and its article, in the next frame;
    // once that is painted, what would share the two cores with it (the sidebar's counts, the list's count
    // and the library's health check, whose quick_check reads the whole file), and the browser engine.
    void afterFirstFrame();
    void afterEditorFrame();
    void buildEditor();
    void reopenLastArticle();
    void setupMenus();
    void newArticle();
    void chooseImportFiles();
    void chooseImportFolder();
    void askForUrl();
    void pasteUrl();
    void exportCurrentArticle(const ArticleExporter &exporter);
    void importFinished(const ImportSummary &summary);
    void updateEmptyState();
    void applyWriteAccess();
    void switchToLibrary(const QString &path);
    void restoreLayout();
    EmptyStateWidget *emptyState();
    void saveLayout() const;

    std::unique_ptr<Library> m_library;
    std::unique_ptr<ArticleRenderer> m_renderer;
    std::unique_ptr<ExporterRegistry> m_exporters;
    ArticleListModel *m_listModel;
    ArticleQueryRunner *m_queryRunner;
    QStackedWidget *m_stack;
    EmptyStateWidget *m_emptyState = nullptr; // made when the library is first seen empty
    QAction *m_pasteAddress = nullptr;
    QSplitter *m_splitter;
    ArticleListPanel *m_listPanel;
    QWidget *m_editorSlot;                // holds the editor's place in the first frame
    EditorPanel *m_editorPanel = nullptr; // made by buildEditor()
    PreviewPanel *m_previewPanel;
    EditController *m_editController = nullptr;
    TextCountsLabel *m_textCounts = nullptr;
    CopyCheckPanel *m_copyCheck = nullptr; // made when first asked for
    ImportController *m_importController;
    LibraryBanner *m_banner;
    LibraryController *m_libraryController;
    Spelling *m_spelling;
    LibrarySidebar *m_sidebar;
    ReaderController *m_reader;
    QList<QAction *> m_writingActions; // what only a writable library allows
    bool m_firstFramePainted = false;
    bool m_editorFramePainted = false; // or given up waiting for: afterEditorFrame() has run
    QString m_requestedLibrary;
};

} // namespace Copydesk
