#pragma once

#include <gumbo.h>

namespace Copydesk::HtmlElements {

// The one table of how Copydesk treats HTML's block elements. Each use reads its own column, so that an
// element's every role is seen, and changed, in one place (htmlelements.cpp).
enum class Role
{
    // Starts a new line in the plain text of a stored body (HtmlText).
    TextBlock,
    // Starts a new line in the text of a saved page's element: captions, metadata (PageHtml::textOf).
    PageTextBreak,
    // The sanitizer's blocks that hold phrasing (inline) content only: p, h2-h4, pre, dt.
    SanitizedPhrasing,
    // The sanitizer's blocks that hold other blocks or phrasing: blockquote, li, figure, cells...
    SanitizedFlow,
    // The sanitizer's blocks that hold only particular children: lists, tables, their rows.
    SanitizedStructure,
};

bool has(GumboTag tag, Role role);

} // namespace Copydesk::HtmlElements
