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
};

} // namespace Copydesk
