#include "htmlsanitizer.h"

#include <gumbo.h>

#include <QByteArray>
#include <QUrl>

#include <memory>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

// Elements nested deeper than this are flattened to their text. Real articles stay within a dozen levels;
// the limit keeps the recursive passes below safe on hostile input.
constexpr int MaxDepth = 256;

// The sanitized tree. A text node has tag GUMBO_TAG_UNKNOWN; elements only ever carry allowed tags.
struct Node
{
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    QString text;
    std::vector<std::pair<QString, QString>> attributes;
    std::vector<Node> children;

    bool isText() const { return tag == GUMBO_TAG_UNKNOWN; }
};

using Nodes = std::vector<Node>;

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

enum class Action
{
    Keep,
    Unwrap,
    Drop
};

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
    switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_DT:
        return true;
    default:
        return false;
    }
}

// Blocks that hold text and blocks side by side.
bool isFlowBlock(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
        return true;
    default:
        return false;
    }
}

// Blocks whose children are fixed: list items, definition terms or table parts.
bool isStructureBlock(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
        return true;
    default:
        return false;
    }
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
bool copyAttributes(const GumboElement &element, Node &node)
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
        const QString src = imageSource(attributeValue(element, "src"));
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

// ---- From the parse tree to the sanitized tree -----------------------------------------------------------

// Adds a node, merging neighbouring text so that the tree matches what a parser would build.
void append(Nodes &nodes, Node &&node)
{
    if (node.isText()) {
        if (node.text.isEmpty())
            return;
        if (!nodes.empty() && nodes.back().isText()) {
            nodes.back().text += node.text;
            return;
        }
    }
    nodes.push_back(std::move(node));
}

void append(Nodes &nodes, Nodes &&more)
{
    for (Node &node : more)
        append(nodes, std::move(node));
}

// The text under a node that sits too deep to keep its structure; walked with an explicit stack.
QString flattenedText(const GumboNode *root)
{
    QString text;
    std::vector<const GumboNode *> pending{root};
    while (!pending.empty()) {
        const GumboNode *node = pending.back();
        pending.pop_back();
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
            node->type == GUMBO_NODE_CDATA) {
            text += QString::fromUtf8(node->v.text.text);
        } else if (node->type == GUMBO_NODE_ELEMENT && actionFor(node->v.element) != Action::Drop) {
            const GumboVector &children = node->v.element.children;
            for (unsigned int i = children.length; i > 0; --i)
                pending.push_back(static_cast<const GumboNode *>(children.data[i - 1]));
        }
    }
    return cleanText(text);
}

void build(const GumboVector &children, int depth, int depthLimit, Nodes &out);

void build(const GumboNode *node, int depth, int depthLimit, Nodes &out)
{
    switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
        append(out, textNode(cleanText(QString::fromUtf8(node->v.text.text))));
        return;
    case GUMBO_NODE_ELEMENT:
        break;
    default: // comments, templates and the document itself
        return;
    }

    const GumboElement &element = node->v.element;
    const Action action = actionFor(element);
    if (action == Action::Drop)
        return;
    if (depth > depthLimit) {
        append(out, textNode(flattenedText(node)));
        return;
    }
    if (action == Action::Unwrap) {
        build(element.children, depth + 1, depthLimit, out);
        return;
    }

    Node kept;
    kept.tag = keptTag(element.tag);
    if (!copyAttributes(element, kept)) {
        if (kept.tag == GUMBO_TAG_A)
            build(element.children, depth + 1, depthLimit, out);
        return;
    }
    build(element.children, depth + 1, depthLimit, kept.children);
    out.push_back(std::move(kept));
}

void build(const GumboVector &children, int depth, int depthLimit, Nodes &out)
{
    for (unsigned int i = 0; i < children.length; ++i)
        build(static_cast<const GumboNode *>(children.data[i]), depth, depthLimit, out);
}

// ---- Normalizing: a tree that the HTML parser reads back unchanged ---------------------------------------

bool isBlank(const Nodes &nodes)
{
    for (const Node &node : nodes) {
        if (!node.isText() || !isBlankText(node.text))
            return false;
    }
    return true;
}

bool hasBlock(const Nodes &nodes)
{
    for (const Node &node : nodes) {
        if (isBlock(node))
            return true;
    }
    return false;
}

// White space next to a block is not rendered, and the line breaks written after blocks come back from the
// parser as such white space, so it is dropped here. The body's leading white space would be lost by the
// parser anyway.
void trimAroundBlocks(Nodes &nodes, bool isBody)
{
    for (size_t i = 0; i < nodes.size(); ++i) {
        Node &node = nodes[i];
        if (!node.isText())
            continue;
        qsizetype start = 0;
        qsizetype end = node.text.size();
        if ((i > 0 && isBlock(nodes[i - 1])) || (i == 0 && isBody)) {
            while (start < end && isHtmlSpace(node.text.at(start)))
                ++start;
        }
        if (i + 1 < nodes.size() && isBlock(nodes[i + 1])) {
            while (end > start && isHtmlSpace(node.text.at(end - 1)))
                --end;
        }
        node.text = node.text.mid(start, end - start);
    }
    std::erase_if(nodes, [](const Node &node) { return node.isText() && node.text.isEmpty(); });
}

