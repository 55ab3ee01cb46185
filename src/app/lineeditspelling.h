#pragma once

#include <QObject>

class QLineEdit;
class QMenu;

namespace Copydesk {

class SpellHighlighter;

// Spelling for a one-line field (headline, standfirst): the same red wave and context menu as the body,
// judged by the body's highlighter (its dictionary, names and switch). A QLineEdit has no public way to
// format its text, so the underline reaches it the way an input method's does: as text formats in an
// empty QInputMethodEvent, which changes neither the text, the cursor nor the selection.
class LineEditSpelling final : public QObject
{
    Q_OBJECT

public:
    LineEditSpelling(QLineEdit *edit, SpellHighlighter *judge);

    // The misspelled words as underlined now.
    QStringList underlinedWords() const { return m_underlined; }
    // The field's context menu for a point in it: the standard one, with spelling on top. Caller owns it.
    QMenu *createContextMenu(const QPoint &position);
    void recheck();

signals:
    void addToDictionaryRequested(const QString &word);

private:
    bool eventFilter(QObject *watched, QEvent *event) override;

    QLineEdit *m_edit;
    SpellHighlighter *m_judge;
    QStringList m_underlined;
};

} // namespace Copydesk
