#pragma once

#include <gumbo.h>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace Copydesk {

// The one wrapper of gumbo, the HTML5 parser, for all of Copydesk (the sanitizer, the text views of HTML,
// the saved-page importer), with small functions over its tree. Internal to core.
namespace PageHtml {

struct GumboOutputDeleter
{
    void operator()(GumboOutput *output) const;
};

// A parsed page. Gumbo's tree points into the text it was given (original_tag and the like), so the
// document keeps that text alive for as long as the tree.
class Document final
{
public:
    explicit Document(const QString &html);
    Q_DISABLE_COPY_MOVE(Document)

    const GumboOutput *get() const { return m_output.get(); }
    // The <body> element the parser always makes, or nullptr when the parse failed.
    const GumboNode *body() const;
    const GumboOutput *operator->() const { return m_output.get(); }
    explicit operator bool() const { return bool(m_output); }

private:
    const QByteArray m_source;
    const std::unique_ptr<GumboOutput, GumboOutputDeleter> m_output;
};

const GumboNode *findFirst(const GumboNode *node, GumboTag tag);
bool isElement(const GumboNode *node, GumboTag tag);
// The element's name in lower case, also for elements gumbo does not know ("picture" in gumbo 0.10).
QString elementName(const GumboNode *node);
QString attribute(const GumboNode *node, const char *name);
bool hasAttribute(const GumboNode *node, const char *name);
// Whether any of the space-separated class names (or itemprop values) contains one of the words.
bool classOrItempropContains(const GumboNode *node, const QStringList &words);

// The visible text: script and style left out, blocks and <br> separated, white space folded, trimmed.
QString textOf(const GumboNode *node);
// Like textOf, but leaving out the subtrees for which `skip` is true.
QString textOf(const GumboNode *node, const std::function<bool(const GumboNode *)> &skip);
QString foldWhitespace(const QString &text);

// The <figure> an image belongs to (also WordPress's "wp-caption" blocks), or nullptr.
const GumboNode *enclosingFigure(const GumboNode *image);

// Whether the document holds any element that the HTML text itself wrote (not only the html, head and body
// that the parser adds around plain text).
bool hasMarkup(const GumboOutput *output);

// Writes a node back out as HTML. `write` is asked first for every element: it returns true when it has
// written (or deliberately dropped) the element itself. Comments, script and style are never written.
using ElementWriter = std::function<bool(const GumboNode *, QString &out)>;
void serialize(const GumboNode *node, QString &out, const ElementWriter &write);
QString escapeText(const QString &text);
QString escapeAttribute(const QString &text);

} // namespace PageHtml
} // namespace Copydesk
