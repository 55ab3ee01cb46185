#include <import/webpage/pagemetadata.h>

#include <html/pagehtml.h>
#include <import/webpage/pagejsonld.h>

#include <QHash>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

// The <meta> tags of a page by key. Keys are lower case; "DC.title" and "dc:title" are one key. A
// property= value is preferred to a name= value of the same key (the property form is the standard one
// for OpenGraph and Dublin Core), and the first of each kind wins.
class MetaTags
{
public:
    void add(const GumboNode *meta)
    {
        const QString content = PageHtml::attribute(meta, "content");
        if (content.trimmed().isEmpty())
            return;
        const QStringList properties =
            PageHtml::attribute(meta, "property").split(u' ', Qt::SkipEmptyParts); // "og:title twitter:title"
        for (const QString &property : properties)
            insert(m_byProperty, property, content);
        insert(m_byName, PageHtml::attribute(meta, "name"), content);
        insert(m_byName, PageHtml::attribute(meta, "itemprop"), content);
        insert(m_byName, PageHtml::attribute(meta, "http-equiv"), content);
    }

    QString value(const QString &key) const
    {
        const QString text = m_byProperty.value(key, m_byName.value(key));
        return PageHtml::foldWhitespace(unescapeHtmlEntities(text));
    }

    QString first(std::initializer_list<const char *> keys) const
    {
        for (const char *key : keys) {
            if (const QString text = value(QString::fromLatin1(key)); !text.isEmpty())
                return text;
        }
        return {};
    }

private:
    static void insert(QHash<QString, QString> &map, const QString &rawKey, const QString &content)
    {
        QString key = rawKey.trimmed().toLower();
        if (key.isEmpty())
            return;
        for (const auto &prefix : {"dc."_L1, "dcterm."_L1, "dcterms."_L1, "og."_L1, "twitter."_L1})
            if (key.startsWith(prefix))
                key[prefix.size() - 1] = u':';
        if (key.startsWith("dcterms:"_L1))
            key.remove(6, 1); // "dcterms:" and "dcterm:" are one prefix
        if (!map.contains(key))
            map.insert(key, content);
    }

    QHash<QString, QString> m_byProperty;
    QHash<QString, QString> m_byName;
};

struct Collected
{
    QString title;
    QString htmlLang;
    QString canonical;
    QString savedFrom;
    QStringList headings; // h1 and h2 texts
    int h1Count = 0;
    QString firstH1;
    MetaTags meta;
};

// "<!-- saved from url=(0043)https://www.example.com/news/a-story.html -->": the number is the URL's length.
QString savedFromUrl(const QString &comment)
{
    const QString text = comment.trimmed();
    const QLatin1StringView marker("saved from url=(");
    if (!text.startsWith(marker, Qt::CaseInsensitive))
        return {};
    const qsizetype close = text.indexOf(u')', marker.size());
    if (close < 0)
        return {};
    bool ok = false;
    const int length = text.mid(marker.size(), close - marker.size()).toInt(&ok);
    QString rest = text.mid(close + 1);
    if (ok && length > 0 && length <= rest.size())
        return rest.left(length);
    return rest.section(u' ', 0, 0);
}

void collect(const GumboNode *node, Collected &found, int depth)
{
    if (depth > 256)
        return;
    if (node->type == GUMBO_NODE_COMMENT) {
        if (found.savedFrom.isEmpty())
            found.savedFrom = savedFromUrl(QString::fromUtf8(node->v.text.text));
        return;
    }
    if (node->type == GUMBO_NODE_DOCUMENT) {
        const GumboVector &children = node->v.document.children;
        for (unsigned int i = 0; i < children.length; ++i)
            collect(static_cast<const GumboNode *>(children.data[i]), found, depth + 1);
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT)
        return;
    const GumboElement &element = node->v.element;
    if (element.tag_namespace != GUMBO_NAMESPACE_HTML)
        return; // an SVG <title> is not the page's
    switch (element.tag) {
    case GUMBO_TAG_TITLE:
        if (found.title.isEmpty())
            found.title = PageHtml::textOf(node);
        return;
    case GUMBO_TAG_META:
        found.meta.add(node);
        return;
    case GUMBO_TAG_LINK:
        if (found.canonical.isEmpty() && PageHtml::attribute(node, "rel")
                                             .split(u' ', Qt::SkipEmptyParts)
                                             .contains("canonical"_L1, Qt::CaseInsensitive))
            found.canonical = PageHtml::attribute(node, "href").trimmed();
        return;
    case GUMBO_TAG_H1:
        ++found.h1Count;
        if (found.firstH1.isEmpty())
            found.firstH1 = PageHtml::textOf(node);
        found.headings.append(PageHtml::textOf(node));
        return;
    case GUMBO_TAG_H2:
        found.headings.append(PageHtml::textOf(node));
        return;
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
        return;
    default:
        break;
    }
    for (unsigned int i = 0; i < element.children.length; ++i)
        collect(static_cast<const GumboNode *>(element.children.data[i]), found, depth + 1);
}

