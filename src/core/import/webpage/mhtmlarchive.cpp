#include <import/webpage/mhtmlarchive.h>

#include <QByteArrayView>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

// Archives nest multipart/alternative or multipart/related inside the top part now and then; deeper nesting
// is not something a browser writes, and the limit keeps hostile input from recursing without end.
constexpr int MaximumNesting = 8;
constexpr qsizetype MaximumParts = 50000;

struct Header
{
    QByteArray name; // lower case
    QString value;
};
using Headers = QList<Header>;

struct Line
{
    qsizetype start = 0;
    qsizetype end = 0; // before the line break
    qsizetype next = 0;
};

Line lineAt(const QByteArray &bytes, qsizetype pos, qsizetype limit)
{
    Line line;
    line.start = pos;
    const qsizetype newline = bytes.indexOf('\n', pos);
    if (newline < 0 || newline >= limit) {
        line.end = limit;
        line.next = limit;
    } else {
        line.end = newline;
        line.next = newline + 1;
    }
    if (line.end > pos && bytes.at(line.end - 1) == '\r')
        --line.end;
    return line;
}

bool isHeaderNameChar(char c)
{
    return c > 32 && c < 127 && c != ':';
}

// Reads a header block from pos. Returns where the body starts: after the blank line, or at the first line
// that is not a header. `complete` tells whether a blank line ended the block.
qsizetype readHeaders(const QByteArray &bytes, qsizetype pos, qsizetype limit, Headers &headers,
                      bool &complete)
{
    complete = false;
    while (pos < limit) {
        const Line line = lineAt(bytes, pos, limit);
        const QByteArrayView text(bytes.constData() + line.start, line.end - line.start);
        if (text.isEmpty()) {
            complete = line.next > line.end; // a blank line, not the end of the input
            return line.next;
        }
        if ((text.front() == ' ' || text.front() == '\t') && !headers.isEmpty()) {
            // A folded header. Long URLs are folded without meaning a space, other values with one.
            Header &last = headers.last();
            const QString more = QString::fromUtf8(text.trimmed());
            last.value += last.name.endsWith("location") ? more : u' ' + more;
        } else {
            qsizetype colon = 0;
            while (colon < text.size() && isHeaderNameChar(text.at(colon)))
                ++colon;
            if (colon == 0 || colon >= text.size() || text.at(colon) != ':')
                return line.start;
            headers.append({text.first(colon).toByteArray().toLower(),
                            QString::fromUtf8(text.sliced(colon + 1).trimmed())});
        }
        pos = line.next;
    }
    return limit;
}

QString headerValue(const Headers &headers, QByteArrayView name)
{
    for (const Header &header : headers) {
        if (header.name == name)
            return header.value;
    }
    return {};
}

struct ContentType
{
    QString mimeType;                   // lower case
    QHash<QString, QString> parameters; // names in lower case
};

