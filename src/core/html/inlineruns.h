#pragma once

// The inline part of DocumentHtmlWriter: a block's text as runs of equally formatted characters, images
// and line breaks, and the runs written as properly nested inline elements. Private to the html module.

#include <QList>
#include <QString>
#include <QTextBlock>
#include <QTextCharFormat>

namespace Copydesk::InlineRuns {

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

struct InlineContext
{
    bool ignoreBold = false; // headings are bold by their own style, not by the writer's choice
    bool insideCode = false; // <pre><code> already says monospace
};

// Code is recognised by its font's name (asking the font database would make the output depend on the
// fonts installed).
bool isMonospace(const QTextCharFormat &format);
// Splits a block into runs of equally formatted text, images and line breaks.
QList<Run> collectRuns(const QTextBlock &block, const InlineContext &context);
bool isCollapsibleSpace(QChar c);
// HTML collapses white space, so the stored text does too (see the definition).
QList<Run> normaliseWhitespace(const QList<Run> &runs);
// Whether a block has anything to show: "<p>&nbsp;</p>" has not.
bool hasContent(const QList<Run> &runs);
// The runs with properly nested inline elements.
QString writeInline(const QList<Run> &runs);

} // namespace Copydesk::InlineRuns
