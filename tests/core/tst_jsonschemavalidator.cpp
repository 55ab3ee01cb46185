#include "jsonschemavalidator.h"

#include "../testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

QString ninjsDir()
{
    return sharedDir() + u"/corpora/ninjs"_s;
}

QJsonValue json(const char *text)
{
    const QByteArray bytes = QByteArray("[") + text + "]";
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in test: %s", text);
    return document.array().first();
}

QList<SchemaError> check(const char *schema, const char *instance, bool formats = false)
{
    JsonSchemaValidator validator;
    validator.setFormatAssertion(formats);
    return validator.validate(json(instance), json(schema).toObject());
}

QString describe(const QList<SchemaError> &errors)
{
    QStringList lines;
    for (const SchemaError &error : errors)
        lines.append(error.toString());
    return lines.join(u"; "_s);
}

// The schema each folder of the suite is written against: "1.4" -> ninjs-schema_1.4.json; the dev folders
// hold cases for the last development schema of their generation.
QString schemaFileFor(const QString &folder)
{
    if (folder == "1.x_dev"_L1)
        return u"ninjs-schema-dev_0.2_v1.5.json"_s;
    if (folder == "2.x_dev"_L1)
        return u"ninjs-schema-dev_0.1_v2.1.json"_s;
    return u"ninjs-schema_%1.json"_s.arg(folder);
}

// JSON forbids raw control characters in strings; Qt's parser lets them through, so they are looked for here.
bool hasRawControlCharacter(const QByteArray &bytes)
{
    bool inString = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (!inString) {
            inString = c == '"';
        } else if (c == '\\') {
            ++i;
        } else if (c == '"') {
            inString = false;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            return true;
        }
    }
    return false;
}

} // namespace

class TestJsonSchemaValidator : public QObject
{
    Q_OBJECT

private slots:
    void types();
    void objects();
    void draft03Required();
    void arrays();
    void strings();
    void numbers();
    void combinations();
    void references();
    void referenceSiblingsByDraft();
    void unevaluatedProperties();
    void crossDocumentReference();
    void formats();
    void errorPointers();
    void testSuite_data();
    void testSuite();
};

void TestJsonSchemaValidator::types()
{
    QVERIFY(check(R"({"type": "string"})", R"("x")").isEmpty());
    QVERIFY(!check(R"({"type": "string"})", "1").isEmpty());
    QVERIFY(check(R"({"type": ["string", "null"]})", "null").isEmpty());
    QVERIFY(check(R"({"type": "integer"})", "3.0").isEmpty());
    QVERIFY(!check(R"({"type": "integer"})", "3.5").isEmpty());
    QVERIFY(check(R"({"type": "number"})", "3.5").isEmpty());
    QVERIFY(check(R"({"enum": [1, "a", {"b": [true]}]})", R"({"b": [true]})").isEmpty());
    QVERIFY(!check(R"({"enum": [1, "a"]})", R"("b")").isEmpty());
    QVERIFY(check(R"({"const": 1})", "1.0").isEmpty());
    QVERIFY(!check(R"({"const": "x"})", R"("y")").isEmpty());
    QVERIFY(check("true", "42").isEmpty());
    QVERIFY(!check(R"({"properties": {"a": false}})", R"({"a": 1})").isEmpty());
    const QList<SchemaError> errors = check(R"({"type": "object"})", "[]");
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().message.contains("an array"_L1), qPrintable(describe(errors)));
}

void TestJsonSchemaValidator::objects()
{
    const char *schema = R"({"type": "object", "required": ["uri"],
        "properties": {"uri": {"type": "string"}},
        "patternProperties": {"^body_[a-z]+$": {"type": "string"}},
        "additionalProperties": false})";
    QVERIFY(check(schema, R"({"uri": "u", "body_html": "<p>"})").isEmpty());
    QVERIFY(!check(schema, R"({"body_html": "<p>"})").isEmpty());
    QVERIFY(!check(schema, R"({"uri": "u", "body_html": 1})").isEmpty());
    QVERIFY(!check(schema, R"({"uri": "u", "other": 1})").isEmpty());
    QVERIFY(check(R"({"additionalProperties": {"type": "number"}})", R"({"a": 1})").isEmpty());
    QVERIFY(!check(R"({"additionalProperties": {"type": "number"}})", R"({"a": "1"})").isEmpty());
    QVERIFY(!check(R"({"minProperties": 2})", R"({"a": 1})").isEmpty());
    QVERIFY(!check(R"({"maxProperties": 1})", R"({"a": 1, "b": 2})").isEmpty());
    QVERIFY(!check(R"({"dependencies": {"a": ["b"]}})", R"({"a": 1})").isEmpty());
    QVERIFY(check(R"({"dependencies": {"a": ["b"]}})", R"({"a": 1, "b": 2})").isEmpty());
    QVERIFY(!check(R"({"dependencies": {"a": {"required": ["c"]}}})", R"({"a": 1})").isEmpty());
    QVERIFY(!check(R"({"propertyNames": {"pattern": "^[a-z]+$"}})", R"({"A": 1})").isEmpty());
}