// "multipart/related; type=\"text/html\"; boundary=\"----=_NextPart_000\"" (quoted or bare values).
ContentType parseContentType(const QString &value)
{
    ContentType type;
    qsizetype pos = value.indexOf(u';');
    type.mimeType = value.left(pos < 0 ? value.size() : pos).trimmed().toLower();
    while (pos >= 0 && pos < value.size()) {
        ++pos; // past ';'
        const qsizetype equals = value.indexOf(u'=', pos);
        if (equals < 0)
            break;
        const QString name = value.mid(pos, equals - pos).trimmed().toLower();
        pos = equals + 1;
        while (pos < value.size() && value.at(pos).isSpace())
            ++pos;
        QString parameter;
        if (pos < value.size() && value.at(pos) == u'"') {
            for (++pos; pos < value.size() && value.at(pos) != u'"'; ++pos) {
                if (value.at(pos) == u'\\' && pos + 1 < value.size())
                    ++pos;
                parameter += value.at(pos);
            }
            pos = value.indexOf(u';', pos);
        } else {
            const qsizetype end = value.indexOf(u';', pos);
            parameter = value.mid(pos, end < 0 ? -1 : end - pos).trimmed();
            pos = end;
        }
        if (!name.isEmpty() && !type.parameters.contains(name))
            type.parameters.insert(name, parameter);
    }
    return type;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Quoted-printable: "=XX" is a byte, "=" at the end of a line joins it to the next (a soft break), and
// spaces at the end of a line were added in transport. A stray "=" is kept as it is.
QByteArray decodeQuotedPrintable(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    qsizetype pendingSpaces = 0; // white space is only written once we know a line break does not follow
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == ' ' || c == '\t') {
            ++pendingSpaces;
            continue;
        }
        if (c == '\r' || c == '\n') {
            pendingSpaces = 0;
            out += c;
            continue;
        }
        if (pendingSpaces > 0) {
            out.append(text.sliced(i - pendingSpaces, pendingSpaces).toByteArray());
            pendingSpaces = 0;
        }
        if (c != '=') {
            out += c;
            continue;
        }
        qsizetype after = i + 1;
        while (after < text.size() && (text.at(after) == ' ' || text.at(after) == '\t'))
            ++after;
        if (after >= text.size()) { // "=" at the very end: a soft break cut short
            i = after;
            continue;
        }
        if (text.at(after) == '\n' || text.at(after) == '\r') {
            i = after;
            if (text.at(after) == '\r' && after + 1 < text.size() && text.at(after + 1) == '\n')
                ++i;
            continue;
        }
        const int high = i + 2 < text.size() ? hexValue(text.at(i + 1)) : -1;
        const int low = high >= 0 ? hexValue(text.at(i + 2)) : -1;
        if (low >= 0) {
            out += char(high * 16 + low);
            i += 2;
        } else {
            out += '=';
        }
    }
    return out;
}

QByteArray decodeBase64(QByteArrayView text)
{
    QByteArray clean;
    clean.reserve(text.size());
    for (const char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
            c == '/' || c == '=')
            clean += c;
    }
    // A truncated archive can cut the last group short; decode the whole groups that are there.
    const qsizetype whole = clean.indexOf('=') < 0 ? clean.size() - clean.size() % 4 : clean.size();
    clean.truncate(whole);
    return QByteArray::fromBase64(clean);
}

class Parser
{
public:
    explicit Parser(const QByteArray &bytes)
        : m_bytes(bytes)
    {}

    QList<MhtmlPart> parts;
    QStringList warnings;

    // Splits [start, end) at the boundary lines. Returns an error, or an empty string.
    QString readMultipart(qsizetype start, qsizetype end, const QString &boundary, int depth)
    {
        const QByteArray delimiter = "--" + boundary.toUtf8();
        qsizetype pos = start;
        qsizetype partStart = -1;
        bool sawDelimiter = false;
        while (pos < end) {
            const Line line = lineAt(m_bytes, pos, end);
            const QByteArrayView text(m_bytes.constData() + line.start, line.end - line.start);
            if (text.startsWith(delimiter)) {
                const QByteArrayView rest = text.sliced(delimiter.size());
                const bool closing = rest.startsWith("--");
                if (closing || rest.trimmed().isEmpty()) {
                    if (partStart >= 0)
                        readPart(partStart, endBeforeLineBreak(partStart, line.start), depth);
                    sawDelimiter = true;
                    if (closing)
                        return {};
                    partStart = line.next;
                }
            }
            pos = line.next;
        }
        if (!sawDelimiter)
            return u"no part starts with the boundary that the archive declares (the file is damaged)"_s;
        if (partStart >= 0 && partStart < end)
            readPart(partStart, end, depth);
        warnings.append(u"the archive ends early (its closing boundary is missing); its last part may be "
                        u"incomplete"_s);
        return {};
    }

