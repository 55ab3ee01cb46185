#include <html/htmlsanitizer.h>
#include <ninjs/ninjsexporter.h>
#include <ninjs/ninjsimporter.h>

#include "testsupport.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

QString schemaPath()
{
    return sharedDir() + u"/corpora/ninjs/specification/ninjs-schema_2.1.json"_s;
}

QByteArray imageBytes(const char *format, QColor colour)
{
    QImage image(4, 3, QImage::Format_RGB32);
    image.fill(colour);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return buffer.data();
}

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int milliseconds = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, milliseconds), Qt::UTC);
}

// Every field set, Cyrillic text, images with and without bytes, a body that shows one of them.
Article richArticle()
{
    Article article;
    article.id = 42;
    article.uuid = u"3f2b8c1e-6a4d-4f6e-9b1a-0c2d3e4f5a6b"_s;
    article.status = ArticleStatus::Saved;
    article.section = u"Город"_s;
    article.headline = u"Москва: «Новый мост» открыт для движения"_s;
    article.standfirst = u"Строительство заняло три года; стоимость — 2,5 млрд рублей."_s;
    article.byline = u"Анна Петрова"_s;
    article.dateline = u"МОСКВА"_s;
    article.language = u"ru"_s;
    article.bodyHtml =
        u"<p>Первый абзац с <em>выделением</em> &amp; амперсандом.</p>\n<h2>Подзаголовок</h2>\n"
        "<figure><img src=\"copydesk-image:1\" alt=\"Мост ночью\"><figcaption>Мост ночью</figcaption>"
        "</figure>\n<p>Второй абзац, «кавычки» и <a href=\"https://example.org/\">ссылка</a>.</p>"_s;
    article.bodyText = u"derived on save"_s;
    article.sourceUrl = u"https://example.org/news/most?id=7&lang=ru"_s;
    article.sourceName = u"Городские новости"_s;
    article.createdAt = utc(2024, 3, 1, 8, 15, 30, 125);
    article.updatedAt = utc(2024, 3, 2, 9, 0, 0);
    article.publishedAt = utc(2024, 3, 1, 12, 0, 0);
    article.readAt = utc(2024, 3, 3, 7, 0, 0);
    article.starred = true;
    article.wordCount = 17;
    article.tags = {u"транспорт"_s, u"Москва"_s, u"infrastructure"_s};
    article.quotes = {{u"Мост выдержит всё."_s, u"Иван Иванов"_s, u"инженер"_s, u"на открытии"_s}};

    ArticleImage lead;
    lead.role = ImageRole::Lead;
    lead.data = imageBytes("PNG", Qt::red);
    lead.mimeType = u"image/png"_s;
    lead.width = 4;
    lead.height = 3;
    lead.caption = u"Новый мост через Москву-реку"_s;
    lead.altText = u"Вантовый мост на закате"_s;
    lead.credit = u"Иван Сидоров"_s;
    lead.creditLine = u"Фото: Иван Сидоров / Городские новости"_s;
    lead.copyright = u"© Городские новости, 2024"_s;
    lead.licence = u"CC BY-SA 4.0"_s;
    lead.sourceUrl = u"https://example.org/photos/most.png"_s;
    ArticleImage inlined = lead;
    inlined.role = ImageRole::Inline;
    inlined.data = imageBytes("JPEG", Qt::blue);
    inlined.mimeType = u"image/jpeg"_s;
    inlined.caption = u"Мост ночью"_s;
    inlined.altText.clear();
    inlined.creditLine.clear();
    inlined.sourceUrl.clear();
    ArticleImage linked; // known, but its bytes were never fetched
    linked.caption = u"Схема движения"_s;
    linked.credit = u"Мосгортранс"_s;
    linked.mimeType = u"image/webp"_s;
    linked.width = 1200;
    linked.height = 800;
    linked.sourceUrl = u"https://example.org/photos/scheme.webp"_s;
    ArticleImage captionOnly;
    captionOnly.caption = u"Без файла"_s;
    article.images = {lead, inlined, linked, captionOnly};
    article.related = {{u"Старый мост закрыт"_s, u"Пётр Смирнов"_s, u"https://example.org/news/old-bridge"_s},
                       {u"История мостов"_s, QString(), QString()}};
    return article;
}

// What the importer gives back for what the exporter wrote.
Article roundTrip(const Article &article)
{
    ImportSource source;
    source.fileName = u"article.json"_s;
    source.bytes = QJsonDocument(NinjsExporter::toNinjs(article)).toJson();
    const ImportResult result = NinjsImporter().import(source);
    if (!result.ok() || result.articles.size() != 1)
        qWarning("round trip import failed: %s", qPrintable(result.error));
    return result.articles.value(0);
}

