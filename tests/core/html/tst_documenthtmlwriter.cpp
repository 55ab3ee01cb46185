#include <html/documenthtmlwriter.h>

#include <QFont>
#include <QRandomGenerator>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>

using namespace Qt::StringLiterals;
using Copydesk::DocumentHtmlWriter::toSemanticHtml;

namespace {

QString writeHtml(const QString &html)
{
    QTextDocument document;
    document.setHtml(html);
    return toSemanticHtml(document);
}

} // namespace

class TestDocumentHtmlWriter : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void roundTripThroughQtHtml_data() { roundTrip_data(); }
    void roundTripThroughQtHtml();
    void normalises_data();
    void normalises();
    void emptyDocument();
    void neverPresentational();
    void cursorEditing();
    void cursorBlockFormats();
    void cursorImagesAndBreaks();
    void headingIgnoresItsOwnBold();
    void cursorCode();
    void stableUnderRandomEditing();
};

void TestDocumentHtmlWriter::roundTrip_data()
{
    QTest::addColumn<QString>("html");

    QTest::newRow("paragraphs") << u"<p>One</p>\n<p>Two</p>\n"_s;
    QTest::newRow("headings") << u"<h2>Title</h2>\n<h3>Section</h3>\n<h4>Minor</h4>\n<p>Body</p>\n"_s;
    QTest::newRow("bold italic strike")
        << u"<p>a <strong>bold</strong>, <em>italic</em> and <s>struck</s> text</p>\n"_s;
    QTest::newRow("nested strong em") << u"<p><strong>all <em>both</em></strong> none</p>\n"_s;
    QTest::newRow("nested em strong") << u"<p><em><strong>both</strong> italic</em></p>\n"_s;
    QTest::newRow("overlapping") << u"<p><strong>a <em>b</em></strong><em> c</em></p>\n"_s;
    QTest::newRow("link")
        << u"<p>See <a href=\"https://example.com/?a=1&amp;b=2\">the <em>site</em></a>.</p>\n"_s;
    QTest::newRow("bold around link")
        << u"<p><strong>x <a href=\"https://example.com/\">y</a></strong></p>\n"_s;
    QTest::newRow("adjacent links")
        << u"<p><a href=\"https://a.example/\">one</a><a href=\"https://b.example/\">two</a></p>\n"_s;
    QTest::newRow("link in heading") << u"<h2><a href=\"https://example.com/\">Linked</a> title</h2>\n"_s;
    QTest::newRow("sub sup") << u"<p>H<sub>2</sub>O and E = mc<sup>2</sup></p>\n"_s;
    QTest::newRow("inline code") << u"<p>Run <code>make -j1</code> now</p>\n"_s;
    QTest::newRow("code block")
        << u"<pre><code>int a = 1;\n\n    return a &lt; 2;</code></pre>\n<p>After</p>\n"_s;
    QTest::newRow("unordered list") << u"<ul>\n<li>one</li>\n<li><strong>two</strong></li>\n</ul>\n"_s;
    QTest::newRow("ordered list") << u"<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n<p>after</p>\n"_s;
    QTest::newRow("separate lists")
        << u"<ol>\n<li>1</li>\n</ol>\n<ol>\n<li>2</li>\n</ol>\n<ul>\n<li>3</li>\n</ul>\n"_s;
    QTest::newRow("nested list")
        << u"<ul>\n<li>a\n<ul>\n<li>b</li>\n<li>c</li>\n</ul>\n</li>\n<li>d</li>\n</ul>\n"_s;
    QTest::newRow("ordered in unordered")
        << u"<ul>\n<li>a\n<ol>\n<li>b\n<ul>\n<li>c</li>\n</ul>\n</li>\n</ol>\n</li>\n</ul>\n<p>e</p>\n"_s;
    QTest::newRow("list item paragraphs") << u"<ul>\n<li>a\n<p>more of a</p>\n</li>\n<li>b</li>\n</ul>\n"_s;
    QTest::newRow("blockquote")
        << u"<p>Before</p>\n<blockquote>\n<p>q1</p>\n<p>q2</p>\n</blockquote>\n<p>after</p>\n"_s;
    QTest::newRow("nested blockquote")
        << u"<blockquote>\n<p>outer</p>\n<blockquote>\n<p>inner</p>\n</blockquote>\n<p>outer again</p>\n"
           "</blockquote>\n"_s;
    QTest::newRow("blockquote contents")
        << u"<blockquote>\n<h3>Quoted</h3>\n<p>With <em>style</em></p>\n<ul>\n<li>item</li>\n</ul>\n"
           "</blockquote>\n"_s;
    QTest::newRow("line breaks") << u"<p>line one<br>line two<br><br>three</p>\n"_s;
    QTest::newRow("break in bold") << u"<p><strong>one<br>two</strong></p>\n"_s;
    QTest::newRow("images") << u"<p><img src=\"copydesk-image:0\" alt=\"A cat &amp; a dog\"></p>\n"
                               "<p>Text <img src=\"copydesk-image:2\" alt=\"\"> more</p>\n"_s;
    QTest::newRow("repeated image")
        << u"<p><img src=\"copydesk-image:1\" alt=\"\"><img src=\"copydesk-image:1\" alt=\"\"></p>\n"_s;
    QTest::newRow("linked image")
        << u"<p><a href=\"https://example.com/\"><img src=\"copydesk-image:3\" alt=\"x\"></a></p>\n"_s;
    QTest::newRow("cyrillic and typography")
        << u"<h2>«Ёлки» — новости</h2>\n<p>“Quoted” it’s 1–2, Привет, мир</p>\n"_s;
    QTest::newRow("escaped") << u"<p>a &amp; b &lt;c&gt; &quot;d&quot; 'e'</p>\n"_s;
    QTest::newRow("no-break space") << u"<p>10\u00a0km</p>\n"_s;
}

