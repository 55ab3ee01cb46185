#include <import/plaintext/plaintextimporter.h>

#include <encoding/textdecoder.h>
#include <html/canonicalhtml.h>
#include <import/picturecredit.h>
#include <import/plaintext/plaintextlines.h>
#include <import/plaintext/plaintextstructure.h>

#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

using namespace PlainTextLines;
using namespace PlainTextStructure;

constexpr int HighConfidence = 80;
constexpr int LowConfidence = 10;

// ---- Structure ------------------------------------------------------------------------------------------

struct BodyBlock
{
    enum class Kind
    {
        Paragraph,
        Heading,
        BlockQuote
    };
    Kind kind = Kind::Paragraph;
    QString text;
    bool explicitHeading = false; // a Markdown heading, kept wherever it stands
    QString inlineHtml;           // Markdown links and emphasis, when the text had any
};

// Walks the lines once: furniture before the headline, the header (headline, standfirst, byline, lead
// image), then the body with its images, subheadings and related-article blocks.
class ArticleBuilder
{
public:
    explicit ArticleBuilder(QList<Unit> units)
        : m_units(std::move(units))
        , m_credits(size_t(m_units.size()))
        , m_boilerplate(size_t(m_units.size()), Unknown)
        , m_dateLine(size_t(m_units.size()), Unknown)
    {}

    Article build()
    {
        m_article.status = ArticleStatus::Saved;
        qsizetype k = readHeadline();
        k = readHeader(k);
        readBody(k);
        finishBody();
        collectQuotes();
        m_article.bodyHtml = bodyHtml();
        return m_article;
    }

private:
    qsizetype count() const { return m_units.size(); }
    const QString &text(qsizetype k) const { return m_units.at(k).text; }

    // Each line is asked these several times (while the header is read, then the body): answered once.
    bool isBoilerplateAt(qsizetype k) const
    {
        Known &known = m_boilerplate[size_t(k)];
        if (known == Unknown)
            known = isBoilerplate(text(k)) ? Yes : No;
        return known == Yes;
    }
    bool isDateLineAt(qsizetype k) const
    {
        Known &known = m_dateLine[size_t(k)];
        if (known == Unknown)
            known = isDateLine(text(k)) ? Yes : No;
        return known == Yes;
    }

    bool isStructural(qsizetype k) const
    {
        // startsOwnLine() with the answers kept per line: a change to one belongs in the other too.
        const QString &line = text(k);
        return bylineNames(line) || parsedCredit(k) || isBoilerplateAt(k) || isDateLineAt(k) ||
               isRelatedHeader(line) || m_units.at(k).image;
    }

    // The headline: a Markdown "# " line, else a title-like line printed twice (page title and article
    // title), else the first title-like line; a short kicker right before it is the section.
    qsizetype readHeadline()
    {
        const qsizetype searchEnd = std::min<qsizetype>(count(), 8);
        qsizetype headline = -1;
        qsizetype next = 0;
        for (qsizetype k = 0; k < searchEnd && headline < 0; ++k) {
            if (m_units.at(k).headingLevel == 1) {
                headline = k;
                next = k + 1;
            }
        }
        for (qsizetype k = 0; k + 1 < searchEnd && headline < 0; ++k) {
            if (isTitleLike(text(k)) && !isStructural(k) && sameText(text(k), text(k + 1))) {
                headline = k;
                next = k + 2;
            }
        }
        if (headline < 0) {
            headline = firstTitleLine();
            next = headline + 1;
        }
        if (headline < 0)
            return 0;
        m_article.headline = text(headline);
        qsizetype kicker = headline - 1;
        while (kicker >= 0 && isFurniture(kicker))
            --kicker;
        if (kicker >= 0 && isKickerLike(text(kicker)) && !isStructural(kicker))
            m_article.section = text(kicker);
        return next;
    }

    bool isFurniture(qsizetype k) const { return isBoilerplateAt(k) || isDateLineAt(k); }

    // The next line from k on that is not page furniture, or count().
    qsizetype skipFurniture(qsizetype k) const
    {
        while (k < count() && isFurniture(k))
            ++k;
        return k;
    }

    qsizetype firstTitleLine() const
    {
        const qsizetype k = skipFurniture(0);
        if (k >= count() || !isTitleLike(text(k)) || isStructural(k) || m_units.at(k).blockQuote)
            return -1;
        const qsizetype next = skipFurniture(k + 1);
        const bool kickerFirst = next < count() && isKickerLike(text(k)) && isTitleLike(text(next)) &&
                                 !isStructural(next) && !opensImage(next) &&
                                 wordCount(text(next)) > wordCount(text(k));
        return kickerFirst ? next : k;
    }

