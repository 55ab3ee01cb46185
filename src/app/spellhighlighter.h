#pragma once

#include <spelling/articlespelling.h>

#include <QSyntaxHighlighter>
#include <QTextCursor>

#include <functional>

class QMenu;

namespace Copydesk {

class PersonalDictionary;
class SpellChecker;

// Underlines the words the dictionary, the personal dictionary and the article's names do not know, with a
// red wave, block by block as they are typed. Code (a monospace font, a preformatted block) is left alone.
// The underline is only drawn: the document and its undo history are untouched.
class SpellHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit SpellHighlighter(QTextDocument *document);

    // Null checker: nothing is underlined (no dictionary, or it is still loading).
    void setChecker(const SpellChecker *checker, const PersonalDictionary *personal);
    const SpellChecker *checker() const { return m_checker; }
    void setNames(const ArticleNames &names);
    void setActive(bool active);
    bool isActive() const { return m_active; }

    // While an article loads: nothing is checked until resume() checks the whole body once.
    void suspend() { m_suspended = true; }
    void resume();
    // Whether the document's change signals come from re-underlining, not from an edit: Qt's
    // rehighlight() reports itself as a change of the contents.
    bool isRehighlighting() const { return m_rehighlighting; }
    void recheck();

    // The misspelled word at a document position, selected; a null cursor when there is none.
    QTextCursor misspelledWordAt(int position) const;
    bool isMisspelled(const QString &word) const;
    QStringList suggestions(const QString &word) const;
    // The misspelled words of the document, in order (for tests and the status bar).
    QStringList misspelledWords() const;

signals:
    // The dictionary, the names or the switch changed: what else is checked by this judge checks again.
    void checkingChanged();

protected:
    void highlightBlock(const QString &text) override;

private:
    // The words of a block worth checking, code left out.
    QList<WordSpan> wordsOf(const QTextBlock &block) const;

    const SpellChecker *m_checker = nullptr;
    const PersonalDictionary *m_personal = nullptr;
    ArticleNames m_names;
    bool m_active = true;
    bool m_suspended = false;
    bool m_rehighlighting = false;
    QTextCharFormat m_misspelled;
};

// Puts a misspelled word's suggestions (bold; each replaces the word through replace()) and "Add to
// Dictionary" at the top of a context menu: the body's and the one-line fields' menus alike.
void addSpellingActions(QMenu *menu, const QString &word, const QStringList &suggestions,
                        const std::function<void(const QString &)> &replace,
                        const std::function<void()> &addToDictionary);

} // namespace Copydesk
