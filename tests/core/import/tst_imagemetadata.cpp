// Pictures whose metadata exiv2's own tool wrote, one record kind at a time (IPTC, XMP, Exif), read back
// through ImageMetadataReader and filled into an image; and credits split into person and agency.

#include <import/imagemetadata.h>
#include <import/picturecredit.h>

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

// A JPEG with the given exiv2 "-M" commands applied by the exiv2 program.
QByteArray jpegWith(const QTemporaryDir &dir, const QString &name, const QStringList &commands)
{
    const QString path = dir.filePath(name);
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    if (!image.save(path, "JPEG"))
        return {};
    QStringList arguments;
    for (const QString &command : commands)
        arguments << u"-M"_s + command;
    arguments << u"modify"_s << path;
    QProcess exiv2;
    exiv2.start(u"exiv2"_s, arguments);
    if (!exiv2.waitForFinished(20000) || exiv2.exitCode() != 0) {
        qWarning() << "exiv2 failed:" << exiv2.readAllStandardError();
        return {};
    }
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestImageMetadata : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // packaging/dev.sh installs Debian's exiv2 with the rest; without it these pictures cannot be made.
        QVERIFY2(!QStandardPaths::findExecutable(u"exiv2"_s).isEmpty(), "the exiv2 program is not installed");
    }

    void readsIptc()
    {
        QTemporaryDir dir;
        const QByteArray data =
            jpegWith(dir, u"iptc.jpg"_s,
                     {u"set Iptc.Application2.Byline Anna Kowalczyk"_s,
                      u"set Iptc.Application2.Credit Anna Kowalczyk/AP"_s,
                      u"set Iptc.Application2.Source AP"_s, u"set Iptc.Application2.Copyright © 2026 AP"_s,
                      u"set Iptc.Application2.Caption Ferries wait at the quay in Gdansk"_s,
                      u"set Iptc.Application2.Headline Ferry strike"_s});
        QVERIFY(!data.isEmpty());
        const ImageMetadata metadata = ImageMetadataReader::read(data);
        QCOMPARE(metadata.error, QString());
        QCOMPARE(metadata.creator, u"Anna Kowalczyk"_s);
        QCOMPARE(metadata.creditLine, u"Anna Kowalczyk/AP"_s);
        QCOMPARE(metadata.source, u"AP"_s);
        QCOMPARE(metadata.copyright, u"© 2026 AP"_s);
        QCOMPARE(metadata.caption, u"Ferries wait at the quay in Gdansk"_s);
        QCOMPARE(metadata.headline, u"Ferry strike"_s);

        ArticleImage image;
        ImageMetadataReader::fillEmptyFields(image, metadata);
        QCOMPARE(image.credit, u"Anna Kowalczyk"_s);
        QCOMPARE(image.agency, u"AP"_s);
        QCOMPARE(image.creditLine, u"Anna Kowalczyk/AP"_s);
        QCOMPARE(image.caption, u"Ferries wait at the quay in Gdansk"_s);
        QCOMPARE(image.copyright, u"© 2026 AP"_s);
    }

    void readsXmp()
    {
        QTemporaryDir dir;
        const QByteArray data = jpegWith(
            dir, u"xmp.jpg"_s,
            {u"set Xmp.dc.creator XmpSeq Jane Roe"_s, u"set Xmp.photoshop.Credit Photo: Jane Roe / Reuters"_s,
             u"set Xmp.dc.rights lang=x-default Copyright Reuters 2026"_s,
             u"set Xmp.dc.description lang=x-default Snow on the border crossing"_s});
        QVERIFY(!data.isEmpty());
        const ImageMetadata metadata = ImageMetadataReader::read(data);
        QCOMPARE(metadata.creator, u"Jane Roe"_s);
        QCOMPARE(metadata.creditLine, u"Photo: Jane Roe / Reuters"_s);
        QCOMPARE(metadata.copyright, u"Copyright Reuters 2026"_s);
        QCOMPARE(metadata.caption, u"Snow on the border crossing"_s);
        ArticleImage image;
        ImageMetadataReader::fillEmptyFields(image, metadata);
        QCOMPARE(image.credit, u"Jane Roe"_s);
        QCOMPARE(image.agency, u"Reuters"_s);
        QCOMPARE(image.creditLine, u"Photo: Jane Roe / Reuters"_s);
    }

    void readsExif()
    {
        QTemporaryDir dir;
        const QByteArray data =
            jpegWith(dir, u"exif.jpg"_s,
                     {u"set Exif.Image.Artist Tomasz Sulima"_s, u"set Exif.Image.Copyright Tomasz Sulima"_s,
                      u"set Exif.Image.ImageDescription Minsk at dusk"_s});
        QVERIFY(!data.isEmpty());
        const ImageMetadata metadata = ImageMetadataReader::read(data);
        QCOMPARE(metadata.creator, u"Tomasz Sulima"_s);
        QCOMPARE(metadata.caption, u"Minsk at dusk"_s);
        QCOMPARE(metadata.copyright, u"Tomasz Sulima"_s);
        ArticleImage image;
        ImageMetadataReader::fillEmptyFields(image, metadata);
        QCOMPARE(image.credit, u"Tomasz Sulima"_s);
        QCOMPARE(image.agency, QString());
    }

    void neverOverwritesWhatIsThere()
    {
        ImageMetadata metadata;
        metadata.creator = u"Anna Kowalczyk"_s;
        metadata.caption = u"From the file"_s;
        ArticleImage image;
        image.credit = u"Typed Name"_s;
        image.caption = u"Typed caption"_s;
        ImageMetadataReader::fillEmptyFields(image, metadata);
        QCOMPARE(image.credit, u"Typed Name"_s);
        QCOMPARE(image.caption, u"Typed caption"_s);
    }

    void notAPictureSaysSo()
    {
        const ImageMetadata metadata = ImageMetadataReader::read("plain text, not a picture");
        QVERIFY(metadata.isEmpty());
        QVERIFY(!metadata.error.isEmpty());
    }

    void splitAgency_data()
    {
        QTest::addColumn<QString>("credit");
        QTest::addColumn<QString>("person");
        QTest::addColumn<QString>("agency");
        QTest::newRow("slash") << u"Anna Kowalczyk/AP"_s << u"Anna Kowalczyk"_s << u"AP"_s;
        QTest::newRow("spaced slash") << u"Jane Roe / Reuters"_s << u"Jane Roe"_s << u"Reuters"_s;
        QTest::newRow("agency first") << u"AP Photo/Evan Vucci"_s << u"Evan Vucci"_s << u"AP"_s;
        QTest::newRow("via") << u"Jane Doe/AFP via Getty Images"_s << u"Jane Doe"_s
                             << u"AFP via Getty Images"_s;
        QTest::newRow("for") << u"Sam Roe for The Courier"_s << u"Sam Roe"_s << u"The Courier"_s;
        QTest::newRow("agency alone") << u"Reuters"_s << QString() << u"Reuters"_s;
        QTest::newRow("person alone") << u"Tomasz Sulima"_s << u"Tomasz Sulima"_s << QString();
    }
    void splitAgency()
    {
        QFETCH(QString, credit);
        QFETCH(QString, person);
        QFETCH(QString, agency);
        const CreditParts parts = PictureCredits::splitAgency(credit);
        QCOMPARE(parts.person, person);
        QCOMPARE(parts.agency, agency);
    }

    void creditLineFromPattern_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("credit");
        QTest::addColumn<QString>("agency");
        QTest::addColumn<QString>("line");
        const QString standard = QString::fromLatin1(DefaultCreditLinePattern);
        QTest::newRow("both") << standard << u"Jane Roe"_s << u"Reuters"_s << u"Photo: Jane Roe/Reuters"_s;
        QTest::newRow("no agency") << standard << u"Jane Roe"_s << QString() << u"Photo: Jane Roe"_s;
        QTest::newRow("no photographer") << standard << QString() << u"Reuters"_s << u"Photo: Reuters"_s;
        QTest::newRow("neither") << standard << QString() << QString() << QString();
        QTest::newRow("agency first")
            << u"{agency} / {credit}"_s << u"Jane Roe"_s << QString() << u"Jane Roe"_s;
        QTest::newRow("russian") << u"Фото: {credit} ({agency})"_s << u"Анна Петрова"_s << u"ТАСС"_s
                                 << u"Фото: Анна Петрова (ТАСС)"_s;
    }
    void creditLineFromPattern()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, credit);
        QFETCH(QString, agency);
        QFETCH(QString, line);
        QCOMPARE(Copydesk::creditLineFromPattern(pattern, credit, agency), line);
    }
};

QTEST_GUILESS_MAIN(TestImageMetadata)
#include "tst_imagemetadata.moc"