    qsizetype readHeader(qsizetype k)
    {
        bool first = true;
        while (k < count()) {
            const QString &line = text(k);
            if (isBoilerplateAt(k) || isDateLineAt(k) || isHeadlineRepeat(line)) {
                ++k;
                continue;
            }
            if (const std::optional<QString> names = bylineNames(line)) {
                if (m_article.byline.isEmpty())
                    m_article.byline = *names;
            } else if (k + 1 < count() && isNameLike(line) && isReporterRole(text(k + 1))) {
                if (m_article.byline.isEmpty()) // "Jane Doe" over "Moscow correspondent"
                    m_article.byline = line;
                ++k;
            } else if (const qsizetype next = readImageAt(k); next != k) {
                k = next - 1;
            } else if (first && isStandfirst(k)) {
                m_article.standfirst = line;
            } else {
                break;
            }
            first = false;
            ++k;
        }
        return k;
    }

    // Conservative: a summary sentence counts as standfirst only when more header follows it, or when
    // Markdown sets it apart in italics or bold.
    bool isStandfirst(qsizetype k) const
    {
        const Unit &unit = m_units.at(k);
        if (m_article.headline.isEmpty() || !isPlainUnit(unit) || startsWithQuoteMark(unit.text))
            return false;
        const int words = wordCount(unit.text);
        if (unit.emphasised && words >= 5 && words <= 80)
            return true;
        if (!endsSentence(unit.text) || words < 8 || words > 60 || splitDateline(unit.text))
            return false;
        qsizetype next = k + 1;
        while (next < count() && isBoilerplateAt(next))
            ++next;
        return next < count() &&
               (bylineNames(text(next)) || isDateLineAt(next) || m_units.at(next).image || opensImage(next));
    }

    // Line k read as a credit line on its own. Each line is asked about several times (as a credit, after a
    // caption, before one, as an orphan marker): it is parsed once.
    const std::optional<PictureCredit> &parsedCredit(qsizetype k) const
    {
        std::optional<std::optional<PictureCredit>> &cached = m_credits[size_t(k)];
        if (!cached)
            cached = PictureCredits::parseLine(text(k));
        return *cached;
    }

    std::optional<PictureCredit> creditAt(qsizetype k, qsizetype &next) const
    {
        if (k >= count() || !isPlainUnit(m_units.at(k)))
            return std::nullopt;
        std::optional<PictureCredit> credit = parsedCredit(k);
        next = k + 1;
        if (credit && credit->needsName) {
            if (k + 1 >= count() || !PictureCredits::completeWithName(*credit, text(k + 1)))
                return std::nullopt;
            next = k + 2;
        }
        return credit;
    }

    bool isCaptionCandidate(qsizetype k) const
    {
        const Unit &unit = m_units.at(k);
        return isPlainUnit(unit) && wordCount(unit.text) <= 40 && unit.text.size() <= 300 &&
               !startsWithQuoteMark(unit.text) && !isStructural(k);
    }

    // A caption line whose credit follows, or a credit line (with its caption before it on the same line
    // or on the next line).
    bool opensImage(qsizetype k) const
    {
        qsizetype next = 0;
        if (creditAt(k, next))
            return true;
        const std::optional<PictureCredit> credit = creditAt(k + 1, next);
        return credit && credit->caption.isEmpty() && isCaptionCandidate(k);
    }

    // Reads the image starting at line k and returns the line after it, or k when none starts there.
    qsizetype readImageAt(qsizetype k)
    {
        if (m_units.at(k).image) {
            addImage({}, {}, m_units.at(k));
            return k + 1;
        }
        qsizetype next = 0;
        if (const std::optional<PictureCredit> credit = creditAt(k + 1, next);
            credit && credit->caption.isEmpty() && isCaptionCandidate(k)) {
            addImage(*credit, text(k));
            return next;
        }
        const std::optional<PictureCredit> credit = creditAt(k, next);
        if (!credit) {
            // "Image by" with no name after it: the marker alone says nothing and is not body text.
            if (!isPlainUnit(m_units.at(k)))
                return k;
            const std::optional<PictureCredit> &orphan = parsedCredit(k);
            return orphan && orphan->needsName ? k + 1 : k;
        }
        QString caption = credit->caption;
        qsizetype unused = 0;
        if (caption.isEmpty() && next < count() && !m_units.at(next).blankBefore &&
            isCaptionCandidate(next) && wordCount(text(next)) <= 25 && !creditAt(next + 1, unused)) {
            caption = text(next);
            ++next;
        }
        addImage(*credit, caption);
        return next;
    }

    // The first image is the lead image; the rest are inline. None has data: plain text has no pixels.
    void addImage(const PictureCredit &credit, const QString &caption, const MarkdownLine &markdownImage = {})
    {
        ArticleImage image;
        image.role = m_article.images.isEmpty() ? ImageRole::Lead : ImageRole::Inline;
        image.caption = caption;
        image.credit = credit.credit;
        image.creditLine = credit.creditLine;
        image.copyright = credit.copyright;
        image.altText = markdownImage.text;
        image.sourceUrl = markdownImage.imageUrl;
        m_article.images.append(image);
    }

