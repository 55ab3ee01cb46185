#pragma once

#include "pausetimer.h"
#include <QLabel>

class QTextEdit;

namespace Copydesk {

// The body's word count, character count and reading time, in the status bar; for the selection too while
// there is one. Counted as the library counts (HtmlText::wordCount), after a pause in typing: a long piece
// is not counted again per keystroke.
class TextCountsLabel final : public QLabel
{
    Q_OBJECT

public:
    static constexpr int WordsPerMinute = 230; // an adult reading news prose
    static constexpr int RecountDelayMs = 250;
    static constexpr int RecountMaxDelayMs = 1000;

    explicit TextCountsLabel(QTextEdit *body, QWidget *parent = nullptr);

    // Counts now (a new article was opened, say).
    void recount();

private:
    QTextEdit *m_body;
    PauseTimer m_delay;
};

} // namespace Copydesk
