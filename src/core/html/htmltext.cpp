#include <html/htmltext.h>

#include <html/htmlelements.h>

#include <html/pagehtml.h>

#include <html/canonicalhtml.h>

#include <gumbo.h>

#include <QByteArray>

#include <optional>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace Copydesk {
namespace HtmlText {

namespace {

// Elements whose content is never shown as text.
bool isHidden(const GumboElement &element)
{
    if (element.tag_namespace != GUMBO_NAMESPACE_HTML)
        return true;
    switch (element.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_DATALIST:
        return true;
    default:
        return false;
    }
}

bool isBlockElement(GumboTag tag)
{
    return HtmlElements::has(tag, HtmlElements::Role::TextBlock);
}

bool isPreformatted(GumboTag tag)
{
    return tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING;
}

bool isHeading(const GumboElement &element)
{
    return element.tag_namespace == GUMBO_NAMESPACE_HTML &&
           (element.tag == GUMBO_TAG_H2 || element.tag == GUMBO_TAG_H3 || element.tag == GUMBO_TAG_H4);
}

bool isHtmlSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\f' || c == u'\r';
}

// Walks the tree below root in document order with an explicit stack, so that no nesting depth can exhaust
// the call stack. The visitor's enter() returns whether to walk into the element; leave() follows only then.
// Elements reach the visitor as nodes so that it can start a walk of its own below one.
template<typename Visitor> void walk(const GumboNode *root, Visitor &visitor)
{
    struct Frame
    {
        const GumboNode *node;
        unsigned int next;
    };
    std::vector<Frame> stack{{root, 0}};
    while (!stack.empty()) {
        Frame &frame = stack.back();
        const GumboVector &children = frame.node->v.element.children;
        if (frame.next == children.length) {
            if (stack.size() > 1)
                visitor.leave(frame.node);
            stack.pop_back();
            continue;
        }
        const auto *child = static_cast<const GumboNode *>(children.data[frame.next++]);
        switch (child->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
        case GUMBO_NODE_CDATA:
            visitor.text(QString::fromUtf8(child->v.text.text));
            break;
        case GUMBO_NODE_ELEMENT:
            if (visitor.enter(child))
                stack.push_back({child, 0});
            break;
        default: // comments and templates
            break;
        }
    }
}

// Collects text with runs of white space folded to one space, as a browser shows it.
class FoldedText
{
public:
    void addText(const QString &text)
    {
        for (const QChar c : text) {
            if (!isHtmlSpace(c))
                m_text += c;
            else if (!m_text.isEmpty() && !isHtmlSpace(m_text.back()))
                m_text += u' ';
        }
    }

    void addRaw(const QString &text) { m_text += text; }

    void addLineBreak()
    {
        chopSpaces();
        m_text += u'\n';
    }

    // Separates table cells in a row.
    void addTab()
    {
        if (m_text.isEmpty())
            return;
        chopSpaces();
        m_text += u'\t';
    }

    QString takeTrimmed()
    {
        qsizetype start = 0;
        qsizetype end = m_text.size();
        while (start < end && isHtmlSpace(m_text.at(start)))
            ++start;
        while (end > start && isHtmlSpace(m_text.at(end - 1)))
            --end;
        const QString result = m_text.mid(start, end - start);
        m_text.clear();
        return result;
    }

    // Keeps the indentation of the first line of preformatted text but drops blank lines around it.
    QString takePreformatted()
    {
        qsizetype start = 0;
        for (qsizetype i = 0; i < m_text.size() && isHtmlSpace(m_text.at(i)); ++i) {
            if (m_text.at(i) == u'\n')
                start = i + 1;
        }
        qsizetype end = m_text.size();
        while (end > start && isHtmlSpace(m_text.at(end - 1)))
            --end;
        const QString result = m_text.mid(start, end - start);
        m_text.clear();
        return result;
    }

    bool isEmpty() const { return m_text.isEmpty(); }

private:
    void chopSpaces()
    {
        while (!m_text.isEmpty() && (m_text.back() == u' ' || m_text.back() == u'\t'))
            m_text.chop(1);
    }

