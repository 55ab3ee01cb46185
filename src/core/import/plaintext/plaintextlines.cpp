#include <import/plaintext/plaintextlines.h>

#include <encoding/textdecoder.h>
#include <import/picturecredit.h>

#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Copydesk::PlainTextLines {

using namespace PlainTextStructure;

bool hasWideUnicodeBom(const QByteArray &bytes)
{
    const std::optional<QStringConverter::Encoding> encoding = QStringConverter::encodingForData(bytes);
    return encoding && *encoding != QStringConverter::Utf8;
}

// Text has line breaks and tabs but hardly any other control characters; a binary file has many.
bool looksBinary(const QString &text)
{
    qsizetype controls = 0;
    for (const QChar c : text) {
        const char16_t code = c.unicode();
        if (code == 0)
            return true;
        if ((code < 0x20 && code != u'\n' && code != u'\r' && code != u'\t' && code != u'\f' &&
             code != u'\v') ||
            code == 0x7f)
            ++controls;
    }
    return controls > 2 && controls * 100 > text.size();
}

ReadText readText(const ImportSource &source)
{
    ReadText read;
    const QByteArray &bytes = source.bytes;
    const std::optional<QStringConverter::Encoding> bom = QStringConverter::encodingForData(bytes);
    if (!bom && bytes.contains('\0')) {
        read.error = u"looks like binary data, not text (it contains NUL bytes)"_s;
        return read;
    }
    DecodedText decoded = TextDecoder::decode(bytes, TextDecoder::Kind::PlainText, source.contentType);
    read.text = std::move(decoded.text);
    read.warnings = std::move(decoded.warnings);
    if (looksBinary(read.text))
        read.error = u"looks like binary data, not text"_s;
    return read;
}

QString normalisedLineEnds(QString text)
{
    if (text.startsWith(QChar::ByteOrderMark))
        text.remove(0, 1);
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    text.replace(QChar::LineSeparator, u'\n');
    text.replace(QChar::ParagraphSeparator, u"\n\n"_s);
    return text;
}

QString suffixOf(const ImportSource &source)
{
    const QString name = source.fileName.isEmpty() ? source.url.path() : source.fileName;
    return QFileInfo(name).suffix().toLower();
}

bool isMarkdownSource(const ImportSource &source)
{
    const QString suffix = suffixOf(source);
    return suffix == "md"_L1 || suffix == "markdown"_L1 ||
           source.contentType.startsWith("text/markdown"_L1, Qt::CaseInsensitive);
}

bool looksLikeMarkdown(const QString &text)
{
    static const QRegularExpression atxHeading(uR"(^#{1,6}\s+\S)"_s, QRegularExpression::MultilineOption);
    // Most text has no '#' at all: a search for it is far cheaper than trying the pattern at every line.
    return text.contains(u'#') && atxHeading.match(text).hasMatch();
}

bool hasLetterOrDigit(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isLetterOrNumber(); });
}

QString htmlOf(const Unit &unit)
{
    return unit.inlineHtml.isEmpty() ? unit.text.toHtmlEscaped() : unit.inlineHtml;
}

void appendTo(Unit &unit, const Unit &next)
{
    if (!unit.inlineHtml.isEmpty() || !next.inlineHtml.isEmpty())
        unit.inlineHtml = htmlOf(unit) + u' ' + htmlOf(next);
    unit.text += u' ' + next.text;
}

QList<Unit> readUnits(const QString &text, bool markdown)
{
    static const QRegularExpression setextUnderline(uR"(^(=+|-+)$)"_s);
    QList<Unit> units;
    bool blank = true;
    for (const QString &raw : text.split(u'\n')) {
        const QString line = raw.trimmed();
        if (markdown && !blank && !units.isEmpty() && setextUnderline.match(line).hasMatch()) {
            units.last().headingLevel = line.startsWith(u'=') ? 1 : 2;
            blank = true;
            continue;
        }
        if (!hasLetterOrDigit(line)) { // blank lines and separators such as "* * *"
            blank = true;
            continue;
        }
        Unit unit;
        unit.blankBefore = blank;
        if (markdown)
            static_cast<MarkdownLine &>(unit) = readMarkdownLine(line);
        else
            unit.text = line;
        blank = false;
        if (unit.text.isEmpty() && !unit.image)
            continue;
        // Consecutive "> " lines are one quoted paragraph.
        if (unit.blockQuote && !unit.blankBefore && !units.isEmpty() && units.last().blockQuote) {
            appendTo(units.last(), unit);
            continue;
        }
        units.append(unit);
    }
    return units;
}

bool isPlainUnit(const Unit &unit)
{
    return unit.headingLevel == 0 && !unit.blockQuote && !unit.image;
}

bool startsOwnLine(const QString &text)
{
    return bylineNames(text) || PictureCredits::parseLine(text) || isBoilerplate(text) || isDateLine(text);
}

void joinWrappedLines(QList<Unit> &units)
{
    qsizetype longest = 0;
    for (const Unit &unit : std::as_const(units))
        longest = std::max(longest, unit.text.size());
    if (longest > 100 || longest < 40)
        return;
    const qsizetype wrapWidth = longest * 6 / 10;
    int wrapped = 0;
    for (qsizetype k = 1; k < units.size(); ++k)
        wrapped += !units.at(k).blankBefore && units.at(k - 1).text.size() >= wrapWidth;
    if (wrapped < 3)
        return;
    QList<Unit> joined;
    qsizetype lastLineLength = 0;
    for (const Unit &unit : std::as_const(units)) {
        const bool continues = !joined.isEmpty() && !unit.blankBefore && lastLineLength >= wrapWidth &&
                               isPlainUnit(unit) && isPlainUnit(joined.last()) && !startsOwnLine(unit.text);
        if (continues)
            appendTo(joined.last(), unit);
        else
            joined.append(unit);
        lastLineLength = unit.text.size();
    }
    units = joined;
}

qsizetype nonSpaceCount(const QString &text)
{
    return std::count_if(text.cbegin(), text.cend(), [](QChar c) { return !c.isSpace(); });
}

bool sameText(const QString &a, const QString &b)
{
    // Equal texts have as many characters outside white space: a cheap test before two copies. It is
    // asked of every body line against the headline, so a's count stops as soon as it is over b's.
    const qsizetype wanted = nonSpaceCount(b);
    qsizetype seen = 0;
    for (const QChar c : a) {
        if (!c.isSpace() && ++seen > wanted)
            return false;
    }
    if (seen != wanted)
        return false;
    return a.simplified().compare(b.simplified(), Qt::CaseInsensitive) == 0;
}

} // namespace Copydesk::PlainTextLines
