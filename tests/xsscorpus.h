#pragma once

// Reading the XSS vector collections in ../shared/corpora/xss (DOMPurify's expect.mjs, H5SC's items.js),
// shared by the sanitizer's test and the end-to-end preview and export test.

#include "testsupport.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace XssCorpus {

using namespace Qt::StringLiterals;

// ---- Reading the corpora ---------------------------------------------------------------------------------

// Reads JavaScript source just far enough to find the string values stored under one key
// ({key: '...'} or {"key": "..."}), skipping comments and the content of other strings.
class JsStringReader
{
public:
    explicit JsStringReader(const QString &source)
        : m_source(source)
    {}

    QStringList valuesOf(const QString &key)
    {
        QStringList values;
        m_pos = 0;
        for (skipSpaceAndComments(); m_pos < m_source.size(); skipSpaceAndComments()) {
            QString token;
            if (isQuote(peek()))
                token = readString();
            else if (isIdentifierCharacter(peek()))
                token = readIdentifier();
            else {
                ++m_pos;
                continue;
            }
            if (token != key)
                continue;
            skipSpaceAndComments();
            if (peek() != u':')
                continue;
            ++m_pos;
            skipSpaceAndComments();
            if (!isQuote(peek()))
                continue;
            QString value = readString();
            // 'a' + 'b' concatenations
            for (;;) {
                const qsizetype save = m_pos;
                skipSpaceAndComments();
                if (peek() == u'+') {
                    ++m_pos;
                    skipSpaceAndComments();
                    if (isQuote(peek())) {
                        value += readString();
                        continue;
                    }
                }
                m_pos = save;
                break;
            }
            values.append(value);
        }
        return values;
    }

private:
    QChar peek(qsizetype offset = 0) const
    {
        return m_pos + offset < m_source.size() ? m_source.at(m_pos + offset) : QChar();
    }

    static bool isQuote(QChar c) { return c == u'"' || c == u'\'' || c == u'`'; }

    static bool isIdentifierCharacter(QChar c) { return c.isLetterOrNumber() || c == u'_' || c == u'$'; }

    void skipSpaceAndComments()
    {
        while (m_pos < m_source.size()) {
            if (m_source.at(m_pos).isSpace()) {
                ++m_pos;
            } else if (peek() == u'/' && peek(1) == u'/') {
                while (m_pos < m_source.size() && m_source.at(m_pos) != u'\n')
                    ++m_pos;
            } else if (peek() == u'/' && peek(1) == u'*') {
                const qsizetype end = m_source.indexOf(u"*/"_s, m_pos + 2);
                m_pos = end < 0 ? m_source.size() : end + 2;
            } else {
                return;
            }
        }
    }

    QString readIdentifier()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_source.size() && isIdentifierCharacter(m_source.at(m_pos)))
            ++m_pos;
        return m_source.mid(start, m_pos - start);
    }

    int readHex(int maxDigits)
    {
        int value = 0;
        int digits = 0;
        while (digits < maxDigits && m_pos < m_source.size()) {
            const int digit = QStringView(m_source).mid(m_pos, 1).toInt(nullptr, 16);
            if (!isHexDigit(m_source.at(m_pos)))
                break;
            value = value * 16 + digit;
            ++m_pos;
            ++digits;
        }
        return value;
    }

    static bool isHexDigit(QChar c)
    {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    }

    // A string literal with the escapes of (sloppy-mode) JavaScript.
    QString readString()
    {
        const QChar quote = m_source.at(m_pos++);
        QString value;
        while (m_pos < m_source.size()) {
            const QChar c = m_source.at(m_pos++);
            if (c == quote)
                break;
            if (c != u'\\') {
                value += c;
                continue;
            }
            if (m_pos >= m_source.size())
                break;
            const QChar e = m_source.at(m_pos++);
            switch (e.unicode()) {
            case u'n':
                value += u'\n';
                break;
            case u't':
                value += u'\t';
                break;
            case u'r':
                value += u'\r';
                break;
            case u'b':
                value += u'\b';
                break;
            case u'f':
                value += u'\f';
                break;
            case u'v':
                value += u'\v';
                break;
            case u'x':
                value += QChar(char16_t(readHex(2)));
                break;
            case u'u': {
                char32_t code = 0;
                if (peek() == u'{') {
                    ++m_pos;
                    code = char32_t(readHex(6));
                    if (peek() == u'}')
                        ++m_pos;
                } else {
                    code = char32_t(readHex(4));
                }
                value += QString::fromUcs4(&code, 1);
                break;
            }
            case u'\r':
                if (peek() == u'\n')
                    ++m_pos;
                break;
            case u'\n':
            case u'\u2028':
            case u'\u2029':
                break; // line continuation
            default:
                if (e >= u'0' && e <= u'7') { // legacy octal, \0 included
                    int code = e.unicode() - u'0';
                    const int maxMore = e <= u'3' ? 2 : 1;
                    for (int i = 0; i < maxMore && peek() >= u'0' && peek() <= u'7'; ++i)
                        code = code * 8 + (m_source.at(m_pos++).unicode() - u'0');
                    value += QChar(char16_t(code));
                } else {
                    value += e;
                }
            }
        }
        return value;
    }

    QString m_source;
    qsizetype m_pos = 0;
};

