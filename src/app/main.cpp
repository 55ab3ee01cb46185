// Copydesk: one binary for the window and for the command line (`copydesk COMMAND ...`, no display needed).

#include "browserengine.h"
#include "importcontroller.h"
#include "mainwindow.h"
#include "quitonfirstpaint.h"
#include "webimportsetup.h"
#include <cli/commandline.h>
#include <cli/formats.h>
#include <import/importservice.h>
#include <import/webpage/pagedownloader.h>
#include <import/webpage/pageextractor.h>
#include <library/librarydatabase.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <utility>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

void setApplicationNames()
{
    QCoreApplication::setApplicationName(u"copydesk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(COPYDESK_VERSION));
    QCoreApplication::setOrganizationName(u"copydesk"_s);
}

// Readability for saved pages, from the browser engine's plugin: loaded when the first page needs it.
std::unique_ptr<Copydesk::PageExtractor> createPageExtractor(QString *error)
{
    Copydesk::BrowserEngine *engine = Copydesk::BrowserEngine::instance(error);
    return engine ? engine->createPageExtractor() : nullptr;
}

// Downloads of web addresses, from the same plugin: the program is not linked to Qt Network either.
std::unique_ptr<Copydesk::PageDownloader> createPageDownloader(QString *error)
{
    Copydesk::BrowserEngine *engine = Copydesk::BrowserEngine::instance(error);
    return engine ? engine->createPageDownloader() : nullptr;
}

// Chromium's sandbox cannot start for root; our pages are locked down on their own (no script, no network),
// so run without it there rather than not at all.
void allowBrowserEngineAsRoot()
{
    if (geteuid() == 0 && !qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
}

int runCommand(int argc, char *argv[])
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (Copydesk::CommandLine::commandIn(Copydesk::CommandLine::argumentsOf(argc, argv)) != u"import"_s) {
        QCoreApplication app(argc, argv);
        setApplicationNames();
        return Copydesk::CommandLine(out, err).run(QCoreApplication::arguments());
    }
    // Importing saved pages runs Readability in the browser engine: it needs a GUI application, but never
    // a display.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    allowBrowserEngineAsRoot();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QGuiApplication app(argc, argv);
    setApplicationNames();
    Copydesk::WebImportSetup web(createPageExtractor, createPageDownloader);
    Copydesk::CommandLine commandLine(out, err);
    commandLine.setImportSetup([&web](Copydesk::ImportService &service) { web.apply(service); });
    return commandLine.run(QCoreApplication::arguments());
}

// COPYDESK_QUIT_WHEN_SHOWN=1: print "shown" once the window's first frame is painted, and quit; =editor:
// once the editor, made after that frame, is painted. What the reader bench times from a start of the
// program, beside a bare Qt Widgets window's.
void quitOnceShownIfAsked(QWidget &window)
{
    const QByteArray asked = qgetenv("COPYDESK_QUIT_WHEN_SHOWN");
    if (asked.isEmpty())
        return;
    if (asked == "editor")
        qApp->installEventFilter(new Copydesk::QuitOnFirstPaint(&window, "Copydesk::EditorPanel"));
    else
        window.installEventFilter(new Copydesk::QuitOnFirstPaint(&window));
}

int runWindow(int argc, char *argv[])
{
    allowBrowserEngineAsRoot();
    // The browser engine's plugin comes after the first frame; what it needs before the QApplication is
    // only this (its schemes it registers itself, before its first profile).
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setApplicationDisplayName(u"Copydesk"_s);
    QApplication::setDesktopFileName(u"copydesk"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/copydesk.svg"_s));

    QCommandLineParser parser;
    Copydesk::CommandLine::addOptions(parser);
    parser.process(app);

    // One window per library; asking for another library (File > Open Library, a rescue) closes this
    // window and opens one on the other, with its own database.
    QString path = Copydesk::LibraryDatabase::resolvePath(parser.value(u"library"_s));
    QStringList filesToImport = parser.positionalArguments();
    int result = 0;
    while (!path.isEmpty()) {
        Copydesk::LibraryDatabase database(path);
        if (!database.open()) {
            path = Copydesk::MainWindow::askForAnotherLibrary(database.error());
            result = 1;
            continue;
        }
        Copydesk::WebImportSetup web(createPageExtractor, createPageDownloader);
        Copydesk::MainWindow window(database);
        window.importController()->setImportSetup([&web](Copydesk::ImportService &service) {
            Copydesk::Formats::addImporters(service);
            web.apply(service);
        });
        window.show();
        quitOnceShownIfAsked(window);
        if (!filesToImport.isEmpty())
            window.importFiles(std::exchange(filesToImport, {}));
        result = app.exec();
        path = window.requestedLibrary();
    }
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    // WebEngine describes its set-up at info level on every start; a person or a script only wants to hear
    // of problems. QT_LOGGING_RULES still overrides this.
    // Copydesk's own categories say what they refused and why at info level, for QT_LOGGING_RULES to turn on;
    // a person or a script hears of problems through the window or the command's own messages.
    QLoggingCategory::setFilterRules(
        u"qt.webenginecontext.info=false\ncopydesk.*.debug=false\ncopydesk.*.info=false"_s);
    if (Copydesk::CommandLine::wantsCommand(Copydesk::CommandLine::argumentsOf(argc, argv)))
        return runCommand(argc, argv);
    return runWindow(argc, argv);
}
