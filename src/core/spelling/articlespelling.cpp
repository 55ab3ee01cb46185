#include <spelling/articlespelling.h>

#include <spelling/personaldictionary.h>

#include <html/htmltext.h>

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

// Words in a name field: "Anna Kowalczyk and Jon Smith" -> Anna, Kowalczyk, Jon, Smith.
QStringList nameWords(const QString &text)
{
    QStringList words;
    for (const WordSpan &span : SpellChecker::wordsToCheck(text)) {
        const QString word = text.mid(span.start, span.length);
        if (word.front().isUpper())
            words << word;
    }
    return words;
}

QString withoutPossessive(const QString &word)
{
    for (const QString &ending : {u"'s"_s, u"\u2019s"_s, u"'S"_s, u"\u2019S"_s}) {
        if (word.endsWith(ending))
            return word.chopped(2);
    }
    return word;
}

} // namespace

ArticleNames::ArticleNames(const Article &article)
{
    QStringList sources{article.byline};
    for (const Quote &quote : article.quotes)
        sources << quote.speaker;
    setNames(sources);
}

void ArticleNames::setNames(const QStringList &namesAndBylines)
{
    m_words.clear();
    for (const QString &source : namesAndBylines) {
        for (const QString &word : nameWords(source))
            m_words.insert(word.toLower());
    }
}

bool ArticleNames::contains(const QString &word) const
{
    if (m_words.isEmpty() || word.isEmpty() || !word.front().isUpper())
        return false;
    const QString folded = withoutPossessive(word).toLower();
    if (m_words.contains(folded))
        return true;
    // Declined forms: the name with its last letter changed or up to three letters added ("Макей" ->
    // "Макея", "Макеем"; "Лукашенко" stays). Names shorter than four letters match exactly only.
    for (const QString &name : m_words) {
        if (name.size() < 4 || folded.size() < name.size() - 1 || folded.size() > name.size() + 3)
            continue;
        if (folded.startsWith(QStringView(name).chopped(1)))
            return true;
    }
    return false;
}

QJsonObject SpellingFinding::toJson() const
{
    return {{u"field"_s, field},
            {u"offset"_s, offset},
            {u"length"_s, length},
            {u"word"_s, word},
            {u"suggestions"_s, QJsonArray::fromStringList(suggestions)}};
}

namespace ArticleSpelling {

bool isMisspelled(const QString &word, const SpellChecker &checker, const PersonalDictionary *personal,
                  const ArticleNames &names)
{
    if (checker.isCorrect(word))
        return false;
    if (personal && (personal->contains(word) || personal->contains(withoutPossessive(word))))
        return false;
    return !names.contains(word);
}

QList<SpellingFinding> checkText(const QString &text, const QString &field, const SpellChecker &checker,
                                 const PersonalDictionary *personal, const ArticleNames &names,
                                 int suggestions)
{
    QList<SpellingFinding> findings;
    for (const WordSpan &span : SpellChecker::wordsToCheck(text)) {
        const QString word = text.mid(span.start, span.length);
        if (isMisspelled(word, checker, personal, names))
            findings.append({field, span.start, span.length, word,
                             suggestions > 0 ? checker.suggestions(word, suggestions) : QStringList()});
    }
    return findings;
}

QList<SpellingFinding> check(const Article &article, const SpellChecker &checker,
                             const PersonalDictionary *personal, int suggestions)
{
    const ArticleNames names(article);
    QList<SpellingFinding> findings;
    findings += checkText(article.headline, u"headline"_s, checker, personal, names, suggestions);
    findings += checkText(article.standfirst, u"standfirst"_s, checker, personal, names, suggestions);
    // The body's code is not prose: blanked out, keeping every offset.
    QString body = article.bodyText;
    for (const auto &[begin, end] : HtmlText::codeRanges(body, HtmlText::codeTexts(article.bodyHtml)))
        body.replace(begin, end - begin, QString(end - begin, u' '));
    findings += checkText(body, u"body"_s, checker, personal, names, suggestions);
    for (qsizetype i = 0; i < article.quotes.size(); ++i)
        findings += checkText(article.quotes.at(i).text, u"quote %1"_s.arg(i + 1), checker, personal, names,
                              suggestions);
    for (qsizetype i = 0; i < article.images.size(); ++i)
        findings += checkText(article.images.at(i).caption, u"image %1"_s.arg(i + 1), checker, personal,
                              names, suggestions);
    return findings;
}

} // namespace ArticleSpelling
} // namespace Copydesk
