#include <html/htmlsanitizerrules.h>

#include <html/htmlelements.h>

#include <html/htmlsanitizer.h>

#include <QByteArray>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Copydesk::SanitizerRules {

Node textNode(QString text)
{
    Node node;
    node.text = std::move(text);
    return node;
}

Node shallowCopy(const Node &node)
{
    Node copy;
    copy.tag = node.tag;
    copy.attributes = node.attributes;
    return copy;
}

// ---- Element classes -------------------------------------------------------------------------------------

Action actionFor(const GumboElement &element)
{
    // Foreign content (SVG, MathML) is where most mutation XSS lives, and none of it belongs in an article.
    if (element.tag_namespace != GUMBO_NAMESPACE_HTML)
        return Action::Drop;
    switch (element.tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_B:
    case GUMBO_TAG_I:
    case GUMBO_TAG_S:
    case GUMBO_TAG_DEL:
    case GUMBO_TAG_INS:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_A:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_IMAGE:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TD:
        return Action::Keep;
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_OUTPUT:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_ISINDEX:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_META:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_PARAM:
        return Action::Drop;
    case GUMBO_TAG_UNKNOWN: {
        // Elements newer than the parser: the ones that embed, script or trap focus go with their content.
        GumboStringPiece name = element.original_tag;
        gumbo_tag_from_original_text(&name);
        const QString lowerName = QString::fromUtf8(name.data, qsizetype(name.length)).toLower();
        static const QStringList dropped = {u"dialog"_s, u"slot"_s, u"portal"_s, u"fencedframe"_s};
        return dropped.contains(lowerName) ? Action::Drop : Action::Unwrap;
    }
    default:
        return Action::Unwrap;
    }
}

GumboTag keptTag(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_H1: // the headline is outside the body, so a body's top level is h2
        return GUMBO_TAG_H2;
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
        return GUMBO_TAG_H4;
    case GUMBO_TAG_IMAGE:
        return GUMBO_TAG_IMG;
    default:
        return tag;
    }
}

bool isVoid(GumboTag tag)
{
    return tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR || tag == GUMBO_TAG_IMG;
}

// Blocks that hold only phrasing content: a block inside one splits it.
bool isPhrasingBlock(GumboTag tag)
{
    return HtmlElements::has(tag, HtmlElements::Role::SanitizedPhrasing);
}

// Blocks that hold text and blocks side by side.
bool isFlowBlock(GumboTag tag)
{
    return HtmlElements::has(tag, HtmlElements::Role::SanitizedFlow);
}

// Blocks whose children are fixed: list items, definition terms or table parts.
bool isStructureBlock(GumboTag tag)
{
    return HtmlElements::has(tag, HtmlElements::Role::SanitizedStructure);
}

bool isBlock(GumboTag tag)
{
    return tag == GUMBO_TAG_HR || isPhrasingBlock(tag) || isFlowBlock(tag) || isStructureBlock(tag);
}

bool isBlock(const Node &node)
{
    return !node.isText() && isBlock(node.tag);
}

// Elements that the HTML parser only keeps inside a particular parent; anywhere else they are unwrapped, so
// that what is written out parses back into the same tree.
bool fitsParent(GumboTag tag, GumboTag parent)
{
    switch (tag) {
    case GUMBO_TAG_LI:
        return parent == GUMBO_TAG_UL || parent == GUMBO_TAG_OL;
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
        return parent == GUMBO_TAG_DL;
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
        return parent == GUMBO_TAG_TABLE;
    case GUMBO_TAG_TR:
        return parent == GUMBO_TAG_TABLE || parent == GUMBO_TAG_THEAD || parent == GUMBO_TAG_TBODY ||
               parent == GUMBO_TAG_TFOOT;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
        return parent == GUMBO_TAG_TR || parent == GUMBO_TAG_TABLE || parent == GUMBO_TAG_THEAD ||
               parent == GUMBO_TAG_TBODY || parent == GUMBO_TAG_TFOOT;
    case GUMBO_TAG_FIGCAPTION:
        return parent == GUMBO_TAG_FIGURE;
    default:
        return true;
    }
}

// ---- Text and attribute values ---------------------------------------------------------------------------

bool isHtmlSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\f' || c == u'\r';
}

bool isBlankText(const QString &text)
{
    for (const QChar c : text) {
        if (!isHtmlSpace(c))
            return false;
    }
    return true;
}

// NUL and other C0 controls have no business in an article. A carriage return (from "&#13;") would come
// back as a line feed on the next parse, so it becomes one now.
QString cleanText(QString text)
{
    text.replace(u"\r\n"_s, u"\n"_s);
    QString clean;
    clean.reserve(text.size());
    for (const QChar c : std::as_const(text)) {
        const char16_t u = c.unicode();
        if (u == u'\r')
            clean += u'\n';
        else if ((u < 0x20 && u != u'\t' && u != u'\n' && u != u'\f') || u == 0x7f)
            continue;
        else
            clean += c;
    }
    return clean;
}

