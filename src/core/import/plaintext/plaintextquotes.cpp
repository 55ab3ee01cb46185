// Quotes in a paragraph and who said them: the quote detection of plain-text import.

#include <import/plaintext/plaintextstructure.h>

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Copydesk::PlainTextStructure {

namespace {

constexpr auto Unicode = QRegularExpression::UseUnicodePropertiesOption;

// Quotes shorter than this are scare quotes ("the ‘new political entity’"), not something a person said.
constexpr int MinimumQuoteWords = 6;
constexpr qsizetype MaximumContextLength = 300;
constexpr qsizetype AttributionReach = 160;

} // namespace

namespace {

struct QuoteSpan
{
    qsizetype begin = 0; // the opening mark
    qsizetype end = 0;   // just after the closing mark (or the paragraph's end when unclosed)
    QString text;
};

QString closersFor(QChar opener)
{
    switch (opener.unicode()) {
    case u'“':
        return u"”"_s;
    case u'„':
        return u"“”"_s;
    case u'«':
        return u"»"_s;
    case u'"':
        return u"\""_s;
    default:
        return {};
    }
}

QList<QuoteSpan> quoteSpans(const QString &paragraph)
{
    QList<QuoteSpan> spans;
    for (qsizetype i = 0; i < paragraph.size(); ++i) {
        const QString closers = closersFor(paragraph.at(i));
        if (closers.isEmpty())
            continue;
        qsizetype close = i + 1;
        while (close < paragraph.size() && !closers.contains(paragraph.at(close)))
            ++close;
        spans.append(
            {i, std::min(close + 1, paragraph.size()), paragraph.mid(i + 1, close - i - 1).trimmed()});
        i = close;
    }
    return spans;
}

struct Attribution
{
    QString name;
    QString role;
    bool pronoun = false;
};

const QString &namePattern()
{
    static const QString token = uR"((?:\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’\-]*))"_s;
    static const QString pattern =
        uR"((?:(?<pronoun>\b(?:[Hh]e|[Ss]he|[Tt]hey|[Оо]н|[Оо]на|[Оо]ни)\b)|(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame)\.?\s+)?)"
        uR"((?<name>%1(?:\s+(?:(?:de|da|di|del|van|von|der|den|la|le|al|bin|ibn|el|du)\s+)?%1){0,5})))"_s.arg(
            token);
    return pattern;
}

const QString speechVerbs = uR"((?:said|says|added|adds|declared|declares|stated|states|explained|explains|)"
                            uR"(noted|notes|wrote|writes|insisted|insists|warned|warns|replied|replies|)"
                            uR"(continued|continues|argued|argues|claimed|claims|recalled|recalls|stressed|)"
                            uR"(stresses|admitted|admits|announced|announces|remarked|observed|concluded|)"
                            uR"(according to|)"
                            // Russian: "— заявил Макей", "Лукашенко сказал:", "по словам Макея"
                            uR"(сказал[аио]?|заявил[аио]?|отметил[аио]?|добавил[аио]?|подчеркнул[аио]?|)"
                            uR"(пояснил[аио]?|сообщил[аио]?|признал[аио]?|написал[аио]?|ответил[аио]?|)"
                            uR"(говорит|говорят|считает|уверен[аы]?|по словам))"_s;
// "told" names the listener when it comes first ("told Makei"), so it only follows a speaker.
const QString anyVerb = uR"((?:told|tells|)"_s + speechVerbs.mid(3);

// Capitalised words in front of a name that start the sentence or name an office, not the person.
Attribution attributionFromName(const QString &captured)
{
    static const QSet<QString> notNames = {
        u"The"_s,       u"A"_s,         u"An"_s,        u"In"_s,       u"On"_s,      u"At"_s,
        u"But"_s,       u"And"_s,       u"Then"_s,      u"Later"_s,    u"Also"_s,    u"Yesterday"_s,
        u"Today"_s,     u"When"_s,      u"After"_s,     u"Before"_s,   u"As"_s,      u"So"_s,
        u"Meanwhile"_s, u"However"_s,   u"Earlier"_s,   u"Last"_s,     u"This"_s,    u"That"_s,
        u"It"_s,        u"I"_s,         u"We"_s,        u"You"_s,      u"There"_s,   u"Here"_s,
        u"Monday"_s,    u"Tuesday"_s,   u"Wednesday"_s, u"Thursday"_s, u"Friday"_s,  u"Saturday"_s,
        u"Sunday"_s,    u"Some"_s,      u"Many"_s,      u"Most"_s,     u"Several"_s, u"Other"_s,
        u"Others"_s,    u"Officials"_s, u"Residents"_s, u"People"_s,   u"Critics"_s, u"Experts"_s};
    static const QSet<QString> offices = {
        u"President"_s,      u"Minister"_s,     u"Chancellor"_s, u"Senator"_s,   u"Sen."_s,
        u"Governor"_s,       u"Gov."_s,         u"Mayor"_s,      u"General"_s,   u"Gen."_s,
        u"Secretary"_s,      u"Chief"_s,        u"Director"_s,   u"Spokesman"_s, u"Spokeswoman"_s,
        u"Spokesperson"_s,   u"Ambassador"_s,   u"Judge"_s,      u"Professor"_s, u"Rep."_s,
        u"Representative"_s, u"Commissioner"_s, u"Councillor"_s, u"Councilor"_s, u"Chairman"_s,
        u"Chairwoman"_s,     u"Chair"_s,        u"Leader"_s,     u"King"_s,      u"Queen"_s,
        u"Prince"_s,         u"Pope"_s,         u"Captain"_s,    u"Colonel"_s,   u"Lieutenant"_s,
        u"Officer"_s,        u"Executive"_s,    u"CEO"_s,        u"Coach"_s,     u"Manager"_s,
        u"Deputy"_s,         u"Editor"_s,       u"Economist"_s,  u"Analyst"_s,   u"Inspector"_s,
        u"Detective"_s};
    QStringList tokens = splitWords(captured);
    while (!tokens.isEmpty() && notNames.contains(tokens.constFirst()))
        tokens.removeFirst();
    if (tokens.isEmpty())
        return {};
    qsizetype office = -1;
    for (qsizetype i = 0; i + 1 < tokens.size(); ++i) {
        if (offices.contains(tokens.at(i)))
            office = i;
    }
    Attribution attribution;
    attribution.role = tokens.mid(0, office + 1).join(u' ');
    attribution.name = tokens.mid(office + 1).join(u' ');
    return attribution;
}

Attribution attributionFrom(const QRegularExpressionMatch &match)
{
    Attribution attribution;
    if (!match.captured(u"pronoun"_s).isEmpty()) {
        attribution.pronoun = true;
        return attribution;
    }
    if (!match.captured(u"name"_s).isEmpty())
        attribution = attributionFromName(match.captured(u"name"_s));
    const QString described = match.captured(u"role"_s).trimmed();
    if (!described.isEmpty())
        attribution.role = described;
    return attribution;
}

std::optional<Attribution> firstAttribution(const QList<QRegularExpression> &expressions, const QString &text)
{
    for (const QRegularExpression &expression : expressions) {
        const QRegularExpressionMatch match = expression.match(text);
        if (!match.hasMatch())
            continue;
        const Attribution attribution = attributionFrom(match);
        if (attribution.pronoun || !attribution.name.isEmpty() || !attribution.role.isEmpty())
            return attribution;
    }
    return std::nullopt;
}

// "…,” said Makei." / "…,” Makei said." / "…,” he added." / "…,” said the minister."
std::optional<Attribution> attributionAfter(const QString &text)
{
    static const QString lead = uR"(^[\s,;:–—\-]*)"_s;
    // "said harbour master Piotr Zalewski"
    static const QString lowercaseOffice =
        uR"(\s+(?<role>(?:(?!(?:that|to|on|in|at|by|it|with|for|of|the|a|an)\b)\p{Ll}[\p{L}\-]*\s+){1,3}))"_s;
    static const QString description = uR"((?<role>(?:[Tt]he|[Aa]n?)\s+[^.,;:!?“”"«»]{2,60}?))"_s;
    static const QList<QRegularExpression> expressions = {
        QRegularExpression(
            lead + speechVerbs +
                uR"(\s+(?<role>(?:the|a|an|\p{Lu}\p{L}*(?:’s|'s))\s+[^.,;:!?“”"«»]{2,60}?),\s+)"_s +
                namePattern(),
            Unicode),
        QRegularExpression(lead + speechVerbs + uR"(\s+)"_s + namePattern(), Unicode),
        QRegularExpression(lead + speechVerbs + lowercaseOffice + namePattern(), Unicode),
        QRegularExpression(
            lead + namePattern() + uR"(\s+(?:also\s+|later\s+|then\s+)?)"_s + anyVerb + uR"(\b)"_s, Unicode),
        QRegularExpression(lead + speechVerbs + uR"(\s+)"_s + description + uR"((?=\s*(?:[.,;:!?]|$)))"_s,
                           Unicode),
        QRegularExpression(lead + description + uR"(\s+)"_s + anyVerb + uR"(\b)"_s, Unicode),
    };
    return firstAttribution(expressions, text);
}

