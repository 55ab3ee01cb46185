#include "commandline.h"

#include <library/searchlanguage.h>

#include "commandsupport.h"
#include "formats.h"

#include <import/importservice.h>
#include <library/articlequery.h>
#include <library/articlerepository.h>
#include <library/librarydatabase.h>
#include <library/libraryrescue.h>
#include <render/articleexporter.h>
#include <render/articlerenderer.h>

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Copydesk {

using namespace Cli;

namespace {

const QStringList commands = {
    u"import"_s, u"list"_s,       u"search"_s,  u"show"_s,        u"export"_s,     u"verify"_s, u"rescue"_s,
    u"set"_s,    u"quote"_s,      u"image"_s,   u"history"_s,     u"diff"_s,       u"revert"_s, u"check"_s,
    u"spell"_s,  u"dictionary"_s, u"star"_s,    u"unstar"_s,      u"read"_s,       u"unread"_s, u"tag"_s,
    u"tags"_s,   u"trash"_s,      u"untrash"_s, u"empty-trash"_s, u"rename-tag"_s, u"compact"_s};

// What the window would do with an argument: import it, if it is a file, a folder or a web address.
bool isImportable(const QString &argument)
{
    return ImportService::isWebAddress(argument) || QFileInfo::exists(argument);
}

QJsonObject summaryJson(const ArticleSummary &summary)
{
    return QJsonObject{{u"id"_s, summary.id},
                       {u"headline"_s, summary.headline},
                       {u"section"_s, summary.section},
                       {u"byline"_s, summary.byline},
                       {u"status"_s, statusToString(summary.status)},
                       {u"created_at"_s, toStorageTime(summary.createdAt)},
                       {u"updated_at"_s, toStorageTime(summary.updatedAt)},
                       {u"starred"_s, summary.starred},
                       {u"read"_s, summary.read},
                       {u"word_count"_s, summary.wordCount},
                       {u"published_at"_s, summary.publishedAt.isValid()
                                               ? QJsonValue(toStorageTime(summary.publishedAt))
                                               : QJsonValue()},
                       {u"tags"_s, QJsonArray::fromStringList(summary.tags)},
                       {u"thumbnail"_s, summary.hasThumbnail},
                       {u"trashed"_s, summary.trashed}};
}

} // namespace

CommandLine::CommandLine(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
    , m_renderer(std::make_unique<ArticleRenderer>())
    , m_exporters(Formats::exporters(*m_renderer))
{}

CommandLine::~CommandLine() = default;

void CommandLine::addOptions(QCommandLineParser &parser)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions({libraryOption, jsonOption,    formatOption, outOption,     duplicateOption,
                       limitOption,   speakerOption, roleOption,   contextOption, captionOption,
                       altOption,     creditOption,  agencyOption, leadOption,    languageOption,
                       statusOption,  sectionOption, tagOption,    starredOption, unreadOption,
                       sourceOption,  sortOption,    offsetOption, addTagOption,  removeTagOption,
                       trashOption,   helpOption,    versionOption});
    parser.addPositionalArgument(u"command"_s,
                                 u"import, list, search, show or export; none opens the window."_s);
}

QStringList CommandLine::argumentsOf(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return arguments;
}

QString CommandLine::commandIn(const QStringList &arguments)
{
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(arguments) || parser.positionalArguments().isEmpty())
        return {};
    const QString first = parser.positionalArguments().first();
    return commands.contains(first) ? first : QString();
}

bool CommandLine::wantsCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(arguments))
        return true;
    if (parser.isSet(helpOption) || parser.isSet(versionOption))
        return true;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return false;
    // A mistyped command ("copydesk frobnicate 1") must not open the window and try to import files named
    // after its words: anything that is neither a command nor something to import is a usage error.
    return commands.contains(positional.first()) ||
           !std::all_of(positional.cbegin(), positional.cend(), isImportable);
}

