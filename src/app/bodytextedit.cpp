#include "bodytextedit.h"

#include <html/htmlsanitizer.h>

#include <QKeyEvent>
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

} // namespace Copydesk
