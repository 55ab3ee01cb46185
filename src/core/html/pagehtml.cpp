#include <html/pagehtml.h>

#include <html/htmlelements.h>

#include <QByteArray>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Copydesk::PageHtml {

namespace {

// Real pages stay far below this; the limit keeps the recursive walks safe on hostile nesting.
constexpr int MaxDepth = 512;

bool isSkippedForText(const GumboNode *node)
{
    if (node->type != GUMBO_NODE_ELEMENT)
        return node->type == GUMBO_NODE_TEMPLATE;
    switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
        return true;
    default:
        return node->v.element.tag_namespace == GUMBO_NAMESPACE_SVG;
    }
}

bool isBlockForText(GumboTag tag)
{
    return HtmlElements::has(tag, HtmlElements::Role::PageTextBreak);
}

void collectText(const GumboNode *node, QString &out, const std::function<bool(const GumboNode *)> &skip,
                 int depth)
{
    if (depth > MaxDepth || isSkippedForText(node) || (skip && skip(node)))
        return;
    switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
        out += QString::fromUtf8(node->v.text.text);
        return;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_DOCUMENT: {
        const bool block = node->type == GUMBO_NODE_ELEMENT && isBlockForText(node->v.element.tag);
        if (block)
            out += u' ';
        const GumboVector &children =
            node->type == GUMBO_NODE_ELEMENT ? node->v.element.children : node->v.document.children;
        for (unsigned int i = 0; i < children.length; ++i)
            collectText(static_cast<const GumboNode *>(children.data[i]), out, skip, depth + 1);
        if (block)
            out += u' ';
        return;
    }
    default:
        return;
    }
}

bool isVoidElement(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_WBR:
        return true;
    default:
        return false;
    }
}

void serializeNode(const GumboNode *node, QString &out, const ElementWriter &write, int depth)
{
    if (depth > MaxDepth)
        return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
        out += escapeText(QString::fromUtf8(node->v.text.text));
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) // comments, templates: nothing a reader needs
        return;
    const GumboElement &element = node->v.element;
    if (element.tag == GUMBO_TAG_SCRIPT || element.tag == GUMBO_TAG_STYLE ||
        element.tag == GUMBO_TAG_NOSCRIPT || element.tag == GUMBO_TAG_TEMPLATE ||
        element.tag_namespace != GUMBO_NAMESPACE_HTML)
        return;
    if (write && write(node, out))
        return;
    const QString name = elementName(node);
    if (name.isEmpty()) { // no name to write: keep what is inside
        for (unsigned int i = 0; i < element.children.length; ++i)
            serializeNode(static_cast<const GumboNode *>(element.children.data[i]), out, write, depth + 1);
        return;
    }
    out += u'<' + name;
    for (unsigned int i = 0; i < element.attributes.length; ++i) {
        const auto *attr = static_cast<const GumboAttribute *>(element.attributes.data[i]);
        const QString attrName = QString::fromUtf8(attr->name);
        if (attrName.startsWith("on"_L1, Qt::CaseInsensitive)) // event handlers are script
            continue;
        out += u' ' + attrName + u"=\""_s + escapeAttribute(QString::fromUtf8(attr->value)) + u'"';
    }
    out += u'>';
    if (isVoidElement(element.tag))
        return;
    for (unsigned int i = 0; i < element.children.length; ++i)
        serializeNode(static_cast<const GumboNode *>(element.children.data[i]), out, write, depth + 1);
    out += u"</"_s + name + u'>';
}

} // namespace

void GumboOutputDeleter::operator()(GumboOutput *output) const
{
    gumbo_destroy_output(&kGumboDefaultOptions, output);
}

namespace {

GumboOutput *parseUtf8(const QByteArray &utf8)
{
    GumboOptions options = kGumboDefaultOptions;
    // Recording a parse error copies the stack of open elements: deep input would take quadratic memory,
    // and the error list is never used.
    options.max_errors = 0;
    return gumbo_parse_with_options(&options, utf8.constData(), size_t(utf8.size()));
}

} // namespace

Document::Document(const QString &html)
    : m_source(html.toUtf8())
    , m_output(parseUtf8(m_source))
{}

