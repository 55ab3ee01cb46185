#include <html/htmlsanitizer.h>
#include <import/webpage/htmlpageimporter.h>
#include <import/webpage/pageextractor.h>

#include "testsupport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

// A stand-in for the browser-based Readability extractor, which is tested on its own: it returns the fields
// it was given and, as the article's content, the <article> element of the page it is handed (the fixtures
// are written so that this is the article), and remembers what it was asked.
class FixedExtractor final : public PageExtractor
{
public:
    explicit FixedExtractor(ExtractedPage page = {})
        : m_page(std::move(page))
    {}

    ExtractedPage extract(const QString &html, const QUrl &baseUrl) override
    {
        ++calls;
        receivedHtml = html;
        receivedBaseUrl = baseUrl;
        ExtractedPage page = m_page;
        if (page.contentHtml.isEmpty() && page.error.isEmpty()) {
            const qsizetype start = html.indexOf("<article>"_L1);
            const qsizetype end = html.indexOf("</article>"_L1);
            if (start >= 0 && end > start)
                page.contentHtml = html.mid(start, end + 10 - start);
        }
        return page;
    }

    int calls = 0;
    QString receivedHtml;
    QUrl receivedBaseUrl;

private:
    ExtractedPage m_page;
};

QString pagePath(const QString &name)
{
    return fixturesDir() + u"/pages/"_s + name;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

ImportSource fileSource(const QString &name)
{
    ImportSource source;
    source.fileName = pagePath(name);
    source.bytes = readFile(source.fileName);
    return source;
}

ImportResult importWith(const ImportSource &source, FixedExtractor &extractor)
{
    return HtmlPageImporter(extractor).import(source);
}

QByteArray pngBytes(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::blue);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

bool hasWarning(const ImportResult &result, const QString &text)
{
    for (const QString &warning : result.warnings) {
        if (warning.contains(text))
            return true;
    }
    return false;
}

QDateTime utc(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC);
}

} // namespace