    void readPart(qsizetype start, qsizetype end, int depth)
    {
        if (parts.size() >= MaximumParts)
            return;
        Headers headers;
        bool complete = false;
        const qsizetype bodyStart = readHeaders(m_bytes, start, end, headers, complete);
        const ContentType type = parseContentType(headerValue(headers, "content-type"));
        if (type.mimeType.startsWith("multipart/"_L1)) {
            const QString boundary = type.parameters.value(u"boundary"_s);
            if (depth >= MaximumNesting)
                warnings.append(u"a part nested too deeply was skipped"_s);
            else if (boundary.isEmpty())
                warnings.append(u"a multipart part without a boundary was skipped"_s);
            else if (const QString error = readMultipart(bodyStart, end, boundary, depth + 1);
                     !error.isEmpty())
                warnings.append(u"a nested part was skipped: %1"_s.arg(error));
            return;
        }
        MhtmlPart part;
        part.contentType = headerValue(headers, "content-type");
        part.mimeType = type.mimeType.isEmpty() ? u"text/plain"_s : type.mimeType;
        part.charset = type.parameters.value(u"charset"_s);
        part.contentLocation = headerValue(headers, "content-location");
        part.contentId = headerValue(headers, "content-id");
        if (part.contentId.startsWith(u'<') && part.contentId.endsWith(u'>'))
            part.contentId = part.contentId.mid(1, part.contentId.size() - 2);
        const QString encoding = headerValue(headers, "content-transfer-encoding").trimmed().toLower();
        const QByteArrayView body(m_bytes.constData() + bodyStart, end - bodyStart);
        if (encoding == "base64"_L1) {
            part.data = decodeBase64(body);
        } else if (encoding == "quoted-printable"_L1) {
            part.data = decodeQuotedPrintable(body);
        } else if (encoding.isEmpty() || encoding == "7bit"_L1 || encoding == "8bit"_L1 ||
                   encoding == "binary"_L1) {
            part.data = body.toByteArray();
        } else {
            warnings.append(u"a part in an unknown transfer encoding (%1) was skipped: %2"_s.arg(
                encoding, part.contentLocation.isEmpty() ? part.mimeType : part.contentLocation));
            return;
        }
        parts.append(part);
    }

private:
    // The end of a part is the line break before the boundary line, which belongs to the boundary.
    qsizetype endBeforeLineBreak(qsizetype partStart, qsizetype boundaryLine) const
    {
        qsizetype end = boundaryLine;
        if (end > partStart && m_bytes.at(end - 1) == '\n')
            --end;
        if (end > partStart && m_bytes.at(end - 1) == '\r')
            --end;
        return end;
    }

    const QByteArray &m_bytes;
};

bool isHtmlType(const QString &mimeType)
{
    return mimeType == "text/html"_L1 || mimeType == "application/xhtml+xml"_L1;
}

QString locationKey(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveFragment | QUrl::NormalizePathSegments).toString(QUrl::FullyEncoded);
}

} // namespace

bool MhtmlArchive::looksLikeMhtml(const QByteArray &bytes)
{
    const QByteArray head = bytes.left(16 * 1024);
    Headers headers;
    bool complete = false;
    readHeaders(head, 0, head.size(), headers, complete);
    if (!complete)
        return false;
    const QString type = parseContentType(headerValue(headers, "content-type")).mimeType;
    if (type.startsWith("multipart/"_L1) || type == "message/rfc822"_L1)
        return true;
    return isHtmlType(type) && !headerValue(headers, "mime-version").isEmpty();
}

