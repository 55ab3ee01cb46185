// The reader's commands: `copydesk star|unstar|read|unread|trash|untrash ID...` (marks, set directly),
// `copydesk empty-trash`, `copydesk tag ID... --add T --remove T`, `copydesk tags [--json]` and
// `copydesk rename-tag OLD NEW`. A tag change is saved as an edit is (the updated time
// moves on), so a window with the article open takes it in instead of writing its older copy over it.

#include "commandline.h"

#include "commandsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <functional>

namespace Copydesk {

using namespace Cli;

namespace {

// Loads, changes and saves each article, going on past the ones that fail; false when any did.
bool changeEach(ArticleRepository &repository, const QList<qint64> &ids, ArticleRepository::Parts parts,
                const std::function<void(Article &)> &change, QTextStream &err)
{
    bool allDone = true;
    for (const qint64 id : ids) {
        bool done = false;
        // A window saving the same article at the same moment: read it again and apply the change to that.
        for (int attempt = 0; attempt < 3 && !done; ++attempt) {
            std::optional<Article> article = repository.load(id);
            if (!article) {
                err << "error: no article with id " << id << Qt::endl;
                break;
            }
            const QDateTime seen = article->updatedAt;
            change(*article);
            const auto result = repository.updateIfUnchanged(*article, seen, parts);
            done = result == ArticleRepository::UpdateResult::Saved;
            if (result == ArticleRepository::UpdateResult::Failed) {
                err << "error: " << repository.lastError() << Qt::endl;
                break;
            }
        }
        allDone = allDone && done;
    }
    return allDone;
}

} // namespace

int CommandLine::runMark(const QCommandLineParser &parser, const QString &command,
                         const QStringList &arguments)
{
    const std::optional<QList<qint64>> ids = parseIds(arguments);
    if (!ids || ids->isEmpty())
        return usageError(u"%1 needs one or more article IDs"_s.arg(command));
    std::optional<OpenLibrary> library = openLibrary(parser, m_err);
    if (!library)
        return 1;
    // The reader's marks are not edits: they are set directly and never move an article's updated time.
    QList<qint64> present;
    bool allThere = true;
    for (const qint64 id : *ids) {
        if (library->repository->summary(id)) {
            present << id;
        } else {
            m_err << "error: no article with id " << id << Qt::endl;
            allThere = false;
        }
    }
    const bool on = command == u"star"_s || command == u"read"_s || command == u"trash"_s;
    ArticleRepository &repository = *library->repository;
    const bool written = command.endsWith(u"star"_s)    ? repository.setStarred(present, on)
                         : command.endsWith(u"trash"_s) ? repository.setTrashed(present, on)
                                                        : repository.setRead(present, on);
    if (!written)
        m_err << "error: " << library->repository->lastError() << Qt::endl;
    return written && allThere ? 0 : 1;
}

int CommandLine::runTag(const QCommandLineParser &parser, const QStringList &arguments)
{
    const std::optional<QList<qint64>> ids = parseIds(arguments);
    const QStringList add = parser.values(addTagOption);
    const QStringList remove = parser.values(removeTagOption);
    if (!ids || ids->isEmpty() || (add.isEmpty() && remove.isEmpty()))
        return usageError(u"tag needs article IDs and --add TAG or --remove TAG"_s);
    for (const QString &tag : add + remove) {
        if (tag.trimmed().isEmpty() || tag.contains(u','))
            return usageError(u"a tag is a name without commas: \"%1\""_s.arg(tag));
    }
    std::optional<OpenLibrary> library = openLibrary(parser, m_err);
    if (!library)
        return 1;
    const bool ok = changeEach(
        *library->repository, *ids, ArticleRepository::Part::Tags,
        [&add, &remove](Article &article) {
            for (const QString &tag : remove) {
                article.tags.removeIf([&tag](const QString &name) {
                    return name.compare(tag.trimmed(), Qt::CaseInsensitive) == 0;
                });
            }
            for (const QString &tag : add) {
                if (!article.tags.contains(tag.trimmed(), Qt::CaseInsensitive))
                    article.tags << tag.trimmed();
            }
        },
        m_err);
    return ok ? 0 : 1;
}

int CommandLine::runEmptyTrash(const QCommandLineParser &parser)
{
    std::optional<OpenLibrary> library = openLibrary(parser, m_err);
    if (!library)
        return 1;
    int deleted = 0;
    for (const qint64 id : library->repository->trashedIds()) {
        if (!library->repository->remove(id)) {
            m_err << "error: " << library->repository->lastError() << Qt::endl;
            m_out << deleted << Qt::endl;
            return 1;
        }
        ++deleted;
    }
    m_out << deleted << Qt::endl;
    return library->repository->lastError().isEmpty() ? 0 : 1;
}

int CommandLine::runCompact(const QCommandLineParser &parser)
{
    std::optional<OpenLibrary> library = openLibrary(parser, m_err);
    if (!library)
        return 1;
    const std::optional<std::pair<qint64, qint64>> sizes = library->database->compact();
    if (!sizes) {
        m_err << "error: " << library->database->error() << Qt::endl;
        return 1;
    }
    if (parser.isSet(jsonOption)) {
        m_out << QJsonDocument(
                     QJsonObject{{u"bytes_before"_s, sizes->first}, {u"bytes_after"_s, sizes->second}})
                     .toJson(QJsonDocument::Compact)
              << Qt::endl;
    } else {
        const QLocale locale = QLocale::system();
        m_out << locale.formattedDataSize(sizes->first) << " -> " << locale.formattedDataSize(sizes->second)
              << Qt::endl;
    }
    return 0;
}

int CommandLine::runRenameTag(const QCommandLineParser &parser, const QStringList &arguments)
{
    if (arguments.size() != 2 || arguments.at(1).trimmed().isEmpty() || arguments.at(1).contains(u','))
        return usageError(u"rename-tag needs the tag's name and a new name without commas"_s);
    std::optional<OpenLibrary> library = openLibrary(parser, m_err);
    if (!library)
        return 1;
    if (!library->repository->renameTag(arguments.at(0), arguments.at(1))) {
        m_err << "error: " << library->repository->lastError() << Qt::endl;
        return 1;
    }
    return 0;
}

int CommandLine::runTags(const QCommandLineParser &parser)
{
    std::optional<OpenLibrary> library = openLibrary(parser, m_err);
    if (!library)
        return 1;
    const QList<std::pair<QString, int>> counts = library->repository->tagCounts();
    if (!library->repository->lastError().isEmpty()) {
        m_err << library->repository->lastError() << Qt::endl;
        return 1;
    }
    if (parser.isSet(jsonOption)) {
        QJsonArray rows;
        for (const auto &[name, count] : counts)
            rows.append(QJsonObject{{u"name"_s, name}, {u"count"_s, count}});
        m_out << QJsonDocument(rows).toJson(QJsonDocument::Indented);
    } else {
        for (const auto &[name, count] : counts)
            m_out << name << '\t' << count << '\n';
    }
    m_out.flush();
    return 0;
}

} // namespace Copydesk