void TestDocumentHtmlWriter::roundTrip()
{
    QFETCH(QString, html);
    const QString written = writeHtml(html);
    QCOMPARE(written, html);
    QCOMPARE(writeHtml(written), written);
}

// QTextDocument::toHtml() expresses the same structure with inline styles; reading that back must
// give the same semantic HTML.
void TestDocumentHtmlWriter::roundTripThroughQtHtml()
{
    QFETCH(QString, html);
    QTextDocument original;
    original.setHtml(html);
    QCOMPARE(writeHtml(original.toHtml()), html);
}

void TestDocumentHtmlWriter::normalises_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("page wrapper") << u"<html><head><title>t</title></head><body><p style=\"color:red\" "
                                     "class=\"x\">a</p></body></html>"_s
                                  << u"<p>a</p>\n"_s;
    QTest::newRow("plain text") << u"just text"_s << u"<p>just text</p>\n"_s;
    QTest::newRow("div") << u"<div>one</div><div>two</div>"_s << u"<p>one</p>\n<p>two</p>\n"_s;
    QTest::newRow("h1 h5 h6") << u"<h1>a</h1><h5>b</h5><h6>c</h6>"_s
                              << u"<h2>a</h2>\n<h4>b</h4>\n<h4>c</h4>\n"_s;
    QTest::newRow("b i") << u"<p><b>a</b> <i>b</i></p>"_s << u"<p><strong>a</strong> <em>b</em></p>\n"_s;
    QTest::newRow("white space") << u"<p>  a   b \t <br>   c  </p>"_s << u"<p>a b<br>c</p>\n"_s;
    // Qt collapses the space after </strong> into the one before it.
    QTest::newRow("space at tag edges")
        << u"<p>a<strong> b </strong> c</p>"_s << u"<p>a<strong> b </strong>c</p>\n"_s;
    QTest::newRow("empty blocks") << u"<p>a</p><p></p><p>   </p><p><br></p><h2> </h2><p>b</p>"_s
                                  << u"<p>a</p>\n<p>b</p>\n"_s;
    QTest::newRow("edge breaks") << u"<p><br>a<br></p>"_s << u"<p>a</p>\n"_s;
    QTest::newRow("no-break space spacers")
        << u"<p>a</p><p>&nbsp;</p><p>&nbsp; &nbsp;</p><p>&nbsp;b</p>"_s << u"<p>a</p>\n<p>\u00a0b</p>\n"_s;
    QTest::newRow("empty list item") << u"<ul><li>a</li><li></li><li>b</li></ul>"_s
                                     << u"<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"_s;
    QTest::newRow("list styles") << u"<ol type=\"a\"><li>x</li></ol><ul type=\"square\"><li>y</li></ul>"_s
                                 << u"<ol>\n<li>x</li>\n</ol>\n<ul>\n<li>y</li>\n</ul>\n"_s;
    QTest::newRow("code block edges") << u"<pre>\n\nx\n\n\n</pre>"_s << u"<pre><code>x</code></pre>\n"_s;
    QTest::newRow("adjacent quotes merge")
        << u"<blockquote><p>a</p></blockquote><blockquote><p>b</p></blockquote>"_s
        << u"<blockquote>\n<p>a</p>\n<p>b</p>\n</blockquote>\n"_s;
    QTest::newRow("table cells") << u"<table><tr><td>x</td><td>y</td></tr></table><p>z</p>"_s
                                 << u"<p>x</p>\n<p>y</p>\n<p>z</p>\n"_s;
    QTest::newRow("named anchor") << u"<p><a name=\"top\">a</a></p>"_s << u"<p>a</p>\n"_s;
    QTest::newRow("underline and colour")
        << u"<p><u>a</u> <font color=\"red\">b</font></p>"_s << u"<p>a b</p>\n"_s;
    QTest::newRow("entities") << u"<p>&ldquo;a&rdquo; &ndash; &#1046;</p>"_s << u"<p>“a” – Ж</p>\n"_s;
}