    bool isHeadlineRepeat(const QString &line) const
    {
        return !m_article.headline.isEmpty() && sameText(line, m_article.headline);
    }

    void readBody(qsizetype k)
    {
        while (k < count()) {
            const Unit &unit = m_units.at(k);
            if (isBoilerplateAt(k) || isHeadlineRepeat(unit.text)) {
                ++k;
            } else if (isRelatedHeader(unit.text)) {
                k = readRelated(k + 1);
            } else if (const qsizetype next = readImageAt(k); next != k) {
                k = next;
            } else {
                m_body.append(blockFor(unit));
                ++k;
            }
        }
    }

    static BodyBlock blockFor(const Unit &unit)
    {
        if (unit.headingLevel > 0)
            return {BodyBlock::Kind::Heading, unit.text, true, unit.inlineHtml};
        if (unit.blockQuote)
            return {BodyBlock::Kind::BlockQuote, unit.text, false, unit.inlineHtml};
        if (isSubheadingLike(unit.text))
            return {BodyBlock::Kind::Heading, unit.text, false, unit.inlineHtml};
        return {BodyBlock::Kind::Paragraph, unit.text, false, unit.inlineHtml};
    }

    // A related block: title lines, each maybe followed by an author line. It ends at prose.
    qsizetype readRelated(qsizetype k)
    {
        QStringList lines;
        for (; k < count(); ++k) {
            const QString &line = text(k);
            if (isBoilerplateAt(k) || parsedCredit(k))
                continue;
            const bool prose =
                (line.endsWith(u'.') && wordCount(line) > 6) || wordCount(line) > 40 || line.size() > 250;
            if (prose || isRelatedHeader(line) || !isPlainUnit(m_units.at(k)))
                break;
            lines.append(line);
        }
        addRelated(lines);
        return k;
    }

    void addRelated(const QStringList &lines)
    {
        const auto isAuthor = [](const QString &line) {
            return bylineNames(line) || isNameLike(line);
        };
        bool pairs = lines.size() >= 2 && lines.size() % 2 == 0;
        for (qsizetype i = 1; pairs && i < lines.size(); i += 2)
            pairs = isAuthor(lines.at(i));
        for (qsizetype i = 0; i < lines.size(); i += pairs ? 2 : 1) {
            const QString &line = lines.at(i);
            if (pairs) {
                const QString &author = lines.at(i + 1);
                m_article.related.append({line, bylineNames(author).value_or(author), {}});
            } else if (line.startsWith("By "_L1) && bylineNames(line) && !m_article.related.isEmpty() &&
                       m_article.related.last().author.isEmpty()) {
                m_article.related.last().author = *bylineNames(line);
            } else {
                m_article.related.append({line, {}, {}});
            }
        }
    }

    void finishBody()
    {
        // A short last line is a sign-off or a stray label, not a heading over nothing.
        if (!m_body.isEmpty() && m_body.last().kind == BodyBlock::Kind::Heading &&
            !m_body.last().explicitHeading)
            m_body.last().kind = BodyBlock::Kind::Paragraph;
        for (BodyBlock &block : m_body) {
            if (block.kind != BodyBlock::Kind::Paragraph)
                continue;
            if (const std::optional<Dateline> dateline = splitDateline(block.text)) {
                m_article.dateline = dateline->dateline;
                const QString original = std::exchange(block.text, dateline->text);
                // The markup loses the same words (a dateline has no links or emphasis of its own).
                const QString cut = original.left(original.size() - block.text.size()).toHtmlEscaped();
                if (!block.inlineHtml.isEmpty())
                    block.inlineHtml = original.endsWith(block.text) && block.inlineHtml.startsWith(cut)
                                           ? block.inlineHtml.mid(cut.size())
                                           : QString();
            }
            break;
        }
    }

    void collectQuotes()
    {
        QString lastSpeaker;
        for (const BodyBlock &block : std::as_const(m_body)) {
            if (block.kind != BodyBlock::Kind::Heading)
                m_article.quotes.append(findQuotes(block.text, lastSpeaker));
        }
    }

