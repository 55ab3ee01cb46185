#include <import/plaintext/plaintextstructure.h>

#include <html/documenthtmlwriter.h>

#include <QRegularExpression>
#include <QSet>
#include <QTextDocument>

#include <algorithm>
#include <string_view>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Copydesk::PlainTextStructure {

namespace {

constexpr auto Unicode = QRegularExpression::UseUnicodePropertiesOption;
constexpr auto Caseless =
    QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;

const QString closingMarks = u"”’\"'»“)]"_s;
const QString openingMarks = u"“‘\"'«„"_s;

bool matches(const QRegularExpression &expression, const QString &text)
{
    return expression.match(text).hasMatch();
}

// Whether text splits into at most `limit` words at white space (splitWords() without the list).
bool hasAtMostWords(QStringView text, int limit)
{
    int words = 0;
    bool inWord = false;
    for (const QChar c : text) {
        if (c.isSpace()) {
            inWord = false;
        } else if (!inWord) {
            inWord = true;
            if (++words > limit)
                return false;
        }
    }
    return true;
}

// The last character that is not white space, a closing quote mark or a bracket.
QChar lastSignificantChar(const QString &line)
{
    for (qsizetype i = line.size() - 1; i >= 0; --i) {
        const QChar c = line.at(i);
        if (!c.isSpace() && !closingMarks.contains(c))
            return c;
    }
    return {};
}

bool startsLowercase(const QString &line)
{
    const auto letter = std::find_if(line.cbegin(), line.cend(), [](QChar c) { return c.isLetter(); });
    return letter != line.cend() && letter->isLower();
}

bool containsQuoteMark(const QString &line)
{
    return std::any_of(line.cbegin(), line.cend(),
                       [](QChar c) { return QStringView(u"“”„«»\"").contains(c); });
}

} // namespace

QStringList splitWords(const QString &text)
{
    static const QRegularExpression space(u"\\s+"_s);
    return text.split(space, Qt::SkipEmptyParts);
}

bool hasLetter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isLetter(); });
}

int wordCount(const QString &text)
{
    int words = 0;
    bool inWord = false;
    bool wordHasText = false;
    for (const QChar c : text) {
        if (c.isSpace()) {
            words += inWord && wordHasText;
            inWord = wordHasText = false;
        } else {
            inWord = true;
            // Once the word has a letter the rest of it need not be classified.
            wordHasText = wordHasText || c.isLetterOrNumber();
        }
    }
    return words + (inWord && wordHasText);
}

bool hasFinalPunctuation(const QString &line)
{
    const QChar last = lastSignificantChar(line);
    return !last.isNull() && QStringView(u".!?:;,…").contains(last);
}

bool endsSentence(const QString &line)
{
    const QChar last = lastSignificantChar(line);
    return !last.isNull() && QStringView(u".!?…").contains(last);
}

bool startsWithQuoteMark(const QString &line)
{
    return !line.isEmpty() && openingMarks.contains(line.at(0));
}

bool isKickerLike(const QString &line)
{
    const int words = wordCount(line);
    return words >= 1 && words <= 4 && line.size() <= 40 && hasLetter(line) && !hasFinalPunctuation(line) &&
           !containsQuoteMark(line) && !bylineNames(line);
}

bool isTitleLike(const QString &line)
{
    // The cheap tests first: the word count reads the whole line.
    if (line.size() > 250 || QStringView(u".,;:").contains(lastSignificantChar(line)))
        return false;
    const int words = wordCount(line);
    return words >= 1 && words <= 30 && hasLetter(line) && !startsLowercase(line);
}

bool isSubheadingLike(const QString &line)
{
    if (line.size() > 120) // before the word count, which reads the whole line
        return false;
    const int words = wordCount(line);
    if (words < 1 || words > 14 || !hasLetter(line))
        return false;
    const QChar first = line.at(0);
    return (first.isUpper() || first.isDigit()) && !hasFinalPunctuation(line) && !startsWithQuoteMark(line) &&
           !bylineNames(line) && !isDateLine(line);
}