    QString m_text;
};

class PlainTextVisitor
{
public:
    bool enter(const GumboNode *node)
    {
        const GumboElement &element = node->v.element;
        if (isHidden(element))
            return false;
        if (element.tag == GUMBO_TAG_BR) {
            if (m_preDepth > 0)
                m_current.addRaw(u"\n"_s);
            else
                m_current.addLineBreak();
        } else if (element.tag == GUMBO_TAG_TD || element.tag == GUMBO_TAG_TH) {
            m_current.addTab();
        } else if (isBlockElement(element.tag)) {
            endBlock();
        }
        if (isPreformatted(element.tag))
            ++m_preDepth;
        return true;
    }

    void leave(const GumboNode *node)
    {
        const GumboElement &element = node->v.element;
        if (isBlockElement(element.tag))
            endBlock();
        if (isPreformatted(element.tag))
            --m_preDepth;
    }

    void text(const QString &text)
    {
        if (m_preDepth > 0) {
            m_current.addRaw(text);
            m_currentIsPreformatted = true;
        } else {
            m_current.addText(text);
        }
    }

    QString result()
    {
        endBlock();
        return m_blocks.join(u"\n\n"_s);
    }

private:
    void endBlock()
    {
        const QString block =
            m_currentIsPreformatted ? m_current.takePreformatted() : m_current.takeTrimmed();
        if (!block.isEmpty())
            m_blocks.append(block);
        m_currentIsPreformatted = false;
    }

    QStringList m_blocks;
    FoldedText m_current;
    int m_preDepth = 0;
    bool m_currentIsPreformatted = false;
};

class HeadingTextVisitor
{
public:
    bool enter(const GumboNode *node)
    {
        const GumboElement &element = node->v.element;
        if (isHidden(element))
            return false;
        if (element.tag == GUMBO_TAG_BR)
            m_text.addText(u" "_s);
        return true;
    }

    void leave(const GumboNode *) {}
    void text(const QString &text) { m_text.addText(text); }
    QString result() { return m_text.takeTrimmed(); }

private:
    FoldedText m_text;
};

class HeadingsVisitor
{
public:
    bool enter(const GumboNode *node)
    {
        const GumboElement &element = node->v.element;
        if (isHidden(element))
            return false;
        if (!isHeading(element))
            return true;
        // A heading nested in another (only malformed input has them) is part of the outer one's text.
        HeadingTextVisitor visitor;
        walk(node, visitor);
        const QString text = visitor.result();
        if (!text.isEmpty())
            m_headings.append(text);
        return false;
    }

    void leave(const GumboNode *) {}
    void text(const QString &) {}
    QStringList result() const { return m_headings; }

private:
    QStringList m_headings;
};

// The text of code: preformatted blocks and inline code, keyboard and sample elements, each as one string.
class CodeTextVisitor
{
public:
    bool enter(const GumboNode *node)
    {
        const GumboElement &element = node->v.element;
        if (isHidden(element))
            return false;
        if (!isCode(element.tag))
            return true;
        CodeTextCollector collector;
        walk(node, collector);
        if (!collector.collected.trimmed().isEmpty())
            m_texts.append(collector.collected);
        return false;
    }

    void leave(const GumboNode *) {}
    void text(const QString &) {}
    QStringList result() const { return m_texts; }

private:
    struct CodeTextCollector
    {
        bool enter(const GumboNode *node) { return !isHidden(node->v.element); }
        void leave(const GumboNode *) {}
        void text(const QString &part) { collected += part; }
        QString collected;
    };

    static bool isCode(GumboTag tag)
    {
        return isPreformatted(tag) || tag == GUMBO_TAG_CODE || tag == GUMBO_TAG_KBD ||
               tag == GUMBO_TAG_SAMP || tag == GUMBO_TAG_TT;
    }

    QStringList m_texts;
};

bool isAsciiLetterOrDigit(char32_t c)
{
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9');
}

bool isLetterLike(char32_t c)
{
    return QChar::isLetter(c) || QChar::isMark(c);
}

bool isWordCharacter(char32_t c)
{
    if (c < 0x80) // most of an article; the Unicode tables say the same for ASCII
        return isAsciiLetterOrDigit(c);
    return QChar::isLetterOrNumber(c) || QChar::isMark(c);
}

bool isJoiner(char32_t c)
{
    switch (c) {
    case U'\'':
    case U'\u2019': // right single quotation mark, the typographic apostrophe
    case U'-':
    case U'\u2010': // hyphen
    case U'\u2011': // non-breaking hyphen
        return true;
    default:
        return false;
    }
}

} // namespace

