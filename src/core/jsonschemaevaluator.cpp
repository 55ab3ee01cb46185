#include "jsonschemaevaluator.h"

#include <QUrl>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Copydesk {

using namespace JsonSchema;

namespace {

// Past this many nested schemas a $ref is taken to loop without consuming the instance.
constexpr int MaximumDepth = 256;

} // namespace

bool SchemaEvaluator::check(const QJsonValue &schema, const Document &document, const QJsonValue &instance,
                            const QString &pointer, QList<SchemaError> &errors, QSet<QString> &evaluated,
                            int depth) const
{
    if (schema.isBool()) {
        if (schema.toBool())
            return true;
        errors.append({pointer, u"no value is allowed here"_s});
        return false;
    }
    if (!schema.isObject())
        return true;
    if (depth > MaximumDepth) {
        errors.append({pointer, u"the schema nests too deeply here (a $ref that loops?)"_s});
        return false;
    }
    const QJsonObject object = schema.toObject();
    const Frame frame{object, document, instance, pointer, errors, evaluated, depth};
    bool ok = true;
    if (object.contains("$ref"_L1)) {
        ok = checkReference(frame);
        if (document.draft <= Draft::V7) // up to draft 7 a $ref stands for the whole schema
            return ok;
    }
    ok = checkGeneral(frame) && ok;
    if (instance.isString())
        ok = checkString(frame) && ok;
    else if (instance.isDouble())
        ok = checkNumber(frame) && ok;
    else if (instance.isArray())
        ok = checkArray(frame) && ok;
    else if (instance.isObject())
        ok = checkObject(frame) && ok;
    ok = checkCombinations(frame) && ok;
    if (instance.isObject() && document.draft >= Draft::V2019)
        ok = checkUnevaluated(frame) && ok; // last: it needs what every other keyword evaluated
    return ok;
}

SchemaEvaluator::Resolved SchemaEvaluator::resolve(const QString &reference, const Document &from) const
{
    const qsizetype hash = reference.indexOf(u'#');
    const QString location = hash < 0 ? reference : reference.left(hash);
    const QString fragment =
        hash < 0 ? QString() : QUrl::fromPercentEncoding(reference.mid(hash + 1).toUtf8());
    const Document *document = &from;
    if (!location.isEmpty()) {
        const QString uri =
            from.key.isEmpty() ? location : QUrl(from.key).resolved(QUrl(location)).toString();
        if (documentKey(uri) != from.key)
            document = m_validator.document(uri);
        if (!document)
            return {};
    }
    QJsonValue node = document->root;
    if (fragment.isEmpty())
        return {node, document};
    if (!fragment.startsWith(u'/'))
        return {}; // a plain-name fragment ($anchor): no ninjs schema uses one
    const QStringList tokens = fragment.mid(1).split(u'/');
    for (QString token : tokens) {
        token.replace("~1"_L1, "/"_L1).replace("~0"_L1, "~"_L1);
        if (node.isObject() && node.toObject().contains(token)) {
            node = node.toObject().value(token);
            continue;
        }
        bool isIndex = false;
        const int index = token.toInt(&isIndex);
        if (!node.isArray() || !isIndex || index < 0 || index >= node.toArray().size())
            return {};
        node = node.toArray().at(index);
    }
    return {node, document};
}

bool SchemaEvaluator::checkReference(const Frame &frame) const
{
    const QString reference = frame.schema.value("$ref"_L1).toString();
    const Resolved target = resolve(reference, frame.document);
    if (!target.document)
        return fail(frame, u"the schema's $ref \"%1\" cannot be resolved"_s.arg(reference));
    QSet<QString> evaluated;
    const bool ok = check(target.schema, *target.document, frame.instance, frame.pointer, frame.errors,
                          evaluated, frame.depth + 1);
    // A failed $ref fails the whole schema anyway; keeping what it evaluated spares the reader a second
    // error for every property it knows ("not allowed here").
    frame.evaluated.unite(evaluated);
    return ok;
}

