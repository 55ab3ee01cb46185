#include "app/guitestmain.h"
#include "core/testlibrary.h"
#include "previewpanel.h"
#include "requestinterceptor.h"
#include <render/articlerenderer.h>
#include <render/htmlexporter.h>

#include <QBuffer>
#include <QImage>
#include <QLabel>
#include <QPrinter>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineView>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

QVariant evaluate(QWebEnginePage *page, const QString &script)
{
    QVariant result;
    bool done = false;
    // ApplicationWorld: our own probe runs even though page JavaScript is off.
    page->runJavaScript(script, QWebEngineScript::ApplicationWorld, [&](const QVariant &value) {
        result = value;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        qWarning("script did not finish");
    return result;
}

QByteArray pngBytes(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::darkRed);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// Records every request a page makes, allowing them all: to see what an exported file asks for.
class RecordingInterceptor : public QWebEngineUrlRequestInterceptor
{
public:
    QList<QUrl> requests;
    void interceptRequest(QWebEngineUrlRequestInfo &info) override { requests.append(info.requestUrl()); }
};

} // namespace

class TestPreviewPanel : public QObject
{
    Q_OBJECT

private slots:
    void hostileHtmlRunsNothingAndReachesNothing()
    {
        // A real server on loopback: if anything in the page reached the network, it would connect here.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        int connections = 0;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            ++connections;
            delete server.nextPendingConnection();
        });
        const QString remote = u"http://127.0.0.1:%1"_s.arg(server.serverPort());

        TestLibrary library;
        const ArticleRenderer renderer;
        PreviewPanel preview(*library.repository, renderer);
        preview.resize(800, 600);
        preview.show();
        QSignalSpy blocked(enginePage(preview)->interceptor(), &RequestInterceptor::requestBlocked);
        QSignalSpy rendered(&preview, &PreviewPanel::rendered);

        // Straight into the renderer, past the sanitizer: the page itself must still hold.
        Article article;
        article.id = 1;
        article.headline = u"Hostile"_s;
        article.bodyHtml = u"<p id=\"marker\">untouched</p>"
                           "<script>document.getElementById('marker').textContent = 'script ran';</script>"
                           "<img src=\"%1/pixel.png\" onerror=\"document.title='handler ran'\">"
                           "<link rel=\"stylesheet\" href=\"%1/style.css\">"
                           "<iframe src=\"%1/frame.html\"></iframe>"
                           "<video src=\"%1/clip.mp4\" autoplay></video>"_s.arg(remote);
        preview.showArticleNow(article);
        QVERIFY(rendered.wait(10000));
        QTest::qWait(500);
        QWebEnginePage *page = enginePage(preview)->view()->page();
        QCOMPARE(evaluate(page, u"document.getElementById('marker').textContent"_s).toString(),
                 u"untouched"_s);
        QCOMPARE(evaluate(page, u"document.title"_s).toString(), u"Hostile"_s);
        QCOMPARE(connections, 0);

        // An edit of the shown article replaces its element in place (no page load); the same markup
        // arriving that way runs nothing and reaches nothing either.
        QSignalSpy loadsStarted(page, &QWebEnginePage::loadStarted);
        const QUrl address = page->url();
        article.headline = u"Hostile, edited"_s;
        article.bodyHtml +=
            u"<p id=\"second\">second</p><img src=x onerror=\"document.title='edit ran'\">"
            "<script>document.getElementById('second').textContent = 'script ran';</script>"_s;
        rendered.clear();
        preview.showArticle(article);
        QVERIFY(rendered.wait(10000));
        QTest::qWait(500);
        QCOMPARE(loadsStarted.size(), 0);
        QCOMPARE(page->url(), address);
        QCOMPARE(evaluate(page, u"document.getElementById('second').textContent"_s).toString(), u"second"_s);
        QCOMPARE(evaluate(page, u"document.getElementById('marker').textContent"_s).toString(),
                 u"untouched"_s);
        QCOMPARE(evaluate(page, u"document.title"_s).toString(), u"Hostile, edited"_s);
        QCOMPARE(connections, 0);
        // Another article is a page of its own.
        Article other = article;
        other.id = 2;
        rendered.clear();
        preview.showArticle(other);
        QVERIFY(rendered.wait(10000));
        QCOMPARE(loadsStarted.size(), 1);

        // The last wall: the same markup without the page's Content-Security-Policy and with a web origin,
        // so that neither the policy nor the local-scheme rules stop it. The interceptor alone must.
        const QString bare = u"<!DOCTYPE html><html><head><title>Bare</title>"
                             "<link rel=\"stylesheet\" href=\"%1/style.css\"></head><body>"
                             "<img src=\"%1/pixel.png\"><iframe src=\"%1/frame.html\"></iframe>"
                             "<video src=\"%1/clip.mp4\" autoplay></video></body></html>"_s.arg(remote);
        QSignalSpy loaded(page, &QWebEnginePage::loadFinished);
        page->setHtml(bare, QUrl(remote + u"/"_s));
        QVERIFY(loaded.wait(10000));
        QTRY_VERIFY(enginePage(preview)->interceptor()->blockedCount() >= 3);
        QTest::qWait(300);
        QCOMPARE(connections, 0);
        for (const QList<QVariant> &signal : std::as_const(blocked))
            QVERIFY(signal.at(0).toUrl().toString().startsWith(remote));
    }

    void servesLibraryImagesThroughItsOwnScheme()
    {
        TestLibrary library;
        Article article;
        article.headline = u"With a picture"_s;
        ArticleImage image;
        image.role = ImageRole::Lead;
        image.data = pngBytes(64, 48);
        image.mimeType = u"image/png"_s;
        image.width = 64;
        image.height = 48;
        image.caption = u"A red square"_s;
        image.credit = u"Jane Roe"_s;
        article.images.append(image);
        QVERIFY(library.repository->insert(article));

        const ArticleRenderer renderer;
        PreviewPanel preview(*library.repository, renderer);
        preview.show();
        QSignalSpy rendered(&preview, &PreviewPanel::rendered);
        preview.showArticleNow(*library.repository->load(article.id));
        QVERIFY(rendered.wait(10000));
        QWebEnginePage *page = enginePage(preview)->view()->page();
        QTRY_COMPARE_WITH_TIMEOUT(
            evaluate(page, u"document.images.length ? document.images[0].naturalWidth : 0"_s).toInt(), 64,
            10000);
        QCOMPARE(enginePage(preview)->interceptor()->blockedCount(), 0);
    }

    // The reading pane's theme, size, width and typeface: on the page from its first paint, changed in
    // place, and never in the renderer's output (so never in an export).
    void theReadingStyleIsThePreviewsOwn()
    {
        TestLibrary library;
        Article article;
        article.headline = u"Reading"_s;
        article.bodyHtml = u"<p>Words to read.</p>"_s;
        QVERIFY(library.repository->insert(article));
        const ArticleRenderer renderer;
        PreviewPanel preview(*library.repository, renderer);
        preview.show();
        ReadingStyle sepia;
        sepia.theme = u"sepia"_s;
        sepia.size = 2;
        sepia.width = u"narrow"_s;
        sepia.sans = true;
        preview.setReadingStyle(sepia);
        QSignalSpy rendered(&preview, &PreviewPanel::rendered);
        preview.showArticleNow(*library.repository->load(article.id));
        QVERIFY(rendered.wait(20000));
        QWebEnginePage *page = enginePage(preview)->view()->page();
        const auto style = [page](const QString &element, const QString &property) {
            return evaluate(page,
                            u"getComputedStyle(document.querySelector('%1')).%2"_s.arg(element, property))
                .toString();
        };
        QCOMPARE(style(u"html"_s, u"backgroundColor"_s), u"rgb(244, 236, 216)"_s);
        QCOMPARE(style(u"html"_s, u"fontSize"_s), u"20px"_s);  // 125% of 16px
        QCOMPARE(style(u"main"_s, u"maxWidth"_s), u"680px"_s); // 34rem
        QVERIFY2(style(u"body"_s, u"fontFamily"_s).contains(u"Sans"_s),
                 qPrintable(style(u"body"_s, u"fontFamily"_s)));
        // Changed in place, without a new page.
        ReadingStyle dark;
        dark.theme = u"dark"_s;
        rendered.clear();
        preview.setReadingStyle(dark);
        QTRY_COMPARE(style(u"html"_s, u"backgroundColor"_s), u"rgb(24, 26, 27)"_s);
        QCOMPARE(style(u"html"_s, u"fontSize"_s), u"16px"_s);
        QCOMPARE(rendered.count(), 0);
        // Light forced over a dark system, and nothing of it in what is exported.
        ReadingStyle light;
        light.theme = u"light"_s;
        preview.setReadingStyle(light);
        QTRY_COMPARE(style(u"html"_s, u"backgroundColor"_s), u"rgb(255, 255, 255)"_s);
        const QString exported = renderer.renderPage(article, ArticleRenderer::ImageMode::Embedded);
        const qsizetype htmlTag = exported.indexOf(u"<html"_s);
        QVERIFY(htmlTag >= 0);
        QVERIFY(!exported.mid(htmlTag, exported.indexOf(u'>', htmlTag) - htmlTag).contains(u"data-"_s));
    }

    // Print and print preview go through the preview's page: printed to a PDF file here.
    void printsTheArticleAsShown()
    {
        TestLibrary library;
        Article article;
        article.headline = u"Printed"_s;
        article.bodyHtml = u"<p>Words on paper.</p>"_s;
        QVERIFY(library.repository->insert(article));
        const ArticleRenderer renderer;
        PreviewPanel preview(*library.repository, renderer);
        preview.show();
        QSignalSpy rendered(&preview, &PreviewPanel::rendered);
        preview.showArticleNow(*library.repository->load(article.id));
        QVERIFY(rendered.wait(20000));
        QTemporaryDir dir;
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(dir.filePath(u"article.pdf"_s));
        QVERIFY(preview.print(&printer));
        QFile pdf(dir.filePath(u"article.pdf"_s));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY2(bytes.size() > 2000, QByteArray::number(bytes.size()).constData());
    }

    // The reading pane opens an article where its reader left it, after a restart too.
    void remembersThePlaceInEachArticle()
    {
        TestLibrary library;
        Article longRead;
        longRead.headline = u"A long read"_s;
        for (int i = 0; i < 300; ++i)
            longRead.bodyHtml += u"<p>Paragraph %1 of a long read about the harbour.</p>"_s.arg(i);
        Article other;
        other.headline = u"Something else"_s;
        other.bodyHtml = u"<p>Short.</p>"_s;
        QVERIFY(library.repository->insert(longRead));
        QVERIFY(library.repository->insert(other));
        QVERIFY(!library.repository->load(longRead.id)->uuid.isEmpty());
        const ArticleRenderer renderer;
        {
            PreviewPanel preview(*library.repository, renderer);
            preview.resize(800, 600);
            preview.show();
            QSignalSpy rendered(&preview, &PreviewPanel::rendered);
            preview.showArticleNow(*library.repository->load(longRead.id));
            QVERIFY(rendered.wait(20000));
            evaluate(enginePage(preview)->view()->page(), u"window.scrollTo(0, 1500)"_s);
            QTRY_VERIFY(enginePage(preview)->view()->page()->scrollPosition().y() > 1400);
            preview.showArticleNow(*library.repository->load(other.id));
            QVERIFY(rendered.wait(20000));
            QCOMPARE(PreviewPanel::rememberedPlace(library.repository->load(longRead.id)->uuid).value_or(0),
                     1500.0);
            // Back to the long read: where it was left.
            preview.showArticleNow(*library.repository->load(longRead.id));
            QVERIFY(rendered.wait(20000));
            QTRY_COMPARE(enginePage(preview)->view()->page()->scrollPosition().y(), 1500.0);
            evaluate(enginePage(preview)->view()->page(), u"window.scrollTo(0, 2000)"_s);
            QTRY_COMPARE(enginePage(preview)->view()->page()->scrollPosition().y(), 2000.0);
        } // quitting keeps the place
        PreviewPanel restarted(*library.repository, renderer);
        restarted.resize(800, 600);
        restarted.show();
        QSignalSpy rendered(&restarted, &PreviewPanel::rendered);
        restarted.showArticleNow(*library.repository->load(longRead.id));
        QVERIFY(rendered.wait(20000));
        QTRY_COMPARE(enginePage(restarted)->view()->page()->scrollPosition().y(), 2000.0);
    }

    void aLongCyrillicArticleIsShownWhole()
    {
        // About 700 KB of Cyrillic: over 2 MB once percent-encoded, which setHtml() would have refused.
        TestLibrary library;
        Article article;
        article.headline = u"Длинная статья"_s;
        QString body;
        for (int i = 0; i < 1500; ++i)
            body += u"<p>Абзац %1: длинный текст о переговорах в Минске и о том, что сказали стороны после "
                    "встречи, которая длилась почти весь день и закончилась поздно вечером.</p>\n"_s.arg(i);
        body += u"<p>Последний абзац статьи.</p>"_s;
        article.bodyHtml = body;
        QVERIFY(library.repository->insert(article));
        const ArticleRenderer renderer;
        PreviewPanel preview(*library.repository, renderer);
        preview.show();
        QSignalSpy rendered(&preview, &PreviewPanel::rendered);
        preview.showArticleNow(*library.repository->load(article.id));
        QVERIFY(rendered.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(
            evaluate(enginePage(preview)->view()->page(), u"document.body ? document.body.innerText : ''"_s)
                .toString()
                .contains(u"Последний абзац статьи."_s),
            20000);
    }

    void aHugeArticleShowsItsBeginningAndSaysTheRestIsCut()
    {
        Article article;
        article.id = 7;
        article.headline = u"Fifty megabytes of minutes"_s;
        const QString paragraph = u"<p>The committee heard evidence from the harbour master about dredging, "
                                  "cranes, ferries and the budget for the coming years, once more.</p>\n"_s;
        article.bodyHtml.reserve(50'000'000);
        article.bodyHtml = u"<p>The very first paragraph.</p>\n"_s;
        while (article.bodyHtml.size() < 25'000'000) // 50 MB as UTF-16
            article.bodyHtml += paragraph;
        article.bodyHtml += u"<p>The very last paragraph.</p>\n"_s;
        article.wordCount = 3'000'000;
        TestLibrary library;
        const ArticleRenderer renderer;
        PreviewPanel preview(*library.repository, renderer);
        preview.show();
        QSignalSpy rendered(&preview, &PreviewPanel::rendered);
        preview.showArticleNow(article);
        QVERIFY(rendered.wait(30000));
        QString text;
        QTRY_VERIFY_WITH_TIMEOUT((text = evaluate(enginePage(preview)->view()->page(),
                                                  u"document.body ? document.body.innerText : ''"_s)
                                             .toString())
                                     .contains(u"The preview ends here"_s),
                                 30000);
        QVERIFY(text.contains(u"The very first paragraph."_s));
        QVERIFY(!text.contains(u"The very last paragraph."_s));
        QVERIFY(text.contains(u"3,000,000 words"_s));
        QVERIFY(preview.currentHtml().size() < 2'000'000);
    }

    void exportedFileOpensWithoutAnyRequest()
    {
        TestLibrary library;
        Article article;
        article.headline = u"Exported headline"_s;
        article.bodyHtml = u"<p>Body paragraph.</p>"_s;
        article.quotes = {{u"We will rebuild the bridge"_s, u"Mayor Ilse Berg"_s, {}, {}}};
        ArticleImage image;
        image.role = ImageRole::Lead;
        image.data = pngBytes(32, 32);
        image.mimeType = u"image/png"_s;
        image.caption = u"The old bridge"_s;
        image.creditLine = u"Photo: Jane Roe/Agency"_s;
        article.images.append(image);
        QVERIFY(library.repository->insert(article));

        const ArticleRenderer renderer;
        HtmlExporter exporter(renderer);
        const QString path = library.dir.filePath(u"export.html"_s);
        QVERIFY(exporter.write(*library.repository->load(article.id), path));

        QWebEngineProfile profile; // off the record
        RecordingInterceptor recorder;
        profile.setUrlRequestInterceptor(&recorder);
        QWebEnginePage page(&profile);
        QSignalSpy loaded(&page, &QWebEnginePage::loadFinished);
        page.load(QUrl::fromLocalFile(path));
        QVERIFY(loaded.wait(10000));
        QVERIFY(loaded.first().first().toBool());
        QString text;
        page.toPlainText([&](const QString &result) { text = result; });
        QTRY_VERIFY(!text.isEmpty());
        QVERIFY(text.contains(u"Exported headline"_s));
        QVERIFY(text.contains(u"Photo: Jane Roe/Agency"_s));
        QVERIFY(text.contains(u"We will rebuild the bridge"_s));
        QVERIFY(text.contains(u"Mayor Ilse Berg"_s));
        QTRY_COMPARE(evaluate(&page, u"document.images[0].naturalWidth"_s).toInt(), 32);
        for (const QUrl &url : std::as_const(recorder.requests))
            QVERIFY2(url.isLocalFile() || url.scheme() == "data"_L1, qPrintable(url.toString()));
        profile.setUrlRequestInterceptor(nullptr);
    }

    // The program loads the browser engine from its plugin. Without it the window still works: the preview
    // says what is missing, in its place, and printing reports failure instead of hanging.
    void saysSoWhereThePreviewWouldBeWhenTheEngineIsMissing()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(u"copydesk-engine.so"_s);
        BrowserEngine *engine = BrowserEngine::instance();
        QVERIFY(engine);
        BrowserEngine::setBuiltIn(nullptr);
        qputenv("COPYDESK_ENGINE_PLUGIN", missing.toUtf8());
        const auto restore = qScopeGuard([engine] {
            BrowserEngine::setBuiltIn(engine);
            qunsetenv("COPYDESK_ENGINE_PLUGIN");
        });
        QVERIFY(BrowserEngine::pluginCandidates().startsWith(missing));

        TestLibrary library;
        const ArticleRenderer renderer;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"could not be loaded"_s));
        PreviewPanel preview(*library.repository, renderer);
        QVERIFY(!preview.engineStarted());
        QVERIFY(!preview.previewPage());
        auto *message = preview.findChild<QLabel *>();
        QVERIFY(message);
        QVERIFY2(message->text().contains(missing) && message->text().contains(u"no such file"_s),
                 qPrintable(message->text()));
        Article article;
        article.id = 1;
        article.headline = u"Still editable"_s;
        preview.showArticleNow(article);
        QPrinter printer;
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(dir.filePath(u"out.pdf"_s));
        QVERIFY(!preview.print(&printer));
    }
};

COPYDESK_GUI_TEST_MAIN(TestPreviewPanel)
#include "tst_previewpanel.moc"
