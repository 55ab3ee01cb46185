#include "editcontroller.h"

#include "articlerepository.h"
#include "editorpanel.h"
#include "previewpanel.h"

namespace Copydesk {

EditController::EditController(ArticleRepository &repository, EditorPanel *editor, PreviewPanel *preview,
                               QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_editor(editor)
    , m_preview(preview)
{
    m_autosave.setSingleShot(true);
    m_autosave.setInterval(AutosaveDelayMs);
    connect(&m_autosave, &QTimer::timeout, this, &EditController::saveNow);
    connect(m_editor, &EditorPanel::edited, this, &EditController::onEdited);
}

EditController::~EditController()
{
    close();
}

bool EditController::open(qint64 id)
{
    if (m_article && m_article->id == id)
        return true;
    close();
    m_article = m_repository.load(id);
    if (!m_article) {
        m_editor->clear();
        m_preview->clear();
        emit saveFailed(m_repository.lastError());
        return false;
    }
    m_editor->setArticle(*m_article);
    m_preview->showArticleNow(*m_article);
    return true;
}

void EditController::close()
{
    if (!m_article)
        return;
    saveNow();
    if (m_changedSinceOpen && !m_repository.addRevision(*m_article))
        emit saveFailed(m_repository.lastError());
    m_article.reset();
    m_changedSinceOpen = false;
    m_editor->clear();
    m_preview->clear();
}

void EditController::onEdited()
{
    if (!m_article)
        return;
    m_editor->applyTo(*m_article);
    m_dirty = true;
    m_changedSinceOpen = true;
    m_autosave.start();
    m_preview->showArticle(*m_article);
    emit articleEdited(*m_article);
}

bool EditController::saveNow()
{
    m_autosave.stop();
    if (!m_article || !m_dirty)
        return true;
    if (!m_repository.update(*m_article)) {
        emit saveFailed(m_repository.lastError());
        return false;
    }
    m_dirty = false;
    emit articleSaved(m_article->id);
    return true;
}

} // namespace Copydesk
