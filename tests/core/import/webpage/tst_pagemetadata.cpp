#include <encoding/textdecoder.h>
#include <import/webpage/pagemetadata.h>

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

PageMetadata fixture(const QString &name)
{
    const QByteArray bytes = readFile(fixturesDir() + u"/pages/"_s + name);
    return PageMetadata::fromHtml(TextDecoder::decode(bytes, TextDecoder::Kind::Html).text);
}

PageMetadata fromHead(const QString &head, const QString &body = u"<p>text</p>"_s)
{
    return PageMetadata::fromHtml(u"<!DOCTYPE html><html><head>"_s + head + u"</head><body>"_s + body +
                                  u"</body></html>"_s);
}

QString jsonLd(const QString &json)
{
    return u"<script type=\"application/ld+json\">"_s + json + u"</script>"_s;
}

// A schema.org Article with the given members: schemaArticle(u"\"headline\":\"X\""_s).
QString schemaArticle(const QString &members, const QString &type = u"Article"_s)
{
    return jsonLd(u"{\"@context\":\"https://schema.org\",\"@type\":\""_s + type + u"\","_s + members + u'}');
}

QDateTime utc(int year, int month, int day, int hour, int minute, int second = 0, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), Qt::UTC);
}

} // namespace

class TestPageMetadata : public QObject
{
    Q_OBJECT

private slots:
    void jsonLdGraph()
    {
        const PageMetadata metadata = fixture(u"metadata/jsonld.html"_s);
        // JSON-LD is trusted over OpenGraph and <meta>; the double escape in the headline is undone.
        QCOMPARE(metadata.headline, u"Council approves new tram line & depot"_s);
        QCOMPARE(metadata.jsonLdHeadline, metadata.headline);
        QCOMPARE(metadata.ogTitle, u"OG: council approves tram"_s);
        QCOMPARE(metadata.documentTitle, u"Council approves new tram line | Metro Daily"_s);
        QCOMPARE(metadata.description, u"The line will link the station with the university by 2028."_s);
        // Authors are "@id" references into the graph.
        QCOMPARE(metadata.authors, (QStringList{u"Priya Natarajan"_s, u"Ben Osei"_s, u"Lena Wolf"_s}));
        QCOMPARE(metadata.byline, u"Priya Natarajan, Ben Osei and Lena Wolf"_s);
        QCOMPARE(metadata.section, u"Transport"_s);
        QCOMPARE(metadata.language, u"en-GB"_s);
        QCOMPARE(metadata.siteName, u"Metro Daily"_s);
        QCOMPARE(metadata.publisher, u"Metro Daily Ltd"_s);
        QCOMPARE(metadata.dateline, u"LEEDS"_s);
        QCOMPARE(metadata.publishedAt, utc(2024, 3, 5, 16, 45, 12, 345));
        QCOMPARE(metadata.images.size(), 1);
        const MetadataImage &image = metadata.images.first();
        QCOMPARE(image.url, u"https://metro.example/uploads/tram.jpg"_s);
        QCOMPARE(image.caption, u"The planned tram stop at the station."_s);
        QCOMPARE(image.credit, u"Metro Daily/Jo Kim"_s);
        QCOMPARE(image.copyright, u"Metro Daily Ltd"_s);
        QCOMPARE(image.licence, u"https://creativecommons.org/licenses/by/4.0/"_s);
        QVERIFY(metadata.hasMarkup);
    }

    void openGraph()
    {
        const PageMetadata metadata = fixture(u"metadata/opengraph.html"_s);
        QCOMPARE(metadata.headline, u"Dijk bij Harlingen versterkt"_s);
        QCOMPARE(metadata.description, u"Na twee jaar werk is de dijk klaar voor de winter."_s);
        // article:author is a profile link here, so the <meta name="author"> gives the byline.
        QCOMPARE(metadata.byline, u"Sanne de Vries"_s);
        QCOMPARE(metadata.section, u"Binnenland"_s);
        QCOMPARE(metadata.language, u"nl"_s);
        QCOMPARE(metadata.siteName, u"Noordkrant"_s);
        QCOMPARE(metadata.publishedAt, utc(2023, 11, 2, 7, 0));
        // A relative canonical link cannot be placed without the page's address; og:url can.
        QCOMPARE(metadata.canonicalUrl, QUrl(u"https://www.noordkrant.example/binnenland/dijk-harlingen"_s));
        QCOMPARE(metadata.images.size(), 1);
        QCOMPARE(metadata.images.first().url, u"https://www.noordkrant.example/img/dijk.jpg"_s);
        QCOMPARE(metadata.images.first().altText, u"De dijk bij eb"_s);
    }