int wordCount(const QString &text)
{
    return int(text.split(u' ', Qt::SkipEmptyParts).size());
}

bool isSeparator(QChar c)
{
    return c == u'|' || c == u'-' || c == u'\u2013' || c == u'\u2014' || c == u'\\' || c == u'/' ||
           c == u'>' || c == u'\u00bb';
}

// Where " | ", " - ", " – ", " » " and the like stand in a title (the position of the separator sign).
QList<qsizetype> separatorPositions(const QString &title)
{
    QList<qsizetype> positions;
    for (qsizetype i = 1; i + 1 < title.size(); ++i) {
        if (isSeparator(title.at(i)) && title.at(i - 1) == u' ' && title.at(i + 1) == u' ')
            positions.append(i);
    }
    return positions;
}

// A <title> usually carries the site's name ("Story - The Paper"); this cuts it off, as reader views do,
// but keeps titles that would become too short to be a headline.
QString headlineFromTitle(const Collected &found)
{
    const QString original = PageHtml::foldWhitespace(found.title);
    QString title = original;
    const QList<qsizetype> separators = separatorPositions(original);
    // "Section / Story" or "Site » Story" says the parts form a path; " - " and " | " do not.
    bool hierarchical = false;
    for (const qsizetype at : separators)
        hierarchical = hierarchical || QStringView(u"\\/>\u00bb").contains(original.at(at));
    if (!separators.isEmpty()) {
        title = original.left(separators.last() - 1);
        if (wordCount(title) < 3)
            title = original.mid(separators.first() + 2);
    } else if (original.contains(": "_L1)) {
        if (!found.headings.contains(original)) {
            title = original.mid(original.lastIndexOf(u':') + 1);
            if (wordCount(title) < 3)
                title = original.mid(original.indexOf(u':') + 1);
            else if (wordCount(original.left(original.indexOf(u':'))) > 5)
                title = original;
        }
    } else if ((original.size() > 150 || original.size() < 15) && found.h1Count == 1) {
        title = found.firstH1;
    }
    title = PageHtml::foldWhitespace(title);
    if (wordCount(title) <= 4) {
        QString bare = original;
        bare.removeIf([](QChar c) { return isSeparator(c); });
        if (!hierarchical || wordCount(title) != wordCount(bare) - 1)
            title = original;
    }
    return title;
}

QUrl webUrl(const QString &text, const QUrl &base = {})
{
    QUrl url(text.trimmed());
    if (url.isRelative() && base.isValid())
        url = base.resolved(url);
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == "http"_L1 || scheme == "https"_L1) && !url.host().isEmpty() ? url
                                                                                                   : QUrl();
}

QString joinNames(const QStringList &names)
{
    if (names.size() <= 1)
        return names.value(0);
    return names.mid(0, names.size() - 1).join(", "_L1) + " and "_L1 + names.last();
}

QString withoutBy(const QString &byline)
{
    if (byline.startsWith("by "_L1, Qt::CaseInsensitive))
        return byline.mid(3).trimmed();
    return byline;
}

} // namespace

