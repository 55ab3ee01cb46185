#include <encoding/textdecoder.h>

#include <encoding/textdeclaration.h>

#include <QHash>
#include <QStringDecoder>

#include <uchardet.h>

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <optional>
#include <type_traits>

using namespace Qt::StringLiterals;

namespace Copydesk::TextDecoder {

namespace {

using namespace Declarations;

// Browsers look for a declaration in the first 1024 bytes only; so do we.
constexpr char16_t ReplacementCharacter = 0xFFFD;
constexpr char16_t Substitute = 0x1A; // what ICU writes for bytes some legacy encodings cannot read

// ---- Encoding names -------------------------------------------------------------------------------------

// Labels that differ from the name Qt (ICU) gives, or that browsers read as a superset. The rest
// ("ISO-8859-7", "EUC-JP", ...) are named by Qt, else by iconv.
struct Aliases
{
    const char *name;
    const char *labels; // lower case, separated by spaces
};

constexpr Aliases aliasTable[] = {
    {"UTF-8", "utf-8 utf8 unicode-1-1-utf-8 unicode11utf8 unicode20utf8 x-unicode20utf8"},
    {"UTF-16LE", "utf-16le utf-16 ucs-2 unicode unicodefeff iso-10646-ucs-2 csunicode"},
    {"UTF-16BE", "utf-16be unicodefffe"},
    {"UTF-32LE", "utf-32le utf-32 ucs-4 iso-10646-ucs-4"},
    {"UTF-32BE", "utf-32be"},
    // Text labelled Latin-1 or ASCII is in practice windows-1252, which only adds printable characters
    // where ISO-8859-1 has unused control codes; browsers read it so, and so do we.
    {"windows-1252",
     "windows-1252 cp1252 x-cp1252 iso-8859-1 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 iso-ir-100 "
     "latin1 l1 cp819 ibm819 csisolatin1 us-ascii ascii ansi_x3.4-1968 iso-ir-6 iso646-us cp367 ibm367 "
     "csascii us x-user-defined"},
    {"windows-1250", "windows-1250 cp1250 x-cp1250"},
    {"windows-1251", "windows-1251 cp1251 x-cp1251"},
    {"windows-1253", "windows-1253 cp1253 x-cp1253"},
    {"windows-1254",
     "windows-1254 cp1254 x-cp1254 iso-8859-9 iso8859-9 iso88599 iso_8859-9 iso-ir-148 latin5 l5 "
     "csisolatin5"},
    {"windows-1255", "windows-1255 cp1255 x-cp1255"},
    {"windows-1256", "windows-1256 cp1256 x-cp1256"},
    {"windows-1257", "windows-1257 cp1257 x-cp1257"},
    {"windows-1258", "windows-1258 cp1258 x-cp1258"},
    {"windows-874", "windows-874 cp874 dos-874 tis-620 iso-8859-11 iso8859-11 iso885911"},
    {"KOI8-R", "koi8-r koi8r koi8_r koi koi8 cskoi8r"},
    {"KOI8-U", "koi8-u koi8-ru"},
    {"IBM866", "ibm866 cp866 866 csibm866"},
    {"ISO-8859-5", "iso-8859-5 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988 iso-ir-144 cyrillic "
                   "csisolatincyrillic"},
    {"x-mac-cyrillic", "x-mac-cyrillic x-mac-ukrainian maccyrillic mac-cyrillic mac_cyrillic"},
    {"macintosh", "macintosh mac x-mac-roman macroman csmacintosh"},
    {"Shift_JIS", "shift_jis shift-jis sjis ms932 ms_kanji windows-31j x-sjis csshiftjis"},
    {"GBK", "gbk x-gbk gb2312 gb_2312 gb_2312-80 csgb2312 csiso58gb231280 iso-ir-58 chinese"},
    {"Big5", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"},
    {"EUC-KR", "euc-kr cseuckr ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 windows-949 korean"},
};

const QHash<QString, QString> &aliases()
{
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> hash;
        for (const Aliases &entry : aliasTable) {
            const QString name = QString::fromLatin1(entry.name);
            for (const QString &label : QString::fromLatin1(entry.labels).split(u' ', Qt::SkipEmptyParts))
                hash.insert(label, name);
        }
        return hash;
    }();
    return table;
}

// glibc spells a few encodings differently from IANA.
QByteArray iconvName(const QString &encoding)
{
    if (encoding == "x-mac-cyrillic"_L1)
        return "MAC-CYRILLIC";
    return encoding.toLatin1();
}

bool iconvKnows(const QByteArray &name)
{
    const iconv_t converter = iconv_open("UTF-8", name.constData());
    if (converter == iconv_t(-1))
        return false;
    iconv_close(converter);
    return true;
}

// ---- Decoding -------------------------------------------------------------------------------------------

struct Decoding
{
    QString text;
    qsizetype invalid = 0;
};

Decoding replaced(Decoding decoding)
{
    decoding.text.append(QChar(ReplacementCharacter));
    ++decoding.invalid;
    return decoding;
}

// Qt's UTF-8 decoder marks each bad byte with U+FFFD; those the bytes spell out themselves are no error.
Decoding decodeUtf8(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringConverter::Utf8,
                           QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom);
    Decoding decoding{decoder.decode(bytes), 0};
    // Nearly every text has none: a vectorised search rules that out before anything is counted.
    if (!decoding.text.contains(QChar(ReplacementCharacter)))
        return decoding;
    const qsizetype replacements = decoding.text.count(QChar(ReplacementCharacter));
    const qsizetype written = QByteArray::fromRawData(bytes.data(), bytes.size()).count("\xEF\xBF\xBD");
    decoding.invalid = replacements - written;
    return decoding;
}

// UTF-16 and UTF-32 by hand: Qt 6.4 lets unpaired surrogates through and mangles code points past U+10FFFF.
Decoding decodeUtf16(QByteArrayView bytes, bool bigEndian)
{
    const auto unit = [&](qsizetype index) {
        const auto first = uchar(bytes[2 * index]);
        const auto second = uchar(bytes[2 * index + 1]);
        return char16_t(bigEndian ? first << 8 | second : second << 8 | first);
    };
    Decoding decoding;
    const qsizetype units = bytes.size() / 2;
    decoding.text.reserve(units);
    for (qsizetype k = 0; k < units; ++k) {
        const char16_t code = unit(k);
        if (QChar::isHighSurrogate(code) && k + 1 < units && QChar::isLowSurrogate(unit(k + 1))) {
            decoding.text.append(QChar(code));
            decoding.text.append(QChar(unit(++k)));
        } else if (QChar::isSurrogate(code)) {
            decoding.text.append(QChar(ReplacementCharacter));
            ++decoding.invalid;
        } else {
            decoding.text.append(QChar(code));
        }
    }
    return bytes.size() % 2 ? replaced(std::move(decoding)) : decoding;
}

Decoding decodeUtf32(QByteArrayView bytes, bool bigEndian)
{
    Decoding decoding;
    decoding.text.reserve(bytes.size() / 4);
    for (qsizetype at = 0; at + 4 <= bytes.size(); at += 4) {
        char32_t code = 0;
        for (int k = 0; k < 4; ++k)
            code |= char32_t(uchar(bytes[at + k])) << (bigEndian ? 24 - 8 * k : 8 * k);
        if (code > 0x10FFFF || QChar::isSurrogate(code)) {
            decoding.text.append(QChar(ReplacementCharacter));
            ++decoding.invalid;
        } else if (QChar::requiresSurrogates(code)) {
            decoding.text.append(QChar(QChar::highSurrogate(code)));
            decoding.text.append(QChar(QChar::lowSurrogate(code)));
        } else {
            decoding.text.append(QChar(char16_t(code)));
        }
    }
    return bytes.size() % 4 ? replaced(std::move(decoding)) : decoding;
}

// Legacy encodings through Qt, which uses ICU here. ICU shows a byte it cannot read as U+FFFD or, for some
// encodings, as the SUB control (U+001A), and drops an incomplete sequence at the very end.
std::optional<Decoding> decodeWithQt(QByteArrayView bytes, const QString &encoding)
{
    QStringDecoder decoder(encoding.toLatin1().constData(), QStringConverter::Flag::Stateless);
    if (!decoder.isValid())
        return std::nullopt;
    Decoding decoding{decoder.decode(bytes), 0};
    const qsizetype substitutes = decoding.text.count(QChar(Substitute));
    const qsizetype writtenSubstitutes = std::count(bytes.begin(), bytes.end(), char(Substitute));
    decoding.invalid = decoding.text.count(QChar(ReplacementCharacter)) +
                       std::max<qsizetype>(0, substitutes - writtenSubstitutes);
    if (substitutes > 0 && writtenSubstitutes == 0) // else there is no telling which are which
        decoding.text.replace(QChar(Substitute), QChar(ReplacementCharacter));
    if (decoder.hasError() && decoding.invalid == 0)
        return replaced(std::move(decoding));
    return decoding;
}

// Encodings Qt does not know, through glibc's iconv: a byte it cannot read becomes U+FFFD and reading goes
// on after it.
std::optional<Decoding> decodeWithIconv(QByteArrayView bytes, const QString &encoding)
{
    const iconv_t converter = iconv_open("UTF-8", iconvName(encoding).constData());
    if (converter == iconv_t(-1))
        return std::nullopt;
    const std::unique_ptr<void, int (*)(iconv_t)> closer(converter, iconv_close);
    QByteArray utf8;
    utf8.reserve(bytes.size() * 2);
    qsizetype invalid = 0;
    char buffer[4096];
    char *input = const_cast<char *>(bytes.data()); // iconv's signature; it does not write there
    size_t inputLeft = size_t(bytes.size());
    for (bool flushing = false;;) {
        char *output = buffer;
        size_t outputLeft = sizeof buffer;
        const size_t result = flushing ? iconv(converter, nullptr, nullptr, &output, &outputLeft)
                                       : iconv(converter, &input, &inputLeft, &output, &outputLeft);
        const int error = errno;
        utf8.append(buffer, output - buffer);
        if (result != size_t(-1)) {
            if (flushing)
                break;
            flushing = true;
        } else if (error == EILSEQ && inputLeft > 0) {
            utf8.append("\xEF\xBF\xBD");
            ++invalid;
            ++input;
            --inputLeft;
        } else if (error == EINVAL) { // an incomplete sequence at the end
            utf8.append("\xEF\xBF\xBD");
            ++invalid;
            inputLeft = 0;
        } else if (error != E2BIG) {
            return std::nullopt;
        }
    }
    return Decoding{QString::fromUtf8(utf8), invalid};
}

std::optional<Decoding> decodeAs(QByteArrayView bytes, const QString &encoding)
{
    if (encoding == "UTF-8"_L1)
        return decodeUtf8(bytes);
    if (encoding.startsWith("UTF-16"_L1))
        return decodeUtf16(bytes, encoding.endsWith("BE"_L1));
    if (encoding.startsWith("UTF-32"_L1))
        return decodeUtf32(bytes, encoding.endsWith("BE"_L1));
    if (std::optional<Decoding> decoding = decodeWithQt(bytes, encoding))
        return decoding;
    return decodeWithIconv(bytes, encoding);
}

// ---- Byte-order marks -----------------------------------------------------------------------------------

struct ByteOrderMark
{
    QString encoding;
    qsizetype length = 0;
};

std::optional<ByteOrderMark> byteOrderMark(const QByteArray &bytes)
{
    // UTF-32LE first: its mark begins with the UTF-16LE one.
    if (bytes.startsWith(QByteArrayView("\xFF\xFE\x00\x00", 4)))
        return ByteOrderMark{u"UTF-32LE"_s, 4};
    if (bytes.startsWith(QByteArrayView("\x00\x00\xFE\xFF", 4)))
        return ByteOrderMark{u"UTF-32BE"_s, 4};
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return ByteOrderMark{u"UTF-8"_s, 3};
    if (bytes.startsWith("\xFF\xFE"))
        return ByteOrderMark{u"UTF-16LE"_s, 2};
    if (bytes.startsWith("\xFE\xFF"))
        return ByteOrderMark{u"UTF-16BE"_s, 2};
    return std::nullopt;
}

// ---- Detection ------------------------------------------------------------------------------------------

// Strict UTF-8: no overlong forms, surrogates or code points past U+10FFFF.
bool isValidUtf8(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const uchar *>(bytes.constData());
    const qsizetype size = bytes.size();
    for (qsizetype k = 0; k < size;) {
        const uchar lead = data[k];
        if (lead < 0x80) {
            ++k;
            continue;
        }
        int length = 0;
        uchar low = 0x80;
        uchar high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            low = lead == 0xE0 ? 0xA0 : 0x80;
            high = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        if (k + length > size || data[k + 1] < low || data[k + 1] > high)
            return false;
        for (int t = 2; t < length; ++t) {
            if (data[k + t] < 0x80 || data[k + t] > 0xBF)
                return false;
        }
        k += length;
    }
    return true;
}

QString uchardetGuess(const QByteArray &bytes)
{
    using Detector = std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)>;
    const Detector detector(uchardet_new(), uchardet_delete);
    if (!detector || uchardet_handle_data(detector.get(), bytes.constData(), size_t(bytes.size())) != 0)
        return {};
    uchardet_data_end(detector.get());
    const char *charset = uchardet_get_charset(detector.get());
    return charset ? QString::fromLatin1(charset) : QString();
}

