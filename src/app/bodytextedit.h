#pragma once

#include <QTextEdit>

namespace Copydesk {

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

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool m_smartTypography = true;
    QString m_language;
};

} // namespace Copydesk