bool isNameLike(const QString &line)
{
    static const QRegularExpression name(
        uR"(^\p{Lu}[\p{L}\p{M}.'’\-]*(?:\s+)"
        uR"((?:(?:and|&|de|da|di|del|van|von|der|den|la|le|al|bin|ibn|el|du)\s+)?)"
        uR"(\p{Lu}[\p{L}\p{M}.'’\-]*){0,4}$)"_s,
        Unicode);
    return line.size() <= 50 && matches(name, line);
}

bool isDateLine(const QString &line)
{
    static const QRegularExpression stamp(
        uR"(^(?:published|updated|posted|last updated|first published)\b)"_s, Caseless);
    static const QRegularExpression numeric(
        uR"(^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:,?\s+\d{1,2}[:.]\d{2})?$)"_s);
    // Every word a part of a date or time: "Mon 9 Dec 2019, 10.32 GMT", "December 9, 2019 at 5:00 pm".
    static const QRegularExpression dateWord(
        uR"(^(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|)"
        uR"(January|February|March|April|June|)"
        uR"(July|August|September|October|November|December|(?:Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)\.?|)"
        uR"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d[\d:./]*(?:st|nd|rd|th)?|at|am|pm|)"
        uR"(a\.m\.|p\.m\.|GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|ET|MSK|[|•·–—-]),?$)"_s);
    static const QRegularExpression ago(
        uR"(^\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago$)"_s, Caseless);
    static const QRegularExpression digit(u"\\d"_s);
    if (wordCount(line) <= 15 && (matches(stamp, line) || matches(ago, line)))
        return true;
    if (matches(numeric, line))
        return true;
    // A paragraph is not a date: count its words before splitting it into a list.
    if (!hasAtMostWords(line, 8))
        return false;
    const QStringList words = splitWords(line);
    return words.size() <= 8 && matches(digit, line) &&
           std::all_of(words.cbegin(), words.cend(),
                       [](const QString &word) { return matches(dateWord, word); });
}

namespace {

// Whether text holds needle (ASCII, lower case) in any mix of case. QString::contains() with
// Qt::CaseInsensitive folds every character through the Unicode tables, many times slower, and this runs on
// every line of every article. Instead the needle's rarest letter (at `anchor`) is looked for with Qt's
// vectorised character search, and only there is the rest compared.
bool containsAsciiCaseless(QStringView text, std::string_view needle, qsizetype anchor)
{
    const qsizetype length = qsizetype(needle.size());
    const char16_t *const data = text.utf16();
    const auto matchesAt = [&](qsizetype start) {
        if (start < 0 || start + length > text.size())
            return false;
        for (qsizetype k = 0; k < length; ++k) {
            if ((data[start + k] | 0x20) != char16_t(needle[size_t(k)]))
                return false;
        }
        return true;
    };
    const char16_t lower = char16_t(needle[size_t(anchor)]);
    for (const char16_t letter : {lower, char16_t(lower - 0x20)}) {
        for (qsizetype at = text.indexOf(QChar(letter)); at >= 0; at = text.indexOf(QChar(letter), at + 1)) {
            if (matchesAt(at - anchor))
                return true;
        }
    }
    return false;
}

} // namespace

