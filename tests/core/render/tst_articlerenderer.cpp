#include <render/articlerenderer.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {
Article renderedArticle()
{
    Article article;
    article.id = 42;
    article.section = u"Eastern Europe"_s;
    article.headline = u"Talks <resume> & continue"_s;
    article.standfirst = u"A standfirst"_s;
    article.byline = u"Ann Smith and Bo Li"_s;
    article.dateline = u"MINSK"_s;
    article.language = u"en"_s;
    article.publishedAt = QDateTime(QDate(2026, 2, 3), QTime(10, 30), Qt::UTC);
    article.bodyHtml =
        u"<p>Para one.</p>\n<h2>A subheading</h2>\n<p>Para two.</p>\n"
        "<figure><img src=\"copydesk-image:1\" alt=\"inline\"><figcaption>Inline</figcaption></figure>\n"_s;
    article.quotes = {{u"We are ready"_s, u"Makei"_s, u"Foreign minister"_s, {}}};
    ArticleImage lead;
    lead.role = ImageRole::Lead;
    lead.data = QByteArray("PNGDATA");
    lead.mimeType = u"image/png"_s;
    lead.caption = u"Lukashenko in a rocket"_s;
    lead.credit = u"Tomasz Sulima"_s;
    lead.creditLine = u"Image by Tomasz Sulima"_s;
    lead.altText = u"A man in a rocket"_s;
    ArticleImage inlineImage;
    inlineImage.data = QByteArray("JPGDATA");
    inlineImage.mimeType = u"image/jpeg"_s;
    article.images = {lead, inlineImage};
    article.related = {{u"Earlier"_s, u"L Todd Wood"_s, u"https://news.example/earlier"_s},
                       {u"No link"_s, {}, u"javascript:alert(1)"_s}};
    article.tags = {u"belarus"_s};
    return article;
}
} // namespace

class TestArticleRenderer : public QObject
{
    Q_OBJECT

private slots:
    void rendersTheNewsroomStructure()
    {
        const ArticleRenderer renderer;
        const QString html = renderer.renderPage(renderedArticle(), ArticleRenderer::ImageMode::Embedded);
        QVERIFY(html.startsWith(u"<!DOCTYPE html>"_s));
        QVERIFY(html.contains(u"<html lang=\"en\">"_s));
        QVERIFY(html.contains(u"<meta charset=\"utf-8\">"_s));
        QVERIFY(html.contains(u"<title>Talks &lt;resume&gt; &amp; continue</title>"_s));
        QVERIFY(html.contains(u"<article>"_s));
        QVERIFY(html.contains(u"<h1>Talks &lt;resume&gt; &amp; continue</h1>"_s));
        QVERIFY(html.contains(u"<p class=\"standfirst\">A standfirst</p>"_s));
        QVERIFY(html.contains(u"<span class=\"author\">Ann Smith and Bo Li</span>"_s));
        QVERIFY(
            html.contains(u"<time datetime=\"2026-02-03T10:30:00Z\">3 February 2026, 10:30 UTC</time>"_s));
        QVERIFY(html.contains(u"<figcaption><span class=\"caption\">Lukashenko in a rocket</span> "
                              "<small class=\"credit\">Image by Tomasz Sulima</small></figcaption>"_s));
        QVERIFY(html.contains(u"<h2>A subheading</h2>"_s));
        QVERIFY(html.contains(u"<blockquote><p>We are ready</p></blockquote>"_s));
        QVERIFY(html.contains(u"<figcaption>— <cite>Makei</cite>, Foreign minister</figcaption>"_s));
        QVERIFY(html.contains(u"<a href=\"https://news.example/earlier\">Earlier</a>"_s));
        QVERIFY(!html.contains(u"javascript:"_s));
    }

    void embedsImagesAsDataUris()
    {
        const ArticleRenderer renderer;
        const QString html = renderer.renderPage(renderedArticle(), ArticleRenderer::ImageMode::Embedded);
        QVERIFY(html.contains(u"<img src=\"data:image/png;base64,%1\" alt=\"A man in a rocket\">"_s.arg(
            QString::fromLatin1(QByteArray("PNGDATA").toBase64()))));
        QVERIFY(html.contains(u"src=\"data:image/jpeg;base64,"_s));
        QVERIFY(!html.contains(u"copydesk-image:"_s));
        QVERIFY(!html.contains(u"copydesk://"_s));
        // Nothing in the page may point outside it.
        static const QRegularExpression external(u"(src|href)=\"(?!data:|https://news.example/earlier)"_s);
        QVERIFY(!external.match(html).hasMatch());
        QVERIFY(html.contains(u"default-src 'none'"_s));
    }

    void previewUsesLibraryUrls()
    {
        const ArticleRenderer renderer;
        const QString html = renderer.renderPage(renderedArticle(), ArticleRenderer::ImageMode::LibraryUrls);
        QVERIFY(html.contains(u"<img src=\"copydesk://image/42/0\""_s));
        QVERIFY(html.contains(u"src=\"copydesk://image/42/1\""_s));
        QVERIFY(!html.contains(u"base64"_s));
        QVERIFY(html.contains(u"img-src copydesk: data:"_s));
    }

    void missingImageKeepsCaptionAndCredit()
    {
        Article article = renderedArticle();
        article.images[0].data.clear();
        const QString html = ArticleRenderer().renderArticle(article, ArticleRenderer::ImageMode::Embedded);
        QVERIFY(html.contains(u"Image not available"_s));
        QVERIFY(html.contains(u"<small class=\"credit\">Image by Tomasz Sulima</small>"_s));
    }

    void jsonLdDescribesTheArticle()
    {
        const ArticleRenderer renderer;
        Article article = renderedArticle();
        article.headline = u"Ends </script><script>alert(1)</script>"_s;
        const QString html = renderer.renderPage(article, ArticleRenderer::ImageMode::Embedded);
        static const QRegularExpression block(u"<script type=\"application/ld\\+json\">(.*?)</script>"_s);
        const QRegularExpressionMatch match = block.match(html);
        QVERIFY(match.hasMatch());
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(match.captured(1).toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(json.value("@type"_L1).toString(), u"NewsArticle"_s);
        QCOMPARE(json.value("headline"_L1).toString(), article.headline);
        QCOMPARE(json.value("datePublished"_L1).toString(), u"2026-02-03T10:30:00Z"_s);
        QCOMPARE(json.value("author"_L1).toArray().size(), 2);
        QCOMPARE(json.value("image"_L1).toArray().at(0).toObject().value("creditText"_L1).toString(),
                 u"Tomasz Sulima"_s);
        QCOMPARE(html.count(u"<script"_s), 1); // the headline could not open a second one
    }

    void untitledArticleStillRenders()
    {
        const QString html = ArticleRenderer().renderPage(Article(), ArticleRenderer::ImageMode::Embedded);
        QVERIFY(html.contains(u"<title>Untitled</title>"_s));
        QVERIFY(html.contains(u"</html>"_s));
    }
};

QTEST_GUILESS_MAIN(TestArticleRenderer)
#include "tst_articlerenderer.moc"
