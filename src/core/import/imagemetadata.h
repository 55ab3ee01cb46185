#pragma once

#include <model/article.h>

#include <QByteArray>
#include <QString>

#include <optional>

namespace Copydesk {

// What a picture file says about itself, read through exiv2 from its IPTC IIM, XMP and Exif records. Each
// field takes the first record that has it, in the order news desks fill them: IPTC, then XMP, then Exif.
struct ImageMetadata
{
    QString creator;    // IPTC By-line, XMP dc:creator, Exif Artist: "Anna Kowalczyk"
    QString creditLine; // IPTC Credit, XMP photoshop:Credit: "Anna Kowalczyk/AP"
    QString source;     // IPTC Source, XMP photoshop:Source: "AP"
    QString copyright;  // IPTC CopyrightNotice, XMP dc:rights, Exif Copyright
    QString caption;    // IPTC Caption-Abstract, XMP dc:description, Exif ImageDescription
    QString headline;   // IPTC Headline, XMP photoshop:Headline
    QString error;      // why nothing could be read (not a picture exiv2 knows); empty otherwise

    bool isEmpty() const;
};

namespace ImageMetadataReader {

ImageMetadata read(const QByteArray &data);

// Fills the image's empty fields from what its file says, never overwriting what a person typed or an
// import found: caption (or the headline), credit and agency (split from the credit line or the creator:
// "Jane Roe / Reuters"), the credit line as printed and the copyright.
void fillEmptyFields(ArticleImage &image, const ImageMetadata &metadata);

} // namespace ImageMetadataReader

// A picture to add to an article, from a file or from bytes (a paste, a drop): its type and size checked,
// its own metadata filled in. The window's Images panel and `copydesk image add` both come here.
namespace ImageFiles {

// nullopt with *error set ("photo.txt: not a picture Copydesk can show") when the bytes are no picture.
std::optional<ArticleImage> fromData(const QByteArray &data, const QString &displayName, QString *error);
// Refuses the library's own files before opening anything (see LibraryFiles).
std::optional<ArticleImage> fromFile(const QString &path, QString *error);

} // namespace ImageFiles
} // namespace Copydesk