    void metaNames()
    {
        const PageMetadata metadata = fixture(u"metadata/meta.html"_s);
        QCOMPARE(metadata.headline, u"Bakery wins national bread prize"_s); // the <title> without the site
        QCOMPARE(metadata.byline, u"Carla Mendes"_s);                       // "byl" without its "By"
        QCOMPARE(metadata.section, u"Food"_s);
        QCOMPARE(metadata.publishedAt, utc(2022, 6, 30, 12, 0));
        QCOMPARE(metadata.description, u"A family bakery took the top award."_s);
        QCOMPARE(metadata.language, u"pt-BR"_s);
    }

    void legacyEncoding()
    {
        const PageMetadata metadata = fixture(u"metadata/windows-1252.html"_s);
        QCOMPARE(metadata.headline, u"Caf\u00e9 con le\u00f1a: la se\u00f1ora del molino"_s);
        QCOMPARE(metadata.description,
                 u"Una se\u00f1ora, un molino y un caf\u00e9 \u2014 historia de un pueblo."_s);
    }

    void savedPageAddresses()
    {
        const PageMetadata metadata = fixture(u"complete/page.html"_s);
        const QUrl page(u"https://www.coastal-courier.example/news/2024/05/harbour-cranes.html"_s);
        QCOMPARE(metadata.savedFromUrl, page);
        QCOMPARE(metadata.canonicalUrl, page);
        QCOMPARE(metadata.byline, u"Mara Lindqvist"_s);
        QCOMPARE(metadata.siteName, u"The Coastal Courier"_s);
        QCOMPARE(metadata.publishedAt, utc(2024, 5, 14, 7, 30));
        // The saved-from address places a relative canonical link.
        const PageMetadata relative = PageMetadata::fromHtml(
            u"<!-- saved from url=(0025)https://example.com/a/b/c -->\n<html><head>"
            u"<link rel=\"canonical\" href=\"../story\"></head><body><p>x</p></body></html>"_s);
        QCOMPARE(relative.savedFromUrl, QUrl(u"https://example.com/a/b/c"_s));
        QCOMPARE(relative.canonicalUrl, QUrl(u"https://example.com/a/story"_s));
        // Only web addresses count: IE writes "about:internet" for pages it did not get from the web.
        QVERIFY(PageMetadata::fromHtml(u"<!-- saved from url=(0014)about:internet --><p>x</p>"_s)
                    .savedFromUrl.isEmpty());
    }

