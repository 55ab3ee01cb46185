#include <ninjs/ninjsitemreader.h>

#include <html/htmltext.h>
#include <ninjs/ninjsformat.h>

#include <QJsonArray>
#include <QRegularExpression>

#include <optional>

using namespace Qt::StringLiterals;

namespace Copydesk::Ninjs {

namespace {

const QStringList mediaTypes = {u"picture"_s, u"image"_s, u"graphic"_s, u"video"_s, u"audio"_s};

// Description roles that name a summary of the story, and roles that are about something else.
const QStringList summaryRoles = {u"summary"_s, u"lead"_s,  u"standfirst"_s, u"abstract"_s,
                                  u"teaser"_s,  u"intro"_s, u"ingress"_s,    u"description"_s};
const QStringList otherRoles = {u"creditline"_s, u"writer"_s, u"alt"_s, u"alttext"_s, u"keywords"_s};

int summaryRank(const TextEntry &entry)
{
    if (entry.value.trimmed().isEmpty() || otherRoles.contains(entry.role))
        return 0;
    if (summaryRoles.contains(entry.role))
        return 3;
    if (entry.role.contains("caption"_L1))
        return 0; // a picture's caption, not the story's summary
    return entry.isHtml() ? 1 : 2;
}

std::optional<TextEntry> bestDescription(const QJsonObject &item, bool acceptCaptions)
{
    std::optional<TextEntry> best;
    int bestRank = 0;
    const QList<TextEntry> entries = textEntries(item, u"description"_s);
    for (const TextEntry &entry : entries) {
        int rank = summaryRank(entry);
        if (rank == 0 && acceptCaptions && !entry.value.trimmed().isEmpty() &&
            !otherRoles.contains(entry.role))
            rank = 1;
        if (rank > bestRank) {
            best = entry;
            bestRank = rank;
        }
    }
    return best;
}

QString headlineOf(const QJsonObject &item)
{
    const QList<TextEntry> entries = textEntries(item, u"headline"_s);
    for (const TextEntry &entry : entries) {
        if (entry.role == "main"_L1 && !entry.plainText().isEmpty())
            return entry.plainText();
    }
    for (const TextEntry &entry : entries) {
        if (!entry.plainText().isEmpty())
            return entry.plainText();
    }
    return text(item, u"title"_s);
}

// Which bodies are read first: 0 html, 1 plain text, 2 NITF; -1 for other formats, which are not read.
int bodyPreference(const TextEntry &entry)
{
    if (entry.isHtml())
        return 0;
    if (entry.isNitf())
        return 2;
    return entry.contentType.isEmpty() || entry.contentType.startsWith("text/plain"_L1) ? 1 : -1;
}

// The body to read: of the most preferred format, the one of role "main", else the first.
std::optional<TextEntry> chosenBody(const QJsonObject &item)
{
    const QList<TextEntry> entries = textEntries(item, u"body"_s);
    for (int preference = 0; preference <= 2; ++preference) {
        const TextEntry *first = nullptr;
        for (const TextEntry &entry : entries) {
            if (entry.value.trimmed().isEmpty() || bodyPreference(entry) != preference)
                continue;
            if (entry.role == "main"_L1)
                return entry;
            if (!first)
                first = &entry;
        }
        if (first)
            return *first;
    }
    return std::nullopt;
}

// A whole HTML document as a body: only what is inside <body>.
QString documentBody(const QString &html)
{
    static const QRegularExpression bodyTag(u"<body\\b[^>]*>"_s, QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = bodyTag.match(html);
    if (!match.hasMatch())
        return html;
    const qsizetype start = match.capturedEnd();
    qsizetype end = html.indexOf("</body"_L1, start, Qt::CaseInsensitive);
    if (end < 0)
        end = html.size();
    return html.mid(start, end - start).trimmed();
}

// NITF keeps its story in <body.content>, in HTML-like elements (p, hl2, table, ...).
QString nitfBody(const QString &xml)
{
    static const QRegularExpression content(u"<body\\.content\\b[^>]*>(.*?)</body\\.content\\s*>"_s,
                                            QRegularExpression::CaseInsensitiveOption |
                                                QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = content.match(xml);
    return match.hasMatch() ? match.captured(1).trimmed() : QString();
}

// Agencies often repeat the headline as the body's <h1>; the article shows its headline already.
QString withoutHeadline(QString html, const QString &headline)
{
    static const QRegularExpression heading(u"<h1\\b[^>]*>(.*?)</h1\\s*>"_s,
                                            QRegularExpression::CaseInsensitiveOption |
                                                QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = heading.match(html);
    if (match.hasMatch() && !headline.isEmpty() &&
        HtmlText::plainText(match.captured(1))
                .simplified()
                .compare(headline.simplified(), Qt::CaseInsensitive) == 0)
        html.remove(match.capturedStart(), match.capturedLength());
    return html;
}

QString bodyHtml(const TextEntry &entry, const QString &headline)
{
    if (entry.isHtml())
        return withoutHeadline(documentBody(entry.value), headline);
    if (entry.isNitf())
        return nitfBody(entry.value);
    return paragraphsFromText(entry.value);
}

QString datelineOf(const QJsonObject &item)
{
    const QString located = text(item, u"located"_s);
    if (!located.isEmpty())
        return located;
    // A place only when it says it is where the story was filed; places are mostly what it is about.
    const QList<NamedEntry> places = namedEntries(item, u"place"_s, u"places"_s);
    for (const NamedEntry &place : places) {
        const QString rel = place.rel.toLower();
        if (!place.name.isEmpty() &&
            (rel == "located"_L1 || rel == "dateline"_L1 || rel.endsWith("/located"_L1)))
            return place.name;
    }
    return {};
}

void addTag(QStringList &tags, const QString &tag)
{
    const QString clean = tag.simplified();
    if (!clean.isEmpty() && !tags.contains(clean, Qt::CaseInsensitive))
        tags.append(clean);
}

void readClassification(const QJsonObject &item, Article &article)
{
    const QList<NamedEntry> subjects = namedEntries(item, u"subject"_s, u"subjects"_s);
    for (const NamedEntry &subject : subjects) {
        if (subject.rel.compare(QLatin1StringView(SectionRel), Qt::CaseInsensitive) == 0) {
            if (article.section.isEmpty())
                article.section = subject.name;
        } else {
            addTag(article.tags, subject.name);
        }
    }
    const QList<NamedEntry> genres = namedEntries(item, u"genre"_s, u"genres"_s);
    for (const NamedEntry &genre : genres)
        addTag(article.tags, genre.name);
    addTag(article.tags, text(item, u"slugline"_s));
    const QJsonArray keywords = item.value("keywords"_L1).toArray(); // not in the standard, common in feeds
    for (const QJsonValue &keyword : keywords)
        addTag(article.tags, keyword.toString());
}

void readSource(const QJsonObject &item, Article &article)
{
    const QList<NamedEntry> objects = namedEntries(item, u"object"_s, u"objects"_s);
    for (const NamedEntry &object : objects) {
        if (object.rel.compare(QLatin1StringView(SourceRel), Qt::CaseInsensitive) == 0 &&
            isWebUrl(object.uri)) {
            article.sourceUrl = object.uri;
            break;
        }
    }
    if (article.sourceUrl.isEmpty() && isWebUrl(text(item, u"uri"_s)))
        article.sourceUrl = text(item, u"uri"_s);
    const QList<NamedEntry> sources = namedEntries(item, u"infosource"_s, u"infosources"_s);
    for (const NamedEntry &source : sources) {
        if (!source.name.isEmpty()) {
            article.sourceName = source.name;
            break;
        }
    }
    if (article.sourceName.isEmpty())
        article.sourceName = text(item, u"copyrightholder"_s);
}

void readTimes(const QJsonObject &item, Article &article)
{
    const QDateTime contentCreated = time(item, u"contentcreated"_s);
    const QDateTime firstCreated = time(item, u"firstcreated"_s);
    const QDateTime versionCreated = time(item, u"versioncreated"_s);
    article.createdAt = contentCreated.isValid() ? contentCreated
                        : firstCreated.isValid() ? firstCreated
                                                 : versionCreated;
    article.publishedAt = firstCreated;
    article.updatedAt = versionCreated;
}

} // namespace

QString paragraphsFromText(const QString &text)
{
    QString clean = text;
    clean.replace("\r\n"_L1, "\n"_L1).replace(u'\r', u'\n');
    static const QRegularExpression blankLine(u"\\n[ \\t]*\\n"_s);
    QStringList blocks = clean.split(blankLine, Qt::SkipEmptyParts);
    if (blocks.size() == 1)
        blocks = clean.split(u'\n', Qt::SkipEmptyParts);
    QStringList paragraphs;
    for (const QString &block : std::as_const(blocks)) {
        QStringList lines = block.split(u'\n');
        for (QString &line : lines)
            line = line.trimmed();
        lines.removeAll(QString());
        if (!lines.isEmpty())
            paragraphs.append(u"<p>"_s + lines.join(u' ').toHtmlEscaped() + u"</p>"_s);
    }
    return paragraphs.join(u'\n');
}

ItemOutcome readItem(const QJsonObject &item)
{
    ItemOutcome outcome;
    const QString type = itemType(item);
    if (type == "event"_L1 || type == "planning"_L1) {
        outcome.refusal =
            u"a ninjs %1 item (for news planning, not a story); Copydesk imports articles"_s.arg(type);
        return outcome;
    }
    const std::optional<TextEntry> body = chosenBody(item);
    if (!body && mediaTypes.contains(type)) {
        outcome.refusal = u"a ninjs %1 item with no text; Copydesk imports articles"_s.arg(type);
        return outcome;
    }

    Article &article = outcome.article;
    article.status = text(item, u"pubstatus"_s).compare("canceled"_L1, Qt::CaseInsensitive) == 0
                         ? ArticleStatus::Spiked
                         : ArticleStatus::Saved;
    article.headline = headlineOf(item);
    article.byline = text(item, u"by"_s);
    if (article.byline.isEmpty())
        article.byline = text(item, u"byline"_s);
    article.dateline = datelineOf(item);
    article.language = text(item, u"language"_s);

    const std::optional<TextEntry> summary = bestDescription(item, false);
    if (body) {
        article.bodyHtml = bodyHtml(*body, article.headline);
        if (summary && !mediaTypes.contains(type)) // a picture's descriptions are its caption
            article.standfirst = summary->plainText();
    } else if (summary && summaryRoles.contains(summary->role)) {
        article.standfirst = summary->plainText(); // a summary stays one, even with no body beside it
    } else if (const std::optional<TextEntry> description = bestDescription(item, true)) {
        // Short items (NTB's, say) carry their text as a description only.
        article.bodyHtml =
            description->isHtml() ? description->value : paragraphsFromText(description->value);
        outcome.warnings.append(u"the item has no body; its description was taken as the body"_s);
    }
    if (article.headline.isEmpty() && HtmlText::plainText(article.bodyHtml).trimmed().isEmpty()) {
        outcome.refusal = u"the ninjs item holds no text: no headline, body or description"_s;
        return outcome;
    }
    if (article.bodyHtml.isEmpty())
        outcome.warnings.append(u"the item has no body text"_s);

    readClassification(item, article);
    readSource(item, article);
    readTimes(item, article);
    article.images = readPictures(item, article.bodyHtml, outcome.warnings);
    article.related = readRelated(item);
    return outcome;
}

} // namespace Copydesk::Ninjs
