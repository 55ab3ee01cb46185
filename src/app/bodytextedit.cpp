#include "bodytextedit.h"

#include <html/htmlsanitizer.h>

#include <QMimeData>

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

} // namespace Copydesk
