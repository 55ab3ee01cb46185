#pragma once

#include <QString>

class QTextDocument;

namespace Copydesk {

// Writes the editor's QTextDocument as the semantic body HTML Copydesk stores: <p>, <h2>-<h4>,
// <blockquote>, <ul>/<ol>/<li>, <strong>, <em>, <s>, <a href>, <br>, <img src="copydesk-image:N">.
// QTextDocument::toHtml() writes presentational HTML (inline styles, <span>s, a full <html> page),
// which is neither what a publisher wants nor what the sanitizer keeps.
namespace DocumentHtmlWriter {
QString toSemanticHtml(const QTextDocument &document);
}

} // namespace Copydesk
