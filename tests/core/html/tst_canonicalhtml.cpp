#include <html/canonicalhtml.h>
#include <html/htmlsanitizer.h>
#include <html/htmltext.h>
#include <import/plaintext/plaintextimporter.h>

#include "xsscorpus.h"

#include <QDirIterator>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

// The promise the shortcut rests on: whatever the scan accepts, the full sanitizer returns unchanged and
// the parsed plain text equals the scanned one.
QString disagreement(const QString &html)
{
    const std::optional<QString> scanned = CanonicalHtml::plainText(html);
    if (scanned.has_value() != CanonicalHtml::isCanonical(html))
        return u"plainText() and isCanonical() disagree"_s;
    if (!scanned)
        return {};
    const QString sanitized = HtmlSanitizer::sanitizeByParsing(html);
    if (sanitized != html)
        return u"accepted, but the sanitizer writes %1"_s.arg(sanitized);
    const QString parsed = HtmlText::plainTextByParsing(html);
    if (parsed != *scanned)
        return u"text %1, parsed %2"_s.arg(*scanned, parsed);
    return {};
}

QString escapedForMessage(QString text)
{
    return text.replace(u'\n', u"\\n"_s).replace(u'\r', u"\\r"_s);
}

} // namespace

class TestCanonicalHtml : public QObject
{
    Q_OBJECT

private slots:
    void accepted_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << u""_s << u""_s;
        QTest::newRow("paragraph") << u"<p>Hello world</p>\n"_s << u"Hello world"_s;
        QTest::newRow("blocks") << u"<h2>Title</h2>\n<p>One</p>\n<h3>Sub</h3>\n<h4>Minor</h4>\n<p>Two</p>\n"_s
                                << u"Title\n\nOne\n\nSub\n\nMinor\n\nTwo"_s;
        QTest::newRow("white space folded") << u"<p>  a \t b\n\nc  </p>\n"_s << u"a b c"_s;
        QTest::newRow("escapes") << u"<p>a &amp; b &lt;c&gt; \"q\" 'r'</p>\n"_s << u"a & b <c> \"q\" 'r'"_s;
        QTest::newRow("block quote") << u"<blockquote>\n<p>q1</p>\n<p>q2</p>\n</blockquote>\n<p>after</p>\n"_s
                                     << u"q1\n\nq2\n\nafter"_s;
        QTest::newRow("non-Latin") << u"<p>Привет, «мир» — 10\u00a0km 😀</p>\n"_s
                                   << u"Привет, «мир» — 10\u00a0km 😀"_s;
    }

    void accepted()
    {
        QFETCH(QString, html);
        QFETCH(QString, text);
        QCOMPARE(CanonicalHtml::plainText(html), std::optional<QString>(text));
        QVERIFY(CanonicalHtml::isCanonical(html));
        const QString problem = disagreement(html);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void refused_data()
    {
        QTest::addColumn<QString>("html");
        QTest::newRow("no line break after the block") << u"<p>a</p>"_s;
        QTest::newRow("two line breaks") << u"<p>a</p>\n\n"_s;
        QTest::newRow("leading line break") << u"\n<p>a</p>\n"_s;
        QTest::newRow("loose text") << u"a<p>b</p>\n"_s;
        QTest::newRow("empty paragraph") << u"<p></p>\n"_s;
        QTest::newRow("blank paragraph") << u"<p> \n </p>\n"_s;
        QTest::newRow("attribute") << u"<p class=\"x\">a</p>\n"_s;
        QTest::newRow("upper case") << u"<P>a</P>\n"_s;
        QTest::newRow("h1") << u"<h1>a</h1>\n"_s;
        QTest::newRow("inline element") << u"<p>a <b>b</b></p>\n"_s;
        QTest::newRow("bare ampersand") << u"<p>a & b</p>\n"_s;
        QTest::newRow("other entity") << u"<p>a&nbsp;b</p>\n"_s;
        QTest::newRow("quote entity") << u"<p>&quot;</p>\n"_s;
        QTest::newRow("greater-than") << u"<p>a > b</p>\n"_s;
        QTest::newRow("carriage return") << u"<p>a\r\nb</p>\n"_s;
        QTest::newRow("NUL") << u"<p>a\u0000b</p>\n"_s;
        QTest::newRow("form feed") << u"<p>a\fb</p>\n"_s;
        QTest::newRow("C1 control") << u"<p>a\u0085b</p>\n"_s;
        QTest::newRow("byte order mark") << u"<p>\ufeffa</p>\n"_s;
        QTest::newRow("noncharacter") << u"<p>a\ufdd0b</p>\n"_s;
        QTest::newRow("plane noncharacter") << u"<p>a\U0010FFFFb</p>\n"_s;
        QTest::newRow("lone high surrogate") << (u"<p>a"_s + QChar(0xd800) + u"b</p>\n"_s);
        QTest::newRow("lone low surrogate") << (u"<p>a"_s + QChar(0xdc00) + u"</p>\n"_s);
        QTest::newRow("unclosed") << u"<p>a\n"_s;
        QTest::newRow("mismatched") << u"<p>a</h2>\n"_s;
        QTest::newRow("empty block quote") << u"<blockquote>\n</blockquote>\n"_s;
        QTest::newRow("heading in block quote") << u"<blockquote>\n<h2>a</h2>\n</blockquote>\n"_s;
        QTest::newRow("block quote without line break") << u"<blockquote><p>a</p></blockquote>\n"_s;
        QTest::newRow("comment") << u"<!-- x --><p>a</p>\n"_s;
        QTest::newRow("script") << u"<script>alert(1)</script>\n"_s;
    }

    void refused()
    {
        QFETCH(QString, html);
        QVERIFY(!CanonicalHtml::plainText(html).has_value());
        QVERIFY(!CanonicalHtml::isCanonical(html));
        // The full path still gives these their proper sanitized form.
        QCOMPARE(HtmlSanitizer::sanitize(html), HtmlSanitizer::sanitizeByParsing(html));
        QCOMPARE(HtmlText::plainText(html), HtmlText::plainTextByParsing(html));
    }

    void writersProduceTheSimpleForm()
    {
        QString html;
        CanonicalHtml::appendHeading(html, u"A <b> & c"_s);
        CanonicalHtml::appendParagraph(html, u"\"Quoted\" — «да» & 1 < 2 > 0"_s);
        CanonicalHtml::appendBlockQuote(html, u"We are ready"_s);
        QCOMPARE(html, u"<h2>A &lt;b&gt; &amp; c</h2>\n<p>\"Quoted\" — «да» &amp; 1 &lt; 2 &gt; 0</p>\n"
                       "<blockquote>\n<p>We are ready</p>\n</blockquote>\n"_s);
        QCOMPARE(CanonicalHtml::plainText(html),
                 std::optional<QString>(u"A <b> & c\n\n\"Quoted\" — «да» & 1 < 2 > 0\n\nWe are ready"_s));
        const QString problem = disagreement(html);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // Random bodies near the simple form, and random damage to them: every one the scan accepts must be
    // one the full sanitizer leaves alone, with the same text.
    void agreesWithTheParserOnRandomBodies()
    {
        const QStringList textPieces = {u"word"_s,   u" "_s,    u"  "_s,     u"\t"_s,  u"\n"_s,
                                        u"&amp;"_s,  u"&lt;"_s, u"&gt;"_s,   u"\""_s,  u"'"_s,
                                        u"é"_s,      u"Ж"_s,    u"\u00a0"_s, u"😀"_s,   u"—"_s,
                                        u"\u2028"_s, u"="_s,    u"/"_s,      u"-->"_s, u"]]>"_s};
        const QStringList damage = {u"&"_s,
                                    u"\ufeff"_s,
                                    u"&quot;"_s,
                                    u"&nbsp;"_s,
                                    u"&amp"_s,
                                    u"<"_s,
                                    u">"_s,
                                    u"\r"_s,
                                    u"\f"_s,
                                    QString(QChar(0)),
                                    u"\u0085"_s,
                                    u"\ufdd0"_s,
                                    QString(QChar(0xd800)),
                                    QString(QChar(0xdc00)),
                                    u"<p>"_s,
                                    u"</p>"_s,
                                    u"</p>\n"_s,
                                    u"<br>"_s,
                                    u"<b>"_s,
                                    u"</b>"_s,
                                    u"<h1>"_s,
                                    u"<!--"_s,
                                    u"<blockquote>\n"_s,
                                    u"</blockquote>\n"_s,
                                    u"<P>"_s,
                                    u"<p >"_s,
                                    u"\n"_s,
                                    u"<pre>"_s,
                                    u"<table>"_s,
                                    u"<li>"_s,
                                    u"<script>"_s,
                                    u"<a href=x>"_s,
                                    u"</h2>\n"_s,
                                    u"<h3>"_s,
                                    u"<svg>"_s,
                                    u"<textarea>"_s};
        QRandomGenerator random(20261128);
        const auto randomText = [&] {
            QString text;
            const int pieces = 1 + random.bounded(6);
            for (int i = 0; i < pieces; ++i)
                text += textPieces.at(random.bounded(int(textPieces.size())));
            return text;
        };
        int accepted = 0;
        int refused = 0;
        for (int round = 0; round < 20000; ++round) {
            QString html;
            const int blocks = random.bounded(5);
            for (int b = 0; b < blocks; ++b) {
                switch (random.bounded(5)) {
                case 0:
                    CanonicalHtml::appendHeading(html, randomText());
                    break;
                case 1:
                    html += u"<h%1>"_s.arg(3 + random.bounded(2)) + randomText();
                    html += u"</h%1>\n"_s.arg(html.at(html.lastIndexOf(u"<h"_s) + 2));
                    break;
                case 2:
                    html += u"<blockquote>\n<p>"_s + randomText() + u"</p>\n<p>"_s + randomText() +
                            u"</p>\n</blockquote>\n"_s;
                    break;
                default:
                    html += u"<p>"_s + randomText() + u"</p>\n"_s;
                }
            }
            const int damages = random.bounded(3);
            for (int d = 0; d < damages; ++d) {
                const int at = random.bounded(int(html.size()) + 1);
                if (random.bounded(3) == 0 && at < html.size())
                    html.remove(at, 1);
                else
                    html.insert(at, damage.at(random.bounded(int(damage.size()))));
            }
            if (CanonicalHtml::isCanonical(html))
                ++accepted;
            else
                ++refused;
            const QString problem = disagreement(html);
            QVERIFY2(problem.isEmpty(),
                     qPrintable(escapedForMessage(html) + u": "_s + escapedForMessage(problem)));
        }
        qInfo("%d random bodies accepted, %d refused", accepted, refused);
        QVERIFY(accepted > 3000);
        QVERIFY(refused > 4000);
    }

    // The XSS vectors are all refused; their sanitized forms, where simple, are accepted and agree.
    void agreesWithTheParserOnTheXssCorpus()
    {
        using namespace XssCorpus;
        const QString dompurify = readTextFile(xssDir() + u"/dompurify-expect.mjs"_s);
        const QString h5sc = readTextFile(xssDir() + u"/h5sc-items.js"_s);
        if (dompurify.isEmpty() || h5sc.isEmpty())
            QSKIP(qPrintable(u"XSS corpora not found in %1 (set COPYDESK_SHARED_DIR)"_s.arg(xssDir())));
        const QStringList payloads = dompurifyPayloads(dompurify) + h5scPayloads(h5sc);
        int simpleOutputs = 0;
        for (const QString &payload : payloads) {
            QVERIFY2(!CanonicalHtml::isCanonical(payload), qPrintable(payload));
            const QString sanitized = HtmlSanitizer::sanitizeByParsing(payload);
            if (CanonicalHtml::isCanonical(sanitized))
                ++simpleOutputs;
            const QString problem = disagreement(sanitized);
            QVERIFY2(problem.isEmpty(), qPrintable(payload + u": "_s + problem));
        }
        qInfo("%lld vectors; %d sanitized to the simple form", payloads.size(), simpleOutputs);
    }

    // Every plain-text import writes its body in the simple form, so storing it needs no parse; Markdown
    // with links or emphasis is the exception, and still agrees with the full parse.
    void plainTextImportsAreSimple()
    {
        QStringList files;
        QDirIterator fixtures(fixturesDir() + u"/plaintext"_s, QDir::Files);
        while (fixtures.hasNext())
            files.append(fixtures.next());
        QDirIterator seeds(sharedDir() + u"/seeds"_s, {u"*.txt"_s}, QDir::Files);
        while (seeds.hasNext())
            files.append(seeds.next());
        QVERIFY(files.size() >= 10);
        const PlainTextImporter importer;
        for (const QString &path : std::as_const(files)) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            ImportSource source;
            source.fileName = path;
            source.bytes = file.readAll();
            const ImportResult result = importer.import(source);
            for (const Article &article : result.articles) {
                const bool markup =
                    article.bodyHtml.contains(u"<a "_s) || article.bodyHtml.contains(u"<em>"_s) ||
                    article.bodyHtml.contains(u"<strong>"_s) || article.bodyHtml.contains(u"<code>"_s);
                QVERIFY2(CanonicalHtml::isCanonical(article.bodyHtml) != markup, qPrintable(path));
                const QString problem = disagreement(article.bodyHtml);
                QVERIFY2(problem.isEmpty(), qPrintable(path + u": "_s + problem));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCanonicalHtml)
#include "tst_canonicalhtml.moc"
