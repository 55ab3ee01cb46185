#include <spelling/personaldictionary.h>

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Copydesk {

PersonalDictionary::PersonalDictionary(const QString &path)
    : m_path(path)
{
    reload();
}

QString PersonalDictionary::pathBeside(const QString &libraryPath)
{
    const QFileInfo library(libraryPath);
    return library.path() + u'/' + library.completeBaseName() + u"-dictionary.txt"_s;
}

QStringList PersonalDictionary::words() const
{
    QStringList list(m_words.cbegin(), m_words.cend());
    // As a person reads a word list: case aside, whatever the process's locale.
    std::sort(list.begin(), list.end(), [](const QString &a, const QString &b) {
        const int folded = a.compare(b, Qt::CaseInsensitive);
        return folded != 0 ? folded < 0 : a < b;
    });
    return list;
}

void PersonalDictionary::reload()
{
    m_words.clear();
    QFile file(m_path);
    if (m_path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        const QString word = line.trimmed();
        if (!word.isEmpty() && !word.startsWith(u'#'))
            m_words.insert(word);
    }
}

bool PersonalDictionary::add(const QString &word)
{
    const QString trimmed = word.trimmed();
    if (trimmed.isEmpty() || trimmed.contains(u'\n'))
        return false;
    if (m_words.contains(trimmed))
        return true;
    m_words.insert(trimmed);
    if (save())
        return true;
    m_words.remove(trimmed);
    return false;
}

bool PersonalDictionary::remove(const QString &word)
{
    if (!m_words.remove(word.trimmed()))
        return true;
    if (save())
        return true;
    m_words.insert(word.trimmed());
    return false;
}

bool PersonalDictionary::save()
{
    if (m_path.isEmpty()) {
        m_error = u"No library, so nowhere to keep the dictionary"_s;
        return false;
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = u"%1: %2"_s.arg(m_path, file.errorString());
        return false;
    }
    file.write(words().join(u'\n').toUtf8() + '\n');
    if (!file.commit()) {
        m_error = u"%1: %2"_s.arg(m_path, file.errorString());
        return false;
    }
    m_error.clear();
    return true;
}

} // namespace Copydesk
