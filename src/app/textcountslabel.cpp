#include "textcountslabel.h"

#include <html/htmltext.h>

#include <QLocale>
#include <QTextEdit>

namespace Copydesk {

TextCountsLabel::TextCountsLabel(QTextEdit *body, QWidget *parent)
    : QLabel(parent)
    , m_body(body)
    , m_delay(RecountDelayMs, RecountMaxDelayMs)
{
    setAccessibleName(tr("Word count"));
    connect(&m_delay, &PauseTimer::timeout, this, &TextCountsLabel::recount);
    connect(body, &QTextEdit::textChanged, &m_delay, &PauseTimer::poke);
    connect(body, &QTextEdit::selectionChanged, &m_delay, &PauseTimer::poke);
}

void TextCountsLabel::recount()
{
    m_delay.stop();
    // Trimmed: the HTML import leaves a space after the last paragraph that nobody typed.
    const QString text = m_body->toPlainText().trimmed();
    const int words = HtmlText::wordCount(text);
    // Characters as a person counts them: what is typed, not the paragraph breaks between blocks.
    const int characters = int(text.size() - text.count(u'\n'));
    const int minutes = std::max(1, int(std::lround(double(words) / WordsPerMinute)));
    const QLocale locale;
    // Without a translation loaded, %n does not make plurals: the English ones are spelled out here.
    const auto count = [&locale](int n, const QString &one, const QString &many) {
        return (n == 1 ? one : many).arg(locale.toString(n));
    };
    QString shown =
        tr("%1 · %2 · %3 min read")
            .arg(count(words, tr("%1 word"), tr("%1 words")),
                 count(characters, tr("%1 character"), tr("%1 characters")), locale.toString(minutes));
    if (words == 0)
        shown = tr("No words yet");
    const QString selected = m_body->textCursor().selectedText();
    if (!selected.isEmpty()) {
        const int selectedCharacters = int(selected.size() - selected.count(QChar::ParagraphSeparator));
        shown =
            tr("Selection: %1 words · %2 characters — ")
                .arg(locale.toString(HtmlText::wordCount(selected)), locale.toString(selectedCharacters)) +
            shown;
    }
    setText(m_body->isEnabled() ? shown : QString());
}

} // namespace Copydesk