    void precedence_data()
    {
        QTest::addColumn<QString>("head");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");

        QTest::newRow("json-ld headline over og:title")
            << jsonLd(
                   u"{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"LD\"}"_s) +
                   u"<meta property=\"og:title\" content=\"OG\">"_s
            << u"headline"_s << u"LD"_s;
        QTest::newRow("dc:title over og:title")
            << u"<meta property=\"og:title\" content=\"OG\"><meta name=\"DC.title\" content=\"DC\">"_s
            << u"headline"_s << u"DC"_s;
        QTest::newRow("og:title over twitter:title")
            << u"<meta name=\"twitter:title\" content=\"TW\"><meta property=\"og:title\" content=\"OG\">"_s
            << u"headline"_s << u"OG"_s;
        QTest::newRow("property over name")
            << u"<meta name=\"og:title\" content=\"name\"><meta property=\"og:title\" content=\"property\">"_s
            << u"headline"_s << u"property"_s;
        QTest::newRow("space-separated properties")
            << u"<meta property=\"x:title dc:title\" content=\"Preferred\"><meta property=\"og:title\" "
               u"content=\"Other\">"_s
            << u"headline"_s << u"Preferred"_s;
        QTest::newRow("parsely title")
            << u"<meta name=\"parsely-title\" content=\"P\"><title>T</title>"_s << u"headline"_s << u"P"_s;
        QTest::newRow("json-ld name when no headline")
            << jsonLd(u"{\"@context\":\"http://schema.org\",\"@type\":\"BlogPosting\",\"name\":\"N\"}"_s)
            << u"headline"_s << u"N"_s;
        QTest::newRow("json-ld name over a tagline headline")
            << schemaArticle(u"\"name\":\"New Zealand\",\"headline\":\"country in Oceania\""_s) +
                   u"<title>New Zealand - Wikipedia</title>"_s
            << u"headline"_s << u"New Zealand"_s;
        QTest::newRow("json-ld name that is the publisher")
            << schemaArticle(u"\"name\":\"Metro\",\"headline\":\"Tram line approved\","
                             u"\"publisher\":{\"name\":\"Metro\"}"_s) +
                   u"<title>Another story | Metro</title>"_s
            << u"headline"_s << u"Tram line approved"_s;
        QTest::newRow("json-ld headline when the title has it")
            << schemaArticle(u"\"name\":\"Home\",\"headline\":\"Tram line approved\""_s) +
                   u"<title>Tram line approved | Metro</title>"_s
            << u"headline"_s << u"Tram line approved"_s;
        QTest::newRow("json-ld in CDATA")
            << jsonLd(u"<![CDATA[{\"@context\":\"https://schema.org\",\"@type\":\"Article\","
                      u"\"name\":\"C\"}]]>"_s)
            << u"headline"_s << u"C"_s;
        QTest::newRow("other context ignored")
            << jsonLd(u"{\"@context\":\"https://example.org/vocab\",\"@type\":\"Article\","
                      u"\"headline\":\"X\"}"_s) +
                   u"<meta property=\"og:title\" content=\"OG\">"_s
            << u"headline"_s << u"OG"_s;
        QTest::newRow("context object with vocab")
            << jsonLd(u"{\"@context\":{\"@vocab\":\"http://schema.org/\"},\"@type\":\"Article\","
                      u"\"headline\":\"V\"}"_s)
            << u"headline"_s << u"V"_s;
        QTest::newRow("type as URL") << jsonLd(u"{\"@context\":\"https://schema.org\",\"@type\":\"http://"
                                               u"schema.org/ReportageNewsArticle\","
                                               u"\"headline\":\"U\"}"_s)
                                     << u"headline"_s << u"U"_s;
        QTest::newRow("not an article type")
            << jsonLd(u"{\"@context\":\"https://schema.org\",\"@type\":\"Recipe\",\"name\":\"Soup\"}"_s) +
                   u"<title>A real title for this page</title>"_s
            << u"headline"_s << u"A real title for this page"_s;
        QTest::newRow("broken json skipped") << jsonLd(u"{\"@type\": \"NewsArticle\", \"headline\": "_s) +
                                                    u"<meta property=\"og:title\" content=\"OG\">"_s
                                             << u"headline"_s << u"OG"_s;
        QTest::newRow("json in a comment with raw line breaks")
            << jsonLd(u"<!--{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
                      u"\"headline\":\"Two\nlines\"}-->"_s)
            << u"headline"_s << u"Two lines"_s;
        QTest::newRow("nested in a WebPage")
            << jsonLd(u"{\"@context\":\"https://schema.org\",\"@type\":\"WebPage\",\"mainEntity\":{\"@type\":"
                      u"\"NewsArticle\",\"headline\":\"Inner\"}}"_s)
            << u"headline"_s << u"Inner"_s;

        QTest::newRow("author string")
            << schemaArticle(u"\"author\":\"Ann Lee\""_s) << u"byline"_s << u"Ann Lee"_s;
        QTest::newRow("two authors")
            << schemaArticle(u"\"author\":[\"Ann Lee\",{\"@type\":\"Person\",\"name\":\"Bo Ek\"}]"_s)
            << u"byline"_s << u"Ann Lee and Bo Ek"_s;
        QTest::newRow("persons before organisations")
            << schemaArticle(u"\"author\":[{\"@type\":\"Organization\",\"name\":\"Wire\"},"
                             u"{\"@type\":\"Person\",\"name\":\"Bo Ek\"}]"_s)
            << u"byline"_s << u"Bo Ek"_s;
        QTest::newRow("organisation alone")
            << schemaArticle(u"\"author\":{\"@type\":\"Organization\",\"name\":\"Wire\"}"_s) << u"byline"_s
            << u"Wire"_s;
        QTest::newRow("json-ld author over meta author")
            << schemaArticle(u"\"author\":\"LD\""_s) + u"<meta name=\"author\" content=\"Meta\">"_s
            << u"byline"_s << u"LD"_s;
        QTest::newRow("dc:creator over author")
            << u"<meta name=\"author\" content=\"Meta\"><meta property=\"dc:creator\" content=\"DC\">"_s
            << u"byline"_s << u"DC"_s;
        QTest::newRow("parsely author")
            << u"<meta name=\"parsely-author\" content=\"Jane Doe\">"_s << u"byline"_s << u"Jane Doe"_s;
        QTest::newRow("sailthru author")
            << u"<meta name=\"sailthru.author\" content=\"Sam Roe\">"_s << u"byline"_s << u"Sam Roe"_s;
        QTest::newRow("article:author name")
            << u"<meta property=\"article:author\" content=\"Kim Park\">"_s << u"byline"_s << u"Kim Park"_s;

        QTest::newRow("dc:description over og:description")
            << u"<meta property=\"og:description\" content=\"OG\"><meta property=\"dc:description\" "
               u"content=\"DC\">"_s
            << u"description"_s << u"DC"_s;
        QTest::newRow("og:description over description")
            << u"<meta name=\"description\" content=\"M\"><meta property=\"og:description\" content=\"OG\">"_s
            << u"description"_s << u"OG"_s;
        QTest::newRow("json-ld section over article:section")
            << schemaArticle(u"\"articleSection\":\"LD\""_s) +
                   u"<meta property=\"article:section\" content=\"OG\">"_s
            << u"section"_s << u"LD"_s;
        QTest::newRow("og:site_name over publisher")
            << schemaArticle(u"\"publisher\":{\"name\":\"Pub\"}"_s) +
                   u"<meta property=\"og:site_name\" content=\"Site\">"_s
            << u"siteName"_s << u"Site"_s;
        QTest::newRow("publisher as site name")
            << schemaArticle(u"\"publisher\":{\"name\":\"Pub\"}"_s) << u"siteName"_s << u"Pub"_s;
        QTest::newRow("inLanguage object")
            << schemaArticle(
                   u"\"inLanguage\":{\"@type\":\"Language\",\"name\":\"German\",\"alternateName\":\"de\"}"_s)
            << u"language"_s << u"de"_s;
        QTest::newRow("og:locale") << u"<meta property=\"og:locale\" content=\"en_GB\">"_s << u"language"_s
                                   << u"en-GB"_s;
        QTest::newRow("json-ld date over article:published_time")
            << schemaArticle(u"\"datePublished\":\"2021-01-02\""_s) +
                   u"<meta property=\"article:published_time\" content=\"2020-01-01\">"_s
            << u"publishedTime"_s << u"2021-01-02"_s;
        QTest::newRow("sailthru date") << u"<meta name=\"sailthru.date\" content=\"2019-05-06 10:00:00\">"_s
                                       << u"publishedTime"_s << u"2019-05-06 10:00:00"_s;
    }