class TestHtmlPageImporter : public QObject
{
    Q_OBJECT

private slots:
    void confidence_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("expected");
        const QByteArray html = "<!DOCTYPE html><html><body><p>Hi</p></body></html>";
        QTest::newRow("html by name") << u"a.html"_s << QString() << QByteArray("<p>hi</p>") << 90;
        QTest::newRow("htm by name") << u"A.HTM"_s << QString() << QByteArray("<p>hi</p>") << 90;
        QTest::newRow("xhtml by name") << u"a.xhtml"_s << QString() << html << 90;
        QTest::newRow("content type") << QString() << u"text/html; charset=utf-8"_s << html << 90;
        QTest::newRow("xhtml content type") << QString() << u"application/xhtml+xml"_s << html << 90;
        QTest::newRow("sniffed doctype") << QString() << QString() << html << 85;
        QTest::newRow("sniffed after saved-from comment")
            << u"page"_s << QString()
            << QByteArray("\xef\xbb\xbf<!-- saved from url=(0019)http://example.com/ -->\n<html>") << 85;
        QTest::newRow("mhtml by name") << u"a.mht"_s << QString() << QByteArray("whatever") << 95;
        QTest::newRow("plain page named mhtml") << u"a.mhtml"_s << QString() << html << 90;
        QTest::newRow("mhtml sniffed")
            << QString() << QString() << readFile(pagePath(u"archive/story.mhtml"_s)) << 95;
        QTest::newRow("plain text") << u"a.txt"_s << QString() << QByteArray("Just some text.\n") << 0;
        QTest::newRow("json") << u"a.json"_s << u"application/json"_s << QByteArray("{\"a\": 1}") << 0;
        QTest::newRow("png") << u"a.png"_s << QString() << pngBytes(4, 4) << 0;
        QTest::newRow("png named html") << u"a.html"_s << QString() << pngBytes(4, 4) << 0;
        QTest::newRow("nul bytes named html")
            << u"a.html"_s << QString() << QByteArray("<p>a\0b</p>", 10) << 0;
        QTest::newRow("empty") << u"a.txt"_s << QString() << QByteArray() << 0;
    }

    void confidence()
    {
        QFETCH(QString, fileName);
        QFETCH(QString, contentType);
        QFETCH(QByteArray, bytes);
        QFETCH(int, expected);
        FixedExtractor extractor;
        ImportSource source;
        source.fileName = fileName;
        source.contentType = contentType;
        source.bytes = bytes;
        QCOMPARE(HtmlPageImporter(extractor).confidence(source), expected);
        QCOMPARE(extractor.calls, 0);
    }

    // "Web page, complete": the page with its page_files folder; saved-from comment, JSON-LD, OpenGraph.
    void completePage()
    {
        ExtractedPage fields;
        fields.title = u"Harbour cranes return to the old port | The Coastal Courier"_s;
        fields.excerpt = u"After ten years in a warehouse, the cranes are back."_s;
        FixedExtractor extractor(fields);
        const ImportResult result = importWith(fileSource(u"complete/page.html"_s), extractor);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(extractor.calls, 1);
        const QUrl pageUrl(u"https://www.coastal-courier.example/news/2024/05/harbour-cranes.html"_s);
        QCOMPARE(extractor.receivedBaseUrl, pageUrl); // the saved-from address
        const Article &article = result.articles.first();

        QCOMPARE(article.status, ArticleStatus::Saved);
        QCOMPARE(article.headline, u"Harbour cranes return to the old port"_s); // the site's name cut off
        QCOMPARE(article.byline, u"Mara Lindqvist"_s);                          // from JSON-LD
        QCOMPARE(article.standfirst, fields.excerpt);
        QCOMPARE(article.section, u"Local"_s);
        QCOMPARE(article.language, u"en-GB"_s);
        QCOMPARE(article.publishedAt, utc(2024, 5, 14, 7, 30));
        QCOMPARE(article.sourceUrl, pageUrl.toString());
        QCOMPARE(article.sourceName, u"The Coastal Courier"_s);

        // Lead, the crane from "./page_files/harbour%20crane.jpg", the remote map; the tracking pixel is
        // gone.
        QCOMPARE(article.images.size(), 3);
        const ArticleImage &lead = article.images.at(0);
        QCOMPARE(lead.role, ImageRole::Lead);
        QCOMPARE(lead.mimeType, u"image/png"_s);
        QCOMPARE(QSize(lead.width, lead.height), QSize(48, 32));
        QCOMPARE(lead.data, readFile(pagePath(u"complete/page_files/lead.png"_s)));
        QCOMPARE(lead.caption, u"The restored cranes on the east quay."_s);
        QCOMPARE(lead.credit, u"Jens Holm/Coastal Courier"_s);
        QCOMPARE(lead.creditLine, u"Photo: Jens Holm/Coastal Courier"_s);
        QCOMPARE(lead.altText, u"Two cranes at dusk"_s);
        const ArticleImage &crane = article.images.at(1);
        QCOMPARE(crane.role, ImageRole::Inline);
        QCOMPARE(crane.mimeType, u"image/jpeg"_s);
        QCOMPARE(QSize(crane.width, crane.height), QSize(40, 30));
        QCOMPARE(crane.caption, u"A crane arm is lifted into place."_s);
        QCOMPARE(crane.credit, u"Port Authority"_s);
        QCOMPARE(crane.copyright, u"© 2024 Port Authority"_s);
        const ArticleImage &map = article.images.at(2);
        QVERIFY(!map.hasData());
        QCOMPARE(map.sourceUrl, u"https://cdn.coastal-courier.example/graphics/quay-map.png"_s);
        QCOMPARE(map.caption, u"Where the cranes stand."_s);
        QCOMPARE(map.credit, u"Courier Data Desk"_s);
        QVERIFY(hasWarning(result, u"1 image is not saved with the page and was not downloaded: "
                                   u"https://cdn.coastal-courier.example/graphics/quay-map.png"_s));

        // The body: the lead's figure is taken out (shown above the body), the crane points at image 1,
        // the missing map and the pixel are gone, and no script is left.
        QVERIFY(!article.bodyHtml.contains("copydesk-image:0"_L1));
        QVERIFY(article.bodyHtml.contains("<img src=\"copydesk-image:1\" alt=\"A crane being lifted\">"_L1));
        QVERIFY(!article.bodyHtml.contains("quay-map"_L1));
        QVERIFY(!article.bodyHtml.contains("Where the cranes stand"_L1));
        QVERIFY(!article.bodyHtml.contains("pixel"_L1));
        QVERIFY(!article.bodyHtml.contains("The restored cranes"_L1));
        QVERIFY(article.bodyHtml.contains("A crane arm is lifted into place."_L1));
        QVERIFY(!article.bodyHtml.contains("<script"_L1));
        const QString sanitized = HtmlSanitizer::sanitize(article.bodyHtml);
        QVERIFY2(sanitized.contains("src=\"copydesk-image:1\""_L1), qPrintable(sanitized));

        QCOMPARE(article.quotes.size(), 1);
        QCOMPARE(article.quotes.first().text, u"“We never thought we would see them move again.”"_s);
        QCOMPARE(article.quotes.first().speaker, u"Ole Berg"_s);
        QCOMPARE(article.quotes.first().speakerRole, u"harbour master"_s);
    }

    // Readability writes image addresses out in full against the page's address; the files are found anyway,
    // and no made-up web address is given as the picture's source.
    void completePageWithResolvedAddresses()
    {
        ExtractedPage fields;
        fields.title = u"Harbour cranes"_s;
        fields.contentHtml =
            u"<div><p>Text.</p><figure><img "
            u"src=\"https://www.coastal-courier.example/news/2024/05/page_files/"
            u"harbour%20crane.jpg\"><figcaption>Crane</figcaption></figure><p>"
            u"<img src=\"https://www.coastal-courier.example/elsewhere/page_files/lead.png\"></p></div>"_s;
        FixedExtractor extractor(fields);
        const ImportResult result = importWith(fileSource(u"complete/page.html"_s), extractor);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Article &article = result.articles.first();
        QCOMPARE(article.images.size(), 2);
        QVERIFY(article.images.at(0).hasData());
        QCOMPARE(article.images.at(0).mimeType, u"image/jpeg"_s);
        QCOMPARE(article.images.at(0).sourceUrl, QString());
        QVERIFY(article.images.at(1).hasData()); // found through its "_files" folder
        QVERIFY(result.warnings.isEmpty());
        QVERIFY(article.bodyHtml.contains("copydesk-image:1"_L1));
    }

    void pathEscapeRefused()
    {
        FixedExtractor extractor;
        const ImportResult result = importWith(fileSource(u"escape/page.html"_s), extractor);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Article &article = result.articles.first();
        int withData = 0;
        for (const ArticleImage &image : article.images) {
            QVERIFY(image.data != readFile(pagePath(u"outside.png"_s)) || image.altText == "inside"_L1);
            withData += image.hasData() ? 1 : 0;
        }
        QCOMPARE(withData, 1); // page_files/inside.png
        QVERIFY(hasWarning(result, u"2 images point outside the page's folder and were not read"_s));
        QVERIFY(!article.bodyHtml.contains("outside.png"_L1));
        QVERIFY(!article.bodyHtml.contains("copydesk-image:"_L1)); // the one picture read is the lead
    }

    void symbolicLinkOutOfTheFolderRefused()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(u"saved/page_files"_s));
        QFile secret(dir.filePath(u"secret.png"_s));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write(pngBytes(8, 8));
        secret.close();
        QVERIFY(QFile::link(secret.fileName(), dir.filePath(u"saved/page_files/link.png"_s)));
        QFile page(dir.filePath(u"saved/page.html"_s));
        QVERIFY(page.open(QIODevice::WriteOnly));
        page.write("<html><body><article><p>Text</p><p><img src=\"page_files/link.png\" alt=\"x\"></p>"
                   "<p><img src=\"file://" +
                   secret.fileName().toUtf8() + "\"></p></article></body></html>");
        page.close();
        FixedExtractor extractor;
        ImportSource source;
        source.fileName = page.fileName();
        source.bytes = readFile(page.fileName());
        const ImportResult result = importWith(source, extractor);
        QVERIFY2(result.ok(), qPrintable(result.error));
        for (const ArticleImage &image : result.articles.first().images)
            QVERIFY(!image.hasData());
        QVERIFY(hasWarning(result, u"2 images point outside the page's folder"_s));
    }

    void mhtmlArchive()
    {
        FixedExtractor extractor;
        const ImportResult result = importWith(fileSource(u"archive/story.mhtml"_s), extractor);
        QVERIFY2(result.ok(), qPrintable(result.error));
        // The page part was decoded from quoted-printable and windows-1252 before extraction.
        QVERIFY(extractor.receivedHtml.contains(u"Les bateaux du fleuve reviennent au caf\u00e9 du port"_s));
        QCOMPARE(extractor.receivedBaseUrl, QUrl(u"https://news.example.org/2024/05/river.html"_s));
        const Article &article = result.articles.first();
        QCOMPARE(article.headline, u"Les bateaux du fleuve reviennent au caf\u00e9 du port"_s); // og:title
        QCOMPARE(article.byline, u"Claire Dubois"_s);
        QCOMPARE(article.language, u"fr"_s);
        QCOMPARE(article.sourceName, u"Journal du Fleuve"_s);
        QCOMPARE(article.publishedAt, utc(2024, 5, 14, 6, 15)); // RFC 2822 with an offset
        QCOMPARE(article.sourceUrl, u"https://news.example.org/2024/05/river.html"_s);
        QCOMPARE(article.images.size(), 2);
        const ArticleImage &river = article.images.at(0);
        QCOMPARE(river.role, ImageRole::Lead);
        QCOMPARE(river.mimeType, u"image/png"_s);
        QCOMPARE(QSize(river.width, river.height), QSize(32, 24));
        QCOMPARE(river.sourceUrl, u"https://news.example.org/media/river.png"_s);
        QCOMPARE(river.caption, u"Le fleuve au matin."_s);
        QCOMPARE(river.credit, u"Luc Martin/AFP"_s);
        QCOMPARE(river.creditLine, u"Photo: Luc Martin/AFP"_s);
        const ArticleImage &boat = article.images.at(1);
        QCOMPARE(boat.mimeType, u"image/jpeg"_s); // from its cid: address
        QCOMPARE(boat.sourceUrl, QString());
        QVERIFY(article.bodyHtml.contains("<img src=\"copydesk-image:1\" alt=\"Un bateau\">"_L1));
        QVERIFY(result.warnings.isEmpty());
    }

    void damagedMhtml()
    {
        FixedExtractor extractor;
        ImportSource source;
        source.fileName = u"broken.mhtml"_s;
        source.bytes =
            "MIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"\r\n\r\n--x\r\n";
        ImportResult result = importWith(source, extractor);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains("not a readable MHTML web archive"_L1), qPrintable(result.error));
        QVERIFY(result.error.contains("boundary"_L1));

        // Cut in the middle of a picture: the page imports, with the archive's warning and the lost picture.
        const QByteArray full = readFile(pagePath(u"archive/story.mhtml"_s));
        source.bytes = full.left(full.indexOf("Content-Type: image/jpeg") + 200);
        result = importWith(source, extractor);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(hasWarning(result, u"ends early"_s));
        QVERIFY(hasWarning(result, u"1 image is not a picture Copydesk keeps"_s));
        QCOMPARE(extractor.calls, 1);
    }

    void dataUris()
    {
        FixedExtractor extractor;
        const ImportResult result = importWith(fileSource(u"datauri/page.html"_s), extractor);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Article &article = result.articles.first();
        QCOMPARE(article.byline, u"Jonas Weber"_s);
        QCOMPARE(article.language, u"de"_s);
        QCOMPARE(article.images.size(), 3);
        const ArticleImage &inline0 = article.images.at(0);
        QCOMPARE(inline0.role, ImageRole::Lead);
        QCOMPARE(inline0.mimeType, u"image/png"_s);
        QCOMPARE(QSize(inline0.width, inline0.height), QSize(16, 12));
        QCOMPARE(inline0.caption, u"Ein Bild im Text."_s);
        QCOMPARE(inline0.credit, u"Jonas Weber"_s);
        QCOMPARE(inline0.sourceUrl, QString()); // a data: address is not a source
        // The SVG (it carries an onload script) is not kept; the lazy image's real address is remote.
        QVERIFY(!article.images.at(1).hasData());
        QCOMPARE(article.images.at(1).altText, u"Ein SVG"_s);
        QVERIFY(!article.images.at(2).hasData());
        QCOMPARE(article.images.at(2).sourceUrl, u"https://img.example.net/lazy/harbour.jpg"_s);
        QVERIFY(hasWarning(result, u"1 image is not a picture Copydesk keeps"_s));
        QVERIFY(hasWarning(result, u"1 image is not saved with the page and was not downloaded: "
                                   u"https://img.example.net/lazy/harbour.jpg"_s));
        QVERIFY(!article.bodyHtml.contains("<img"_L1));
        QVERIFY(!article.bodyHtml.contains("svg"_L1));
        QVERIFY(!article.bodyHtml.contains("onload"_L1));
    }

    // A file import never reaches the network: remote pictures are listed, with what is known about them.
    void remoteImagesOfAFile()
    {
        FixedExtractor extractor;
        const ImportResult result = importWith(fileSource(u"remote/page.html"_s), extractor);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Article &article = result.articles.first();
        QCOMPARE(article.byline, u"Ana Ruiz and Tom Becker"_s);
        QCOMPARE(article.headline, u"Storm closes mountain pass for third day"_s);
        QCOMPARE(article.images.size(), 5);
        for (const ArticleImage &image : article.images)
            QVERIFY(!image.hasData());
        // The lead is the metadata's image (found in the <img srcset>), described by the JSON-LD ImageObject.
        const ArticleImage &lead = article.images.at(0);
        QCOMPARE(lead.role, ImageRole::Lead);
        QCOMPARE(lead.sourceUrl, u"https://static.example.com/photos/lead-1200.jpg"_s);
        QCOMPARE(lead.caption, u"Snow ploughs wait at the foot of the pass."_s);
        QCOMPARE(lead.credit, u"Ana Ruiz/Getty Images"_s);
        QCOMPARE(lead.copyright, u"© 2024 Getty Images"_s);
        QCOMPARE(lead.licence, u"https://example.com/licence"_s);
        const ArticleImage &village = article.images.at(2);
        QCOMPARE(village.sourceUrl, u"https://static.example.com/photos/village.jpg"_s);
        QCOMPARE(village.caption, u"The village below the pass."_s);
        QCOMPARE(village.credit, u"Tom Becker/Reuters"_s);
        QVERIFY(hasWarning(result, u"5 images are not saved with the page and were not downloaded: "
                                   u"https://static.example.com/photos/lead-1200.jpg…"_s));
        QVERIFY(!article.bodyHtml.contains("<img"_L1));
        QVERIFY(!article.bodyHtml.contains("<picture"_L1));
        QVERIFY(article.bodyHtml.contains("Officials said the road could open on Friday."_L1));
    }

    // A download: pictures come through fetchResource, best candidate first, web addresses only.
    void remoteImagesOfADownload()
    {
        const QByteArray jpeg = readFile(pagePath(u"complete/page_files/harbour crane.jpg"_s));
        const QByteArray png = pngBytes(30, 20);
        QList<QUrl> fetched;
        ImportSource source;
        source.url = QUrl(u"https://www.example.com/world/storm.html"_s);
        source.contentType = u"text/html; charset=utf-8"_s;
        source.bytes = readFile(pagePath(u"remote/page.html"_s));
        source.fetchResource = [&](const QUrl &url) -> std::optional<Resource> {
            fetched.append(url);
            const QString text = url.toString();
            if (text == "https://static.example.com/photos/lead-1200.jpg"_L1)
                return Resource{jpeg, u"image/jpeg"_s};
            if (text == "https://www.example.com/img/chart-snowfall.png"_L1)
                return Resource{png, u"image/jpeg"_s}; // a wrong type from the server is sniffed right
            if (text.endsWith(".svg"_L1))
                return Resource{"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
                                u"image/svg+xml"_s};
            return std::nullopt;
        };
        FixedExtractor extractor;
        const ImportResult result = importWith(source, extractor);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(extractor.receivedBaseUrl, source.url);
        const Article &article = result.articles.first();
        QCOMPARE(article.sourceUrl, source.url.toString());
        QCOMPARE(fetched.first(), QUrl(u"https://static.example.com/photos/lead-1200.jpg"_s));
        for (const QUrl &url : std::as_const(fetched))
            QVERIFY(url.scheme() == "https"_L1);
        const ArticleImage &lead = article.images.at(0);
        QCOMPARE(lead.role, ImageRole::Lead);
        QCOMPARE(lead.data, jpeg);
        QCOMPARE(lead.credit, u"Ana Ruiz/Getty Images"_s);
        const ArticleImage &chart = article.images.at(1);
        QCOMPARE(chart.mimeType, u"image/png"_s);
        QCOMPARE(QSize(chart.width, chart.height), QSize(30, 20));
        QCOMPARE(chart.sourceUrl, u"https://www.example.com/img/chart-snowfall.png"_s);
        QVERIFY(article.bodyHtml.contains("<img src=\"copydesk-image:1\" alt=\"Snowfall chart\">"_L1));
        QVERIFY(hasWarning(result, u"2 images are not saved with the page and were not downloaded: "
                                   u"https://static.example.com/photos/village.jpg…"_s));
        QVERIFY(hasWarning(result, u"1 image is not a picture Copydesk keeps (SVG, unknown or damaged): "
                                   u"https://static.example.com/graphics/logo.svg"_s));
    }

    void oversizedImage()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile big(dir.filePath(u"big.png"_s));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(21 * 1024 * 1024));
        big.close();
        QFile page(dir.filePath(u"page.html"_s));
        QVERIFY(page.open(QIODevice::WriteOnly));
        page.write("<html><body><article><p>Text</p><figure><img src=\"big.png\"><figcaption>Huge. Photo: A B"
                   "</figcaption></figure></article></body></html>");
        page.close();
        FixedExtractor extractor;
        ImportSource source;
        source.fileName = page.fileName();
        source.bytes = readFile(page.fileName());
        const ImportResult result = importWith(source, extractor);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(hasWarning(result, u"1 image is larger than 20 MiB and was not kept"_s));
        QCOMPARE(result.articles.first().images.size(), 1);
        QVERIFY(!result.articles.first().images.first().hasData());
        QCOMPARE(result.articles.first().images.first().credit, u"A B"_s);
    }

    // Metadata fills what the extractor leaves empty; the metadata image of a page without pictures in the
    // body becomes the lead of a download.
    void metadataFillsTheGaps()
    {
        FixedExtractor extractor;
        ImportResult result = importWith(fileSource(u"metadata/jsonld.html"_s), extractor);
        QVERIFY2(result.ok(), qPrintable(result.error));
        Article article = result.articles.first();
        QCOMPARE(article.headline, u"Council approves new tram line & depot"_s);
        QCOMPARE(article.byline, u"Priya Natarajan, Ben Osei and Lena Wolf"_s);
        QCOMPARE(article.standfirst, u"The line will link the station with the university by 2028."_s);
        QCOMPARE(article.section, u"Transport"_s);
        QCOMPARE(article.language, u"en-GB"_s);
        QCOMPARE(article.dateline, u"LEEDS"_s);
        QCOMPARE(article.sourceName, u"Metro Daily"_s);
        QVERIFY(article.images.isEmpty()); // its image is remote and nothing in the body shows it
        QVERIFY(result.warnings.isEmpty());

        ImportSource download;
        download.url = QUrl(u"https://metro.example/tram/"_s);
        download.bytes = readFile(pagePath(u"metadata/jsonld.html"_s));
        download.fetchResource = [](const QUrl &url) -> std::optional<Resource> {
            if (url == QUrl(u"https://metro.example/uploads/tram.jpg"_s))
                return Resource{pngBytes(64, 40), u"image/png"_s};
            return std::nullopt;
        };
        result = importWith(download, extractor);
        QVERIFY2(result.ok(), qPrintable(result.error));
        article = result.articles.first();
        QCOMPARE(article.images.size(), 1);
        QCOMPARE(article.images.first().role, ImageRole::Lead);
        QCOMPARE(article.images.first().width, 64);
        QCOMPARE(article.images.first().caption, u"The planned tram stop at the station."_s);
        QCOMPARE(article.images.first().credit, u"Metro Daily/Jo Kim"_s);
        QCOMPARE(article.images.first().licence, u"https://creativecommons.org/licenses/by/4.0/"_s);
    }

    // The extractor's fields are what the reader view shows and win over the page's metadata.
    void extractorFieldsWin()
    {
        ExtractedPage fields;
        fields.title = u"Dijk bij Harlingen is klaar"_s;
        fields.byline = u"Door Sanne de Vries"_s;
        fields.excerpt = u"De dijk is klaar."_s;
        fields.language = u"nl-NL"_s;
        fields.siteName = u"NK"_s;
        fields.publishedTime = u"2023-11-03T10:00:00Z"_s;
        FixedExtractor extractor(fields);
        const ImportResult result = importWith(fileSource(u"metadata/opengraph.html"_s), extractor);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Article &article = result.articles.first();
        QCOMPARE(article.headline, fields.title);
        QCOMPARE(article.byline, fields.byline);
        QCOMPARE(article.standfirst, fields.excerpt);
        QCOMPARE(article.language, fields.language);
        QCOMPARE(article.sourceName, fields.siteName);
        QCOMPARE(article.publishedAt, utc(2023, 11, 3, 10, 0));
        QCOMPARE(article.section, u"Binnenland"_s);
        QCOMPARE(article.sourceUrl, u"https://www.noordkrant.example/binnenland/dijk-harlingen"_s);
    }

    // A page naming its author in its metadata keeps its "By ..." line in what Readability finds, which
    // makes it the excerpt too: the byline has the names, and neither the standfirst nor the body repeats
    // them. A first paragraph that only mentions the author stays.
    void aBylineLineIsNeitherTheStandfirstNorTheFirstParagraph()
    {
        ImportSource source;
        source.fileName = u"ferry.html"_s;
        source.bytes =
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>Ferry service resumes</title><meta name=\"author\" content=\"Maria Lind\">"
            "</head><body><article><p class=\"byline\">By  Maria Lind</p>"
            "<p>The ferry between the two harbours ran again on Tuesday.</p></article></body></html>";
        ExtractedPage fields;
        fields.excerpt = u"By Maria Lind"_s;
        FixedExtractor extractor(fields);
        ImportResult result = importWith(source, extractor);
        QVERIFY2(result.ok(), qPrintable(result.error));
        Article article = result.articles.first();
        QCOMPARE(article.byline, u"Maria Lind"_s);
        QCOMPARE(article.standfirst, QString());
        QVERIFY2(article.bodyHtml.contains(u"<p>The ferry between"_s), qPrintable(article.bodyHtml));
        QVERIFY2(!article.bodyHtml.contains(u"Maria Lind"_s), qPrintable(article.bodyHtml));

        source.bytes.replace("By  Maria Lind", "Maria Lind reports from the harbour.");
        fields.excerpt = u"Maria Lind reports from the harbour."_s;
        FixedExtractor mentioning(fields);
        result = importWith(source, mentioning);
        QVERIFY2(result.ok(), qPrintable(result.error));
        article = result.articles.first();
        QCOMPARE(article.standfirst, fields.excerpt);
        QVERIFY2(article.bodyHtml.contains(u"Maria Lind reports from the harbour.</p>"_s),
                 qPrintable(article.bodyHtml));
    }

    // A gallery written as a list: each picture's caption is the picture's, and none of them is stored as an
    // entry of a list, whether the picture is kept in the body, taken as the lead or could not be loaded.
    void captionsInListsBelongToTheirPictures()
    {
        const auto importPage = [](const QString &articleHtml, bool fetch) {
            ImportSource source;
            source.url = QUrl(u"https://www.harbour-times.example/gallery.html"_s);
            source.contentType = u"text/html; charset=utf-8"_s;
            source.bytes = (u"<!DOCTYPE html><html><head><title>Quay</title></head><body><article>"_s +
                            articleHtml + u"</article></body></html>"_s)
                               .toUtf8();
            int width = 20; // a picture of its own for every address
            if (fetch)
                source.fetchResource = [width](const QUrl &) mutable -> std::optional<Resource> {
                    return Resource{pngBytes(width++, 10), u"image/png"_s};
                };
            FixedExtractor extractor;
            return importWith(source, extractor);
        };
        const QString gallery =
            u"<p>The quay reopened on Saturday.</p><p><img src=\"lead.png\"></p>"
            "<ul><li><figure><img src=\"boats.png\"><figcaption>Boats at the east "
            "quay.</figcaption></figure></li>"
            "<li><img src=\"crane.png\"><p>The old crane at dusk. Photo: Jens Holm</p></li></ul>"
            "<ul><figure><img src=\"gulls.png\"><figcaption>Gulls over the "
            "harbour.</figcaption></figure></ul>"
            "<p>The market returns next week.</p>"_s;

        ImportResult result = importPage(gallery, true);
        QVERIFY2(result.ok(), qPrintable(result.error));
        Article article = result.articles.first();
        QCOMPARE(article.images.size(), 4);
        QCOMPARE(article.images.at(1).caption, u"Boats at the east quay."_s);
        QCOMPARE(article.images.at(2).caption, u"The old crane at dusk."_s);
        QCOMPARE(article.images.at(2).credit, u"Jens Holm"_s);
        QCOMPARE(article.images.at(3).caption, u"Gulls over the harbour."_s);
        QString stored = HtmlSanitizer::sanitize(article.bodyHtml);
        QVERIFY2(!stored.contains("<li"_L1) && !stored.contains("<ul"_L1), qPrintable(stored));
        QVERIFY2(stored.contains("<figure><img src=\"copydesk-image:1\"><figcaption>Boats at the east "
                                 "quay.</figcaption>"_L1),
                 qPrintable(stored));
        QVERIFY2(stored.contains("<figure><img src=\"copydesk-image:2\"><figcaption>The old crane at dusk. "
                                 "Photo: Jens Holm</figcaption>"_L1),
                 qPrintable(stored));
        QVERIFY2(stored.contains("<figure><img src=\"copydesk-image:3\"><figcaption>Gulls over the "
                                 "harbour.</figcaption>"_L1),
                 qPrintable(stored));

        // Pictures that are not there go with their captions, as a figure's do; the captions stay with them.
        result = importPage(gallery, false);
        QVERIFY2(result.ok(), qPrintable(result.error));
        article = result.articles.first();
        QCOMPARE(article.images.size(), 4);
        QCOMPARE(article.images.at(2).caption, u"The old crane at dusk."_s);
        stored = HtmlSanitizer::sanitize(article.bodyHtml);
        QCOMPARE(stored, u"<p>The quay reopened on Saturday.</p>\n<p>The market returns next week.</p>\n"_s);

        // A picture inside a list item's sentence, beside a heading of the item or as the icon of a link is
        // part of that entry.
        result =
            importPage(u"<p>Two results.</p><p><img src=\"lead.png\"></p><ul>"
                       "<li>The sum <img src=\"sum.png\"> is Hermitian.</li>"
                       "<li><img src=\"ide.png\"><h2>WebIDE</h2><p>Develop and debug apps.</p></li>"
                       "<li><img src=\"globe.png\"> <a href=\"https://atlas.example/\">Harbour atlas</a></li>"
                       "</ul>"_s,
                       true);
        QVERIFY2(result.ok(), qPrintable(result.error));
        stored = HtmlSanitizer::sanitize(result.articles.first().bodyHtml);
        QVERIFY2(stored.contains("<li>The sum <img src=\"copydesk-image:"_L1), qPrintable(stored));
        QVERIFY2(stored.contains("<h2>WebIDE</h2>"_L1), qPrintable(stored));
        QVERIFY2(stored.contains("<a href=\"https://atlas.example/\">Harbour atlas</a></li>"_L1),
                 qPrintable(stored));
        QVERIFY2(!stored.contains("<figure"_L1), qPrintable(stored));
        for (const ArticleImage &image : result.articles.first().images)
            QCOMPARE(image.caption, QString());
    }

    void headlineChoice_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("siteName");
        QTest::addColumn<QString>("expected");
        QTest::newRow("other suffix kept")
            << u"Tram approved - Analysis"_s << u"Metro Daily"_s << u"Tram approved - Analysis"_s;
        QTest::newRow("shortened title completed")
            << u"Council approves new tram…"_s << QString() << u"Council approves new tram line & depot"_s;
        QTest::newRow("empty title uses json-ld")
            << QString() << QString() << u"Council approves new tram line & depot"_s;
    }

    void headlineChoice()
    {
        QFETCH(QString, title);
        QFETCH(QString, siteName);
        QFETCH(QString, expected);
        ExtractedPage fields;
        fields.title = title;
        fields.siteName = siteName;
        FixedExtractor extractor(fields);
        const ImportResult result = importWith(fileSource(u"metadata/jsonld.html"_s), extractor);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.articles.first().headline, expected);
    }

    // Many pages end their titles with the site's or the author's name ("… | Metro Daily", "… - Ben Osei"):
    // the headline drops such an end when it names the page's site or author (from the reader view, the
    // JSON-LD or the meta tags), and keeps every other "|" or dash.
    void headlineDropsSiteOrAuthorName_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("siteName");
        QTest::addColumn<QString>("byline");
        QTest::addColumn<QString>("expected");
        const QString tram = u"Tram approved for the east side"_s;
        QTest::newRow("reader view's site name")
            << tram + u" - Metro Daily"_s << u"Metro Daily"_s << QString() << tram;
        QTest::newRow("og:site_name") << tram + u" | metro daily"_s << QString() << QString() << tram;
        QTest::newRow("json-ld author") << tram + u" | Ben Osei"_s << QString() << QString() << tram;
        QTest::newRow("reader view's byline")
            << tram + u" \u2014 Sam Reed"_s << QString() << u"By Sam Reed"_s << tram;
        QTest::newRow("author and site")
            << tram + u" \u2013 Lena Wolf - Metro Daily"_s << QString() << QString() << tram;
        QTest::newRow("other end kept")
            << tram + u" | Opinion"_s << u"Metro Daily"_s << QString() << tram + u" | Opinion"_s;
        QTest::newRow("dash inside kept") << u"Leeds \u2013 Bradford tram approved"_s << QString()
                                          << QString() << u"Leeds \u2013 Bradford tram approved"_s;
        QTest::newRow("site name first kept")
            << u"Metro Daily | "_s + tram << QString() << QString() << u"Metro Daily | "_s + tram;
        QTest::newRow("longer end kept") << tram + u" - Metro Daily readers react"_s << QString() << QString()
                                         << tram + u" - Metro Daily readers react"_s;
        QTest::newRow("name alone kept")
            << u"Metro Daily"_s << u"Metro Daily"_s << QString() << u"Metro Daily"_s;
    }

    void headlineDropsSiteOrAuthorName()
    {
        QFETCH(QString, title);
        QFETCH(QString, siteName);
        QFETCH(QString, byline);
        QFETCH(QString, expected);
        ExtractedPage fields;
        fields.title = title;
        fields.siteName = siteName;
        fields.byline = byline;
        FixedExtractor extractor(fields);
        // The page's metadata: og:site_name "Metro Daily", JSON-LD authors Priya Natarajan, Ben Osei, Lena
        // Wolf.
        const ImportResult result = importWith(fileSource(u"metadata/jsonld.html"_s), extractor);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.articles.first().headline, expected);
    }

    void legacyEncodingReachesTheExtractor()
    {
        FixedExtractor extractor;
        const ImportResult result = importWith(fileSource(u"metadata/windows-1252.html"_s), extractor);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(extractor.receivedHtml.contains(u"El molino de la se\u00f1ora Pilar"_s));
        QCOMPARE(result.articles.first().language, u"es"_s);
        // Without a page address, relative links resolve against the file itself.
        QCOMPARE(extractor.receivedBaseUrl, QUrl::fromLocalFile(pagePath(u"metadata/windows-1252.html"_s)));
    }

    void notAnArticle()
    {
        ExtractedPage fields;
        fields.readerable = false;
        FixedExtractor extractor(fields);
        const ImportResult result = importWith(fileSource(u"metadata/meta.html"_s), extractor);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(hasWarning(result, u"may not be an article ("_s));
    }

    void extractorFailure()
    {
        ExtractedPage fields;
        fields.error = u"the page took too long to load"_s;
        FixedExtractor extractor(fields);
        ImportResult result = importWith(fileSource(u"metadata/meta.html"_s), extractor);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(fields.error), qPrintable(result.error));

        FixedExtractor empty(ExtractedPage{});
        ImportSource source;
        source.fileName = u"nothing.html"_s;
        source.bytes = "<html><body><div>menu</div></body></html>";
        result = importWith(source, empty);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains("no main text"_L1), qPrintable(result.error));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << u"a.html"_s << QByteArray() << u"the file is empty"_s;
        QTest::newRow("white space") << u"a.html"_s << QByteArray(" \n\t\n") << u"the page is empty"_s;
        QTest::newRow("binary") << u"a.html"_s << pngBytes(8, 8) << u"binary"_s;
        QTest::newRow("nul bytes") << u"a.html"_s << QByteArray("<p>\0\0\0\0</p>", 11) << u"binary"_s;
        QTest::newRow("plain text") << u"a.html"_s << QByteArray("Just a line of text.\nAnother line.\n")
                                    << u"no HTML markup"_s;
        QTest::newRow("json") << u"a.json"_s << QByteArray("{\"headline\": \"x\"}") << u"no HTML markup"_s;
        QTest::newRow("too large") << u"a.html"_s << QByteArray(50 * 1024 * 1024 + 1, ' ') << u"too large"_s;
        QTest::newRow("not an archive")
            << u"a.mht"_s << QByteArray("Some words, no headers.\n") << u"not a readable MHTML web archive"_s;
    }

    void badInput()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        FixedExtractor extractor;
        ImportSource source;
        source.fileName = fileName;
        source.bytes = bytes;
        const ImportResult result = importWith(source, extractor);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(reason), qPrintable(result.error));
        QCOMPARE(extractor.calls, 0);
    }
};

QTEST_GUILESS_MAIN(TestHtmlPageImporter)
#include "tst_htmlpageimporter.moc"
