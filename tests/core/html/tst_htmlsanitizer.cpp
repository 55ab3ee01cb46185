#include <html/htmlsanitizer.h>

#include "testsupport.h"
#include "xsscorpus.h"

#include <gumbo.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Copydesk;
using namespace XssCorpus;

namespace {

// ---- Checking output -------------------------------------------------------------------------------------

struct GumboOutputDeleter
{
    void operator()(GumboOutput *output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

const QHash<QString, QSet<QString>> &allowedAttributes()
{
    static const QHash<QString, QSet<QString>> allowed = [] {
        QHash<QString, QSet<QString>> map;
        const QStringList plain = {
            u"html"_s,   u"head"_s,       u"body"_s,    u"p"_s,     u"h2"_s,    u"h3"_s,    u"h4"_s,
            u"ul"_s,     u"ol"_s,         u"li"_s,      u"dl"_s,    u"dt"_s,    u"dd"_s,    u"strong"_s,
            u"em"_s,     u"b"_s,          u"i"_s,       u"s"_s,     u"mark"_s,  u"br"_s,    u"hr"_s,
            u"figure"_s, u"figcaption"_s, u"cite"_s,    u"small"_s, u"sub"_s,   u"sup"_s,   u"pre"_s,
            u"code"_s,   u"table"_s,      u"caption"_s, u"thead"_s, u"tbody"_s, u"tfoot"_s, u"tr"_s};
        for (const QString &name : plain)
            map.insert(name, {});
        map.insert(u"a"_s, {u"href"_s, u"title"_s});
        map.insert(u"img"_s, {u"src"_s, u"alt"_s, u"title"_s});
        map.insert(u"abbr"_s, {u"title"_s});
        map.insert(u"time"_s, {u"datetime"_s});
        for (const QString &name : {u"blockquote"_s, u"q"_s, u"del"_s, u"ins"_s})
            map.insert(name, {u"cite"_s});
        map.insert(u"td"_s, {u"colspan"_s, u"rowspan"_s});
        map.insert(u"th"_s, {u"colspan"_s, u"rowspan"_s});
        return map;
    }();
    return allowed;
}

void checkNode(const GumboNode *node, bool inLink, QStringList &problems)
{
    if (node->type == GUMBO_NODE_COMMENT || node->type == GUMBO_NODE_TEMPLATE ||
        node->type == GUMBO_NODE_CDATA) {
        problems << u"comment, template or CDATA node"_s;
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT)
        return;
    const GumboElement &element = node->v.element;
    GumboStringPiece tagPiece = element.original_tag;
    gumbo_tag_from_original_text(&tagPiece);
    const QString name = element.tag == GUMBO_TAG_UNKNOWN
                             ? QString::fromUtf8(tagPiece.data, qsizetype(tagPiece.length)).toLower()
                             : QString::fromUtf8(gumbo_normalized_tagname(element.tag));
    if (element.tag_namespace != GUMBO_NAMESPACE_HTML)
        problems << u"foreign element <%1>"_s.arg(name);
    if (!allowedAttributes().contains(name))
        problems << u"element <%1> outside the allow-list"_s.arg(name);
    if (name == u"a"_s && inLink)
        problems << u"link inside a link"_s;
    if (name == u"head"_s && element.children.length > 0)
        problems << u"content in <head>"_s;

    const QSet<QString> allowed = allowedAttributes().value(name);
    for (unsigned int i = 0; i < element.attributes.length; ++i) {
        const auto *attribute = static_cast<const GumboAttribute *>(element.attributes.data[i]);
        const QString attributeName = QString::fromUtf8(attribute->name).toLower();
        const QString value = QString::fromUtf8(attribute->value);
        if (attributeName.startsWith(u"on"_s))
            problems << u"event handler %1 on <%2>"_s.arg(attributeName, name);
        if (!allowed.contains(attributeName))
            problems << u"attribute %1 on <%2> outside the allow-list"_s.arg(attributeName, name);
        if (attributeName == u"href"_s || attributeName == u"cite"_s || attributeName == u"src"_s) {
            const QString scheme = QUrl(value).scheme().toLower();
            const QStringList schemes =
                attributeName == u"href"_s   ? QStringList{u"http"_s, u"https"_s, u"mailto"_s}
                : attributeName == u"cite"_s ? QStringList{u"http"_s, u"https"_s}
                                             : QStringList{QString::fromLatin1(HtmlSanitizer::ImageScheme)};
            if (!schemes.contains(scheme) || value.trimmed() != value)
                problems << u"%1=\"%2\" on <%3>"_s.arg(attributeName, value, name);
        }
        if (attributeName == u"src"_s) {
            static const QRegularExpression ownImage(u"\\Acopydesk-image:[0-9]+\\z"_s);
            if (!ownImage.match(value).hasMatch())
                problems << u"image source \"%1\""_s.arg(value);
        }
    }
    for (unsigned int i = 0; i < element.children.length; ++i)
        checkNode(static_cast<const GumboNode *>(element.children.data[i]), inLink || name == u"a"_s,
                  problems);
}

// Parses sanitized HTML again and lists everything in it that the allow-list does not allow.
QStringList problemsIn(const QString &html)
{
    const QByteArray utf8 = html.toUtf8();
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    const std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
        gumbo_parse_with_options(&options, utf8.constData(), size_t(utf8.size())));
    QStringList problems;
    checkNode(output->root, false, problems);
    return problems;
}

QString repeated(const QString &text, int count)
{
    return text.repeated(count);
}

} // namespace

class TestHtmlSanitizer : public QObject
{
    Q_OBJECT

private slots:
    void sanitize_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");

