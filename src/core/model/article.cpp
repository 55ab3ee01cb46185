#include <model/article.h>

#include <html/htmltext.h>

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

struct StatusName
{
    ArticleStatus status;
    QLatin1StringView key;
    const char *display;
};

constexpr StatusName statusNames[] = {
    {ArticleStatus::Draft, "draft"_L1, "Draft"},    {ArticleStatus::InEdit, "in_edit"_L1, "In edit"},
    {ArticleStatus::Ready, "ready"_L1, "Ready"},    {ArticleStatus::Published, "published"_L1, "Published"},
    {ArticleStatus::Spiked, "spiked"_L1, "Spiked"}, {ArticleStatus::Saved, "saved"_L1, "Saved"},
};

QJsonValue timeToJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(toStorageTime(time)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString statusToString(ArticleStatus status)
{
    for (const StatusName &name : statusNames) {
        if (name.status == status)
            return QString(name.key);
    }
    return u"draft"_s;
}

std::optional<ArticleStatus> statusFromString(const QString &text)
{
    for (const StatusName &name : statusNames) {
        if (text == name.key)
            return name.status;
    }
    return std::nullopt;
}

std::optional<ArticleStatus> statusFromUtf8(QByteArrayView text)
{
    for (const StatusName &name : statusNames) {
        if (text == QByteArrayView(name.key.data(), name.key.size()))
            return name.status;
    }
    return std::nullopt;
}

QString statusDisplayName(ArticleStatus status)
{
    for (const StatusName &name : statusNames) {
        if (name.status == status)
            return QString::fromLatin1(name.display);
    }
    return {};
}

QList<ArticleStatus> allStatuses()
{
    QList<ArticleStatus> statuses;
    for (const StatusName &name : statusNames)
        statuses.append(name.status);
    return statuses;
}

QString imageRoleToString(ImageRole role)
{
    return role == ImageRole::Lead ? u"lead"_s : u"inline"_s;
}

ImageRole imageRoleFromString(const QString &text)
{
    return text == "lead"_L1 ? ImageRole::Lead : ImageRole::Inline;
}

QString toStorageTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
}

namespace {

// What toStorageTime() writes, "2026-12-02T13:54:17.296Z", read directly: the list reads three times per
// row, and QDateTime::fromString() was most of the cost of a page of 200 rows. characterAt(i) gives the
// i-th character's code, of UTF-16 or of UTF-8 alike (the form is ASCII). Nothing when it is not that form.
template<typename CharacterAt>
std::optional<QDateTime> storageTimeOfTheUsualForm(qsizetype size, CharacterAt characterAt)
{
    if (size != 24 || characterAt(4) != u'-' || characterAt(10) != u'T' || characterAt(19) != u'.' ||
        characterAt(23) != u'Z')
        return std::nullopt;
    const auto number = [&characterAt](qsizetype from, qsizetype length) {
        int value = 0;
        for (qsizetype i = from; i < from + length; ++i) {
            const char16_t digit = characterAt(i);
            if (digit < u'0' || digit > u'9')
                return -1;
            value = value * 10 + (digit - u'0');
        }
        return value;
    };
    const QDate date(number(0, 4), number(5, 2), number(8, 2));
    const QTime clock(number(11, 2), number(14, 2), number(17, 2), number(20, 3));
    if (!date.isValid() || !clock.isValid())
        return std::nullopt;
    return QDateTime(date, clock, Qt::UTC);
}

} // namespace

QDateTime fromStorageTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    if (std::optional<QDateTime> usual =
            storageTimeOfTheUsualForm(text.size(), [&text](qsizetype i) { return text.at(i).unicode(); }))
        return *usual;
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : time;
}

QDateTime fromStorageTimeUtf8(QByteArrayView text)
{
    if (text.isEmpty())
        return {};
    if (std::optional<QDateTime> usual = storageTimeOfTheUsualForm(
            text.size(), [&text](qsizetype i) { return char16_t(uchar(text.at(i))); }))
        return *usual;
    return fromStorageTime(QString::fromUtf8(text));
}

