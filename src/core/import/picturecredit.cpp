#include <import/picturecredit.h>

#include <html/pagehtml.h>

#include <QHash>
#include <QSet>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Copydesk::PictureCredits {

namespace {

enum class LabelKind
{
    Picture,   // "Photo:", "Image by", "Credit:"
    Source,    // "Source:": a credit under a chart on a page, but in plain text just a line
    Copyright, // "©", "(c)", "Copyright"
};

struct Label
{
    QStringView text;
    LabelKind kind;
};

// Longest first, so that "photo credit:" wins over "photo:". A space stands for any run of white space and
// white space may come before a colon ("Crédit photo : X").
constexpr Label labels[] = {
    {u"photo credits:", LabelKind::Picture},
    {u"photo credit:", LabelKind::Picture},
    {u"image credit:", LabelKind::Picture},
    {u"picture credit:", LabelKind::Picture},
    {u"illustration credit:", LabelKind::Picture},
    {u"photo credit", LabelKind::Picture},
    {u"image credit", LabelKind::Picture},
    {u"image source:", LabelKind::Picture},
    {u"crédit photo:", LabelKind::Picture},
    {u"photography by", LabelKind::Picture},
    {u"photograph by", LabelKind::Picture},
    {u"photography:", LabelKind::Picture},
    {u"photographs:", LabelKind::Picture},
    {u"photograph:", LabelKind::Picture},
    {u"illustration by", LabelKind::Picture},
    {u"illustration:", LabelKind::Picture},
    {u"pictures by", LabelKind::Picture},
    {u"picture by", LabelKind::Picture},
    {u"photos by", LabelKind::Picture},
    {u"photo by", LabelKind::Picture},
    {u"image by", LabelKind::Picture},
    {u"pictures:", LabelKind::Picture},
    {u"picture:", LabelKind::Picture},
    {u"photos:", LabelKind::Picture},
    {u"photo:", LabelKind::Picture},
    {u"images:", LabelKind::Picture},
    {u"image:", LabelKind::Picture},
    {u"credits:", LabelKind::Picture},
    {u"credit:", LabelKind::Picture},
    {u"crédits:", LabelKind::Picture},
    {u"crédit:", LabelKind::Picture},
    {u"fotos:", LabelKind::Picture},
    {u"foto:", LabelKind::Picture},
    {u"bild:", LabelKind::Picture},
    {u"graphics:", LabelKind::Picture},
    {u"graphic:", LabelKind::Picture},
    {u"pic:", LabelKind::Picture},
    {u"source:", LabelKind::Source},
    {u"quelle:", LabelKind::Source},
    {u"fuente:", LabelKind::Source},
    {u"copyright", LabelKind::Copyright},
    {u"(c)", LabelKind::Copyright},
    {u"©", LabelKind::Copyright},
};

const QStringList &agencies()
{
    static const QStringList names = {u"Getty Images"_s,
                                      u"Getty"_s,
                                      u"AFP"_s,
                                      u"AP"_s,
                                      u"AP Photo"_s,
                                      u"Associated Press"_s,
                                      u"Reuters"_s,
                                      u"EPA"_s,
                                      u"EPA-EFE"_s,
                                      u"EFE"_s,
                                      u"Shutterstock"_s,
                                      u"Alamy"_s,
                                      u"Alamy Stock Photo"_s,
                                      u"PA"_s,
                                      u"PA Wire"_s,
                                      u"PA Media"_s,
                                      u"PA Images"_s,
                                      u"Bloomberg"_s,
                                      u"dpa"_s,
                                      u"picture alliance"_s,
                                      u"picture-alliance"_s,
                                      u"ANP"_s,
                                      u"ANSA"_s,
                                      u"Xinhua"_s,
                                      u"Keystone"_s,
                                      u"SIPA"_s,
                                      u"Sipa USA"_s,
                                      u"Redux"_s,
                                      u"NurPhoto"_s,
                                      u"Anadolu"_s,
                                      u"Anadolu Agency"_s,
                                      u"iStock"_s,
                                      u"iStockphoto"_s,
                                      u"Corbis"_s,
                                      u"Magnum Photos"_s,
                                      u"ZUMA Press"_s,
                                      u"ZUMA Wire"_s,
                                      u"Imago"_s,
                                      u"Wikimedia Commons"_s,
                                      u"Unsplash"_s,
                                      u"TASS"_s,
                                      u"Kyodo"_s,
                                      u"Yonhap"_s,
                                      u"Polaris"_s,
                                      u"NASA"_s};
    return names;
}

bool isLabelInitial(char16_t c)
{
    switch (c) {
    case u'p':
    case u'i':
    case u'c':
    case u'f':
    case u'b':
    case u'g':
    case u's':
    case u'q':
    case u'(':
    case u'©':
        return true;
    default:
        return false;
    }
}

char16_t foldedAscii(QChar c)
{
    const char16_t u = c.unicode();
    return u >= u'A' && u <= u'Z' ? char16_t(u | 0x20) : u;
}

qsizetype skipSpaces(QStringView text, qsizetype at)
{
    while (at < text.size() && text.at(at).isSpace())
        ++at;
    return at;
}

// The length of `label` matched at `pos`, or 0. Case is ignored; a label that ends in a letter must end a
// word there, and one that ends in "by" may take a colon ("Photo by: X").
qsizetype matchLabel(QStringView text, qsizetype pos, QStringView label)
{
    qsizetype at = pos;
    for (const QChar l : label) {
        if (l == u' ') {
            if (at >= text.size() || !text.at(at).isSpace())
                return 0;
            at = skipSpaces(text, at);
        } else if (l == u':') {
            const qsizetype colon = skipSpaces(text, at);
            if (colon >= text.size() || text.at(colon) != u':')
                return 0;
            at = colon + 1;
        } else {
            if (at >= text.size())
                return 0;
            const QChar c = text.at(at);
            if (c != l && foldedAscii(c) != l && c.toCaseFolded() != l)
                return 0;
            ++at;
        }
    }
    if (label.back().isLetter()) {
        if (at < text.size() && text.at(at).isLetterOrNumber())
            return 0;
        if (label.endsWith(u"by")) {
            const qsizetype colon = skipSpaces(text, at);
            if (colon < text.size() && text.at(colon) == u':')
                at = colon + 1;
        }
    }
    return at - pos;
}

struct LabelMatch
{
    qsizetype length = 0;
    LabelKind kind = LabelKind::Picture;
    bool endsWithColon = false;

