#include <html/documenthtmlwriter.h>

#include <QRegularExpression>
#include <QTextCursor>

#include <QFont>
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

// Inline elements in the order they are opened when several start together and last equally long.
enum class InlineTag
{
    Link,
    Strong,
    Emphasis,
    Strike,
    Code,
    Subscript,
    Superscript
};

struct OpenTag
{
    InlineTag tag;
    QString href; // only for Link

    bool operator==(const OpenTag &other) const = default;
};

using TagList = QList<OpenTag>;

struct Run
{
    enum Kind
    {
        Text,
        Image,
        Break
    };

    Kind kind = Text;
    QString text; // Text: the characters; Image: the image name
    QString alt;  // Image only
    TagList tags;
};

// Asking the font database would make the output depend on the fonts installed: names only.
bool isMonospace(const QTextCharFormat &format)
{
    if (format.fontFixedPitch())
        return true;
    const QStringList families = format.property(QTextFormat::FontFamilies).toStringList();
    return std::any_of(families.cbegin(), families.cend(), [](const QString &family) {
        const QString name = family.trimmed().toLower();
        return name == "monospace"_L1 || name.startsWith("courier"_L1) || name.endsWith(" mono"_L1) ||
               name.contains(" mono "_L1) || name == "consolas"_L1 || name == "menlo"_L1 ||
               name == "monaco"_L1;
    });
}

struct InlineContext
{
    bool ignoreBold = false; // headings are bold by their own style, not by the writer's choice
    bool insideCode = false; // <pre><code> already says monospace
};

TagList tagsFor(const QTextCharFormat &format, const InlineContext &context)
{
    TagList tags;
    if (format.isAnchor() && !format.anchorHref().isEmpty())
        tags.append({InlineTag::Link, format.anchorHref()});
    if (!context.ignoreBold && format.fontWeight() >= QFont::DemiBold)
        tags.append({InlineTag::Strong, {}});
    if (format.fontItalic())
        tags.append({InlineTag::Emphasis, {}});
    if (format.fontStrikeOut())
        tags.append({InlineTag::Strike, {}});
    if (!context.insideCode && isMonospace(format))
        tags.append({InlineTag::Code, {}});
    if (format.verticalAlignment() == QTextCharFormat::AlignSubScript)
        tags.append({InlineTag::Subscript, {}});
    else if (format.verticalAlignment() == QTextCharFormat::AlignSuperScript)
        tags.append({InlineTag::Superscript, {}});
    return tags;
}

void appendText(QList<Run> &runs, QChar c, const TagList &tags)
{
    if (runs.isEmpty() || runs.constLast().kind != Run::Text || runs.constLast().tags != tags)
        runs.append({Run::Text, {}, {}, tags});
    runs.last().text.append(c);
}

// Characters QTextDocument uses internally that have no meaning in the stored text.
bool isInternalCharacter(QChar c)
{
    return c == QChar::ObjectReplacementCharacter || c.unicode() == 0xfdd0 || c.unicode() == 0xfdd1 ||
           (c.unicode() < 0x20 && c != u'\t');
}

// Splits a block into runs of equally formatted text, images and line breaks.
QList<Run> collectRuns(const QTextBlock &block, const InlineContext &context)
{
    QList<Run> runs;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        if (!fragment.isValid())
            continue;
        const QTextCharFormat format = fragment.charFormat();
        const TagList tags = tagsFor(format, context);
        const QString text = fragment.text();
        if (format.isImageFormat()) {
            const QTextImageFormat image = format.toImageFormat();
            if (image.name().isEmpty())
                continue;
            // Equal neighbouring images share one fragment: one object character each.
            for (QChar c : text) {
                if (c == QChar::ObjectReplacementCharacter)
                    runs.append(
                        {Run::Image, image.name(), image.stringProperty(QTextFormat::ImageAltText), tags});
            }
            continue;
        }
        for (QChar c : text) {
            if (c == QChar::LineSeparator)
                runs.append({Run::Break, {}, {}, tags});
            else if (!isInternalCharacter(c))
                appendText(runs, c, tags);
        }
    }
    return runs;
}

bool isCollapsibleSpace(QChar c)
{
    return c == u' ' || c == u'\t';
}

// HTML collapses white space, so the stored text does too: runs of spaces become one, and spaces at
// the start and end of a line go. Line breaks at the start or end of a block go as well. Without this
// setHtml() of the output would not give the same document back. No-break spaces are kept.
QList<Run> normaliseWhitespace(const QList<Run> &runs)
{
    QList<Run> result;
    bool atLineStart = true;
    bool spacePending = false;
    TagList pendingTags;

    const auto flushSpace = [&]() {
        if (spacePending && !atLineStart)
            appendText(result, u' ', pendingTags);
        spacePending = false;
    };

    for (const Run &run : runs) {
        switch (run.kind) {
        case Run::Break:
            spacePending = false;
            if (!result.isEmpty())
                result.append(run);
            atLineStart = true;
            break;
        case Run::Image:
            flushSpace();
            result.append(run);
            atLineStart = false;
            break;
        case Run::Text:
            for (QChar c : run.text) {
                if (isCollapsibleSpace(c)) {
                    if (!spacePending)
                        pendingTags = run.tags;
                    spacePending = true;
                    continue;
                }
                flushSpace();
                appendText(result, c, run.tags);
                atLineStart = false;
            }
            break;
        }
    }
    while (!result.isEmpty() && result.constLast().kind == Run::Break)
        result.removeLast();
    return result;
}