PageMetadata PageMetadata::fromHtml(const QString &html)
{
    PageMetadata metadata;
    const PageHtml::Document document(html);
    if (!document)
        return metadata;
    metadata.hasMarkup = PageHtml::hasMarkup(document.get());
    Collected found;
    collect(document->document, found, 0);
    found.htmlLang = PageHtml::attribute(document->root, "lang").trimmed();
    const JsonLdArticle jsonLd = readJsonLd(document->root);
    const MetaTags &meta = found.meta;

    metadata.documentTitle = found.title;
    // Some pages put a tagline in "headline" and the title in "name" (Wikipedia): the name wins when only
    // it is found in the <title>. Others put the site's name in "name", so the headline wins otherwise.
    metadata.jsonLdHeadline = jsonLd.headline.isEmpty() ? jsonLd.name : jsonLd.headline;
    const bool nameIsTheSite = jsonLd.name.compare(jsonLd.publisher, Qt::CaseInsensitive) == 0 ||
                               jsonLd.name.compare(meta.value(u"og:site_name"_s), Qt::CaseInsensitive) == 0;
    if (!jsonLd.name.isEmpty() && !nameIsTheSite && found.title.contains(jsonLd.name, Qt::CaseInsensitive) &&
        !found.title.contains(jsonLd.headline, Qt::CaseInsensitive))
        metadata.jsonLdHeadline = jsonLd.name;
    metadata.ogTitle = meta.value(u"og:title"_s);
    metadata.headline = metadata.jsonLdHeadline;
    if (metadata.headline.isEmpty())
        metadata.headline = meta.first({"dc:title", "dcterm:title", "og:title", "title", "twitter:title",
                                        "parsely-title", "sailthru.title"});
    if (metadata.headline.isEmpty())
        metadata.headline = headlineFromTitle(found);

    metadata.description = jsonLd.description;
    if (metadata.description.isEmpty())
        metadata.description = meta.first({"dc:description", "dcterm:description", "og:description",
                                           "description", "twitter:description", "sailthru.description"});

    metadata.authors = jsonLd.persons.isEmpty() ? jsonLd.organisations : jsonLd.persons;
    metadata.byline = joinNames(metadata.authors);
    if (metadata.byline.isEmpty()) {
        metadata.byline =
            meta.first({"dc:creator", "dcterm:creator", "author", "parsely-author", "sailthru.author"});
        if (metadata.byline.isEmpty())
            metadata.byline = withoutBy(meta.value(u"byl"_s));
        const QString articleAuthor = meta.value(u"article:author"_s);
        if (metadata.byline.isEmpty() && !articleAuthor.contains(u'/')) // often a profile link
            metadata.byline = articleAuthor;
        if (!metadata.byline.isEmpty())
            metadata.authors = {metadata.byline};
    }

    metadata.section = jsonLd.section;
    if (metadata.section.isEmpty())
        metadata.section = meta.first({"article:section", "parsely-section", "section", "sailthru.section"});

    metadata.language = found.htmlLang;
    if (metadata.language.isEmpty())
        metadata.language = jsonLd.language;
    if (metadata.language.isEmpty())
        metadata.language = meta.first({"content-language", "language", "dc:language", "og:locale"});
    metadata.language.replace(u'_', u'-'); // og:locale writes "en_GB"

    metadata.publisher = jsonLd.publisher;
    metadata.siteName = meta.value(u"og:site_name"_s);
    if (metadata.siteName.isEmpty())
        metadata.siteName = jsonLd.publisher;
    if (metadata.siteName.isEmpty())
        metadata.siteName = meta.value(u"application-name"_s);
    metadata.dateline = jsonLd.dateline;

    metadata.publishedTime = jsonLd.datePublished;
    if (metadata.publishedTime.isEmpty())
        metadata.publishedTime = meta.first({"article:published_time", "parsely-pub-date", "sailthru.date",
                                             "dc:date", "dcterm:issued", "dcterm:created", "date", "pubdate",
                                             "publishdate", "datepublished", "og:published_time"});
    metadata.publishedAt = parsePageDateTime(metadata.publishedTime);

    metadata.savedFromUrl = webUrl(found.savedFrom);
    metadata.canonicalUrl = webUrl(found.canonical, metadata.savedFromUrl);
    if (metadata.canonicalUrl.isEmpty())
        metadata.canonicalUrl = webUrl(meta.value(u"og:url"_s), metadata.savedFromUrl);

    metadata.images = jsonLd.images;
    QString ogImage = meta.first({"og:image", "og:image:url", "og:image:secure_url"});
    if (ogImage.isEmpty())
        ogImage = meta.first({"twitter:image", "twitter:image:src"});
    if (!ogImage.isEmpty()) {
        MetadataImage image;
        image.url = ogImage;
        image.altText = meta.first({"og:image:alt", "twitter:image:alt"});
        metadata.images.append(image);
    }
    return metadata;
}