void TestJsonSchemaValidator::draft03Required()
{
    const char *schema = R"({"$schema": "http://json-schema.org/draft-03/schema#",
        "properties": {"uri": {"type": "string", "required": true}}})";
    QVERIFY(check(schema, R"({"uri": "x"})").isEmpty());
    QVERIFY(!check(schema, R"({"other": "x"})").isEmpty());
}

void TestJsonSchemaValidator::arrays()
{
    QVERIFY(check(R"({"items": {"type": "string"}})", R"(["a", "b"])").isEmpty());
    QVERIFY(!check(R"({"items": {"type": "string"}})", R"(["a", 2])").isEmpty());
    const char *tuple = R"({"items": [{"type": "string"}, {"type": "number"}], "additionalItems": false})";
    QVERIFY(check(tuple, R"(["a", 2])").isEmpty());
    QVERIFY(!check(tuple, R"(["a", 2, 3])").isEmpty());
    QVERIFY(check(R"({"prefixItems": [{"type": "string"}], "items": {"type": "number"}})", R"(["a", 1, 2])")
                .isEmpty());
    QVERIFY(!check(R"({"minItems": 2})", "[1]").isEmpty());
    QVERIFY(!check(R"({"maxItems": 1})", "[1, 2]").isEmpty());
    QVERIFY(!check(R"({"uniqueItems": true})", R"([{"a": 1}, {"a": 1.0}])").isEmpty());
    QVERIFY(check(R"({"uniqueItems": true})", "[1, 2]").isEmpty());
    QVERIFY(check(R"({"contains": {"const": 2}})", "[1, 2]").isEmpty());
    QVERIFY(!check(R"({"contains": {"const": 3}})", "[1, 2]").isEmpty());
}

void TestJsonSchemaValidator::strings()
{
    QVERIFY(check(R"({"maxLength": 2})", R"("😀😀")").isEmpty()); // code points, not UTF-16 units
    QVERIFY(!check(R"({"maxLength": 1})", R"("😀😀")").isEmpty());
    QVERIFY(!check(R"({"minLength": 3})", R"("ab")").isEmpty());
    QVERIFY(check(R"({"pattern": "^[a-z]+$"})", R"("abc")").isEmpty());
    QVERIFY(!check(R"({"pattern": "^[a-z]+$"})", R"("ab1")").isEmpty());
    QVERIFY(check(R"({"pattern": "b"})", R"("abc")").isEmpty()); // patterns are not anchored
    const QList<SchemaError> errors = check(R"({"pattern": "("})", R"("x")");
    QVERIFY2(!errors.isEmpty() && errors.first().message.contains("not a valid regular expression"_L1),
             qPrintable(describe(errors)));
}

void TestJsonSchemaValidator::numbers()
{
    QVERIFY(check(R"({"minimum": 1, "maximum": 9})", "9").isEmpty());
    QVERIFY(!check(R"({"minimum": 1, "maximum": 9})", "0.5").isEmpty());
    QVERIFY(!check(R"({"$schema": "http://json-schema.org/draft-04/schema#", "maximum": 9,
                       "exclusiveMaximum": true})",
                   "9")
                 .isEmpty());
    QVERIFY(!check(R"({"exclusiveMinimum": 1})", "1").isEmpty());
    QVERIFY(check(R"({"multipleOf": 0.5})", "2.5").isEmpty());
    QVERIFY(!check(R"({"multipleOf": 2})", "3").isEmpty());
}

