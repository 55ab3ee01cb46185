#include <import/webpage/pagejsonld.h>

#include <html/pagehtml.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

constexpr int MaxJsonDepth = 12;

const QStringList &articleTypes()
{
    static const QStringList types = {u"Article"_s,
                                      u"NewsArticle"_s,
                                      u"ReportageNewsArticle"_s,
                                      u"AnalysisNewsArticle"_s,
                                      u"OpinionNewsArticle"_s,
                                      u"ReviewNewsArticle"_s,
                                      u"BackgroundNewsArticle"_s,
                                      u"AskPublicNewsArticle"_s,
                                      u"BlogPosting"_s,
                                      u"LiveBlogPosting"_s,
                                      u"SocialMediaPosting"_s,
                                      u"DiscussionForumPosting"_s,
                                      u"Report"_s,
                                      u"ScholarlyArticle"_s,
                                      u"MedicalScholarlyArticle"_s,
                                      u"TechArticle"_s,
                                      u"SatiricalArticle"_s,
                                      u"AdvertiserContentArticle"_s,
                                      u"APIReference"_s};
    return types;
}

// "NewsArticle", "schema:NewsArticle" and "http://schema.org/NewsArticle" are the same type.
QStringList typesOf(const QJsonObject &object)
{
    QStringList types;
    const QJsonValue value = object.value("@type"_L1);
    const QJsonArray list = value.isArray() ? value.toArray() : QJsonArray{value};
    for (const QJsonValue &entry : list) {
        QString type = entry.toString();
        type = type.mid(qMax(type.lastIndexOf(u'/'), type.lastIndexOf(u':')) + 1);
        if (!type.isEmpty())
            types.append(type);
    }
    return types;
}

