#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace Copydesk {

// The words a person added ("Add to Dictionary"): names, places and the paper's own words. Kept in a text
// file beside the library, one word per line in UTF-8, so that it travels with the library and can be
// edited by hand. Written whole through QSaveFile: a crash leaves the old list or the new one.
class PersonalDictionary final
{
public:
    PersonalDictionary() = default;
    explicit PersonalDictionary(const QString &path);

    // "…/library.sqlite" -> "…/library-dictionary.txt"
    static QString pathBeside(const QString &libraryPath);

    QString path() const { return m_path; }
    QStringList words() const; // sorted
    bool contains(const QString &word) const { return m_words.contains(word); }
    // Adds the word and writes the file; false (with the reason in errorString()) when it cannot be written.
    bool add(const QString &word);
    bool remove(const QString &word);
    // Reads the file again (another window or a person may have changed it).
    void reload();
    QString errorString() const { return m_error; }

private:
    bool save();

    QString m_path;
    QSet<QString> m_words;
    QString m_error;
};

} // namespace Copydesk
