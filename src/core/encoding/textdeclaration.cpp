#include <encoding/textdeclaration.h>

using namespace Qt::StringLiterals;

namespace Copydesk::TextDecoder::Declarations {

namespace {

constexpr qsizetype PrescanLimit = 1024;

bool isSpace(char c)
{
    return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

// Records a declared label; true once it names an encoding Copydesk can read.
bool take(Declaration &declaration, const QByteArray &label)
{
    const QString name = QString::fromLatin1(label);
    QString encoding = encodingForLabel(name);
    if (encoding.isEmpty()) {
        if (declaration.unknownLabel.isEmpty())
            declaration.unknownLabel = name.trimmed();
        return false;
    }
    // A declaration read as ASCII cannot be right about UTF-16 or UTF-32: the bytes are 8-bit. The HTML
    // standard reads such documents as UTF-8.
    if (isUnicode(encoding))
        encoding = u"UTF-8"_s;
    declaration.encoding = encoding;
    return true;
}

// The charset parameter of a MIME type: text/html; charset="koi8-r".
} // namespace

bool isUnicode(const QString &encoding)
{
    return encoding == "UTF-8"_L1 || encoding.startsWith("UTF-16"_L1) || encoding.startsWith("UTF-32"_L1);
}

QString charsetParameter(const QString &contentType)
{
    const QStringList parts = contentType.split(u';');
    for (qsizetype k = 1; k < parts.size(); ++k) {
        const qsizetype equals = parts.at(k).indexOf(u'=');
        if (equals < 0 || parts.at(k).left(equals).trimmed().compare("charset"_L1, Qt::CaseInsensitive) != 0)
            continue;
        QString value = parts.at(k).mid(equals + 1).trimmed();
        if (value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'') &&
            value.back() == value.front())
            value = value.mid(1, value.size() - 2);
        return value.trimmed();
    }
    return {};
}

// The charset in a <meta content="text/html; charset=..."> value (lower-cased), as the HTML standard
// extracts it.
namespace {

QByteArray charsetInMetaContent(const QByteArray &content)
{
    qsizetype position = 0;
    for (;;) {
        const qsizetype found = content.indexOf("charset", position);
        if (found < 0)
            return {};
        position = found + 7;
        while (position < content.size() && isSpace(content.at(position)))
            ++position;
        if (position >= content.size())
            return {};
        if (content.at(position) != '=')
            continue;
        ++position;
        while (position < content.size() && isSpace(content.at(position)))
            ++position;
        if (position >= content.size())
            return {};
        const char first = content.at(position);
        if (first == '"' || first == '\'') {
            const qsizetype end = content.indexOf(first, position + 1);
            return end < 0 ? QByteArray() : content.mid(position + 1, end - position - 1);
        }
        qsizetype end = position;
        while (end < content.size() && !isSpace(content.at(end)) && content.at(end) != ';')
            ++end;
        return content.mid(position, end - position);
    }
}

// The HTML standard's prescan of a byte stream for its encoding: comments and other tags are skipped, and
// the first <meta charset> or <meta http-equiv="content-type" content="...charset=..."> naming a known
// encoding wins. The bytes are lower-cased up front, as the standard lower-cases names and values.
class HtmlPrescan
{
public:
    explicit HtmlPrescan(const QByteArray &bytes)
        : m_bytes(bytes.left(PrescanLimit).toLower())
    {}

    Declaration run()
    {
        Declaration declaration;
        for (; m_position < m_bytes.size(); ++m_position) {
            if (at("<!--")) {
                const qsizetype end = m_bytes.indexOf("-->", m_position + 2);
                if (end < 0)
                    break;
                m_position = end + 2;
            } else if (at("<meta") && m_position + 5 < m_bytes.size() &&
                       (isSpace(m_bytes.at(m_position + 5)) || m_bytes.at(m_position + 5) == '/')) {
                m_position += 5;
                if (readMeta(declaration))
                    break;
            } else if (at("<") && m_position + 1 < m_bytes.size() &&
                       (isAsciiLetter(m_bytes.at(m_position + 1)) ||
                        (m_bytes.at(m_position + 1) == '/' && m_position + 2 < m_bytes.size() &&
                         isAsciiLetter(m_bytes.at(m_position + 2))))) {
                while (m_position < m_bytes.size() && !isSpace(m_bytes.at(m_position)) &&
                       m_bytes.at(m_position) != '>')
                    ++m_position;
                while (nextAttribute()) {
                }
            } else if (at("<!") || at("</") || at("<?")) {
                const qsizetype end = m_bytes.indexOf('>', m_position + 1);
                if (end < 0)
                    break;
                m_position = end;
            }
        }
        return declaration;
    }

private:
    struct Attribute
    {
        QByteArray name;
        QByteArray value;
    };