    explicit operator bool() const { return length > 0; }
};

// The labels by their first character, so that a word is compared only with the labels it could start.
const QList<const Label *> &labelsStartingWith(char16_t initial)
{
    static const auto table = [] {
        QHash<char16_t, QList<const Label *>> byInitial;
        for (const Label &label : labels)
            byInitial[label.text.front().unicode()].append(&label);
        return byInitial;
    }();
    static const QList<const Label *> none;
    const auto found = table.constFind(initial);
    return found == table.cend() ? none : *found;
}

// The label at `pos`, if any; Source labels only when asked for.
LabelMatch labelAt(QStringView text, qsizetype pos, bool withSources)
{
    if (pos >= text.size())
        return {};
    const char16_t initial = foldedAscii(text.at(pos));
    if (!isLabelInitial(initial))
        return {};
    // Every label's second character is an ASCII letter or "c": one comparison rules most labels out.
    const char16_t second = pos + 1 < text.size() ? foldedAscii(text.at(pos + 1)) : u'\0';
    for (const Label *label : labelsStartingWith(initial)) {
        if ((label->text.size() > 1 && label->text.at(1) != second) ||
            (label->kind == LabelKind::Source && !withSources))
            continue;
        if (const qsizetype length = matchLabel(text, pos, label->text))
            return {length, label->kind, text.at(pos + length - 1) == u':'};
    }
    return {};
}

// Words apart by spaces, counted without splitting.
int tokenCount(QStringView text)
{
    int tokens = 0;
    bool inToken = false;
    for (const QChar c : text) {
        if (c == u' ') {
            inToken = false;
        } else if (!inToken) {
            inToken = true;
            ++tokens;
        }
    }
    return tokens;
}

QString trimCredit(QStringView input)
{
    QStringView text = input.trimmed();
    while (text.endsWith(u'.') || text.endsWith(u',') || text.endsWith(u';'))
        text.chop(1);
    if (text.startsWith(u"by ", Qt::CaseInsensitive))
        text = text.sliced(3);
    return text.trimmed().toString();
}

// "Jane Doe/AFP via Getty Images", "AP Photo/Evan Vucci", "Reuters": a credit without a label.
bool isAgencyCredit(const QString &input)
{
    const QString text = trimCredit(input);
    if (text.isEmpty() || tokenCount(text) > 8)
        return false;
    QString parts = text;
    parts.replace(" via "_L1, "/"_L1, Qt::CaseInsensitive);
    const QStringList pieces = parts.split(u'/', Qt::SkipEmptyParts);
    return std::any_of(pieces.cbegin(), pieces.cend(), [](const QString &piece) {
        return agencies().contains(piece.trimmed(), Qt::CaseInsensitive);
    });
}

bool isBoundaryBefore(const QString &text, qsizetype pos)
{
    const QStringView before = QStringView(text).left(pos).trimmed();
    if (before.isEmpty())
        return true;
    return QStringView(u".!?|;,)\u2014\u2013-\u201d\"'\u2026").contains(before.back());
}

QString captionBefore(const QString &text, qsizetype pos)
{
    QStringView caption = QStringView(text).left(pos).trimmed();
    while (caption.endsWith(u'|') || caption.endsWith(u'\u2014') || caption.endsWith(u'\u2013') ||
           caption.endsWith(u'-') || caption.endsWith(u',') || caption.endsWith(u';'))
        caption = caption.chopped(1).trimmed();
    return caption.toString();
}

// In a caption a label opens a credit after the end of a sentence; "Photo:" written with a capital also
// does so without one, as captions and credits are often run together ("… in Paris Photo: Jo Kim").
bool opensCaptionCredit(const QString &text, qsizetype pos)
{
    if (pos > 0 && text.at(pos - 1).isLetterOrNumber())
        return false;
    const LabelMatch label = labelAt(text, pos, true);
    return label && (isBoundaryBefore(text, pos) || (label.endsWithColon && text.at(pos).isUpper()));
}

bool hasLetter(QStringView text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isLetter(); });
}

