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
    if (!repository.revision(id, number)) {
        m_err << u"article %1 has no revision %2 (copydesk history %1 lists them)"_s.arg(id).arg(number)
              << Qt::endl;
        return 1;
    }
    if (!repository.revert(id, number)) {
        m_err << repository.lastError() << Qt::endl;
        return 1;
    }
    m_out << id << Qt::endl;
    return 0;
}

} // namespace Copydesk
