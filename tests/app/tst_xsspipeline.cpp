// Every XSS vector of the shared corpora, taken through the whole pipeline: stored (the sanitizer gate),
// shown in the preview, and exported. Nothing may run and nothing may be requested at any stage.

#include "app/guitestmain.h"
#include "core/testlibrary.h"
#include "previewpanel.h"
#include "requestinterceptor.h"
#include "sandboxedpage.h"
#include "xsscorpus.h"
#include <html/htmlsanitizer.h>
#include <render/articlerenderer.h>
#include <render/htmlexporter.h>

#include <gumbo.h>

#include <QSignalSpy>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineUrlRequestInterceptor>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

constexpr int payloadsPerArticle = 25;

// A page with JavaScript ON, to prove that the stored HTML itself is inert: any payload that ran would
// call alert/confirm/prompt or make a request, and both are counted here.
class ProbePage : public QWebEnginePage
{
public:
    using QWebEnginePage::QWebEnginePage;
    int dialogs = 0;

protected:
    void javaScriptAlert(const QUrl &, const QString &) override { ++dialogs; }
    bool javaScriptConfirm(const QUrl &, const QString &) override
    {
        ++dialogs;
        return false;
    }
    bool javaScriptPrompt(const QUrl &, const QString &, const QString &, QString *) override
    {
        ++dialogs;
        return false;
    }
};

class RecordingInterceptor : public QWebEngineUrlRequestInterceptor
{
public:
    QStringList requests;
    void interceptRequest(QWebEngineUrlRequestInfo &info) override
    {
        const QUrl url = info.requestUrl();
        if (url.scheme() == "data"_L1 || url.scheme() == "about"_L1)
            return; // the page itself (setHtml) and embedded images
        requests.append(url.toString());
        info.block(true);
    }
};

// Problems an exported file re-parsed may not have: executable script, handlers, script URLs, remote sources.
void inspect(const GumboNode *node, QStringList &problems)
{
    if (node->type != GUMBO_NODE_ELEMENT)
        return;
    const GumboElement &element = node->v.element;
    const QString tag = QString::fromUtf8(gumbo_normalized_tagname(element.tag));
    if (element.tag == GUMBO_TAG_SCRIPT) {
        const GumboAttribute *type = gumbo_get_attribute(&element.attributes, "type");
        if (!type || QByteArray(type->value) != "application/ld+json")
            problems.append(u"a script element"_s);
    }
    if (element.tag == GUMBO_TAG_IFRAME || element.tag == GUMBO_TAG_OBJECT || element.tag == GUMBO_TAG_EMBED)
        problems.append(tag);
    for (unsigned i = 0; i < element.attributes.length; ++i) {
        const auto *attribute = static_cast<const GumboAttribute *>(element.attributes.data[i]);
        const QString name = QString::fromUtf8(attribute->name).toLower();
        const QString value = QString::fromUtf8(attribute->value).trimmed().toLower();
        if (name.startsWith(u"on"_s))
            problems.append(u"%1 %2"_s.arg(tag, name));
        if (value.contains(u"javascript:"_s) || value.contains(u"vbscript:"_s))
            problems.append(u"%1 %2=%3"_s.arg(tag, name, value));
        if ((name == "src"_L1 || name == "srcset"_L1 || name == "poster"_L1 || name == "data"_L1) &&
            !value.startsWith(u"data:"_s))
            problems.append(u"%1 %2=%3 (not embedded)"_s.arg(tag, name, value));
    }
    for (unsigned i = 0; i < element.children.length; ++i)
        inspect(static_cast<const GumboNode *>(element.children.data[i]), problems);
}

template<typename Done> bool waitFor(Done done)
{
    return QTest::qWaitFor(done, 15000);
}

} // namespace

class TestXssPipeline : public QObject
{
    Q_OBJECT

private:
    QStringList m_payloads;

private slots:
    void initTestCase()
    {
        const QString dir = XssCorpus::xssDir();
        const QString dompurify = XssCorpus::readTextFile(dir + u"/dompurify-expect.mjs"_s);
        const QString h5sc = XssCorpus::readTextFile(dir + u"/h5sc-items.js"_s);
        if (dompurify.isEmpty() || h5sc.isEmpty())
            QSKIP(qPrintable(u"the XSS corpora are not in %1 (set COPYDESK_SHARED_DIR)"_s.arg(dir)));
        m_payloads = XssCorpus::dompurifyPayloads(dompurify) + XssCorpus::h5scPayloads(h5sc);
        QVERIFY(m_payloads.size() > 300);
    }

