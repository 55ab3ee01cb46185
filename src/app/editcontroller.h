#pragma once

#include "article.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace Copydesk {

class ArticleRepository;
class EditorPanel;
class PreviewPanel;

// Holds the open article: feeds it to the editor and the preview, and saves edits to the library
// shortly after typing pauses (no explicit save). Leaving an edited article keeps a revision of it.
class EditController final : public QObject
{
    Q_OBJECT

public:
    static constexpr int AutosaveDelayMs = 600;

    EditController(ArticleRepository &repository, EditorPanel *editor, PreviewPanel *preview,
                   QObject *parent = nullptr);
    ~EditController() override;

    bool open(qint64 id);
    // Saves what is pending and, if the article changed since it was opened, keeps a revision.
    void close();
    // Saves now if there are unsaved edits. False if saving failed (saveFailed() says why).
    bool saveNow();

    qint64 currentId() const { return m_article ? m_article->id : 0; }
    const std::optional<Article> &currentArticle() const { return m_article; }
    bool hasUnsavedChanges() const { return m_dirty; }

signals:
    // After every edit, before it is saved: for views that show the article's fields.
    void articleEdited(const Copydesk::Article &article);
    void articleSaved(qint64 id);
    void saveFailed(const QString &error);

private:
    void onEdited();

    ArticleRepository &m_repository;
    EditorPanel *m_editor;
    PreviewPanel *m_preview;
    std::optional<Article> m_article;
    QTimer m_autosave;
    bool m_dirty = false;
    bool m_changedSinceOpen = false;
};

} // namespace Copydesk
