#include <copycheck/copycheck.h>

#include <html/htmltext.h>

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Copydesk {

QJsonObject CopyFinding::toJson() const
{
    return {{u"kind"_s, kind},       {u"field"_s, field},
            {u"offset"_s, offset},   {u"length"_s, length},
            {u"excerpt"_s, excerpt}, {u"fix"_s, hasFix ? QJsonValue(fix) : QJsonValue()},
            {u"message"_s, message}};
}

namespace CopyCheck {

namespace {

constexpr auto Unicode = QRegularExpression::UseUnicodePropertiesOption;

// The run of non-space characters around [begin, end): what a person searches for.
QString tokenAround(const QString &text, qsizetype begin, qsizetype end)
{
    qsizetype from = begin;
    while (from > 0 && !text.at(from - 1).isSpace())
        --from;
    qsizetype to = end;
    while (to < text.size() && !text.at(to).isSpace())
        ++to;
    return text.mid(from, to - from);
}

bool looksLikeAddress(const QString &token)
{
    return token.contains(u"://"_s) || token.contains(u"www."_s, Qt::CaseInsensitive) ||
           token.contains(u'@') || token.contains(u".com"_s) || token.contains(u".org"_s);
}

void add(QList<CopyFinding> &findings, const QString &kind, const QString &field, qsizetype offset,
         qsizetype length, const QString &excerpt, const QString &message, const QString &fix, bool hasFix)
{
    findings.append({kind, field, offset, length, excerpt, fix, hasFix, message});
}

} // namespace

QList<CopyFinding> checkText(const QString &text, const QString &field, const QString &language)
{
    QList<CopyFinding> findings;
    // "Brussels.First", "follow.“This", "products…The": a sentence end run into the next sentence. A word
    // of two lower-case letters at least before it keeps out initials and abbreviations ("U.S.", "J.R."),
    // and a capital after it keeps out decimals, times and domains.
    static const QRegularExpression runOn(uR"((?<=\p{Ll}\p{Ll})([.!?…]+)(?=[“«„"]?\p{Lu}))"_s, Unicode);
    for (const QRegularExpressionMatch &match : runOn.globalMatch(text)) {
        QString token = tokenAround(text, match.capturedStart(), match.capturedEnd());
        if (looksLikeAddress(token))
            continue;
        while (!token.isEmpty() && QStringView(u",;:").contains(token.back()))
            token.chop(1);
        add(findings, u"missing_space_after_sentence_end"_s, field, match.capturedEnd(), 0, token,
            u"No space after the end of a sentence"_s, u" "_s, true);
    }
    // "them, ”": white space before a closing quote.
    static const QRegularExpression beforeClosing(uR"((?<=\S)(\s+)(?=[”»]))"_s, Unicode);
    for (const QRegularExpressionMatch &match : beforeClosing.globalMatch(text)) {
        if (match.captured(1).contains(u'\n'))
            continue;
        qsizetype from = match.capturedStart();
        while (from > 0 && !text.at(from - 1).isSpace())
            --from;
        add(findings, u"space_before_closing_quote"_s, field, match.capturedStart(), match.capturedLength(),
            text.mid(from, match.capturedEnd() + 1 - from), u"A space before a closing quote"_s, QString(),
            true);
    }
    // "said , and": white space before punctuation.
    static const QRegularExpression beforePunctuation(
        uR"((?<=\p{L})( +)(?=[,;:!?](?:\s|$)|\.(?!\.)(?:\s|$)))"_s, Unicode);
    for (const QRegularExpressionMatch &match : beforePunctuation.globalMatch(text))
        add(findings, u"space_before_punctuation"_s, field, match.capturedStart(), match.capturedLength(),
            tokenAround(text, match.capturedStart() - 1, match.capturedEnd() + 1),
            u"A space before punctuation"_s, QString(), true);
    // Two spaces or more between words.
    static const QRegularExpression doubleSpace(uR"((?<=\S)( {2,})(?=\S))"_s);
    for (const QRegularExpressionMatch &match : doubleSpace.globalMatch(text))
        add(findings, u"double_space"_s, field, match.capturedStart(), match.capturedLength(),
            text.mid(std::max<qsizetype>(0, match.capturedStart() - 12), match.capturedLength() + 24)
                .simplified(),
            u"More than one space between words"_s, u" "_s, true);
    // "the the": a word twice in a row ("had had" and "that that" can be right, and are left alone).
    static const QRegularExpression repeated(uR"(\b(\p{L}+)\s+(\1)\b)"_s,
                                             Unicode | QRegularExpression::CaseInsensitiveOption);
    for (const QRegularExpressionMatch &match : repeated.globalMatch(text)) {
        const QString word = match.captured(1).toLower();
        if (word == "had"_L1 || word == "that"_L1)
            continue;
        add(findings, u"repeated_word"_s, field,
            match.capturedStart(2) - (match.capturedStart(2) - match.capturedEnd(1)),
            match.capturedEnd(2) - match.capturedEnd(1), match.captured(), u"A word repeated"_s, QString(),
            true);
    }
    // Straight quotes where the language has typographic ones (every language Copydesk knows).
    static const QRegularExpression straight(uR"(["])"_s);
    for (const QRegularExpressionMatch &match : straight.globalMatch(text)) {
        const bool opens = match.capturedStart() == 0 || text.at(match.capturedStart() - 1).isSpace() ||
                           QStringView(u"([{—–").contains(text.at(match.capturedStart() - 1));
        const bool russian =
            language.startsWith(u"ru"_s) || language.startsWith(u"uk"_s) || language.startsWith(u"be"_s);
        const QString typographic = russian ? (opens ? u"«"_s : u"»"_s) : (opens ? u"“"_s : u"”"_s);
        add(findings, u"straight_quote"_s, field, match.capturedStart(), 1,
            tokenAround(text, match.capturedStart(), match.capturedEnd()),
            u"A straight quote where the language uses %1"_s.arg(russian ? u"« »"_s : u"“ ”"_s), typographic,
            true);
    }
    // Quotes and brackets that do not pair up, paragraph by paragraph.
    qsizetype paragraphStart = 0;
    for (const QString &paragraph : text.split(u'\n')) {
        const std::pair<QChar, QChar> pairs[] = {{u'“', u'”'}, {u'«', u'»'}, {u'(', u')'}};
        for (const auto &[open, close] : pairs) {
            if (paragraph.count(open) != paragraph.count(close)) {
                add(findings, u"unbalanced"_s, field, paragraphStart, paragraph.size(), paragraph.left(60),
                    u"%1 and %2 do not pair up in this paragraph"_s.arg(open).arg(close), QString(), false);
            }
        }
        paragraphStart += paragraph.size() + 1;
    }
    std::stable_sort(findings.begin(), findings.end(),
                     [](const CopyFinding &a, const CopyFinding &b) { return a.offset < b.offset; });
    return findings;
}

