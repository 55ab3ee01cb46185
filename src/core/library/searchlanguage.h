#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

namespace Copydesk {

// What a person types into the search field (and `copydesk search`), read as the search language:
//   words            every one must be there ("sanctions minsk")
//   "exact phrase"   the words in that order
//   prefix*          words that start so (the last word typed is a prefix too, for search as you type,
//                    unless the library has it as a word: see typingTerm)
//   -word, -"phrase" must not be there; -tag:x and the other filters can be negated too
//   a OR b           either (OR binds the words beside it: "minsk moscow OR kyiv" is minsk and either city)
//   headline:  by:  quote: (text or speaker)  credit: (pictures' captions and credits)   in those fields
//   section:  tag:  status:  source:          the article's section, tag, status, source name or address
//   before:2024-05-01  after:2024-05-01       by the article's date (published, else created)
// Accents and case never matter; "ё" is "е". Bad syntax never reaches SQL: what can be read is searched
// and hint says, in a few words, what was not understood.
struct SearchLanguage
{
    QString match; // FTS5 expression for the wanted text; empty: no text condition
    // The same, with the word still being typed as the word itself: what matches is ranked by it (bm25 of
    // a short prefix merges thousands of words for every article and takes a second).
    QString rankMatch;
    QStringList excludedMatches; // FTS5 expressions an article must not match (when there is no match)
    QStringList sections, tags, statuses, sources;
    QStringList notSections, notTags, notStatuses, notSources;
    QDate before; // exclusive
    QDate after;  // inclusive of the day after: "after:2024-05-01" is from 2 May
    QString hint;
    // The last word, when it is still being typed (no space after it), as an FTS5 query of that word
    // alone; empty when there is none. Whoever can look it up in the library decides whether it is a
    // word the library has (then it is searched as that word) or part of one (then as a prefix).
    QString typingTerm;

    enum class TypingWord
    {
        Undecided, // not looked up yet: read as a prefix (ArticleRepository::settled() decides)
        AsPrefix,  // the word still being typed matches the words that start with it
        AsWord,    // it is a whole word: matched as any other (and its forms, through the stemmed index)
    };

    bool hasTextCondition() const { return !match.isEmpty() || !excludedMatches.isEmpty(); }
    bool isEmpty() const;

    static SearchLanguage parse(const QString &text, TypingWord typingWord = TypingWord::Undecided);
};

} // namespace Copydesk
