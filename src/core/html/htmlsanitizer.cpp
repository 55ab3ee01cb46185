#include <html/htmlsanitizer.h>

#include <html/pagehtml.h>

#include <html/canonicalhtml.h>
#include <html/htmlsanitizerrules.h>
#include <html/htmltext.h>

#include <gumbo.h>

#include <QByteArray>
#include <QUrl>

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

// Elements nested deeper than this are flattened to their text. Real articles stay within a dozen levels;
// the limit keeps the recursive passes below safe on hostile input.
constexpr int MaxDepth = 256;

using namespace SanitizerRules;

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

// What building the tree needs besides the node: how deep it may go, and how images of the input map to
// the article's (null for most inputs).
struct BuildContext
{
    int depthLimit;
    const HtmlSanitizer::ImageResolver *resolver;
};

void build(const GumboVector &children, int depth, const BuildContext &context, Nodes &out);

void build(const GumboNode *node, int depth, const BuildContext &context, Nodes &out)
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
    if (depth > context.depthLimit) {
        append(out, textNode(flattenedText(node)));
        return;
    }
    if (action == Action::Unwrap) {
        build(element.children, depth + 1, context, out);
        return;
    }

    Node kept;
    kept.tag = keptTag(element.tag);
    if (!copyAttributes(element, kept, context.resolver)) {
        if (kept.tag == GUMBO_TAG_A)
            build(element.children, depth + 1, context, out);
        return;
    }
    build(element.children, depth + 1, context, kept.children);
    out.push_back(std::move(kept));
}

void build(const GumboVector &children, int depth, const BuildContext &context, Nodes &out)
{
    for (unsigned int i = 0; i < children.length; ++i)
        build(static_cast<const GumboNode *>(children.data[i]), depth, context, out);
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

// A figure loose in a list (a gallery's picture without its item) is a picture with its caption, not an
// entry of the list: it leaves the list, which is split around it, rather than becoming an item.
Nodes liftFiguresOutOfList(Node &&list)
{
    Nodes result;
    Node part = shallowCopy(list);
    const auto flush = [&] {
        fixList(part, GUMBO_TAG_LI);
        if (!part.children.empty())
            result.push_back(std::move(part));
        part = shallowCopy(list);
    };
    for (Node &child : list.children) {
        if (child.tag == GUMBO_TAG_FIGURE) {
            flush();
            result.push_back(std::move(child));
        } else {
            append(part.children, std::move(child));
        }
    }
    flush();
    return result;
}

bool holdsFigure(const Node &node)
{
    return std::any_of(node.children.cbegin(), node.children.cend(),
                       [](const Node &child) { return child.tag == GUMBO_TAG_FIGURE; });
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
    } else if ((node.tag == GUMBO_TAG_UL || node.tag == GUMBO_TAG_OL) && holdsFigure(node)) {
        return liftFiguresOutOfList(std::move(node));
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

// The image's position in the article, from its src "copydesk-image:N"; -1 for none.
int imagePosition(const Node &node)
{
    const QString prefix = QString::fromLatin1(HtmlSanitizer::ImageScheme) + u':';
    for (const auto &[attribute, value] : node.attributes) {
        if (attribute == "src"_L1 && value.startsWith(prefix))
            return value.mid(prefix.size()).toInt();
    }
    return -1;
}

void writeAttribute(QString &out, const QString &attribute, const QString &value)
{
    out += u' ' + attribute + u"=\""_s;
    writeEscaped(out, value, true);
    out += u'"';
}

void write(QString &out, const Node &node, const HtmlSanitizer::ImageRewrite *rewrite = nullptr)
{
    if (node.isText()) {
        writeEscaped(out, node.text, false);
        return;
    }
    std::optional<HtmlSanitizer::ImageOutput> image;
    if (rewrite && node.tag == GUMBO_TAG_IMG) {
        image = (*rewrite)(imagePosition(node));
        if (!image)
            return; // left out of this output
    }
    const QString name = QString::fromLatin1(gumbo_normalized_tagname(node.tag));
    out += u'<' + name;
    if (image) {
        for (const auto &[attribute, value] : image->extraAttributes)
            writeAttribute(out, attribute, value);
    }
    for (const auto &[attribute, value] : node.attributes)
        writeAttribute(out, attribute, image && attribute == "src"_L1 ? image->source : value);
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
        write(out, child, rewrite);
    out += u"</"_s + name + u'>';
    // A line per block keeps stored bodies readable; cells stay on their row's line.
    if (isBlock(node.tag) && node.tag != GUMBO_TAG_TD && node.tag != GUMBO_TAG_TH)
        out += u'\n';
}

} // namespace

QString HtmlSanitizer::sanitize(const QString &html)
{
    // A body already in the simplest sanitized form (what plain-text imports write) needs no parse.
    if (CanonicalHtml::isCanonical(html))
        return html;
    return sanitizeByParsing(html);
}

HtmlSanitizer::Sanitized HtmlSanitizer::sanitizeWithText(const QString &html)
{
    if (std::optional<QString> text = CanonicalHtml::plainText(html))
        return {html, *std::move(text)};
    Sanitized result;
    result.html = sanitizeByParsing(html);
    result.text = HtmlText::plainText(result.html);
    return result;
}

namespace {

Nodes sanitizedTree(const QString &html, const HtmlSanitizer::ImageResolver *resolver)
{
    const PageHtml::Document document(html);
    const GumboNode *body = document.body();
    if (!body)
        return {};

    // Normalizing can add a level (an item around loose list content); the result must stay within MaxDepth
    // so that sanitizing it again flattens nothing.
    Nodes tree;
    for (int depthLimit = MaxDepth; depthLimit > 0; depthLimit -= 16) {
        Nodes built;
        build(body->v.element.children, 1, BuildContext{depthLimit, resolver}, built);
        tree = normalizeChildren(std::move(built), GUMBO_TAG_BODY, false);
        trimAroundBlocks(tree, true);
        if (depthOf(tree) <= MaxDepth)
            break;
    }
    return tree;
}

QString written(const Nodes &tree, qsizetype sizeHint, const HtmlSanitizer::ImageRewrite *rewrite)
{
    QString out;
    out.reserve(sizeHint);
    for (const Node &node : tree)
        write(out, node, rewrite);
    return out;
}

} // namespace

QString HtmlSanitizer::sanitizeByParsing(const QString &html)
{
    return written(sanitizedTree(html, nullptr), html.size(), nullptr);
}

QString HtmlSanitizer::sanitize(const QString &html, const ImageResolver &resolver)
{
    return written(sanitizedTree(html, &resolver), html.size(), nullptr);
}

QString HtmlSanitizer::withImages(const QString &html, const ImageRewrite &rewrite)
{
    // Most bodies show no picture: they go out as they are, unparsed.
    if (!html.contains(QLatin1StringView(ImageScheme)))
        return html;
    return written(sanitizedTree(html, nullptr), html.size(), &rewrite);
}

} // namespace Copydesk
