#include <ninjs/ninjsformat.h>

#include <html/htmltext.h>
#include <model/article.h>

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Copydesk::Ninjs {

namespace {

QJsonValue normalizedValue(const QJsonValue &value)
{
    if (value.isObject())
        return normalized(value.toObject());
    if (value.isArray()) {
        QJsonArray array;
        const QJsonArray source = value.toArray();
        for (const QJsonValue &entry : source)
            array.append(normalizedValue(entry));
        return array;
    }
    return value;
}

QString contentTypeForSuffix(const QString &suffix)
{
    if (suffix.contains("html"_L1))
        return u"text/html"_s;
    if (suffix.contains("nitf"_L1))
        return u"text/vnd.iptc.nitf"_s;
    if (suffix == "text"_L1 || suffix.endsWith("_text"_L1))
        return u"text/plain"_s;
    return {};
}

QString contentTypeOf(const QJsonObject &object)
{
    const QString type = object.value("contenttype"_L1).toString();
    return (type.isEmpty() ? object.value("mimetype"_L1).toString() : type).trimmed().toLower();
}

int dimension(const QJsonValue &value)
{
    const double number = value.toDouble();
    return number > 0 && number < 1e6 ? int(number) : 0;
}

} // namespace

QJsonObject normalized(const QJsonObject &item)
{
    QJsonObject result;
    for (auto it = item.begin(); it != item.end(); ++it)
        result.insert(it.key().toLower(), normalizedValue(it.value()));
    return result;
}

bool isNinjsItem(const QJsonObject &item)
{
    if (item.value("uri"_L1).toString().trimmed().isEmpty())
        return false;
    static const QStringList ninjsKeys = {
        u"type"_s,         u"headline"_s,     u"headlines"_s,      u"bodies"_s,         u"by"_s,
        u"byline"_s,       u"descriptions"_s, u"versioncreated"_s, u"firstcreated"_s,   u"contentcreated"_s,
        u"eventdetails"_s, u"renditions"_s,   u"associations"_s,   u"pubstatus"_s,      u"slugline"_s,
        u"located"_s,      u"subjects"_s,     u"subject"_s,        u"plannedcoverage"_s};
    for (auto it = item.begin(); it != item.end(); ++it) {
        const QString &key = it.key();
        if (ninjsKeys.contains(key) || key.startsWith("body_"_L1) || key.startsWith("headline_"_L1) ||
            key.startsWith("description_"_L1))
            return true;
    }
    return false;
}

QString itemType(const QJsonObject &item)
{
    const QString type = text(item, u"type"_s).toLower();
    if (!type.isEmpty())
        return type;
    if (item.contains("eventdetails"_L1))
        return u"event"_s;
    if (item.contains("plannedcoverage"_L1))
        return u"planning"_s;
    return u"text"_s; // the standard's default
}

bool TextEntry::isHtml() const
{
    if (!contentType.isEmpty())
        return contentType.contains("html"_L1);
    if (role.contains("html"_L1))
        return true;
    static const QRegularExpression markup(u"<[a-zA-Z/!][^>]*>"_s);
    return !isNitf() && markup.match(value).hasMatch();
}

bool TextEntry::isNitf() const
{
    return contentType.contains("nitf"_L1) || role.contains("nitf"_L1) ||
           value.contains("<nitf"_L1, Qt::CaseInsensitive);
}

QString TextEntry::plainText() const
{
    return isHtml() || isNitf() ? HtmlText::plainText(value).trimmed() : value.trimmed();
}

QList<TextEntry> textEntries(const QJsonObject &item, const QString &kind)
{
    QList<TextEntry> entries;
    const QJsonValue single = item.value(kind);
    if (single.isString())
        entries.append({QString(), kind == "body"_L1 ? QString() : u"text/plain"_s, single.toString()});
    const QString prefix = kind + u'_';
    for (auto it = item.begin(); it != item.end(); ++it) {
        if (it.key().startsWith(prefix) && it.value().isString()) {
            const QString suffix = it.key().mid(prefix.size());
            entries.append({suffix, contentTypeForSuffix(suffix), it.value().toString()});
        }
    }
    const QJsonArray list = item.value(kind == "body"_L1 ? u"bodies"_s : kind + u's').toArray();
    for (const QJsonValue &value : list) {
        const QJsonObject entry = value.toObject();
        if (entry.value("value"_L1).isString()) {
            entries.append({entry.value("role"_L1).toString().trimmed().toLower(), contentTypeOf(entry),
                            entry.value("value"_L1).toString()});
        }
    }
    return entries;
}

QList<Rendition> renditions(const QJsonObject &item)
{
    QList<Rendition> result;
    const auto read = [&result](const QString &name, const QJsonObject &object) {
        result.append({name, object.value("href"_L1).toString().trimmed(), contentTypeOf(object),
                       dimension(object.value("width"_L1)), dimension(object.value("height"_L1))});
    };
    const QJsonValue value = item.value("renditions"_L1);
    if (value.isObject()) { // 1.x: keyed by name
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            read(it.key(), it.value().toObject());
    } else {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &entry : array)
            read(entry.toObject().value("name"_L1).toString(), entry.toObject());
    }
    return result;
}