QString CommandLine::usage()
{
    return uR"(Usage:
  copydesk [--library PATH] [FILE...]                 open the window; FILEs are imported
  copydesk [--library PATH] import FILE|URL... [--on-duplicate skip|replace|keep]
                                                      prints "<id>\t<headline>" per article
  copydesk [--library PATH] list [--json] [--limit N] newest first
  copydesk [--library PATH] search QUERY [--json]     in the search language (README: Searching)
      list and search also take [--status S] [--section S] [--tag T]... [--starred] [--unread] [--trash]
      [--source S] [--sort date|headline|section|status|length] [--offset N]
  copydesk [--library PATH] show ID [--json]
  copydesk [--library PATH] export ID... --format html|ninjs --out PATH
                                                      a file for one id, a folder for several
  copydesk [--library PATH] set ID FIELD VALUE        FIELD: headline, standfirst, byline, section,
                                                      dateline, status, language, source_url,
                                                      editor_note, tags (comma separated); prints the id
  copydesk [--library PATH] quote add ID TEXT --speaker NAME [--role ROLE] [--context TEXT]
  copydesk [--library PATH] quote list ID [--json]
  copydesk [--library PATH] image add ID FILE [--caption TEXT] [--alt TEXT] [--credit NAME]
                                      [--agency NAME] [--lead]
                                                      what the file's IPTC, XMP or Exif says fills
                                                      what is not given; prints the id
  copydesk [--library PATH] image list ID [--json]
  copydesk [--library PATH] history ID [--json]       the article's revisions: number, time, words, name
  copydesk [--library PATH] diff ID REV [REV] [--json]
                                                      what changed from REV to REV (or to now): fields,
                                                      quotes, picture credits, the body word by word
  copydesk [--library PATH] revert ID REV             a new version from revision REV; nothing is lost
  copydesk [--library PATH] check ID [--json]         the copy check's findings; exit code 1 when any
  copydesk [--library PATH] star|unstar|read|unread ID...
                                                      star or mark read, or take it back
  copydesk [--library PATH] trash|untrash ID...       move to the trash, or restore from it
  copydesk [--library PATH] empty-trash               delete what is in the trash, for good
  copydesk [--library PATH] rename-tag OLD NEW        rename a tag on every article; the name of
                                                      another tag merges the two
  copydesk [--library PATH] tag ID... [--add TAG]... [--remove TAG]...
  copydesk [--library PATH] tags [--json]             every tag with its number of articles
  copydesk [--library PATH] spell ID [--json] [--language L]
                                                      the words the dictionary for the article's
                                                      language does not know, with suggestions; exit
                                                      code 1 when any
  copydesk [--library PATH] dictionary [list|add WORD...|remove WORD...] [--json]
                                                      the personal dictionary beside the library
  copydesk [--library PATH] verify                    check the library file for damage
  copydesk [--library PATH] rescue --out NEWPATH      copy what can be read from a damaged
                                                      library into a new one

The library is PATH, else $COPYDESK_LIBRARY, else the per-user default library.
Exit codes: 0 done, 1 an operation failed (see stderr), 2 wrong usage.
)"_s;
}

int CommandLine::usageError(const QString &message)
{
    m_err << "copydesk: " << message << "\n\n" << usage();
    m_err.flush();
    return 2;
}

int CommandLine::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        m_out << usage();
        return 0;
    }
    if (parser.isSet(versionOption)) {
        m_out << "copydesk " << COPYDESK_VERSION << Qt::endl;
        return 0;
    }
    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(u"no command given"_s);
    if (!commands.contains(positional.first())) {
        for (const QString &argument : std::as_const(positional)) {
            if (!isImportable(argument))
                return usageError(
                    u"\"%1\" is neither a command nor a file, folder or web address"_s.arg(argument));
        }
        return usageError(u"no command given"_s);
    }
    const QString command = positional.takeFirst();
    if (command == "import"_L1)
        return runImport(parser, positional);
    if (command == "list"_L1)
        return runList(parser);
    if (command == "search"_L1)
        return runSearch(parser, positional);
    if (command == "show"_L1)
        return runShow(parser, positional);
    if (command == "verify"_L1)
        return runVerify(parser, positional);
    if (command == "set"_L1)
        return runSet(parser, positional);
    if (command == "quote"_L1)
        return runQuote(parser, positional);
    if (command == "image"_L1)
        return runImage(parser, positional);
    if (command == "history"_L1)
        return runHistory(parser, positional);
    if (command == "diff"_L1)
        return runDiff(parser, positional);
    if (command == "revert"_L1)
        return runRevert(parser, positional);
    if (command == "check"_L1)
        return runCheck(parser, positional);
    if (command == "star"_L1 || command == "unstar"_L1 || command == "read"_L1 || command == "unread"_L1 ||
        command == "trash"_L1 || command == "untrash"_L1)
        return runMark(parser, command, positional);
    if (command == "empty-trash"_L1)
        return runEmptyTrash(parser);
    if (command == "rename-tag"_L1)
        return runRenameTag(parser, positional);
    if (command == "compact"_L1)
        return runCompact(parser);
    if (command == "tag"_L1)
        return runTag(parser, positional);
    if (command == "tags"_L1)
        return runTags(parser);
    if (command == "spell"_L1)
        return runSpell(parser, positional);
    if (command == "dictionary"_L1)
        return runDictionary(parser, positional);
    if (command == "rescue"_L1)
        return runRescue(parser, positional);
    return runExport(parser, positional);
}

