#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class Hunspell;

namespace Copydesk {

// A word in a text: where it starts and how long it is.
struct WordSpan
{
    qsizetype start = 0;
    qsizetype length = 0;
    friend bool operator==(const WordSpan &, const WordSpan &) = default;
};

// One language's Hunspell dictionary. Loading a large dictionary takes a moment (Ukrainian: about half a
// second), so callers load it off the GUI thread (load()) and then use it on one thread only: Hunspell is
// not thread-safe.
class SpellChecker final
{
public:
    ~SpellChecker();
    SpellChecker(const SpellChecker &) = delete;
    SpellChecker &operator=(const SpellChecker &) = delete;

    // The dictionary for a language tag ("en", "en-GB", "ru", "uk", "be"), or null when none is installed.
    static std::unique_ptr<SpellChecker> load(const QString &language);
    // The language to check an article in: the one it declares, else a guess from its text's script
    // (Cyrillic: Ukrainian, Belarusian or Russian by their own letters), else the system's language when
    // a dictionary is installed for it, else English.
    static QString languageFor(const QString &declared, const QString &sampleText);
    // The .aff file that load() would use (the .dic beside it), or empty.
    static QString dictionaryFor(const QString &language);
    // Where dictionaries are looked for: $COPYDESK_DICTIONARY_PATH (colon-separated), then the system's.
    static QStringList dictionaryDirectories();
    // The languages with an installed dictionary, as the .aff files name them ("en_US", "ru_RU"...).
    static QStringList installedDictionaries();

    QString dictionaryName() const { return m_name; } // "en_US"

    bool isCorrect(const QString &word) const;
    QStringList suggestions(const QString &word, int maximum = 8) const;
    // Accepts the word from now on (the personal dictionary's words are added so).
    void addWord(const QString &word);

    // The words of a text worth checking: runs of letters (with inner apostrophes), without those in web
    // or e-mail addresses, with digits, in capitals (acronyms), or single letters.
    static QList<WordSpan> wordsToCheck(const QString &text);

private:
    SpellChecker() = default;
    bool spell(const QString &word) const;

    std::unique_ptr<Hunspell> m_hunspell;
    QString m_name;
    mutable QHash<QString, bool> m_known; // words repeat: a body of 1,500 words has about 600 different ones
};

} // namespace Copydesk
