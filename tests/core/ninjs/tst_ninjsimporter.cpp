#include <html/htmltext.h>
#include <ninjs/ninjsimporter.h>

#include "testsupport.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

QString examplesDir()
{
    return sharedDir() + u"/corpora/ninjs/examples"_s;
}

ImportResult importBytes(const QByteArray &bytes, const QString &fileName = u"item.json"_s)
{
    ImportSource source;
    source.fileName = fileName;
    source.bytes = bytes;
    return NinjsImporter().import(source);
}

Article importOne(const QByteArray &bytes)
{
    const ImportResult result = importBytes(bytes);
    if (!result.ok() || result.articles.size() != 1)
        qWarning("import failed: %s", qPrintable(result.error));
    return result.articles.value(0);
}

// ---- What the test reads from the JSON itself, to compare the import with -------------------------------

// 3.x writes camelCase names, 1.x and 2.x lower case: the expectations are read from lower-cased keys.
QJsonValue lowerKeys(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray array;
        const QJsonArray source = value.toArray();
        for (const QJsonValue &entry : source)
            array.append(lowerKeys(entry));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object;
    const QJsonObject source = value.toObject();
    for (auto it = source.begin(); it != source.end(); ++it)
        object.insert(it.key().toLower(), lowerKeys(it.value()));
    return object;
}

QString field(const QJsonObject &item, const QString &key)
{
    return item.value(key).toString().trimmed();
}

QString kindOf(const QJsonObject &item)
{
    const QString type = field(item, u"type"_s).toLower();
    if (!type.isEmpty())
        return type;
    return item.contains("eventdetails"_L1) ? u"event"_s : u"text"_s;
}

bool hasBody(const QJsonObject &item)
{
    for (auto it = item.begin(); it != item.end(); ++it) {
        if (it.key().startsWith("body_"_L1) && !it.value().toString().trimmed().isEmpty())
            return true;
    }
    const QJsonArray bodies = item.value("bodies"_L1).toArray();
    return std::any_of(bodies.begin(), bodies.end(), [](const QJsonValue &body) {
        return !body.toObject().value("value"_L1).toString().trimmed().isEmpty();
    });
}

QString expectedHeadline(const QJsonObject &item)
{
    const QJsonArray headlines = item.value("headlines"_L1).toArray();
    for (const QJsonValue &headline : headlines) {
        if (headline.toObject().value("role"_L1).toString() == "main"_L1)
            return field(headline.toObject(), u"value"_s);
    }
    if (!headlines.isEmpty())
        return field(headlines.first().toObject(), u"value"_s);
    return item.contains("headline"_L1) ? field(item, u"headline"_s) : field(item, u"title"_s);
}

QString descriptionOfRole(const QJsonObject &item, const QString &role)
{
    const QJsonArray descriptions = item.value("descriptions"_L1).toArray();
    for (const QJsonValue &description : descriptions) {
        if (description.toObject().value("role"_L1).toString().toLower() == role)
            return field(description.toObject(), u"value"_s);
    }
    return {};
}

QString expectedCaption(const QJsonObject &picture)
{
    if (const QString caption = descriptionOfRole(picture, u"caption"_s); !caption.isEmpty())
        return caption;
    if (picture.contains("description_text"_L1))
        return field(picture, u"description_text"_s);
    const QJsonArray descriptions = picture.value("descriptions"_L1).toArray();
    for (const QJsonValue &description : descriptions) {
        const QString role = description.toObject().value("role"_L1).toString().toLower();
        if (role != "creditline"_L1 && role != "writer"_L1 && !role.startsWith("alt"_L1))
            return field(description.toObject(), u"value"_s);
    }
    return expectedHeadline(picture);
}

QString expectedCredit(const QJsonObject &picture)
{
    for (const QString &credit :
         {field(picture, u"by"_s), field(picture, u"byline"_s), descriptionOfRole(picture, u"creditline"_s),
          field(picture, u"copyrightholder"_s)}) {
        if (!credit.isEmpty())
            return credit;
    }
    return {};
}