    void precedence()
    {
        QFETCH(QString, head);
        QFETCH(QString, field);
        QFETCH(QString, expected);
        const PageMetadata metadata = fromHead(head);
        const QHash<QString, QString> fields = {
            {u"headline"_s, metadata.headline},          {u"byline"_s, metadata.byline},
            {u"description"_s, metadata.description},    {u"section"_s, metadata.section},
            {u"siteName"_s, metadata.siteName},          {u"language"_s, metadata.language},
            {u"publishedTime"_s, metadata.publishedTime}};
        QCOMPARE(fields.value(field), expected);
    }

    void imagesFromJsonLdAndOpenGraph()
    {
        const PageMetadata metadata = fromHead(
            jsonLd(
                u"{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"image\":["
                u"\"https://e.com/a.jpg\",{\"@type\":\"ImageObject\",\"contentUrl\":\"https://e.com/b.jpg\","
                u"\"description\":\"B caption\",\"author\":{\"name\":\"B Author\"}}]}"_s) +
            u"<meta property=\"og:image\" content=\"https://e.com/og.jpg\">"_s
            u"<meta property=\"og:image:alt\" content=\"OG alt\">"_s);
        QCOMPARE(metadata.images.size(), 3);
        QCOMPARE(metadata.images.at(0).url, u"https://e.com/a.jpg"_s);
        QCOMPARE(metadata.images.at(1).url, u"https://e.com/b.jpg"_s);
        QCOMPARE(metadata.images.at(1).caption, u"B caption"_s);
        QCOMPARE(metadata.images.at(1).credit, u"B Author"_s);
        QCOMPARE(metadata.images.at(2).url, u"https://e.com/og.jpg"_s);
        QCOMPARE(metadata.images.at(2).altText, u"OG alt"_s);
    }

