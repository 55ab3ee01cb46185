#include <library/searchlanguage.h>

#include <library/searchindex.h>
#include <model/article.h>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

struct Token
{
    QString field; // lower case, without the colon; empty for text
    QString value; // the word or phrase, unquoted
    bool negated = false;
    bool phrase = false;
    bool prefix = false;
    bool typing = false;       // the last word, still being typed: ranked as the word itself
    bool typingPrefix = false; // ... and a prefix without a '*' (unless known to be a whole word)
    bool isOr = false;
};

// The text columns of the index a field searches.
QString columnFor(const QString &field)
{
    if (field == u"headline"_s)
        return u"headline"_s;
    if (field == u"by"_s || field == u"byline"_s)
        return u"byline"_s;
    if (field == u"quote"_s)
        return u"quotes"_s;
    if (field == u"credit"_s)
        return u"captions"_s;
    return {};
}

bool isFilterField(const QString &field)
{
    return field == u"section"_s || field == u"tag"_s || field == u"status"_s || field == u"source"_s ||
           field == u"before"_s || field == u"after"_s;
}

// Splits the text into tokens, noting what could not be read.
QList<Token> tokenize(const QString &text, QString &hint, SearchLanguage::TypingWord typingWord)
{
    QList<Token> tokens;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && text.at(i).isSpace())
            ++i;
        if (i >= n)
            break;
        Token token;
        if (text.at(i) == u'-' && i + 1 < n && !text.at(i + 1).isSpace()) {
            token.negated = true;
            ++i;
        }
        // field:
        qsizetype j = i;
        while (j < n && text.at(j).isLetter())
            ++j;
        if (j < n && j > i && text.at(j) == u':') {
            const QString field = text.mid(i, j - i).toLower();
            if (!columnFor(field).isEmpty() || isFilterField(field)) {
                token.field = field;
                i = j + 1;
            }
        }
        if (i < n && text.at(i) == u'"') {
            const qsizetype close = text.indexOf(u'"', i + 1);
            if (close < 0) {
                hint = QStringLiteral("A quote mark is not closed: read to the end");
                token.value = text.mid(i + 1);
                i = n;
            } else {
                token.value = text.mid(i + 1, close - i - 1);
                i = close + 1;
            }
            token.phrase = true;
        } else {
            qsizetype end = i;
            while (end < n && !text.at(end).isSpace())
                ++end;
            token.value = text.mid(i, end - i);
            i = end;
            if (token.field.isEmpty() && !token.negated && token.value == u"OR"_s) {
                token.isOr = true;
                tokens.append(token);
                continue;
            }
            if (token.value.endsWith(u'*')) {
                token.prefix = true;
                token.value.chop(1);
            }
            // Brackets are not part of the language: read as spaces.
            token.value.remove(u'(').remove(u')');
        }
        token.value = token.value.trimmed();
        if (token.value.isEmpty()) {
            if (!token.field.isEmpty())
                hint = QStringLiteral("%1: needs something after it").arg(token.field);
            continue;
        }
        tokens.append(token);
    }
    // The last word typed is still being typed: it matches as a prefix, from its third letter (a prefix of
    // one or two letters matches thousands of words, and reading them all takes a second), unless it is
    // known to be a whole word.
    if (!tokens.isEmpty() && !text.isEmpty() && !text.back().isSpace()) {
        Token &last = tokens.last();
        if (!last.phrase && !last.isOr && !last.negated && last.value.size() >= 3 &&
            (last.field.isEmpty() || !columnFor(last.field).isEmpty())) {
            last.typing = true;
            last.typingPrefix = !last.prefix;
            if (typingWord != SearchLanguage::TypingWord::AsWord)
                last.prefix = true;
        }
    }
    return tokens;
}

// ranking: for the rank of what matched, where a word still being typed counts as the word itself.
QString ftsTerm(const Token &token, bool ranking = false)
{
    // Every term quoted, so that nothing typed ("U.S.", "AND", "NEAR(") is read as FTS5 syntax.
    QString value = SearchIndex::folded(token.value);
    value.replace(u'"', u"\"\""_s);
    const bool prefix = token.prefix && !(ranking && token.typing);
    QString term = u'"' + value + u'"' + (prefix ? u"*"_s : QString());
    const QString column = columnFor(token.field);
    return column.isEmpty() ? term : column + u" : "_s + term;
}

