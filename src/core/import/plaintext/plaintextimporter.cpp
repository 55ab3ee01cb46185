#include <import/plaintext/plaintextimporter.h>

#include <encoding/textdecoder.h>
#include <html/canonicalhtml.h>
#include <import/picturecredit.h>
#include <import/plaintext/plaintextstructure.h>

#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

using namespace PlainTextStructure;

constexpr int HighConfidence = 80;
constexpr int LowConfidence = 10;

// ---- Decoding -------------------------------------------------------------------------------------------

struct ReadText
{
    QString text;
    QString error;
    QStringList warnings;
};

// A UTF-16 or UTF-32 byte order mark: such text has NUL bytes and is still text.
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

// ---- Lines ----------------------------------------------------------------------------------------------

// One non-blank line of the source (or several joined, for hard-wrapped text and Markdown quotes).
// The Markdown fields stay at their defaults for plain text.
struct Unit : MarkdownLine
{
    bool blankBefore = true;
};

bool hasLetterOrDigit(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isLetterOrNumber(); });
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
            units.last().text += u' ' + unit.text;
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

// A line that is never part of a paragraph. ArticleBuilder::isStructural() asks the same with its per-line
// answers: a change here belongs there too.
bool startsOwnLine(const QString &text)
{
    return bylineNames(text) || PictureCredits::parseLine(text) || isBoilerplate(text) || isDateLine(text);
}

// Text wrapped at a fixed width (mail, old .txt files) has many long lines followed directly by another
// line; such runs are one paragraph. Copied web text has one line per paragraph and is left alone.
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
            joined.last().text += u' ' + unit.text;
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
            return {BodyBlock::Kind::Heading, unit.text, true};
        if (unit.blockQuote)
            return {BodyBlock::Kind::BlockQuote, unit.text, false};
        if (isSubheadingLike(unit.text))
            return {BodyBlock::Kind::Heading, unit.text, false};
        return {BodyBlock::Kind::Paragraph, unit.text, false};
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
                block.text = dateline->text;
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

    const Article article = parseText(decoded.text, isMarkdownSource(source));
    const bool hasParagraph = article.bodyHtml.contains("<p>"_L1);
    if (article.headline.isEmpty() && !hasParagraph)
        return ImportResult::failure(u"no headline or paragraph found in the text"_s);

    ImportResult result;
    result.warnings = decoded.warnings;
    if (article.headline.isEmpty())
        result.warnings.append(u"no headline found"_s);
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