    void titleWithoutSiteName_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("expected");
        QTest::newRow("site after a dash") << u"United States to Lift Sudan Sanctions - The New York Times"_s
                                           << u"United States to Lift Sudan Sanctions"_s;
        QTest::newRow("site after a bar")
            << u"Storm closes the pass again | World Wire"_s << u"Storm closes the pass again"_s;
        QTest::newRow("site before a short title") << u"World Wire | Storm"_s << u"World Wire | Storm"_s;
        QTest::newRow("site first, long title")
            << u"Wire » Storm closes the pass again today"_s << u"Storm closes the pass again today"_s;
        QTest::newRow("two separators") << u"Storm closes the pass again - Weather - World Wire"_s
                                        << u"Storm closes the pass again - Weather"_s;
        QTest::newRow("colon kept when short") << u"Review: A good film"_s << u"Review: A good film"_s;
        QTest::newRow("colon cut") << u"Breaking news: Storm closes the mountain pass"_s
                                   << u"Storm closes the mountain pass"_s;
        QTest::newRow("short result keeps the title") << u"Mozilla - Wikipedia"_s << u"Mozilla - Wikipedia"_s;
        QTest::newRow("short result after a path separator")
            << u"News / Vote count begins"_s << u"Vote count begins"_s;
        QTest::newRow("no-break space kept")
            << u"Screenshot\u00a0: a film"_s << u"Screenshot\u00a0: a film"_s;
        QTest::newRow("plain") << u"A plain title without a site name"_s
                               << u"A plain title without a site name"_s;
        QTest::newRow("hyphenated words stay")
            << u"Long-awaited tram line opens"_s << u"Long-awaited tram line opens"_s;
    }

    void titleWithoutSiteName()
    {
        QFETCH(QString, title);
        QFETCH(QString, expected);
        QCOMPARE(fromHead(u"<title>"_s + title.toHtmlEscaped() + u"</title>"_s).headline, expected);
    }

    void shortTitleUsesTheOnlyH1()
    {
        const PageMetadata metadata =
            fromHead(u"<title>Home</title>"_s, u"<h1>The only heading on the page</h1><p>x</p>"_s);
        QCOMPARE(metadata.headline, u"The only heading on the page"_s);
    }

    void dates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("utc") << u"2024-04-20T04:20:00Z"_s << utc(2024, 4, 20, 4, 20);
        QTest::newRow("milliseconds") << u"2024-04-20T04:20:00.000Z"_s << utc(2024, 4, 20, 4, 20);
        QTest::newRow("microseconds") << u"2024-04-20T04:20:00.123456Z"_s << utc(2024, 4, 20, 4, 20, 0, 123);
        QTest::newRow("offset") << u"2024-04-20T06:20:00+02:00"_s << utc(2024, 4, 20, 4, 20);
        QTest::newRow("offset without colon") << u"2024-04-20T06:20:00+0200"_s << utc(2024, 4, 20, 4, 20);
        QTest::newRow("negative offset") << u"2024-04-20T00:20:00-04:00"_s << utc(2024, 4, 20, 4, 20);
        QTest::newRow("no offset") << u"2024-04-20T04:20:00"_s << utc(2024, 4, 20, 4, 20);
        QTest::newRow("space") << u"2024-04-20 04:20:00"_s << utc(2024, 4, 20, 4, 20);
        QTest::newRow("date only") << u"2024-04-20"_s << utc(2024, 4, 20, 0, 0);
        QTest::newRow("rfc 2822") << u"Sat, 20 Apr 2024 06:20:00 +0200"_s << utc(2024, 4, 20, 4, 20);
        QTest::newRow("rfc 2822 gmt") << u"Sat, 20 Apr 2024 04:20:00 GMT"_s << utc(2024, 4, 20, 4, 20);
        QTest::newRow("rfc 2822 us zone") << u"Sat, 20 Apr 2024 00:20:00 EDT"_s << utc(2024, 4, 20, 4, 20);
        QTest::newRow("garbage") << u"last Tuesday"_s << QDateTime();
        QTest::newRow("bad date") << u"2024-13-45"_s << QDateTime();
        QTest::newRow("empty") << QString() << QDateTime();
    }

    void dates()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const QDateTime parsed = parsePageDateTime(text);
        QCOMPARE(parsed, expected);
        if (parsed.isValid())
            QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }

    void entities_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << u"no entities"_s << u"no entities"_s;
        QTest::newRow("named") << u"Tom &amp; Jerry &quot;live&quot;"_s << u"Tom & Jerry \"live\""_s;
        QTest::newRow("numeric") << u"&#xg; &#x1F62D; &#128557; &#xFFFFFFFF; &#x0;"_s
                                 << u"&#xg; \U0001F62D \U0001F62D \uFFFD \uFFFD"_s;
        QTest::newRow("unknown kept") << u"&copy; AT&T"_s << u"&copy; AT&T"_s;
    }

    void entities()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(unescapeHtmlEntities(text), expected);
    }

    void markup()
    {
        QVERIFY(!PageMetadata::fromHtml(u"Just a line of text.\nAnd another."_s).hasMarkup);
        QVERIFY(!PageMetadata::fromHtml(u"{\"json\": [1, 2, 3]}"_s).hasMarkup);
        QVERIFY(PageMetadata::fromHtml(u"<p>A paragraph</p>"_s).hasMarkup);
        QVERIFY(PageMetadata::fromHtml(u"<!DOCTYPE html>"_s).hasMarkup);
    }

    void figureMarkup()
    {
        PictureCredit text = PageFigures::figureTextForHtml(
            u"<figure><img src=\"a.jpg\"><figcaption>A crane arm is lifted. <span class=\"credit\">Photo: "
            u"Port Authority</span></figcaption></figure>"_s);
        QCOMPARE(text.caption, u"A crane arm is lifted."_s);
        QCOMPARE(text.credit, u"Port Authority"_s);
        QCOMPARE(text.creditLine, u"Photo: Port Authority"_s);

        text =
            PageFigures::figureTextForHtml(u"<figure><picture><img src=\"a.jpg\"></picture><span "
                                           u"itemprop=\"copyrightHolder\">© Jo Kim</span>"
                                           u"<figcaption><p>Snow in the valley.</p></figcaption></figure>"_s);
        QCOMPARE(text.caption, u"Snow in the valley."_s);
        QCOMPARE(text.credit, u"Jo Kim"_s);
        QCOMPARE(text.copyright, u"© Jo Kim"_s);

        text = PageFigures::figureTextForHtml(
            u"<figure><img src=\"a.jpg\"><figcaption><span class=\"caption-text\">Rain.</span>"
            u"<span class=\"image-source\">Source: City archive</span></figcaption></figure>"_s);
        QCOMPARE(text.caption, u"Rain."_s);
        QCOMPARE(text.credit, u"City archive"_s);

        text = PageFigures::figureTextForHtml(u"<div class=\"wp-caption\"><img src=\"a.jpg\"><p "
                                              u"class=\"wp-caption-text\">Old mill. Photo: Ed Hall"
                                              u"</p></div>"_s);
        QCOMPARE(text.caption, u"Old mill."_s);
        QCOMPARE(text.credit, u"Ed Hall"_s);

        text = PageFigures::figureTextForHtml(
            u"<figure><img src=\"a.jpg\"><figcaption class=\"photo-credit\">Lee Chan/Reuters</figcaption>"
            u"</figure>"_s);
        QCOMPARE(text.caption, QString());
        QCOMPARE(text.credit, u"Lee Chan/Reuters"_s);

        text = PageFigures::figureTextForHtml(u"<p><img src=\"a.jpg\"> Not a figure. Photo: Nobody</p>"_s);
        QCOMPARE(text.caption, QString());
        QCOMPARE(text.credit, QString());
        QCOMPARE(PageFigures::figureTextForHtml(u"<p>no image</p>"_s).caption, QString());
    }

    void corpus_data()
    {
        QTest::addColumn<QString>("folder");
        const QDir corpus(sharedDir() + u"/corpora/readability"_s);
        if (!corpus.exists())
            QSKIP(qPrintable(u"the Readability corpus is not at %1"_s.arg(corpus.path())));
        const QStringList pages = corpus.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &page : pages)
            QTest::newRow(qPrintable(page)) << corpus.filePath(page);
    }

    // PageMetadata alone on the real pages: it must never fail, and its headline is measured against the
    // title Firefox's reader view found (no threshold: the importer prefers the extractor's title anyway).
    void corpus()
    {
        QFETCH(QString, folder);
        const QByteArray bytes = readFile(folder + u"/source.html"_s);
        QVERIFY(!bytes.isEmpty());
        const QJsonObject expected =
            QJsonDocument::fromJson(readFile(folder + u"/expected-metadata.json"_s)).object();
        const DecodedText decoded = TextDecoder::decode(bytes, TextDecoder::Kind::Html);
        const PageMetadata metadata = PageMetadata::fromHtml(decoded.text);
        QVERIFY(metadata.hasMarkup);
        ++m_pages;
        const QString title = expected.value("title"_L1).toString().trimmed();
        if (metadata.headline.trimmed() == title)
            ++m_headlines;
        else
            m_misses.append(u"%1: %2 | %3"_s.arg(QDir(folder).dirName(), metadata.headline, title));
        if (!expected.value("byline"_L1).toString().isEmpty() &&
            metadata.byline == expected.value("byline"_L1).toString().trimmed())
            ++m_bylines;
        const QString published = expected.value("publishedTime"_L1).toString();
        if (!published.isEmpty()) {
            ++m_dates;
            if (parsePageDateTime(published).isValid())
                ++m_datesRead;
        }
    }

    void corpusFigures()
    {
        if (m_pages == 0)
            QSKIP("the corpus did not run");
        qInfo("PageMetadata headline equals the expected title on %d of %d pages (%.1f%%)", m_headlines,
              m_pages, 100.0 * m_headlines / m_pages);
        qInfo("PageMetadata byline equals the expected byline on %d pages; %d of %d expected publishedTime "
              "values parse",
              m_bylines, m_datesRead, m_dates);
        if (qEnvironmentVariableIsSet("COPYDESK_SHOW_MISSES")) {
            for (const QString &miss : std::as_const(m_misses))
                qInfo("%s", qPrintable(miss));
        }
        QCOMPARE(m_datesRead, m_dates);
    }

private:
    int m_pages = 0;
    int m_headlines = 0;
    int m_bylines = 0;
    int m_dates = 0;
    int m_datesRead = 0;
    QStringList m_misses;
};

QTEST_GUILESS_MAIN(TestPageMetadata)
#include "tst_pagemetadata.moc"