bool SchemaEvaluator::checkGeneral(const Frame &frame) const
{
    bool ok = true;
    const QJsonValue type = frame.schema.value("type"_L1);
    if (type.isString() || type.isArray()) {
        QStringList allowed;
        bool matches = false;
        const QJsonArray types = type.isArray() ? type.toArray() : QJsonArray{type};
        for (const QJsonValue &entry : types) {
            if (entry.isString()) {
                allowed.append(entry.toString());
                matches = matches || hasType(frame.instance, entry.toString());
            } else if (entry.isObject()) { // draft 03: a schema as one of the types
                QList<SchemaError> ignored;
                QSet<QString> evaluated;
                matches = matches || sub(frame, entry, frame.instance, frame.pointer, ignored, evaluated);
            }
        }
        if (!matches) {
            ok = fail(frame, u"is %1, but the schema wants %2"_s.arg(typeName(frame.instance),
                                                                     allowed.join(" or "_L1)));
        }
    }
    const QJsonValue enumeration = frame.schema.value("enum"_L1);
    if (enumeration.isArray()) {
        const QJsonArray values = enumeration.toArray();
        const bool found = std::any_of(values.begin(), values.end(), [&](const QJsonValue &value) {
            return jsonEqual(value, frame.instance);
        });
        if (!found) {
            ok = fail(frame, u"%1 is not one of the allowed values %2"_s.arg(compactJson(frame.instance),
                                                                             compactJson(enumeration)));
        }
    }
    if (frame.schema.contains("const"_L1) && !jsonEqual(frame.schema.value("const"_L1), frame.instance)) {
        ok = fail(frame, u"%1 is not the required value %2"_s.arg(
                             compactJson(frame.instance), compactJson(frame.schema.value("const"_L1))));
    }
    return ok;
}

bool SchemaEvaluator::checkString(const Frame &frame) const
{
    bool ok = true;
    const QString text = frame.instance.toString();
    const QJsonObject &schema = frame.schema;
    const qsizetype length = codePointCount(text);
    if (schema.value("minLength"_L1).isDouble() && length < schema.value("minLength"_L1).toDouble())
        ok = fail(frame, u"is shorter than %1 characters"_s.arg(schema.value("minLength"_L1).toInt()));
    if (schema.value("maxLength"_L1).isDouble() && length > schema.value("maxLength"_L1).toDouble())
        ok = fail(frame, u"is longer than %1 characters"_s.arg(schema.value("maxLength"_L1).toInt()));
    if (schema.value("pattern"_L1).isString()) {
        const QString source = schema.value("pattern"_L1).toString();
        const QRegularExpression expression = m_validator.pattern(source);
        if (!expression.isValid())
            ok = fail(frame, u"the schema's pattern %1 is not a valid regular expression"_s.arg(source));
        else if (!expression.match(text).hasMatch())
            ok = fail(frame, u"%1 does not match the pattern %2"_s.arg(compactJson(text), source));
    }
    if (m_validator.m_assertFormats && schema.value("format"_L1).isString()) {
        const QString format = schema.value("format"_L1).toString();
        if (!checkFormat(format, text))
            ok = fail(frame, u"%1 is not a valid %2"_s.arg(compactJson(text), format));
    }
    return ok;
}