bool isBoilerplate(const QString &line)
{
    // A line of more than 40 words is never boilerplate; that is tested last, as the word count reads the
    // whole line while the anchored expression gives up at its first characters.
    const auto fewWords = [&line] {
        return wordCount(line) <= 40;
    };
    // All of these are anchored at the start, so the expression is tried once per line, not at every
    // position of it: one match per line instead of fifteen.
    static const QRegularExpression lineStarts(
        u"^(?:"_s +
            QStringList{
                uR"((?:subscribe|sign up|sign-up)\b)"_s,
                uR"((?:get|receive|join) (?:our|the) .{0,40}newsletter)"_s,
                uR"(share (?:this|on|via)\b)"_s,
                uR"((?:share|facebook|twitter|x|whatsapp|linkedin|e-?mail|reddit|telegram|)"
                uR"(pinterest|copy link|print)$)"_s,
                uR"((?:skip )?(?:advertisement|advert|ad)$)"_s,
                uR"((?:sponsored(?: content)?|story continues below(?: advertisement)?|)"
                uR"(continue reading(?: the main story)?)$)"_s,
                uR"((?:we use cookies|this (?:web)?site uses cookies|by (?:continuing|using))"
                uR"( (?:to use )?(?:this|our) (?:web)?site))"_s,
                uR"((?:(?:accept|reject|manage)(?: all)? cookies|cookie (?:settings|policy))$)"_s,
                uR"((?:follow us\b|click here\b|read more:\s*\S))"_s,
                uR"((?:copyright\s*(?:©|\(c\)|\d{4})|©\s*\d{4}))"_s,
                uR"(this (?:article|story) is more than .{1,30} old$)"_s,
                uR"((?:topics|tags|filed under)\s*:)"_s,
                uR"((?:listen to this article|download (?:the|our) app|open in app|save(?: article)?|)"
                uR"(show comments|leave a comment|\d+ comments?|\d+\s*min(?:ute)?s? read)$)"_s,
            }
                .join(u'|') +
            u")"_s,
        Caseless);
    if (matches(lineStarts, line))
        return fewWords();
    // These two may stand anywhere in the line; a plain search rules out nearly every line first.
    static const QRegularExpression anywhere(
        uR"(\bour (?:\w+ ){0,2}newsletters?\b|\ball rights reserved\b)"_s, Caseless);
    // (Caseless matching also takes "ſ" for "s": a line with one is left to the expression.)
    return (containsAsciiCaseless(line, "newsletter", 2) ||
            containsAsciiCaseless(line, "rights reserved", 12) || line.contains(QChar(0x017F))) &&
           matches(anywhere, line) && fewWords();
}

bool isRelatedHeader(const QString &line)
{
    // The longest header ("more from " and a 40-character name, in UTF-16 up to 80 units) is short:
    // longer lines are prose.
    if (line.size() > 100)
        return false;
    static const QRegularExpression header(
        uR"(^(?:related(?: articles?| stories| content| coverage| reading| news)?|)"
        uR"(read more|more from .{1,40}|)"
        uR"(you (?:may|might) also like|recommended(?: for you| reading| stories| articles)?|)"
        uR"(more on this(?: story| topic)?|see also|further reading)\s*:?$)"_s,
        Caseless);
    return matches(header, line);
}

bool isReporterRole(const QString &line)
{
    static const QRegularExpression role(
        uR"(^(?:[\p{L}\-]+\s+){0,4})"
        uR"((?:reporter|correspondent|editor|writer|journalist|columnist|contributor)s?$)"_s,
        Caseless);
    return wordCount(line) <= 5 && matches(role, line);
}

std::optional<QString> bylineNames(const QString &line)
{
    static const QRegularExpression by(uR"(^(?:By|BY|by)\s+(.+)$)"_s, Unicode);
    static const QRegularExpression separator(uR"(\s+[|•·]\s+.*$)"_s, Unicode);
    static const QRegularExpression role(
        uR"(^(.+?),\s+(?:\p{Lu}[\p{L}\-]*\s+){0,3}(?:Writers?|Correspondents?|Reporters?|Editors?|Staff|)"
        uR"(Columnists?|Contributors?|Analysts?|Chief|Producers?|Journalists?)$)"_s,
        Unicode);
    static const QRegularExpression place(uR"(^(.+?)\s+in\s+\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+)*$)"_s,
                                          Unicode);
    static const QRegularExpression nameSeparator(uR"(\s*,\s*|\s+(?:and|&)\s+)"_s, Unicode);

    QString names;
    bool hasBy = false;
    if (const QRegularExpressionMatch match = by.match(line); match.hasMatch()) {
        names = match.captured(1).remove(separator).trimmed();
        hasBy = true;
    } else {
        names = line;
    }
    if (const QRegularExpressionMatch match = role.match(names); match.hasMatch())
        names = match.captured(1);
    else if (!hasBy)
        return std::nullopt; // without "By", only "Name, Staff Writer" says it is a byline
    if (const QRegularExpressionMatch match = place.match(names); match.hasMatch())
        names = match.captured(1);
    const QStringList parts = names.split(nameSeparator, Qt::SkipEmptyParts);
    if (parts.isEmpty() || wordCount(names) > 12)
        return std::nullopt;
    for (const QString &part : parts) {
        if (!isNameLike(part.trimmed()))
            return std::nullopt;
    }
    return names.trimmed();
}

