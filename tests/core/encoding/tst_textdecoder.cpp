#include <encoding/textdecoder.h>

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QStringEncoder>
#include <QTest>

#include <iconv.h>

#include <algorithm>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Copydesk;
using Kind = TextDecoder::Kind;
using Source = DecodedText::Source;

Q_DECLARE_METATYPE(Copydesk::TextDecoder::Kind)

namespace {

// Text in several encodings is made and read back with glibc's iconv, independently of the decoder.
std::optional<QByteArray> convert(const QByteArray &bytes, const char *from, const char *to)
{
    const iconv_t converter = iconv_open(to, from);
    if (converter == iconv_t(-1))
        return std::nullopt;
    const std::unique_ptr<void, int (*)(iconv_t)> closer(converter, iconv_close);
    QByteArray output(bytes.size() * 4 + 16, Qt::Uninitialized);
    char *in = const_cast<char *>(bytes.constData());
    size_t inLeft = size_t(bytes.size());
    char *out = output.data();
    size_t outLeft = size_t(output.size());
    if (iconv(converter, &in, &inLeft, &out, &outLeft) == size_t(-1) ||
        iconv(converter, nullptr, nullptr, &out, &outLeft) == size_t(-1))
        return std::nullopt;
    output.truncate(out - output.constData());
    return output;
}

// The text in an encoding named as glibc knows it; empty when it cannot be written so.
QByteArray encoded(const QString &text, const char *iconvName)
{
    return convert(text.toUtf8(), "UTF-8", iconvName).value_or(QByteArray());
}

// Bytes read strictly in an encoding; a null string when they are not valid in it.
QString referenceText(const QByteArray &bytes, const char *iconvName)
{
    const std::optional<QByteArray> utf8 = convert(bytes, iconvName, "UTF-8");
    return utf8 ? QString::fromUtf8(*utf8) : QString();
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const QString russianSample =
    u"Правительство России объявило о новых мерах поддержки экономики. Министр финансов сообщил, что "
    "решение вступит в силу с первого числа следующего месяца, а регионы получат дополнительные средства."_s;

// ---- The encodings corpus -------------------------------------------------------------------------------

// A folder of the corpus: the encoding its files are truly in, by IANA name and by glibc's name.
struct CorpusFolder
{
    QString folder;
    QString encoding;
    const char *iconvName;
};

const QList<CorpusFolder> corpusFolders = {
    {u"IBM866"_s, u"IBM866"_s, "IBM866"},
    {u"KOI8-R"_s, u"KOI8-R"_s, "KOI8-R"},
    {u"MacCyrillic"_s, u"x-mac-cyrillic"_s, "MAC-CYRILLIC"},
    {u"iso-8859-1"_s, u"ISO-8859-1"_s, "ISO-8859-1"},
    {u"iso-8859-5-bulgarian"_s, u"ISO-8859-5"_s, "ISO-8859-5"},
    {u"iso-8859-5-russian"_s, u"ISO-8859-5"_s, "ISO-8859-5"},
    {u"utf-8"_s, u"UTF-8"_s, "UTF-8"},
    {u"windows-1251-bulgarian"_s, u"windows-1251"_s, "CP1251"},
    {u"windows-1251-russian"_s, u"windows-1251"_s, "CP1251"},
    {u"windows-1252"_s, u"windows-1252"_s, "CP1252"},
};

QString corpusDir()
{
    return sharedDir() + u"/corpora/encodings"_s;
}

QStringList corpusFiles(const QString &folder)
{
    return QDir(corpusDir() + u'/' + folder).entryList(QDir::Files, QDir::Name);
}

Kind kindOf(const QString &fileName)
{
    if (fileName.endsWith(".xml"_L1))
        return Kind::Xml;
    if (fileName.endsWith(".html"_L1) || fileName.endsWith(".htm"_L1))
        return Kind::Html;
    return Kind::PlainText;
}

// The same text saved in UTF-8: the corpus's "russian" sample is _ude_1.txt in each Russian single-byte
// folder. (The same-named .xml files of the Cyrillic folders are not twins: each says in a comment which
// encoding it is in.)
QString utf8TwinOf(const QString &folder, const QString &fileName)
{
    static const QStringList russianFolders = {u"IBM866"_s, u"KOI8-R"_s, u"MacCyrillic"_s,
                                               u"windows-1251-russian"_s};
    if (fileName == "_ude_1.txt"_L1 && russianFolders.contains(folder))
        return corpusDir() + u"/utf-8/_ude_russian.txt"_s;
    return {};
}

// The bytes with the encoding pseudo-attribute of the XML declaration and every meta charset removed.
// Latin-1 maps bytes to characters one to one, so the regular expressions can work on the raw bytes.
QByteArray withoutDeclarations(const QByteArray &bytes)
{
    // Plain literals: moc misreads raw strings that contain quotes.
    static const QRegularExpression xmlEncoding(u"(<\\?xml\\b[^>]*?)\\s+encoding\\s*=\\s*([\"'])[^\"']*\\2"_s,
                                                QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression metaCharset(u"(<meta\\b[^>]*?)charset\\s*=\\s*([\"']?)[^\"'\\s;>]*\\2"_s,
                                                QRegularExpression::CaseInsensitiveOption);
    QString latin = QString::fromLatin1(bytes);
    latin.replace(xmlEncoding, u"\\1"_s);
    latin.replace(metaCharset, u"\\1"_s);
    return latin.toLatin1();
}

QString percent(qsizetype part, qsizetype whole)
{
    return QString::number(whole ? 100.0 * double(part) / double(whole) : 0.0, 'f', 1) + u'%';
}

} // namespace

class TestTextDecoder : public QObject
{
    Q_OBJECT

private slots:
    void utf8BehindAWrongDeclaration()
    {
        // Re-saved pages often keep a legacy declaration over UTF-8 bytes.
        const QString text =
            u"<html><head><meta charset=\"gb2312\"></head><body>新电脑已可利用记忆自学 — Café</body></html>"_s;
        const DecodedText decoded = TextDecoder::decode(text.toUtf8(), TextDecoder::Kind::Html);
        QCOMPARE(decoded.text, text);
        QCOMPARE(decoded.encoding, u"UTF-8"_s);
        QVERIFY2(decoded.warnings.join(u' ').contains(u"but its bytes are UTF-8"_s),
                 qPrintable(decoded.warnings.join(u' ')));
        // Bytes that fit their declaration keep it.
        QStringEncoder gbk("GBK");
        const QByteArray legacy = gbk.encode(u"<meta charset=\"gb2312\">新电脑"_s);
        QCOMPARE(TextDecoder::decode(legacy, TextDecoder::Kind::Html).text,
                 u"<meta charset=\"gb2312\">新电脑"_s);
    }

    void byteOrderMarks_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("encoding");
        const QString text = u"Día – Привет"_s;
        const auto withBom = [&text](QStringConverter::Encoding encoding) {
            QStringEncoder encoder(encoding, QStringConverter::Flag::WriteBom);
            return QByteArray(encoder.encode(text));
        };
        QTest::newRow("UTF-8") << withBom(QStringConverter::Utf8) << u"UTF-8"_s;
        QTest::newRow("UTF-16LE") << withBom(QStringConverter::Utf16LE) << u"UTF-16LE"_s;
        QTest::newRow("UTF-16BE") << withBom(QStringConverter::Utf16BE) << u"UTF-16BE"_s;
        QTest::newRow("UTF-32LE") << withBom(QStringConverter::Utf32LE) << u"UTF-32LE"_s;
        QTest::newRow("UTF-32BE") << withBom(QStringConverter::Utf32BE) << u"UTF-32BE"_s;
    }

    void byteOrderMarks()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, encoding);
        for (const Kind kind : {Kind::PlainText, Kind::Html, Kind::Xml}) {
            const DecodedText decoded = TextDecoder::decode(bytes, kind);
            QCOMPARE(decoded.encoding, encoding);
            QCOMPARE(decoded.source, Source::ByteOrderMark);
            QCOMPARE(decoded.text, u"Día – Привет"_s);
            QVERIFY2(decoded.warnings.isEmpty(), qPrintable(decoded.warnings.join(u'\n')));
        }
    }

    void byteOrderMarkBeatsDeclarations()
    {
        const QByteArray bytes = "\xEF\xBB\xBF<meta charset=\"koi8-r\"><p>" + u"Привет"_s.toUtf8();
        const DecodedText decoded =
            TextDecoder::decode(bytes, Kind::Html, u"text/html; charset=windows-1251"_s);
        QCOMPARE(decoded.encoding, u"UTF-8"_s);
        QCOMPARE(decoded.source, Source::ByteOrderMark);
        QVERIFY(decoded.text.startsWith(u"<meta"_s));
        QVERIFY(decoded.text.endsWith(u"Привет"_s));
    }

    void declarations_data()
    {
        QTest::addColumn<QByteArray>("declaration");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QByteArray>("iconvName");
        QTest::addColumn<QString>("sample");
        const QString russian = u"Привет, мир"_s;
        const QString french = u"Café à côté"_s;
        const QString none;
        QTest::newRow("meta charset") << QByteArray("<html><head><meta charset=\"koi8-r\"></head><p>")
                                      << Kind::Html << none << u"KOI8-R"_s << QByteArray("KOI8-R") << russian;
        QTest::newRow("meta charset unquoted")
            << QByteArray("<meta charset=windows-1251><p>") << Kind::Html << none << u"windows-1251"_s
            << QByteArray("CP1251") << russian;
        QTest::newRow("meta charset upper case, single quotes")
            << QByteArray("<META CHARSET='ISO-8859-5'><p>") << Kind::Html << none << u"ISO-8859-5"_s
            << QByteArray("ISO-8859-5") << russian;
        QTest::newRow("meta http-equiv")
            << QByteArray("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=IBM866\"><p>")
            << Kind::Html << none << u"IBM866"_s << QByteArray("IBM866") << russian;
        QTest::newRow("meta http-equiv after content")
            << QByteArray("<meta content='text/html;charset=cp1251' http-equiv=content-type /><p>")
            << Kind::Html << none << u"windows-1251"_s << QByteArray("CP1251") << russian;
        QTest::newRow("meta after a commented-out meta")
            << QByteArray("<!-- <meta charset=\"koi8-r\"> --><meta charset=\"x-mac-cyrillic\"><p>")
            << Kind::Html << none << u"x-mac-cyrillic"_s << QByteArray("MAC-CYRILLIC") << russian;
        QTest::newRow("meta after other tags and attributes")
            << QByteArray(
                   "<!DOCTYPE html><html lang=ru><head><title>T</title>"
                   "<link rel=stylesheet href='a.css'><meta name=viewport content='width=device-width'>"
                   "<meta charset=koi8-r><p>")
            << Kind::Html << none << u"KOI8-R"_s << QByteArray("KOI8-R") << russian;
        QTest::newRow("xml declaration")
            << QByteArray("<?xml version=\"1.0\" encoding=\"koi8-r\"?><rss>") << Kind::Xml << none
            << u"KOI8-R"_s << QByteArray("KOI8-R") << russian;
        QTest::newRow("xml declaration, single quotes")
            << QByteArray("<?xml version='1.0' encoding='MacCyrillic' standalone='yes'?>\n<rss>") << Kind::Xml
            << none << u"x-mac-cyrillic"_s << QByteArray("MAC-CYRILLIC") << russian;
        QTest::newRow("http header") << QByteArray() << Kind::PlainText << u"text/plain; charset=\"cp866\""_s
                                     << u"IBM866"_s << QByteArray("IBM866") << russian;
        QTest::newRow("http header, more parameters")
            << QByteArray("<p>") << Kind::Html << u"text/html; format=flowed; CHARSET=KOI8-R"_s << u"KOI8-R"_s
            << QByteArray("KOI8-R") << russian;
        QTest::newRow("ISO-8859-1 reads as windows-1252")
            << QByteArray("<meta charset=\"iso-8859-1\"><p>") << Kind::Html << none << u"windows-1252"_s
            << QByteArray("CP1252") << u"“Café” – 5 €"_s;
        QTest::newRow("US-ASCII reads as windows-1252")
            << QByteArray("<?xml version=\"1.0\" encoding=\"US-ASCII\"?><rss>") << Kind::Xml << none
            << u"windows-1252"_s << QByteArray("CP1252") << french;
        QTest::newRow("x-user-defined reads as windows-1252")
            << QByteArray("<meta charset=x-user-defined><p>") << Kind::Html << none << u"windows-1252"_s
            << QByteArray("CP1252") << french;
        QTest::newRow("UTF-16 in a meta of 8-bit bytes means UTF-8")
            << QByteArray("<meta charset=\"utf-16\"><p>") << Kind::Html << none << u"UTF-8"_s
            << QByteArray("UTF-8") << russian;
        QTest::newRow("UTF-16 in an XML declaration of 8-bit bytes means UTF-8")
            << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss>") << Kind::Xml << none
            << u"UTF-8"_s << QByteArray("UTF-8") << russian;
        // Qt (ICU) does not know ISO-8859-16; glibc's iconv reads it.
        QTest::newRow("encoding only iconv reads")
            << QByteArray("<?xml version=\"1.0\" encoding=\"ISO-8859-16\"?><rss>") << Kind::Xml << none
            << u"ISO-8859-16"_s << QByteArray("ISO-8859-16") << u"Știri din București"_s;
    }

    void declarations()
    {
        QFETCH(QByteArray, declaration);
        QFETCH(Kind, kind);
        QFETCH(QString, contentType);
        QFETCH(QString, encoding);
        QFETCH(QByteArray, iconvName);
        QFETCH(QString, sample);
        const QByteArray body = encoded(sample, iconvName.constData());
        QVERIFY(!body.isEmpty());
        const QByteArray bytes = declaration + body;
        if (contentType.isEmpty())
            QCOMPARE(TextDecoder::declaredEncoding(bytes, kind), encoding);
        const DecodedText decoded = TextDecoder::decode(bytes, kind, contentType);
        QCOMPARE(decoded.encoding, encoding);
        QCOMPARE(decoded.source, Source::Declaration);
        QCOMPARE(decoded.text, QString::fromLatin1(declaration) + sample);
        QVERIFY2(decoded.warnings.isEmpty(), qPrintable(decoded.warnings.join(u'\n')));
    }

    void notDeclarations_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<Kind>("kind");
        QTest::newRow("meta in a comment")
            << QByteArray("<!-- <meta charset=\"koi8-r\"> --><p>x</p>") << Kind::Html;
        QTest::newRow("meta in an attribute value")
            << QByteArray("<a title='<meta charset=koi8-r>'>x</a>") << Kind::Html;
        QTest::newRow("content without http-equiv")
            << QByteArray("<meta content=\"text/html; charset=koi8-r\">") << Kind::Html;
        QTest::newRow("not a meta element") << QByteArray("<metadata charset=koi8-r>") << Kind::Html;
        QTest::newRow("meta past the first 1024 bytes")
            << QByteArray("<p>" + QByteArray(1030, 'x') + "</p><meta charset=koi8-r>") << Kind::Html;
        QTest::newRow("meta cut by the 1024-byte limit")
            << QByteArray(QByteArray(1010, ' ') + "<meta charset=koi8-r>") << Kind::Html;
        QTest::newRow("xml declaration in html")
            << QByteArray("<?xml version=\"1.0\" encoding=\"koi8-r\"?>") << Kind::Html;
        QTest::newRow("xml declaration not first")
            << QByteArray("<rss><?xml version=\"1.0\" encoding=\"koi8-r\"?>") << Kind::Xml;
        QTest::newRow("meta in plain text") << QByteArray("<meta charset=\"koi8-r\">") << Kind::PlainText;
        QTest::newRow("xml declaration in plain text")
            << QByteArray("<?xml version=\"1.0\" encoding=\"koi8-r\"?>") << Kind::PlainText;
    }

    void notDeclarations()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(Kind, kind);
        QCOMPARE(TextDecoder::declaredEncoding(bytes, kind), QString());
        QVERIFY(TextDecoder::decode(bytes, kind).source != Source::Declaration);
    }

    void httpHeaderOverridesMeta()
    {
        const QByteArray bytes = "<meta charset=\"windows-1251\"><p>" + encoded(russianSample, "KOI8-R");
        QCOMPARE(TextDecoder::declaredEncoding(bytes, Kind::Html), u"windows-1251"_s);
        const DecodedText decoded = TextDecoder::decode(bytes, Kind::Html, u"text/html; charset=koi8-r"_s);
        QCOMPARE(decoded.encoding, u"KOI8-R"_s);
        QCOMPARE(decoded.source, Source::Declaration);
        QVERIFY(decoded.text.endsWith(russianSample));
        QVERIFY(decoded.warnings.isEmpty());
    }

    void unknownDeclarationIsIgnoredWithAWarning()
    {
        const QByteArray bytes = "<meta charset=\"no-such-encoding\"><p>" + encoded(russianSample, "CP1251");
        QCOMPARE(TextDecoder::declaredEncoding(bytes, Kind::Html), u"no-such-encoding"_s);
        const DecodedText decoded = TextDecoder::decode(bytes, Kind::Html);
        QCOMPARE(decoded.source, Source::Detection);
        QCOMPARE(decoded.encoding, u"windows-1251"_s);
        QVERIFY(decoded.text.endsWith(russianSample));
        QVERIFY2(decoded.warnings.join(u'\n').contains(u"\"no-such-encoding\""_s),
                 qPrintable(decoded.warnings.join(u'\n')));

        // An unknown charset in the header leaves the document's own declaration in force.
        const QByteArray declared = "<meta charset=\"koi8-r\"><p>" + encoded(russianSample, "KOI8-R");
        const DecodedText fromMeta = TextDecoder::decode(declared, Kind::Html, u"text/html; charset=bogus"_s);
        QCOMPARE(fromMeta.source, Source::Declaration);
        QCOMPARE(fromMeta.encoding, u"KOI8-R"_s);
        QCOMPARE(fromMeta.warnings.size(), 1);
        QVERIFY(fromMeta.warnings.first().contains(u"\"bogus\""_s));
    }

    void invalidBytesAreCountedAndShown_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<int>("invalid");
        QTest::addColumn<QString>("warning");
        QTest::newRow("UTF-8, two bad bytes")
            << QByteArray("<meta charset=utf-8><p>caf\xE9 na\xEFve") << Kind::Html << u"UTF-8"_s << 2
            << u"2 byte sequences are not valid UTF-8; they are shown as \uFFFD"_s;
        QTest::newRow("UTF-8, one bad byte")
            << QByteArray("<?xml version='1.0' encoding='utf-8'?><a>\xFF</a>") << Kind::Xml << u"UTF-8"_s << 1
            << u"1 byte sequence is not valid UTF-8; it is shown as \uFFFD"_s;
        QTest::newRow("UTF-8, cut at the end") << QByteArray("<meta charset=utf-8>\xE2\x82") << Kind::Html
                                               << u"UTF-8"_s << 2 << u"not valid UTF-8"_s;
        QTest::newRow("UTF-16LE, odd length")
            << QByteArray("\xFF\xFE"
                          "a\0b",
                          5)
            << Kind::PlainText << u"UTF-16LE"_s << 1 << u"not valid UTF-16LE"_s;
        QTest::newRow("UTF-16BE, unpaired surrogate")
            << QByteArray("\xFE\xFF\xD8\x00\x00"
                          "a",
                          6)
            << Kind::PlainText << u"UTF-16BE"_s << 1 << u"not valid UTF-16BE"_s;
        QTest::newRow("UTF-32LE, past U+10FFFF")
            << QByteArray("\xFF\xFE\0\0\0\0\x11\0a\0\0\0", 12) << Kind::PlainText << u"UTF-32LE"_s << 1
            << u"not valid UTF-32LE"_s;
        QTest::newRow("Shift_JIS, bad second byte")
            << QByteArray("<meta charset=shift_jis><p>\x81\x20ok") << Kind::Html << u"Shift_JIS"_s << 1
            << u"not valid Shift_JIS"_s;
        QTest::newRow("Shift_JIS, cut at the end")
            << QByteArray("<meta charset=shift_jis><p>ok\x81") << Kind::Html << u"Shift_JIS"_s << 1
            << u"not valid Shift_JIS"_s;
    }

    void invalidBytesAreCountedAndShown()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(Kind, kind);
        QFETCH(QString, encoding);
        QFETCH(int, invalid);
        QFETCH(QString, warning);
        const DecodedText decoded = TextDecoder::decode(bytes, kind);
        QCOMPARE(decoded.encoding, encoding);
        QCOMPARE(decoded.invalidSequences, invalid);
        QCOMPARE(decoded.text.count(QChar(0xFFFD)), invalid);
        QVERIFY(!decoded.text.contains(QChar(0x1A)));
        QCOMPARE(decoded.warnings.size(), 1);
        QVERIFY2(decoded.warnings.first().contains(warning), qPrintable(decoded.warnings.first()));
    }

    void replacementCharacterInTheTextIsNoError()
    {
        const DecodedText decoded = TextDecoder::decode(u"A \uFFFD in the text"_s.toUtf8(), Kind::PlainText);
        QCOMPARE(decoded.encoding, u"UTF-8"_s);
        QCOMPARE(decoded.invalidSequences, 0);
        QVERIFY(decoded.warnings.isEmpty());
    }

    void emptyInput()
    {
        for (const Kind kind : {Kind::PlainText, Kind::Html, Kind::Xml}) {
            const DecodedText decoded = TextDecoder::decode({}, kind);
            QVERIFY(decoded.text.isEmpty());
            QCOMPARE(decoded.encoding, u"UTF-8"_s);
            QVERIFY(decoded.warnings.isEmpty());
            QCOMPARE(decoded.invalidSequences, 0);
        }
        QCOMPARE(TextDecoder::declaredEncoding({}, Kind::Html), QString());
    }

    void asciiIsUtf8()
    {
        const QByteArray bytes("Council approves budget\n\nThe council voted 7-2 on Tuesday.\n");
        QCOMPARE(TextDecoder::detectEncoding(bytes), u"UTF-8"_s);
        const DecodedText decoded = TextDecoder::decode(bytes, Kind::PlainText);
        QCOMPARE(decoded.encoding, u"UTF-8"_s);
        QCOMPARE(decoded.source, Source::Detection);
        QCOMPARE(decoded.text, QString::fromLatin1(bytes));
        QVERIFY(decoded.warnings.isEmpty());
    }

    void validUtf8IsUtf8()
    {
        const QString text = u"Árvíztűrő tükörfúrógép; Ελληνικά; Привет"_s;
        QCOMPARE(TextDecoder::detectEncoding(text.toUtf8()), u"UTF-8"_s);
        const DecodedText decoded = TextDecoder::decode(text.toUtf8(), Kind::Html);
        QCOMPARE(decoded.text, text);
        QVERIFY(decoded.warnings.isEmpty());
    }

    void cyrillicWithoutDeclarationIsDetected_data()
    {
        QTest::addColumn<QByteArray>("iconvName");
        QTest::addColumn<QString>("encoding");
        QTest::newRow("windows-1251") << QByteArray("CP1251") << u"windows-1251"_s;
        QTest::newRow("KOI8-R") << QByteArray("KOI8-R") << u"KOI8-R"_s;
        QTest::newRow("IBM866") << QByteArray("IBM866") << u"IBM866"_s;
        QTest::newRow("ISO-8859-5") << QByteArray("ISO-8859-5") << u"ISO-8859-5"_s;
        QTest::newRow("x-mac-cyrillic") << QByteArray("MAC-CYRILLIC") << u"x-mac-cyrillic"_s;
    }

    void cyrillicWithoutDeclarationIsDetected()
    {
        QFETCH(QByteArray, iconvName);
        QFETCH(QString, encoding);
        const QByteArray bytes = encoded(russianSample, iconvName.constData());
        QCOMPARE(TextDecoder::detectEncoding(bytes), encoding);
        const DecodedText decoded = TextDecoder::decode(bytes, Kind::PlainText);
        QCOMPARE(decoded.encoding, encoding);
        QCOMPARE(decoded.source, Source::Detection);
        QCOMPARE(decoded.text, russianSample);
        // A guess is never silent.
        QCOMPARE(decoded.warnings.size(), 1);
        QVERIFY(decoded.warnings.first().contains(encoding));
    }

    void westernTextIsWindows1252_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("curly quotes and dashes")
            << u"Then he said, “The name is Bond, James Bond.” – and left — quickly."_s;
        QTest::newRow("a lone ellipsis") << u"The worst of it was that it all… had to end so soon, and the "
                                            "rest of the evening passed in silence by the fire."_s;
        QTest::newRow("accented letters") << u"Café Reopens\n\nThe café on the square reopened today."_s;
        QTest::newRow("pound sign") << u"if rangers draw i stand to lift £825, not bad for a £2 bet."_s;
    }

    void westernTextIsWindows1252()
    {
        QFETCH(QString, text);
        const QByteArray bytes = encoded(text, "CP1252");
        QCOMPARE(TextDecoder::detectEncoding(bytes), u"windows-1252"_s);
        const DecodedText decoded = TextDecoder::decode(bytes, Kind::PlainText);
        QCOMPARE(decoded.text, text);
        QCOMPARE(decoded.source, Source::Detection);
    }

    void encodingForLabel_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("encoding");
        QTest::newRow("koi8-r") << u"koi8-r"_s << u"KOI8-R"_s;
        QTest::newRow("quoted, padded") << u" \"KOI8-R\" "_s << u"KOI8-R"_s;
        QTest::newRow("cp1251") << u"cp1251"_s << u"windows-1251"_s;
        QTest::newRow("WINDOWS-1251") << u"WINDOWS-1251"_s << u"windows-1251"_s;
        QTest::newRow("MacCyrillic") << u"MacCyrillic"_s << u"x-mac-cyrillic"_s;
        QTest::newRow("MAC-CYRILLIC") << u"MAC-CYRILLIC"_s << u"x-mac-cyrillic"_s;
        QTest::newRow("cp866") << u"cp866"_s << u"IBM866"_s;
        QTest::newRow("iso_8859-5") << u"iso_8859-5"_s << u"ISO-8859-5"_s;
        QTest::newRow("latin1") << u"latin1"_s << u"windows-1252"_s;
        QTest::newRow("US-ASCII") << u"US-ASCII"_s << u"windows-1252"_s;
        QTest::newRow("utf8") << u"utf8"_s << u"UTF-8"_s;
        QTest::newRow("utf-16") << u"utf-16"_s << u"UTF-16LE"_s;
        QTest::newRow("Shift-JIS") << u"Shift-JIS"_s << u"Shift_JIS"_s;
        QTest::newRow("iso-8859-7 (named by Qt)") << u"iso-8859-7"_s << u"ISO-8859-7"_s;
        QTest::newRow("iso-8859-16 (named by iconv)") << u"iso-8859-16"_s << u"ISO-8859-16"_s;
        QTest::newRow("unknown") << u"no-such-encoding"_s << QString();
        QTest::newRow("Qt's locale encoding") << u"locale"_s << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void encodingForLabel()
    {
        QFETCH(QString, label);
        QFETCH(QString, encoding);
        QCOMPARE(TextDecoder::encodingForLabel(label), encoding);
    }

    // ---- The encodings corpus ---------------------------------------------------------------------------

    void corpusWithDeclarations_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("fileName");
        for (const CorpusFolder &folder : corpusFolders) {
            const QStringList files = corpusFiles(folder.folder);
            if (files.isEmpty())
                QTest::newRow(qPrintable(folder.folder)) << folder.folder << QString();
            for (const QString &fileName : files)
                QTest::addRow("%s/%s", qPrintable(folder.folder), qPrintable(fileName))
                    << folder.folder << fileName;
        }
    }

    // Each file, declaration and all, reads as the same text as its true encoding gives, and as its UTF-8
    // twin where there is one.
    void corpusWithDeclarations()
    {
        QFETCH(QString, folder);
        QFETCH(QString, fileName);
        if (fileName.isEmpty())
            QSKIP(qPrintable(u"no encodings corpus folder %1/%2"_s.arg(corpusDir(), folder)));
        const auto truth =
            std::find_if(corpusFolders.cbegin(), corpusFolders.cend(),
                         [&folder](const CorpusFolder &entry) { return entry.folder == folder; });
        const QByteArray bytes = readBytes(corpusDir() + u'/' + folder + u'/' + fileName);
        QVERIFY(!bytes.isEmpty());
        const QString expected = referenceText(bytes, truth->iconvName);
        QVERIFY2(!expected.isNull(), "the file is not valid in its folder's encoding");

        const Kind kind = kindOf(fileName);
        const DecodedText decoded = TextDecoder::decode(bytes, kind);
        QCOMPARE(decoded.text, expected);
        QCOMPARE(decoded.invalidSequences, 0);
        if (!TextDecoder::declaredEncoding(bytes, kind).isEmpty()) {
            QCOMPARE(decoded.source, Source::Declaration);
            QCOMPARE(decoded.encoding, truth->encoding);
            QVERIFY2(decoded.warnings.isEmpty(), qPrintable(decoded.warnings.join(u'\n')));
        }
        const QString twin = utf8TwinOf(folder, fileName);
        if (!twin.isEmpty() && QFile::exists(twin))
            QCOMPARE(decoded.text, QString::fromUtf8(readBytes(twin)));
    }

    // With every declaration taken out, detection alone. A detected name counts as right when it is the
    // folder's encoding, or when it reads the file as the very same text: two encodings that agree on every
    // byte the file contains are, for that file, one encoding. That is how ISO-8859-1 and windows-1252
    // (which differ only in 0x80-0x9F, bytes the ISO-8859-1 files do not contain) are equal here, and why
    // any ASCII-compatible name is right for a file that is all ASCII once its declaration is gone.
    void corpusDetectionWithoutDeclarations()
    {
        struct Tally
        {
            int files = 0;
            int decodedRight = 0;  // with declarations
            int detectedRight = 0; // without
            int namedExactly = 0;  // without, and the very name of the folder's encoding
        };
        QMap<QString, Tally> tallies;
        Tally overall;
        QStringList misses;
        for (const CorpusFolder &folder : corpusFolders) {
            const QStringList files = corpusFiles(folder.folder);
            if (files.isEmpty()) {
                qInfo("no encodings corpus folder %s/%s", qPrintable(corpusDir()), qPrintable(folder.folder));
                continue;
            }
            Tally &tally = tallies[folder.folder];
            for (const QString &fileName : files) {
                const QByteArray bytes = readBytes(corpusDir() + u'/' + folder.folder + u'/' + fileName);
                const Kind kind = kindOf(fileName);
                ++tally.files;
                if (TextDecoder::decode(bytes, kind).text == referenceText(bytes, folder.iconvName))
                    ++tally.decodedRight;

                const QByteArray stripped = withoutDeclarations(bytes);
                QVERIFY2(TextDecoder::declaredEncoding(stripped, kind).isEmpty(), qPrintable(fileName));
                const DecodedText detected = TextDecoder::decode(stripped, kind);
                QVERIFY(detected.source == Source::Detection || detected.source == Source::Fallback);
                const bool exactly = detected.encoding == folder.encoding;
                const bool sameText = detected.text == referenceText(stripped, folder.iconvName);
                tally.namedExactly += exactly;
                if (exactly || sameText)
                    ++tally.detectedRight;
                else
                    misses.append(u"%1/%2 detected as %3"_s.arg(folder.folder, fileName, detected.encoding));
            }
            overall.files += tally.files;
            overall.decodedRight += tally.decodedRight;
            overall.detectedRight += tally.detectedRight;
            overall.namedExactly += tally.namedExactly;
        }
        if (overall.files == 0)
            QSKIP(qPrintable(u"no encodings corpus at %1"_s.arg(corpusDir())));

        for (auto it = tallies.cbegin(); it != tallies.cend(); ++it) {
            const Tally &tally = it.value();
            qInfo("%-24s %3d files  with declarations %6s decoded right  without: %6s detected right "
                  "(%d named exactly)",
                  qPrintable(it.key()), tally.files, qPrintable(percent(tally.decodedRight, tally.files)),
                  qPrintable(percent(tally.detectedRight, tally.files)), tally.namedExactly);
        }
        qInfo("%-24s %3d files  with declarations %6s decoded right  without: %6s detected right "
              "(%d named exactly)",
              "overall", overall.files, qPrintable(percent(overall.decodedRight, overall.files)),
              qPrintable(percent(overall.detectedRight, overall.files)), overall.namedExactly);
        for (const QString &miss : std::as_const(misses))
            qInfo("missed: %s", qPrintable(miss));

        QCOMPARE(overall.decodedRight, overall.files);
        QVERIFY2(overall.detectedRight * 100 >= overall.files * 95,
                 qPrintable(percent(overall.detectedRight, overall.files)));
    }
};

QTEST_GUILESS_MAIN(TestTextDecoder)
#include "tst_textdecoder.moc"
