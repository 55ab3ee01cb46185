#include <ninjs/ninjsimporter.h>

#include <ninjs/ninjsformat.h>
#include <ninjs/ninjsitemreader.h>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

constexpr int NinjsConfidence = 90; // above the plain-text importer's guess for any file

bool isJsonSource(const ImportSource &source)
{
    const QString name = source.fileName.isEmpty() ? source.url.path() : source.fileName;
    return QFileInfo(name).suffix().compare("json"_L1, Qt::CaseInsensitive) == 0 ||
           source.contentType.contains("json"_L1, Qt::CaseInsensitive);
}

QString parseErrorMessage(const QByteArray &bytes, const QJsonParseError &error)
{
    const qsizetype offset = qBound(qsizetype(0), qsizetype(error.offset), bytes.size());
    const qsizetype lineStart = bytes.lastIndexOf('\n', offset - 1) + 1;
    const qsizetype line = bytes.left(offset).count('\n') + 1;
    const qsizetype column = QString::fromUtf8(bytes.mid(lineStart, offset - lineStart)).size() + 1;
    return u"not valid JSON: %1 at line %2, column %3 (byte %4)"_s.arg(error.errorString())
        .arg(line)
        .arg(column)
        .arg(offset);
}

// Why a JSON object is not a ninjs item, in words a person can act on.
QString notNinjsReason(const QJsonObject &object)
{
    if (object.isEmpty())
        return u"the JSON holds an empty object, not a ninjs item (a ninjs item has at least a \"uri\")"_s;
    if (object.contains("$schema"_L1) || object.contains("$id"_L1))
        return u"this is a JSON Schema, not a ninjs news item"_s;
    if (!object.value("uri"_L1).isString() || object.value("uri"_L1).toString().trimmed().isEmpty())
        return u"this JSON is not a ninjs news item: it has no \"uri\""_s;
    return u"this JSON is not a ninjs news item: it has a \"uri\" but none of the ninjs properties "
           "(type, headline, body, by, versioncreated...)"_s;
}

QString itemLabel(qsizetype position, const QJsonObject &item)
{
    const QString uri = Ninjs::text(item, u"uri"_s);
    return uri.isEmpty() ? u"item %1"_s.arg(position + 1) : u"item %1 (%2)"_s.arg(position + 1).arg(uri);
}

ImportResult importList(const QJsonArray &list)
{
    if (list.isEmpty())
        return ImportResult::failure(u"the JSON holds an empty list, not ninjs items"_s);
    ImportResult result;
    QMap<QString, int> refusedKinds;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject item = Ninjs::normalized(list.at(i).toObject());
        if (!Ninjs::isNinjsItem(item)) {
            result.warnings.append(u"%1: not a ninjs item"_s.arg(itemLabel(i, item)));
            ++refusedKinds[u"non-ninjs"_s];
            continue;
        }
        Ninjs::ItemOutcome outcome = Ninjs::readItem(item);
        if (!outcome.refusal.isEmpty()) {
            result.warnings.append(u"%1: %2"_s.arg(itemLabel(i, item), outcome.refusal));
            ++refusedKinds[Ninjs::itemType(item)];
            continue;
        }
        for (const QString &warning : std::as_const(outcome.warnings))
            result.warnings.append(u"%1: %2"_s.arg(itemLabel(i, item), warning));
        result.articles.append(std::move(outcome.article));
    }
    if (result.articles.isEmpty()) {
        QStringList kinds;
        for (auto it = refusedKinds.begin(); it != refusedKinds.end(); ++it)
            kinds.append(
                u"%1 %2 %3"_s.arg(it.value()).arg(it.key(), it.value() == 1 ? u"item"_s : u"items"_s));
        result.error = u"none of the %1 items in the list is an article (%2); Copydesk imports articles"_s
                           .arg(list.size())
                           .arg(kinds.join(", "_L1));
    }
    return result;
}

} // namespace

QString NinjsImporter::name() const
{
    return u"ninjs"_s;
}

int NinjsImporter::confidence(const ImportSource &source) const
{
    if (!isJsonSource(source))
        return 0;
    const QJsonDocument document = QJsonDocument::fromJson(source.bytes);
    if (document.isObject())
        return Ninjs::isNinjsItem(Ninjs::normalized(document.object())) ? NinjsConfidence : 0;
    if (document.isArray() && !document.array().isEmpty())
        return Ninjs::isNinjsItem(Ninjs::normalized(document.array().first().toObject())) ? NinjsConfidence
                                                                                          : 0;
    return 0;
}

ImportResult NinjsImporter::import(const ImportSource &source) const
{
    if (source.bytes.trimmed().isEmpty())
        return ImportResult::failure(u"the file is empty"_s);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(source.bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return ImportResult::failure(parseErrorMessage(source.bytes, error));
    if (document.isArray())
        return importList(document.array());
    if (!document.isObject())
        return ImportResult::failure(u"the JSON holds a single value, not a ninjs item"_s);

    const QJsonObject item = Ninjs::normalized(document.object());
    if (!Ninjs::isNinjsItem(item))
        return ImportResult::failure(notNinjsReason(item));
    Ninjs::ItemOutcome outcome = Ninjs::readItem(item);
    if (!outcome.refusal.isEmpty())
        return ImportResult::failure(outcome.refusal);
    ImportResult result;
    result.articles.append(std::move(outcome.article));
    result.warnings = outcome.warnings;
    return result;
}

} // namespace Copydesk
