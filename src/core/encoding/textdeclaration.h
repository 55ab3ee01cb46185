#pragma once

// Finding the encoding a document declares for itself: the charset parameter of a Content-Type, the HTML
// spec's prescan of <meta> in the first 1024 bytes, the XML declaration. Internal to TextDecoder.

#include <encoding/textdecoder.h>

#include <QByteArray>
#include <QString>

namespace Copydesk::TextDecoder::Declarations {

struct Declaration
{
    QString encoding;     // a known encoding, normalised
    QString unknownLabel; // the first label that names none, as written
};

inline bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// UTF-16 or UTF-32, which an 8-bit document cannot declare for itself.
bool isUnicode(const QString &encoding);
QString charsetParameter(const QString &contentType);
Declaration documentDeclaration(const QByteArray &bytes, Kind kind);

} // namespace Copydesk::TextDecoder::Declarations