        // Allowed structure passes through
        QTest::newRow("paragraph") << u"<p>Hello <strong>world</strong></p>"_s
                                   << u"<p>Hello <strong>world</strong></p>\n"_s;
        QTest::newRow("inline elements")
            << u"<p><em>a</em> <b>b</b> <i>c</i> <s>d</s> <del>e</del> <ins>f</ins> <mark>g</mark> "
               u"<cite>h</cite> <q>i</q> <small>j</small> <sub>k</sub> <sup>l</sup> <code>m</code></p>"_s
            << u"<p><em>a</em> <b>b</b> <i>c</i> <s>d</s> <del>e</del> <ins>f</ins> <mark>g</mark> "
               u"<cite>h</cite> <q>i</q> <small>j</small> <sub>k</sub> <sup>l</sup> <code>m</code></p>\n"_s;
        QTest::newRow("headings") << u"<h2>A</h2><h3>B</h3><h4>C</h4>"_s
                                  << u"<h2>A</h2>\n<h3>B</h3>\n<h4>C</h4>\n"_s;
        QTest::newRow("h1 becomes h2")
            << u"<h1 class=\"title\">Top</h1><p>x</p>"_s << u"<h2>Top</h2>\n<p>x</p>\n"_s;
        QTest::newRow("h5 and h6 become h4")
            << u"<h5>Five</h5><h6>Six</h6>"_s << u"<h4>Five</h4>\n<h4>Six</h4>\n"_s;
        QTest::newRow("list") << u"<ul><li>a</li><li>b</li></ul><ol><li>c</li></ol>"_s
                              << u"<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol>\n<li>c</li>\n</ol>\n"_s;
        QTest::newRow("definition list") << u"<dl><dt>Term</dt><dd>Meaning</dd></dl>"_s
                                         << u"<dl>\n<dt>Term</dt>\n<dd>Meaning</dd>\n</dl>\n"_s;
        QTest::newRow("blockquote") << u"<blockquote><p>Quoted</p><p>More</p></blockquote>"_s
                                    << u"<blockquote>\n<p>Quoted</p>\n<p>More</p>\n</blockquote>\n"_s;
        QTest::newRow("br and hr") << u"<p>a<br>b<br/>c</p><hr><p>d</p>"_s
                                   << u"<p>a<br>b<br>c</p>\n<hr>\n<p>d</p>\n"_s;
        QTest::newRow("figure")
            << u"<figure><img src=\"copydesk-image:0\" alt=\"A cat\"><figcaption>Cat</figcaption>"
               "</figure>"_s
            << u"<figure><img src=\"copydesk-image:0\" alt=\"A cat\"><figcaption>Cat</figcaption>\n"
               "</figure>\n"_s;
        QTest::newRow("abbr and time")
            << u"<p><abbr title=\"World Health Organization\" lang=\"en\">WHO</abbr> on "
               "<time datetime=\"2024-05-01\" pubdate>1 May</time></p>"_s
            << u"<p><abbr title=\"World Health Organization\">WHO</abbr> on "
               u"<time datetime=\"2024-05-01\">1 May</time></p>\n"_s;
        QTest::newRow("pre keeps white space")
            << u"<pre>  code\n    indented\n</pre>"_s << u"<pre>  code\n    indented\n</pre>\n"_s;
        QTest::newRow("pre with a leading newline in its text")
            << u"<pre>\n\nfirst line was blank</pre>"_s << u"<pre>\n\nfirst line was blank</pre>\n"_s;