bool SchemaEvaluator::checkNumber(const Frame &frame) const
{
    bool ok = true;
    const double number = frame.instance.toDouble();
    const QJsonObject &schema = frame.schema;
    const QJsonValue minimum = schema.value("minimum"_L1);
    const QJsonValue maximum = schema.value("maximum"_L1);
    const QJsonValue exclusiveMinimum = schema.value("exclusiveMinimum"_L1);
    const QJsonValue exclusiveMaximum = schema.value("exclusiveMaximum"_L1);
    if (minimum.isDouble()) {
        const bool exclusive = exclusiveMinimum.toBool(); // draft 04: a flag beside minimum
        if (exclusive ? number <= minimum.toDouble() : number < minimum.toDouble())
            ok = fail(frame, u"%1 is below the minimum %2"_s.arg(number).arg(minimum.toDouble()));
    }
    if (maximum.isDouble()) {
        const bool exclusive = exclusiveMaximum.toBool();
        if (exclusive ? number >= maximum.toDouble() : number > maximum.toDouble())
            ok = fail(frame, u"%1 is above the maximum %2"_s.arg(number).arg(maximum.toDouble()));
    }
    if (exclusiveMinimum.isDouble() && number <= exclusiveMinimum.toDouble())
        ok = fail(frame, u"%1 is not above %2"_s.arg(number).arg(exclusiveMinimum.toDouble()));
    if (exclusiveMaximum.isDouble() && number >= exclusiveMaximum.toDouble())
        ok = fail(frame, u"%1 is not below %2"_s.arg(number).arg(exclusiveMaximum.toDouble()));
    const QJsonValue multipleOf = schema.value("multipleOf"_L1);
    if (multipleOf.isDouble() && multipleOf.toDouble() > 0) {
        const double quotient = number / multipleOf.toDouble();
        if (std::fabs(quotient - std::round(quotient)) > 1e-9)
            ok = fail(frame, u"%1 is not a multiple of %2"_s.arg(number).arg(multipleOf.toDouble()));
    }
    return ok;
}

bool SchemaEvaluator::checkArray(const Frame &frame) const
{
    bool ok = true;
    const QJsonArray items = frame.instance.toArray();
    const QJsonObject &schema = frame.schema;
    if (schema.value("minItems"_L1).isDouble() && items.size() < schema.value("minItems"_L1).toDouble())
        ok = fail(frame, u"has fewer than %1 items"_s.arg(schema.value("minItems"_L1).toInt()));
    if (schema.value("maxItems"_L1).isDouble() && items.size() > schema.value("maxItems"_L1).toDouble())
        ok = fail(frame, u"has more than %1 items"_s.arg(schema.value("maxItems"_L1).toInt()));
    if (schema.value("uniqueItems"_L1).toBool()) {
        for (qsizetype i = 0; i < items.size(); ++i) {
            for (qsizetype j = i + 1; j < items.size(); ++j) {
                if (jsonEqual(items.at(i), items.at(j))) {
                    ok = fail(frame, u"items %1 and %2 are equal, but items must be unique"_s.arg(i).arg(j));
                    i = items.size();
                    break;
                }
            }
        }
    }

    // A tuple (prefixItems, or draft 04-2019's array form of items) then one schema for the rest.
    QJsonArray tuple;
    QJsonValue rest;
    if (schema.value("prefixItems"_L1).isArray()) {
        tuple = schema.value("prefixItems"_L1).toArray();
        rest = schema.value("items"_L1);
    } else if (schema.value("items"_L1).isArray()) {
        tuple = schema.value("items"_L1).toArray();
        rest = schema.value("additionalItems"_L1);
    } else {
        rest = schema.value("items"_L1);
    }
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue itemSchema = i < tuple.size() ? tuple.at(i) : rest;
        if (itemSchema.isUndefined())
            continue;
        QSet<QString> evaluated;
        ok = sub(frame, itemSchema, items.at(i), frame.pointer + u'/' + QString::number(i), frame.errors,
                 evaluated) &&
             ok;
    }

    const QJsonValue contains = schema.value("contains"_L1);
    if (!contains.isUndefined()) {
        bool found = false;
        for (qsizetype i = 0; i < items.size() && !found; ++i) {
            QList<SchemaError> ignored;
            QSet<QString> evaluated;
            found = sub(frame, contains, items.at(i), frame.pointer, ignored, evaluated);
        }
        if (!found)
            ok = fail(frame, u"has no item that matches the schema of \"contains\""_s);
    }
    return ok;
}

