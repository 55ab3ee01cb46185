#include "pagehtml.h"
#include "pagemetadata.h"
#include "picturecredit.h"

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

} // namespace

PictureCredit figureTextForImage(const GumboInternalNode *image)
{
    const GumboNode *figure = PageHtml::enclosingFigure(image);
    if (!figure)
        return {};
    const GumboNode *caption = findCaptionElement(figure, 0);
    const GumboNode *credit = findCreditElement(figure, nullptr, 0);
    if (credit && caption && credit == caption) { // the whole caption is marked as the credit
        PictureCredit text = PictureCredits::fromCreditLine(PageHtml::textOf(credit));
        return text;
    }
    const QString captionText =
        caption ? PageHtml::textOf(caption, [](const GumboNode *node) { return isCreditElement(node); })
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