void TestDocumentHtmlWriter::normalises()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QString written = writeHtml(input);
    QCOMPARE(written, expected);
    QCOMPARE(writeHtml(written), written);
}

void TestDocumentHtmlWriter::emptyDocument()
{
    QTextDocument document;
    QCOMPARE(toSemanticHtml(document), QString());
    document.setHtml(QString());
    QCOMPARE(toSemanticHtml(document), QString());
    document.setPlainText(u"\n\n  \n"_s);
    QCOMPARE(toSemanticHtml(document), QString());
}

void TestDocumentHtmlWriter::neverPresentational()
{
    QTextDocument document;
    document.setHtml(u"<h2 style=\"text-align:center\">T</h2><p align=\"right\" style=\"font-size:30pt\">"
                     "<span style=\"color:#f00; font-family:Georgia\">x</span></p>"
                     "<blockquote><p>q</p></blockquote>"_s);
    const QString html = toSemanticHtml(document);
    QCOMPARE(html, u"<h2>T</h2>\n<p>x</p>\n<blockquote>\n<p>q</p>\n</blockquote>\n"_s);
    for (const auto word : {"style"_L1, "class"_L1, "<span"_L1, "<html"_L1, "<body"_L1, "<head"_L1})
        QVERIFY2(!html.contains(word), qPrintable(html));
}

void TestDocumentHtmlWriter::cursorEditing()
{
    QTextDocument document;
    QTextCursor cursor(&document);
    cursor.insertText(u"Hello world"_s);
    QCOMPARE(toSemanticHtml(document), u"<p>Hello world</p>\n"_s);

    cursor.movePosition(QTextCursor::PreviousWord, QTextCursor::KeepAnchor);
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    cursor.mergeCharFormat(bold);
    QCOMPARE(toSemanticHtml(document), u"<p>Hello <strong>world</strong></p>\n"_s);

    cursor.movePosition(QTextCursor::Start);
    cursor.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
    QTextCharFormat italic;
    italic.setFontItalic(true);
    cursor.mergeCharFormat(italic);
    QCOMPARE(toSemanticHtml(document), u"<p><em>Hello</em> <strong>world</strong></p>\n"_s);

    // Italic over the whole line puts the longer-lasting <em> outside.
    cursor.select(QTextCursor::BlockUnderCursor);
    cursor.mergeCharFormat(italic);
    QCOMPARE(toSemanticHtml(document), u"<p><em>Hello <strong>world</strong></em></p>\n"_s);

    cursor.movePosition(QTextCursor::End);
    cursor.insertBlock();
    QTextCharFormat link;
    link.setAnchor(true);
    link.setAnchorHref(u"https://example.com/a?b=1&c=\"2\""_s);
    cursor.insertText(u"Read "_s, QTextCharFormat());
    cursor.insertText(u"more"_s, link);
    cursor.insertText(u" <now> & then"_s, QTextCharFormat());
    QCOMPARE(toSemanticHtml(document),
             u"<p><em>Hello <strong>world</strong></em></p>\n"
             "<p>Read <a href=\"https://example.com/a?b=1&amp;c=&quot;2&quot;\">more</a>"
             " &lt;now&gt; &amp; then</p>\n"_s);
    QCOMPARE(writeHtml(toSemanticHtml(document)), toSemanticHtml(document));
}