bool SchemaEvaluator::checkObject(const Frame &frame) const
{
    bool ok = true;
    const QJsonObject object = frame.instance.toObject();
    const QJsonObject &schema = frame.schema;
    const QJsonArray required = schema.value("required"_L1).toArray();
    for (const QJsonValue &name : required) {
        if (name.isString() && !object.contains(name.toString()))
            ok = fail(frame, u"lacks the required property \"%1\""_s.arg(name.toString()));
    }
    if (schema.value("minProperties"_L1).isDouble() &&
        object.size() < schema.value("minProperties"_L1).toDouble())
        ok = fail(frame, u"has fewer than %1 properties"_s.arg(schema.value("minProperties"_L1).toInt()));
    if (schema.value("maxProperties"_L1).isDouble() &&
        object.size() > schema.value("maxProperties"_L1).toDouble())
        ok = fail(frame, u"has more than %1 properties"_s.arg(schema.value("maxProperties"_L1).toInt()));

    const QJsonObject properties = schema.value("properties"_L1).toObject();
    const QJsonObject patternProperties = schema.value("patternProperties"_L1).toObject();
    const QJsonValue additional = schema.value("additionalProperties"_L1);
    if (frame.document.draft == Draft::V3) { // draft 03 marks required properties inside their own schema
        for (auto it = properties.begin(); it != properties.end(); ++it) {
            if (it.value().toObject().value("required"_L1).toBool() && !object.contains(it.key()))
                ok = fail(frame, u"lacks the required property \"%1\""_s.arg(it.key()));
        }
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const QString pointer = frame.pointer + u'/' + JsonSchemaValidator::pointerToken(key);
        bool known = false;
        QSet<QString> evaluated;
        if (properties.contains(key)) {
            known = true;
            ok = sub(frame, properties.value(key), it.value(), pointer, frame.errors, evaluated) && ok;
        }
        for (auto pattern = patternProperties.begin(); pattern != patternProperties.end(); ++pattern) {
            const QRegularExpression expression = m_validator.pattern(pattern.key());
            if (!expression.isValid() || !expression.match(key).hasMatch())
                continue;
            known = true;
            ok = sub(frame, pattern.value(), it.value(), pointer, frame.errors, evaluated) && ok;
        }
        if (!known && !additional.isUndefined()) {
            known = true;
            if (additional.isBool() && !additional.toBool())
                ok = fail(frame, u"the property \"%1\" is not allowed here"_s.arg(key), key);
            else
                ok = sub(frame, additional, it.value(), pointer, frame.errors, evaluated) && ok;
        }
        if (known)
            frame.evaluated.insert(key);
    }

    const QJsonValue propertyNames = schema.value("propertyNames"_L1);
    if (!propertyNames.isUndefined()) {
        for (auto it = object.begin(); it != object.end(); ++it) {
            QSet<QString> evaluated;
            ok =
                sub(frame, propertyNames, QJsonValue(it.key()), frame.pointer, frame.errors, evaluated) && ok;
        }
    }
    return checkDependencies(frame) && ok;
}

bool SchemaEvaluator::checkDependencies(const Frame &frame) const
{
    bool ok = true;
    const QJsonObject object = frame.instance.toObject();
    // draft 04-07 "dependencies" holds both forms that 2019-09 split into dependentRequired/Schemas.
    for (const QLatin1StringView keyword :
         {"dependencies"_L1, "dependentRequired"_L1, "dependentSchemas"_L1}) {
        const QJsonObject dependencies = frame.schema.value(keyword).toObject();
        for (auto it = dependencies.begin(); it != dependencies.end(); ++it) {
            if (!object.contains(it.key()))
                continue;
            if (it.value().isArray() || it.value().isString()) {
                const QJsonArray names = it.value().isArray() ? it.value().toArray() : QJsonArray{it.value()};
                for (const QJsonValue &name : names) {
                    if (!object.contains(name.toString())) {
                        ok = fail(frame, u"has \"%1\" but lacks \"%2\", which goes with it"_s.arg(
                                             it.key(), name.toString()));
                    }
                }
            } else {
                QSet<QString> evaluated;
                if (subHere(frame, it.value(), evaluated))
                    frame.evaluated.unite(evaluated);
                else
                    ok = false;
            }
        }
    }
    return ok;
}