int CommandLine::runImport(const QCommandLineParser &parser, const QStringList &files)
{
    if (files.isEmpty())
        return usageError(u"import needs at least one FILE"_s);
    const std::optional<DuplicatePolicy> policy =
        ImportService::duplicatePolicyFromString(parser.value(duplicateOption));
    if (!policy)
        return usageError(u"--on-duplicate takes skip, replace or keep"_s);
    std::optional<OpenLibrary> library = openLibrary(parser, m_err);
    if (!library)
        return 1;
    ImportService service(*library->repository);
    service.setDuplicatePolicy(*policy);
    Formats::addImporters(service);
    if (m_importSetup)
        m_importSetup(service);
    int failed = 0;
    int imported = 0;
    int skipped = 0;
    service.importFiles(files, [&](qsizetype, ImportOutcome &&outcome) {
        for (const QString &warning : outcome.warnings)
            m_err << "warning: " << warning << Qt::endl;
        for (qsizetype i = 0; i < outcome.articleIds.size(); ++i)
            m_out << outcome.articleIds.at(i) << '\t' << oneLine(outcome.headlines.at(i)) << Qt::endl;
        switch (outcome.status) {
        case ImportOutcome::Status::Imported:
            imported += int(outcome.articleIds.size());
            break;
        case ImportOutcome::Status::Skipped:
            ++skipped;
            break;
        case ImportOutcome::Status::Failed:
            break;
        }
        if (!outcome.error.isEmpty()) {
            ++failed;
            m_err << "error: " << outcome.error << Qt::endl;
        }
        return true;
    });
    if (files.size() > 1 || failed > 0 || skipped > 0)
        m_err << "imported " << imported << ", skipped " << skipped << ", failed " << failed << Qt::endl;
    return failed > 0 ? 1 : 0;
}

std::optional<ArticleQuery> CommandLine::queryFromOptions(const QCommandLineParser &parser)
{
    ArticleQuery query;
    if (parser.isSet(statusOption)) {
        query.status = statusFromString(parser.value(statusOption).toLower());
        if (!query.status) {
            QStringList names;
            for (const ArticleStatus status : allStatuses())
                names << statusToString(status);
            usageError(u"--status takes one of %1"_s.arg(names.join(u", "_s)));
            return std::nullopt;
        }
    }
    query.section = parser.value(sectionOption);
    query.tags = parser.values(tagOption);
    query.starredOnly = parser.isSet(starredOption);
    query.unreadOnly = parser.isSet(unreadOption);
    query.source = parser.value(sourceOption);
    query.trashed = parser.isSet(trashOption);
    if (parser.isSet(sortOption)) {
        static const QHash<QString, ArticleQuery::Order> orders = {
            {u"date"_s, ArticleQuery::Order::Newest},
            {u"headline"_s, ArticleQuery::Order::Headline},
            {u"section"_s, ArticleQuery::Order::Section},
            {u"status"_s, ArticleQuery::Order::Status},
            {u"length"_s, ArticleQuery::Order::Longest}};
        const auto order = orders.constFind(parser.value(sortOption));
        if (order == orders.cend()) {
            usageError(u"--sort takes date, headline, section, status or length"_s);
            return std::nullopt;
        }
        query.order = *order;
    }
    return query;
}