void TestDocumentHtmlWriter::cursorBlockFormats()
{
    QTextDocument document;
    QTextCursor cursor(&document);

    QTextBlockFormat heading;
    heading.setHeadingLevel(3);
    cursor.setBlockFormat(heading);
    cursor.insertText(u"Section"_s);

    cursor.insertBlock(QTextBlockFormat());
    cursor.insertText(u"Plain"_s);

    QTextBlockFormat quote;
    quote.setIndent(1);
    cursor.insertBlock(quote);
    cursor.insertText(u"Quoted"_s);
    cursor.insertBlock(quote);
    cursor.insertText(u"Still quoted"_s);

    cursor.insertBlock(QTextBlockFormat());
    cursor.insertText(u"Item one"_s);
    QTextList *list = cursor.createList(QTextListFormat::ListDisc);
    cursor.insertBlock();
    cursor.insertText(u"Item two"_s);
    QCOMPARE(cursor.currentList(), list);

    cursor.insertBlock(QTextBlockFormat());
    cursor.insertText(u"First"_s);
    cursor.createList(QTextListFormat::ListDecimal);

    QCOMPARE(
        toSemanticHtml(document),
        u"<h3>Section</h3>\n<p>Plain</p>\n<blockquote>\n<p>Quoted</p>\n<p>Still quoted</p>\n"
        "</blockquote>\n<ul>\n<li>Item one</li>\n<li>Item two</li>\n</ul>\n<ol>\n<li>First</li>\n</ol>\n"_s);
    QCOMPARE(writeHtml(toSemanticHtml(document)), toSemanticHtml(document));
}

void TestDocumentHtmlWriter::cursorImagesAndBreaks()
{
    QTextDocument document;
    QTextCursor cursor(&document);
    cursor.insertText(u"Before"_s + QChar(QChar::LineSeparator) + u"after "_s);
    QTextImageFormat image;
    image.setName(u"copydesk-image:4"_s);
    image.setProperty(QTextFormat::ImageAltText, u"Tower \"Eiffel\""_s);
    cursor.insertImage(image);
    QCOMPARE(toSemanticHtml(document),
             u"<p>Before<br>after <img src=\"copydesk-image:4\" alt=\"Tower &quot;Eiffel&quot;\"></p>\n"_s);
    QCOMPARE(writeHtml(toSemanticHtml(document)), toSemanticHtml(document));
}

void TestDocumentHtmlWriter::headingIgnoresItsOwnBold()
{
    QTextDocument document;
    QTextCursor cursor(&document);
    QTextBlockFormat heading;
    heading.setHeadingLevel(2);
    cursor.setBlockFormat(heading);
    QTextCharFormat large;
    large.setFontWeight(QFont::Bold);
    large.setProperty(QTextFormat::FontSizeAdjustment, 2);
    cursor.mergeBlockCharFormat(large);
    cursor.insertText(u"Big news"_s, large);
    QCOMPARE(toSemanticHtml(document), u"<h2>Big news</h2>\n"_s);
}