inline QString readTextFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

inline QString xssDir()
{
    return sharedDir() + u"/corpora/xss"_s;
}

// cure53/DOMPurify's test/fixtures/expect.mjs: "export default [ {title, payload, expected}, ... ];"
inline QStringList dompurifyPayloads(const QString &source)
{
    QString body = source.trimmed();
    if (body.startsWith(u"export default"_s))
        body.remove(0, 14);
    body = body.trimmed();
    if (body.endsWith(u';'))
        body.chop(1);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body.toUtf8(), &error);
    if (error.error == QJsonParseError::NoError && document.isArray()) {
        QStringList payloads;
        const QJsonArray items = document.array();
        for (const QJsonValue &item : items)
            payloads.append(item.toObject().value("payload"_L1).toString());
        return payloads;
    }
    // The file is a JavaScript module rather than strict JSON (trailing commas).
    return JsStringReader(source).valuesOf(u"payload"_s);
}

// cure53/H5SC's items.js: a UMD module returning [{id, name, data, ...}], where data holds placeholders such
// as %js_alert% that the cheat sheet fills in before use.
inline QStringList h5scPayloads(const QString &source)
{
    static const QHash<QString, QString> placeholders = {
        {u"js_alert"_s, u"alert(1)"_s},
        {u"js_alert_only"_s, u"alert"_s},
        {u"js_uri_alert"_s, u"javascript:alert(1)"_s},
        {u"js_alert_entities"_s, u"&#x61;&#x6c;&#x65;&#x72;&#x74;&#x28;&#x31;&#x29;"_s},
        {u"html_alert_encoded"_s, u"&lt;img src=x onerror=alert(1)&gt;"_s},
        {u"js_alert_template"_s, u"alert`1`"_s},
        {u"js_esc_template"_s, u"\\u0061lert`1`"_s},
        {u"js_write"_s, u"document.write(1)"_s},
        {u"js_focus"_s, u"alert(1)"_s},
    };
    static const QRegularExpression placeholder(u"%([a-z_]+)%"_s);
    QStringList payloads = JsStringReader(source).valuesOf(u"data"_s);
    for (QString &payload : payloads) {
        QString filled;
        qsizetype last = 0;
        for (const QRegularExpressionMatch &match : placeholder.globalMatch(payload)) {
            const QString name = match.captured(1);
            QString value;
            if (placeholders.contains(name))
                value = placeholders.value(name);
            else if (name.endsWith(u"_path"_s))
                value = u"https://attacker.invalid/"_s + name;
            else
                continue;
            filled += payload.mid(last, match.capturedStart() - last) + value;
            last = match.capturedEnd();
        }
        payload = filled + payload.mid(last);
    }
    return payloads;
}

} // namespace XssCorpus
