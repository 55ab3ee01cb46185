#pragma once

// Internals of JsonSchemaValidator, shared by its source files: the registered documents, the value
// helpers and the walk over a schema and an instance.

#include "jsonschemavalidator.h"

#include <QJsonArray>
#include <QSet>

namespace Copydesk {

struct JsonSchemaValidator::Document
{
    enum class Draft
    {
        V3,
        V4,
        V6,
        V7,
        V2019,
        V2020
    };

    QJsonObject root;
    QString key; // the document's URI without fragment; "" when it has none
    Draft draft = Draft::V2020;
};

namespace JsonSchema {

using Draft = JsonSchemaValidator::Document::Draft;

Draft draftOf(const QJsonObject &root);
// "http://x/s.json#" and "http://x/s.json" name the same document.
QString documentKey(const QString &uri);
// $id, or draft 04's id.
QString idOf(const QJsonObject &root);

bool isInteger(const QJsonValue &value);
QString typeName(const QJsonValue &value); // "a string", "an integer", ...
bool hasType(const QJsonValue &value, const QString &type);
// Equality as JSON Schema means it: 1 and 1.0 are the same number; objects ignore key order.
bool jsonEqual(const QJsonValue &a, const QJsonValue &b);
QString compactJson(const QJsonValue &value); // for messages, shortened
qsizetype codePointCount(const QString &text);
// Whether text is of the named format; formats not known here pass.
bool checkFormat(const QString &format, const QString &text);

} // namespace JsonSchema

// One validation run: walks a schema and an instance together, collecting errors.
class SchemaEvaluator
{
public:
    using Document = JsonSchemaValidator::Document;

    explicit SchemaEvaluator(const JsonSchemaValidator &validator)
        : m_validator(validator)
    {}

    // Whether the instance meets the schema. The names of the instance's properties the schema looked at
    // are added to evaluated: unevaluatedProperties works on what is left.
    bool check(const QJsonValue &schema, const Document &document, const QJsonValue &instance,
               const QString &pointer, QList<SchemaError> &errors, QSet<QString> &evaluated, int depth) const;

private:
    struct Frame
    {
        const QJsonObject &schema;
        const Document &document;
        const QJsonValue &instance;
        const QString &pointer;
        QList<SchemaError> &errors;
        QSet<QString> &evaluated;
        int depth;
    };

    struct Resolved
    {
        QJsonValue schema;
        const Document *document = nullptr;
    };

    static bool fail(const Frame &frame, const QString &message, const QString &key = {})
    {
        const QString pointer =
            key.isNull() ? frame.pointer : frame.pointer + u'/' + JsonSchemaValidator::pointerToken(key);
        frame.errors.append({pointer, message});
        return false;
    }

    // A subschema at the same instance location, or at a child of it (key or index given).
    bool sub(const Frame &frame, const QJsonValue &schema, const QJsonValue &instance, const QString &pointer,
             QList<SchemaError> &errors, QSet<QString> &evaluated) const
    {
        return check(schema, frame.document, instance, pointer, errors, evaluated, frame.depth + 1);
    }
    bool subHere(const Frame &frame, const QJsonValue &schema, QSet<QString> &evaluated) const
    {
        return sub(frame, schema, frame.instance, frame.pointer, frame.errors, evaluated);
    }

    Resolved resolve(const QString &reference, const Document &from) const;
    bool checkReference(const Frame &frame) const;
    bool checkGeneral(const Frame &frame) const;
    bool checkString(const Frame &frame) const;
    bool checkNumber(const Frame &frame) const;
    bool checkArray(const Frame &frame) const;
    bool checkObject(const Frame &frame) const;
    bool checkDependencies(const Frame &frame) const;
    bool checkCombinations(const Frame &frame) const;
    bool checkAlternatives(const Frame &frame, const QJsonArray &schemas, bool exactlyOne) const;
    bool checkUnevaluated(const Frame &frame) const;

    const JsonSchemaValidator &m_validator;
};

} // namespace Copydesk