void TestJsonSchemaValidator::combinations()
{
    const char *oneOf = R"({"oneOf": [{"required": ["a"]}, {"required": ["b"]}]})";
    QVERIFY(check(oneOf, R"({"a": 1})").isEmpty());
    QVERIFY(!check(oneOf, R"({"a": 1, "b": 2})").isEmpty());
    QVERIFY(!check(oneOf, R"({"c": 1})").isEmpty());
    QVERIFY(check(R"({"anyOf": [{"type": "string"}, {"type": "number"}]})", "1").isEmpty());
    QVERIFY(!check(R"({"anyOf": [{"type": "string"}, {"type": "number"}]})", "true").isEmpty());
    QVERIFY(!check(R"({"allOf": [{"minimum": 1}, {"maximum": 2}]})", "3").isEmpty());
    QVERIFY(!check(R"({"not": {"type": "string"}})", R"("x")").isEmpty());
    const char *condition = R"({"if": {"properties": {"type": {"const": "event"}}},
                                 "then": {"required": ["dates"]}, "else": {"required": ["body"]}})";
    QVERIFY(!check(condition, R"({"type": "event"})").isEmpty());
    QVERIFY(check(condition, R"({"type": "text", "body": ""})").isEmpty());
}

void TestJsonSchemaValidator::references()
{
    const char *definitions = R"({"definitions": {"name": {"type": "string"}},
                                  "properties": {"a": {"$ref": "#/definitions/name"}}})";
    QVERIFY(check(definitions, R"({"a": "x"})").isEmpty());
    QVERIFY(!check(definitions, R"({"a": 1})").isEmpty());
    const char *defs = R"({"$defs": {"a~b/c": {"type": "integer"}}, "items": {"$ref": "#/$defs/a~0b~1c"}})";
    QVERIFY(check(defs, "[1, 2]").isEmpty());
    QVERIFY(!check(defs, "[1, 2.5]").isEmpty());
    const char *recursive = R"({"properties": {"child": {"$ref": "#"}, "n": {"type": "number"}}})";
    QVERIFY(check(recursive, R"({"child": {"child": {"n": 1}}})").isEmpty());
    QVERIFY(!check(recursive, R"({"child": {"child": {"n": "1"}}})").isEmpty());
    const QList<SchemaError> errors = check(R"({"$ref": "#/definitions/missing"})", "1");
    QVERIFY2(errors.size() == 1 && errors.first().message.contains("cannot be resolved"_L1),
             qPrintable(describe(errors)));
}

void TestJsonSchemaValidator::referenceSiblingsByDraft()
{
    // Up to draft 7 a $ref replaces the keywords beside it; from 2019-09 they apply together.
    const char *draft7 = R"({"$schema": "http://json-schema.org/draft-07/schema#",
        "definitions": {"any": {}}, "$ref": "#/definitions/any", "type": "string"})";
    const char *draft2020 = R"({"$schema": "https://json-schema.org/draft/2020-12/schema",
        "$defs": {"any": {}}, "$ref": "#/$defs/any", "type": "string"})";
    QVERIFY(check(draft7, "1").isEmpty());
    QVERIFY(!check(draft2020, "1").isEmpty());
}

void TestJsonSchemaValidator::unevaluatedProperties()
{
    // The ninjs 2.x/3.x shape: the root refers to the item type and forbids what it does not name.
    const char *schema = R"({"$schema": "https://json-schema.org/draft/2020-12/schema",
        "$defs": {"item": {"type": "object", "properties": {"uri": {}, "headline": {}}}},
        "$ref": "#/$defs/item", "properties": {"extra": {}}, "unevaluatedProperties": false})";
    QVERIFY(check(schema, R"({"uri": "u", "headline": "h", "extra": 1})").isEmpty());
    const QList<SchemaError> errors = check(schema, R"({"uri": "u", "random": 1})");
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().pointer, u"/random"_s);
    // What a failed branch of anyOf evaluated does not count.
    const char *branches = R"({"anyOf": [{"properties": {"a": {"type": "string"}}}, {"required": ["b"]}],
                               "unevaluatedProperties": false})";
    QVERIFY(check(branches, R"({"a": "x"})").isEmpty());
    QVERIFY(!check(branches, R"({"a": 1, "b": 2})").isEmpty());
}

void TestJsonSchemaValidator::crossDocumentReference()
{
    JsonSchemaValidator validator;
    validator.addSchema(json(R"({"$id": "https://example.org/point.json", "type": "object",
                                 "required": ["x"]})")
                            .toObject());
    const QJsonObject schema =
        json(R"({"$id": "https://example.org/main.json", "properties": {"at": {"$ref": "point.json#"}}})")
            .toObject();
    QVERIFY(validator.validate(json(R"({"at": {"x": 1}})"), schema).isEmpty());
    QVERIFY(!validator.validate(json(R"({"at": {}})"), schema).isEmpty());
    QVERIFY(!validator.validate(json("{}"), u"https://example.org/unknown.json"_s).isEmpty());
}

