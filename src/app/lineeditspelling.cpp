#include "lineeditspelling.h"

#include "spellhighlighter.h"

#include <spelling/spellchecker.h>

#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>

namespace Copydesk {

LineEditSpelling::LineEditSpelling(QLineEdit *edit, SpellHighlighter *judge)
    : QObject(edit)
    , m_edit(edit)
    , m_judge(judge)
{
    edit->installEventFilter(this);
    connect(edit, &QLineEdit::textChanged, this, &LineEditSpelling::recheck);
    connect(judge, &SpellHighlighter::checkingChanged, this, &LineEditSpelling::recheck);
}

void LineEditSpelling::recheck()
{
    const QString text = m_edit->text();
    QList<QInputMethodEvent::Attribute> formats;
    QStringList underlined;
    QTextCharFormat wave;
    wave.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    wave.setUnderlineColor(QColor(0xd0, 0x10, 0x10));
    for (const WordSpan &span : SpellChecker::wordsToCheck(text)) {
        const QString word = text.mid(span.start, span.length);
        if (!m_judge->isMisspelled(word))
            continue;
        underlined << word;
        // Input method formats are placed relative to the cursor.
        formats << QInputMethodEvent::Attribute(
            QInputMethodEvent::TextFormat, int(span.start) - m_edit->cursorPosition(), int(span.length),
            QVariant::fromValue<QTextFormat>(wave)); // read back as a QTextFormat
    }
    if (underlined == m_underlined && formats.isEmpty())
        return;
    m_underlined = underlined;
    // A read-only field ignores input method events; it cannot be corrected either.
    QInputMethodEvent event(QString(), formats);
    QCoreApplication::sendEvent(m_edit, &event);
}

QMenu *LineEditSpelling::createContextMenu(const QPoint &position)
{
    QMenu *menu = m_edit->createStandardContextMenu();
    if (m_edit->isReadOnly())
        return menu;
    const QString text = m_edit->text();
    const int at = m_edit->cursorPositionAt(position);
    for (const WordSpan &span : SpellChecker::wordsToCheck(text)) {
        if (at < span.start || at > span.start + span.length)
            continue;
        const QString word = text.mid(span.start, span.length);
        if (!m_judge->isMisspelled(word))
            break;
        addSpellingActions(
            menu, word, m_judge->suggestions(word),
            [edit = m_edit, span, word](const QString &suggestion) {
                if (edit->text().mid(span.start, span.length) != word)
                    return; // changed meanwhile
                // Through the field's own editing: one undo step, and reported as typing is.
                edit->setSelection(int(span.start), int(span.length));
                edit->insert(suggestion);
            },
            [this, word] { emit addToDictionaryRequested(word); });
        break;
    }
    return menu;
}

bool LineEditSpelling::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_edit)
        return false;
    if (event->type() == QEvent::KeyPress) {
        // Shift+F10 opens the context menu, as the Menu key does.
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() != Qt::Key_F10 || key->modifiers() != Qt::ShiftModifier)
            return false;
        const QPoint at = m_edit->inputMethodQuery(Qt::ImCursorRectangle).toRect().center();
        QContextMenuEvent menuEvent(QContextMenuEvent::Keyboard, at, m_edit->mapToGlobal(at));
        return eventFilter(watched, &menuEvent);
    }
    if (event->type() != QEvent::ContextMenu)
        return false;
    auto *contextEvent = static_cast<QContextMenuEvent *>(event);
    const QPoint position = contextEvent->reason() == QContextMenuEvent::Mouse
                                ? contextEvent->pos()
                                : m_edit->inputMethodQuery(Qt::ImCursorRectangle).toRect().center();
    std::unique_ptr<QMenu> menu(createContextMenu(position));
    menu->exec(contextEvent->globalPos());
    return true;
}

} // namespace Copydesk