Node withChildren(GumboTag tag, Nodes &&children)
{
    Node node;
    node.tag = tag;
    node.children = std::move(children);
    if (isFlowBlock(tag))
        trimAroundBlocks(node.children, false);
    return node;
}

// Lists hold only items. Stray content joins an item: a nested list the item before it (the old way of
// nesting lists), anything else an item of its own.
void fixList(Node &list, GumboTag itemTag)
{
    Nodes items;
    Nodes stray;
    const auto flush = [&] {
        if (isBlank(stray)) {
            stray.clear();
            return;
        }
        bool onlyLists = true;
        for (const Node &node : stray) {
            if (!node.isText() && node.tag != GUMBO_TAG_UL && node.tag != GUMBO_TAG_OL)
                onlyLists = false;
        }
        if (onlyLists && list.tag != GUMBO_TAG_DL && !items.empty()) {
            append(items.back().children, std::move(stray));
            trimAroundBlocks(items.back().children, false);
        } else {
            items.push_back(withChildren(itemTag, std::move(stray)));
        }
        stray.clear();
    };
    for (Node &child : list.children) {
        if (child.tag == GUMBO_TAG_LI || child.tag == GUMBO_TAG_DT || child.tag == GUMBO_TAG_DD) {
            flush();
            items.push_back(std::move(child));
        } else {
            append(stray, std::move(child));
        }
    }
    flush();
    list.children = std::move(items);
}

// Table parts hold only their own children; anything else is moved in front of the table, as the HTML
// parser's foster parenting would do. Loose rows get a body and loose cells a row.
void fixTablePart(Node &part, Nodes &fostered)
{
    Nodes kept;
    Nodes rows;
    Nodes cells;
    const auto flushCells = [&] {
        if (!cells.empty())
            rows.push_back(withChildren(GUMBO_TAG_TR, std::move(cells)));
        cells.clear();
    };
    const auto flushRows = [&] {
        flushCells();
        if (!rows.empty()) {
            if (part.tag == GUMBO_TAG_TABLE)
                kept.push_back(withChildren(GUMBO_TAG_TBODY, std::move(rows)));
            else
                append(kept, std::move(rows));
        }
        rows.clear();
    };
    for (Node &child : part.children) {
        switch (child.tag) {
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
            if (part.tag == GUMBO_TAG_TR)
                kept.push_back(std::move(child));
            else
                cells.push_back(std::move(child));
            break;
        case GUMBO_TAG_TR:
            flushCells();
            rows.push_back(std::move(child));
            break;
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_THEAD:
        case GUMBO_TAG_TBODY:
        case GUMBO_TAG_TFOOT:
            flushRows();
            kept.push_back(std::move(child));
            break;
        default:
            if (!child.isText() || !isBlankText(child.text))
                append(fostered, std::move(child));
        }
    }
    flushRows();
    part.children = std::move(kept);
}

void pushInto(const Node &inlineElement, Node &block);

// Wraps each run of inline content in a copy of the inline element, and pushes the element into blocks.
Nodes wrapRuns(const Node &inlineElement, Nodes &&nodes)
{
    Nodes result;
    Nodes run;
    const auto flush = [&] {
        if (isBlank(run)) {
            append(result, std::move(run));
        } else {
            Node copy = shallowCopy(inlineElement);
            copy.children = std::move(run);
            result.push_back(std::move(copy));
        }
        run.clear();
    };
    for (Node &node : nodes) {
        if (isBlock(node)) {
            flush();
            pushInto(inlineElement, node);
            result.push_back(std::move(node));
        } else {
            append(run, std::move(node));
        }
    }
    flush();
    return result;
}

// A link or emphasis around a block keeps applying to the block's text.
void pushInto(const Node &inlineElement, Node &block)
{
    if (block.tag != GUMBO_TAG_HR)
        block.children = wrapRuns(inlineElement, std::move(block.children));
}

// A block inside a paragraph, heading or inline element is lifted out, splitting its container around it;
// the parser would otherwise close the container at the block's start tag.
Nodes splitAroundBlocks(Node &&node)
{
    const bool isInlineElement = !isBlock(node.tag);
    Nodes result;
    Nodes run;
    const auto flush = [&] {
        if (isBlank(run)) {
            append(result, std::move(run));
        } else {
            Node copy = shallowCopy(node);
            copy.children = std::move(run);
            result.push_back(std::move(copy));
        }
        run.clear();
    };
    for (Node &child : node.children) {
        if (isBlock(child)) {
            flush();
            if (isInlineElement)
                pushInto(node, child);
            result.push_back(std::move(child));
        } else {
            append(run, std::move(child));
        }
    }
    flush();
    return result;
}

Nodes normalizeChildren(Nodes &&children, GumboTag parent, bool inLink);

