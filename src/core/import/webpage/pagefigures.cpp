#include <html/pagehtml.h>
#include <import/picturecredit.h>
#include <import/webpage/pagemetadata.h>

using namespace Qt::StringLiterals;

namespace Copydesk::PageFigures {

namespace {

const QStringList &creditMarkupWords()
{
    static const QStringList words = {u"credit"_s, u"byline"_s,       u"author"_s,     u"copyright"_s,
                                      u"source"_s, u"photographer"_s, u"attribution"_s};
    return words;
}

bool isCreditElement(const GumboNode *node)
{
    return node->type == GUMBO_NODE_ELEMENT && PageHtml::classOrItempropContains(node, creditMarkupWords());
}

const GumboNode *findCreditElement(const GumboNode *node, const GumboNode *skip, int depth)
{
    if (node->type != GUMBO_NODE_ELEMENT || node == skip || depth > 32)
        return nullptr;
    if (depth > 0 && node->v.element.tag != GUMBO_TAG_IMG && isCreditElement(node))
        return node;
    const GumboVector &children = node->v.element.children;
    for (unsigned int i = 0; i < children.length; ++i) {
        if (const GumboNode *found =
                findCreditElement(static_cast<const GumboNode *>(children.data[i]), skip, depth + 1))
            return found;
    }
    return nullptr;
}

const GumboNode *findCaptionElement(const GumboNode *node, int depth)
{
    if (node->type != GUMBO_NODE_ELEMENT || depth > 32)
        return nullptr;
    if (node->v.element.tag == GUMBO_TAG_FIGCAPTION ||
        (depth > 0 && PageHtml::attribute(node, "class").contains("wp-caption-text"_L1)))
        return node;
    const GumboVector &children = node->v.element.children;
    for (unsigned int i = 0; i < children.length; ++i) {
        if (const GumboNode *found =
                findCaptionElement(static_cast<const GumboNode *>(children.data[i]), depth + 1))
            return found;
    }
    return nullptr;
}

// More words than this beside a picture in a list item are an entry of the list that happens to be
// illustrated, not a caption.
constexpr int MaximumCaptionWords = 80;

// What a list item may hold around its picture for it to be the picture's figure: wrappers and running
// text. A nested list, a heading, a table or a quotation says the item is an entry of its own.
bool mayHoldACaptionedPicture(const GumboNode *node)
{
    switch (node->v.element.tag) {
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_A:
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_I:
    case GUMBO_TAG_B:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
        return true;
    default:
        return PageHtml::elementName(node) == "picture"_L1;
    }
}

struct ItemContent
{
    int pictures = 0;
    bool textBeforePicture = false; // a picture inside a sentence ("… <img> is Hermitian") is part of it
    bool textOutsideLinks = false;  // an icon beside a link ("🌐 Atlas of New Zealand") has none
    bool linkText = false;
    bool onlyPictureAndWords = true;
};

void readItem(const GumboNode *node, ItemContent &content, bool inTextLink, int depth)
{
    if (!content.onlyPictureAndWords)
        return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
        if (content.pictures == 0)
            content.textBeforePicture = true;
        (inTextLink ? content.linkText : content.textOutsideLinks) = true;
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT)
        return;
    if (depth > 32 || (depth > 0 && !mayHoldACaptionedPicture(node))) {
        content.onlyPictureAndWords = false;
        return;
    }
    if (node->v.element.tag == GUMBO_TAG_IMG)
        ++content.pictures;
    // A link around the picture leads to the picture; any other link is an entry's text.
    inTextLink =
        inTextLink || (node->v.element.tag == GUMBO_TAG_A && !PageHtml::findFirst(node, GUMBO_TAG_IMG));
    const GumboVector &children = node->v.element.children;
    for (unsigned int i = 0; i < children.length; ++i)
        readItem(static_cast<const GumboNode *>(children.data[i]), content, inTextLink, depth + 1);
}

// A gallery is often written as a list, one picture with its caption to an item: such an item is the
// picture's figure, not an entry of a list.
const GumboNode *captionedPictureItem(const GumboNode *image)
{
    int level = 0;
    const GumboNode *item = image->parent;
    while (item && level < 6 && !PageHtml::isElement(item, GUMBO_TAG_LI)) {
        item = item->parent;
        ++level;
    }
    if (!PageHtml::isElement(item, GUMBO_TAG_LI))
        return nullptr;
    ItemContent content;
    readItem(item, content, false, 0);
    if (!content.onlyPictureAndWords || content.pictures != 1 || content.textBeforePicture ||
        (content.linkText && !content.textOutsideLinks))
        return nullptr;
    const qsizetype words = PageHtml::textOf(item).split(u' ', Qt::SkipEmptyParts).size();
    return words <= MaximumCaptionWords ? item : nullptr;
}

bool isInside(const GumboNode *node, const GumboNode *ancestor)
{
    for (; node; node = node->parent) {
        if (node == ancestor)
            return true;
    }
    return false;
}

} // namespace

const GumboInternalNode *figureForImage(const GumboInternalNode *image)
{
    if (!image)
        return nullptr;
    const GumboNode *figure = PageHtml::enclosingFigure(image);
    const GumboNode *item = captionedPictureItem(image);
    // A <figure> around a whole list of pictures keeps its caption for each of them when their items
    // have no words of their own.
    if (item && (!figure || isInside(figure, item) || !PageHtml::textOf(item).isEmpty()))
        return item;
    return figure;
}

bool isPictureListItem(const GumboInternalNode *figure)
{
    return PageHtml::isElement(figure, GUMBO_TAG_LI);
}

PictureCredit figureTextForImage(const GumboInternalNode *image)
{
    const GumboNode *figure = figureForImage(image);
    if (!figure)
        return {};
    const GumboNode *caption = findCaptionElement(figure, 0);
    const GumboNode *credit = findCreditElement(figure, nullptr, 0);
    if (credit && caption && credit == caption) { // the whole caption is marked as the credit
        PictureCredit text = PictureCredits::fromCreditLine(PageHtml::textOf(credit));
        return text;
    }
    // A list item without a <figcaption> has only the caption's words beside its picture.
    const GumboNode *captionHolder = caption ? caption : isPictureListItem(figure) ? figure : nullptr;
    const QString captionText =
        captionHolder
            ? PageHtml::textOf(captionHolder, [](const GumboNode *node) { return isCreditElement(node); })
            : QString();
    if (!credit)
        return PictureCredits::splitCaption(captionText);
    PictureCredit text = PictureCredits::fromCreditLine(PageHtml::textOf(credit));
    text.caption = captionText;
    return text;
}

PictureCredit figureTextForHtml(const QString &html)
{
    const PageHtml::Document document(html);
    return document ? figureTextForImage(PageHtml::findFirst(document->root, GUMBO_TAG_IMG))
                    : PictureCredit();
}

} // namespace Copydesk::PageFigures