    QString bodyHtml() const
    {
        QString html;
        for (const BodyBlock &block : m_body) {
            if (!block.inlineHtml.isEmpty()) {
                // Markdown's links and emphasis: not the canonical form, which the repository's sanitizer
                // then parses like any other HTML on its way into the library.
                static constexpr std::pair<QLatin1StringView, QLatin1StringView> tags[] = {
                    {"<p>"_L1, "</p>\n"_L1},
                    {"<h2>"_L1, "</h2>\n"_L1},
                    {"<blockquote>\n<p>"_L1, "</p>\n</blockquote>\n"_L1}};
                const auto &[open, close] = tags[int(block.kind)];
                html += open + block.inlineHtml + close;
                continue;
            }
            switch (block.kind) {
            case BodyBlock::Kind::Paragraph:
                CanonicalHtml::appendParagraph(html, block.text);
                break;
            case BodyBlock::Kind::Heading:
                CanonicalHtml::appendHeading(html, block.text);
                break;
            case BodyBlock::Kind::BlockQuote:
                CanonicalHtml::appendBlockQuote(html, block.text);
                break;
            }
        }
        return html;
    }

    QList<Unit> m_units;

    // Per line: not parsed yet, or what parseLine() gave.
    mutable std::vector<std::optional<std::optional<PictureCredit>>> m_credits;
    // Per line: not asked yet, or the answer of isBoilerplate() and isDateLine().
    enum Known : signed char
    {
        Unknown = -1,
        No = 0,
        Yes = 1
    };
    mutable std::vector<Known> m_boilerplate;
    mutable std::vector<Known> m_dateLine;
    Article m_article;
    QList<BodyBlock> m_body;
};

Article parseText(const QString &text, bool markdown)
{
    const QString clean = normalisedLineEnds(text);
    QList<Unit> units = readUnits(clean, markdown || looksLikeMarkdown(clean));
    joinWrappedLines(units);
    return ArticleBuilder(std::move(units)).build();
}

// The first line with letters, up to its first sentence's end or about twelve words, for an article whose
// text has no line that reads as a headline.
QString headlineFromFirstLine(const QString &text)
{
    QString line;
    for (const QString &candidate : normalisedLineEnds(text).split(u'\n')) {
        if (std::any_of(candidate.cbegin(), candidate.cend(), [](QChar c) { return c.isLetterOrNumber(); })) {
            line = candidate.simplified();
            break;
        }
    }
    static const QRegularExpression sentenceEnd(u"[.!?…](?=\\s|$)"_s);
    if (const QRegularExpressionMatch end = sentenceEnd.match(line);
        end.hasMatch() && end.capturedStart() > 0)
        line = line.left(end.capturedStart());
    const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
    constexpr int MaximumWords = 12;
    return words.size() > MaximumWords ? words.mid(0, MaximumWords).join(u' ') + u'…' : line;
}

} // namespace

QString PlainTextImporter::name() const
{
    return u"plain text"_s;
}

int PlainTextImporter::confidence(const ImportSource &source) const
{
    if (source.bytes.contains('\0') && !hasWideUnicodeBom(source.bytes))
        return 0;
    static const QStringList textSuffixes = {u"txt"_s, u"text"_s, u"md"_s, u"markdown"_s};
    if (textSuffixes.contains(suffixOf(source)))
        return HighConfidence;
    // Files of a structured kind are never read as copied text, even when their own importer refuses them.
    static const QStringList structuredSuffixes = {u"json"_s, u"html"_s,  u"htm"_s, u"xhtml"_s,
                                                   u"mht"_s,  u"mhtml"_s, u"xml"_s};
    if (structuredSuffixes.contains(suffixOf(source)))
        return 0;
    if (source.contentType.startsWith("text/plain"_L1, Qt::CaseInsensitive) ||
        source.contentType.startsWith("text/markdown"_L1, Qt::CaseInsensitive))
        return HighConfidence;
    return LowConfidence;
}

ImportResult PlainTextImporter::import(const ImportSource &source) const
{
    if (source.bytes.isEmpty())
        return ImportResult::failure(u"the text is empty"_s);
    const ReadText decoded = readText(source);
    if (!decoded.error.isEmpty())
        return ImportResult::failure(decoded.error);
    if (decoded.text.trimmed().isEmpty() || decoded.text.trimmed() == QString(QChar::ByteOrderMark))
        return ImportResult::failure(u"the text contains only white space"_s);

    Article article = parseText(decoded.text, isMarkdownSource(source));
    const bool hasParagraph = article.bodyHtml.contains("<p>"_L1);
    if (article.headline.isEmpty() && !hasParagraph)
        return ImportResult::failure(u"no headline or paragraph found in the text"_s);

    ImportResult result;
    result.warnings = decoded.warnings;
    if (article.headline.isEmpty()) {
        // An article is found by its headline in every list: never leave it empty when the text has a
        // first line. The body keeps that line; the headline is its beginning.
        article.headline = headlineFromFirstLine(decoded.text);
        result.warnings.append(u"no headline found; the first line is used"_s);
    }
    if (!hasParagraph)
        result.warnings.append(u"no body text found under the headline"_s);
    result.articles.append(article);
    return result;
}

Article PlainTextImporter::parse(const QString &text)
{
    return parseText(text, false);
}

} // namespace Copydesk