QStringList Article::subheadings() const
{
    return HtmlText::headings(bodyHtml);
}

const ArticleImage *Article::leadImage() const
{
    for (const ArticleImage &image : images) {
        if (image.role == ImageRole::Lead)
            return &image;
    }
    return nullptr;
}

QJsonObject Article::toJson() const
{
    QJsonArray quoteArray;
    for (const Quote &quote : quotes) {
        quoteArray.append(QJsonObject{{u"text"_s, quote.text},
                                      {u"speaker"_s, quote.speaker},
                                      {u"role"_s, quote.speakerRole},
                                      {u"context"_s, quote.context},
                                      {u"on_record"_s, quote.onRecord}});
    }
    QJsonArray imageArray;
    for (const ArticleImage &image : images) {
        imageArray.append(QJsonObject{{u"role"_s, imageRoleToString(image.role)},
                                      {u"caption"_s, image.caption},
                                      {u"alt"_s, image.altText},
                                      {u"credit"_s, image.credit},
                                      {u"agency"_s, image.agency},
                                      {u"credit_line"_s, image.creditLine},
                                      {u"copyright"_s, image.copyright},
                                      {u"license"_s, image.licence},
                                      {u"source_url"_s, image.sourceUrl},
                                      {u"mime"_s, image.mimeType},
                                      {u"width"_s, image.width},
                                      {u"height"_s, image.height},
                                      {u"has_data"_s, image.hasData()}});
    }
    QJsonArray relatedArray;
    for (const RelatedLink &link : related) {
        relatedArray.append(
            QJsonObject{{u"title"_s, link.title}, {u"author"_s, link.author}, {u"url"_s, link.url}});
    }
    return QJsonObject{
        {u"id"_s, id},
        {u"uuid"_s, uuid},
        {u"status"_s, statusToString(status)},
        {u"section"_s, section},
        {u"headline"_s, headline},
        {u"standfirst"_s, standfirst},
        {u"byline"_s, byline},
        {u"dateline"_s, dateline},
        {u"language"_s, language},
        {u"source_url"_s, sourceUrl},
        {u"source_name"_s, sourceName},
        {u"editor_note"_s, editorNote},
        {u"created_at"_s, timeToJson(createdAt)},
        {u"updated_at"_s, timeToJson(updatedAt)},
        {u"published_at"_s, timeToJson(publishedAt)},
        {u"read_at"_s, timeToJson(readAt)},
        {u"starred"_s, starred},
        {u"read"_s, readAt.isValid()},
        {u"word_count"_s, wordCount},
        {u"tags"_s, QJsonArray::fromStringList(tags)},
        {u"body_html"_s, bodyHtml},
        {u"body_text"_s, bodyText},
        {u"subheadings"_s, QJsonArray::fromStringList(subheadings())},
        {u"quotes"_s, quoteArray},
        {u"images"_s, imageArray},
        {u"related"_s, relatedArray},
    };
}

