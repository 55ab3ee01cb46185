#pragma once

// The real copydesk binary run as a terminal would run it (COPYDESK_BINARY, set by the test's CMake), for
// the tests of the command line and of the window beside other processes.

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

struct CopydeskResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

enum class WhileRunning
{
    Block,      // waitForFinished(): nothing else runs meanwhile
    ServeEvents // this thread's event loop runs meanwhile (a window, a test server)
};

// "--as-nobody" first runs the command as the unprivileged user nobody (setpriv), for tests of what a user
// without write permission sees; only the test's own temporary files are involved.
inline CopydeskResult runCopydesk(QStringList arguments, WhileRunning mode = WhileRunning::Block)
{
    QProcess process;
    QString program = QStringLiteral(COPYDESK_BINARY);
    if (arguments.value(0) == QStringLiteral("--as-nobody")) {
        arguments = QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                QStringLiteral("--clear-groups"), program} +
                    arguments.mid(1);
        program = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Commands must work with no display at all.
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QString::fromLatin1(name));
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(program, arguments);
    const bool done = mode == WhileRunning::Block ? process.waitForFinished(60000) : finished.wait(90000);
    if (!done)
        qWarning("copydesk did not finish");
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}