const GumboNode *Document::body() const
{
    const GumboNode *root = m_output ? m_output->root : nullptr;
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

bool isElement(const GumboNode *node, GumboTag tag)
{
    return node && node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

const GumboNode *findFirst(const GumboNode *node, GumboTag tag)
{
    if (!node || node->type != GUMBO_NODE_ELEMENT)
        return nullptr;
    if (node->v.element.tag == tag)
        return node;
    const GumboVector &children = node->v.element.children;
    for (unsigned int i = 0; i < children.length; ++i) {
        if (const GumboNode *found = findFirst(static_cast<const GumboNode *>(children.data[i]), tag))
            return found;
    }
    return nullptr;
}

QString elementName(const GumboNode *node)
{
    if (!node || node->type != GUMBO_NODE_ELEMENT)
        return {};
    const GumboElement &element = node->v.element;
    if (element.tag != GUMBO_TAG_UNKNOWN)
        return QString::fromLatin1(gumbo_normalized_tagname(element.tag));
    GumboStringPiece name = element.original_tag;
    if (!name.data || name.length < 2 || name.data[0] != '<')
        return {}; // an element the parser made up has no written name (and gumbo asserts on it)
    gumbo_tag_from_original_text(&name);
    const QString text = QString::fromUtf8(name.data, qsizetype(name.length)).toLower();
    for (const QChar c : text) { // a name written back must not break the markup around it
        if (!(c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u':'))
            return {};
    }
    return text;
}

QString attribute(const GumboNode *node, const char *name)
{
    if (!node || node->type != GUMBO_NODE_ELEMENT)
        return {};
    const GumboAttribute *attr = gumbo_get_attribute(&node->v.element.attributes, name);
    return attr ? QString::fromUtf8(attr->value) : QString();
}

bool hasAttribute(const GumboNode *node, const char *name)
{
    return node && node->type == GUMBO_NODE_ELEMENT &&
           gumbo_get_attribute(&node->v.element.attributes, name) != nullptr;
}

bool classOrItempropContains(const GumboNode *node, const QStringList &words)
{
    const QString names = attribute(node, "class") + u' ' + attribute(node, "itemprop");
    for (const QString &word : words) {
        if (names.contains(word, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString foldWhitespace(const QString &text)
{
    // Only HTML's own white space: a no-break or ideographic space is part of the text.
    QString out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (const QChar c : text) {
        if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f') {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace)
            out += u' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}

QString textOf(const GumboNode *node)
{
    return textOf(node, {});
}

QString textOf(const GumboNode *node, const std::function<bool(const GumboNode *)> &skip)
{
    QString out;
    if (node)
        collectText(node, out, skip, 0);
    return foldWhitespace(out);
}

const GumboNode *enclosingFigure(const GumboNode *image)
{
    int level = 0;
    for (const GumboNode *node = image ? image->parent : nullptr; node && level < 6;
         node = node->parent, ++level) {
        if (isElement(node, GUMBO_TAG_FIGURE) ||
            (node->type == GUMBO_NODE_ELEMENT && attribute(node, "class").contains("wp-caption"_L1)))
            return node;
    }
    return nullptr;
}

bool hasMarkup(const GumboOutput *output)
{
    if (!output || !output->root)
        return false;
    const GumboVector &top = output->document->v.document.children;
    for (unsigned int i = 0; i < top.length; ++i) {
        if (static_cast<const GumboNode *>(top.data[i])->type == GUMBO_NODE_COMMENT)
            return true;
    }
    if (output->document->v.document.has_doctype)
        return true;
    // Elements the source wrote have an original tag; the ones the parser added around text do not.
    std::function<bool(const GumboNode *, int)> written = [&](const GumboNode *node, int depth) {
        if (node->type != GUMBO_NODE_ELEMENT || depth > MaxDepth)
            return false;
        if (node->v.element.original_tag.length > 0)
            return true;
        const GumboVector &children = node->v.element.children;
        for (unsigned int i = 0; i < children.length; ++i) {
            if (written(static_cast<const GumboNode *>(children.data[i]), depth + 1))
                return true;
        }
        return false;
    };
    return written(output->root, 0);
}

void serialize(const GumboNode *node, QString &out, const ElementWriter &write)
{
    if (node)
        serializeNode(node, out, write, 0);
}

QString escapeText(const QString &text)
{
    QString out = text;
    out.replace(u'&', "&amp;"_L1).replace(u'<', "&lt;"_L1).replace(u'>', "&gt;"_L1);
    return out;
}

QString escapeAttribute(const QString &text)
{
    QString out = escapeText(text);
    out.replace(u'"', "&quot;"_L1);
    return out;
}

} // namespace Copydesk::PageHtml
