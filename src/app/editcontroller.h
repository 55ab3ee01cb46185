#pragma once

#include "editorpanel.h"
#include "pausetimer.h"
#include <library/articlewriter.h>
#include <model/article.h>

#include <QObject>
#include <QTimer>

#include <optional>

namespace Copydesk {

class Library;
class PreviewPanel;

// Holds the open article: feeds it to the editor and the preview, and saves edits to the library
// shortly after typing pauses (no explicit save). Leaving an edited article keeps a revision of it.
//
// Other windows and commands may change the same article meanwhile. A save only replaces the version the
// editor was based on; when the stored article moved on, the two are merged field by field (theirs where
// only they changed a field, ours where we did), and where both changed the same field ours is saved and
// theirs is kept as a revision first. Nothing is overwritten unseen, and nothing is lost.
class EditController final : public QObject
{
    Q_OBJECT

public:
    // Saved after this pause in typing, and at the latest this long after the first unsaved edit: with the
    // write on the writer thread, every word is in the library within 2 s of being typed.
    static constexpr int AutosaveDelayMs = 600;
    static constexpr int AutosaveMaxDelayMs = 1500;
    // The preview and the list follow the text after this pause in typing: a keystroke itself only marks
    // the article edited (converting a long body per key is what made typing slow).
    static constexpr int PreviewDelayMs = 60;
    static constexpr int PreviewMaxDelayMs = 500;

    // Follows the library by itself: what another program saves to the open article shows at once.
    EditController(Library &library, EditorPanel *editor, PreviewPanel *preview, QObject *parent = nullptr);
    ~EditController() override;

    bool open(qint64 id);
    // Saves what is pending and, if the article changed since it was opened, keeps a revision.
    void close();
    // Saves now if there are unsaved edits, waiting for it. False if saving failed (saveFailed() says why).
    bool saveNow();
    // What the autosave timer does: hands the edits to the library's writer thread and returns at once;
    // articleSaved() follows. Typing goes on meanwhile; a save already on its way is followed by another.
    void autosave();
    // Keeps the open article as it is now as a named revision ("Save Version…"), after saving it.
    bool saveVersion(const QString &name);
    // Shows the stored version again (after a restore from the history), edits saved first.
    void reloadFromLibrary();
    // The library changed elsewhere: shows a newer stored version of the open article, merged with any
    // edits not saved yet.
    void syncWithLibrary();
    // Reads the byline's and the tags' completions again if the library changed since they were read.
    void updateSuggestions();
    // The article was deleted through this window's library: it is closed without saving.
    void articleDeleted(qint64 id);

    qint64 currentId() const { return m_article ? m_article->id : 0; }
    const std::optional<Article> &currentArticle() const { return m_article; }
    bool hasUnsavedChanges() const { return m_dirty; }

signals:
    // After every edit, before it is saved: for views that show the article's fields.
    void articleEdited(const Copydesk::Article &article);
    void articleSaved(qint64 id);
    void saveFailed(const QString &error);
    // Something a person should know that needs no answer: "updated by another program".
    void notice(const QString &message);
    // Edits are waiting for the autosave (true), or all are in the library (false).
    void unsavedChangesChanged(bool unsaved);

private:
    // Forgets the open article and clears the editor and preview (it is no longer in the library).
    void dropArticle();
    void onEdited();
    void onBackgroundSaved(const BackgroundSave &save);
    // Brings m_article up to date with what the editor shows (the fields edited since the last time).
    void takeEdits();
    void showEdits();
    void setDirty(bool dirty);
    // The stored article changed since m_stored: merge it with the edits not yet saved and save that.
    bool mergeWithStored();
    void show(const Article &article, EditorPanel::Fields changed);

    Library &m_library;
    EditorPanel *m_editor;
    PreviewPanel *m_preview;
    std::optional<Article> m_article; // what the editor shows, with edits not yet saved
    Article m_stored;                 // the stored version the edits are based on
    PauseTimer m_autosave;
    PauseTimer m_previewDelay;
    bool m_dirty = false;
    bool m_changedSinceOpen = false;
    quint64 m_edits = 0;            // counts edits, to tell whether any came after a save was asked for
    quint64 m_savingTicket = 0;     // the background save on its way, 0 when none
    quint64 m_editsWhenAsked = 0;   // m_edits when it was asked for
    bool m_syncAfterSave = false;   // the library changed elsewhere while a save was on its way
    bool m_suggestionsStale = true; // the tag and author completions need reading again
};

} // namespace Copydesk