bool containsQuoteMark(QStringView text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return QStringView(u"“”„«»\"").contains(c); });
}

bool hasParenthesis(QStringView text)
{
    return text.contains(u'(') || text.contains(u')');
}

// Whether a label of a plain-text credit starts anywhere in the line: the cheap test that keeps the rest
// of parseLine() off the many lines that are body text.
bool mayHoldLabel(QStringView line)
{
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (isLabelInitial(foldedAscii(line.at(i))) && (i == 0 || !line.at(i - 1).isLetterOrNumber()) &&
            labelAt(line, i, false))
            return true;
    }
    return false;
}

// The credit of a plain-text line whose label starts at 0 of `text`, if its name looks like one.
std::optional<PictureCredit> labelledName(QStringView text)
{
    PictureCredit credit = fromCreditLine(text.toString());
    if (!isCreditName(credit.credit))
        return std::nullopt;
    return credit;
}

} // namespace

CreditParts splitAgency(const QString &credit)
{
    static const QStringList agencies = {u"AP"_s,
                                         u"AFP"_s,
                                         u"Reuters"_s,
                                         u"Getty Images"_s,
                                         u"Getty"_s,
                                         u"EPA"_s,
                                         u"EPA-EFE"_s,
                                         u"PA"_s,
                                         u"PA Images"_s,
                                         u"PA Wire"_s,
                                         u"Alamy"_s,
                                         u"Shutterstock"_s,
                                         u"Bloomberg"_s,
                                         u"ANP"_s,
                                         u"dpa"_s,
                                         u"ANSA"_s,
                                         u"TASS"_s,
                                         u"RIA Novosti"_s,
                                         u"Sputnik"_s,
                                         u"BelTA"_s,
                                         u"PAP"_s,
                                         u"Xinhua"_s,
                                         u"Kyodo"_s,
                                         u"Yonhap"_s,
                                         u"NurPhoto"_s,
                                         u"SOPA Images"_s,
                                         u"Anadolu"_s,
                                         u"Anadolu Agency"_s,
                                         u"Reuters Pictures"_s,
                                         u"Associated Press"_s,
                                         u"Agence France-Presse"_s,
                                         u"Wikimedia Commons"_s,
                                         u"Unsplash"_s};
    const auto isAgency = [](const QString &text) {
        const QString name = text.trimmed();
        for (const QString &agency : agencies) {
            // "AP", "AP Photo", "Reuters Pictures", "AFP via Getty Images"
            if (name.compare(agency, Qt::CaseInsensitive) == 0 ||
                name.startsWith(agency + u' ', Qt::CaseInsensitive))
                return true;
        }
        return false;
    };
    CreditParts parts;
    const QString text = credit.trimmed();
    if (text.isEmpty())
        return parts;
    const qsizetype slash = text.indexOf(u'/');
    if (slash > 0) {
        const QString first = text.left(slash).trimmed();
        const QString second = text.mid(slash + 1).trimmed();
        // "AP Photo/Evan Vucci": the agency comes first.
        if (isAgency(first) && !isAgency(second)) {
            parts.agency = first;
            if (parts.agency.endsWith(u" Photo"_s, Qt::CaseInsensitive))
                parts.agency.chop(6);
            parts.person = second;
        } else {
            parts.person = first;
            parts.agency = second;
        }
        return parts;
    }
    for (const QString &connector : {u" for "_s, u" via "_s}) {
        const qsizetype at = text.indexOf(connector);
        if (at > 0) {
            parts.person = text.left(at).trimmed();
            parts.agency = text.mid(at + connector.size()).trimmed();
            return parts;
        }
    }
    if (isAgency(text))
        parts.agency = text;
    else
        parts.person = text;
    return parts;
}

