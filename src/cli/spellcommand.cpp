// `copydesk spell ID [--json] [--language L]`: the words the article's dictionary does not know; exit code 0
// when none, 1 when there are some. `copydesk dictionary [add|remove WORD...]`: the personal dictionary
// beside the library, the one the window's "Add to Dictionary" writes.

#include "commandline.h"

#include "commandsupport.h"
#include <spelling/articlespelling.h>
#include <spelling/personaldictionary.h>

#include <QJsonArray>
#include <QJsonDocument>

namespace Copydesk {

using namespace Cli;

int CommandLine::runSpell(const QCommandLineParser &parser, const QStringList &arguments)
{
    const std::optional<QList<qint64>> id = parseIds(arguments);
    if (arguments.size() != 1 || !id)
        return usageError(u"spell needs an article ID"_s);
    std::optional<OpenArticle> opened = openArticle(parser, id->first(), m_err);
    if (!opened)
        return 1;
    const QString language =
        parser.isSet(languageOption)
            ? parser.value(languageOption)
            : SpellChecker::languageFor(opened->article.language, opened->article.bodyText);
    const std::unique_ptr<SpellChecker> checker = SpellChecker::load(language);
    if (!checker) {
        m_err
            << u"No spelling dictionary for the language \"%1\" in %2 (Debian packages them as hunspell-*)"_s
                   .arg(language, SpellChecker::dictionaryDirectories().join(u", "_s))
            << Qt::endl;
        return 1;
    }
    const PersonalDictionary personal(PersonalDictionary::pathBeside(opened->library.database->path()));
    const QList<SpellingFinding> findings = ArticleSpelling::check(opened->article, *checker, &personal);
    if (parser.isSet(jsonOption)) {
        QJsonArray rows;
        for (const SpellingFinding &finding : findings)
            rows.append(finding.toJson());
        m_out << QJsonDocument(rows).toJson(QJsonDocument::Indented);
    } else {
        for (const SpellingFinding &finding : findings)
            m_out << finding.field << '\t' << finding.offset << '\t' << finding.word << '\t'
                  << finding.suggestions.join(u", "_s) << '\n';
    }
    m_out.flush();
    return findings.isEmpty() ? 0 : 1;
}

int CommandLine::runDictionary(const QCommandLineParser &parser, const QStringList &arguments)
{
    const QString action = arguments.value(0, u"list"_s);
    const QStringList words = arguments.mid(1);
    if ((action != u"list"_s && action != u"add"_s && action != u"remove"_s) ||
        (action == u"list"_s) != words.isEmpty())
        return usageError(u"dictionary takes list, add WORD... or remove WORD..."_s);
    PersonalDictionary personal(
        PersonalDictionary::pathBeside(LibraryDatabase::resolvePath(parser.value(libraryOption))));
    if (action == u"list"_s) {
        if (parser.isSet(jsonOption))
            m_out << QJsonDocument(QJsonArray::fromStringList(personal.words()))
                         .toJson(QJsonDocument::Indented);
        else
            for (const QString &word : personal.words())
                m_out << word << '\n';
        m_out.flush();
        return 0;
    }
    for (const QString &word : words) {
        const bool done = action == u"add"_s ? personal.add(word) : personal.remove(word);
        if (!done) {
            m_err << (personal.errorString().isEmpty() ? u"\"%1\" is not a word"_s.arg(word)
                                                       : personal.errorString())
                  << Qt::endl;
            return 1;
        }
    }
    return 0;
}

} // namespace Copydesk