void TestJsonSchemaValidator::formats()
{
    const char *schema = R"({"properties": {"t": {"format": "date-time"}, "u": {"format": "uri"}}})";
    const char *bad = R"({"t": "2024-02-30T10:00:00Z", "u": "not a uri"})";
    QVERIFY(check(schema, bad).isEmpty()); // an annotation unless asked
    QCOMPARE(check(schema, bad, true).size(), 2);
    QVERIFY(
        check(schema, R"({"t": "2024-02-29T23:59:60.123+05:30", "u": "urn:copydesk:1"})", true).isEmpty());
    QVERIFY(check(schema, R"({"u": "data:image/png;base64,iVBORw0KGgo="})", true).isEmpty());
    QVERIFY(!check(schema, R"({"t": "2024-02-29"})", true).isEmpty());
}

void TestJsonSchemaValidator::errorPointers()
{
    const char *schema = R"({"properties": {"a/b": {"items": {"properties": {"c~d": {"type": "string"}}}}}})";
    const QList<SchemaError> errors = check(schema, R"({"a/b": [{"c~d": "x"}, {"c~d": 1}]})");
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().pointer, u"/a~1b/1/c~0d"_s);
}

void TestJsonSchemaValidator::testSuite_data()
{
    QTest::addColumn<QString>("folder");
    const QDir suite(ninjsDir() + u"/validation/test_suite"_s);
    if (!suite.exists()) {
        QTest::newRow("absent") << QString(); // one row, to say why it is skipped
        return;
    }
    const QStringList folders = suite.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &folder : folders)
        QTest::newRow(qPrintable(folder)) << folder;
}

void TestJsonSchemaValidator::testSuite()
{
    const QString suite = ninjsDir() + u"/validation/test_suite"_s;
    if (!QDir(suite).exists())
        QSKIP(qPrintable(u"the ninjs schema test suite is absent: %1"_s.arg(suite)));
    QFETCH(QString, folder);
    JsonSchemaValidator validator;
    QString error;
    const QString schemaPath = ninjsDir() + u"/specification/"_s + schemaFileFor(folder);
    QVERIFY2(validator.addSchemaFile(schemaPath, &error), qPrintable(error));
    QVERIFY2(validator.addSchemaFile(suite + u"/GeoJSON-schema.json"_s, &error), qPrintable(error));
    const QJsonObject schema = validator.schema(QUrl::fromLocalFile(schemaPath).toString());
    QVERIFY(!schema.isEmpty());

    int passed = 0;
    int failed = 0;
    int unreadable = 0;
    for (const bool shouldPass : {true, false}) {
        const QDir dir(suite + u'/' + folder + (shouldPass ? u"/should_pass"_s : u"/should_fail"_s));
        const QStringList files = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
        for (const QString &name : files) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
            if (parseError.error == QJsonParseError::NoError && hasRawControlCharacter(bytes))
                parseError.error = QJsonParseError::IllegalValue;
            if (parseError.error != QJsonParseError::NoError) {
                // Some failing cases are not JSON at all (a raw line break in a string); they fail too.
                QVERIFY2(!shouldPass, qPrintable(name + u": "_s + parseError.errorString()));
                ++unreadable;
                continue;
            }
            const QJsonValue instance =
                document.isObject() ? QJsonValue(document.object()) : document.array();
            const QList<SchemaError> errors = validator.validate(instance, schema);
            if (shouldPass)
                QVERIFY2(errors.isEmpty(), qPrintable(folder + u'/' + name + u": "_s + describe(errors)));
            else
                QVERIFY2(!errors.isEmpty(), qPrintable(folder + u'/' + name + u" passed, but should fail"_s));
            ++(shouldPass ? passed : failed);
        }
    }
    qInfo("%s against %s: %d pass, %d fail by schema, %d fail as invalid JSON", qPrintable(folder),
          qPrintable(schemaFileFor(folder)), passed, failed, unreadable);
}

QTEST_GUILESS_MAIN(TestJsonSchemaValidator)
#include "tst_jsonschemavalidator.moc"