// Runs the ninjs validator of the test suite (Debian's python3-jsonschema) on one item: its output, or
// nothing when the item is valid. Exit 77 is the validator's "the schemas are absent".
struct Validation
{
    int exitCode = -1;
    QString output;
};

Validation validateWithPython(const QJsonObject &item)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"item.json"_s);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(QJsonDocument(item).toJson());
    file.close();
    QProcess python;
    python.setProcessChannelMode(QProcess::MergedChannels);
    python.start(QStringLiteral(COPYDESK_TEST_PYTHON),
                 {QStringLiteral(COPYDESK_NINJS_VALIDATOR), u"--schema"_s, schemaPath(), path});
    if (!python.waitForFinished(60000))
        return {-1, u"the validator did not finish"_s};
    return {python.exitStatus() == QProcess::NormalExit ? python.exitCode() : -1,
            QString::fromUtf8(python.readAll())};
}

} // namespace

class TestNinjsExporter : public QObject
{
    Q_OBJECT

private slots:
    void shape();
    void statuses();
    void validatesAgainstSchema_data();
    void validatesAgainstSchema();
    void roundTrip();
    void roundTripOfSparseArticles();
    void write();
};

void TestNinjsExporter::shape()
{
    const QJsonObject item = NinjsExporter::toNinjs(richArticle());
    QCOMPARE(item.value("uri"_L1).toString(), u"urn:copydesk:3f2b8c1e-6a4d-4f6e-9b1a-0c2d3e4f5a6b"_s);
    QCOMPARE(item.value("standard"_L1).toObject().value("version"_L1).toString(), u"2.1"_s);
    QCOMPARE(item.value("type"_L1).toString(), u"text"_s);
    QCOMPARE(item.value("by"_L1).toString(), u"Анна Петрова"_s);
    QCOMPARE(item.value("located"_L1).toString(), u"МОСКВА"_s);
    const QString body = item.value("bodies"_L1).toArray().first().toObject().value("value"_L1).toString();
    QVERIFY2(body.contains("<img data-assoc-ref=\"inline_2\" src=\"copydesk-image:1\""_L1), qPrintable(body));
    const QJsonArray associations = item.value("associations"_L1).toArray();
    QCOMPARE(associations.size(), 6);
    const QJsonObject lead = associations.at(0).toObject();
    QCOMPARE(lead.value("name"_L1).toString(), u"lead"_s);
    QCOMPARE(lead.value("uri"_L1).toString(), u"https://example.org/photos/most.png"_s);
    const QString href = lead.value("renditions"_L1).toArray().first().toObject().value("href"_L1).toString();
    QVERIFY(href.startsWith("data:image/png;base64,iVBOR"_L1));
    QCOMPARE(associations.at(4).toObject().value("type"_L1).toString(), u"text"_s);
    // No place in ninjs for these: they stay out rather than being forced into the body.
    const QString json = QString::fromUtf8(QJsonDocument(item).toJson());
    QVERIFY(!json.contains(u"Мост выдержит всё"_s));
    QVERIFY(!json.contains("derived on save"_L1));
}

void TestNinjsExporter::statuses()
{
    const QList<std::pair<ArticleStatus, QString>> expected = {
        {ArticleStatus::Draft, u"withheld"_s}, {ArticleStatus::InEdit, u"withheld"_s},
        {ArticleStatus::Ready, u"withheld"_s}, {ArticleStatus::Published, u"usable"_s},
        {ArticleStatus::Saved, u"usable"_s},   {ArticleStatus::Spiked, u"canceled"_s}};
    for (const auto &[status, pubStatus] : expected) {
        Article article;
        article.headline = u"H"_s;
        article.status = status;
        QCOMPARE(NinjsExporter::toNinjs(article).value("pubstatus"_L1).toString(), pubStatus);
        // ninjs knows three states: an import is Saved (an item from elsewhere) unless it was canceled.
        QCOMPARE(::roundTrip(article).status,
                 status == ArticleStatus::Spiked ? ArticleStatus::Spiked : ArticleStatus::Saved);
    }
}

void TestNinjsExporter::validatesAgainstSchema_data()
{
    QTest::addColumn<Article>("article");
    QTest::newRow("rich") << richArticle();
    QTest::newRow("empty") << Article();
    Article headlineOnly;
    headlineOnly.headline = u"Только заголовок"_s;
    headlineOnly.status = ArticleStatus::Published;
    QTest::newRow("headline only") << headlineOnly;
    Article emptyFields = richArticle();
    emptyFields.uuid.clear();
    emptyFields.sourceUrl = u"not a web address"_s;
    emptyFields.createdAt = QDateTime();
    for (ArticleImage &image : emptyFields.images)
        image = ArticleImage();
    emptyFields.related = {RelatedLink(), {u"Без ссылки"_s, QString(), u"ftp://example.org/x"_s}};
    emptyFields.tags = {QString(), u"один"_s};
    QTest::newRow("empty fields") << emptyFields;
}

