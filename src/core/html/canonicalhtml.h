#pragma once

#include <QString>

#include <optional>

namespace Copydesk {

// The simplest bodies the sanitizer writes — paragraphs, h2–h4 headings and block quotes of paragraphs,
// holding nothing but text — recognised by one scan instead of an HTML5 parse.
//
// Such a body is a fixed point of HtmlSanitizer::sanitize(): it comes back unchanged, and its text is what
// HtmlText::plainText() returns for it. The scan accepts only what it can prove is in that form, byte for
// byte (one line break after each block, text escaped exactly as the sanitizer escapes it, no character the
// parser or the sanitizer would change); anything else goes the full way. Plain-text imports write bodies
// in this form, which is what keeps them from paying for two parses per article.
namespace CanonicalHtml {

// The body's plain text if the body is in the simple form, else nothing.
std::optional<QString> plainText(const QString &html);

// Whether the body is in the simple form.
bool isCanonical(const QString &html);

// Text escaped as the sanitizer writes it between tags: &, < and > only.
QString escaped(const QString &text);

// Writers of the simple form, for importers that build bodies from text.
void appendParagraph(QString &html, const QString &text);
void appendHeading(QString &html, const QString &text);    // an h2
void appendBlockQuote(QString &html, const QString &text); // one paragraph in a blockquote

} // namespace CanonicalHtml
} // namespace Copydesk
