#include <ninjs/ninjsexporter.h>

#include <html/htmlsanitizer.h>
#include <library/atomicfile.h>
#include <ninjs/ninjsformat.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

void insertText(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

void insertTime(QJsonObject &object, const QString &key, const QDateTime &time)
{
    if (time.isValid())
        object.insert(key, Ninjs::timeText(time));
}

QJsonObject textEntry(const QString &role, const QString &contentType, const QString &value)
{
    return QJsonObject{{u"role"_s, role}, {u"contenttype"_s, contentType}, {u"value"_s, value}};
}

// The association names, by image position: "lead" for the (first) lead image, "inline_<n>" for the rest.
QStringList imageNames(const QList<ArticleImage> &images)
{
    QStringList names;
    bool leadNamed = false;
    for (qsizetype i = 0; i < images.size(); ++i) {
        const bool lead = images.at(i).role == ImageRole::Lead;
        const QLatin1StringView word(lead ? Ninjs::LeadName : Ninjs::InlineName);
        names.append(lead && !leadNamed ? QString(word) : u"%1_%2"_s.arg(word).arg(i + 1));
        leadNamed = leadNamed || lead;
    }
    return names;
}

// Each <img src="copydesk-image:N"> names its association, so that a reader of the item can place it.
QString bodyWithAssociations(const QString &html, const QStringList &names)
{
    return HtmlSanitizer::withImages(html, [&](int position) -> std::optional<HtmlSanitizer::ImageOutput> {
        HtmlSanitizer::ImageOutput output{
            u"%1:%2"_s.arg(QLatin1StringView(HtmlSanitizer::ImageScheme)).arg(position), {}};
        if (position >= 0 && position < names.size())
            output.extraAttributes.append(
                {QString::fromLatin1(Ninjs::AssociationAttribute), names.at(position)});
        return output;
    });
}

QJsonObject imageAssociation(const ArticleImage &image, const QString &name, const QString &fallbackUri)
{
    QJsonObject association{{u"name"_s, name},
                            {u"uri"_s, Ninjs::isWebUrl(image.sourceUrl) ? image.sourceUrl : fallbackUri},
                            {u"type"_s, u"picture"_s}};
    QJsonArray descriptions;
    if (!image.caption.isEmpty())
        descriptions.append(textEntry(u"caption"_s, u"text/plain"_s, image.caption));
    if (!image.altText.isEmpty())
        descriptions.append(textEntry(u"alt"_s, u"text/plain"_s, image.altText));
    if (!image.creditLine.isEmpty())
        descriptions.append(textEntry(u"creditline"_s, u"text/plain"_s, image.creditLine));
    if (!descriptions.isEmpty())
        association.insert(u"descriptions"_s, descriptions);
    insertText(association, u"by"_s, image.credit);
    insertText(association, u"copyrightnotice"_s, image.copyright);
    insertText(association, u"usageterms"_s, image.licence);

    QJsonObject rendition{{u"name"_s, u"original"_s}};
    if (image.hasData()) {
        rendition.insert(u"href"_s, Ninjs::encodeDataUri(image.data, image.mimeType));
        rendition.insert(u"sizeinbytes"_s, image.data.size());
    } else if (Ninjs::isWebUrl(image.sourceUrl)) {
        rendition.insert(u"href"_s, image.sourceUrl);
    }
    insertText(rendition, u"contenttype"_s, image.mimeType);
    if (image.width > 0)
        rendition.insert(u"width"_s, image.width);
    if (image.height > 0)
        rendition.insert(u"height"_s, image.height);
    if (rendition.size() > 1) // more than a name: something to say about the picture itself
        association.insert(u"renditions"_s, QJsonArray{rendition});
    return association;
}

QJsonObject relatedAssociation(const RelatedLink &link, const QString &name, const QString &fallbackUri)
{
    QJsonObject association{{u"name"_s, name},
                            {u"uri"_s, Ninjs::isWebUrl(link.url) ? link.url : fallbackUri},
                            {u"type"_s, u"text"_s}};
    if (!link.title.isEmpty())
        association.insert(u"headlines"_s, QJsonArray{textEntry(u"main"_s, u"text/plain"_s, link.title)});
    insertText(association, u"by"_s, link.author);
    return association;
}

} // namespace

