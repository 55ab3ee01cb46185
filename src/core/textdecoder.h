#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Copydesk {

// Bytes -> text for everything Copydesk imports. The order of trust: a byte-order mark, then a declaration
// (HTTP Content-Type charset, <meta charset>, <meta http-equiv>, the XML declaration), then detection
// with uchardet, then UTF-8 if the bytes are valid UTF-8, else windows-1252. Text that is not valid in the
// chosen encoding is never stored silently: the result carries a warning.
struct DecodedText
{
    QString text;            // without the byte-order mark
    QString encoding;        // the IANA name used: "UTF-8", "windows-1251", "KOI8-R", ...
    enum class Source { ByteOrderMark, Declaration, Detection, Fallback } source = Source::Fallback;
    QStringList warnings;    // e.g. "3 byte sequences are not valid windows-1251; shown as �"
};

namespace TextDecoder {

enum class Kind { PlainText, Html, Xml };

// contentType: an HTTP Content-Type header value, or empty.
DecodedText decode(const QByteArray &bytes, Kind kind, const QString &contentType = {});

// The charset a document declares for itself, or empty (meta charset / http-equiv for HTML, the XML
// declaration for XML; only the first 1024 bytes are looked at, as browsers do).
QString declaredEncoding(const QByteArray &bytes, Kind kind);

// uchardet's guess, as an IANA name, or empty when it has none.
QString detectEncoding(const QByteArray &bytes);

} // namespace TextDecoder
} // namespace Copydesk
