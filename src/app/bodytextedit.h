#pragma once

#include <QTextEdit>

class QMenu;

namespace Copydesk {

class SpellHighlighter;

// The body editor. Pasted HTML goes through the sanitizer before it reaches the document, so what a
// web page puts on the clipboard (scripts, remote images, styles) never enters the article.
class BodyTextEdit final : public QTextEdit
{
    Q_OBJECT

public:
    using QTextEdit::QTextEdit;

    void insertFromMimeData(const QMimeData *source) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;

    // Typographic quotes, apostrophes and dashes as you type (see Typography), in the article's language.
    void setSmartTypography(bool on) { m_smartTypography = on; }
    bool smartTypography() const { return m_smartTypography; }
    void setLanguage(const QString &language) { m_language = language; }

    // Misspelled words get the highlighter's suggestions and "Add to Dictionary" in the context menu.
    void setSpellHighlighter(SpellHighlighter *highlighter) { m_spelling = highlighter; }
    // The context menu for a point in the viewport: the standard one, with spelling on top when the word
    // there is misspelled. The caller owns it.
    QMenu *createContextMenu(const QPoint &viewportPosition);

signals:
    void addToDictionaryRequested(const QString &word);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    bool m_smartTypography = true;
    QString m_language;
    SpellHighlighter *m_spelling = nullptr;
};

} // namespace Copydesk