        // Harmless containers are unwrapped, their text kept
        QTest::newRow("div and span") << u"<div><span>a</span> <section>b</section></div>"_s << u"a b"_s;
        QTest::newRow("layout around paragraphs")
            << u"<article><header><p>One</p></header><main><div><p>Two</p></div></main></article>"_s
            << u"<p>One</p>\n<p>Two</p>\n"_s;
        QTest::newRow("font, center, u, label")
            << u"<p><font color=\"red\">red</font> <center>c</center> <u>u</u> <label>l</label></p>"_s
            << u"<p>red </p>\nc u l"_s; // <center> closes the paragraph
        QTest::newRow("unknown element")
            << u"<p><x-widget data-id=\"7\">text</x-widget></p>"_s << u"<p>text</p>\n"_s;
        QTest::newRow("details") << u"<details><summary>More</summary>Hidden</details>"_s << u"MoreHidden"_s;

        // Dangerous elements go with their content
        QTest::newRow("script") << u"<p>a<script>alert(1)</script>b</p>"_s << u"<p>ab</p>\n"_s;
        QTest::newRow("style") << u"<style>p{color:red}</style><p>a</p>"_s << u"<p>a</p>\n"_s;
        QTest::newRow("iframe") << u"<p>a<iframe src=\"https://evil.example/\">x</iframe></p>"_s
                                << u"<p>a</p>\n"_s;
        QTest::newRow("form")
            << u"<form action=\"/x\"><input value=\"v\"><button>Go</button><select><option>o"
               "</option></select><textarea>t</textarea></form><p>after</p>"_s
            << u"<p>after</p>\n"_s;
        QTest::newRow("object and embed")
            << u"<object data=\"x.swf\">fallback</object><embed src=\"y\">z"_s << u"z"_s;
        QTest::newRow("svg and math") << u"<svg><text>s</text></svg><math><mi>m</mi></math>t"_s << u"t"_s;
        QTest::newRow("media")
            << u"<video src=\"v\"><track src=\"t\">v</video><audio>a</audio><canvas>c</canvas>x"_s << u"x"_s;
        QTest::newRow("picture")
            << u"<picture><source srcset=\"a.webp\"><img src=\"copydesk-image:1\"></picture>"_s
            << u"<img src=\"copydesk-image:1\">"_s;
        QTest::newRow("noscript and template")
            << u"<p>a</p><noscript><p>n</p></noscript><template><p>t</p></template><p>ok</p>"_s
            << u"<p>a</p>\n<p>ok</p>\n"_s;
        QTest::newRow("head content")
            << u"<!DOCTYPE html><html><head><title>T</title><meta charset=\"utf-8\">"
               "<link rel=\"stylesheet\" href=\"s.css\"><base href=\"https://evil.example/\">"
               "</head><body><p>Body</p></body></html>"_s
            << u"<p>Body</p>\n"_s;
        QTest::newRow("comments") << u"<!-- c --><p>a<!-- d -->b</p><?php echo 1; ?>"_s << u"<p>ab</p>\n"_s;
        QTest::newRow("dialog") << u"<dialog open>Modal</dialog><p>x</p>"_s << u"<p>x</p>\n"_s;

