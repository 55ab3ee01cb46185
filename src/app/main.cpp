// Copydesk: one binary for the window and for the command line (`copydesk COMMAND ...`, no display needed).

#include "commandline.h"
#include "librarydatabase.h"
#include "mainwindow.h"
#include "webscheme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTextStream>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

void setApplicationNames()
{
    QCoreApplication::setApplicationName(u"copydesk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(COPYDESK_VERSION));
    QCoreApplication::setOrganizationName(u"copydesk"_s);
}

QStringList argumentsOf(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return arguments;
}

int runCommand(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    setApplicationNames();
    QTextStream out(stdout);
    QTextStream err(stderr);
    return Copydesk::CommandLine(out, err).run(QCoreApplication::arguments());
}

int runWindow(int argc, char *argv[])
{
    // Chromium's sandbox cannot start for root; the preview is locked down on its own (no script, no
    // network), so run without it there rather than not at all.
    if (geteuid() == 0 && !qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    Copydesk::registerCopydeskScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setApplicationDisplayName(u"Copydesk"_s);
    QApplication::setDesktopFileName(u"copydesk"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/copydesk.svg"_s));

    QCommandLineParser parser;
    Copydesk::CommandLine::addOptions(parser);
    parser.process(app);

    Copydesk::LibraryDatabase database(Copydesk::LibraryDatabase::resolvePath(parser.value(u"library"_s)));
    if (!database.open()) {
        QMessageBox::critical(nullptr, u"Copydesk"_s, database.error());
        return 1;
    }
    Copydesk::MainWindow window(database);
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.importFiles(parser.positionalArguments());
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    if (Copydesk::CommandLine::wantsCommand(argumentsOf(argc, argv)))
        return runCommand(argc, argv);
    return runWindow(argc, argv);
}