int CommandLine::printRows(const QCommandLineParser &parser, const ArticleQuery &query, bool withSnippets)
{
    int limit = withSnippets ? 1000 : std::numeric_limits<int>::max();
    int offset = 0;
    for (const auto &[option, value] : {std::pair{&limitOption, &limit}, std::pair{&offsetOption, &offset}}) {
        if (!parser.isSet(*option))
            continue;
        bool ok = false;
        *value = parser.value(*option).toInt(&ok);
        if (!ok || *value < 0)
            return usageError(u"--%1 takes a whole number"_s.arg(option->names().first()));
    }
    std::optional<OpenLibrary> library = openLibrary(parser, m_err);
    if (!library)
        return 1;
    const bool json = parser.isSet(jsonOption);
    const bool byKeyset = query.effectiveOrder() == ArticleQuery::Order::Newest;
    QJsonArray array;
    ListCursor cursor;
    int skipped = 0;
    int printed = 0;
    int pageOffset = byKeyset ? 0 : offset;
    while (printed < limit) {
        // Newest first pages by keyset: the offset is skipped row by row, never scanned by SQLite twice.
        const int pageSize = 500;
        const QList<ArticleSummary> page = library->repository->find(query, cursor, pageOffset, pageSize);
        for (const ArticleSummary &row : page) {
            if (byKeyset && skipped < offset) {
                ++skipped;
                continue;
            }
            if (printed == limit)
                break;
            ++printed;
            if (json) {
                QJsonObject object = summaryJson(row);
                if (withSnippets)
                    object.insert(u"snippet"_s, row.snippet);
                array.append(object);
            } else if (withSnippets) {
                m_out << row.id << '\t' << oneLine(row.headline) << '\t' << oneLine(row.snippet) << '\n';
            } else {
                m_out << row.id << '\t' << statusToString(row.status) << '\t' << toStorageTime(row.createdAt)
                      << '\t' << oneLine(row.headline) << '\n';
            }
        }
        if (page.size() < pageSize)
            break;
        cursor = {toStorageTime(page.last().createdAt), page.last().id};
        pageOffset += pageSize;
    }
    if (!library->repository->lastError().isEmpty()) {
        m_err << library->repository->lastError() << Qt::endl;
        return 1;
    }
    if (json)
        m_out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    m_out.flush();
    return 0;
}

int CommandLine::runList(const QCommandLineParser &parser)
{
    const std::optional<ArticleQuery> query = queryFromOptions(parser);
    if (!query)
        return 2;
    return printRows(parser, *query, false);
}

int CommandLine::runSearch(const QCommandLineParser &parser, const QStringList &words)
{
    std::optional<ArticleQuery> query = queryFromOptions(parser);
    if (!query)
        return 2;
    query->text = words.join(u' ').trimmed();
    if (query->text.isEmpty())
        return usageError(u"search needs a QUERY"_s);
    const QString hint = SearchLanguage::parse(query->text).hint;
    if (!hint.isEmpty())
        m_err << "note: " << hint << Qt::endl;
    return printRows(parser, *query, true);
}

int CommandLine::runShow(const QCommandLineParser &parser, const QStringList &idTexts)
{
    const std::optional<QList<qint64>> ids = parseIds(idTexts);
    if (!ids || ids->size() != 1)
        return usageError(u"show needs one article ID (a number)"_s);
    const std::optional<OpenArticle> opened = openArticle(parser, ids->first(), m_err);
    if (!opened)
        return 1;
    const Article *article = &opened->article;
    if (parser.isSet(jsonOption)) {
        m_out << QJsonDocument(article->toJson()).toJson(QJsonDocument::Indented);
        m_out.flush();
        return 0;
    }
    auto field = [this](const char *label, const QString &value) {
        if (!value.isEmpty())
            m_out << label << ": " << value << '\n';
    };
    field("Headline", article->headline);
    field("Section", article->section);
    field("Standfirst", article->standfirst);
    field("Byline", article->byline);
    field("Dateline", article->dateline);
    field("Status", statusToString(article->status));
    field("Created", toStorageTime(article->createdAt));
    field("Updated", toStorageTime(article->updatedAt));
    field("Source", article->sourceUrl);
    field("Words", QString::number(article->wordCount));
    m_out << '\n' << article->bodyText << '\n';
    for (const Quote &quote : article->quotes)
        m_out << "\nQuote: “" << quote.text << "” — " << quote.speaker;
    for (const ArticleImage &image : article->images)
        m_out << "\nImage (" << imageRoleToString(image.role) << "): " << image.caption << " — "
              << (image.creditLine.isEmpty() ? image.credit : image.creditLine);
    m_out << Qt::endl;
    return 0;
}

