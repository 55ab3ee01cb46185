#pragma once

#include <QString>

namespace Copydesk {

// Typographic quotes, apostrophes and dashes as a person types, by the article's language: “ ” ‘ ’ for
// English, « » „ “ for Russian, Ukrainian and Belarusian, „ “ for German, „ ” for Polish.
namespace Typography {

struct Replacement
{
    int removeBefore = 0; // characters before the cursor to replace
    QString text;         // what goes in instead of them and the typed character
};

// What typing `typed` after `before` (the text of the paragraph up to the cursor) should put in, or an
// empty text when the character goes in as typed. `"` and `'` become the language's quotes (opening after
// a space, a bracket or the start, closing elsewhere; `'` after a letter is an apostrophe), `--` an em dash,
// " - " a dash between words (en dash in English, em dash in the others), `...` an ellipsis.
Replacement forTyped(QChar typed, const QString &before, const QString &language);

} // namespace Typography
} // namespace Copydesk