PictureCredit fromCreditLine(const QString &line)
{
    PictureCredit credit;
    credit.creditLine = line.trimmed();
    QStringView rest = credit.creditLine;
    if (rest.startsWith(u'(') && rest.endsWith(u')'))
        rest = rest.sliced(1, rest.size() - 2).trimmed();
    if (const LabelMatch label = labelAt(rest, 0, true); label && label.kind == LabelKind::Copyright) {
        credit.copyright = credit.creditLine;
        rest = rest.sliced(label.length).trimmed();
        while (!rest.isEmpty() && (rest.front().isDigit() || rest.front() == u'-' || rest.front() == u','))
            rest = rest.sliced(1); // the year
        rest = rest.trimmed();
    }
    if (const LabelMatch label = labelAt(rest, 0, true); label && label.kind != LabelKind::Copyright)
        rest = rest.sliced(label.length);
    credit.credit = trimCredit(rest);
    return credit;
}

PictureCredit splitCaption(const QString &captionText)
{
    const QString text = PageHtml::foldWhitespace(captionText);
    PictureCredit result;
    result.caption = text;
    if (text.isEmpty())
        return result;

    // "(Photo by Jane Doe/Getty Images)" or "(Reuters)" at the end.
    QString body = text;
    while (body.endsWith(u'.'))
        body.chop(1);
    if (body.endsWith(u')')) {
        int depth = 0;
        for (qsizetype i = body.size() - 1; i >= 0; --i) {
            if (body.at(i) == u')') {
                ++depth;
            } else if (body.at(i) == u'(' && --depth == 0) {
                const QString inner = body.mid(i + 1, body.size() - i - 2).trimmed();
                if (!inner.isEmpty() && (labelAt(inner, 0, true) || isAgencyCredit(inner))) {
                    result = fromCreditLine(inner);
                    result.caption = text.left(i).trimmed();
                    return result;
                }
                break;
            }
        }
    }

    // "… Photograph: Jane Doe/Reuters", "Credit: X", "© X" after the end of a sentence.
    for (qsizetype pos = 0; pos < text.size(); ++pos) {
        if (!opensCaptionCredit(text, pos))
            continue;
        const PictureCredit credit = fromCreditLine(text.mid(pos));
        if (credit.credit.isEmpty() || tokenCount(credit.credit) > 12)
            continue;
        result = credit;
        result.caption = captionBefore(text, pos);
        return result;
    }

    // "… Jane Doe/AFP via Getty Images": an agency-style last segment.
    static const QStringList separators = {u". "_s, u" | "_s, u" \u2014 "_s, u" \u2013 "_s, u" - "_s};
    qsizetype cut = -1;
    qsizetype cutLength = 0;
    for (const QString &separator : separators) {
        const qsizetype at = body.lastIndexOf(separator);
        if (at > cut) {
            cut = at;
            cutLength = separator.size();
        }
    }
    const QString last = cut < 0 ? body : body.mid(cut + cutLength);
    if (isAgencyCredit(last)) {
        result = fromCreditLine(last);
        result.caption = cut < 0 ? QString() : captionBefore(text, cut + (text.at(cut) == u'.' ? 1 : 0));
    }
    return result;
}