// The pictures the article should hold, in order: the item's own (a picture with a text), then the
// associated ones.
QList<QJsonObject> expectedPictures(const QJsonObject &item)
{
    QList<QJsonObject> pictures;
    if (kindOf(item) == "picture"_L1 && item.contains("renditions"_L1))
        pictures.append(item);
    const QJsonValue associations = item.value("associations"_L1);
    QJsonArray all = associations.toArray(); // 2.x and 3.x; 1.x keys them by name
    const QJsonObject byName = associations.toObject();
    for (auto it = byName.begin(); it != byName.end(); ++it)
        all.append(it.value());
    for (const QJsonValue &association : std::as_const(all)) {
        const QString type = field(association.toObject(), u"type"_s);
        if (type == "picture"_L1 || type == "image"_L1)
            pictures.append(association.toObject());
    }
    return pictures;
}

struct Tally
{
    int files = 0;
    int imported = 0;
    int refused = 0;
    int notNinjs = 0;
    int pictures = 0;
    int credited = 0;
};

void verifyArticle(const Article &article, const QJsonObject &item, const QString &label, Tally &tally)
{
    QVERIFY2(!article.headline.isEmpty(), qPrintable(label));
    QCOMPARE(article.headline, expectedHeadline(item));
    const QString byline = item.contains("by"_L1) ? field(item, u"by"_s) : field(item, u"byline"_s);
    if (!byline.isEmpty())
        QCOMPARE(article.byline, byline);
    QVERIFY2(!HtmlText::plainText(article.bodyHtml).trimmed().isEmpty(),
             qPrintable(label + u": empty body"_s));
    const QList<QJsonObject> pictures = expectedPictures(item);
    QCOMPARE(article.images.size(), pictures.size());
    for (qsizetype i = 0; i < pictures.size(); ++i) {
        QCOMPARE(article.images.at(i).caption, expectedCaption(pictures.at(i)));
        QCOMPARE(article.images.at(i).credit, expectedCredit(pictures.at(i)));
        tally.credited += article.images.at(i).credit.isEmpty() ? 0 : 1;
    }
    tally.pictures += int(pictures.size());
    ++tally.imported;
}

// A refused item's message names its kind and says why.
void verifyRefusal(const QString &message, const QJsonObject &item, const QString &label)
{
    const QString kind = kindOf(item);
    QVERIFY2(message.contains(u"ninjs %1 item"_s.arg(kind)), qPrintable(label + u": "_s + message));
    QVERIFY2(message.contains("Copydesk imports articles"_L1), qPrintable(label + u": "_s + message));
}

bool isTextItem(const QJsonObject &item)
{
    static const QStringList media = {u"picture"_s, u"graphic"_s, u"video"_s, u"audio"_s};
    const QString kind = kindOf(item);
    return kind != "event"_L1 && kind != "planning"_L1 && !(media.contains(kind) && !hasBody(item));
}

} // namespace

class TestNinjsImporter : public QObject
{
    Q_OBJECT

private slots:
    void examples();
    void confidence();
    void list();
    void badInput_data();
    void badInput();
    void textBody();
    void htmlBody();
    void version3Names();
    void times();
    void classification();
    void pictureData();
    void pictureRoles();
    void pictureRights();
    void related();
};