    bool at(const char *text) const { return QByteArrayView(m_bytes).sliced(m_position).startsWith(text); }
    bool atEnd() const { return m_position >= m_bytes.size(); }
    char current() const { return m_bytes.at(m_position); }

    void skipSpaces()
    {
        while (!atEnd() && isSpace(current()))
            ++m_position;
    }

    // Running out of bytes inside a tag ends the prescan.
    std::nullopt_t stop()
    {
        m_position = m_bytes.size();
        return std::nullopt;
    }

    // True once a meta element names a known encoding.
    bool readMeta(Declaration &declaration)
    {
        QList<QByteArray> seen;
        bool gotPragma = false;
        std::optional<bool> needPragma;
        QByteArray charset;
        while (const std::optional<Attribute> attribute = nextAttribute()) {
            if (seen.contains(attribute->name))
                continue;
            seen.append(attribute->name);
            if (attribute->name == "http-equiv") {
                gotPragma = gotPragma || attribute->value == "content-type";
            } else if (attribute->name == "content" && charset.isEmpty()) {
                const QByteArray label = charsetInMetaContent(attribute->value);
                if (!label.isEmpty()) {
                    charset = label;
                    needPragma = true;
                }
            } else if (attribute->name == "charset") {
                charset = attribute->value;
                needPragma = false;
            }
        }
        if (!needPragma || (*needPragma && !gotPragma) || charset.isEmpty())
            return false;
        return take(declaration, charset);
    }

    // The standard's "get an attribute": nothing at the end of the tag.
    std::optional<Attribute> nextAttribute()
    {
        while (!atEnd() && (isSpace(current()) || current() == '/'))
            ++m_position;
        if (atEnd())
            return stop();
        if (current() == '>')
            return std::nullopt;
        Attribute attribute;
        for (;; ++m_position) {
            if (atEnd())
                return stop();
            const char c = current();
            if (c == '=' && !attribute.name.isEmpty())
                break;
            if (isSpace(c)) {
                skipSpaces();
                if (atEnd())
                    return stop();
                if (current() != '=')
                    return attribute;
                break;
            }
            if (c == '/' || c == '>')
                return attribute;
            attribute.name.append(c);
        }
        ++m_position; // past '='
        skipSpaces();
        if (atEnd())
            return stop();
        const char first = current();
        if (first == '"' || first == '\'') {
            for (++m_position; !atEnd(); ++m_position) {
                if (current() == first) {
                    ++m_position;
                    return attribute;
                }
                attribute.value.append(current());
            }
            return stop();
        }
        if (first == '>')
            return attribute;
        for (; !atEnd(); ++m_position) {
            if (isSpace(current()) || current() == '>')
                return attribute;
            attribute.value.append(current());
        }
        return stop();
    }

    QByteArray m_bytes;
    qsizetype m_position = 0;
};

// The encoding pseudo-attribute of an XML declaration, <?xml version="1.0" encoding="koi8-r"?>, which
// must open the document (white space before it is forgiven).
Declaration xmlDeclaration(const QByteArray &bytes)
{
    Declaration declaration;
    const QByteArray head = bytes.left(PrescanLimit);
    qsizetype position = 0;
    while (position < head.size() && isSpace(head.at(position)))
        ++position;
    if (!QByteArrayView(head).sliced(position).startsWith("<?xml") || position + 5 >= head.size() ||
        !isSpace(head.at(position + 5)))
        return declaration;
    const qsizetype end = head.indexOf("?>", position);
    if (end < 0)
        return declaration;
    position += 5;
    for (;;) {
        while (position < end && isSpace(head.at(position)))
            ++position;
        qsizetype nameEnd = position;
        while (nameEnd < end && isAsciiLetter(head.at(nameEnd)))
            ++nameEnd;
        const QByteArray name = head.mid(position, nameEnd - position);
        position = nameEnd;
        while (position < end && isSpace(head.at(position)))
            ++position;
        if (name.isEmpty() || position >= end || head.at(position) != '=')
            return declaration;
        ++position;
        while (position < end && isSpace(head.at(position)))
            ++position;
        if (position >= end || (head.at(position) != '"' && head.at(position) != '\''))
            return declaration;
        const qsizetype close = head.indexOf(head.at(position), position + 1);
        if (close < 0 || close > end)
            return declaration;
        if (name == "encoding") {
            take(declaration, head.mid(position + 1, close - position - 1));
            return declaration;
        }
        position = close + 1;
    }
}

} // namespace

Declaration documentDeclaration(const QByteArray &bytes, Kind kind)
{
    switch (kind) {
    case Kind::Html:
        return HtmlPrescan(bytes).run();
    case Kind::Xml:
        return xmlDeclaration(bytes);
    case Kind::PlainText:
        break;
    }
    return {};
}

} // namespace Copydesk::TextDecoder::Declarations