QList<CopyFinding> check(const Article &article, int headlineTarget)
{
    QList<CopyFinding> findings;
    if (article.headline.size() > headlineTarget)
        add(findings, u"headline_too_long"_s, u"headline"_s, headlineTarget,
            article.headline.size() - headlineTarget, article.headline,
            u"The headline is %1 characters past its target of %2"_s
                .arg(article.headline.size() - headlineTarget)
                .arg(headlineTarget),
            QString(), false);
    findings += checkText(article.headline, u"headline"_s, article.language);
    if (article.standfirst.trimmed().isEmpty() && article.status == ArticleStatus::Ready)
        add(findings, u"empty_standfirst"_s, u"standfirst"_s, 0, 0, QString(),
            u"The piece is marked ready but has no standfirst"_s, QString(), false);
    findings += checkText(article.standfirst, u"standfirst"_s, article.language);
    const QList<std::pair<qsizetype, qsizetype>> code =
        HtmlText::codeRanges(article.bodyText, HtmlText::codeTexts(article.bodyHtml));
    const QList<CopyFinding> bodyFindings = checkText(article.bodyText, u"body"_s, article.language);
    for (const CopyFinding &finding : bodyFindings) {
        const bool inCode = std::any_of(code.cbegin(), code.cend(), [&finding](const auto &range) {
            return finding.offset < range.second &&
                   finding.offset + std::max<qsizetype>(finding.length, 1) > range.first;
        });
        if (!inCode)
            findings.append(finding);
    }
    for (qsizetype i = 0; i < article.quotes.size(); ++i) {
        if (article.quotes.at(i).speaker.trimmed().isEmpty())
            add(findings, u"quote_without_speaker"_s, u"quote %1"_s.arg(i + 1), 0, 0,
                article.quotes.at(i).text.left(60), u"A quote nobody is said to have said"_s, QString(),
                false);
    }
    for (qsizetype i = 0; i < article.images.size(); ++i) {
        const ArticleImage &image = article.images.at(i);
        if (image.credit.trimmed().isEmpty() && image.agency.trimmed().isEmpty() &&
            image.creditLine.trimmed().isEmpty())
            add(findings, u"image_without_credit"_s, u"image %1"_s.arg(i + 1), 0, 0, image.caption.left(60),
                u"A picture without a credit"_s, QString(), false);
        if (image.altText.trimmed().isEmpty())
            add(findings, u"image_without_alt_text"_s, u"image %1"_s.arg(i + 1), 0, 0, image.caption.left(60),
                u"A picture without alt text"_s, QString(), false);
    }
    return findings;
}

} // namespace CopyCheck
} // namespace Copydesk