MhtmlArchive MhtmlArchive::parse(const QByteArray &bytes)
{
    MhtmlArchive archive;
    if (bytes.isEmpty()) {
        archive.m_error = u"the archive is empty"_s;
        return archive;
    }
    Headers headers;
    bool complete = false;
    const qsizetype bodyStart = readHeaders(bytes, 0, bytes.size(), headers, complete);
    const QString contentType = headerValue(headers, "content-type");
    if (contentType.isEmpty()) {
        archive.m_error = u"it does not start with MIME headers naming a Content-Type, so it is not a web "
                          u"archive"_s;
        return archive;
    }
    if (!complete) {
        archive.m_error = u"the archive ends inside its headers (the file is truncated)"_s;
        return archive;
    }
    archive.m_snapshotLocation = headerValue(headers, "snapshot-content-location");
    if (archive.m_snapshotLocation.isEmpty())
        archive.m_snapshotLocation = headerValue(headers, "content-location");

    Parser parser(bytes);
    const ContentType type = parseContentType(contentType);
    if (type.mimeType.startsWith("multipart/"_L1)) {
        const QString boundary = type.parameters.value(u"boundary"_s);
        if (boundary.isEmpty()) {
            archive.m_error = u"its Content-Type names no boundary, so its parts cannot be told apart"_s;
            return archive;
        }
        const QString error = parser.readMultipart(bodyStart, bytes.size(), boundary, 1);
        if (!error.isEmpty()) {
            archive.m_error = error;
            return archive;
        }
    } else {
        parser.readPart(0, bytes.size(), 1); // a single page with MIME headers
    }
    archive.m_parts = parser.parts;
    archive.m_warnings = parser.warnings;

    QString start = type.parameters.value(u"start"_s).trimmed();
    if (start.startsWith(u'<') && start.endsWith(u'>'))
        start = start.mid(1, start.size() - 2);
    for (qsizetype i = 0; i < archive.m_parts.size() && !start.isEmpty(); ++i) {
        if (archive.m_parts.at(i).contentId == start)
            archive.m_main = i;
    }
    for (qsizetype i = 0; i < archive.m_parts.size() && archive.m_main < 0; ++i) {
        if (isHtmlType(archive.m_parts.at(i).mimeType))
            archive.m_main = i;
    }
    if (archive.m_parts.isEmpty())
        archive.m_error = u"the archive holds no parts (the file is damaged or truncated)"_s;
    else if (archive.m_main < 0)
        archive.m_error = u"the archive holds no HTML page"_s;
    else
        archive.index();
    return archive;
}

void MhtmlArchive::index()
{
    const QUrl base = location();
    for (qsizetype i = 0; i < m_parts.size(); ++i) {
        const MhtmlPart &part = m_parts.at(i);
        if (!part.contentId.isEmpty() && !m_byContentId.contains(part.contentId))
            m_byContentId.insert(part.contentId, i);
        if (part.contentLocation.isEmpty())
            continue;
        QUrl url(part.contentLocation);
        if (url.isRelative() && base.isValid())
            url = base.resolved(url);
        const QString key = locationKey(url);
        if (!m_byLocation.contains(key)) // the first copy wins, as browsers save the page's own first
            m_byLocation.insert(key, i);
    }
}

const MhtmlPart *MhtmlArchive::mainPart() const
{
    return m_main >= 0 && m_main < m_parts.size() ? &m_parts.at(m_main) : nullptr;
}

QByteArray MhtmlArchive::html() const
{
    const MhtmlPart *part = mainPart();
    return part ? part->data : QByteArray();
}

QString MhtmlArchive::htmlContentType() const
{
    const MhtmlPart *part = mainPart();
    return part ? part->contentType : QString();
}

QString MhtmlArchive::htmlCharset() const
{
    const MhtmlPart *part = mainPart();
    return part ? part->charset : QString();
}

QUrl MhtmlArchive::location() const
{
    const MhtmlPart *part = mainPart();
    for (const QString &text : {part ? part->contentLocation : QString(), m_snapshotLocation}) {
        const QUrl url(text);
        if (url.isValid() && !url.isRelative() && !text.startsWith("cid:"_L1, Qt::CaseInsensitive))
            return url;
    }
    return {};
}

std::optional<Resource> MhtmlArchive::resource(const QUrl &url) const
{
    qsizetype index = -1;
    if (url.scheme().compare("cid"_L1, Qt::CaseInsensitive) == 0) {
        index = m_byContentId.value(url.path(QUrl::FullyDecoded), -1);
    } else {
        const QUrl base = location();
        index = m_byLocation.value(locationKey(url.isRelative() && base.isValid() ? base.resolved(url) : url),
                                   -1);
    }
    if (index < 0)
        return std::nullopt;
    const MhtmlPart &part = m_parts.at(index);
    return Resource{part.data, part.mimeType};
}

} // namespace Copydesk
