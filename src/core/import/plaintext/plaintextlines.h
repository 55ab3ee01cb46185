#pragma once

// Reading a plain-text source into lines, before any structure is looked for: decoding, line ends,
// Markdown or not, hard-wrapped paragraphs joined. Internal to the plain-text importer.

#include <import/articleimporter.h>
#include <import/plaintext/plaintextstructure.h>

#include <QList>
#include <QString>

namespace Copydesk::PlainTextLines {

struct ReadText
{
    QString text;
    QString error;
    QStringList warnings;
};

// A UTF-16 or UTF-32 byte order mark: such text has NUL bytes and is still text.
bool hasWideUnicodeBom(const QByteArray &bytes);
ReadText readText(const ImportSource &source);
QString normalisedLineEnds(QString text);
QString suffixOf(const ImportSource &source);
bool isMarkdownSource(const ImportSource &source);
bool looksLikeMarkdown(const QString &text);

// One non-blank line of the source (or several joined, for hard-wrapped text and Markdown quotes).
// The Markdown fields stay at their defaults for plain text.
struct Unit : PlainTextStructure::MarkdownLine
{
    bool blankBefore = true;
};

QList<Unit> readUnits(const QString &text, bool markdown);
// Joins the next line onto this one, text and markup.
void appendTo(Unit &unit, const Unit &next);
bool isPlainUnit(const Unit &unit);
// A line that is never part of a paragraph. ArticleBuilder::isStructural() asks the same with its per-line
// answers: a change here belongs there too.
bool startsOwnLine(const QString &text);
// Text wrapped at a fixed width (mail, old .txt files) has many long lines followed directly by another
// line; such runs are one paragraph. Copied web text has one line per paragraph and is left alone.
void joinWrappedLines(QList<Unit> &units);
// Whether two lines say the same, white space and case aside.
bool sameText(const QString &a, const QString &b);

} // namespace Copydesk::PlainTextLines