int CommandLine::runExport(const QCommandLineParser &parser, const QStringList &idTexts)
{
    const std::optional<QList<qint64>> ids = parseIds(idTexts);
    if (!ids || ids->isEmpty())
        return usageError(u"export needs article IDs (numbers)"_s);
    const QString format = parser.value(formatOption);
    const ArticleExporter *exporter = m_exporters->find(format);
    if (!exporter)
        return usageError(
            u"unknown export format \"%1\"; available: %2"_s.arg(format, m_exporters->names().join(u", "_s)));
    if (!parser.isSet(outOption))
        return usageError(u"export needs --out PATH"_s);
    std::optional<OpenLibrary> library = openLibrary(parser, m_err);
    if (!library)
        return 1;

    const QString out = parser.value(outOption);
    const bool intoFolder = ids->size() > 1 || QFileInfo(out).isDir();
    if (intoFolder && !QDir().mkpath(out)) {
        m_err << out << ": cannot create the folder" << Qt::endl;
        return 1;
    }
    int failed = 0;
    for (const qint64 id : *ids) {
        const std::optional<Article> article = library->repository->load(id);
        if (!article) {
            m_err << library->repository->lastError() << Qt::endl;
            ++failed;
            continue;
        }
        const QString path = intoFolder ? QDir(out).filePath(exporter->fileNameFor(*article)) : out;
        QString error;
        if (!exporter->write(*article, path, &error)) {
            m_err << error << Qt::endl;
            ++failed;
            continue;
        }
        m_out << id << '\t' << path << '\n';
    }
    m_out.flush();
    return failed > 0 ? 1 : 0;
}

} // namespace Copydesk

namespace Copydesk {

int CommandLine::runVerify(const QCommandLineParser &parser, const QStringList &arguments)
{
    if (!arguments.isEmpty())
        return usageError(u"verify takes no arguments"_s);
    LibraryDatabase database(LibraryDatabase::resolvePath(parser.value(libraryOption)));
    // Read-only: checking a library must never write to it, damaged or not.
    if (!database.open(LibraryDatabase::Access::ReadOnly)) {
        m_err << database.error() << Qt::endl;
        return 1;
    }
    const QStringList problems = database.quickCheck();
    if (parser.isSet(jsonOption)) {
        m_out << QJsonDocument(QJsonObject{{u"path"_s, database.path()},
                                           {u"ok"_s, problems.isEmpty()},
                                           {u"problems"_s, QJsonArray::fromStringList(problems)}})
                     .toJson(QJsonDocument::Indented);
    } else if (problems.isEmpty()) {
        m_out << database.path() << ": ok" << Qt::endl;
    } else {
        m_out << database.path() << ": damaged" << Qt::endl;
        for (const QString &problem : problems)
            m_out << "  " << problem << '\n';
    }
    m_out.flush();
    return problems.isEmpty() ? 0 : 1;
}

int CommandLine::runRescue(const QCommandLineParser &parser, const QStringList &arguments)
{
    if (!arguments.isEmpty() || !parser.isSet(outOption))
        return usageError(u"rescue needs --out NEWPATH and nothing else"_s);
    const QString out = parser.value(outOption);
    if (QFileInfo::exists(out)) {
        m_err << out << ": already exists; rescue writes a new library only" << Qt::endl;
        return 1;
    }
    LibraryDatabase damaged(LibraryDatabase::resolvePath(parser.value(libraryOption)));
    if (!damaged.open(LibraryDatabase::Access::ReadOnly)) {
        m_err << damaged.error() << Qt::endl;
        return 1;
    }
    LibraryDatabase target(out);
    if (!target.open()) {
        m_err << target.error() << Qt::endl;
        return 1;
    }
    const RescueReport report = LibraryRescue::rescue(damaged, target);
    if (!report.error.isEmpty()) {
        m_err << report.error << Qt::endl;
        return 1;
    }
    m_out << "rescued " << report.rescued << " articles (" << report.revisions << " revisions) into " << out
          << Qt::endl;
    if (!report.unreadable.isEmpty()) {
        QStringList ids;
        for (const qint64 id : report.unreadable)
            ids.append(QString::number(id));
        m_err << "could not read " << report.unreadable.size() << " articles: " << ids.join(u", "_s)
              << Qt::endl;
    }
    return report.unreadable.isEmpty() ? 0 : 1;
}

} // namespace Copydesk