QString NinjsExporter::pubStatus(ArticleStatus status)
{
    switch (status) {
    case ArticleStatus::Published:
    case ArticleStatus::Saved:
        return u"usable"_s;
    case ArticleStatus::Spiked:
        return u"canceled"_s;
    case ArticleStatus::Draft:
    case ArticleStatus::InEdit:
    case ArticleStatus::Ready:
        break;
    }
    return u"withheld"_s; // not for publication yet
}

QJsonObject NinjsExporter::toNinjs(const Article &article)
{
    // An article not yet stored has no uuid; a fresh one still gives the item an identity.
    const QString uuid =
        article.uuid.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : article.uuid;
    const QString uri = u"urn:copydesk:"_s + QString::fromLatin1(QUrl::toPercentEncoding(uuid));
    QJsonObject item{{u"uri"_s, uri},
                     {u"standard"_s, QJsonObject{{u"name"_s, u"ninjs"_s},
                                                 {u"version"_s, QLatin1StringView(Version)},
                                                 {u"schema"_s, QLatin1StringView(SchemaUri)}}},
                     {u"type"_s, u"text"_s},
                     {u"representationtype"_s, u"full"_s},
                     {u"pubstatus"_s, pubStatus(article.status)}};
    insertText(item, u"language"_s, article.language);
    insertTime(item, u"contentcreated"_s, article.createdAt);
    insertTime(item, u"firstcreated"_s, article.publishedAt);
    insertTime(item, u"versioncreated"_s, article.updatedAt);
    if (!article.headline.isEmpty())
        item.insert(u"headlines"_s, QJsonArray{textEntry(u"main"_s, u"text/plain"_s, article.headline)});
    if (!article.standfirst.isEmpty())
        item.insert(u"descriptions"_s,
                    QJsonArray{textEntry(u"summary"_s, u"text/plain"_s, article.standfirst)});

    const QStringList names = imageNames(article.images);
    if (!article.bodyHtml.isEmpty()) {
        QJsonObject body =
            textEntry(u"main"_s, u"text/html"_s, bodyWithAssociations(article.bodyHtml, names));
        if (article.wordCount > 0)
            body.insert(u"wordcount"_s, article.wordCount);
        item.insert(u"bodies"_s, QJsonArray{body});
    }
    insertText(item, u"by"_s, article.byline);
    insertText(item, u"located"_s, article.dateline);

    QJsonArray subjects;
    if (!article.section.isEmpty())
        subjects.append(
            QJsonObject{{u"name"_s, article.section}, {u"rel"_s, QLatin1StringView(Ninjs::SectionRel)}});
    for (const QString &tag : article.tags) {
        if (!tag.isEmpty())
            subjects.append(QJsonObject{{u"name"_s, tag}});
    }
    if (!subjects.isEmpty())
        item.insert(u"subjects"_s, subjects);
    if (!article.sourceName.isEmpty())
        item.insert(u"infosources"_s,
                    QJsonArray{QJsonObject{{u"name"_s, article.sourceName}, {u"role"_s, u"source"_s}}});
    if (Ninjs::isWebUrl(article.sourceUrl)) {
        item.insert(u"objects"_s, QJsonArray{QJsonObject{{u"uri"_s, article.sourceUrl},
                                                         {u"rel"_s, QLatin1StringView(Ninjs::SourceRel)}}});
    }

    QJsonArray associations;
    for (qsizetype i = 0; i < article.images.size(); ++i)
        associations.append(
            imageAssociation(article.images.at(i), names.at(i), u"%1:image:%2"_s.arg(uri).arg(i + 1)));
    for (qsizetype i = 0; i < article.related.size(); ++i) {
        const QString name = u"%1_%2"_s.arg(QLatin1StringView(Ninjs::RelatedName)).arg(i + 1);
        associations.append(
            relatedAssociation(article.related.at(i), name, u"%1:related:%2"_s.arg(uri).arg(i + 1)));
    }
    if (!associations.isEmpty())
        item.insert(u"associations"_s, associations);
    return item;
}

QString NinjsExporter::name() const
{
    return u"ninjs"_s;
}

QString NinjsExporter::displayName() const
{
    return u"ninjs news item"_s;
}

QString NinjsExporter::fileSuffix() const
{
    return u"json"_s;
}

bool NinjsExporter::write(const Article &article, const QString &path, QString *error) const
{
    return writeFileAtomically(path, QJsonDocument(toNinjs(article)).toJson(QJsonDocument::Indented), error);
}

} // namespace Copydesk
