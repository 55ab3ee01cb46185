#include "jsonschemaevaluator.h"

#include <QDate>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Copydesk::JsonSchema {

Draft draftOf(const QJsonObject &root)
{
    const QString uri = root.value("$schema"_L1).toString();
    if (uri.contains("draft-03"_L1))
        return Draft::V3;
    if (uri.contains("draft-04"_L1))
        return Draft::V4;
    if (uri.contains("draft-06"_L1))
        return Draft::V6;
    if (uri.contains("draft-07"_L1))
        return Draft::V7;
    if (uri.contains("2019-09"_L1))
        return Draft::V2019;
    return Draft::V2020; // undeclared: the current draft
}

QString documentKey(const QString &uri)
{
    const qsizetype hash = uri.indexOf(u'#');
    return hash < 0 ? uri : uri.left(hash);
}

QString idOf(const QJsonObject &root)
{
    const QJsonValue id = root.value("$id"_L1);
    return id.isString() ? id.toString() : root.value("id"_L1).toString(); // draft 04 and before: "id"
}

bool isInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    return std::isfinite(number) && std::floor(number) == number;
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return isInteger(value) ? u"an integer"_s : u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"undefined"_s;
}

bool hasType(const QJsonValue &value, const QString &type)
{
    if (type == "any"_L1)
        return true;
    if (type == "integer"_L1)
        return isInteger(value);
    if (type == "number"_L1)
        return value.isDouble();
    if (type == "string"_L1)
        return value.isString();
    if (type == "boolean"_L1)
        return value.isBool();
    if (type == "object"_L1)
        return value.isObject();
    if (type == "array"_L1)
        return value.isArray();
    if (type == "null"_L1)
        return value.isNull();
    return false;
}

bool jsonEqual(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    if (a.type() != b.type())
        return false;
    if (a.isArray()) {
        const QJsonArray left = a.toArray();
        const QJsonArray right = b.toArray();
        if (left.size() != right.size())
            return false;
        for (qsizetype i = 0; i < left.size(); ++i) {
            if (!jsonEqual(left.at(i), right.at(i)))
                return false;
        }
        return true;
    }
    if (a.isObject()) {
        const QJsonObject left = a.toObject();
        const QJsonObject right = b.toObject();
        if (left.size() != right.size())
            return false;
        for (auto it = left.begin(); it != left.end(); ++it) {
            if (!right.contains(it.key()) || !jsonEqual(it.value(), right.value(it.key())))
                return false;
        }
        return true;
    }
    return a == b;
}

QString compactJson(const QJsonValue &value)
{
    QString text = QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
    text = text.mid(1, text.size() - 2);
    return text.size() > 80 ? text.left(77) + u"..."_s : text;
}

qsizetype codePointCount(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate()))
            ++count;
    }
    return count;
}

namespace {

bool isDate(int year, int month, int day)
{
    return QDate::isValid(year, month, day);
}

// RFC 3339 date-time, the form JSON Schema's "date-time" names.
bool isDateTime(const QString &text)
{
    static const QRegularExpression form(
        u"^(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?"
        "([Zz]|[+-](\\d{2}):(\\d{2}))$"_s);
    const QRegularExpressionMatch m = form.match(text);
    if (!m.hasMatch())
        return false;
    const auto number = [&m](int group) {
        return m.captured(group).toInt();
    };
    return isDate(number(1), number(2), number(3)) && number(4) <= 23 && number(5) <= 59 && number(6) <= 60 &&
           (m.captured(9).isEmpty() || (number(9) <= 23 && number(10) <= 59));
}

} // namespace

bool checkFormat(const QString &format, const QString &text)
{
    if (format == "date-time"_L1)
        return isDateTime(text);
    if (format == "date"_L1) {
        static const QRegularExpression form(u"^(\\d{4})-(\\d{2})-(\\d{2})$"_s);
        const QRegularExpressionMatch m = form.match(text);
        return m.hasMatch() && isDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    }
    if (format == "time"_L1)
        return isDateTime(u"2000-01-01T"_s + text);
    if (format == "uri"_L1) {
        // Loosely: a scheme, then no white space or characters that URIs never hold unescaped.
        static const QRegularExpression form(u"^[A-Za-z][A-Za-z0-9+.\\-]*:[^\\s<>\"{}|\\\\^`]*$"_s);
        return form.match(text).hasMatch();
    }
    if (format == "uri-reference"_L1) {
        static const QRegularExpression form(u"^[^\\s<>\"{}|\\\\^`]*$"_s);
        return form.match(text).hasMatch();
    }
    if (format == "email"_L1) {
        const qsizetype at = text.indexOf(u'@');
        return at > 0 && at < text.size() - 1;
    }
    return true; // formats nobody asked us to know are annotations
}

} // namespace Copydesk::JsonSchema
