#include <html/documenthtmlwriter.h>

#include "inlineruns.h"

#include <QList>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

// QTextHtmlImporter gives a <blockquote> 40px left and right margins; nested quotes add up.
constexpr qreal blockquoteMargin = 40.0;

using namespace InlineRuns;

bool isOrdered(const QTextList *list)
{
    switch (list->format().style()) {
    case QTextListFormat::ListDecimal:
    case QTextListFormat::ListLowerAlpha:
    case QTextListFormat::ListUpperAlpha:
    case QTextListFormat::ListLowerRoman:
    case QTextListFormat::ListUpperRoman:
        return true;
    default:
        return false;
    }
}

QLatin1StringView headingTag(int level)
{
    if (level <= 2)
        return "h2"_L1;
    if (level == 3)
        return "h3"_L1;
    return "h4"_L1;
}

// Blockquote nesting as the importer or the editor expresses it: the importer's margins (the level
// property is only on a quote's first block), or an explicit quote level.
int marginQuoteDepth(const QTextBlockFormat &format)
{
    int depth = format.intProperty(QTextFormat::BlockQuoteLevel);
    if (format.boolProperty(BodyFormat::PullQuoteProperty))
        depth = std::max(depth, 1);
    if (format.leftMargin() > 0)
        depth = std::max(depth, std::max(1, int(std::lround(format.leftMargin() / blockquoteMargin))));
    return depth;
}

bool isCodeBlock(const QTextBlock &block)
{
    return block.blockFormat().nonBreakableLines() || isMonospace(block.charFormat());
}

void collectBlocks(const QTextFrame *frame, QList<QTextBlock> &blocks)
{
    for (auto it = frame->begin(); !it.atEnd(); ++it) {
        if (const QTextFrame *child = it.currentFrame())
            collectBlocks(child, blocks);
        else if (it.currentBlock().isValid())
            blocks.append(it.currentBlock());
    }
}

class Writer
{
public:
    void writeBlock(const QTextBlock &block);
    QString finish();

private:
    struct Container
    {
        QTextList *list = nullptr; // null for a blockquote
        bool itemOpen = false;
        bool pullQuote = false;
    };

    int quoteDepth() const;
    bool innermostIsPullQuote() const;
    void setQuoteDepth(int depth, bool pullQuote = false);
    void closeTop();
    void closeCode();
    qsizetype openListWithIndent(int indent) const;
    void writeCode(const QTextBlock &block, int depth);
    void writeCodeLine(QList<Run> runs, int depth);
    void writeListItem(QTextList *list, const QString &content, int depth);
    void startLine();

    QString m_html;
    QList<Container> m_containers; // blockquotes first, then lists, outermost first
    bool m_midLine = false;        // an <li>'s text was written and its line not ended yet
    bool m_codeOpen = false;
    int m_pendingCodeLines = 0; // empty lines in a code block, written only if more code follows
};

int Writer::quoteDepth() const
{
    return int(std::count_if(m_containers.cbegin(), m_containers.cend(),
                             [](const Container &c) { return c.list == nullptr; }));
}

bool Writer::innermostIsPullQuote() const
{
    for (auto container = m_containers.crbegin(); container != m_containers.crend(); ++container) {
        if (!container->list)
            return container->pullQuote;
    }
    return false;
}

void Writer::startLine()
{
    if (m_midLine)
        m_html += u'\n';
    m_midLine = false;
}

void Writer::closeTop()
{
    const Container top = m_containers.takeLast();
    if (top.list) {
        if (top.itemOpen)
            m_html += "</li>\n"_L1;
        m_html += isOrdered(top.list) ? "</ol>\n"_L1 : "</ul>\n"_L1;
    } else {
        m_html += "</blockquote>\n"_L1;
    }
    m_midLine = false;
}

// Lists always sit inside the blockquotes, so a change of quote depth closes every open list.
// The innermost quote is a pull quote or not; a change between the two at one depth closes one and opens
// the other.
void Writer::setQuoteDepth(int depth, bool pullQuote)
{
    const bool kindFits = depth == 0 || innermostIsPullQuote() == pullQuote;
    if (quoteDepth() == depth && kindFits && (m_containers.isEmpty() || !m_containers.constLast().list))
        return;
    while (!m_containers.isEmpty() && m_containers.constLast().list)
        closeTop();
    while (quoteDepth() > depth)
        closeTop();
    if (depth > 0 && quoteDepth() == depth && innermostIsPullQuote() != pullQuote)
        closeTop();
    while (quoteDepth() < depth) {
        const bool pull = pullQuote && quoteDepth() == depth - 1;
        m_html += pull ? "<blockquote class=\"pull-quote\">\n"_L1 : "<blockquote>\n"_L1;
        m_containers.append(Container{nullptr, false, pull});
    }
}

void Writer::closeCode()
{
    if (!m_codeOpen)
        return;
    m_html += "</code></pre>\n"_L1;
    m_codeOpen = false;
    m_pendingCodeLines = 0;
}