void TestNinjsExporter::validatesAgainstSchema()
{
    if (!QFile::exists(schemaPath()))
        QSKIP(qPrintable(u"the ninjs schemas are absent: %1"_s.arg(schemaPath())));
    QFETCH(Article, article);
    const Validation validation = validateWithPython(NinjsExporter::toNinjs(article));
    if (validation.exitCode == 77)
        QSKIP(qPrintable(validation.output));
    QVERIFY2(validation.exitCode == 0, qPrintable(validation.output));
}

void TestNinjsExporter::roundTrip()
{
    const Article original = richArticle();
    const Article back = ::roundTrip(original);
    QCOMPARE(back.status, original.status);
    QCOMPARE(back.section, original.section);
    QCOMPARE(back.headline, original.headline);
    QCOMPARE(back.standfirst, original.standfirst);
    QCOMPARE(back.byline, original.byline);
    QCOMPARE(back.dateline, original.dateline);
    QCOMPARE(back.language, original.language);
    // The body comes back as the library stores it: sanitized, which is how the original is stored too.
    QCOMPARE(back.bodyHtml, HtmlSanitizer::sanitize(original.bodyHtml));
    QCOMPARE(back.sourceUrl, original.sourceUrl);
    QCOMPARE(back.sourceName, original.sourceName);
    QCOMPARE(back.createdAt, original.createdAt);
    QCOMPARE(back.updatedAt, original.updatedAt);
    QCOMPARE(back.publishedAt, original.publishedAt);
    QCOMPARE(back.tags, original.tags);
    QCOMPARE(back.related, original.related);
    QCOMPARE(back.images.size(), original.images.size());
    for (qsizetype i = 0; i < original.images.size(); ++i) {
        const ArticleImage &was = original.images.at(i);
        const ArticleImage &is = back.images.at(i);
        QCOMPARE(is.role, was.role);
        QCOMPARE(is.data, was.data);
        QCOMPARE(is.mimeType, was.mimeType);
        QCOMPARE(is.width, was.width);
        QCOMPARE(is.height, was.height);
        QCOMPARE(is.caption, was.caption);
        QCOMPARE(is.altText, was.altText);
        QCOMPARE(is.credit, was.credit);
        QCOMPARE(is.creditLine, was.creditLine);
        QCOMPARE(is.copyright, was.copyright);
        QCOMPARE(is.licence, was.licence);
        QCOMPARE(is.sourceUrl, was.sourceUrl);
        QCOMPARE(is.id, 0);
    }

    // What ninjs cannot carry: quotes, starred, read time; the word count and body text are derived
    // again on save; the library id and uuid belong to the library the article is imported into.
    QVERIFY(back.quotes.isEmpty());
    QVERIFY(!back.starred);
    QVERIFY(!back.readAt.isValid());
    QCOMPARE(back.wordCount, 0);
    QVERIFY(back.bodyText.isEmpty());
    QCOMPARE(back.id, 0);
    QVERIFY(back.uuid.isEmpty());

    // Everything else is identical.
    Article expected = original;
    expected.id = 0;
    expected.uuid.clear();
    expected.quotes.clear();
    expected.starred = false;
    expected.readAt = QDateTime();
    expected.wordCount = 0;
    expected.bodyText.clear();
    expected.bodyHtml = HtmlSanitizer::sanitize(original.bodyHtml);
    QVERIFY(back == expected);
}

void TestNinjsExporter::roundTripOfSparseArticles()
{
    Article article;
    article.status = ArticleStatus::Saved;
    article.headline = u"Заголовок"_s;
    QVERIFY(::roundTrip(article) == article);
    article.standfirst = u"Вводка без текста"_s; // a draft with no body yet
    QVERIFY(::roundTrip(article) == article);

    article.bodyHtml = u"<p>Текст</p>"_s;
    article.images = {ArticleImage(), ArticleImage()}; // all inline, with nothing known about them
    article.images[0].caption = u"Первая"_s;
    QVERIFY(::roundTrip(article) == article);

    article.images[1].role = ImageRole::Lead; // a lead that is not the first keeps its place
    QVERIFY(::roundTrip(article) == article);
}

void TestNinjsExporter::write()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"статья.json"_s);
    const Article article = richArticle();
    QString error;
    QVERIFY2(NinjsExporter().write(article, path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(file.readAll()).object(), NinjsExporter::toNinjs(article));

    QVERIFY(!NinjsExporter().write(article, dir.filePath(u"missing/folder/a.json"_s), &error));
    QVERIFY2(error.contains("missing/folder/a.json: cannot write"_L1), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestNinjsExporter)
#include "tst_ninjsexporter.moc"
