#pragma once

// What the commands of CommandLine share: their options and a few helpers. Internal to src/cli.

#include <library/articlerepository.h>
#include <library/librarydatabase.h>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QTextStream>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace Copydesk::Cli {

inline const QCommandLineOption libraryOption(u"library"_s, u"The library file to use."_s, u"PATH"_s);
inline const QCommandLineOption jsonOption(u"json"_s, u"Print JSON instead of text."_s);
inline const QCommandLineOption formatOption(u"format"_s, u"Export format: html or ninjs."_s, u"FORMAT"_s,
                                             u"html"_s);
const QCommandLineOption
    outOption(u"out"_s, u"Export target: a file for one article, a folder for several."_s, u"PATH"_s);
inline const QCommandLineOption
    duplicateOption(u"on-duplicate"_s,
                    u"What to do with an article already in the library: skip, replace "
                    "or keep."_s,
                    u"POLICY"_s, u"skip"_s);
inline const QCommandLineOption limitOption(u"limit"_s, u"Print at most N articles."_s, u"N"_s);
inline const QCommandLineOption helpOption({u"h"_s, u"help"_s}, u"Show this help."_s);
inline const QCommandLineOption versionOption({u"v"_s, u"version"_s}, u"Show the version."_s);

inline const QCommandLineOption speakerOption(u"speaker"_s, u"quote add: who said it."_s, u"NAME"_s);
inline const QCommandLineOption roleOption(u"role"_s, u"quote add: the speaker's role."_s, u"ROLE"_s);
inline const QCommandLineOption captionOption(u"caption"_s, u"image add: the caption."_s, u"TEXT"_s);
inline const QCommandLineOption altOption(u"alt"_s, u"image add: the alt text."_s, u"TEXT"_s);
inline const QCommandLineOption creditOption(u"credit"_s, u"image add: the photographer."_s, u"NAME"_s);
inline const QCommandLineOption agencyOption(u"agency"_s, u"image add: the agency or source."_s, u"NAME"_s);
inline const QCommandLineOption leadOption(u"lead"_s, u"image add: make it the lead image."_s);
inline const QCommandLineOption contextOption(u"context"_s, u"quote add: where or when it was said."_s,
                                              u"TEXT"_s);

inline const QCommandLineOption
    languageOption(u"language"_s, u"spell: check in this language, not the article's."_s, u"LANG"_s);

inline const QCommandLineOption statusOption(u"status"_s, u"list, search: only articles with this status."_s,
                                             u"STATUS"_s);
inline const QCommandLineOption sectionOption(u"section"_s, u"list, search: only this section."_s,
                                              u"SECTION"_s);
inline const QCommandLineOption
    tagOption(u"tag"_s, u"list, search: only articles with this tag (repeatable)."_s, u"TAG"_s);
inline const QCommandLineOption starredOption(u"starred"_s, u"list, search: only starred articles."_s);
inline const QCommandLineOption unreadOption(u"unread"_s, u"list, search: only unread articles."_s);
inline const QCommandLineOption
    sourceOption(u"source"_s, u"list, search: only from this source (name or address)."_s, u"SOURCE"_s);
inline const QCommandLineOption
    sortOption(u"sort"_s, u"list, search: date, headline, section, status or length."_s, u"ORDER"_s);
inline const QCommandLineOption offsetOption(u"offset"_s, u"list, search: skip this many rows first."_s,
                                             u"N"_s);
inline const QCommandLineOption trashOption(u"trash"_s,
                                            u"list, search: what is in the trash (else never)."_s);
inline const QCommandLineOption addTagOption(u"add"_s, u"tag: add this tag (repeatable)."_s, u"TAG"_s);
inline const QCommandLineOption removeTagOption(u"remove"_s, u"tag: remove this tag (repeatable)."_s,
                                                u"TAG"_s);

inline QString oneLine(QString text)
{
    return text.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' ');
}

struct OpenLibrary
{
    std::unique_ptr<LibraryDatabase> database;
    std::unique_ptr<ArticleRepository> repository;
};

inline std::optional<OpenLibrary> openLibrary(const QCommandLineParser &parser, QTextStream &err)
{
    OpenLibrary library;
    library.database =
        std::make_unique<LibraryDatabase>(LibraryDatabase::resolvePath(parser.value(libraryOption)));
    if (!library.database->open()) {
        err << library.database->error() << Qt::endl;
        return std::nullopt;
    }
    library.repository = std::make_unique<ArticleRepository>(*library.database);
    return library;
}

inline std::optional<QList<qint64>> parseIds(const QStringList &texts)
{
    QList<qint64> ids;
    for (const QString &text : texts) {
        bool ok = false;
        const qint64 id = text.toLongLong(&ok);
        if (!ok || id <= 0)
            return std::nullopt;
        ids.append(id);
    }
    return ids;
}

// The library and one of its articles; nothing, with the reason on err, when either cannot be had.
struct OpenArticle
{
    OpenLibrary library;
    Article article;
};

inline std::optional<OpenArticle> openArticle(const QCommandLineParser &parser, qint64 id, QTextStream &err)
{
    std::optional<OpenLibrary> library = openLibrary(parser, err);
    if (!library)
        return std::nullopt;
    std::optional<Article> article = library->repository->load(id);
    if (!article) {
        err << library->repository->lastError() << Qt::endl;
        return std::nullopt;
    }
    return OpenArticle{std::move(*library), std::move(*article)};
}

} // namespace Copydesk::Cli
