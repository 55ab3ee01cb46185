#include <model/typography.h>

using namespace Qt::StringLiterals;

namespace Copydesk::Typography {

namespace {

struct QuoteMarks
{
    QChar open;
    QChar close;
    QChar innerOpen;
    QChar innerClose;
};

QuoteMarks marksFor(const QString &language)
{
    const QString primary = language.section(u'-', 0, 0).toLower();
    if (primary == "ru"_L1 || primary == "uk"_L1 || primary == "be"_L1)
        return {u'«', u'»', u'„', u'“'};
    if (primary == "de"_L1)
        return {u'„', u'“', u'‚', u'‘'};
    if (primary == "pl"_L1)
        return {u'„', u'”', u'«', u'»'};
    return {u'“', u'”', u'‘', u'’'};
}

bool opensHere(const QString &before)
{
    if (before.isEmpty())
        return true;
    const QChar last = before.back();
    return last.isSpace() || QStringView(u"([{—–-«„“‘/").contains(last);
}

} // namespace

Replacement forTyped(QChar typed, const QString &before, const QString &language)
{
    const QuoteMarks marks = marksFor(language);
    const QChar last = before.isEmpty() ? QChar() : before.back();
    if (typed == u'"')
        return {0, QString(opensHere(before) ? marks.open : marks.close)};
    if (typed == u'\'') {
        // After a letter: the close of an open inner quote („Беларусь“), else an apostrophe (it's,
        // д’Артаньян), which in English is also the closing single quote.
        if (last.isLetterOrNumber()) {
            const bool innerOpen = before.count(marks.innerOpen) > before.count(marks.innerClose);
            return {0, innerOpen && marks.innerClose != u'’' ? QString(marks.innerClose) : u"’"_s};
        }
        return {0, QString(opensHere(before) ? marks.innerOpen : marks.innerClose)};
    }
    if (typed == u'-' && last == u'-')
        return {1, u"—"_s};
    const bool english = marks.open == u'“';
    if (typed == u' ' && before.endsWith(u" -"_s))
        return {1, english ? u"– "_s : u"— "_s};
    if (typed == u'.' && before.endsWith(u".."_s))
        return {2, u"…"_s};
    return {};
}

} // namespace Copydesk::Typography