// Characters a text should not contain: C1 controls and bytes the encoding could not read.
qsizetype implausibleCharacters(const Decoding &decoding)
{
    const qsizetype controls = std::count_if(decoding.text.cbegin(), decoding.text.cend(), [](QChar c) {
        return c.unicode() >= 0x80 && c.unicode() <= 0x9F;
    });
    return controls + decoding.invalid;
}

bool isNonAsciiLetter(QChar c)
{
    return c.unicode() >= 0x80 && c.isLetter();
}

// True for Latin-script text in ASCII letters whose few other bytes windows-1252 reads as punctuation or
// symbols (curly quotes, dashes, the ellipsis, the pound sign), and which the guess reads as letters that
// stand alone among ASCII ones. Words of another script would be runs of non-ASCII letters.
bool isAsciiTextWithWindowsPunctuation(const QByteArray &bytes, const Decoding &windows1252,
                                       const Decoding &guessed)
{
    const qsizetype asciiLetters = std::count_if(bytes.cbegin(), bytes.cend(), isAsciiLetter);
    const qsizetype nonAscii = std::count_if(bytes.cbegin(), bytes.cend(), [](char c) { return c & 0x80; });
    if (nonAscii == 0 || asciiLetters < 10 * nonAscii)
        return false;
    const bool punctuationOnly =
        std::none_of(windows1252.text.cbegin(), windows1252.text.cend(), [](QChar c) {
            return c.unicode() >= 0x80 && (c.isLetter() || c.category() == QChar::Other_Control ||
                                           c.unicode() == ReplacementCharacter);
        });
    return punctuationOnly &&
           std::adjacent_find(guessed.text.cbegin(), guessed.text.cend(), [](QChar a, QChar b) {
               return isNonAsciiLetter(a) && isNonAsciiLetter(b);
           }) == guessed.text.cend();
}

