#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <memory>

namespace Copydesk {

// One way a JSON value breaks its schema.
struct SchemaError
{
    QString pointer; // JSON pointer to the offending value in the instance; "" is the whole document
    QString message;

    QString toString() const;
    friend bool operator==(const SchemaError &, const SchemaError &) = default;
};

// A JSON Schema validator over Qt's JSON values, written for the IPTC ninjs schemas (1.0 to 3.1), which span
// drafts 03, 04, 07 and 2020-12. Debian 12 packages no C++ validator for draft 2020-12: valijson stops at
// draft 7 (no unevaluatedProperties, which the ninjs 2.x and 3.x schemas rely on) and pulls in Qt 5.
//
// Covered: type (also lists of types), enum, const, properties, patternProperties, additionalProperties,
// unevaluatedProperties, required (draft 03's boolean form too), dependencies, dependentRequired,
// dependentSchemas, propertyNames, min/maxProperties, items (one schema or a tuple), prefixItems,
// additionalItems, contains, min/maxItems, uniqueItems, minLength/maxLength (in code points), pattern,
// minimum/maximum/exclusive*, multipleOf, allOf/anyOf/oneOf/not, if/then/else, extends, format, and $ref to
// JSON pointers in the same document ("#/definitions/...", "#/$defs/...", "#") or in another registered
// document (by its $id/id, or a sibling file of a schema file). With draft 7 and earlier a $ref replaces its
// sibling keywords; from 2019-09 on they apply together. Not covered: $anchor, $dynamicRef, $id inside
// subschemas, unevaluatedItems, remote fetching (nothing is ever downloaded). One validator serves one
// thread at a time (it caches compiled patterns).
class JsonSchemaValidator final
{
public:
    JsonSchemaValidator();
    ~JsonSchemaValidator();
    JsonSchemaValidator(const JsonSchemaValidator &) = delete;
    JsonSchemaValidator &operator=(const JsonSchemaValidator &) = delete;

    // Makes a schema document reachable by $ref under its $id (or draft 04's id) and under uri if given.
    void addSchema(const QJsonObject &schema, const QString &uri = {});
    // Reads a schema file and registers it, then the files beside it that its $refs name by file name.
    bool addSchemaFile(const QString &path, QString *error = nullptr);
    // The registered schema for a URI (its $id), or an empty object.
    QJsonObject schema(const QString &uri) const;

    // "format" is an annotation since draft 2019-09 and the ninjs test suite treats it so (a bad date-time
    // passes); turned on, date-time, date, time, uri, uri-reference and email are checked, loosely.
    void setFormatAssertion(bool on) { m_assertFormats = on; }

    QList<SchemaError> validate(const QJsonValue &instance, const QJsonObject &schema) const;
    // Against a registered schema; an unknown URI is itself an error.
    QList<SchemaError> validate(const QJsonValue &instance, const QString &schemaUri) const;

    // "a~1b" for the key "a/b": a key as a JSON pointer token.
    static QString pointerToken(const QString &key);

    struct Document; // one registered schema document; defined with the validator's code

private:
    friend class SchemaEvaluator;

    const Document *document(const QString &uri) const;
    QRegularExpression pattern(const QString &source) const;

    QHash<QString, std::shared_ptr<const Document>> m_documents;
    mutable QHash<QString, QRegularExpression> m_patterns; // compiled once; the schemas repeat them
    bool m_assertFormats = false;
};

} // namespace Copydesk