qsizetype Writer::openListWithIndent(int indent) const
{
    for (qsizetype i = m_containers.size() - 1; i >= 0; --i) {
        const Container &container = m_containers.at(i);
        if (container.list && container.itemOpen && container.list->format().indent() == indent)
            return i;
    }
    return -1;
}

// The importer turns each line of a <pre> into a block of its own, so a line break inside a code block
// is written as a new line too, with the inline elements closed at its end.
void Writer::writeCode(const QTextBlock &block, int depth)
{
    const QList<Run> runs = collectRuns(block, InlineContext{false, true});
    QList<Run> line;
    for (const Run &run : runs) {
        if (run.kind == Run::Break) {
            writeCodeLine(line, depth);
            line.clear();
        } else {
            line.append(run);
        }
    }
    writeCodeLine(line, depth);
}

void Writer::writeCodeLine(QList<Run> runs, int depth)
{
    // Trailing blanks carry nothing in code, and Qt's importer adds one after a document's last <pre>.
    while (!runs.isEmpty() && runs.constLast().kind == Run::Text) {
        QString &text = runs.last().text;
        while (!text.isEmpty() && isCollapsibleSpace(text.back()))
            text.chop(1);
        if (!text.isEmpty())
            break;
        runs.removeLast();
    }
    const bool blank = runs.isEmpty();
    const bool lists = !m_containers.isEmpty() && m_containers.constLast().list;
    if (m_codeOpen && !lists && quoteDepth() == depth) {
        if (blank) {
            ++m_pendingCodeLines;
        } else {
            m_html += QString(m_pendingCodeLines + 1, u'\n') + writeInline(runs);
            m_pendingCodeLines = 0;
        }
        return;
    }
    closeCode();
    if (blank)
        return;
    setQuoteDepth(depth);
    m_html += "<pre><code>"_L1 + writeInline(runs);
    m_codeOpen = true;
}

void Writer::writeListItem(QTextList *list, const QString &content, int depth)
{
    if (quoteDepth() != depth)
        setQuoteDepth(depth);
    const int indent = list->format().indent();
    while (!m_containers.isEmpty()) {
        const Container &top = m_containers.constLast();
        if (!top.list || top.list == list || top.list->format().indent() < indent)
            break;
        closeTop();
    }
    if (!m_containers.isEmpty() && m_containers.constLast().list == list) {
        m_html += "</li>\n"_L1;
    } else {
        // A nested list belongs inside an item of its parent; give it one if the parent has none.
        if (!m_containers.isEmpty() && m_containers.constLast().list && !m_containers.constLast().itemOpen) {
            m_html += "<li>"_L1;
            m_containers.last().itemOpen = true;
            m_midLine = true;
        }
        startLine();
        m_html += isOrdered(list) ? "<ol>\n"_L1 : "<ul>\n"_L1;
        m_containers.append(Container{list, false});
    }
    m_html += "<li>"_L1 + content;
    m_containers.last().itemOpen = true;
    m_midLine = true;
}

void Writer::writeBlock(const QTextBlock &block)
{
    const QTextBlockFormat format = block.blockFormat();
    const int marginDepth = marginQuoteDepth(format);
    QTextList *list = block.textList();

    if (!list && isCodeBlock(block)) {
        writeCode(block, std::max(marginDepth, format.indent()));
        return;
    }

    const int level = format.headingLevel();
    const InlineContext context{level > 0, false};
    const QList<Run> runs = normaliseWhitespace(collectRuns(block, context));
    // A horizontal rule is an empty block that draws one.
    if (!list && format.hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth) && !hasContent(runs)) {
        closeCode();
        setQuoteDepth(marginDepth);
        m_html += "<hr>\n"_L1;
        return;
    }
    // Skipped without ending a code block: separate <pre>s that touch read back as one anyway.
    if (!hasContent(runs))
        return;
    const QString content = writeInline(runs);
    closeCode();
    if (list) {
        writeListItem(list, content, marginDepth);
        return;
    }

    const QString tag = level > 0 ? QString(headingTag(level)) : u"p"_s;
    const QString element = u'<' + tag + u'>' + content + "</"_L1 + tag + ">\n"_L1;

    // Qt imports a second paragraph of a list item as a block indented like the list; it stays in
    // that item. Any other indented block is a quotation.
    if (format.indent() > 0 && quoteDepth() == marginDepth) {
        const qsizetype owner = openListWithIndent(format.indent());
        if (owner >= 0) {
            while (m_containers.size() > owner + 1)
                closeTop();
            startLine();
            m_html += element;
            return;
        }
    }
    setQuoteDepth(std::max(marginDepth, format.indent()), format.boolProperty(BodyFormat::PullQuoteProperty));
    m_html += element;
}

QString Writer::finish()
{
    closeCode();
    while (!m_containers.isEmpty())
        closeTop();
    return m_html;
}

} // namespace

QString DocumentHtmlWriter::toSemanticHtml(const QTextDocument &document)
{
    QList<QTextBlock> blocks;
    collectBlocks(document.rootFrame(), blocks);
    Writer writer;
    for (const QTextBlock &block : std::as_const(blocks))
        writer.writeBlock(block);
    return writer.finish();
}

} // namespace Copydesk