void TestNinjsImporter::examples()
{
    const QString folder = examplesDir();
    if (!QDir(folder).exists())
        QSKIP(qPrintable(u"the ninjs examples are absent: %1"_s.arg(folder)));
    QStringList files;
    QDirIterator it(folder, {u"*.json"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    Tally tally;
    for (const QString &path : std::as_const(files)) {
        const QString label = QDir(folder).relativeFilePath(path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const QJsonDocument document = QJsonDocument::fromJson(bytes);
        const ImportResult result = importBytes(bytes, path);
        ++tally.files;
        if (document.isArray()) { // a collection: each text item is an article, the others warnings
            const QJsonArray items = lowerKeys(document.array()).toArray();
            qsizetype position = 0;
            for (const QJsonValue &value : items) {
                const QJsonObject item = value.toObject();
                if (isTextItem(item))
                    verifyArticle(result.articles.value(position++), item, label, tally);
                else
                    ++tally.refused;
            }
            QCOMPARE(result.articles.size(), position);
            QVERIFY(result.warnings.size() >= items.size() - position);
            if (position == 0)
                QVERIFY2(result.error.contains(u"none of the %1 items"_s.arg(items.size())),
                         qPrintable(result.error));
            continue;
        }
        const QJsonObject item = lowerKeys(document.object()).toObject();
        if (field(item, u"uri"_s).isEmpty()) {
            QVERIFY2(!result.ok() && result.error.contains("not a ninjs news item"_L1),
                     qPrintable(result.error));
            ++tally.notNinjs;
        } else if (!isTextItem(item)) {
            QVERIFY2(!result.ok(), qPrintable(label));
            verifyRefusal(result.error, item, label);
            ++tally.refused;
        } else {
            QVERIFY2(result.ok() && result.articles.size() == 1, qPrintable(label + u": "_s + result.error));
            verifyArticle(result.articles.first(), item, label, tally);
        }
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY(tally.imported > 0);
    qInfo("%d example files: %d text items imported as articles, %d items refused (pictures, video, audio, "
          "events), %d files not ninjs; %d pictures checked, %d of them credited",
          tally.files, tally.imported, tally.refused, tally.notNinjs, tally.pictures, tally.credited);
}

void TestNinjsImporter::confidence()
{
    const QByteArray item = R"({"uri": "urn:x:1", "headlines": [{"value": "H"}]})";
    ImportSource source;
    source.bytes = item;
    source.fileName = u"story.json"_s;
    QVERIFY(NinjsImporter().confidence(source) >= 80);
    source.fileName = u"story.JSON"_s;
    QVERIFY(NinjsImporter().confidence(source) >= 80);
    source.fileName = u"story.txt"_s;
    QCOMPARE(NinjsImporter().confidence(source), 0);
    source.fileName.clear();
    source.contentType = u"application/json; charset=utf-8"_s;
    QVERIFY(NinjsImporter().confidence(source) >= 80);
    source.bytes = R"([{"uri": "urn:x:1", "type": "text"}])";
    QVERIFY(NinjsImporter().confidence(source) >= 80);
    source.bytes = R"({"uri": "urn:x:1", "name": "not news"})";
    QCOMPARE(NinjsImporter().confidence(source), 0);
    source.bytes = R"({"headline": "no uri"})";
    QCOMPARE(NinjsImporter().confidence(source), 0);
    source.bytes = "not json";
    QCOMPARE(NinjsImporter().confidence(source), 0);
}

void TestNinjsImporter::list()
{
    const ImportResult result = importBytes(R"([
        {"uri": "urn:x:1", "type": "text", "headlines": [{"value": "First"}], "bodies": [{"value": "One."}]},
        {"uri": "urn:x:2", "type": "picture", "headlines": [{"value": "A photo"}]},
        {"name": "not an item"},
        {"uri": "urn:x:3", "headline": "Second", "body_text": "Two."}])");
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.articles.size(), 2);
    QCOMPARE(result.articles.at(0).headline, u"First"_s);
    QCOMPARE(result.articles.at(1).headline, u"Second"_s);
    QCOMPARE(result.warnings.size(), 2);
    QVERIFY(result.warnings.at(0).contains("item 2 (urn:x:2): a ninjs picture item with no text"_L1));
    QVERIFY(result.warnings.at(1).contains("item 3: not a ninjs item"_L1));

    const ImportResult none = importBytes(R"([{"uri": "urn:e:1", "type": "event"}, {"uri": "urn:e:2",
                                              "eventDetails": {}}])");
    QVERIFY(!none.ok());
    QCOMPARE(none.error,
             u"none of the 2 items in the list is an article (2 event items); Copydesk imports articles"_s);
}

void TestNinjsImporter::badInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("expected"); // parts the message must hold
    QTest::newRow("truncated") << QByteArray(R"({"uri": "urn:x", "headline": "H")")
                               << QStringList{u"not valid JSON"_s, u"line 1"_s, u"byte 32"_s};
    QTest::newRow("bad value") << QByteArray("{\n  \"uri\": \"urn:x\",\n  \"headline\": oops\n}")
                               << QStringList{u"not valid JSON: illegal"_s, u"line 3, column 15 (byte 34)"_s};
    QTest::newRow("not ninjs") << QByteArray(R"({"name": "Copydesk", "version": 1})")
                               << QStringList{u"not a ninjs news item"_s, u"no \"uri\""_s};
    QTest::newRow("uri only") << QByteArray(R"({"uri": "https://example.org/", "colour": "red"})")
                              << QStringList{u"none of the ninjs properties"_s};
    QTest::newRow("schema") << QByteArray(R"({"$schema": "https://json-schema.org/draft/2020-12/schema"})")
                            << QStringList{u"JSON Schema"_s};
    QTest::newRow("empty object") << QByteArray("{}") << QStringList{u"empty object"_s};
    QTest::newRow("empty list") << QByteArray(" [ ] ") << QStringList{u"empty list"_s};
    QTest::newRow("empty file") << QByteArray(" \n") << QStringList{u"the file is empty"_s};
    QTest::newRow("no text") << QByteArray(R"({"uri": "urn:x", "type": "text", "version": "1"})")
                             << QStringList{u"holds no text"_s};
}

void TestNinjsImporter::badInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, expected);
    const ImportResult result = importBytes(bytes);
    QVERIFY(!result.ok());
    QVERIFY(result.articles.isEmpty());
    for (const QString &part : std::as_const(expected))
        QVERIFY2(result.error.contains(part), qPrintable(result.error));
}

