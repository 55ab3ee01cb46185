#include "bodytextedit.h"

#include "spellhighlighter.h"

#include <html/htmlsanitizer.h>

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QTextBlock>
#include <model/typography.h>

namespace Copydesk {

bool BodyTextEdit::canInsertFromMimeData(const QMimeData *source) const
{
    return source->hasHtml() || source->hasText();
}

void BodyTextEdit::insertFromMimeData(const QMimeData *source)
{
    if (source->hasHtml()) {
        textCursor().insertHtml(HtmlSanitizer::sanitize(source->html()));
        ensureCursorVisible();
        return;
    }
    if (source->hasText()) {
        textCursor().insertText(source->text());
        ensureCursorVisible();
    }
}

void BodyTextEdit::keyPressEvent(QKeyEvent *event)
{
    // Shift+F10 opens the context menu, as the Menu key does (the convention of Linux desktops and Windows).
    if (event->key() == Qt::Key_F10 && event->modifiers() == Qt::ShiftModifier) {
        const QPoint at = cursorRect().center();
        QContextMenuEvent menuEvent(QContextMenuEvent::Keyboard, at, viewport()->mapToGlobal(at));
        contextMenuEvent(&menuEvent);
        return;
    }
    const QString typed = event->text();
    if (!m_smartTypography || isReadOnly() || typed.size() != 1 ||
        (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))) {
        QTextEdit::keyPressEvent(event);
        return;
    }
    QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    const Typography::Replacement replacement = Typography::forTyped(typed.front(), before, m_language);
    if (replacement.text.isEmpty() || cursor.hasSelection()) {
        QTextEdit::keyPressEvent(event);
        return;
    }
    // One edit: undo takes back the typographic character and what it replaced together.
    cursor.beginEditBlock();
    cursor.movePosition(QTextCursor::PreviousCharacter, QTextCursor::KeepAnchor, replacement.removeBefore);
    cursor.insertText(replacement.text);
    cursor.endEditBlock();
    setTextCursor(cursor);
    ensureCursorVisible();
}

QMenu *BodyTextEdit::createContextMenu(const QPoint &viewportPosition)
{
    QMenu *menu = createStandardContextMenu(viewportPosition);
    if (!m_spelling || isReadOnly())
        return menu;
    const QTextCursor word = m_spelling->misspelledWordAt(cursorForPosition(viewportPosition).position());
    if (word.isNull())
        return menu;
    const QString misspelled = word.selectedText();
    addSpellingActions(
        menu, misspelled, m_spelling->suggestions(misspelled),
        [this, word](const QString &suggestion) {
            // One edit: undone with one Ctrl+Z, and autosaved like typing.
            QTextCursor cursor = word;
            cursor.insertText(suggestion);
            setTextCursor(cursor);
        },
        [this, misspelled] { emit addToDictionaryRequested(misspelled); });
    return menu;
}

void BodyTextEdit::contextMenuEvent(QContextMenuEvent *event)
{
    // From the keyboard (the Menu key, Shift+F10) the menu is for the word at the cursor.
    const QPoint position =
        event->reason() == QContextMenuEvent::Mouse ? event->pos() : cursorRect().center();
    std::unique_ptr<QMenu> menu(createContextMenu(position));
    menu->exec(event->globalPos());
}

} // namespace Copydesk
