#pragma once

#include <QMainWindow>

#include <memory>

class QSplitter;
class QStackedWidget;

namespace Copydesk {

class ArticleListModel;
class ArticleListPanel;
class ArticleRenderer;
class ArticleRepository;
class EditController;
class EditorPanel;
class EmptyStateWidget;
class ImportController;
class LibraryDatabase;
class PreviewPanel;
struct ImportSummary;

// The main window: the article list, the editor and the preview side by side. It only wires panels
// and controllers together; the work is done by them and by core.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(LibraryDatabase &database, QWidget *parent = nullptr);
    ~MainWindow() override;

    void importFiles(const QStringList &paths);
    void openArticle(qint64 id);

    ArticleListPanel *listPanel() const { return m_listPanel; }
    EditorPanel *editorPanel() const { return m_editorPanel; }
    PreviewPanel *previewPanel() const { return m_previewPanel; }
    ArticleListModel *listModel() const { return m_listModel; }
    EditController *editController() const { return m_editController; }
    ImportController *importController() const { return m_importController; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void setupMenus();
    void newArticle();
    void chooseImportFiles();
    void chooseImportFolder();
    void askForUrl();
    void pasteUrl();
    enum class ExportFormat
    {
        Html,
        Ninjs
    };
    void exportCurrentArticle(ExportFormat format);
    void importFinished(const ImportSummary &summary);
    void updateEmptyState();
    void restoreLayout();
    void saveLayout() const;

    std::unique_ptr<ArticleRepository> m_repository;
    std::unique_ptr<ArticleRenderer> m_renderer;
    ArticleListModel *m_listModel;
    QStackedWidget *m_stack;
    EmptyStateWidget *m_emptyState;
    QSplitter *m_splitter;
    ArticleListPanel *m_listPanel;
    EditorPanel *m_editorPanel;
    PreviewPanel *m_previewPanel;
    EditController *m_editController;
    ImportController *m_importController;
};

} // namespace Copydesk
