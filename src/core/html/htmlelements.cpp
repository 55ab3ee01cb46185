#include <html/htmlelements.h>

#include <array>

namespace Copydesk::HtmlElements {

namespace {

struct Element
{
    GumboTag tag;
    bool textBlock;
    bool pageTextBreak;
    bool sanitizedPhrasing;
    bool sanitizedFlow;
    bool sanitizedStructure;
};

// Elements not listed have none of these roles. The text views differ on purpose: a stored body is
// sanitized HTML and breaks at every block it can hold; a saved page's captions and metadata break at
// the few elements that separate words there (a <br> included), so that inline layout markup does not
// split a caption.
// clang-format off
constexpr Element table[] = {
    // tag                 text   page   phrasing flow  structure
    {GUMBO_TAG_P         , true , true , true , false, false},
    {GUMBO_TAG_DIV       , true , true , false, false, false},
    {GUMBO_TAG_H1        , true , true , false, false, false},
    {GUMBO_TAG_H2        , true , true , true , false, false},
    {GUMBO_TAG_H3        , true , true , true , false, false},
    {GUMBO_TAG_H4        , true , true , true , false, false},
    {GUMBO_TAG_H5        , true , true , false, false, false},
    {GUMBO_TAG_H6        , true , true , false, false, false},
    {GUMBO_TAG_HGROUP    , true , false, false, false, false},
    {GUMBO_TAG_BLOCKQUOTE, true , true , false, true , false},
    {GUMBO_TAG_UL        , true , false, false, false, true },
    {GUMBO_TAG_OL        , true , false, false, false, true },
    {GUMBO_TAG_MENU      , true , false, false, false, false},
    {GUMBO_TAG_DIR       , true , false, false, false, false},
    {GUMBO_TAG_LI        , true , true , false, true , false},
    {GUMBO_TAG_DL        , true , false, false, false, true },
    {GUMBO_TAG_DT        , true , true , true , false, false},
    {GUMBO_TAG_DD        , true , true , false, true , false},
    {GUMBO_TAG_FIGURE    , true , true , false, true , false},
    {GUMBO_TAG_FIGCAPTION, true , true , false, true , false},
    {GUMBO_TAG_PRE       , true , false, true , false, false},
    {GUMBO_TAG_LISTING   , true , false, false, false, false},
    {GUMBO_TAG_HR        , true , false, false, false, false},
    {GUMBO_TAG_TABLE     , true , false, false, false, true },
    {GUMBO_TAG_CAPTION   , true , false, false, true , false},
    {GUMBO_TAG_THEAD     , true , false, false, false, true },
    {GUMBO_TAG_TBODY     , true , false, false, false, true },
    {GUMBO_TAG_TFOOT     , true , false, false, false, true },
    {GUMBO_TAG_TR        , true , true , false, false, true },
    {GUMBO_TAG_SECTION   , true , true , false, false, false},
    {GUMBO_TAG_ARTICLE   , true , false, false, false, false},
    {GUMBO_TAG_HEADER    , true , true , false, false, false},
    {GUMBO_TAG_FOOTER    , true , true , false, false, false},
    {GUMBO_TAG_ASIDE     , true , false, false, false, false},
    {GUMBO_TAG_NAV       , true , false, false, false, false},
    {GUMBO_TAG_MAIN      , true , false, false, false, false},
    {GUMBO_TAG_ADDRESS   , true , false, false, false, false},
    {GUMBO_TAG_DETAILS   , true , false, false, false, false},
    {GUMBO_TAG_SUMMARY   , true , false, false, false, false},
    {GUMBO_TAG_CENTER    , true , false, false, false, false},
    {GUMBO_TAG_FORM      , true , false, false, false, false},
    {GUMBO_TAG_FIELDSET  , true , false, false, false, false},
    {GUMBO_TAG_LEGEND    , true , false, false, false, false},
    {GUMBO_TAG_BR        , false, true , false, false, false},
    {GUMBO_TAG_TD        , false, true , false, true , false},
    {GUMBO_TAG_TH        , false, true , false, true , false},
    {GUMBO_TAG_BODY      , false, false, false, true , false},
};
// clang-format on

// The table by tag, for a look-up in constant time: the sanitizer asks for every node of every body.
using Roles = std::array<const Element *, GUMBO_TAG_LAST + 1>;

const Roles &byTag()
{
    static const Roles roles = [] {
        Roles all{};
        for (const Element &element : table)
            all[element.tag] = &element;
        return all;
    }();
    return roles;
}

} // namespace

bool has(GumboTag tag, Role role)
{
    if (tag < 0 || tag > GUMBO_TAG_LAST)
        return false;
    const Element *element = byTag()[tag];
    if (!element)
        return false;
    switch (role) {
    case Role::TextBlock:
        return element->textBlock;
    case Role::PageTextBreak:
        return element->pageTextBreak;
    case Role::SanitizedPhrasing:
        return element->sanitizedPhrasing;
    case Role::SanitizedFlow:
        return element->sanitizedFlow;
    case Role::SanitizedStructure:
        return element->sanitizedStructure;
    }
    return false;
}

} // namespace Copydesk::HtmlElements