        // Attributes off the list are dropped
        QTest::newRow("attributes")
            << u"<p class=\"x\" style=\"color:red\" onclick=\"alert(1)\" id=\"y\" data-x=\"1\" "
               u"lang=\"en\">t</p>"_s
            << u"<p>t</p>\n"_s;
        QTest::newRow("link attributes")
            << u"<a href=\"https://example.com/a b?q=1&amp;r=2\" title=\"T\" target=\"_blank\" "
               u"rel=\"nofollow\" "
               "onmouseover=\"x()\">x</a>"_s
            << u"<a href=\"https://example.com/a%20b?q=1&amp;r=2\" title=\"T\">x</a>"_s;
        QTest::newRow("image attributes")
            << u"<img src=\"copydesk-image:3\" alt=\"A\" title=\"T\" width=\"10\" onerror=\"alert(1)\" "
               "srcset=\"https://evil.example/x.png 2x\">"_s
            << u"<img src=\"copydesk-image:3\" alt=\"A\" title=\"T\">"_s;
        QTest::newRow("quote cite")
            << u"<blockquote cite=\"https://example.com/source\"><p>q</p></blockquote>"_s
            << u"<blockquote cite=\"https://example.com/source\">\n<p>q</p>\n</blockquote>\n"_s;
        QTest::newRow("script cite") << u"<q cite=\"javascript:alert(1)\">q</q>"_s << u"<q>q</q>"_s;
        QTest::newRow("mailto cite") << u"<del cite=\"mailto:a@example.com\">d</del>"_s << u"<del>d</del>"_s;

        // Images: only the article's own
        QTest::newRow("remote image")
            << u"<p>a<img src=\"https://example.com/x.png\" alt=\"x\">b</p>"_s << u"<p>ab</p>\n"_s;
        QTest::newRow("data image") << u"<img src=\"data:image/png;base64,AAAA\">"_s << u""_s;
        QTest::newRow("relative image")
            << u"<img src=\"copydesk-image:3/../x\"><img src=\"x.png\">"_s << u""_s;
        QTest::newRow("image without source") << u"<img alt=\"x\">"_s << u""_s;
        QTest::newRow("image scheme case")
            << u"<img src=\" COPYDESK-IMAGE:12 \">"_s << u"<img src=\"copydesk-image:12\">"_s;
        QTest::newRow("image tag") << u"<image src=\"copydesk-image:2\">"_s
                                   << u"<img src=\"copydesk-image:2\">"_s;

        // Tables
        QTest::newRow("table")
            << u"<table class=\"t\"><caption>Cap</caption><thead><tr><th scope=\"col\">H</th></tr></thead>"
               "<tbody><tr><td colspan=\"2\" rowspan=\"3\" style=\"x\">a</td><td>b</td></tr></tbody>"
               "<tfoot><tr><td></td></tr></tfoot></table>"_s
            << u"<table>\n<caption>Cap</caption>\n<thead>\n<tr><th>H</th></tr>\n</thead>\n<tbody>\n"
               "<tr><td colspan=\"2\" rowspan=\"3\">a</td><td>b</td></tr>\n</tbody>\n"
               "<tfoot>\n<tr><td></td></tr>\n</tfoot>\n</table>\n"_s;
        QTest::newRow("table without tbody")
            << u"<table><tr><td>a</td></tr></table>"_s
            << u"<table>\n<tbody>\n<tr><td>a</td></tr>\n</tbody>\n</table>\n"_s;
        QTest::newRow("bad spans")
            << u"<table><tr><td colspan=\"0\">a</td><td colspan=\"101\" rowspan=\"x\">b</td>"
               "<td rowspan=\" 100 \">c</td></tr></table>"_s
            << u"<table>\n<tbody>\n<tr><td>a</td><td>b</td><td rowspan=\"100\">c</td></tr>\n"
               u"</tbody>\n</table>\n"_s;
        QTest::newRow("text in a table is moved before it")
            << u"<table><tr>stray<td>a</td></tr></table>"_s
            << u"stray<table>\n<tbody>\n<tr><td>a</td></tr>\n</tbody>\n</table>\n"_s;
        QTest::newRow("paragraph in a cell")
            << u"<table><tr><td><p>a</p><p>b</p></td></tr></table>"_s
            << u"<table>\n<tbody>\n<tr><td>\n<p>a</p>\n<p>b</p>\n</td></tr>\n"
               "</tbody>\n</table>\n"_s;
        QTest::newRow("empty table") << u"<table><tr></tr></table><p>x</p>"_s << u"<p>x</p>\n"_s;