// "Makei said: “…" / "He told reporters: “…" / "according to Makei, “…"
std::optional<Attribution> attributionBefore(const QString &text)
{
    static const QString filler = uR"((?:\s+[^.!?:;“”"«»„]{0,50})?\s*[:,]?\s*$)"_s;
    static const QList<QRegularExpression> expressions = {
        // "Makei, the foreign minister, told reporters: “…"
        QRegularExpression(uR"((?:^|[\s(–—])(?:)"_s + namePattern() +
                               uR"(),\s+(?<role>[^.!?:;,“”"«»„]{2,60}?),\s+(?:also\s+)?)"_s + anyVerb +
                               filler,
                           Unicode),
        QRegularExpression(
            uR"((?:^|[\s(–—])(?:)"_s + namePattern() + uR"()\s+(?:also\s+)?)"_s + anyVerb + filler, Unicode),
        QRegularExpression(uR"((?:\b[Aa]ccording to|(?<!\p{L})[Пп]о словам)\s+)"_s + namePattern() +
                               uR"(\s*,?\s*$)"_s,
                           Unicode),
        QRegularExpression(uR"(\b)"_s + speechVerbs + uR"(\s+)"_s + namePattern() + uR"(\s*[:,]\s*$)"_s,
                           Unicode),
        QRegularExpression(uR"((?<role>\b(?:[Tt]he|[Aa]n?)\s+[^.!?:;,“”"«»]{2,60}?)\s+)"_s + anyVerb + filler,
                           Unicode),
    };
    return firstAttribution(expressions, text);
}