Article Article::fromJson(const QJsonObject &object)
{
    Article article;
    article.id = object.value("id"_L1).toInteger();
    article.uuid = object.value("uuid"_L1).toString();
    article.status = statusFromString(object.value("status"_L1).toString()).value_or(ArticleStatus::Draft);
    article.section = object.value("section"_L1).toString();
    article.headline = object.value("headline"_L1).toString();
    article.standfirst = object.value("standfirst"_L1).toString();
    article.byline = object.value("byline"_L1).toString();
    article.dateline = object.value("dateline"_L1).toString();
    article.language = object.value("language"_L1).toString();
    article.sourceUrl = object.value("source_url"_L1).toString();
    article.sourceName = object.value("source_name"_L1).toString();
    article.editorNote = object.value("editor_note"_L1).toString();
    article.createdAt = fromStorageTime(object.value("created_at"_L1).toString());
    article.updatedAt = fromStorageTime(object.value("updated_at"_L1).toString());
    article.publishedAt = fromStorageTime(object.value("published_at"_L1).toString());
    article.readAt = fromStorageTime(object.value("read_at"_L1).toString());
    article.starred = object.value("starred"_L1).toBool();
    article.wordCount = object.value("word_count"_L1).toInt();
    article.bodyHtml = object.value("body_html"_L1).toString();
    article.bodyText = object.value("body_text"_L1).toString();
    const QJsonArray tagArray = object.value("tags"_L1).toArray();
    for (const QJsonValue &tag : tagArray)
        article.tags.append(tag.toString());
    const QJsonArray quoteArray = object.value("quotes"_L1).toArray();
    for (const QJsonValue &value : quoteArray) {
        const QJsonObject quote = value.toObject();
        article.quotes.append({quote.value("text"_L1).toString(), quote.value("speaker"_L1).toString(),
                               quote.value("role"_L1).toString(), quote.value("context"_L1).toString(),
                               quote.value("on_record"_L1).toBool(true)});
    }
    const QJsonArray imageArray = object.value("images"_L1).toArray();
    for (const QJsonValue &value : imageArray) {
        const QJsonObject json = value.toObject();
        ArticleImage image;
        image.role = imageRoleFromString(json.value("role"_L1).toString());
        image.caption = json.value("caption"_L1).toString();
        image.altText = json.value("alt"_L1).toString();
        image.credit = json.value("credit"_L1).toString();
        image.agency = json.value("agency"_L1).toString();
        image.creditLine = json.value("credit_line"_L1).toString();
        image.copyright = json.value("copyright"_L1).toString();
        image.licence = json.value("license"_L1).toString();
        image.sourceUrl = json.value("source_url"_L1).toString();
        image.mimeType = json.value("mime"_L1).toString();
        image.width = json.value("width"_L1).toInt();
        image.height = json.value("height"_L1).toInt();
        article.images.append(image);
    }
    const QJsonArray relatedArray = object.value("related"_L1).toArray();
    for (const QJsonValue &value : relatedArray) {
        const QJsonObject link = value.toObject();
        article.related.append({link.value("title"_L1).toString(), link.value("author"_L1).toString(),
                                link.value("url"_L1).toString()});
    }
    return article;
}

ShownDate shownDate(const QDateTime &publishedAt, const QDateTime &updatedAt)
{
    if (publishedAt.isValid())
        return {ShownDate::Meaning::Published, publishedAt};
    return {ShownDate::Meaning::Updated, updatedAt};
}

QString ShownDate::label() const
{
    return meaning == Meaning::Published ? u"Published"_s : u"Updated"_s;
}

QString creditLineFromPattern(const QString &pattern, const QString &credit, const QString &agency)
{
    const QString creditToken = u"{credit}"_s;
    const QString agencyToken = u"{agency}"_s;
    const QString person = credit.trimmed();
    const QString source = agency.trimmed();
    if (person.isEmpty() && source.isEmpty())
        return {};
    QString line = pattern;
    const qsizetype creditAt = line.indexOf(creditToken);
    const qsizetype agencyAt = line.indexOf(agencyToken);
    if (creditAt >= 0 && agencyAt >= 0 && (person.isEmpty() || source.isEmpty())) {
        // Drop the empty placeholder with the separator between the two.
        const bool creditFirst = creditAt < agencyAt;
        const qsizetype gapStart =
            creditFirst ? creditAt + creditToken.size() : agencyAt + agencyToken.size();
        const qsizetype gapEnd = creditFirst ? agencyAt : creditAt;
        const bool dropCredit = person.isEmpty();
        if (dropCredit == creditFirst) // the empty one comes first: drop it and the gap after it
            line.remove(creditFirst ? creditAt : agencyAt, gapEnd - (creditFirst ? creditAt : agencyAt));
        else // the empty one comes second: drop the gap and it
            line.remove(gapStart,
                        (creditFirst ? agencyAt + agencyToken.size() : creditAt + creditToken.size()) -
                            gapStart);
    }
    line.replace(creditToken, person);
    line.replace(agencyToken, source);
    return line.trimmed();
}

QString printedCreditLine(const ArticleImage &image, const QString &pattern)
{
    if (!image.creditLine.isEmpty())
        return image.creditLine;
    return creditLineFromPattern(pattern, image.credit, image.agency);
}

} // namespace Copydesk
