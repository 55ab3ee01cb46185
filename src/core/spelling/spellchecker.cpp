#include <spelling/spellchecker.h>

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QTextBoundaryFinder>

#include <hunspell.hxx>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

// The region each language's dictionary is most often installed for, tried first.
QString preferredRegion(const QString &language)
{
    static const QHash<QString, QString> regions = {
        {u"en"_s, u"US"_s}, {u"ru"_s, u"RU"_s}, {u"uk"_s, u"UA"_s}, {u"be"_s, u"BY"_s}, {u"de"_s, u"DE"_s},
        {u"fr"_s, u"FR"_s}, {u"pl"_s, u"PL"_s}, {u"es"_s, u"ES"_s}, {u"it"_s, u"IT"_s}, {u"cs"_s, u"CZ"_s},
    };
    return regions.value(language);
}

bool isInAddress(const QString &text, qsizetype start, qsizetype end)
{
    qsizetype from = start;
    while (from > 0 && !text.at(from - 1).isSpace())
        --from;
    qsizetype to = end;
    while (to < text.size() && !text.at(to).isSpace())
        ++to;
    const QStringView token = QStringView(text).sliced(from, to - from);
    return token.contains(u"://"_s) || token.contains(u'@') || token.startsWith(u"www."_s) ||
           token.contains(u".com"_s) || token.contains(u".org"_s);
}

} // namespace

SpellChecker::~SpellChecker() = default;

QStringList SpellChecker::dictionaryDirectories()
{
    QStringList directories;
    for (const QString &directory :
         qEnvironmentVariable("COPYDESK_DICTIONARY_PATH").split(u':', Qt::SkipEmptyParts))
        directories << directory;
    directories << u"/usr/share/hunspell"_s << u"/usr/share/myspell/dicts"_s << u"/usr/share/myspell"_s;
    return directories;
}

QStringList SpellChecker::installedDictionaries()
{
    QStringList names;
    for (const QString &directory : dictionaryDirectories()) {
        for (const QFileInfo &aff : QDir(directory).entryInfoList({u"*.aff"_s}, QDir::Files, QDir::Name)) {
            if (QFileInfo::exists(aff.path() + u'/' + aff.completeBaseName() + u".dic"_s) &&
                !names.contains(aff.completeBaseName()))
                names << aff.completeBaseName();
        }
    }
    return names;
}

QString SpellChecker::languageFor(const QString &declared, const QString &sampleText)
{
    if (!declared.trimmed().isEmpty())
        return declared.trimmed();
    int latin = 0;
    int cyrillic = 0;
    int ukrainian = 0;
    int belarusian = 0;
    for (const QChar c : QStringView(sampleText).left(4000)) {
        if (!c.isLetter())
            continue;
        if (c.script() == QChar::Script_Cyrillic) {
            ++cyrillic;
            const QChar lower = c.toLower();
            if (lower == u'ї' || lower == u'є' || lower == u'ґ')
                ++ukrainian;
            else if (lower == u'ў')
                ++belarusian;
            else if (lower == u'і')
                ++ukrainian, ++belarusian; // both write it; Russian does not
        } else if (c.script() == QChar::Script_Latin) {
            ++latin;
        }
    }
    if (cyrillic > latin)
        return belarusian > ukrainian ? u"be"_s : (ukrainian > 0 ? u"uk"_s : u"ru"_s);
    const QString system = QLocale::system().name();
    if (system != u"C"_s && !dictionaryFor(system).isEmpty())
        return system;
    return u"en"_s;
}

QString SpellChecker::dictionaryFor(const QString &language)
{
    // "en-GB" or "en_GB": that region; "en": the usual region, else any.
    QString tag = language.trimmed();
    tag.replace(u'-', u'_');
    const QString base = tag.section(u'_', 0, 0).toLower();
    if (base.isEmpty())
        return {};
    const QString region = tag.contains(u'_') ? tag.section(u'_', 1, 1).toUpper() : preferredRegion(base);
    QStringList candidates;
    if (!region.isEmpty())
        candidates << base + u'_' + region;
    candidates << base;
    const QStringList installed = installedDictionaries();
    for (const QString &name : installed) {
        if (name.startsWith(base + u'_'))
            candidates << name;
    }
    for (const QString &name : std::as_const(candidates)) {
        for (const QString &directory : dictionaryDirectories()) {
            const QString aff = directory + u'/' + name + u".aff"_s;
            if (QFileInfo::exists(aff) && QFileInfo::exists(directory + u'/' + name + u".dic"_s))
                return aff;
        }
    }
    return {};
}

