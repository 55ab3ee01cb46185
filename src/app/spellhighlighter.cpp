#include "spellhighlighter.h"

#include <html/documenthtmlwriter.h>
#include <spelling/spellchecker.h>

#include <QAction>
#include <QMenu>
#include <QTextBlock>
#include <QTextDocument>

namespace Copydesk {

SpellHighlighter::SpellHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    m_misspelled.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    m_misspelled.setUnderlineColor(QColor(0xd0, 0x10, 0x10));
}

void SpellHighlighter::setChecker(const SpellChecker *checker, const PersonalDictionary *personal)
{
    if (m_checker == checker && m_personal == personal)
        return;
    m_checker = checker;
    m_personal = personal;
    recheck();
}

void SpellHighlighter::setNames(const ArticleNames &names)
{
    m_names = names;
    if (m_checker && m_active)
        recheck();
}

void SpellHighlighter::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    recheck();
}

void SpellHighlighter::resume()
{
    m_suspended = false;
    recheck();
}

void SpellHighlighter::recheck()
{
    if (m_suspended)
        return;
    emit checkingChanged();
    if (!document())
        return;
    const bool wasRehighlighting = std::exchange(m_rehighlighting, true);
    rehighlight();
    m_rehighlighting = wasRehighlighting;
}

bool SpellHighlighter::isMisspelled(const QString &word) const
{
    return m_checker && m_active && ArticleSpelling::isMisspelled(word, *m_checker, m_personal, m_names);
}

QStringList SpellHighlighter::suggestions(const QString &word) const
{
    return m_checker ? m_checker->suggestions(word) : QStringList();
}

QList<WordSpan> SpellHighlighter::wordsOf(const QTextBlock &block) const
{
    if (block.blockFormat().nonBreakableLines()) // <pre>
        return {};
    QList<WordSpan> words = SpellChecker::wordsToCheck(block.text());
    // Inline code: the fragments set in a monospace font.
    for (auto fragment = block.begin(); !fragment.atEnd(); ++fragment) {
        const QTextFragment part = fragment.fragment();
        if (!part.isValid() || !BodyFormat::isCode(part.charFormat()))
            continue;
        const qsizetype from = part.position() - block.position();
        const qsizetype to = from + part.length();
        words.removeIf(
            [from, to](const WordSpan &word) { return word.start < to && word.start + word.length > from; });
    }
    return words;
}

void SpellHighlighter::highlightBlock(const QString &text)
{
    if (!m_checker || !m_active || m_suspended)
        return;
    for (const WordSpan &word : wordsOf(currentBlock())) {
        if (isMisspelled(text.mid(word.start, word.length)))
            setFormat(int(word.start), int(word.length), m_misspelled);
    }
}

QTextCursor SpellHighlighter::misspelledWordAt(int position) const
{
    const QTextBlock block = document()->findBlock(position);
    if (!block.isValid() || !m_checker || !m_active)
        return {};
    const int inBlock = position - block.position();
    for (const WordSpan &word : wordsOf(block)) {
        if (inBlock < word.start || inBlock > word.start + word.length)
            continue;
        if (!isMisspelled(block.text().mid(word.start, word.length)))
            return {};
        QTextCursor cursor(document());
        cursor.setPosition(block.position() + int(word.start));
        cursor.setPosition(block.position() + int(word.start + word.length), QTextCursor::KeepAnchor);
        return cursor;
    }
    return {};
}

QStringList SpellHighlighter::misspelledWords() const
{
    QStringList words;
    if (!m_checker || !m_active)
        return words;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        for (const WordSpan &word : wordsOf(block)) {
            const QString text = block.text().mid(word.start, word.length);
            if (isMisspelled(text))
                words << text;
        }
    }
    return words;
}

void addSpellingActions(QMenu *menu, const QString &word, const QStringList &suggestions,
                        const std::function<void(const QString &)> &replace,
                        const std::function<void()> &addToDictionary)
{
    QAction *first = menu->actions().value(0);
    for (const QString &suggestion : suggestions) {
        auto *action = new QAction(suggestion, menu);
        QFont bold = action->font();
        bold.setBold(true);
        action->setFont(bold);
        QObject::connect(action, &QAction::triggered, menu, [replace, suggestion] { replace(suggestion); });
        menu->insertAction(first, action);
    }
    if (suggestions.isEmpty()) {
        auto *none = new QAction(SpellHighlighter::tr("No Suggestions"), menu);
        none->setEnabled(false);
        menu->insertAction(first, none);
    }
    menu->insertSeparator(first);
    auto *add = new QAction(SpellHighlighter::tr("Add “%1” to Dictionary").arg(word), menu);
    QObject::connect(add, &QAction::triggered, menu, addToDictionary);
    menu->insertAction(first, add);
    menu->insertSeparator(first);
}

} // namespace Copydesk