// A comma, semicolon or colon at the end of a quote belongs to the sentence that carries on into the
// attribution ("…relations,” – said Makei"), not to the words quoted; ? ! … and . are the speaker's own.
// What is left is still a piece of the line as printed, so a quote ending in a quote of its own ("…called
// it ‘a relic,’") keeps its ending.
QString withoutTrailingClausePunctuation(const QString &text)
{
    qsizetype end = text.size();
    while (end > 0 && (text.at(end - 1).isSpace() || QStringView(u",;:").contains(text.at(end - 1))))
        --end;
    return text.left(end);
}

bool coversParagraph(const QString &paragraph, const QuoteSpan &span)
{
    const bool startsThere = paragraph.left(span.begin).trimmed().isEmpty();
    return startsThere && !hasLetter(paragraph.mid(span.end));
}

QString contextOf(const QString &paragraph)
{
    if (paragraph.size() <= MaximumContextLength)
        return paragraph;
    qsizetype cut = paragraph.lastIndexOf(u' ', MaximumContextLength);
    if (cut <= 0)
        cut = MaximumContextLength;
    return paragraph.left(cut).trimmed() + u'…';
}

} // namespace

QList<Quote> findQuotes(const QString &paragraph, QString &lastSpeaker)
{
    QList<Quote> quotes;
    const QList<QuoteSpan> spans = quoteSpans(paragraph);
    std::optional<Attribution> previous; // the last attribution in this paragraph, for a quote split in two
    for (qsizetype i = 0; i < spans.size(); ++i) {
        const QuoteSpan &span = spans.at(i);
        if (wordCount(span.text) < MinimumQuoteWords)
            continue;
        const qsizetype previousEnd = i > 0 ? spans.at(i - 1).end : 0;
        const qsizetype nextBegin = i + 1 < spans.size() ? spans.at(i + 1).begin : paragraph.size();
        // An attribution stands right next to its quote; the limit also keeps the matching cheap.
        const qsizetype afterLength = std::min(nextBegin - span.end, AttributionReach);
        const qsizetype beforeStart = std::max(previousEnd, span.begin - AttributionReach);
        std::optional<Attribution> attribution = attributionAfter(paragraph.mid(span.end, afterLength));
        if (!attribution)
            attribution = attributionBefore(paragraph.mid(beforeStart, span.begin - beforeStart));
        if (attribution && attribution->pronoun) {
            attribution->name = lastSpeaker;
            attribution->pronoun = false;
        }
        if (attribution)
            previous = attribution;
        else if (previous)
            attribution = previous;
        else if (!coversParagraph(paragraph, span))
            continue; // a fragment nobody is said to have said
        Quote quote;
        quote.text = withoutTrailingClausePunctuation(span.text);
        quote.speaker = attribution ? attribution->name : QString();
        quote.speakerRole = attribution ? attribution->role : QString();
        quote.context = contextOf(paragraph);
        if (!quote.speaker.isEmpty())
            lastSpeaker = quote.speaker;
        quotes.append(quote);
    }
    return quotes;
}

QList<Quote> findQuotesInParagraphs(const QStringList &paragraphs)
{
    QList<Quote> quotes;
    QString lastSpeaker;
    for (const QString &paragraph : paragraphs) {
        const QString trimmed = paragraph.trimmed();
        if (!trimmed.isEmpty())
            quotes.append(findQuotes(trimmed, lastSpeaker));
    }
    return quotes;
}

} // namespace Copydesk::PlainTextStructure