// uchardet 0.0.7 names every Cyrillic file of the encodings corpus right, so its Cyrillic answers stand.
// On Western text with only a few non-ASCII bytes its statistics have too little to go on: a lone "…"
// (0x85) came out as IBM852 "ů", curly quotes as ISO-8859-7 control codes. Windows-1252, the commonest
// legacy encoding, is taken instead when the text is ASCII-letter text with Windows punctuation (above),
// when the guess reads bytes as control codes (or cannot read them) where windows-1252 reads them all, and
// when the two readings are the same text anyway, so that the commoner name is given.
QString checkedAgainstWindows1252(const QByteArray &bytes, const QString &guess)
{
    static const QString windows1252 = u"windows-1252"_s;
    if (guess == windows1252 || isUnicode(guess))
        return guess;
    const std::optional<Decoding> western = decodeAs(bytes, windows1252);
    const std::optional<Decoding> guessed = decodeAs(bytes, guess);
    if (!western || !guessed)
        return guess;
    if (isAsciiTextWithWindowsPunctuation(bytes, *western, *guessed))
        return windows1252;
    const qsizetype westernFaults = implausibleCharacters(*western);
    if (westernFaults == 0 && implausibleCharacters(*guessed) > 0)
        return windows1252;
    if (westernFaults == 0 && western->text == guessed->text)
        return windows1252;
    return guess;
}

} // namespace