        // Structure repaired so that the output parses back into the same tree
        QTest::newRow("paragraphs inside bold")
            << u"<b><p>a</p><p>b</p></b>"_s << u"<p><b>a</b></p>\n<p><b>b</b></p>\n"_s;
        QTest::newRow("link around a block") << u"<a href=\"https://example.com/\"><h2>Head</h2>more</a>"_s
                                             << u"<h2><a href=\"https://example.com/\">Head</a></h2>\n"
                                                "<a href=\"https://example.com/\">more</a>"_s;
        QTest::newRow("list item outside a list") << u"<li>a</li><p>b</p>"_s << u"a<p>b</p>\n"_s;
        QTest::newRow("text inside a list")
            << u"<ul>text<li>a</li></ul>"_s << u"<ul>\n<li>text</li>\n<li>a</li>\n</ul>\n"_s;
        QTest::newRow("figure loose in a list leaves it")
            << u"<ul><li>a</li><figure><img src=\"copydesk-image:0\"><figcaption>Cat</figcaption></figure>"
               "<li>b</li></ul>"_s
            << u"<ul>\n<li>a</li>\n</ul>\n<figure><img "
               u"src=\"copydesk-image:0\"><figcaption>Cat</figcaption>\n"
               "</figure>\n<ul>\n<li>b</li>\n</ul>\n"_s;
        QTest::newRow("list of loose figures")
            << u"<ol><figure><img src=\"copydesk-image:0\"><figcaption>Cat</figcaption></figure></ol>"_s
            << u"<figure><img src=\"copydesk-image:0\"><figcaption>Cat</figcaption>\n</figure>\n"_s;
        QTest::newRow("list nested the old way") << u"<ul><li>a</li><ul><li>b</li></ul></ul>"_s
                                                 << u"<ul>\n<li>a<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>\n"_s;
        QTest::newRow("stray definition")
            << u"<dl>loose<dt>t</dt></dl>"_s << u"<dl>\n<dd>loose</dd>\n<dt>t</dt>\n</dl>\n"_s;
        QTest::newRow("caption outside a table") << u"<p>a</p><caption>c</caption>"_s << u"<p>a</p>\nc"_s;
        QTest::newRow("figcaption outside a figure") << u"<figcaption>c</figcaption>"_s << u"c"_s;
        QTest::newRow("block inside a paragraph")
            << u"<p>before<marquee><blockquote>quote</blockquote></marquee>after</p>"_s
            << u"<p>before</p>\n<blockquote>quote</blockquote>\n<p>after</p>\n"_s;
        QTest::newRow("table inside a paragraph (quirks mode)")
            << u"<p>a<table><tr><td>x</td></tr></table>b</p>"_s
            << u"<p>a</p>\n<table>\n<tbody>\n<tr><td>x</td></tr>\n</tbody>\n</table>\n<p>b</p>\n"_s;
        QTest::newRow("paragraph in a paragraph") << u"<p>a<p>b</p></p>"_s << u"<p>a</p>\n<p>b</p>\n"_s;

        // White space and empty elements
        QTest::newRow("empty elements")
            << u"<p></p><p> </p><strong></strong><h2> </h2><ul><li></li></ul>x"_s << u"x"_s;
        QTest::newRow("empty bold keeps its space") << u"a<b> </b>b"_s << u"a b"_s;
        QTest::newRow("white space between blocks")
            << u"\n  <p>a</p>\n\n   <p>b</p>\n"_s << u"<p>a</p>\n<p>b</p>\n"_s;
        QTest::newRow("white space inside text kept") << u"<p>a  b\n c</p>"_s << u"<p>a  b\n c</p>\n"_s;
        QTest::newRow("text beside blocks") << u"intro <p>para</p> outro"_s << u"intro<p>para</p>\noutro"_s;
        QTest::newRow("no spaces invented")
            << u"<p><b>bold</b><i>italic</i></p>"_s << u"<p><b>bold</b><i>italic</i></p>\n"_s;

