#include "pagehtml.h"
#include "pagemetadata.h"

using namespace Qt::StringLiterals;

namespace Copydesk::PageFigures {

namespace {

// Words that open a picture credit, longest first so "photo credit:" wins over "photo".
const QStringList &creditLabels()
{
    static const QStringList labels = {
        u"photo credits:"_s, u"photo credit:"_s, u"image credit:"_s, u"crédit photo:"_s, u"photography by"_s,
        u"photograph by"_s,  u"photography:"_s,  u"photographs:"_s,  u"photograph:"_s,   u"illustration by"_s,
        u"illustration:"_s,  u"pictures by"_s,   u"picture by"_s,    u"photos by"_s,     u"photo by"_s,
        u"image by"_s,       u"pictures:"_s,     u"picture:"_s,      u"photos:"_s,       u"photo:"_s,
        u"images:"_s,        u"image:"_s,        u"credits:"_s,      u"credit:"_s,       u"crédits:"_s,
        u"crédit:"_s,        u"fotos:"_s,        u"foto:"_s,         u"bild:"_s,         u"source:"_s,
        u"quelle:"_s,        u"fuente:"_s,       u"graphics:"_s,     u"graphic:"_s,      u"pic:"_s};
    return labels;
}

const QStringList &copyrightLabels()
{
    static const QStringList labels = {u"copyright"_s, u"(c)"_s, u"©"_s};
    return labels;
}

const QStringList &agencies()
{
    static const QStringList names = {u"Getty Images"_s,
                                      u"Getty"_s,
                                      u"AFP"_s,
                                      u"AP"_s,
                                      u"AP Photo"_s,
                                      u"Associated Press"_s,
                                      u"Reuters"_s,
                                      u"EPA"_s,
                                      u"EPA-EFE"_s,
                                      u"EFE"_s,
                                      u"Shutterstock"_s,
                                      u"Alamy"_s,
                                      u"Alamy Stock Photo"_s,
                                      u"PA"_s,
                                      u"PA Wire"_s,
                                      u"PA Media"_s,
                                      u"PA Images"_s,
                                      u"Bloomberg"_s,
                                      u"dpa"_s,
                                      u"picture alliance"_s,
                                      u"picture-alliance"_s,
                                      u"ANP"_s,
                                      u"ANSA"_s,
                                      u"Xinhua"_s,
                                      u"Keystone"_s,
                                      u"SIPA"_s,
                                      u"Sipa USA"_s,
                                      u"Redux"_s,
                                      u"NurPhoto"_s,
                                      u"Anadolu"_s,
                                      u"Anadolu Agency"_s,
                                      u"iStock"_s,
                                      u"iStockphoto"_s,
                                      u"Corbis"_s,
                                      u"Magnum Photos"_s,
                                      u"ZUMA Press"_s,
                                      u"ZUMA Wire"_s,
                                      u"Imago"_s,
                                      u"Wikimedia Commons"_s,
                                      u"Unsplash"_s,
                                      u"TASS"_s,
                                      u"Kyodo"_s,
                                      u"Yonhap"_s,
                                      u"Polaris"_s,
                                      u"NASA"_s};
    return names;
}

const QStringList &creditMarkupWords()
{
    static const QStringList words = {u"credit"_s, u"byline"_s,       u"author"_s,     u"copyright"_s,
                                      u"source"_s, u"photographer"_s, u"attribution"_s};
    return words;
}

int wordCount(const QString &text)
{
    return int(text.split(u' ', Qt::SkipEmptyParts).size());
}

QString trimCredit(QString text)
{
    text = text.trimmed();
    while (text.endsWith(u'.') || text.endsWith(u',') || text.endsWith(u';'))
        text.chop(1);
    if (text.startsWith("by "_L1, Qt::CaseInsensitive))
        text = text.mid(3);
    return text.trimmed();
}

// "Jane Doe/AFP via Getty Images", "AP Photo/Evan Vucci", "Reuters": a credit without a label.
bool isAgencyCredit(const QString &input)
{
    const QString text = trimCredit(input);
    if (text.isEmpty() || wordCount(text) > 8)
        return false;
    QString parts = text;
    parts.replace(" via "_L1, "/"_L1, Qt::CaseInsensitive);
    const QStringList pieces = parts.split(u'/', Qt::SkipEmptyParts);
    for (const QString &piece : pieces) {
        if (agencies().contains(piece.trimmed(), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// A credit as printed, with its label taken off for `credit`: "© 2023 Jane Doe" gives the copyright line
// and "Jane Doe"; "Photo: Jane Doe/AP" gives "Jane Doe/AP".
FigureText fromCreditLine(const QString &line)
{
    FigureText text;
    text.creditLine = line.trimmed();
    QString rest = text.creditLine;
    if (rest.startsWith(u'(') && rest.endsWith(u')'))
        rest = rest.mid(1, rest.size() - 2).trimmed();
    for (const QString &label : copyrightLabels()) {
        if (rest.startsWith(label, Qt::CaseInsensitive)) {
            text.copyright = text.creditLine;
            rest = rest.mid(label.size()).trimmed();
            while (!rest.isEmpty() &&
                   (rest.front().isDigit() || rest.front() == u'-' || rest.front() == u','))
                rest.remove(0, 1); // the year
            break;
        }
    }
    for (const QString &label : creditLabels()) {
        if (rest.startsWith(label, Qt::CaseInsensitive)) {
            rest = rest.mid(label.size());
            break;
        }
    }
    text.credit = trimCredit(rest);
    return text;
}

bool isBoundaryBefore(const QString &text, qsizetype pos)
{
    const QString before = text.left(pos).trimmed();
    if (before.isEmpty())
        return true;
    static const QString marks = u".!?|;,)\u2014\u2013-\u201d\"'\u2026"_s;
    return marks.contains(before.back());
}

QString captionBefore(const QString &text, qsizetype pos)
{
    QString caption = text.left(pos).trimmed();
    while (caption.endsWith(u'|') || caption.endsWith(u'\u2014') || caption.endsWith(u'\u2013') ||
           caption.endsWith(u'-') || caption.endsWith(u',') || caption.endsWith(u';'))
        caption = caption.chopped(1).trimmed();
    return caption;
}

// The credit label at `pos`, or an empty string.
QString labelAt(const QString &text, qsizetype pos)
{
    for (const QStringList *labels : {&creditLabels(), &copyrightLabels()}) {
        for (const QString &label : *labels) {
            if (QStringView(text).sliced(pos).startsWith(label, Qt::CaseInsensitive))
                return label;
        }
    }
    return {};
}

bool startsWithLabel(const QString &text, qsizetype pos)
{
    return !labelAt(text, pos).isEmpty();
}

// A label opens a credit after the end of a sentence; "Photo:" written with a capital also does so without
// one, as captions and credits are often run together when a page is copied ("… in Paris Photo: Jo Kim").
bool opensCredit(const QString &text, qsizetype pos)
{
    const QString label = labelAt(text, pos);
    if (label.isEmpty() || (pos > 0 && text.at(pos - 1).isLetterOrNumber()))
        return false;
    return isBoundaryBefore(text, pos) || (label.endsWith(u':') && text.at(pos).isUpper());
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

FigureText splitCredit(const QString &captionText)
{
    const QString text = PageHtml::foldWhitespace(captionText);
    FigureText result;
    result.caption = text;
    if (text.isEmpty())
        return result;

    // "(Photo by Jane Doe/Getty Images)" or "(Reuters)" at the end.
    QString body = text;
    while (body.endsWith(u'.'))
        body.chop(1);
    if (body.endsWith(u')')) {
        int depth = 0;
        for (qsizetype i = body.size() - 1; i >= 0; --i) {
            if (body.at(i) == u')')
                ++depth;
            else if (body.at(i) == u'(' && --depth == 0) {
                const QString inner = body.mid(i + 1, body.size() - i - 2).trimmed();
                if (!inner.isEmpty() && (startsWithLabel(inner, 0) || isAgencyCredit(inner))) {
                    result = fromCreditLine(inner);
                    result.caption = text.left(i).trimmed();
                    return result;
                }
                break;
            }
        }
    }

    // "… Photograph: Jane Doe/Reuters", "Credit: X", "© X" after the end of a sentence.
    for (qsizetype pos = 0; pos < text.size(); ++pos) {
        if (!opensCredit(text, pos))
            continue;
        const FigureText credit = fromCreditLine(text.mid(pos));
        if (credit.credit.isEmpty() || wordCount(credit.credit) > 12)
            continue;
        result = credit;
        result.caption = captionBefore(text, pos);
        return result;
    }

    // "… Jane Doe/AFP via Getty Images": an agency-style last segment.
    static const QStringList separators = {u". "_s, u" | "_s, u" \u2014 "_s, u" \u2013 "_s, u" - "_s};
    qsizetype cut = -1;
    qsizetype cutLength = 0;
    for (const QString &separator : separators) {
        const qsizetype at = body.lastIndexOf(separator);
        if (at > cut) {
            cut = at;
            cutLength = separator.size();
        }
    }
    const QString last = cut < 0 ? body : body.mid(cut + cutLength);
    if (isAgencyCredit(last)) {
        result = fromCreditLine(last);
        result.caption = cut < 0 ? QString() : captionBefore(text, cut + (text.at(cut) == u'.' ? 1 : 0));
    }
    return result;
}

FigureText figureTextForImage(const GumboInternalNode *image)
{
    const GumboNode *figure = PageHtml::enclosingFigure(image);
    if (!figure)
        return {};
    const GumboNode *caption = findCaptionElement(figure, 0);
    const GumboNode *credit = findCreditElement(figure, nullptr, 0);
    if (credit && caption && credit == caption) { // the whole caption is marked as the credit
        FigureText text = fromCreditLine(PageHtml::textOf(credit));
        return text;
    }
    const QString captionText =
        caption ? PageHtml::textOf(caption, [](const GumboNode *node) { return isCreditElement(node); })
                : QString();
    if (!credit)
        return splitCredit(captionText);
    FigureText text = fromCreditLine(PageHtml::textOf(credit));
    text.caption = captionText;
    return text;
}

FigureText figureTextForHtml(const QString &html)
{
    const PageHtml::Document document(html);
    return document ? figureTextForImage(PageHtml::findFirst(document->root, GUMBO_TAG_IMG)) : FigureText();
}

} // namespace Copydesk::PageFigures