bool hasType(const QJsonObject &object, const QStringList &wanted)
{
    const QStringList types = typesOf(object);
    for (const QString &type : types) {
        if (wanted.contains(type, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool isSchemaOrgContext(const QJsonValue &context)
{
    if (context.isUndefined() || context.isNull())
        return true; // nested objects and careless pages leave it out
    if (context.isString())
        return context.toString().contains("schema.org"_L1, Qt::CaseInsensitive);
    if (context.isObject())
        return context.toObject()
            .value("@vocab"_L1)
            .toString()
            .contains("schema.org"_L1, Qt::CaseInsensitive);
    if (context.isArray()) {
        const QJsonArray list = context.toArray();
        for (const QJsonValue &entry : list) {
            if (isSchemaOrgContext(entry))
                return true;
        }
    }
    return false;
}

QString cleanText(const QString &text)
{
    return PageHtml::foldWhitespace(unescapeHtmlEntities(text));
}

// JSON-LD in the wild: wrapped in HTML comments or CDATA, with raw line breaks inside strings.
QJsonDocument parseScript(QString text)
{
    text = text.trimmed();
    for (const auto &prefix : {"<!--"_L1, "//<![CDATA["_L1, "<![CDATA["_L1})
        if (text.startsWith(prefix))
            text = text.mid(prefix.size());
    for (const auto &suffix : {"-->"_L1, "//]]>"_L1, "]]>"_L1})
        if (text.endsWith(suffix))
            text.chop(suffix.size());
    text = text.trimmed();
    while (text.endsWith(u';'))
        text.chop(1);
    for (QChar &c : text) {
        if (c.unicode() < 0x20)
            c = u' ';
    }
    QJsonParseError error;
    return QJsonDocument::fromJson(text.toUtf8(), &error);
}

class Reader
{
public:
    void addScript(const QString &text)
    {
        const QJsonDocument document = parseScript(text);
        if (document.isObject())
            collect(document.object(), 0, isSchemaOrgContext(document.object().value("@context"_L1)));
        else if (document.isArray())
            collect(document.array(), 0, true);
    }

    JsonLdArticle article() const
    {
        JsonLdArticle result;
        if (m_articles.isEmpty())
            return result;
        const QJsonObject object = m_articles.first();
        result.found = true;
        result.headline = firstText(object.value("headline"_L1));
        result.name = firstText(object.value("name"_L1));
        result.description = firstText(object.value("description"_L1));
        collectAuthors(object.value("author"_L1), result, 0);
        if (result.persons.isEmpty() && result.organisations.isEmpty())
            collectAuthors(object.value("creator"_L1), result, 0);
        result.datePublished = firstText(object.value("datePublished"_L1));
        if (result.datePublished.isEmpty())
            result.datePublished = firstText(object.value("dateCreated"_L1));
        result.section = firstText(object.value("articleSection"_L1));
        result.language = languageOf(resolve(object.value("inLanguage"_L1)));
        result.publisher = nameOf(resolve(object.value("publisher"_L1)));
        result.dateline = firstText(object.value("dateline"_L1));
        collectImages(object.value("image"_L1), result.images, 0);
        return result;
    }

private:
    void collect(const QJsonValue &value, int depth, bool schemaOrg)
    {
        if (depth > MaxJsonDepth)
            return;
        if (value.isArray()) {
            const QJsonArray list = value.toArray();
            for (const QJsonValue &entry : list)
                collect(entry, depth + 1, schemaOrg);
            return;
        }
        if (!value.isObject())
            return;
        const QJsonObject object = value.toObject();
        if (object.contains("@context"_L1))
            schemaOrg = isSchemaOrgContext(object.value("@context"_L1));
        if (!schemaOrg)
            return;
        const QString id = object.value("@id"_L1).toString();
        if (!id.isEmpty() && object.size() > 1 && !m_byId.contains(id))
            m_byId.insert(id, object);
        if (hasType(object, articleTypes()))
            m_articles.append(object);
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.value().isObject() || it.value().isArray())
                collect(it.value(), depth + 1, schemaOrg);
        }
    }

    // {"@id": "..."} alone stands for the object with that id elsewhere in the page.
    QJsonValue resolve(const QJsonValue &value) const
    {
        if (!value.isObject())
            return value;
        const QJsonObject object = value.toObject();
        if (object.size() == 1 && object.contains("@id"_L1))
            return m_byId.value(object.value("@id"_L1).toString(), object);
        return value;
    }

    QString firstText(const QJsonValue &value) const
    {
        if (value.isString())
            return cleanText(value.toString());
        if (value.isArray()) {
            const QJsonArray list = value.toArray();
            for (const QJsonValue &entry : list) {
                if (const QString text = firstText(entry); !text.isEmpty())
                    return text;
            }
        }
        if (value.isObject())
            return cleanText(value.toObject().value("@value"_L1).toString());
        return {};
    }

    QString nameOf(const QJsonValue &value) const
    {
        if (value.isString())
            return cleanText(value.toString());
        if (value.isArray())
            return value.toArray().isEmpty() ? QString() : nameOf(resolve(value.toArray().first()));
        return firstText(value.toObject().value("name"_L1));
    }

    QString languageOf(const QJsonValue &value) const
    {
        if (value.isObject()) {
            const QString code = firstText(value.toObject().value("alternateName"_L1));
            return code.isEmpty() ? firstText(value.toObject().value("name"_L1)) : code;
        }
        return firstText(value);
    }

    void collectAuthors(const QJsonValue &value, JsonLdArticle &result, int depth) const
    {
        if (depth > 3)
            return;
        const QJsonValue resolved = resolve(value);
        if (resolved.isArray()) {
            const QJsonArray list = resolved.toArray();
            for (const QJsonValue &entry : list)
                collectAuthors(entry, result, depth + 1);
            return;
        }
        const QString name = nameOf(resolved);
        if (name.isEmpty())
            return;
        const bool organisation = resolved.isObject() &&
                                  hasType(resolved.toObject(), {u"Organization"_s, u"NewsMediaOrganization"_s,
                                                                u"Corporation"_s, u"NGO"_s});
        QStringList &names = organisation ? result.organisations : result.persons;
        if (!names.contains(name))
            names.append(name);
    }

    void collectImages(const QJsonValue &value, QList<MetadataImage> &images, int depth) const
    {
        if (depth > 3)
            return;
        const QJsonValue resolved = resolve(value);
        if (resolved.isArray()) {
            const QJsonArray list = resolved.toArray();
            for (const QJsonValue &entry : list)
                collectImages(entry, images, depth + 1);
            return;
        }
        MetadataImage image;
        if (resolved.isString()) {
            image.url = resolved.toString().trimmed();
        } else if (resolved.isObject()) {
            const QJsonObject object = resolved.toObject();
            image.url = firstText(object.value("url"_L1));
            if (image.url.isEmpty())
                image.url = firstText(object.value("contentUrl"_L1));
            image.caption = firstText(object.value("caption"_L1));
            if (image.caption.isEmpty())
                image.caption = firstText(object.value("description"_L1));
            image.credit = firstText(object.value("creditText"_L1));
            if (image.credit.isEmpty())
                image.credit = nameOf(resolve(object.value("author"_L1)));
            if (image.credit.isEmpty())
                image.credit = nameOf(resolve(object.value("creator"_L1)));
            image.copyright = firstText(object.value("copyrightNotice"_L1));
            if (image.copyright.isEmpty())
                image.copyright = nameOf(resolve(object.value("copyrightHolder"_L1)));
            image.licence = firstText(object.value("license"_L1));
        }
        if (!image.url.isEmpty())
            images.append(image);
    }

    QList<QJsonObject> m_articles;
    QHash<QString, QJsonObject> m_byId;
};

void findScripts(const GumboNode *node, Reader &reader, int depth)
{
    if (node->type != GUMBO_NODE_ELEMENT || depth > 256)
        return;
    if (node->v.element.tag == GUMBO_TAG_SCRIPT) {
        const QString type = PageHtml::attribute(node, "type").trimmed();
        if (type.startsWith("application/ld+json"_L1, Qt::CaseInsensitive) &&
            node->v.element.children.length > 0) {
            const auto *text = static_cast<const GumboNode *>(node->v.element.children.data[0]);
            if (text->type == GUMBO_NODE_TEXT || text->type == GUMBO_NODE_WHITESPACE)
                reader.addScript(QString::fromUtf8(text->v.text.text));
        }
        return;
    }
    const GumboVector &children = node->v.element.children;
    for (unsigned int i = 0; i < children.length; ++i)
        findScripts(static_cast<const GumboNode *>(children.data[i]), reader, depth + 1);
}

} // namespace

JsonLdArticle readJsonLd(const GumboNode *root)
{
    Reader reader;
    if (root)
        findScripts(root, reader, 0);
    return reader.article();
}

} // namespace Copydesk