QString encodingForLabel(const QString &label)
{
    QString key = label.trimmed();
    while (key.size() >= 2 && (key.front() == u'"' || key.front() == u'\'') && key.back() == key.front())
        key = key.mid(1, key.size() - 2).trimmed();
    key = key.toLower();
    if (key.isEmpty() || key.size() > 40)
        return {};
    if (const auto found = aliases().constFind(key); found != aliases().cend())
        return *found;
    for (const QChar c : std::as_const(key)) {
        if (c.unicode() > 0x7E || c.unicode() <= 0x20)
            return {};
    }
    const QByteArray latin = key.toLatin1();
    // Qt's own "Locale" stands for whatever the machine uses, which no document can mean.
    if (QStringConverter::encodingForName(latin.constData()) == QStringConverter::System)
        return {};
    const QStringDecoder decoder(latin.constData());
    if (decoder.isValid())
        return decoder.name() ? QString::fromLatin1(decoder.name()) : key.toUpper();
    if (iconvKnows(latin.toUpper()))
        return key.toUpper();
    return {};
}

QString declaredEncoding(const QByteArray &bytes, Kind kind)
{
    const Declaration declaration = documentDeclaration(bytes, kind);
    return declaration.encoding.isEmpty() ? declaration.unknownLabel : declaration.encoding;
}