void TestNinjsImporter::textBody()
{
    Article article = importOne(R"({"uri": "urn:x", "headline": "H",
        "body_text": "Fish < chips & \"peas\"\r\nstill the first\n\n  Second paragraph.  \n\n\n"})");
    QCOMPARE(article.bodyHtml,
             u"<p>Fish &lt; chips &amp; &quot;peas&quot; still the first</p>\n<p>Second paragraph.</p>"_s);
    article = importOne(R"({"uri": "urn:x", "headlines": [{"value": "H"}],
        "bodies": [{"contenttype": "text/plain", "value": "One line.\nAnother line."}]})");
    QCOMPARE(article.bodyHtml, u"<p>One line.</p>\n<p>Another line.</p>"_s);
    // Without a body, the description is the text; with one, it is the standfirst.
    const ImportResult result = importBytes(R"({"uri": "urn:x", "headline": "H",
        "descriptions": [{"role": "text", "value": "Only this."}]})");
    QCOMPARE(result.articles.value(0).bodyHtml, u"<p>Only this.</p>"_s);
    QVERIFY(result.articles.value(0).standfirst.isEmpty());
    QVERIFY(result.warnings.join(u' ').contains("description was taken as the body"_L1));
}

void TestNinjsImporter::htmlBody()
{
    Article article = importOne(R"({"uri": "urn:x", "headlines": [{"role": "sub", "value": "Sub"},
        {"role": "main", "value": "Main headline"}], "bodies": [
        {"role": "text", "contenttype": "text/plain", "value": "plain"},
        {"role": "print", "contenttype": "text/html", "value": "<p>print</p>"},
        {"role": "main", "contenttype": "text/html",
         "value": "<html><head><title>T</title></head><body><h1>Main  headline</h1><p>web</p></body>"}]})");
    QCOMPARE(article.headline, u"Main headline"_s);
    QCOMPARE(article.bodyHtml, u"<p>web</p>"_s); // the <body> only, without the repeated headline

    article =
        importOne(R"({"uri": "urn:x", "headline": "H", "body_nitf": "<?xml version=\"1.0\"?><nitf><head/>
        <body><body.head/><body.content><p>From NITF.</p></body.content></body></nitf>"})");
    QCOMPARE(article.bodyHtml, u"<p>From NITF.</p>"_s);
}

void TestNinjsImporter::version3Names()
{
    const Article article = importOne(R"({"uri": "https://example.org/story", "type": "text",
        "versionCreated": "2023-10-08T02:34:03+02:00", "pubStatus": "canceled",
        "headlines": [{"value": "H"}],
        "bodies": [{"contentType": "text/html", "value": "<p>B</p>"}], "copyrightHolder": "Agency",
        "descriptions": [{"role": "lead", "contentType": "text/html",
                          "value": "<p>The <b>lead</b>.</p>"}]})");
    QCOMPARE(article.status, ArticleStatus::Spiked);
    QCOMPARE(article.updatedAt, QDateTime(QDate(2023, 10, 8), QTime(0, 34, 3), Qt::UTC));
    QCOMPARE(article.bodyHtml, u"<p>B</p>"_s);
    QCOMPARE(article.standfirst, u"The lead."_s);
    QCOMPARE(article.sourceName, u"Agency"_s);
    QCOMPARE(article.sourceUrl, u"https://example.org/story"_s);
}