    void storedPreviewedAndExportedInert()
    {
        TestLibrary library;
        QList<qint64> ids;
        for (qsizetype start = 0; start < m_payloads.size(); start += payloadsPerArticle) {
            Article article;
            article.headline = u"Vectors %1–%2"_s.arg(start).arg(start + payloadsPerArticle - 1);
            for (qsizetype i = start; i < std::min(start + payloadsPerArticle, m_payloads.size()); ++i)
                article.bodyHtml += HtmlSanitizer::sanitize(m_payloads.at(i)) + u"\n"_s;
            QVERIFY2(library.repository->insert(article), qPrintable(library.repository->lastError()));
            ids.append(article.id);
        }

        // 1. The stored HTML, in a page with JavaScript on and every request recorded.
        QWebEngineProfile profile;
        RecordingInterceptor recorder;
        profile.setUrlRequestInterceptor(&recorder);
        ProbePage probe(&profile);
        probe.settings()->setAttribute(QWebEngineSettings::JavascriptEnabled, true);
        probe.settings()->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false); // the engine's own
        const ArticleRenderer renderer;
        {
            // The probe works: an unsanitized vector does run and does ask for its image.
            QSignalSpy loaded(&probe, &QWebEnginePage::loadFinished);
            probe.setHtml(u"<script>alert(1)</script><img src=\"x.png\" onerror=\"alert(2)\">"_s,
                          QUrl(u"https://articles.invalid/"_s));
            QVERIFY(loaded.wait(15000));
            QTRY_COMPARE(probe.dialogs, 2);
            QVERIFY(!recorder.requests.isEmpty());
            probe.dialogs = 0;
            recorder.requests.clear();
        }
        for (const qint64 id : std::as_const(ids)) {
            Article article = *library.repository->load(id);
            // Without the page's own Content-Security-Policy: the markup alone must be inert.
            QString page = renderer.renderPage(article, ArticleRenderer::ImageMode::Embedded);
            page.replace(ArticleRenderer::contentSecurityPolicy(ArticleRenderer::ImageMode::Embedded), u""_s);
            QSignalSpy loaded(&probe, &QWebEnginePage::loadFinished);
            probe.setHtml(page, QUrl(u"https://articles.invalid/"_s));
            QVERIFY(loaded.wait(15000));
            QTest::qWait(100); // let timers and late handlers fire
        }
        QCOMPARE(probe.dialogs, 0);
        QVERIFY2(recorder.requests.isEmpty(), qPrintable(recorder.requests.join(u'\n')));
        profile.setUrlRequestInterceptor(nullptr);

        // 2. The preview as the window shows it: no refused loads, no blocked requests.
        PreviewPanel preview(*library.repository, renderer);
        QStringList console;
        connect(enginePage(preview)->page(), &SandboxedPage::consoleMessage, this,
                [&](const QString &message) { console.append(message); });
        for (const qint64 id : std::as_const(ids)) {
            QSignalSpy rendered(&preview, &PreviewPanel::rendered);
            preview.showArticleNow(*library.repository->load(id));
            QVERIFY(rendered.wait(15000));
        }
        QTest::qWait(200);
        QCOMPARE(enginePage(preview)->interceptor()->blockedCount(), 0);
        QVERIFY2(console.filter(u"Refused"_s).isEmpty(), qPrintable(console.join(u'\n')));

        // 3. The exported files, re-parsed.
        HtmlExporter exporter(renderer);
        for (const qint64 id : std::as_const(ids)) {
            const QString path = library.dir.filePath(u"export-%1.html"_s.arg(id));
            QVERIFY(exporter.write(*library.repository->load(id), path));
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray html = file.readAll();
            GumboOutput *output =
                gumbo_parse_with_options(&kGumboDefaultOptions, html.constData(), size_t(html.size()));
            QStringList problems;
            inspect(output->root, problems);
            gumbo_destroy_output(&kGumboDefaultOptions, output);
            QVERIFY2(problems.isEmpty(), qPrintable(path + u": "_s + problems.join(u"; "_s)));
        }
        qInfo("%lld vectors in %lld articles: none ran or made a request in a page with JavaScript on, "
              "in the preview, or in the exported files",
              qlonglong(m_payloads.size()), qlonglong(ids.size()));
    }
};

COPYDESK_GUI_TEST_MAIN(TestXssPipeline)
#include "tst_xsspipeline.moc"