// Pasted text often spaces paragraphs apart with "<p>&nbsp;</p>"; such a block is as empty as a blank one.
bool hasContent(const QList<Run> &runs)
{
    return std::any_of(runs.cbegin(), runs.cend(), [](const Run &run) {
        return run.kind == Run::Image ||
               (run.kind == Run::Text && std::any_of(run.text.cbegin(), run.text.cend(), [](QChar c) {
                    return c != QChar::Nbsp && !isCollapsibleSpace(c);
                }));
    });
}

QString openingTag(const OpenTag &tag)
{
    switch (tag.tag) {
    case InlineTag::Link:
        return "<a href=\""_L1 + tag.href.toHtmlEscaped() + "\">"_L1;
    case InlineTag::Strong:
        return u"<strong>"_s;
    case InlineTag::Emphasis:
        return u"<em>"_s;
    case InlineTag::Strike:
        return u"<s>"_s;
    case InlineTag::Code:
        return u"<code>"_s;
    case InlineTag::Subscript:
        return u"<sub>"_s;
    case InlineTag::Superscript:
        return u"<sup>"_s;
    }
    return {};
}

QString closingTag(const OpenTag &tag)
{
    switch (tag.tag) {
    case InlineTag::Link:
        return u"</a>"_s;
    case InlineTag::Strong:
        return u"</strong>"_s;
    case InlineTag::Emphasis:
        return u"</em>"_s;
    case InlineTag::Strike:
        return u"</s>"_s;
    case InlineTag::Code:
        return u"</code>"_s;
    case InlineTag::Subscript:
        return u"</sub>"_s;
    case InlineTag::Superscript:
        return u"</sup>"_s;
    }
    return {};
}

// How many runs from `from` on carry `tag` without interruption; line breaks neither end nor extend it.
qsizetype tagSpan(const QList<Run> &runs, qsizetype from, const OpenTag &tag)
{
    qsizetype span = 0;
    for (qsizetype i = from; i < runs.size(); ++i) {
        if (runs.at(i).kind == Run::Break)
            continue;
        if (!runs.at(i).tags.contains(tag))
            break;
        ++span;
    }
    return span;
}

// Writes the runs with properly nested inline elements. A stack of open tags is kept; when the
// formatting changes, tags are closed down to the deepest one still wanted and the missing ones are
// opened, the longest-lasting first, so that "<em><strong>a</strong> b</em>" stays that way.
QString writeInline(const QList<Run> &runs)
{
    QString html;
    TagList open;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const Run &run = runs.at(i);
        if (run.kind == Run::Break) {
            html += "<br>"_L1;
            continue;
        }
        qsizetype keep = 0;
        while (keep < open.size() && run.tags.contains(open.at(keep)))
            ++keep;
        while (open.size() > keep)
            html += closingTag(open.takeLast());

        TagList missing;
        for (const OpenTag &tag : run.tags) {
            if (!open.contains(tag))
                missing.append(tag);
        }
        std::stable_sort(missing.begin(), missing.end(), [&](const OpenTag &a, const OpenTag &b) {
            return tagSpan(runs, i, a) > tagSpan(runs, i, b);
        });
        for (const OpenTag &tag : std::as_const(missing)) {
            html += openingTag(tag);
            open.append(tag);
        }

        if (run.kind == Run::Image) {
            html += "<img src=\""_L1 + run.text.toHtmlEscaped() + "\" alt=\""_L1 + run.alt.toHtmlEscaped() +
                    "\">"_L1;
        } else {
            html += run.text.toHtmlEscaped();
        }
    }
    while (!open.isEmpty())
        html += closingTag(open.takeLast());
    return html;
}

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

namespace {
constexpr int PullQuoteUserState = 0x50514;
}

void BodyFormat::setBody(QTextDocument &document, const QString &storedHtml)
{
    // QTextHtmlImporter keeps no classes, but it does read a block's -qt-user-state: the paragraphs of a
    // pull quote carry one through the import and are marked with the property after it. The stored
    // HTML is the sanitizer's own canonical output, so its pull quotes are written exactly this way.
    static const QRegularExpression pullQuote(uR"(<blockquote class="pull-quote">(.*?)</blockquote>)"_s,
                                              QRegularExpression::DotMatchesEverythingOption);
    QString html = storedHtml;
    if (html.contains("pull-quote"_L1)) {
        QString marked;
        qsizetype last = 0;
        for (const QRegularExpressionMatch &match : pullQuote.globalMatch(storedHtml)) {
            marked += QStringView(storedHtml).sliced(last, match.capturedStart() - last);
            QString inner = match.captured(1);
            inner.replace("<p>"_L1, u"<p style=\"-qt-user-state:%1\">"_s.arg(PullQuoteUserState));
            marked += "<blockquote>"_L1 + inner + "</blockquote>"_L1;
            last = match.capturedEnd();
        }
        marked += QStringView(storedHtml).sliced(last);
        html = marked;
    }
    document.setHtml(html);
    QTextCursor cursor(&document);
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        QTextBlockFormat format = block.blockFormat();
        bool changed = false;
        if (block.userState() == PullQuoteUserState) {
            block.setUserState(-1);
            format.setProperty(PullQuoteProperty, true);
            changed = true;
        }
        if (!block.textList() && format.leftMargin() > 0 &&
            !format.hasProperty(QTextFormat::BlockQuoteLevel)) {
            format.setProperty(QTextFormat::BlockQuoteLevel,
                               std::max(1, int(std::lround(format.leftMargin() / QuoteMargin))));
            changed = true;
        }
        if (changed) {
            cursor.setPosition(block.position());
            cursor.setBlockFormat(format);
        }
    }
}

bool BodyFormat::isCode(const QTextCharFormat &format)
{
    return isMonospace(format);
}

} // namespace Copydesk