namespace {

// One line's inline Markdown (links, emphasis, code, escapes) through Qt's Markdown parser (md4c): its
// text for the structure rules, and its markup as HTML when it has any, for the body.
std::pair<QString, QString> parseInlineMarkdown(const QString &line)
{
    QTextDocument document;
    document.setMarkdown(line, QTextDocument::MarkdownNoHTML);
    const QString text = document.toPlainText().trimmed();
    if (document.blockCount() != 1 || text.isEmpty())
        return {line, {}}; // not a single paragraph after all: the line as written
    QString html = DocumentHtmlWriter::toSemanticHtml(document).trimmed();
    if (!html.startsWith("<p>"_L1) || !html.endsWith("</p>"_L1))
        return {text, {}};
    html = html.mid(3, html.size() - 7);
    return {text, html.contains(u'<') ? html : QString()};
}

} // namespace

MarkdownLine readMarkdownLine(QString line)
{
    MarkdownLine unit;
    static const QRegularExpression heading(uR"(^(#{1,6})\s+(.*?)(?:\s+#+)?$)"_s);
    static const QRegularExpression quote(uR"(^>\s?)"_s);
    static const QRegularExpression image(uR"(^!\[([^\]]*)\]\(\s*(\S+?)(?:\s+"[^"]*")?\s*\)$)"_s);
    static const QRegularExpression bullet(uR"(^[-*+]\s+)"_s);
    static const QRegularExpression wholeEmphasis(uR"(^(\*\*|__|\*|_)([^*_].*[^*_]|[^*_])\1$)"_s);
    if (const QRegularExpressionMatch match = heading.match(line); match.hasMatch()) {
        unit.headingLevel = int(match.captured(1).size());
        line = match.captured(2);
    }
    while (quote.match(line).hasMatch()) {
        unit.blockQuote = true;
        line = line.remove(quote).trimmed();
    }
    if (const QRegularExpressionMatch match = image.match(line); match.hasMatch()) {
        unit.image = true;
        unit.text = match.captured(1);
        unit.imageUrl = match.captured(2);
        return unit;
    }
    line.remove(bullet);
    unit.emphasised = wholeEmphasis.match(line).hasMatch();
    std::tie(unit.text, unit.inlineHtml) = parseInlineMarkdown(line);
    return unit;
}

std::optional<Dateline> splitDateline(const QString &paragraph)
{
    // "MINSK, Dec 9 (Reuters) -", "KYIV —", "LONDON (AP) —", "WASHINGTON, March 3 –": a place in capitals,
    // or in any case when an agency follows in brackets.
    static const QString datePart = uR"((?:,\s*[\p{Lu}\d][\p{L}\d.]*(?:,?\s+[\p{Lu}\d][\p{L}\d.]*){0,3})?)"_s;
    static const QString dash = uR"()\s*[-–—]{1,2}\s+(?=[\p{Lu}\d“"‘'«„]))"_s;
    static const QRegularExpression capitals(
        uR"(^(\p{Lu}[\p{Lu}\p{M}'’.\-]+(?:\s+\p{Lu}[\p{Lu}\p{M}'’.\-]*){0,3})"_s + datePart +
            uR"((?:\s*\([^()]{1,30}\))?)"_s + dash,
        Unicode);
    static const QRegularExpression withAgency(
        uR"(^(\p{Lu}[\p{L}\p{M}'’.\-]+(?:,?\s+\p{Lu}[\p{L}\p{M}'’.\-]+){0,3})"_s + datePart +
            uR"(\s*\([\p{L}\s.]{1,30}\))"_s + dash,
        Unicode);
    for (const QRegularExpression *expression : {&capitals, &withAgency}) {
        const QRegularExpressionMatch match = expression->match(paragraph);
        if (match.hasMatch() && match.captured(1).size() <= 60)
            return Dateline{match.captured(1).trimmed(), paragraph.mid(match.capturedEnd(0))};
    }
    return std::nullopt;
}

} // namespace Copydesk::PlainTextStructure