void TestNinjsImporter::times()
{
    const Article article = importOne(R"({"uri": "urn:x", "headline": "H", "body_text": "B",
        "contentcreated": "2020-01-02", "firstcreated": "2020-01-03T10:00:00.250-05:00",
        "versioncreated": "2020-01-04T08:00:00"})");
    QCOMPARE(article.createdAt, QDateTime(QDate(2020, 1, 2), QTime(0, 0), Qt::UTC));
    QCOMPARE(article.publishedAt, QDateTime(QDate(2020, 1, 3), QTime(15, 0, 0, 250), Qt::UTC));
    QCOMPARE(article.updatedAt, QDateTime(QDate(2020, 1, 4), QTime(8, 0), Qt::UTC)); // no offset: UTC
    QCOMPARE(article.createdAt.timeSpec(), Qt::UTC);
    QCOMPARE(article.status, ArticleStatus::Saved);
}

void TestNinjsImporter::classification()
{
    const Article article = importOne(R"({"uri": "ftp://example.org/x", "headline": "H", "body_text": "B",
        "subjects": [{"name": "Sport", "rel": "about"}, {"name": "World", "rel": "section"},
                     {"name": "sport"}, {"literal": "no-name"}],
        "genres": [{"name": "Analysis"}], "slugline": "match-report", "language": "en-GB",
        "places": [{"name": "Paris", "rel": "mentions"}, {"name": "Lyon", "rel": "located"}],
        "objects": [{"uri": "https://example.org/page", "rel": "source"}],
        "infosources": [{"name": "Wire"}], "copyrightholder": "Holder"})");
    QCOMPARE(article.section, u"World"_s);
    QCOMPARE(article.tags, (QStringList{u"Sport"_s, u"Analysis"_s, u"match-report"_s}));
    QCOMPARE(article.language, u"en-GB"_s);
    QCOMPARE(article.dateline, u"Lyon"_s);
    QCOMPARE(article.sourceUrl, u"https://example.org/page"_s);
    QCOMPARE(article.sourceName, u"Wire"_s);
    QCOMPARE(importOne(R"({"uri": "urn:x", "headline": "H", "located": "Oslo, Norway",
                          "places": [{"name": "Lyon", "rel": "located"}]})")
                 .dateline,
             u"Oslo, Norway"_s);
    QVERIFY(importOne(R"({"uri": "ftp://example.org/x", "headline": "H"})").sourceUrl.isEmpty());
}

void TestNinjsImporter::pictureData()
{
    const QByteArray png = QByteArray::fromHex("89504e470d0a1a0a0000000d49484452");
    const QByteArray item = R"({"uri": "urn:x", "headline": "H", "body_text": "B", "associations": [
        {"name": "photo", "type": "picture", "uri": "https://example.org/photo/1", "renditions": [
            {"name": "web", "href": "https://example.org/photo/1.jpg", "width": 4000, "height": 3000},
            {"name": "original", "href": "data:image/png;base64,)" +
                            png.toBase64() + R"(", "width": 2,
             "height": 1}]},
        {"name": "note", "type": "picture", "uri": "urn:y", "renditions": [
            {"name": "r", "href": "data:,hello%20world"}]},
        {"name": "broken", "type": "picture", "uri": "urn:z", "renditions": [
            {"name": "r", "href": "data:image/png;base64,***"}]}]})";
    const ImportResult result = importBytes(item);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QList<ArticleImage> images = result.articles.first().images;
    QCOMPARE(images.size(), 3);
    QCOMPARE(images.at(0).data, png);
    QCOMPARE(images.at(0).mimeType, u"image/png"_s);
    QCOMPARE(images.at(0).width, 2);
    QCOMPARE(images.at(0).height, 1);
    QCOMPARE(images.at(0).sourceUrl, u"https://example.org/photo/1"_s);
    QCOMPARE(images.at(1).data, QByteArray("hello world"));
    QCOMPARE(images.at(1).mimeType, u"text/plain"_s);
    QVERIFY(!images.at(2).hasData());
    QVERIFY(result.warnings.join(u' ').contains("\"broken\" carries data that cannot be decoded"_L1));
}

