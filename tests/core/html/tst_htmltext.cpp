#include <html/htmltext.h>

#include "testsupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Copydesk;

class TestHtmlText : public QObject
{
    Q_OBJECT

private slots:
    void plainText_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("expected");

        QTest::newRow("empty") << u""_s << u""_s;
        QTest::newRow("paragraphs") << u"<p>Hello   <b>world</b></p>\n<p>Second\nline</p>"_s
                                    << u"Hello world\n\nSecond line"_s;
        QTest::newRow("line breaks") << u"<p>a<br>b <br> c<br><br>d</p>"_s << u"a\nb\nc\n\nd"_s;
        QTest::newRow("break at the ends") << u"<p><br>a<br></p>"_s << u"a"_s;
        QTest::newRow("headings") << u"<h2>Title</h2><p>Body</p><h3>Sub</h3><p>More</p>"_s
                                  << u"Title\n\nBody\n\nSub\n\nMore"_s;
        QTest::newRow("list") << u"<ul>\n<li>one</li>\n<li>two <em>2</em></li>\n</ul>"_s << u"one\n\ntwo 2"_s;
        QTest::newRow("nested list") << u"<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>"_s
                                     << u"a\n\nb\n\nc"_s;
        QTest::newRow("blockquote") << u"<blockquote><p>q1</p><p>q2</p></blockquote><p>after</p>"_s
                                    << u"q1\n\nq2\n\nafter"_s;
        QTest::newRow("blockquote text") << u"<blockquote>quoted</blockquote>"_s << u"quoted"_s;
        QTest::newRow("entities") << u"<p>a &amp; b &mdash; &lt;c&gt; &#1046; &#x416; &quot;q&quot;</p>"_s
                                  << u"a & b \u2014 <c> Ж Ж \"q\""_s;
        QTest::newRow("non-breaking space kept") << u"<p>10&nbsp;km</p>"_s << u"10\u00a0km"_s;
        QTest::newRow("cyrillic") << u"<h2>Заголовок</h2><p>Привет,   мир!</p>"_s
                                  << u"Заголовок\n\nПривет, мир!"_s;
        QTest::newRow("figure") << u"<figure><img src=\"copydesk-image:0\" alt=\"alt\"><figcaption>Caption "
                                   "text</figcaption></figure><p>p</p>"_s
                                << u"Caption text\n\np"_s;
        QTest::newRow("pre") << u"<pre>  code\n    indented\n\n</pre><p>after</p>"_s
                             << u"  code\n    indented\n\nafter"_s;
        QTest::newRow("pre with blank first lines") << u"<pre>\n\n\n  x  y</pre>"_s << u"  x  y"_s;
        QTest::newRow("text beside blocks") << u"intro <p>para</p> outro"_s << u"intro\n\npara\n\noutro"_s;
        QTest::newRow("inline only") << u"  some <i>inline</i>   text  "_s << u"some inline text"_s;
        QTest::newRow("no spaces invented") << u"<p><b>bold</b><i>italic</i></p>"_s << u"bolditalic"_s;
        QTest::newRow("table")
            << u"<table><tr><th>a</th><th>b</th></tr><tr><td>c</td><td> d </td></tr></table>"_s
            << u"a\tb\n\nc\td"_s;
        QTest::newRow("definition list")
            << u"<dl><dt>Term</dt><dd>Meaning</dd></dl>"_s << u"Term\n\nMeaning"_s;
        QTest::newRow("hidden content")
            << u"<p>a<script>x()</script><style>p{}</style>b</p><template>t</template>"_s << u"ab"_s;
        QTest::newRow("divs") << u"<div>one</div><div><div>two</div></div>"_s << u"one\n\ntwo"_s;
        QTest::newRow("empty blocks") << u"<p></p><p>  </p><p>x</p><p><br></p>"_s << u"x"_s;
        QTest::newRow("comments") << u"<p>a<!-- hidden -->b</p>"_s << u"ab"_s;
    }

    void plainText()
    {
        QFETCH(QString, html);
        QFETCH(QString, expected);
        QCOMPARE(HtmlText::plainText(html), expected);
    }

    void plainTextOfDeepNesting()
    {
        const QString html = u"<span>"_s.repeated(100000) + u"deep"_s;
        QCOMPARE(HtmlText::plainText(html), u"deep"_s);
        QCOMPARE(HtmlText::headings(u"<h2>"_s + html), QStringList{u"deep"_s});
    }

    void headings_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("none") << u"<p>text</p>"_s << QStringList();
        QTest::newRow("in order")
            << u"<h2> A  <em>b</em> </h2><p>x</p><h3>C</h3><p>y</p><h4>D<br>E</h4><h2>F</h2>"_s
            << QStringList{u"A b"_s, u"C"_s, u"D E"_s, u"F"_s};
        QTest::newRow("other levels ignored")
            << u"<h1>one</h1><h2>two</h2><h5>five</h5><h6>six</h6>"_s << QStringList{u"two"_s};
        QTest::newRow("nested in blocks")
            << u"<blockquote><h3>Quoted</h3></blockquote><li><h4>Item</h4></li>"_s
            << QStringList{u"Quoted"_s, u"Item"_s};
        QTest::newRow("entities and cyrillic")
            << u"<h2>Война &amp; мир</h2>"_s << QStringList{u"Война & мир"_s};
        QTest::newRow("empty heading skipped") << u"<h2> </h2><h3>x</h3>"_s << QStringList{u"x"_s};
    }

    void headings()
    {
        QFETCH(QString, html);
        QFETCH(QStringList, expected);
        QCOMPARE(HtmlText::headings(html), expected);
    }

    void wordCount_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected");

        QTest::newRow("empty") << u""_s << 0;
        QTest::newRow("spaces") << u"   \n\t "_s << 0;
        QTest::newRow("punctuation only") << u"— ... ! -- '"_s << 0;
        QTest::newRow("two words") << u"Hello world"_s << 2;
        QTest::newRow("punctuation") << u"Hello, world! How are you?"_s << 5;
        QTest::newRow("line breaks") << u"one\ntwo\n\nthree"_s << 3;
        QTest::newRow("apostrophe") << u"don't stop"_s << 2;
        QTest::newRow("typographic apostrophe") << u"rock’n’roll isn’t dead"_s << 3;
        QTest::newRow("hyphen") << u"a well-known fact"_s << 3;
        QTest::newRow("dash between words") << u"yes - no"_s << 2;
        QTest::newRow("double hyphen") << u"yes--no"_s << 2;
        QTest::newRow("hyphen at the ends") << u"-pre post- 'quoted'"_s << 3;
        QTest::newRow("numbers") << u"In 2024 there were 35 million"_s << 6;
        QTest::newRow("number and letters") << u"COVID-19"_s << 2;
        QTest::newRow("cyrillic") << u"Привет, мир"_s << 2;
        QTest::newRow("cyrillic hyphen") << u"Говорю по-русски кое-как"_s << 3;
        QTest::newRow("combining mark") << u"и\u0306од йод"_s << 2;
        QTest::newRow("french") << u"l'été à Paris"_s << 3;
        QTest::newRow("non-breaking space") << u"10\u00a0km"_s << 2;
        QTest::newRow("outside the BMP") << u"\U0001D400\U0001D401 x"_s << 2;
        QTest::newRow("joined outside the BMP") << u"\U0001D400-\U0001D401 x"_s << 2;
        QTest::newRow("lone surrogate") << (u"ab"_s + QChar(0xd800) + u"cd"_s) << 2;
        QTest::newRow("joiner at the end") << u"rock'"_s << 1;
    }

    void wordCount()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        QCOMPARE(HtmlText::wordCount(text), expected);
    }

    void wordCountOfPlainText()
    {
        const QString html = u"<h2>Заголовок статьи</h2><p>Первый абзац, в нём пять слов.</p>"
                             "<ul><li>one</li><li>two-three</li></ul>"_s;
        QCOMPARE(HtmlText::wordCount(HtmlText::plainText(html)), 2 + 6 + 2);
    }
};

QTEST_GUILESS_MAIN(TestHtmlText)
#include "tst_htmltext.moc"