        // Text
        QTest::newRow("entities") << u"<p>a &amp; b &lt;c&gt; &quot;d&quot; &eacute; &#x416;</p>"_s
                                  << u"<p>a &amp; b &lt;c&gt; \"d\" é Ж</p>\n"_s;
        QTest::newRow("escaped attribute")
            << u"<abbr title='say \"hi\" &amp; <bye>'>x</abbr>"_s
            << u"<abbr title=\"say &quot;hi&quot; &amp; &lt;bye&gt;\">x</abbr>"_s;
        QTest::newRow("null characters") << u"<p>a\u0000b</p>"_s << u"<p>ab</p>\n"_s;
        // The parser itself turns a raw control character into U+FFFD
        QTest::newRow("control characters") << u"<p>a&#1;b\u0007c&#13;d</p>"_s << u"<p>ab\uFFFDc\nd</p>\n"_s;
        QTest::newRow("cyrillic") << u"<h2>Заголовок</h2><p>Привет, мир!</p>"_s
                                  << u"<h2>Заголовок</h2>\n<p>Привет, мир!</p>\n"_s;
        QTest::newRow("empty") << u""_s << u""_s;
        QTest::newRow("plain text") << u"just text"_s << u"just text"_s;
    }

    void sanitize()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const QString output = HtmlSanitizer::sanitize(input);
        QCOMPARE(output, expected);
        QCOMPARE(HtmlSanitizer::sanitize(output), output);
        const QStringList problems = problemsIn(output);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
    }

    void links_data()
    {
        QTest::addColumn<QString>("href"); // inserted into the markup as it is, so entities apply
        QTest::addColumn<QString>("expected");

        const QString unwrapped = u"<p>x</p>\n"_s;
        QTest::newRow("https") << u"https://example.com/path?q=1#top"_s
                               << u"<p><a href=\"https://example.com/path?q=1#top\">x</a></p>\n"_s;
        QTest::newRow("http upper case")
            << u"HTTP://Example.COM/"_s << u"<p><a href=\"http://example.com/\">x</a></p>\n"_s;
        QTest::newRow("mailto") << u"mailto:desk@example.com"_s
                                << u"<p><a href=\"mailto:desk@example.com\">x</a></p>\n"_s;
        QTest::newRow("padded") << u"  https://example.com/ "_s
                                << u"<p><a href=\"https://example.com/\">x</a></p>\n"_s;
        QTest::newRow("unicode host")
            << u"https://пример.рф/"_s << u"<p><a href=\"https://xn--e1afmkfd.xn--p1ai/\">x</a></p>\n"_s;
        QTest::newRow("javascript") << u"javascript:alert(1)"_s << unwrapped;
        QTest::newRow("mixed case") << u"JaVaScRiPt:alert(1)"_s << unwrapped;
        QTest::newRow("leading space") << u" javascript:alert(1)"_s << unwrapped;
        QTest::newRow("tab entity") << u"jav&#x09;ascript:alert(1)"_s << unwrapped;
        QTest::newRow("newline entity") << u"jav&#x0A;ascript:alert(1)"_s << unwrapped;
        QTest::newRow("raw tab and newline") << u"java\tscr\nipt:alert(1)"_s << unwrapped;
        QTest::newRow("encoded letters")
            << u"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)"_s << unwrapped;
        QTest::newRow("control prefix") << u"&#1;javascript:alert(1)"_s << unwrapped;
        QTest::newRow("data") << u"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="_s << unwrapped;
        QTest::newRow("vbscript") << u"vbscript:msgbox(1)"_s << unwrapped;
        QTest::newRow("file") << u"file:///etc/passwd"_s << unwrapped;
        QTest::newRow("relative") << u"/news/story"_s << unwrapped;
        QTest::newRow("protocol relative") << u"//evil.example/x"_s << unwrapped;
        QTest::newRow("fragment") << u"#top"_s << unwrapped;
        QTest::newRow("http without host") << u"http:javascript:alert(1)"_s << unwrapped;
        QTest::newRow("empty") << u""_s << unwrapped;
    }

    void links()
    {
        QFETCH(QString, href);
        QFETCH(QString, expected);
        const QString output = HtmlSanitizer::sanitize(u"<p><a href=\""_s + href + u"\">x</a></p>"_s);
        QCOMPARE(output, expected);
        QCOMPARE(HtmlSanitizer::sanitize(output), output);
    }

    void linkWithoutHrefIsUnwrapped()
    {
        QCOMPARE(HtmlSanitizer::sanitize(u"<a name=\"top\" title=\"t\">anchor</a>"_s), u"anchor"_s);
    }

    void nestedLinks_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("div between")
            << u"<a href=\"https://a.example/\">a<div><a href=\"https://b.example/\">b</a></div>c</a>"_s;
        QTest::newRow("table between")
            << u"<a href=\"https://a.example/\">a<table><tr><td><a href=\"https://b.example/\">b</a>"
               u"</td></tr></table></a>"_s;
        QTest::newRow("marquee between")
            << u"<a href=\"https://a.example/\"><marquee><a href=\"https://b.example/\">b</a></marquee>"
               u"</a>"_s;
        QTest::newRow("object between")
            << u"<p><a href=\"https://a.example/\"><applet><a href=\"https://b.example/\">b</a></applet>x</a>"
               u"</p>"_s;
    }

    void nestedLinks()
    {
        QFETCH(QString, input);
        const QString output = HtmlSanitizer::sanitize(input);
        const QStringList problems = problemsIn(output);
        QVERIFY2(problems.isEmpty(), qPrintable(output + u": "_s + problems.join(u"; "_s)));
        QCOMPARE(HtmlSanitizer::sanitize(output), output);
    }

    void deepNesting_data()
    {
        QTest::addColumn<QString>("open");
        QTest::addColumn<QString>("close");
        QTest::addColumn<int>("count");
        // gumbo 0.10.1 checks element scopes by walking the whole stack of open elements, so deep block
        // nesting is quadratic to parse: 100 000 nested divs take about 15 s on their own.
        QTest::newRow("100000 spans") << u"<span>"_s << u"</span>"_s << 100000;
        QTest::newRow("100000 bold") << u"<b>"_s << u""_s << 100000;
        QTest::newRow("20000 divs") << u"<div>"_s << u"</div>"_s << 20000;
        QTest::newRow("5000 blockquotes") << u"<blockquote>"_s << u"</blockquote>"_s << 5000;
        QTest::newRow("3000 lists") << u"<ul><li>"_s << u""_s << 3000;
        QTest::newRow("3000 loose lists") << u"<ul>x"_s << u""_s << 3000;
        QTest::newRow("1000 tables") << u"<table><tr><td>"_s << u""_s << 1000;
        QTest::newRow("3000 mixed") << u"<div><em><p><a href=\"https://example.com/\"><dl><dd>"_s << u""_s
                                    << 3000;
    }

    void deepNesting()
    {
        QFETCH(QString, open);
        QFETCH(QString, close);
        QFETCH(int, count);
        const QString input = repeated(open, count) + u"deep"_s + repeated(close, count);
        QElapsedTimer timer;
        timer.start();
        const QString output = HtmlSanitizer::sanitize(input);
        qInfo("%d levels in %lld ms, %lld characters out", count, timer.elapsed(), output.size());
        QVERIFY(output.contains(u"deep"_s));
        const QStringList problems = problemsIn(output);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
        QCOMPARE(HtmlSanitizer::sanitize(output), output);
    }

    void corpusSizes()
    {
        const QString dompurify = readTextFile(xssDir() + u"/dompurify-expect.mjs"_s);
        const QString h5sc = readTextFile(xssDir() + u"/h5sc-items.js"_s);
        if (dompurify.isEmpty() || h5sc.isEmpty())
            QSKIP(qPrintable(u"XSS corpora not found in %1 (set COPYDESK_SHARED_DIR)"_s.arg(xssDir())));
        const QStringList dompurifyItems = dompurifyPayloads(dompurify);
        const QStringList h5scItems = h5scPayloads(h5sc);
        qInfo("%lld DOMPurify and %lld H5SC payloads", dompurifyItems.size(), h5scItems.size());
        QVERIFY2(dompurifyItems.size() > 200, qPrintable(QString::number(dompurifyItems.size())));
        QVERIFY2(h5scItems.size() > 100, qPrintable(QString::number(h5scItems.size())));
        QVERIFY(!dompurifyItems.contains(QString()));
        QVERIFY(!h5scItems.contains(QString()));
        QVERIFY(dompurifyItems.contains(u"123<a href='\u2028javascript:alert(1)'>I am a dolphin!</a>"_s));
        QVERIFY(dompurifyItems.contains(u"<img src=\"\r\ndata:image/jpeg,ab798ewqxbaudbuoibeqbla\">"_s));
        QVERIFY(h5scItems.contains(u"<applet onerror=\"alert(1)\"></applet>"_s));
    }

    void xssCorpus_data()
    {
        QTest::addColumn<QString>("payload");
        const QString dompurify = readTextFile(xssDir() + u"/dompurify-expect.mjs"_s);
        const QString h5sc = readTextFile(xssDir() + u"/h5sc-items.js"_s);
        if (dompurify.isEmpty() || h5sc.isEmpty())
            QSKIP(qPrintable(u"XSS corpora not found in %1 (set COPYDESK_SHARED_DIR)"_s.arg(xssDir())));
        const QStringList dompurifyItems = dompurifyPayloads(dompurify);
        for (qsizetype i = 0; i < dompurifyItems.size(); ++i)
            QTest::addRow("dompurify %03lld", i + 1) << dompurifyItems.at(i);
        const QStringList h5scItems = h5scPayloads(h5sc);
        for (qsizetype i = 0; i < h5scItems.size(); ++i)
            QTest::addRow("h5sc %03lld", i + 1) << h5scItems.at(i);
    }

    // Every vector, sanitized, holds nothing that can run script or load from the network, and is stable.
    void xssCorpus()
    {
        QFETCH(QString, payload);
        const QString output = HtmlSanitizer::sanitize(payload);
        const QStringList problems = problemsIn(output);
        QVERIFY2(problems.isEmpty(), qPrintable(output + u"\n"_s + problems.join(u"; "_s)));
        QVERIFY2(!output.contains(u"javascript:"_s, Qt::CaseInsensitive) || !output.contains(u"href"_s),
                 qPrintable(output));
        QCOMPARE(HtmlSanitizer::sanitize(output), output);
    }

    void readabilityPages_data()
    {
        QTest::addColumn<QString>("path");
        const QString dir = sharedDir() + u"/corpora/readability"_s;
        const QStringList pages = QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        if (pages.isEmpty())
            QSKIP(qPrintable(u"Saved pages not found in %1 (set COPYDESK_SHARED_DIR)"_s.arg(dir)));
        for (const QString &page : pages)
            QTest::newRow(qPrintable(page)) << dir + u'/' + page + u"/source.html"_s;
    }

    // Real pages, with their scripts, iframes, forms and remote images.
    void readabilityPages()
    {
        QFETCH(QString, path);
        const QString page = readTextFile(path);
        if (page.isEmpty())
            QSKIP("no source.html");
        const QString output = HtmlSanitizer::sanitize(page);
        const QStringList problems = problemsIn(output);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
        QCOMPARE(HtmlSanitizer::sanitize(output), output);
    }

    // The same vectors inside a saved page, the way imports see them.
    void xssCorpusInPage_data() { xssCorpus_data(); }

    void xssCorpusInPage()
    {
        QFETCH(QString, payload);
        const QString page =
            u"<!DOCTYPE html><html><head><title>t</title></head><body><article><p>Intro</p>"_s + payload +
            u"<p>Outro</p></article></body></html>"_s;
        const QString output = HtmlSanitizer::sanitize(page);
        const QStringList problems = problemsIn(output);
        QVERIFY2(problems.isEmpty(), qPrintable(output + u"\n"_s + problems.join(u"; "_s)));
        QCOMPARE(HtmlSanitizer::sanitize(output), output);
    }
};

QTEST_GUILESS_MAIN(TestHtmlSanitizer)
#include "tst_htmlsanitizer.moc"
