// The commands of an article's history: `history`, `diff` and `revert`. A revert never overwrites or
// deletes: the version it replaces is kept as a revision first, and the restored one becomes a new revision.

#include "commandline.h"

#include "commandsupport.h"
#include <model/articlediff.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Copydesk {

using namespace Cli;

namespace {

// What a revision restores: the words, the quotes and the tags, and the pictures' words and credits where
// the pictures are still the same ones (a snapshot keeps no picture bytes; the pictures themselves stay).
Article restored(const Article &current, const Article &old)
{
    Article result = current;
    result.headline = old.headline;
    result.standfirst = old.standfirst;
    result.byline = old.byline;
    result.section = old.section;
    result.dateline = old.dateline;
    result.language = old.language;
    result.status = old.status;
    result.sourceUrl = old.sourceUrl;
    result.bodyHtml = old.bodyHtml;
    result.quotes = old.quotes;
    result.tags = old.tags;
    if (old.images.size() == current.images.size()) {
        for (qsizetype i = 0; i < old.images.size(); ++i) {
            ArticleImage &image = result.images[i];
            const ArticleImage &then = old.images.at(i);
            image.caption = then.caption;
            image.altText = then.altText;
            image.credit = then.credit;
            image.agency = then.agency;
            image.creditLine = then.creditLine;
            image.copyright = then.copyright;
            image.licence = then.licence;
        }
    }
    return result;
}

QString printedDiff(const ArticleDiff &diff)
{
    QString text;
    for (const ArticleDiff::FieldChange &change : diff.fields)
        text += u"%1: %2 → %3\n"_s.arg(change.field, change.before.isEmpty() ? u"(none)"_s : change.before,
                                       change.after.isEmpty() ? u"(none)"_s : change.after);
    if (diff.wordsAdded > 0 || diff.wordsRemoved > 0) {
        text += u"body: %1 words added, %2 removed\n"_s.arg(diff.wordsAdded).arg(diff.wordsRemoved);
        // The changed words in context, as wdiff prints them: [-removed-] {+added+}.
        for (const ArticleDiff::Piece &piece : diff.body) {
            if (piece.kind == ArticleDiff::Piece::Kind::Added)
                text += u"{+"_s + piece.text.trimmed() + u"+} "_s;
            else if (piece.kind == ArticleDiff::Piece::Kind::Removed)
                text += u"[-"_s + piece.text.trimmed() + u"-] "_s;
            else
                text += piece.text;
        }
        text += u'\n';
    }
    return text.isEmpty() ? u"no changes\n"_s : text;
}

} // namespace

int CommandLine::runHistory(const QCommandLineParser &parser, const QStringList &arguments)
{
    const std::optional<QList<qint64>> id = parseIds(arguments.mid(0, 1));
    if (arguments.size() != 1 || !id)
        return usageError(u"history needs an article ID"_s);
    std::optional<OpenArticle> opened = openArticle(parser, id->first(), m_err);
    if (!opened)
        return 1;
    const QList<RevisionInfo> revisions = opened->library.repository->revisions(id->first());
    if (parser.isSet(jsonOption)) {
        QJsonArray rows;
        int previousWords = 0;
        for (const RevisionInfo &revision : revisions) {
            rows.append(QJsonObject{{u"number"_s, revision.number},
                                    {u"created_at"_s, toStorageTime(revision.createdAt)},
                                    {u"name"_s, revision.name},
                                    {u"word_count"_s, revision.wordCount},
                                    {u"word_change"_s, revision.wordCount - previousWords}});
            previousWords = revision.wordCount;
        }
        m_out << QJsonDocument(rows).toJson(QJsonDocument::Indented);
    } else {
        int previousWords = 0;
        for (const RevisionInfo &revision : revisions) {
            const int change = revision.wordCount - previousWords;
            m_out << revision.number << '\t' << toStorageTime(revision.createdAt) << '\t'
                  << revision.wordCount << " words (" << (change >= 0 ? "+" : "") << change << ")\t"
                  << oneLine(revision.name) << '\n';
            previousWords = revision.wordCount;
        }
    }
    m_out.flush();
    return 0;
}

int CommandLine::runDiff(const QCommandLineParser &parser, const QStringList &arguments)
{
    const std::optional<QList<qint64>> numbers = parseIds(arguments);
    if (arguments.size() < 2 || arguments.size() > 3 || !numbers)
        return usageError(u"diff needs an article ID and one or two revision numbers"_s);
    const qint64 id = numbers->at(0);
    std::optional<OpenArticle> opened = openArticle(parser, id, m_err);
    if (!opened)
        return 1;
    const ArticleRepository &repository = *opened->library.repository;
    auto revision = [&](qint64 number) -> std::optional<Article> {
        std::optional<Article> found = repository.revision(id, int(number));
        if (!found)
            m_err << u"article %1 has no revision %2 (copydesk history %1 lists them)"_s.arg(id).arg(number)
                  << Qt::endl;
        return found;
    };
    const std::optional<Article> before = revision(numbers->at(1));
    if (!before)
        return 1;
    std::optional<Article> after = numbers->size() == 3 ? revision(numbers->at(2)) : opened->article;
    if (!after)
        return 1;
    const ArticleDiff diff = ArticleDiff::between(*before, *after);
    if (parser.isSet(jsonOption)) {
        QJsonObject json = diff.toJson();
        json.insert(u"from"_s, int(numbers->at(1)));
        json.insert(u"to"_s,
                    numbers->size() == 3 ? QJsonValue(int(numbers->at(2))) : QJsonValue(u"current"_s));
        m_out << QJsonDocument(json).toJson(QJsonDocument::Indented);
    } else {
        m_out << printedDiff(diff);
    }
    m_out.flush();
    return 0;
}

int CommandLine::runRevert(const QCommandLineParser &parser, const QStringList &arguments)
{
    const std::optional<QList<qint64>> numbers = parseIds(arguments);
    if (arguments.size() != 2 || !numbers)
        return usageError(u"revert needs an article ID and a revision number"_s);
    const qint64 id = numbers->at(0);
    const int number = int(numbers->at(1));
    std::optional<OpenArticle> opened = openArticle(parser, id, m_err);
    if (!opened)
        return 1;
    ArticleRepository &repository = *opened->library.repository;
    const std::optional<Article> old = repository.revision(id, number);
    if (!old) {
        m_err << u"article %1 has no revision %2 (copydesk history %1 lists them)"_s.arg(id).arg(number)
              << Qt::endl;
        return 1;
    }
    Article current = opened->article;
    // What is there now is kept first, unless the last revision already holds it.
    const QList<RevisionInfo> revisions = repository.revisions(id);
    const std::optional<Article> latest =
        revisions.isEmpty() ? std::nullopt : repository.revision(id, revisions.last().number);
    if (!latest || !ArticleDiff::between(*latest, current).isEmpty()) {
        if (!repository.addRevision(current, u"Before restoring %1"_s.arg(number))) {
            m_err << repository.lastError() << Qt::endl;
            return 1;
        }
    }
    Article back = restored(current, *old);
    if (!repository.update(back, ArticleRepository::AllParts) ||
        !repository.addRevision(back, u"Restored from %1"_s.arg(number))) {
        m_err << repository.lastError() << Qt::endl;
        return 1;
    }
    m_out << id << Qt::endl;
    return 0;
}

} // namespace Copydesk
