#include "inlineruns.h"

#include <QFont>
#include <QTextFragment>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Copydesk::InlineRuns {

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

namespace {
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
} // namespace

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

namespace {
QLatin1StringView elementName(InlineTag tag)
{
    switch (tag) {
    case InlineTag::Link:
        return "a"_L1;
    case InlineTag::Strong:
        return "strong"_L1;
    case InlineTag::Emphasis:
        return "em"_L1;
    case InlineTag::Strike:
        return "s"_L1;
    case InlineTag::Code:
        return "code"_L1;
    case InlineTag::Subscript:
        return "sub"_L1;
    case InlineTag::Superscript:
        return "sup"_L1;
    }
    return {};
}

QString openingTag(const OpenTag &tag)
{
    if (tag.tag == InlineTag::Link)
        return "<a href=\""_L1 + tag.href.toHtmlEscaped() + "\">"_L1;
    return u'<' + elementName(tag.tag) + u'>';
}

QString closingTag(const OpenTag &tag)
{
    return "</"_L1 + elementName(tag.tag) + u'>';
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
} // namespace

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

} // namespace Copydesk::InlineRuns