void TestNinjsImporter::pictureRoles()
{
    // The body shows the second picture: it stays there (inline), and the first is the lead.
    Article article = importOne(R"({"uri": "urn:x", "headline": "H", "associations": {
        "a1": {"type": "picture", "uri": "urn:p:1"},
        "a2": {"type": "picture", "uri": "urn:p:2", "renditions": {"main": {"href": "https://x.org/2.jpg"}}}},
        "body_html": "<p>T</p><figure><img src=\"https://x.org/2.jpg\" alt=\"A\"></figure>"})");
    QCOMPARE(article.images.size(), 2);
    QCOMPARE(article.images.at(0).role, ImageRole::Lead);
    QCOMPARE(article.images.at(1).role, ImageRole::Inline);
    // Pointed through the sanitizer's tree, so already in the form the library stores.
    QCOMPARE(article.bodyHtml, u"<p>T</p>\n<figure><img src=\"copydesk-image:1\" alt=\"A\"></figure>\n"_s);

    article = importOne(R"({"uri": "urn:x", "headline": "H", "associations": [
        {"name": "a1", "type": "picture", "uri": "urn:p:1"},
        {"name": "a2", "type": "picture", "uri": "urn:p:2"}], "bodies": [{"contenttype": "text/html",
        "value": "<img data-assoc-ref=\"A1\" src=\"x.jpg\"><p>T</p>"}]})");
    QCOMPARE(article.images.at(0).role, ImageRole::Inline);
    QCOMPARE(article.images.at(1).role, ImageRole::Lead);
    QCOMPARE(article.bodyHtml, u"<img src=\"copydesk-image:0\"><p>T</p>\n"_s);

    // Names say the role outright, as the exporter writes them.
    article = importOne(R"({"uri": "urn:x", "headline": "H", "associations": [
        {"name": "inline_1", "type": "picture", "uri": "urn:p:1"},
        {"name": "lead", "type": "picture", "uri": "urn:p:2"},
        {"name": "other", "type": "picture", "uri": "urn:p:3"}]})");
    QCOMPARE(article.images.at(0).role, ImageRole::Inline);
    QCOMPARE(article.images.at(1).role, ImageRole::Lead);
    QCOMPARE(article.images.at(2).role, ImageRole::Inline);
}

void TestNinjsImporter::pictureRights()
{
    const Article article = importOne(R"({"uri": "urn:x", "headline": "H", "associations": [
        {"name": "p", "type": "picture", "uri": "urn:p", "copyrightholder": "Agency",
         "copyrightnotice": "(c) Agency 2024", "rightsinfo": {"linkedrights": "https://example.org/licence"},
         "descriptions": [{"role": "creditline", "value": "AGENCY / Jane Roe"},
                          {"role": "alt", "value": "A red bus"}, {"role": "caption", "value": "The bus."}]},
        {"name": "q", "type": "picture", "uri": "urn:q", "copyrightholder": "Holder",
         "usageterms": "Editorial only", "headlines": [{"value": "Bus depot"}]}]})");
    const ArticleImage &first = article.images.at(0);
    QCOMPARE(first.caption, u"The bus."_s);
    QCOMPARE(first.altText, u"A red bus"_s);
    QCOMPARE(first.creditLine, u"AGENCY / Jane Roe"_s);
    QCOMPARE(first.credit, u"AGENCY / Jane Roe"_s);
    QCOMPARE(first.copyright, u"(c) Agency 2024"_s);
    QCOMPARE(first.licence, u"https://example.org/licence"_s);
    const ArticleImage &second = article.images.at(1);
    QCOMPARE(second.caption, u"Bus depot"_s);
    QCOMPARE(second.credit, u"Holder"_s);
    QCOMPARE(second.licence, u"Editorial only"_s);
}

void TestNinjsImporter::related()
{
    const Article article = importOne(R"({"uri": "urn:x", "headline": "H", "associations": [
        {"name": "r1", "type": "text", "uri": "https://example.org/earlier",
         "headlines": [{"value": "Earlier"}], "by": "Jane Roe"},
        {"name": "r2", "type": "text", "uri": "urn:newsml:x", "headline": "Background"},
        {"name": "v", "type": "video", "uri": "urn:v"}]})");
    QCOMPARE(article.related.size(), 2);
    QCOMPARE(article.related.at(0),
             (RelatedLink{u"Earlier"_s, u"Jane Roe"_s, u"https://example.org/earlier"_s}));
    QCOMPARE(article.related.at(1), (RelatedLink{u"Background"_s, QString(), QString()}));
}

QTEST_GUILESS_MAIN(TestNinjsImporter)
#include "tst_ninjsimporter.moc"