void TestDocumentHtmlWriter::cursorCode()
{
    QTextDocument document;
    QTextCursor cursor(&document);
    QTextCharFormat mono;
    mono.setFontFamilies({u"DejaVu Sans Mono"_s});
    QTextCharFormat script;
    script.setFontFamilies({u"Monotype Corsiva"_s});
    cursor.insertText(u"Call "_s, QTextCharFormat());
    cursor.insertText(u"run()"_s, mono);
    cursor.insertText(u" in style"_s, script);

    QTextBlockFormat code;
    code.setNonBreakableLines(true);
    cursor.insertBlock(code, mono);
    cursor.insertText(u"if (a < b)"_s + QChar(QChar::LineSeparator) + u"    return;  "_s);
    cursor.insertBlock(code, mono);
    cursor.insertBlock(code, mono);
    cursor.insertText(u"done();"_s);
    cursor.insertBlock(code, mono);

    QCOMPARE(toSemanticHtml(document), u"<p>Call <code>run()</code> in style</p>\n"
                                       "<pre><code>if (a &lt; b)\n    return;\n\ndone();</code></pre>\n"_s);
    QCOMPARE(writeHtml(toSemanticHtml(document)), toSemanticHtml(document));
}

// Whatever an editing session leaves in the document, writing, reading back and writing again must
// not change the HTML: otherwise every save of an unchanged article would alter it.
void TestDocumentHtmlWriter::stableUnderRandomEditing()
{
    const QStringList pieces{u"word"_s,
                             u" "_s,
                             u"  "_s,
                             u"\t"_s,
                             u"Привет"_s,
                             u"“q” – it’s"_s,
                             u"&<>\""_s,
                             u"x y"_s,
                             QString(QChar::Nbsp),
                             QString(QChar::LineSeparator)};
    for (quint32 seed = 1; seed <= 400; ++seed) {
        QRandomGenerator random(seed);
        QTextDocument document;
        QTextCursor cursor(&document);
        const int steps = 5 + random.bounded(30);
        for (int step = 0; step < steps; ++step) {
            switch (random.bounded(8)) {
            case 0:
            case 1:
            case 2:
            case 3: {
                QTextCharFormat format;
                format.setFontWeight(random.bounded(3) == 0 ? QFont::Bold : QFont::Normal);
                format.setFontItalic(random.bounded(3) == 0);
                format.setFontStrikeOut(random.bounded(6) == 0);
                format.setFontFixedPitch(random.bounded(8) == 0);
                if (random.bounded(6) == 0) {
                    format.setAnchor(true);
                    format.setAnchorHref(random.bounded(2) ? u"https://a.example/"_s
                                                           : u"https://b.example/?x&y"_s);
                }
                if (random.bounded(8) == 0)
                    format.setVerticalAlignment(QTextCharFormat::AlignSuperScript);
                cursor.insertText(pieces.at(random.bounded(pieces.size())), format);
                break;
            }
            case 4: {
                QTextImageFormat image;
                image.setName(u"copydesk-image:%1"_s.arg(random.bounded(3)));
                cursor.insertImage(image);
                break;
            }
            case 5: {
                QTextBlockFormat format;
                switch (random.bounded(6)) {
                case 0:
                    format.setHeadingLevel(1 + random.bounded(6));
                    break;
                case 1:
                    format.setIndent(1 + random.bounded(2));
                    break;
                case 2:
                    format.setLeftMargin(40 * (1 + random.bounded(2)));
                    format.setRightMargin(40);
                    break;
                case 3:
                    format.setNonBreakableLines(true);
                    break;
                }
                cursor.insertBlock(format, QTextCharFormat());
                if (random.bounded(3) == 0) {
                    QTextListFormat list;
                    list.setStyle(random.bounded(2) ? QTextListFormat::ListDisc
                                                    : QTextListFormat::ListDecimal);
                    list.setIndent(1 + random.bounded(3));
                    cursor.createList(list);
                }
                break;
            }
            case 6: {
                cursor.setPosition(random.bounded(document.characterCount()));
                cursor.setPosition(random.bounded(document.characterCount()), QTextCursor::KeepAnchor);
                QTextCharFormat format;
                format.setFontWeight(random.bounded(2) ? QFont::Bold : QFont::Normal);
                cursor.mergeCharFormat(format);
                cursor.clearSelection();
                break;
            }
            default:
                cursor.setPosition(random.bounded(document.characterCount()));
                break;
            }
        }
        const QString written = toSemanticHtml(document);
        QVERIFY2(!written.contains("style"_L1), qPrintable(written));
        QCOMPARE(writeHtml(written), written);
    }
}

QTEST_MAIN(TestDocumentHtmlWriter)

#include "tst_documenthtmlwriter.moc"
