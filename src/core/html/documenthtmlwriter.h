#pragma once

#include <QString>
#include <QTextCharFormat>
#include <QTextFormat>

class QTextDocument;

namespace Copydesk {

// Writes the editor's QTextDocument as the semantic body HTML Copydesk stores: <p>, <h2>-<h4>,
// <blockquote>, <ul>/<ol>/<li>, <strong>, <em>, <s>, <a href>, <br>, <img src="copydesk-image:N">.
// QTextDocument::toHtml() writes presentational HTML (inline styles, <span>s, a full <html> page),
// which is neither what a publisher wants nor what the sanitizer keeps.
namespace DocumentHtmlWriter {
QString toSemanticHtml(const QTextDocument &document);
}

// How the editor marks a body's block quotes: the text format properties, not the margins that only show
// them. A block quote has QTextFormat::BlockQuoteLevel; a pull quote (a line of the piece set large, stored
// as <blockquote class="pull-quote">) also has PullQuoteProperty.
namespace BodyFormat {
inline constexpr int PullQuoteProperty = QTextFormat::UserProperty + 1;
inline constexpr qreal QuoteMargin = 40.0; // what QTextHtmlImporter gives a <blockquote>

// Loads stored body HTML into the editor's document, with its quotes marked by those properties.
void setBody(QTextDocument &document, const QString &storedHtml);
// Code is recognised by its font: the family "monospace" the importer gives <code> and <pre>, or a common
// fixed-pitch one the editor may name.
bool isCode(const QTextCharFormat &format);
} // namespace BodyFormat

} // namespace Copydesk
