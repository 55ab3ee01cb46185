#include <import/webpage/mhtmlarchive.h>

#include "testsupport.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

QByteArray readFixture(const QString &name)
{
    QFile file(fixturesDir() + u"/pages/"_s + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray tinyPng()
{
    QImage image(6, 4, QImage::Format_RGB32);
    image.fill(Qt::darkGreen);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// Lines joined with CRLF, as mail software and browsers write MIME.
QByteArray crlf(const QList<QByteArray> &lines)
{
    QByteArray out;
    for (const QByteArray &line : lines)
        out += line + "\r\n";
    return out;
}

QByteArray simpleArchive(const QByteArray &htmlHeaders, const QByteArray &htmlBody)
{
    return crlf({"MIME-Version: 1.0", "Content-Type: multipart/related; boundary=\"XYZ\"", "", "--XYZ"}) +
           htmlHeaders + "\r\n" + htmlBody + "\r\n--XYZ--\r\n";
}

} // namespace

class TestMhtmlArchive : public QObject
{
    Q_OBJECT

private slots:
    void browserArchive()
    {
        const QByteArray bytes = readFixture(u"archive/story.mhtml"_s);
        QVERIFY(!bytes.isEmpty());
        QVERIFY(MhtmlArchive::looksLikeMhtml(bytes));
        const MhtmlArchive archive = MhtmlArchive::parse(bytes);
        QVERIFY2(archive.isValid(), qPrintable(archive.error()));
        QVERIFY(archive.warnings().isEmpty());
        QCOMPARE(archive.parts().size(), 4);
        QCOMPARE(archive.htmlCharset(), u"windows-1252"_s);
        QCOMPARE(archive.htmlContentType(), u"text/html; charset=windows-1252"_s);
        QCOMPARE(archive.location(), QUrl(u"https://news.example.org/2024/05/river.html"_s));
        // Quoted-printable with soft breaks: the title is whole again and "=3D" is "=".
        const QByteArray html = archive.html();
        QVERIFY(html.contains("reviennent au caf\xe9 du port - Journal du Fleuve</title>"));
        QVERIFY(html.contains("<html lang=\"fr\">"));
        QVERIFY(!html.contains("=\r\n"));

        const std::optional<Resource> river =
            archive.resource(QUrl(u"https://news.example.org/media/river.png"_s));
        QVERIFY(river);
        QCOMPARE(river->mimeType, u"image/png"_s);
        QCOMPARE(QImage::fromData(river->data).size(), QSize(32, 24));
        // Relative addresses resolve against the page's own location, fragments are ignored.
        QVERIFY(archive.resource(QUrl(u"../../media/river.png#top"_s)));
        const std::optional<Resource> boat = archive.resource(QUrl(u"cid:boat@example"_s));
        QVERIFY(boat);
        QCOMPARE(boat->mimeType, u"image/jpeg"_s);
        QCOMPARE(QImage::fromData(boat->data).size(), QSize(24, 16));
        QVERIFY(!archive.resource(QUrl(u"https://news.example.org/media/other.png"_s)));
        QVERIFY(!archive.resource(QUrl(u"cid:nothing@example"_s)));
    }

    void quotedPrintable_data()
    {
        QTest::addColumn<QByteArray>("encoded");
        QTest::addColumn<QByteArray>("decoded");
        QTest::newRow("soft break crlf")
            << QByteArray("<p>long=\r\nline</p>") << QByteArray("<p>longline</p>");
        QTest::newRow("soft break lf") << QByteArray("<p>long=\nline</p>") << QByteArray("<p>longline</p>");
        QTest::newRow("soft break with trailing space") << QByteArray("ab= \r\ncd") << QByteArray("abcd");
        QTest::newRow("hex") << QByteArray("a=3Db caf=C3=A9") << QByteArray("a=b caf\xc3\xa9");
        QTest::newRow("lower-case hex") << QByteArray("caf=c3=a9") << QByteArray("caf\xc3\xa9");
        QTest::newRow("stray equals kept") << QByteArray("a = b =ZZ") << QByteArray("a = b =ZZ");
        QTest::newRow("transport spaces dropped")
            << QByteArray("end   \r\nnext") << QByteArray("end\r\nnext");
        QTest::newRow("inner spaces kept") << QByteArray("a  b") << QByteArray("a  b");
        QTest::newRow("equals at the very end") << QByteArray("cut=") << QByteArray("cut");
        QTest::newRow("hex cut short") << QByteArray("cut=4") << QByteArray("cut=4");
    }

    void quotedPrintable()
    {
        QFETCH(QByteArray, encoded);
        QFETCH(QByteArray, decoded);
        const MhtmlArchive archive = MhtmlArchive::parse(simpleArchive(
            crlf({"Content-Type: text/html", "Content-Transfer-Encoding: quoted-printable"}), encoded));
        QVERIFY2(archive.isValid(), qPrintable(archive.error()));
        QCOMPARE(archive.html(), decoded);
    }

    void base64Parts()
    {
        const QByteArray png = tinyPng();
        QByteArray encoded = png.toBase64();
        for (qsizetype i = 20; i < encoded.size(); i += 21) // ragged line lengths, as some tools write
            encoded.insert(i, "\r\n");
        const QByteArray bytes = crlf(
            {"MIME-Version: 1.0", "Content-Type: multipart/related; boundary=b1; type=text/html", "",
             "preamble text that is not part of any part", "--b1", "Content-Type: text/html", "",
             "<img src=\"pic.png\">", "--b1", "Content-Type: image/png", "Content-Transfer-Encoding: BASE64",
             "Content-Location: http://example.com/pic.png", "", encoded, "--b1--", "epilogue"});
        const MhtmlArchive archive = MhtmlArchive::parse(bytes);
        QVERIFY2(archive.isValid(), qPrintable(archive.error()));
        QCOMPARE(archive.html(), QByteArray("<img src=\"pic.png\">"));
        const std::optional<Resource> picture = archive.resource(QUrl(u"http://example.com/pic.png"_s));
        QVERIFY(picture);
        QCOMPARE(picture->data, png);
    }

    void unixLineEndingsAndBareParameters()
    {
        const QByteArray bytes =
            "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=plain-1\n\n"
            "--plain-1\nContent-Type: text/html; charset=\"utf-8\"\n"
            "Content-Location: http://example.com/a.html\n\n<p>caf\xc3\xa9</p>\n--plain-1--\n";
        const MhtmlArchive archive = MhtmlArchive::parse(bytes);
        QVERIFY2(archive.isValid(), qPrintable(archive.error()));
        QCOMPARE(archive.html(), QByteArray("<p>caf\xc3\xa9</p>"));
        QCOMPARE(archive.htmlCharset(), u"utf-8"_s);
        QCOMPARE(archive.location(), QUrl(u"http://example.com/a.html"_s));
    }

    void startParameterNamesThePage()
    {
        const QByteArray bytes =
            crlf({"MIME-Version: 1.0", "Content-Type: multipart/related; boundary=\"q\"; start=\"<main@x>\"",
                  "", "--q", "Content-Type: text/html", "Content-ID: <frame@x>", "", "<p>an iframe</p>",
                  "--q", "Content-Type: text/html", "Content-ID: <main@x>", "", "<p>the page</p>", "--q--"});
        const MhtmlArchive archive = MhtmlArchive::parse(bytes);
        QVERIFY(archive.isValid());
        QCOMPARE(archive.html(), QByteArray("<p>the page</p>"));
    }

    void nestedMultipart()
    {
        const QByteArray bytes = crlf({"MIME-Version: 1.0",
                                       "Content-Type: multipart/related; boundary=outer",
                                       "",
                                       "--outer",
                                       "Content-Type: multipart/alternative; boundary=inner",
                                       "",
                                       "--inner",
                                       "Content-Type: text/plain",
                                       "",
                                       "plain version",
                                       "--inner",
                                       "Content-Type: text/html",
                                       "",
                                       "<p>html version</p>",
                                       "--inner--",
                                       "--outer",
                                       "Content-Type: image/gif",
                                       "Content-Location: http://example.com/x.gif",
                                       "",
                                       "GIF89a",
                                       "--outer--"});
        const MhtmlArchive archive = MhtmlArchive::parse(bytes);
        QVERIFY2(archive.isValid(), qPrintable(archive.error()));
        QCOMPARE(archive.parts().size(), 3);
        QCOMPARE(archive.html(), QByteArray("<p>html version</p>"));
        QVERIFY(archive.resource(QUrl(u"http://example.com/x.gif"_s)));
    }

    void singlePartPage()
    {
        const QByteArray bytes =
            crlf({"MIME-Version: 1.0", "Content-Type: text/html; charset=utf-8",
                  "Content-Location: https://example.com/one.html", "", "<p>one part</p>"});
        QVERIFY(MhtmlArchive::looksLikeMhtml(bytes));
        const MhtmlArchive archive = MhtmlArchive::parse(bytes);
        QVERIFY2(archive.isValid(), qPrintable(archive.error()));
        QCOMPARE(archive.html(), QByteArray("<p>one part</p>\r\n"));
        QCOMPARE(archive.location(), QUrl(u"https://example.com/one.html"_s));
    }

    void unknownTransferEncodingSkipsThePart()
    {
        const QByteArray bytes =
            crlf({"MIME-Version: 1.0", "Content-Type: multipart/related; boundary=z", "", "--z",
                  "Content-Type: text/html", "", "<p>page</p>", "--z", "Content-Type: image/png",
                  "Content-Transfer-Encoding: x-uuencode", "Content-Location: http://example.com/u.png", "",
                  "begin 644 u.png", "--z--"});
        const MhtmlArchive archive = MhtmlArchive::parse(bytes);
        QVERIFY(archive.isValid());
        QCOMPARE(archive.parts().size(), 1);
        QCOMPARE(archive.warnings().size(), 1);
        QVERIFY(archive.warnings().first().contains("x-uuencode"_L1));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << u"empty"_s;
        QTest::newRow("html, not MIME") << QByteArray("<!doctype html><p>x</p>") << u"Content-Type"_s;
        QTest::newRow("missing boundary")
            << crlf({"MIME-Version: 1.0", "Content-Type: multipart/related; type=\"text/html\"", "", "--x",
                     "Content-Type: text/html", "", "<p>x</p>", "--x--"})
            << u"no boundary"_s;
        QTest::newRow("boundary never used")
            << crlf({"MIME-Version: 1.0", "Content-Type: multipart/related; boundary=\"abc\"", "",
                     "Content-Type: text/html", "", "<p>x</p>"})
            << u"no part starts with the boundary"_s;
        QTest::newRow("truncated in the headers")
            << QByteArray("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"abc\"\r\nSubj")
            << u"ends inside its headers"_s;
        QTest::newRow("no html part")
            << crlf({"MIME-Version: 1.0", "Content-Type: multipart/related; boundary=k", "", "--k",
                     "Content-Type: image/gif", "", "GIF89a", "--k--"})
            << u"no HTML page"_s;
        QTest::newRow("nothing after the boundary")
            << crlf({"MIME-Version: 1.0", "Content-Type: multipart/related; boundary=k", "", "--k--"})
            << u"no parts"_s;
    }

    void errors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const MhtmlArchive archive = MhtmlArchive::parse(bytes);
        QVERIFY(!archive.isValid());
        QVERIFY2(archive.error().contains(message), qPrintable(archive.error()));
        QVERIFY(archive.html().isEmpty());
        QVERIFY(!archive.location().isValid());
        QVERIFY(!archive.resource(QUrl(u"http://example.com/"_s)));
    }

    void truncatedInAPicture()
    {
        const QByteArray full = readFixture(u"archive/story.mhtml"_s);
        const qsizetype cut = full.indexOf("Content-Type: image/jpeg");
        QVERIFY(cut > 0);
        const MhtmlArchive archive = MhtmlArchive::parse(full.left(cut + 200));
        QVERIFY2(archive.isValid(), qPrintable(archive.error()));
        QCOMPARE(archive.warnings().size(), 1);
        QVERIFY(archive.warnings().first().contains("ends early"_L1));
        QVERIFY(archive.html().contains("</html>"));
        QVERIFY(archive.resource(QUrl(u"https://news.example.org/media/river.png"_s)));
        const std::optional<Resource> boat = archive.resource(QUrl(u"cid:boat@example"_s));
        QVERIFY(boat); // what is there is kept; the importer finds that it is no longer a picture
        QVERIFY(QImage::fromData(boat->data).isNull());
    }

    // Every prefix of a real archive, and random damage, parse to a result or an error; never a crash.
    void damagedInputNeverCrashes()
    {
        const QByteArray full = readFixture(u"archive/story.mhtml"_s);
        int valid = 0;
        for (qsizetype length = 0; length <= full.size(); length += 7) {
            const MhtmlArchive archive = MhtmlArchive::parse(full.left(length));
            QVERIFY(archive.isValid() || !archive.error().isEmpty());
            valid += archive.isValid() ? 1 : 0;
        }
        QVERIFY(valid > 0);
        QRandomGenerator random(20240514);
        for (int round = 0; round < 300; ++round) {
            QByteArray damaged = full;
            for (int i = 0; i < 20; ++i)
                damaged[random.bounded(int(damaged.size()))] = char(random.bounded(256));
            const MhtmlArchive archive = MhtmlArchive::parse(damaged);
            QVERIFY(archive.isValid() || !archive.error().isEmpty());
        }
    }

    void sniffing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("archive");
        QTest::newRow("fixture") << readFixture(u"archive/story.mhtml"_s) << true;
        QTest::newRow("html") << QByteArray("<!DOCTYPE html><html></html>") << false;
        QTest::newRow("text with a colon") << QByteArray("Note: this is text\n\nMore text") << false;
        QTest::newRow("json") << QByteArray("{\"Content-Type\": \"multipart/related\"}") << false;
        QTest::newRow("mail without MIME") << QByteArray("From: a@b\r\nSubject: hi\r\n\r\nbody") << false;
    }

    void sniffing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, archive);
        QCOMPARE(MhtmlArchive::looksLikeMhtml(bytes), archive);
    }
};

QTEST_GUILESS_MAIN(TestMhtmlArchive)
#include "tst_mhtmlarchive.moc"