QString detectEncoding(const QByteArray &bytes)
{
    // Legacy 8-bit text practically never forms valid UTF-8 sequences by chance, while uchardet sometimes
    // names short UTF-8 text something else; ASCII is valid UTF-8 too.
    if (isValidUtf8(bytes))
        return u"UTF-8"_s;
    const QString guess = encodingForLabel(uchardetGuess(bytes));
    return guess.isEmpty() ? guess : checkedAgainstWindows1252(bytes, guess);
}

DecodedText decode(const QByteArray &bytes, Kind kind, const QString &contentType)
{
    DecodedText result;
    QByteArrayView body = bytes;
    QString encoding;
    if (const std::optional<ByteOrderMark> mark = byteOrderMark(bytes)) {
        encoding = mark->encoding;
        body = body.sliced(mark->length);
        result.source = DecodedText::Source::ByteOrderMark;
    }
    const auto ignoreUnknown = [&result](const QString &label, const QString &where) {
        result.warnings.append(
            u"the encoding \"%1\" declared in %2 is unknown; it was ignored"_s.arg(label, where));
    };
    if (encoding.isEmpty()) {
        const QString label = charsetParameter(contentType);
        encoding = encodingForLabel(label);
        if (!label.isEmpty() && encoding.isEmpty())
            ignoreUnknown(label, u"the Content-Type header"_s);
    }
    if (encoding.isEmpty()) {
        const Declaration declaration = documentDeclaration(bytes, kind);
        encoding = declaration.encoding;
        if (encoding.isEmpty() && !declaration.unknownLabel.isEmpty())
            ignoreUnknown(declaration.unknownLabel, u"the document"_s);
    }
    if (!encoding.isEmpty() && result.source != DecodedText::Source::ByteOrderMark)
        result.source = DecodedText::Source::Declaration;
    if (encoding.isEmpty()) {
        encoding = detectEncoding(bytes);
        result.source = DecodedText::Source::Detection;
        if (encoding.isEmpty()) {
            encoding = u"windows-1252"_s;
            result.source = DecodedText::Source::Fallback;
            result.warnings.append(u"no encoding is declared and none could be detected; the text was read "
                                   "as windows-1252"_s);
        } else if (encoding != "UTF-8"_L1) {
            result.warnings.append(
                u"no encoding is declared; the text was read as %1, the encoding detected"_s.arg(encoding));
        }
    }

    std::optional<Decoding> decoding = decodeAs(body, encoding);
    if (!decoding) { // not expected: every name used here has been checked to be readable
        result.warnings.append(
            u"the encoding %1 cannot be read; the text was read as windows-1252"_s.arg(encoding));
        encoding = u"windows-1252"_s;
        decoding = decodeAs(body, encoding);
        if (!decoding)
            decoding = Decoding{QString::fromLatin1(body), 0};
    }
    // A page that declares a legacy encoding but is really UTF-8 (a common mistake of re-saved pages): its
    // bytes do not fit the declaration, and legacy text practically never forms valid UTF-8 by chance.
    if (decoding->invalid > 0 && result.source == DecodedText::Source::Declaration &&
        encoding != "UTF-8"_L1 && isValidUtf8(body.toByteArray())) {
        result.warnings.append(
            u"the text declares %1, but its bytes are UTF-8; it was read as UTF-8"_s.arg(encoding));
        encoding = u"UTF-8"_s;
        decoding = decodeUtf8(body);
    }
    result.text = std::move(decoding->text);
    result.encoding = encoding;
    result.invalidSequences = decoding->invalid;
    if (result.invalidSequences == 1)
        result.warnings.append(u"1 byte sequence is not valid %1; it is shown as \uFFFD"_s.arg(encoding));
    else if (result.invalidSequences > 1)
        result.warnings.append(u"%1 byte sequences are not valid %2; they are shown as \uFFFD"_s.arg(
            QString::number(result.invalidSequences), encoding));
    return result;
}

} // namespace Copydesk::TextDecoder
