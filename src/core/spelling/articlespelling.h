#pragma once

#include <model/article.h>
#include <spelling/spellchecker.h>

#include <QJsonObject>
#include <QSet>

namespace Copydesk {

class PersonalDictionary;

// The people an article names in its byline and as its quotes' speakers: proper names a dictionary does not
// know and must not flag. Inflected forms count too ("Makei's"; Russian "Макея", "Макею" for "Макей").
class ArticleNames final
{
public:
    ArticleNames() = default;
    explicit ArticleNames(const Article &article);
    void setNames(const QStringList &namesAndBylines);

    bool contains(const QString &word) const;
    bool isEmpty() const { return m_words.isEmpty(); }

private:
    QSet<QString> m_words;
};

// A word the dictionary does not know, where it is.
struct SpellingFinding
{
    QString field; // "headline", "standfirst", "body", "quote 2", "image 1"
    qsizetype offset = 0;
    qsizetype length = 0;
    QString word;
    QStringList suggestions;

    QJsonObject toJson() const; // `copydesk spell --json`: field, offset, length, word, suggestions
};

namespace ArticleSpelling {

// Whether the checker, the personal dictionary and the article's names all say the word is wrong.
bool isMisspelled(const QString &word, const SpellChecker &checker, const PersonalDictionary *personal,
                  const ArticleNames &names);

// The misspelled words of a text (code and addresses excluded by the caller or wordsToCheck()).
QList<SpellingFinding> checkText(const QString &text, const QString &field, const SpellChecker &checker,
                                 const PersonalDictionary *personal, const ArticleNames &names,
                                 int suggestions = 5);

// The article's headline, standfirst, body (its code left out), quotes and captions, in reading order.
QList<SpellingFinding> check(const Article &article, const SpellChecker &checker,
                             const PersonalDictionary *personal, int suggestions = 5);

} // namespace ArticleSpelling
} // namespace Copydesk