QString plainText(const QString &html)
{
    if (std::optional<QString> text = CanonicalHtml::plainText(html))
        return *std::move(text);
    return plainTextByParsing(html);
}

QString plainTextByParsing(const QString &html)
{
    const PageHtml::Document document(html);
    const GumboNode *body = document.body();
    if (!body)
        return {};
    PlainTextVisitor visitor;
    walk(body, visitor);
    return visitor.result();
}

QStringList headings(const QString &html)
{
    // Most bodies have none: not parsed for nothing (every revision an import stores asks).
    if (!html.contains(u"<h2"_s, Qt::CaseInsensitive) && !html.contains(u"<h3"_s, Qt::CaseInsensitive) &&
        !html.contains(u"<h4"_s, Qt::CaseInsensitive))
        return {};
    const PageHtml::Document document(html);
    const GumboNode *body = document.body();
    if (!body)
        return {};
    HeadingsVisitor visitor;
    walk(body, visitor);
    return visitor.result();
}

QStringList codeTexts(const QString &html)
{
    if (!html.contains(u"<pre"_s, Qt::CaseInsensitive) && !html.contains(u"<code"_s, Qt::CaseInsensitive) &&
        !html.contains(u"<kbd"_s, Qt::CaseInsensitive) && !html.contains(u"<samp"_s, Qt::CaseInsensitive) &&
        !html.contains(u"<tt"_s, Qt::CaseInsensitive) && !html.contains(u"<listing"_s, Qt::CaseInsensitive))
        return {};
    const PageHtml::Document document(html);
    const GumboNode *body = document.body();
    if (!body)
        return {};
    CodeTextVisitor visitor;
    walk(body, visitor);
    return visitor.result();
}

QList<std::pair<qsizetype, qsizetype>> codeRanges(const QString &text, const QStringList &codeTexts)
{
    // The plain text folds white space differently in code than the HTML holds it, so each line of code is
    // looked up by itself.
    QList<std::pair<qsizetype, qsizetype>> ranges;
    for (const QString &code : codeTexts) {
        for (const QString &line : code.split(u'\n')) {
            // Preformatted code keeps its spaces in the plain text; inline code has them folded.
            for (const QString &needle : QStringList{line.trimmed(), line.simplified()}) {
                if (needle.isEmpty())
                    continue;
                for (qsizetype at = text.indexOf(needle); at >= 0;
                     at = text.indexOf(needle, at + needle.size()))
                    ranges.append({at, at + needle.size()});
            }
        }
    }
    return ranges;
}

int wordCount(const QString &text)
{
    // Code points read in place (no UCS-4 copy): this runs over every stored body.
    const char16_t *const data = QStringView(text).utf16();
    const qsizetype size = text.size();
    const auto codePointAt = [&](qsizetype i, qsizetype *length) -> char32_t {
        if (QChar::isHighSurrogate(data[i]) && i + 1 < size && QChar::isLowSurrogate(data[i + 1])) {
            *length = 2;
            return QChar::surrogateToUcs4(data[i], data[i + 1]);
        }
        *length = 1;
        return data[i];
    };
    int count = 0;
    bool inWord = false;
    char32_t previous = 0;
    qsizetype length = 0;
    for (qsizetype i = 0; i < size; i += length) {
        const char32_t c = codePointAt(i, &length);
        if (isWordCharacter(c)) {
            if (!inWord)
                ++count;
            inWord = true;
        } else if (qsizetype nextLength = 0; inWord && isJoiner(c) && i + length < size &&
                                             isLetterLike(previous) &&
                                             isLetterLike(codePointAt(i + length, &nextLength))) {
            // "don't", "well-known", "по-русски": one word
        } else {
            inWord = false;
        }
        previous = c;
    }
    return count;
}

} // namespace HtmlText
} // namespace Copydesk
