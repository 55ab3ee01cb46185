#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Copydesk {

// Bytes -> text for everything Copydesk imports. The order of trust: a byte-order mark, then a declaration
// (HTTP Content-Type charset, <meta charset>, <meta http-equiv>, the XML declaration), then detection
// (UTF-8 if the bytes are valid UTF-8, else uchardet's guess), else windows-1252. Text that is not valid in
// the chosen encoding is never stored silently: the result carries a warning, as does a guessed encoding.
struct DecodedText
{
    QString text;     // without the byte-order mark
    QString encoding; // the IANA name used: "UTF-8", "windows-1251", "KOI8-R", ...
    enum class Source
    {
        ByteOrderMark,
        Declaration,
        Detection,
        Fallback
    } source = Source::Fallback;
    QStringList warnings; // e.g. "3 byte sequences are not valid windows-1251; they are shown as �"
    qsizetype invalidSequences = 0; // byte sequences the encoding cannot read, each shown as U+FFFD
};

namespace TextDecoder {

enum class Kind
{
    PlainText,
    Html,
    Xml
};

// contentType: an HTTP Content-Type header value, or empty.
DecodedText decode(const QByteArray &bytes, Kind kind, const QString &contentType = {});

// The charset a document declares for itself, or empty (meta charset / http-equiv for HTML, the XML
// declaration for XML; only the first 1024 bytes are looked at, as browsers do). The result is
// normalised by encodingForLabel(); a label naming no encoding Copydesk can read is returned as written.
QString declaredEncoding(const QByteArray &bytes, Kind kind);

// The encoding detected for bytes that declare none, as an IANA name, or empty when there is no guess.
// Bytes that are valid UTF-8 (pure ASCII included) are "UTF-8"; otherwise uchardet's guess, which is
// checked against windows-1252 where uchardet is known to be weak (see textdecoder.cpp).
QString detectEncoding(const QByteArray &bytes);

// The IANA name of the encoding a label stands for ("koi8-r" -> "KOI8-R", "cp1251" -> "windows-1251",
// "MacCyrillic" -> "x-mac-cyrillic"), or empty when Copydesk cannot decode it. As in browsers, the labels
// of ISO-8859-1 and US-ASCII give windows-1252, the superset that text labelled so is really written in.
QString encodingForLabel(const QString &label);

} // namespace TextDecoder
} // namespace Copydesk
