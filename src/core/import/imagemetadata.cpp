#include <import/imagemetadata.h>

#include <import/picturecredit.h>

#include <library/libraryfiles.h>

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>

#include <exiv2/exiv2.hpp>

#include <mutex>

using namespace Qt::StringLiterals;

namespace Copydesk {

bool ImageMetadata::isEmpty() const
{
    return creator.isEmpty() && creditLine.isEmpty() && source.isEmpty() && copyright.isEmpty() &&
           caption.isEmpty() && headline.isEmpty();
}

namespace {

QString fromExiv(const std::string &text)
{
    return QString::fromStdString(text).trimmed();
}

QString iptc(const Exiv2::IptcData &data, const char *key)
{
    const auto found = data.findKey(Exiv2::IptcKey(key));
    return found == data.end() ? QString() : fromExiv(found->toString());
}

QString exif(const Exiv2::ExifData &data, const char *key)
{
    const auto found = data.findKey(Exiv2::ExifKey(key));
    if (found == data.end())
        return {};
    QString text = fromExiv(found->toString());
    // Exif pads unused ASCII fields with spaces or NULs; some cameras write a placeholder.
    text.remove(QChar(u'\0'));
    return text.trimmed();
}

// Language alternatives (dc:description, dc:rights) give their default language; arrays (dc:creator) give
// their first item.
QString xmp(const Exiv2::XmpData &data, const char *key)
{
    const auto found = data.findKey(Exiv2::XmpKey(key));
    if (found == data.end())
        return {};
    const Exiv2::Value &value = found->value();
    if (value.typeId() == Exiv2::langAlt) {
        const auto &alternatives = static_cast<const Exiv2::LangAltValue &>(value).value_;
        const auto defaultLanguage = alternatives.find("x-default");
        if (defaultLanguage != alternatives.end())
            return fromExiv(defaultLanguage->second);
        return alternatives.empty() ? QString() : fromExiv(alternatives.begin()->second);
    }
    if (value.count() > 1)
        return fromExiv(value.toString(0));
    return fromExiv(value.toString());
}

QString firstOf(std::initializer_list<QString> candidates)
{
    for (const QString &candidate : candidates) {
        if (!candidate.isEmpty())
            return candidate;
    }
    return {};
}

} // namespace

namespace ImageMetadataReader {

ImageMetadata read(const QByteArray &data)
{
    // The XMP toolkit must be set up once, before threads use it (exiv2's documentation).
    static std::once_flag xmpReady;
    std::call_once(xmpReady, [] { Exiv2::XmpParser::initialize(); });
    ImageMetadata metadata;
    if (data.isEmpty())
        return metadata;
    try {
        Exiv2::Image::AutoPtr image =
            Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte *>(data.constData()), data.size());
        if (!image.get())
            return metadata;
        image->readMetadata();
        const Exiv2::IptcData &iptcData = image->iptcData();
        const Exiv2::XmpData &xmpData = image->xmpData();
        const Exiv2::ExifData &exifData = image->exifData();
        metadata.creator = firstOf({iptc(iptcData, "Iptc.Application2.Byline"),
                                    xmp(xmpData, "Xmp.dc.creator"), exif(exifData, "Exif.Image.Artist")});
        metadata.creditLine =
            firstOf({iptc(iptcData, "Iptc.Application2.Credit"), xmp(xmpData, "Xmp.photoshop.Credit")});
        metadata.source =
            firstOf({iptc(iptcData, "Iptc.Application2.Source"), xmp(xmpData, "Xmp.photoshop.Source")});
        metadata.copyright = firstOf({iptc(iptcData, "Iptc.Application2.Copyright"),
                                      xmp(xmpData, "Xmp.dc.rights"), exif(exifData, "Exif.Image.Copyright")});
        metadata.caption =
            firstOf({iptc(iptcData, "Iptc.Application2.Caption"), xmp(xmpData, "Xmp.dc.description"),
                     exif(exifData, "Exif.Image.ImageDescription")});
        metadata.headline =
            firstOf({iptc(iptcData, "Iptc.Application2.Headline"), xmp(xmpData, "Xmp.photoshop.Headline")});
    } catch (const std::exception &error) {
        metadata = {};
        metadata.error = QString::fromLocal8Bit(error.what());
    }
    return metadata;
}

void fillEmptyFields(ArticleImage &image, const ImageMetadata &metadata)
{
    if (image.caption.isEmpty())
        image.caption = metadata.caption.isEmpty() ? metadata.headline : metadata.caption;
    if (image.copyright.isEmpty())
        image.copyright = metadata.copyright;
    // "Credit" holds the line as the agency prints it ("Jane Roe / Reuters"); the creator is the person.
    const PictureCredit printed = PictureCredits::fromCreditLine(metadata.creditLine);
    const CreditParts fromLine = PictureCredits::splitAgency(printed.credit);
    const CreditParts fromCreator = PictureCredits::splitAgency(metadata.creator);
    if (image.credit.isEmpty())
        image.credit = firstOf({fromCreator.person, fromLine.person});
    if (image.agency.isEmpty())
        image.agency = firstOf({fromLine.agency, fromCreator.agency, metadata.source});
    if (image.agency == image.credit)
        image.agency.clear();
    if (image.creditLine.isEmpty())
        image.creditLine = metadata.creditLine;
}

} // namespace ImageMetadataReader
namespace ImageFiles {

std::optional<ArticleImage> fromData(const QByteArray &data, const QString &displayName, QString *error)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QByteArray format = reader.format().toLower();
    // Only what every browser shows: the preview and the export must show the same picture.
    static const QHash<QByteArray, QString> shown = {{"jpeg", u"image/jpeg"_s},
                                                     {"png", u"image/png"_s},
                                                     {"gif", u"image/gif"_s},
                                                     {"webp", u"image/webp"_s}};
    const QSize size = reader.size();
    if (!shown.contains(format) || !size.isValid()) {
        *error = u"%1: not a picture Copydesk can show (JPEG, PNG, GIF or WebP)"_s.arg(displayName);
        return std::nullopt;
    }
    ArticleImage image;
    image.data = data;
    image.mimeType = shown.value(format);
    image.width = size.width();
    image.height = size.height();
    ImageMetadataReader::fillEmptyFields(image, ImageMetadataReader::read(data));
    return image;
}

std::optional<ArticleImage> fromFile(const QString &path, QString *error)
{
    const QString displayName = QFileInfo(path).fileName();
    if (const QString refused = LibraryFiles::refusal(path); !refused.isEmpty()) {
        *error = refused;
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"%1: %2"_s.arg(displayName, file.errorString());
        return std::nullopt;
    }
    return fromData(file.readAll(), displayName, error);
}

} // namespace ImageFiles
} // namespace Copydesk