bool SchemaEvaluator::checkAlternatives(const Frame &frame, const QJsonArray &schemas, bool exactlyOne) const
{
    int matches = 0;
    QSet<QString> matchedEvaluated;
    QList<SchemaError> closest; // the errors of the alternative that came nearest, to say what is wrong
    bool haveClosest = false;
    for (const QJsonValue &schema : schemas) {
        QList<SchemaError> errors;
        QSet<QString> evaluated;
        if (sub(frame, schema, frame.instance, frame.pointer, errors, evaluated)) {
            ++matches;
            matchedEvaluated.unite(evaluated);
        } else if (!haveClosest || errors.size() < closest.size()) {
            closest = errors;
            haveClosest = true;
        }
    }
    const QString keyword = exactlyOne ? u"oneOf"_s : u"anyOf"_s;
    if (matches == 0) {
        fail(frame, u"matches none of the %1 schemas of %2"_s.arg(schemas.size()).arg(keyword));
        frame.errors.append(closest);
        return false;
    }
    if (exactlyOne && matches > 1)
        return fail(frame,
                    u"matches %1 of the schemas of oneOf, where exactly one must match"_s.arg(matches));
    frame.evaluated.unite(matchedEvaluated);
    return true;
}

bool SchemaEvaluator::checkCombinations(const Frame &frame) const
{
    bool ok = true;
    const QJsonObject &schema = frame.schema;
    QJsonArray all = schema.value("allOf"_L1).toArray();
    const QJsonValue extends = schema.value("extends"_L1); // draft 03's allOf
    if (extends.isObject())
        all.append(extends);
    else if (extends.isArray())
        all += extends.toArray();
    for (const QJsonValue &subschema : std::as_const(all)) {
        QSet<QString> evaluated;
        ok = subHere(frame, subschema, evaluated) && ok;
        frame.evaluated.unite(evaluated); // as with $ref: a failure here fails the schema anyway
    }
    if (schema.value("anyOf"_L1).isArray())
        ok = checkAlternatives(frame, schema.value("anyOf"_L1).toArray(), false) && ok;
    if (schema.value("oneOf"_L1).isArray())
        ok = checkAlternatives(frame, schema.value("oneOf"_L1).toArray(), true) && ok;
    if (schema.contains("not"_L1)) {
        QList<SchemaError> ignored;
        QSet<QString> evaluated;
        if (sub(frame, schema.value("not"_L1), frame.instance, frame.pointer, ignored, evaluated))
            ok = fail(frame, u"matches the schema of \"not\", which it must not"_s);
    }
    if (schema.contains("if"_L1)) {
        QList<SchemaError> ignored;
        QSet<QString> evaluated;
        const bool condition =
            sub(frame, schema.value("if"_L1), frame.instance, frame.pointer, ignored, evaluated);
        if (condition)
            frame.evaluated.unite(evaluated);
        const QJsonValue branch = schema.value(condition ? "then"_L1 : "else"_L1);
        QSet<QString> branchEvaluated;
        if (!branch.isUndefined() && !subHere(frame, branch, branchEvaluated))
            ok = false;
        frame.evaluated.unite(branchEvaluated);
    }
    return ok;
}

bool SchemaEvaluator::checkUnevaluated(const Frame &frame) const
{
    const QJsonValue unevaluated = frame.schema.value("unevaluatedProperties"_L1);
    if (unevaluated.isUndefined())
        return true;
    bool ok = true;
    const QJsonObject object = frame.instance.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (frame.evaluated.contains(it.key()))
            continue;
        if (unevaluated.isBool() && !unevaluated.toBool()) {
            ok = fail(frame, u"the property \"%1\" is not allowed here"_s.arg(it.key()), it.key());
        } else {
            QSet<QString> evaluated;
            ok = sub(frame, unevaluated, it.value(),
                     frame.pointer + u'/' + JsonSchemaValidator::pointerToken(it.key()), frame.errors,
                     evaluated) &&
                 ok;
        }
        frame.evaluated.insert(it.key());
    }
    return ok;
}

} // namespace Copydesk
