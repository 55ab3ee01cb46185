#pragma once

#include <library/articlequery.h>

#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QCommandLineParser;
class QTextStream;

namespace Copydesk {

class ArticleRenderer;
class ExporterRegistry;
class ImportService;

// The `copydesk COMMAND ...` interface: import, list, search, show, export, verify, rescue. It needs no
// display, and its text and --json output are a public interface that scripts depend on: keys are added,
// never renamed. Exit codes: 0 success, 1 an operation failed (the reason is on stderr, naming the file), 2
// wrong usage.
class CommandLine final
{
public:
    CommandLine(QTextStream &out, QTextStream &err);
    ~CommandLine();
    Q_DISABLE_COPY_MOVE(CommandLine)

    // arguments as in QCoreApplication::arguments(), the program first.
    int run(const QStringList &arguments);

    // Adds what core cannot do alone to the import command (saved pages, downloads), from the app. The
    // formats of Formats (plain text, ninjs) are always there.
    void setImportSetup(std::function<void(ImportService &)> setup) { m_importSetup = std::move(setup); }
    // The arguments of main(), as QCoreApplication would give them, before there is one.
    static QStringList argumentsOf(int argc, char *argv[]);
    // The command named in the arguments ("import", ...), or empty.
    static QString commandIn(const QStringList &arguments);

    // True when the arguments ask for a command (or are malformed, which the command line reports)
    // rather than for the window.
    static bool wantsCommand(const QStringList &arguments);
    // The options shared by the window and the commands.
    static void addOptions(QCommandLineParser &parser);
    static QString usage();

private:
    int runImport(const QCommandLineParser &parser, const QStringList &files);
    int runList(const QCommandLineParser &parser);
    int runSearch(const QCommandLineParser &parser, const QStringList &words);
    int runShow(const QCommandLineParser &parser, const QStringList &ids);
    int runExport(const QCommandLineParser &parser, const QStringList &ids);
    int runVerify(const QCommandLineParser &parser, const QStringList &arguments);
    int runRescue(const QCommandLineParser &parser, const QStringList &arguments);
    int runSet(const QCommandLineParser &parser, const QStringList &arguments);
    int runQuote(const QCommandLineParser &parser, const QStringList &arguments);
    int runImage(const QCommandLineParser &parser, const QStringList &arguments);
    int runHistory(const QCommandLineParser &parser, const QStringList &arguments);
    int runDiff(const QCommandLineParser &parser, const QStringList &arguments);
    int runRevert(const QCommandLineParser &parser, const QStringList &arguments);
    int runCheck(const QCommandLineParser &parser, const QStringList &arguments);
    // The list's filters and order from --status, --section, --tag, --starred, --unread, --source, --sort;
    // nothing (after a usage error) when one is wrong.
    std::optional<ArticleQuery> queryFromOptions(const QCommandLineParser &parser);
    int printRows(const QCommandLineParser &parser, const ArticleQuery &query, bool withSnippets);
    int runMark(const QCommandLineParser &parser, const QString &command, const QStringList &arguments);
    int runTag(const QCommandLineParser &parser, const QStringList &arguments);
    int runTags(const QCommandLineParser &parser);
    int runEmptyTrash(const QCommandLineParser &parser);
    int runCompact(const QCommandLineParser &parser);
    int runRenameTag(const QCommandLineParser &parser, const QStringList &arguments);
    int runSpell(const QCommandLineParser &parser, const QStringList &arguments);
    int runDictionary(const QCommandLineParser &parser, const QStringList &arguments);
    int usageError(const QString &message);

    QTextStream &m_out;
    QTextStream &m_err;
    std::function<void(ImportService &)> m_importSetup;
    std::unique_ptr<ArticleRenderer> m_renderer;
    std::unique_ptr<ExporterRegistry> m_exporters;
};

} // namespace Copydesk
