#pragma once

// The words of the benchmarks' synthetic articles, drawn the same way by every bench.

#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <algorithm>

namespace {

using namespace Qt::StringLiterals;

// Words of our own for the synthetic articles: a few real ones (accented Latin and Cyrillic among them)
// and thousands made of syllables, drawn with a Zipf-like law so that, as in real text, a few words are
// everywhere and most are rare. That gives the full-text index a realistic shape.
const QStringList vocabulary = [] {
    QStringList words = u"the of and to in council river bridge minister election budget school café résumé "
                        "Zürich Kraków Минск Киев новости погода"_s.split(u' ');
    const QStringList syllables =
        u"ka ro mi ten sal vor in dre lu pa sen tor mar eli on gra des vi"_s.split(u' ');
    QRandomGenerator random(1);
    while (words.size() < 8000) {
        QString word;
        const int parts = 2 + random.bounded(3);
        for (int i = 0; i < parts; ++i)
            word += syllables.at(random.bounded(int(syllables.size())));
        words.append(word);
    }
    return words;
}();

// Cumulative weights 1/rank for drawing words by a Zipf-like law.
const QList<double> vocabularyWeights = [] {
    QList<double> cumulative;
    double total = 0;
    for (qsizetype rank = 1; rank <= vocabulary.size(); ++rank) {
        total += 1.0 / double(rank);
        cumulative.append(total);
    }
    return cumulative;
}();

QString word(QRandomGenerator &random)
{
    const double pick = random.generateDouble() * vocabularyWeights.last();
    const auto at = std::lower_bound(vocabularyWeights.begin(), vocabularyWeights.end(), pick);
    return vocabulary.at(std::min<qsizetype>(at - vocabularyWeights.begin(), vocabulary.size() - 1));
}

QString words(QRandomGenerator &random, int count)
{
    QStringList out;
    out.reserve(count);
    for (int i = 0; i < count; ++i)
        out.append(word(random));
    return out.join(u' ');
}

// A search term of middling frequency, as a reader would look for: not "the", not a word seen once.
QString searchTerm(QRandomGenerator &random)
{
    return vocabulary.at(20 + random.bounded(2000));
}

// The body of a story of 300-1,500 words: paragraphs of 40-100 words.
QString syntheticBodyHtml(QRandomGenerator &random)
{
    QString html;
    int remaining = 300 + random.bounded(1201);
    while (remaining > 0) {
        const int length = std::min(remaining, 40 + random.bounded(60));
        html += u"<p>"_s + words(random, length) + u".</p>\n"_s;
        remaining -= length;
    }
    return html;
}

} // namespace
