#include "editcontroller.h"

#include "previewpanel.h"
#include <library/library.h>

namespace Copydesk {

namespace {

using Field = EditorPanel::Field;

// The parts of an article the editor changes, each with the flag that says it was edited.
template<typename Visit> void forEachEditedPart(Visit visit)
{
    visit(Field::Headline, &Article::headline);
    visit(Field::Standfirst, &Article::standfirst);
    visit(Field::Byline, &Article::byline);
    visit(Field::Section, &Article::section);
    visit(Field::Dateline, &Article::dateline);
    visit(Field::Status, &Article::status);
    visit(Field::Body, &Article::bodyHtml);
    visit(Field::Quotes, &Article::quotes);
    visit(Field::Images, &Article::images);
    visit(Field::Tags, &Article::tags);
    visit(Field::Language, &Article::language);
    visit(Field::SourceUrl, &Article::sourceUrl);
    visit(Field::EditorNote, &Article::editorNote);
}

// The parts besides the article's row that edits of these fields change.
ArticleRepository::Parts partsFor(EditorPanel::Fields fields)
{
    ArticleRepository::Parts parts = ArticleRepository::FieldsOnly;
    if (fields.testFlag(Field::Quotes))
        parts |= ArticleRepository::Part::Quotes;
    // The picture blobs are written again only when the pictures or their words changed.
    if (fields.testFlag(Field::Images))
        parts |= ArticleRepository::Part::Images;
    if (fields.testFlag(Field::Tags))
        parts |= ArticleRepository::Part::Tags;
    return parts;
}

} // namespace

EditController::EditController(Library &library, EditorPanel *editor, PreviewPanel *preview, QObject *parent)
    : QObject(parent)
    , m_library(library)
    , m_editor(editor)
    , m_preview(preview)
    , m_autosave(AutosaveDelayMs, AutosaveMaxDelayMs)
    , m_previewDelay(PreviewDelayMs, PreviewMaxDelayMs)
{
    connect(&m_autosave, &PauseTimer::timeout, this, &EditController::autosave);
    connect(&m_library, &Library::backgroundSaveFinished, this, &EditController::onBackgroundSaved);
    for (auto changed : {&Library::articleAdded, &Library::articleChanged, &Library::articleRemoved})
        connect(&m_library, changed, this, [this] { m_suggestionsStale = true; });
    connect(&m_library, &Library::changedElsewhere, this, [this] { m_suggestionsStale = true; });
    connect(&m_previewDelay, &PauseTimer::timeout, this, &EditController::showEdits);
    connect(m_editor, &EditorPanel::edited, this, &EditController::onEdited);
    connect(m_editor, &EditorPanel::suggestionsWanted, this, &EditController::updateSuggestions);
    connect(&m_library, &Library::changedElsewhere, this, &EditController::syncWithLibrary);
    connect(&m_library, &Library::articleRemoved, this, &EditController::articleDeleted);
}

EditController::~EditController()
{
    close();
}

// The completions come from the library (its tags, the newest thousand articles' bylines): read when a
// person goes to the byline or the tags, again only when the library changed since. Read on opening an
// article, they cost every start of the window that query (1-3 ms at 100,000 articles), for fields a
// reader may never touch.
void EditController::updateSuggestions()
{
    if (!std::exchange(m_suggestionsStale, false))
        return;
    m_editor->setTagSuggestions(m_library.articles().tagNames());
    m_editor->setAuthorSuggestions(m_library.articles().authorNames());
}

bool EditController::open(qint64 id)
{
    if (m_article && m_article->id == id)
        return true;
    close();
    m_article = m_library.articles().load(id);
    if (!m_article) {
        m_editor->clear();
        m_preview->clear();
        emit saveFailed(m_library.lastError());
        return false;
    }
    m_stored = *m_article;
    m_editor->setArticle(*m_article);
    m_preview->showArticleNow(*m_article);
    return true;
}

void EditController::close()
{
    if (!m_article)
        return;
    saveNow();
    if (m_changedSinceOpen && !m_library.addRevision(*m_article))
        emit saveFailed(m_library.lastError());
    m_article.reset();
    m_previewDelay.stop();
    m_changedSinceOpen = false;
    setDirty(false);
    m_editor->clear();
    m_preview->clear();
}

void EditController::onEdited()
{
    if (!m_article)
        return;
    setDirty(true);
    m_changedSinceOpen = true;
    ++m_edits;
    m_autosave.poke();
    m_previewDelay.poke();
}

void EditController::autosave()
{
    m_autosave.stop();
    if (!m_article || !m_dirty)
        return;
    if (m_savingTicket != 0) {
        m_autosave.fireIn(50); // right after the one on its way
        return;
    }
    takeEdits();
    m_editsWhenAsked = m_edits;
    m_savingTicket = m_library.updateIfUnchangedInBackground(*m_article, m_stored.updatedAt,
                                                             partsFor(m_editor->editedFields()));
}

bool EditController::saveVersion(const QString &name)
{
    if (!m_article || !saveNow())
        return false;
    if (!m_library.addRevision(*m_article, name)) {
        emit saveFailed(m_library.lastError());
        return false;
    }
    // This session's changes are in that version: leaving the article needs no revision of its own.
    m_changedSinceOpen = false;
    return true;
}

void EditController::reloadFromLibrary()
{
    if (!m_article)
        return;
    saveNow();
    const std::optional<Article> stored = m_library.articles().load(m_article->id);
    if (!stored)
        return;
    m_article = *stored;
    m_stored = *stored;
    m_editor->setArticle(*m_article);
    m_preview->showArticle(*m_article);
    emit articleEdited(*m_article);
}

void EditController::onBackgroundSaved(const BackgroundSave &save)
{
    if (save.ticket != m_savingTicket)
        return;
    m_savingTicket = 0;
    if (!m_article || m_article->id != save.article.id)
        return; // closed meanwhile: close() waited for it and saved what was left
    switch (save.result) {
    case ArticleRepository::UpdateResult::Saved:
        m_stored = save.article;
        m_article->updatedAt = save.article.updatedAt;
        if (m_edits == m_editsWhenAsked) {
            m_editor->clearEditedFields();
            setDirty(false);
        } else if (!m_autosave.isActive()) {
            m_autosave.poke(); // typed on meanwhile: those edits follow
        }
        emit articleSaved(m_article->id);
        break;
    case ArticleRepository::UpdateResult::Conflict:
        mergeWithStored();
        break;
    case ArticleRepository::UpdateResult::Failed:
        emit saveFailed(save.error);
        break;
    }
    if (std::exchange(m_syncAfterSave, false))
        syncWithLibrary();
}

void EditController::takeEdits()
{
    if (m_article)
        m_editor->applyEditsTo(*m_article);
}

void EditController::showEdits()
{
    if (!m_article)
        return;
    takeEdits();
    m_preview->showArticle(*m_article);
    emit articleEdited(*m_article);
}

void EditController::setDirty(bool dirty)
{
    if (m_dirty == dirty)
        return;
    m_dirty = dirty;
    emit unsavedChangesChanged(dirty);
}

bool EditController::saveNow()
{
    m_autosave.stop();
    // A background save on its way finishes first (its result is delivered now), then what is left.
    m_library.waitForBackgroundSaves();
    if (!m_article || !m_dirty)
        return true;
    takeEdits();
    // The editor changes fields, body and quotes; images and tags are written again only when changed.
    switch (m_library.updateIfUnchanged(*m_article, m_stored.updatedAt, partsFor(m_editor->editedFields()))) {
    case ArticleRepository::UpdateResult::Saved:
        break;
    case ArticleRepository::UpdateResult::Conflict:
        return mergeWithStored();
    case ArticleRepository::UpdateResult::Failed:
        emit saveFailed(m_library.lastError());
        return false;
    }
    m_stored = *m_article;
    m_editor->clearEditedFields();
    setDirty(false);
    emit articleSaved(m_article->id);
    return true;
}

void EditController::dropArticle()
{
    m_autosave.stop();
    m_previewDelay.stop();
    setDirty(false);
    m_changedSinceOpen = false;
    m_article.reset(); // a save of it still on its way is ignored when it comes back
    m_editor->clear();
    m_preview->clear();
}

void EditController::articleDeleted(qint64 id)
{
    // Deleted here, on purpose (the trash emptied): nothing of it is saved any more.
    if (m_article && m_article->id == id)
        dropArticle();
}

void EditController::syncWithLibrary()
{
    if (!m_article)
        return;
    // Our own save is on its way: what the library holds is judged once it is in.
    if (m_savingTicket != 0) {
        m_syncAfterSave = true;
        return;
    }
    const std::optional<ArticleSummary> stored = m_library.articles().summary(m_article->id);
    if (!stored) {
        // Deleted elsewhere. Unsaved words are kept as a new article rather than lost with it.
        if (m_dirty) {
            takeEdits();
            Article keep = *m_article;
            keep.id = 0;
            keep.uuid.clear();
            if (m_library.insert(keep))
                emit notice(tr("“%1” was deleted by another program; your unsaved changes were kept as a new "
                               "article.")
                                .arg(keep.headline));
        }
        dropArticle();
        return;
    }
    if (stored->updatedAt == m_stored.updatedAt)
        return;
    mergeWithStored();
}

bool EditController::mergeWithStored()
{
    m_autosave.stop();
    takeEdits();
    const qint64 id = m_article->id;
    const std::optional<Article> theirs = m_library.articles().load(id);
    if (!theirs) {
        emit saveFailed(m_library.lastError());
        return false;
    }
    const EditorPanel::Fields ours = m_dirty ? m_editor->editedFields() : EditorPanel::Fields();
    Article merged = *theirs;
    EditorPanel::Fields fromThem;
    bool bothChangedOne = false;
    forEachEditedPart([&](Field field, auto Article::*part) {
        const bool theyChanged = (*theirs).*part != m_stored.*part;
        if (ours.testFlag(field)) {
            merged.*part = (*m_article).*part;
            bothChangedOne = bothChangedOne || (theyChanged && (*theirs).*part != (*m_article).*part);
        } else if ((*theirs).*part != (*m_article).*part) {
            fromThem |= field;
        }
    });

    if (!m_dirty) {
        // Nothing of ours to keep: show theirs.
        m_article = *theirs;
        m_stored = *theirs;
        show(*m_article, fromThem);
        emit notice(tr("This article was changed by another program; showing the new version."));
        return true;
    }
    // Where both sides changed the same field ours wins, so theirs goes into the history first.
    if (bothChangedOne && !m_library.addRevision(*theirs)) {
        emit saveFailed(m_library.lastError());
        return false;
    }
    const ArticleRepository::UpdateResult result =
        m_library.updateIfUnchanged(merged, theirs->updatedAt, partsFor(ours));
    if (result == ArticleRepository::UpdateResult::Conflict)
        return mergeWithStored(); // changed yet again in between: merge with that
    if (result == ArticleRepository::UpdateResult::Failed) {
        emit saveFailed(m_library.lastError());
        return false;
    }
    m_article = merged;
    m_stored = merged;
    setDirty(false);
    m_editor->clearEditedFields();
    show(*m_article, fromThem);
    emit articleSaved(id);
    emit notice(bothChangedOne ? tr("This article was also changed by another program. Your version was "
                                    "saved; the other one is kept in the article's history.")
                               : tr("This article was also changed by another program; both sets of "
                                    "changes were kept."));
    return true;
}

void EditController::show(const Article &article, EditorPanel::Fields changed)
{
    if (changed)
        m_editor->updateFields(article, changed);
    m_preview->showArticle(article);
    emit articleEdited(article);
}

} // namespace Copydesk
