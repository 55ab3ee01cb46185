#pragma once

// The rules of HtmlSanitizer: which elements and attributes stay, and how values are cleaned. Internal to
// core; htmlsanitizer.cpp builds, repairs and writes the sanitized tree with them.

#include <html/htmlsanitizer.h>

#include <gumbo.h>

#include <QString>

#include <utility>
#include <vector>

namespace Copydesk::SanitizerRules {

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

enum class Action
{
    Keep,
    Unwrap,
    Drop
};

Node textNode(QString text);
Node shallowCopy(const Node &node);
Action actionFor(const GumboElement &element);
GumboTag keptTag(GumboTag tag);
bool isVoid(GumboTag tag);
bool isPhrasingBlock(GumboTag tag);
bool isFlowBlock(GumboTag tag);
bool isStructureBlock(GumboTag tag);
bool isBlock(GumboTag tag);
bool isBlock(const Node &node);
bool fitsParent(GumboTag tag, GumboTag parent);
bool isHtmlSpace(QChar c);
bool isBlankText(const QString &text);
QString cleanText(QString text);
QString urlText(const QString &value);
QString safeUrl(const QString &value, bool allowMailto);
QString imageSource(const QString &value);
QString spanValue(const QString &value);
QString attributeValue(const GumboElement &element, const char *name);
bool hasAttribute(const GumboElement &element, const char *name);
void addTextAttribute(Node &node, const GumboElement &element, const char *name);
void addValue(Node &node, const char *name, const QString &value);
// resolver: see HtmlSanitizer::ImageResolver; may be null.
bool copyAttributes(const GumboElement &element, Node &node, const HtmlSanitizer::ImageResolver *resolver);

} // namespace Copydesk::SanitizerRules