// What a browser does to a URL before parsing it: C0 controls and spaces go from both ends, tabs and line
// breaks go from everywhere ("jav&#x09;ascript:" is "javascript:").
QString urlText(const QString &value)
{
    QString text;
    text.reserve(value.size());
    for (const QChar c : value) {
        if (c != u'\t' && c != u'\n' && c != u'\r')
            text += c;
    }
    qsizetype start = 0;
    qsizetype end = text.size();
    while (start < end && text.at(start).unicode() <= 0x20)
        ++start;
    while (end > start && text.at(end - 1).unicode() <= 0x20)
        --end;
    return text.mid(start, end - start);
}

// A URL with one of the allowed schemes, written fully encoded, or an empty string.
QString safeUrl(const QString &value, bool allowMailto)
{
    const QString text = urlText(value);
    if (text.isEmpty())
        return {};
    const QUrl url(text);
    if (!url.isValid())
        return {};
    const QString scheme = url.scheme().toLower();
    if (scheme == u"http"_s || scheme == u"https"_s) {
        if (url.host().isEmpty())
            return {};
    } else if (!(allowMailto && scheme == u"mailto"_s && !url.path().isEmpty())) {
        return {};
    }
    return url.toString(QUrl::FullyEncoded);
}

// "copydesk-image:N", the only image source allowed: the article's own pictures, never the network.
QString imageSource(const QString &value)
{
    const QString text = urlText(value);
    const QString prefix = QString::fromLatin1(HtmlSanitizer::ImageScheme) + u':';
    if (!text.startsWith(prefix, Qt::CaseInsensitive) || text.size() == prefix.size())
        return {};
    const QString number = text.mid(prefix.size());
    for (const QChar c : number) {
        if (c < u'0' || c > u'9')
            return {};
    }
    return prefix + number;
}

QString spanValue(const QString &value)
{
    bool ok = false;
    const int span = value.trimmed().toInt(&ok);
    return ok && span >= 1 && span <= 100 ? QString::number(span) : QString();
}

QString attributeValue(const GumboElement &element, const char *name)
{
    const GumboAttribute *attribute = gumbo_get_attribute(&element.attributes, name);
    return attribute ? QString::fromUtf8(attribute->value) : QString();
}

bool hasAttribute(const GumboElement &element, const char *name)
{
    return gumbo_get_attribute(&element.attributes, name) != nullptr;
}

void addTextAttribute(Node &node, const GumboElement &element, const char *name)
{
    if (hasAttribute(element, name))
        node.attributes.emplace_back(QString::fromLatin1(name), cleanText(attributeValue(element, name)));
}

void addValue(Node &node, const char *name, const QString &value)
{
    if (!value.isEmpty())
        node.attributes.emplace_back(QString::fromLatin1(name), value);
}

// Copies the allowed attributes. Returns false when the element cannot stay as it is: a link without a
// usable target (unwrapped) or an image that is not one of the article's own (dropped).
bool copyAttributes(const GumboElement &element, Node &node, const HtmlSanitizer::ImageResolver *resolver)
{
    switch (node.tag) {
    case GUMBO_TAG_A: {
        const QString href = safeUrl(attributeValue(element, "href"), true);
        if (href.isEmpty())
            return false;
        addValue(node, "href", href);
        addTextAttribute(node, element, "title");
        return true;
    }
    case GUMBO_TAG_IMG: {
        QString src = imageSource(attributeValue(element, "src"));
        if (resolver && *resolver) {
            QHash<QString, QString> attributes;
            for (unsigned int i = 0; i < element.attributes.length; ++i) {
                const auto *attribute = static_cast<const GumboAttribute *>(element.attributes.data[i]);
                attributes.insert(QString::fromUtf8(attribute->name).toLower(),
                                  QString::fromUtf8(attribute->value));
            }
            if (const std::optional<int> position = (*resolver)(attributes); position && *position >= 0)
                src = u"%1:%2"_s.arg(QLatin1StringView(HtmlSanitizer::ImageScheme)).arg(*position);
        }
        if (src.isEmpty())
            return false;
        addValue(node, "src", src);
        addTextAttribute(node, element, "alt");
        addTextAttribute(node, element, "title");
        return true;
    }
    case GUMBO_TAG_ABBR:
        addTextAttribute(node, element, "title");
        return true;
    case GUMBO_TAG_TIME:
        addTextAttribute(node, element, "datetime");
        return true;
    case GUMBO_TAG_BLOCKQUOTE:
        // The one class a body keeps: a pull quote (a line of the piece set large), which the template
        // styles.
        if (attributeValue(element, "class").split(u' ', Qt::SkipEmptyParts).contains("pull-quote"_L1))
            addValue(node, "class", u"pull-quote"_s);
        addValue(node, "cite", safeUrl(attributeValue(element, "cite"), false));
        return true;
    case GUMBO_TAG_Q:
    case GUMBO_TAG_DEL:
    case GUMBO_TAG_INS:
        addValue(node, "cite", safeUrl(attributeValue(element, "cite"), false));
        return true;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
        addValue(node, "colspan", spanValue(attributeValue(element, "colspan")));
        addValue(node, "rowspan", spanValue(attributeValue(element, "rowspan")));
        return true;
    default:
        return true;
    }
}

} // namespace Copydesk::SanitizerRules