QDate parseDate(const QString &value)
{
    for (const QString &format : {u"yyyy-MM-dd"_s, u"yyyy-MM"_s, u"yyyy"_s, u"dd.MM.yyyy"_s}) {
        const QDate date = QDate::fromString(value, format);
        if (date.isValid())
            return date;
    }
    return {};
}

} // namespace

bool SearchLanguage::isEmpty() const
{
    return match.isEmpty() && excludedMatches.isEmpty() && sections.isEmpty() && tags.isEmpty() &&
           statuses.isEmpty() && sources.isEmpty() && notSections.isEmpty() && notTags.isEmpty() &&
           notStatuses.isEmpty() && notSources.isEmpty() && !before.isValid() && !after.isValid();
}

SearchLanguage SearchLanguage::parse(const QString &text, TypingWord typingWord)
{
    SearchLanguage result;
    const QList<Token> tokens = tokenize(text, result.hint, typingWord);
    if (!tokens.isEmpty() && tokens.last().typingPrefix)
        result.typingTerm = ftsTerm(tokens.last(), true);
    // Wanted text terms, with OR joining neighbours into groups.
    QList<QStringList> groups;
    QList<QStringList> rankGroups; // the same terms for ranking
    bool joinNext = false;
    QStringList excluded;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const Token &token = tokens.at(i);
        if (token.isOr) {
            if (groups.isEmpty() || joinNext || i + 1 == tokens.size()) {
                result.hint = QStringLiteral("OR needs a word on each side");
                continue;
            }
            joinNext = true;
            continue;
        }
        if (isFilterField(token.field)) {
            joinNext = false;
            const QString value = token.value;
            if (token.field == u"before"_s || token.field == u"after"_s) {
                QDate date = parseDate(value);
                if (!date.isValid()) {
                    result.hint = QStringLiteral("%1: takes a date like 2024-05-01").arg(token.field);
                    continue;
                }
                if (token.field == u"before"_s) {
                    result.before = date;
                } else {
                    // "after:2024-05" is after May; "after:2024" after the year.
                    if (value.size() == 7)
                        date = date.addMonths(1).addDays(-1);
                    else if (value.size() == 4)
                        date = QDate(date.year(), 12, 31);
                    result.after = date;
                }
                continue;
            }
            if (token.field == u"status"_s && !statusFromString(value.toLower())) {
                QStringList names;
                for (const ArticleStatus status : allStatuses())
                    names << statusToString(status);
                result.hint = QStringLiteral("status: is one of %1").arg(names.join(u", "_s));
                continue;
            }
            QStringList &list =
                token.field == u"section"_s  ? (token.negated ? result.notSections : result.sections)
                : token.field == u"tag"_s    ? (token.negated ? result.notTags : result.tags)
                : token.field == u"status"_s ? (token.negated ? result.notStatuses : result.statuses)
                                             : (token.negated ? result.notSources : result.sources);
            list << (token.field == u"status"_s ? value.toLower() : value);
            continue;
        }
        if (token.negated) {
            joinNext = false;
            excluded << ftsTerm(token);
            continue;
        }
        if (joinNext && !groups.isEmpty()) {
            groups.last() << ftsTerm(token);
            rankGroups.last() << ftsTerm(token, true);
        } else {
            groups.append({ftsTerm(token)});
            rankGroups.append({ftsTerm(token, true)});
        }
        joinNext = false;
    }
    const auto expression = [&excluded](const QList<QStringList> &from) {
        QStringList wanted;
        for (const QStringList &group : from)
            wanted << (group.size() == 1 ? group.first() : u'(' + group.join(u" OR "_s) + u')');
        QString joined = wanted.join(u" AND "_s);
        for (const QString &term : std::as_const(excluded))
            joined += u" NOT "_s + term;
        return joined;
    };
    if (!groups.isEmpty()) {
        result.match = expression(groups);
        result.rankMatch = expression(rankGroups);
    } else {
        result.excludedMatches = excluded;
    }
    return result;
}

} // namespace Copydesk