std::unique_ptr<SpellChecker> SpellChecker::load(const QString &language)
{
    const QString aff = dictionaryFor(language);
    if (aff.isEmpty())
        return nullptr;
    const QFileInfo info(aff);
    const QString dic = info.path() + u'/' + info.completeBaseName() + u".dic"_s;
    std::unique_ptr<SpellChecker> checker(new SpellChecker);
    checker->m_hunspell =
        std::make_unique<Hunspell>(QFile::encodeName(aff).constData(), QFile::encodeName(dic).constData());
    // Debian's dictionaries are all UTF-8; one in a legacy encoding would need converting each word.
    const QString encoding = QString::fromStdString(checker->m_hunspell->get_dict_encoding()).toUpper();
    if (encoding != u"UTF-8"_s && encoding != u"UTF8"_s) {
        qWarning("Spelling: %s is in %s, not UTF-8; not used", qPrintable(aff), qPrintable(encoding));
        return nullptr;
    }
    checker->m_name = info.completeBaseName();
    return checker;
}

bool SpellChecker::spell(const QString &word) const
{
    return m_hunspell->spell(word.toStdString());
}

bool SpellChecker::isCorrect(const QString &word) const
{
    if (word.isEmpty())
        return true;
    const auto known = m_known.constFind(word);
    if (known != m_known.cend())
        return *known;
    bool correct = spell(word);
    if (!correct) {
        // The typographic apostrophe for the straight one the dictionaries use ("don’t", "м’ята"), a
        // possessive on a word that is right by itself, and "ё" written where Russian prints "е".
        QString variant = word;
        variant.replace(u'\u2019', u'\'');
        correct = (variant != word && spell(variant));
        if (!correct && (variant.endsWith(u"'s"_s) || variant.endsWith(u"'S"_s)))
            correct = spell(variant.chopped(2));
        if (!correct && (word.contains(u'ё') || word.contains(u'Ё'))) {
            variant.replace(u'ё', u'е').replace(u'Ё', u'Е');
            correct = spell(variant);
        }
    }
    m_known.insert(word, correct);
    return correct;
}

QStringList SpellChecker::suggestions(const QString &word, int maximum) const
{
    QStringList result;
    const auto take = [&result, maximum](const std::vector<std::string> &suggestions, bool capitalise) {
        for (const std::string &suggestion : suggestions) {
            if (result.size() >= maximum)
                return;
            QString text = QString::fromStdString(suggestion);
            if (capitalise && !text.isEmpty())
                text[0] = text.at(0).toUpper();
            if (!result.contains(text))
                result << text;
        }
    };
    // A capitalised slip is usually a sentence's first word: Hunspell ranks "The" 13th for "Teh" but first
    // for "teh", so the lower-case word's suggestions, capitalised, come first.
    const bool capitalised =
        word.size() > 1 && word.at(0).isUpper() && word.sliced(1) == word.sliced(1).toLower();
    if (capitalised)
        take(m_hunspell->suggest(word.toLower().toStdString()), true);
    take(m_hunspell->suggest(word.toStdString()), false);
    return result;
}

void SpellChecker::addWord(const QString &word)
{
    m_hunspell->add(word.toStdString());
    m_known.insert(word, true);
}

QList<WordSpan> SpellChecker::wordsToCheck(const QString &text)
{
    QList<WordSpan> words;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Word, text);
    qsizetype start = 0;
    while (finder.toNextBoundary() != -1) {
        const qsizetype end = finder.position();
        const QStringView word = QStringView(text).sliced(start, end - start);
        const qsizetype wordStart = start;
        start = end;
        bool hasLetter = false;
        bool hasDigit = false;
        bool hasLower = false;
        for (const QChar c : word) {
            hasLetter = hasLetter || c.isLetter();
            hasDigit = hasDigit || c.isDigit();
            hasLower = hasLower || c.isLower();
        }
        if (!hasLetter || hasDigit || word.size() < 2 || !hasLower)
            continue;
        if (isInAddress(text, wordStart, end))
            continue;
        words.append({wordStart, word.size()});
    }
    return words;
}

} // namespace Copydesk