QList<Association> associations(const QJsonObject &item)
{
    QList<Association> result;
    const QJsonValue value = item.value("associations"_L1);
    if (value.isObject()) { // 1.x: keyed by name
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.value().isObject())
                result.append({it.key(), it.value().toObject()});
        }
    } else {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &entry : array) {
            if (entry.isObject())
                result.append({text(entry.toObject(), u"name"_s), entry.toObject()});
        }
    }
    return result;
}

QList<NamedEntry> namedEntries(const QJsonObject &item, const QString &singular, const QString &plural)
{
    QList<NamedEntry> result;
    for (const QString &key : {singular, plural}) {
        const QJsonArray list = item.value(key).toArray();
        for (const QJsonValue &value : list) {
            const QJsonObject entry = value.toObject();
            const QString rel = text(entry, u"rel"_s);
            result.append({text(entry, u"name"_s), rel.isEmpty() ? text(entry, u"role"_s) : rel,
                           text(entry, u"uri"_s)});
        }
    }
    return result;
}

QString text(const QJsonObject &item, const QString &key)
{
    return item.value(key).toString().trimmed();
}

QDateTime time(const QJsonObject &item, const QString &key)
{
    const QString value = text(item, key);
    if (value.size() == 10) {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        return date.isValid() ? QDateTime(date, QTime(0, 0), Qt::UTC) : QDateTime();
    }
    QDateTime parsed = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return {};
    if (parsed.timeSpec() == Qt::LocalTime) // no offset given: read it as UTC, the same on every machine
        parsed.setTimeSpec(Qt::UTC);
    return parsed.toUTC();
}

QString timeText(const QDateTime &time)
{
    return toStorageTime(time);
}

bool isWebUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == "http"_L1 || scheme == "https"_L1) && !url.host().isEmpty();
}

std::optional<DataUri> decodeDataUri(const QString &uri)
{
    if (!uri.startsWith("data:"_L1, Qt::CaseInsensitive))
        return std::nullopt;
    const qsizetype comma = uri.indexOf(u',');
    if (comma < 0)
        return std::nullopt;
    QStringList parameters = uri.mid(5, comma - 5).split(u';');
    const bool base64 =
        parameters.size() > 1 && parameters.last().trimmed().compare("base64"_L1, Qt::CaseInsensitive) == 0;
    DataUri result;
    const QString type = parameters.first().trimmed().toLower();
    result.mimeType = type.contains(u'/') ? type : u"text/plain"_s;
    QByteArray payload = QByteArray::fromPercentEncoding(uri.mid(comma + 1).toUtf8());
    if (!base64) {
        result.data = payload;
        return result;
    }
    payload = payload.simplified().replace(' ', QByteArray());
    QByteArray::FromBase64Result decoded =
        QByteArray::fromBase64Encoding(payload, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    result.data = std::move(decoded.decoded);
    return result;
}

QString encodeDataUri(const QByteArray &data, const QString &mimeType)
{
    const QString type = mimeType.isEmpty() ? u"application/octet-stream"_s : mimeType;
    return u"data:"_s + type + u";base64,"_s + QString::fromLatin1(data.toBase64());
}

} // namespace Copydesk::Ninjs
