#pragma once

#include <model/article.h>

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Copydesk {

// One slip, where it is and, where a fix is safe, what it should be.
struct CopyFinding
{
    QString kind;         // "missing_space_after_sentence_end", "space_before_closing_quote", ...
    QString field;        // "body", "headline", "standfirst", "image 1", "quote 2"
    qsizetype offset = 0; // in the field's text (the body's plain text, paragraphs joined by blank lines)
    qsizetype length = 0;
    QString excerpt; // the words around it, as printed
    QString fix;     // what replaces [offset, offset + length) to fix it; empty when no fix is safe
    bool hasFix = false;
    QString message; // for a person

    QJsonObject toJson() const; // `copydesk check --json`: kind, field, offset, length, excerpt, fix, message
};

// The checks a copy desk runs before a piece goes out. Decimals, times, web and e-mail addresses,
// abbreviations ("U.S.", "Mr."), initials and ellipses are not findings. Findings come in reading order:
// headline, standfirst, body, then quotes and pictures.
namespace CopyCheck {

inline constexpr int DefaultHeadlineTarget = 70;

QList<CopyFinding> check(const Article &article, int headlineTarget = DefaultHeadlineTarget);
// The body text's checks alone (what the seed's expectations list).
QList<CopyFinding> checkText(const QString &text, const QString &field, const QString &language);

} // namespace CopyCheck
} // namespace Copydesk