std::optional<PictureCredit> parseLine(const QString &input)
{
    const QString line = input.trimmed();
    if (line.isEmpty() || !mayHoldLabel(line) || tokenCount(line) > 80)
        return std::nullopt;

    // The whole line, perhaps in brackets: "Photo: Jane Doe", "(Photo by Jane Doe/Getty Images)", or a
    // label alone ("Image by") whose name is on the next line.
    QStringView whole = line;
    if (whole.startsWith(u'('))
        whole = whole.sliced(1);
    if (whole.endsWith(u')'))
        whole.chop(1);
    whole = whole.trimmed();
    if (const LabelMatch label = labelAt(whole, 0, false)) {
        const QStringView rest = whole.sliced(label.length).trimmed();
        if (rest.isEmpty()) {
            PictureCredit credit;
            credit.creditLine = whole.toString();
            if (label.kind == LabelKind::Copyright)
                credit.copyright = credit.creditLine;
            credit.needsName = true;
            return credit;
        }
        if (!hasParenthesis(rest)) {
            if (std::optional<PictureCredit> credit = labelledName(whole))
                return credit;
        }
    }

    // "Caption (Photo by Jane Doe/Getty Images)." at the end.
    QStringView body = line;
    if (body.endsWith(u'.'))
        body.chop(1);
    if (body.endsWith(u')')) {
        const qsizetype open = body.lastIndexOf(u'(');
        const QStringView caption = body.left(std::max<qsizetype>(open, 0)).trimmed();
        const QStringView inner =
            open < 0 ? QStringView() : body.sliced(open + 1, body.size() - open - 2).trimmed();
        if (open > 0 && hasLetter(caption) && labelAt(inner, 0, false) && !hasParenthesis(inner)) {
            if (std::optional<PictureCredit> credit = labelledName(inner)) {
                credit->caption = caption.toString();
                return credit;
            }
        }
    }

    // "Caption Photograph: Jane Doe/Eastline": a label written with a capital, after white space.
    for (qsizetype pos = 1; pos < line.size(); ++pos) {
        const QChar first = line.at(pos);
        if (!line.at(pos - 1).isSpace() || !(first.isUpper() || first == u'©'))
            continue;
        const LabelMatch label = labelAt(line, pos, false);
        if (!label)
            continue;
        const QStringView caption = QStringView(line).left(pos).trimmed();
        const QStringView rest = QStringView(line).sliced(pos + label.length).trimmed();
        if (!hasLetter(caption) || rest.isEmpty() || hasParenthesis(rest))
            continue;
        if (std::optional<PictureCredit> credit = labelledName(QStringView(line).sliced(pos))) {
            credit->caption = caption.toString();
            return credit;
        }
    }
    return std::nullopt;
}

bool completeWithName(PictureCredit &credit, const QString &nextLine)
{
    const QString name = trimCredit(nextLine);
    if (tokenCount(name) > 8 || !isCreditName(name))
        return false;
    credit.credit = name;
    credit.creditLine += u' ' + nextLine.trimmed();
    if (!credit.copyright.isEmpty())
        credit.copyright = credit.creditLine;
    credit.needsName = false;
    return true;
}

bool isCreditName(const QString &text)
{
    static const QSet<QString> connectors = {u"for"_s, u"and"_s, u"of"_s,  u"via"_s, u"de"_s, u"van"_s,
                                             u"von"_s, u"der"_s, u"la"_s,  u"le"_s,  u"da"_s, u"di"_s,
                                             u"du"_s,  u"al"_s,  u"bin"_s, u"y"_s,   u"&"_s,  u"/"_s};
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty() || words.size() > 10 || text.size() > 100 || containsQuoteMark(text))
        return false;
    return std::all_of(words.cbegin(), words.cend(), [](const QString &word) {
        return !word.at(0).isLower() || connectors.contains(word);
    });
}

} // namespace Copydesk::PictureCredits