// Returns what replaces the node in its parent: itself, its content, pieces of it, or nothing.
Nodes normalize(Node &&node, GumboTag parent, bool inLink)
{
    if (node.isText())
        return {std::move(node)};
    if (!fitsParent(node.tag, parent) || (node.tag == GUMBO_TAG_A && inLink))
        return normalizeChildren(std::move(node.children), parent, inLink);

    node.children = normalizeChildren(std::move(node.children), node.tag, inLink || node.tag == GUMBO_TAG_A);

    Nodes result;
    if (isFlowBlock(node.tag)) {
        trimAroundBlocks(node.children, false);
    } else if (node.tag == GUMBO_TAG_UL || node.tag == GUMBO_TAG_OL) {
        fixList(node, GUMBO_TAG_LI);
    } else if (node.tag == GUMBO_TAG_DL) {
        fixList(node, GUMBO_TAG_DD);
    } else if (isStructureBlock(node.tag)) {
        fixTablePart(node, result);
    } else if (hasBlock(node.children)) {
        return splitAroundBlocks(std::move(node));
    }

    if (isBlank(node.children) && !isVoid(node.tag) && node.tag != GUMBO_TAG_TD && node.tag != GUMBO_TAG_TH) {
        if (!isBlock(node.tag)) // keeps the white space of an empty <b> </b> between two words
            append(result, std::move(node.children));
        return result;
    }
    result.push_back(std::move(node));
    return result;
}

Nodes normalizeChildren(Nodes &&children, GumboTag parent, bool inLink)
{
    Nodes result;
    for (Node &child : children)
        append(result, normalize(std::move(child), parent, inLink));
    return result;
}

int depthOf(const Nodes &nodes)
{
    int depth = 0;
    for (const Node &node : nodes) {
        if (!node.isText())
            depth = std::max(depth, 1 + depthOf(node.children));
    }
    return depth;
}

// ---- Writing ---------------------------------------------------------------------------------------------

void writeEscaped(QString &out, const QString &text, bool inAttribute)
{
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += u"&amp;"_s;
            break;
        case u'<':
            out += u"&lt;"_s;
            break;
        case u'>':
            out += u"&gt;"_s;
            break;
        case u'"':
            if (inAttribute)
                out += u"&quot;"_s;
            else
                out += c;
            break;
        default:
            out += c;
        }
    }
}

void write(QString &out, const Node &node)
{
    if (node.isText()) {
        writeEscaped(out, node.text, false);
        return;
    }
    const QString name = QString::fromLatin1(gumbo_normalized_tagname(node.tag));
    out += u'<' + name;
    for (const auto &[attribute, value] : node.attributes) {
        out += u' ' + attribute + u"=\""_s;
        writeEscaped(out, value, true);
        out += u'"';
    }
    out += u'>';
    if (isVoid(node.tag)) {
        if (isBlock(node.tag))
            out += u'\n';
        return;
    }
    const Node *first = node.children.empty() ? nullptr : &node.children.front();
    // The parser drops a line break right after <pre>, so one that belongs to the text needs another.
    if (node.tag == GUMBO_TAG_PRE && first && first->isText() && first->text.startsWith(u'\n'))
        out += u'\n';
    if ((isStructureBlock(node.tag) && node.tag != GUMBO_TAG_TR) ||
        (isFlowBlock(node.tag) && first && isBlock(*first)))
        out += u'\n';
    for (const Node &child : node.children)
        write(out, child);
    out += u"</"_s + name + u'>';
    // A line per block keeps stored bodies readable; cells stay on their row's line.
    if (isBlock(node.tag) && node.tag != GUMBO_TAG_TD && node.tag != GUMBO_TAG_TH)
        out += u'\n';
}

struct GumboOutputDeleter
{
    void operator()(GumboOutput *output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

const GumboNode *findBody(const GumboNode *root)
{
    if (!root || root->type != GUMBO_NODE_ELEMENT)
        return nullptr;
    const GumboVector &children = root->v.element.children;
    for (unsigned int i = 0; i < children.length; ++i) {
        const auto *child = static_cast<const GumboNode *>(children.data[i]);
        if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_BODY)
            return child;
    }
    return nullptr;
}

} // namespace

QString HtmlSanitizer::sanitize(const QString &html)
{
    const QByteArray utf8 = html.toUtf8();
    GumboOptions options = kGumboDefaultOptions;
    // Recording a parse error copies the stack of open elements, which makes deep input quadratic in memory.
    options.max_errors = 0;
    const std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
        gumbo_parse_with_options(&options, utf8.constData(), size_t(utf8.size())));
    const GumboNode *body = output ? findBody(output->root) : nullptr;
    if (!body)
        return {};

    // Normalizing can add a level (an item around loose list content); the result must stay within MaxDepth
    // so that sanitizing it again flattens nothing.
    Nodes tree;
    for (int depthLimit = MaxDepth; depthLimit > 0; depthLimit -= 16) {
        Nodes built;
        build(body->v.element.children, 1, depthLimit, built);
        tree = normalizeChildren(std::move(built), GUMBO_TAG_BODY, false);
        trimAroundBlocks(tree, true);
        if (depthOf(tree) <= MaxDepth)
            break;
    }

    QString out;
    out.reserve(html.size());
    for (const Node &node : tree)
        write(out, node);
    return out;
}

} // namespace Copydesk
