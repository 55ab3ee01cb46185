#include <html/htmlsanitizer.h>
#include <ninjs/ninjsformat.h>
#include <ninjs/ninjsitemreader.h>

#include <QJsonArray>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <optional>

using namespace Qt::StringLiterals;

namespace Copydesk::Ninjs {

namespace {

const QStringList pictureTypes = {u"picture"_s, u"image"_s};
const QStringList altRoles = {u"alt"_s, u"alttext"_s, u"alt-text"_s, u"alternative"_s};
const QStringList notCaptionRoles = {u"creditline"_s, u"writer"_s, u"keywords"_s};

struct Picture
{
    QString name;
    QStringList urls; // the association's uri and its renditions' hrefs, as the body may name them
    ArticleImage image;
};

// The association's kind; an untyped one whose renditions are all images is a picture.
QString associationType(const QJsonObject &item)
{
    const QString type = text(item, u"type"_s).toLower();
    if (!type.isEmpty())
        return type;
    const QList<Rendition> all = renditions(item);
    const bool images = !all.isEmpty() && std::all_of(all.begin(), all.end(), [](const Rendition &rendition) {
        return rendition.contentType.startsWith("image/"_L1);
    });
    return images ? u"picture"_s : itemType(item);
}

QString descriptionOfRole(const QList<TextEntry> &descriptions, const QStringList &roles)
{
    for (const TextEntry &entry : descriptions) {
        if (roles.contains(entry.role) && !entry.plainText().isEmpty())
            return entry.plainText();
    }
    return {};
}

// The caption: a description of role "caption", else another describing one, else the picture's headline.
QString captionOf(const QJsonObject &item, const QList<TextEntry> &descriptions)
{
    const TextEntry *best = nullptr;
    int bestRank = 0;
    for (const TextEntry &entry : descriptions) {
        if (entry.plainText().isEmpty() || notCaptionRoles.contains(entry.role) ||
            altRoles.contains(entry.role))
            continue;
        const int rank = entry.role.contains("caption"_L1) ? 3 : entry.isHtml() ? 1 : 2;
        if (rank > bestRank) {
            best = &entry;
            bestRank = rank;
        }
    }
    if (best)
        return best->plainText();
    const QList<TextEntry> headlines = textEntries(item, u"headline"_s);
    for (const TextEntry &headline : headlines) {
        if (!headline.plainText().isEmpty())
            return headline.plainText();
    }
    return {};
}

// The rendition to describe the picture by: one that carries the bytes, else the largest on the web.
const Rendition *bestRendition(const QList<Rendition> &all)
{
    const Rendition *best = nullptr;
    for (const Rendition &rendition : all) {
        if (rendition.href.startsWith("data:"_L1, Qt::CaseInsensitive))
            return &rendition;
        const auto area = [](const Rendition &r) {
            return qint64(r.width) * r.height;
        };
        if (isWebUrl(rendition.href) && (!best || area(rendition) > area(*best)))
            best = &rendition;
    }
    return best ? best : (all.isEmpty() ? nullptr : &all.first());
}

Picture readPicture(const QString &name, const QJsonObject &item, QStringList &warnings)
{
    Picture picture;
    picture.name = name;
    ArticleImage &image = picture.image;
    const QList<TextEntry> descriptions = textEntries(item, u"description"_s);
    image.caption = captionOf(item, descriptions);
    image.altText = descriptionOfRole(descriptions, altRoles);
    if (image.altText.isEmpty())
        image.altText = text(item, u"alttext"_s);
    image.creditLine = descriptionOfRole(descriptions, {u"creditline"_s});
    if (image.creditLine.isEmpty())
        image.creditLine = text(item, u"creditline"_s);
    for (const QString &key : {u"by"_s, u"byline"_s}) {
        if (image.credit.isEmpty())
            image.credit = text(item, key);
    }
    if (image.credit.isEmpty())
        image.credit = image.creditLine.isEmpty() ? text(item, u"copyrightholder"_s) : image.creditLine;
    image.copyright = text(item, u"copyrightnotice"_s);
    image.licence = text(item, u"usageterms"_s);
    if (image.licence.isEmpty())
        image.licence = text(item.value("rightsinfo"_L1).toObject(), u"linkedrights"_s);

    const QString uri = text(item, u"uri"_s);
    picture.urls.append(uri);
    const QList<Rendition> all = renditions(item);
    for (const Rendition &rendition : all)
        picture.urls.append(rendition.href);
    if (const Rendition *best = bestRendition(all)) {
        image.mimeType = best->contentType;
        image.width = best->width;
        image.height = best->height;
        if (const std::optional<DataUri> data = decodeDataUri(best->href)) {
            image.data = data->data;
            if (image.mimeType.isEmpty())
                image.mimeType = data->mimeType;
        } else if (best->href.startsWith("data:"_L1, Qt::CaseInsensitive)) {
            warnings.append(u"the picture \"%1\" carries data that cannot be decoded"_s.arg(name));
        }
        if (isWebUrl(best->href))
            image.sourceUrl = best->href;
    }
    if (image.sourceUrl.isEmpty() && isWebUrl(uri))
        image.sourceUrl = uri;
    return picture;
}

std::optional<ImageRole> namedRole(const QString &name)
{
    const auto named = [&name](const char *prefix) {
        const QLatin1StringView word(prefix);
        return name.compare(word, Qt::CaseInsensitive) == 0 ||
               name.startsWith(word + u'_', Qt::CaseInsensitive);
    };
    if (named(LeadName))
        return ImageRole::Lead;
    if (named(InlineName))
        return ImageRole::Inline;
    return std::nullopt;
}

// Points the body's images of the item's pictures at them (src "copydesk-image:N", through the sanitizer's
// tree, the association reference gone); returns the positions the body shows.
QSet<qsizetype> pointBodyImages(const QList<Picture> &pictures, QString &bodyHtml)
{
    QSet<qsizetype> shown;
    if (!bodyHtml.contains("<img"_L1, Qt::CaseInsensitive))
        return shown;
    const HtmlSanitizer::ImageResolver resolve =
        [&](const QHash<QString, QString> &attributes) -> std::optional<int> {
        const QString reference = attributes.value(QString::fromLatin1(AssociationAttribute));
        const QStringList urls = {attributes.value(u"src"_s), attributes.value(u"data-uri"_s)};
        for (qsizetype i = 0; i < pictures.size(); ++i) {
            const Picture &picture = pictures.at(i);
            const bool byName =
                !reference.isEmpty() && picture.name.compare(reference, Qt::CaseInsensitive) == 0;
            const bool byUrl = std::any_of(urls.begin(), urls.end(), [&picture](const QString &url) {
                return !url.isEmpty() && picture.urls.contains(url);
            });
            if (byName || (reference.isEmpty() && byUrl)) {
                shown.insert(i);
                return int(i);
            }
        }
        return std::nullopt;
    };
    bodyHtml = HtmlSanitizer::sanitize(bodyHtml, resolve);
    return shown;
}

} // namespace

QList<ArticleImage> readPictures(const QJsonObject &item, QString &bodyHtml, QStringList &warnings)
{
    QList<Picture> pictures;
    // A picture item that came with a text: the picture is the article's own.
    if (pictureTypes.contains(itemType(item)) && !renditions(item).isEmpty())
        pictures.append(readPicture(QString(), item, warnings));
    QMap<QString, int> leftOut;
    const QList<Association> all = associations(item);
    for (const Association &association : all) {
        const QString type = associationType(association.item);
        if (pictureTypes.contains(type))
            pictures.append(readPicture(association.name, association.item, warnings));
        else if (type != "text"_L1 && type != "composite"_L1)
            ++leftOut[type];
    }

    const QSet<qsizetype> shown = pointBodyImages(pictures, bodyHtml);
    const bool named = std::any_of(pictures.begin(), pictures.end(), [](const Picture &picture) {
        return namedRole(picture.name).has_value();
    });
    bool haveLead = false;
    QList<ArticleImage> images;
    int withoutData = 0;
    for (qsizetype i = 0; i < pictures.size(); ++i) {
        ArticleImage image = pictures.at(i).image;
        if (named)
            image.role = namedRole(pictures.at(i).name).value_or(ImageRole::Inline);
        else
            image.role = !haveLead && !shown.contains(i) ? ImageRole::Lead : ImageRole::Inline;
        haveLead = haveLead || image.role == ImageRole::Lead;
        if (!image.hasData())
            ++withoutData;
        images.append(image);
    }
    if (withoutData > 0) {
        warnings.append(withoutData == 1
                            ? u"1 picture is linked, not included: its caption and credit were "
                              "imported without the image"_s
                            : u"%1 pictures are linked, not included: their captions and credits were "
                              "imported without the images"_s.arg(withoutData));
    }
    for (auto it = leftOut.begin(); it != leftOut.end(); ++it) {
        warnings.append(u"left out %1 associated %2 %3: Copydesk keeps pictures only"_s.arg(it.value())
                            .arg(it.key(), it.value() == 1 ? u"item"_s : u"items"_s));
    }
    return images;
}

QList<RelatedLink> readRelated(const QJsonObject &item)
{
    QList<RelatedLink> related;
    const QList<Association> all = associations(item);
    for (const Association &association : all) {
        const QString type = associationType(association.item);
        if (type != "text"_L1 && type != "composite"_L1)
            continue;
        RelatedLink link;
        const QList<TextEntry> headlines = textEntries(association.item, u"headline"_s);
        for (const TextEntry &headline : headlines) {
            if (link.title.isEmpty())
                link.title = headline.plainText();
        }
        if (link.title.isEmpty())
            link.title = text(association.item, u"title"_s);
        link.author = text(association.item, u"by"_s);
        if (link.author.isEmpty())
            link.author = text(association.item, u"byline"_s);
        if (isWebUrl(text(association.item, u"uri"_s)))
            link.url = text(association.item, u"uri"_s);
        if (!link.title.isEmpty() || !link.url.isEmpty())
            related.append(link);
    }
    return related;
}

} // namespace Copydesk::Ninjs
