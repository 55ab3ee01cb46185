#pragma once

#include <model/article.h>

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Copydesk {

// What changed between two versions of an article: the body word by word (through dtl, the diff template
// library), and the fields, quotes and picture credits that differ, named.
struct ArticleDiff
{
    struct Piece
    {
        enum class Kind
        {
            Same,
            Added,
            Removed
        };
        Kind kind = Kind::Same;
        QString text; // words with the white space between them
    };
    struct FieldChange
    {
        QString field; // "headline", "standfirst", "byline", ..., "quotes", "image 1 credit"
        QString before;
        QString after;
    };

    QList<Piece> body;
    QList<FieldChange> fields;
    int wordsAdded = 0;
    int wordsRemoved = 0;

    bool isEmpty() const { return wordsAdded == 0 && wordsRemoved == 0 && fields.isEmpty(); }
    // `copydesk diff --json`: {"words_added", "words_removed", "fields": [{"field", "before", "after"}],
    // "body": [{"op": "=" | "+" | "-", "text"}]}.
    QJsonObject toJson() const;
    // The body with <ins> and <del> marks, for the history panel; the text is escaped.
    QString bodyHtml() const;

    static ArticleDiff between(const Article &before, const Article &after);
};

} // namespace Copydesk