QDateTime parsePageDateTime(const QString &input)
{
    QString text = input.trimmed();
    if (text.isEmpty())
        return {};
    if (text.size() >= 10 && text.at(4) == u'-' && text.at(7) == u'-') {
        if (text.size() == 10) {
            const QDate date = QDate::fromString(text, Qt::ISODate);
            return date.isValid() ? QDateTime(date, QTime(0, 0), Qt::UTC) : QDateTime();
        }
        if (text.at(10) == u' ')
            text[10] = u'T';
        // Qt reads milliseconds only: "04:20:00.123456Z" loses the digits beyond them.
        const qsizetype dot = text.indexOf(u'.', 19);
        if (dot == 19) {
            qsizetype end = dot + 1;
            while (end < text.size() && text.at(end).isDigit())
                ++end;
            if (end - dot > 4)
                text.remove(dot + 4, end - dot - 4);
        }
        // "+0200" is read like "+02:00".
        const qsizetype sign = qMax(text.lastIndexOf(u'+'), text.lastIndexOf(u'-'));
        if (sign > 10 && text.size() - sign == 5 && !text.mid(sign + 1).contains(u':'))
            text.insert(sign + 3, u':');
        QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (time.isValid() && time.timeSpec() == Qt::LocalTime) // no offset given: take it as UTC
            time = QDateTime(time.date(), time.time(), Qt::UTC);
        return time.isValid() ? time.toUTC() : QDateTime();
    }
    // RFC 2822 also allows zone names, which Qt does not read.
    static const QList<std::pair<QLatin1StringView, QLatin1StringView>> zones = {
        {" GMT"_L1, " +0000"_L1}, {" UTC"_L1, " +0000"_L1}, {" UT"_L1, " +0000"_L1},
        {" Z"_L1, " +0000"_L1},   {" EST"_L1, " -0500"_L1}, {" EDT"_L1, " -0400"_L1},
        {" CST"_L1, " -0600"_L1}, {" CDT"_L1, " -0500"_L1}, {" MST"_L1, " -0700"_L1},
        {" MDT"_L1, " -0600"_L1}, {" PST"_L1, " -0800"_L1}, {" PDT"_L1, " -0700"_L1}};
    for (const auto &[name, offset] : zones) {
        if (text.endsWith(name, Qt::CaseInsensitive)) {
            text = text.chopped(name.size()) + offset;
            break;
        }
    }
    const QDateTime time = QDateTime::fromString(text, Qt::RFC2822Date);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString unescapeHtmlEntities(const QString &text)
{
    if (!text.contains(u'&'))
        return text;
    static const QHash<QString, QString> named = {{u"amp"_s, u"&"_s},  {u"lt"_s, u"<"_s},
                                                  {u"gt"_s, u">"_s},   {u"quot"_s, u"\""_s},
                                                  {u"apos"_s, u"'"_s}, {u"nbsp"_s, u"\u00a0"_s}};
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const qsizetype semicolon = text.at(i) == u'&' ? text.indexOf(u';', i) : -1;
        if (semicolon < 0 || semicolon - i > 12) {
            out += text.at(i);
            continue;
        }
        const QString name = text.mid(i + 1, semicolon - i - 1);
        if (named.contains(name)) {
            out += named.value(name);
            i = semicolon;
        } else if (name.startsWith(u'#') && name.size() > 1) {
            const bool hex = name.at(1) == u'x' || name.at(1) == u'X';
            bool ok = false;
            const qulonglong code = name.mid(hex ? 2 : 1).toULongLong(&ok, hex ? 16 : 10);
            if (!ok) {
                out += text.at(i); // "&#xg;" is not an entity
                continue;
            }
            const bool valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
            const char32_t character = valid ? char32_t(code) : char32_t(0xfffd);
            out += QString::fromUcs4(&character, 1);
            i = semicolon;
        } else {
            out += text.at(i);
        }
    }
    return out;
}

} // namespace Copydesk
