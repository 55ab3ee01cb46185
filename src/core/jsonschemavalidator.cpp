#include "jsonschemavalidator.h"

#include "jsonschemaevaluator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Copydesk {

using namespace JsonSchema;

namespace {

QString localFileUri(const QString &path)
{
    return QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString();
}

} // namespace

QString SchemaError::toString() const
{
    return (pointer.isEmpty() ? u"(document)"_s : pointer) + u": "_s + message;
}

// ---- JsonSchemaValidator ---------------------------------------------------------------------------------

JsonSchemaValidator::JsonSchemaValidator() = default;
JsonSchemaValidator::~JsonSchemaValidator() = default;

QString JsonSchemaValidator::pointerToken(const QString &key)
{
    QString token = key;
    return token.replace(u'~', "~0"_L1).replace(u'/', "~1"_L1);
}

void JsonSchemaValidator::addSchema(const QJsonObject &schema, const QString &uri)
{
    auto document = std::make_shared<Document>();
    document->root = schema;
    document->key = documentKey(idOf(schema));
    document->draft = draftOf(schema);
    if (!document->key.isEmpty())
        m_documents.insert(document->key, document);
    if (!uri.isEmpty())
        m_documents.insert(documentKey(uri), document);
}

bool JsonSchemaValidator::addSchemaFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = u"%1: %2"_s.arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!json.isObject()) {
        if (error) {
            *error = parseError.error != QJsonParseError::NoError
                         ? u"%1: not valid JSON: %2 at byte %3"_s.arg(path, parseError.errorString())
                               .arg(parseError.offset)
                         : u"%1: a schema is a JSON object"_s.arg(path);
        }
        return false;
    }
    const QJsonObject schema = json.object();
    const QString fileUri = localFileUri(path);
    addSchema(schema, fileUri);

    // A $ref to another document by name: load the file of that name beside this one, if there is one.
    const QString base = idOf(schema).isEmpty() ? fileUri : documentKey(idOf(schema));
    QList<QJsonValue> pending{schema};
    while (!pending.isEmpty()) {
        const QJsonValue node = pending.takeLast();
        if (node.isArray()) {
            const QJsonArray array = node.toArray();
            for (const QJsonValue &value : array)
                pending.append(value);
            continue;
        }
        const QJsonObject object = node.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() != "$ref"_L1 || !it.value().isString()) {
                pending.append(it.value());
                continue;
            }
            const QString location = documentKey(it.value().toString());
            if (location.isEmpty())
                continue;
            const QUrl target = QUrl(base).resolved(QUrl(location));
            const QString siblingPath = QFileInfo(path).dir().filePath(target.fileName());
            if (document(target.toString()) || target.fileName().isEmpty() || !QFileInfo::exists(siblingPath))
                continue;
            const QString siblingUri = localFileUri(siblingPath);
            if (document(siblingUri) || addSchemaFile(siblingPath))
                m_documents.insert(documentKey(target.toString()), m_documents.value(siblingUri));
        }
    }
    return true;
}

QJsonObject JsonSchemaValidator::schema(const QString &uri) const
{
    const Document *found = document(uri);
    return found ? found->root : QJsonObject();
}

const JsonSchemaValidator::Document *JsonSchemaValidator::document(const QString &uri) const
{
    const auto it = m_documents.constFind(documentKey(uri));
    return it == m_documents.constEnd() ? nullptr : it->get();
}

QRegularExpression JsonSchemaValidator::pattern(const QString &source) const
{
    auto it = m_patterns.constFind(source);
    if (it == m_patterns.constEnd())
        it = m_patterns.insert(source, QRegularExpression(source));
    return *it;
}

QList<SchemaError> JsonSchemaValidator::validate(const QJsonValue &instance, const QJsonObject &schema) const
{
    // The schema's own $id is its base for $refs, whether or not it was registered.
    Document document;
    document.root = schema;
    document.key = documentKey(idOf(schema));
    document.draft = draftOf(schema);
    QList<SchemaError> errors;
    QSet<QString> evaluated;
    SchemaEvaluator(*this).check(schema, document, instance, QString(), errors, evaluated, 0);
    return errors;
}

QList<SchemaError> JsonSchemaValidator::validate(const QJsonValue &instance, const QString &schemaUri) const
{
    const Document *found = document(schemaUri);
    if (!found)
        return {{QString(), u"no schema is registered as %1"_s.arg(schemaUri)}};
    QList<SchemaError> errors;
    QSet<QString> evaluated;
    SchemaEvaluator(*this).check(found->root, *found, instance, QString(), errors, evaluated, 0);
    return errors;
}

} // namespace Copydesk
