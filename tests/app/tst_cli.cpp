// The real copydesk binary, run as a script would run it: no display, exit codes, stdout and stderr.

#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

Result copydesk(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Commands must work with no display at all.
    for (const QString &name : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s})
        environment.remove(name);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(COPYDESK_BINARY), arguments);
    if (!process.waitForFinished(60000))
        qWarning("copydesk did not finish");
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void helpAndUsage()
    {
        const Result help = copydesk({u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        for (const QString &command : {u"import"_s, u"list"_s, u"search"_s, u"show"_s, u"export"_s})
            QVERIFY2(help.out.contains(command), qPrintable(command));
        const Result wrong = copydesk({u"list"_s, u"--no-such-flag"_s});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY(wrong.err.contains(u"Usage:"_s));
    }

    void importsShowsAndExportsTheSeed()
    {
        const QString seed = sharedDir() + u"/seeds/000_fb72de0f6f4e00f7.txt"_s;
        if (!QFile::exists(seed))
            QSKIP(qPrintable(u"the seed is not at %1 (set COPYDESK_SHARED_DIR)"_s.arg(seed)));
        QTemporaryDir dir;
        const QString library = dir.filePath(u"library.sqlite"_s);
        const Result imported = copydesk({u"--library"_s, library, u"import"_s, seed});
        QCOMPARE(imported.exitCode, 0);
        QCOMPARE(imported.out,
                 u"1\tBelarus Threatens Moscow With Expanding US Mission In Minsk In Rare Affront To Putin\n"_s);

        const Result shown = copydesk({u"--library"_s, library, u"show"_s, u"1"_s, u"--json"_s});
        QCOMPARE(shown.exitCode, 0);
        const QJsonObject article = QJsonDocument::fromJson(shown.out.toUtf8()).object();
        QCOMPARE(article.value("section"_L1).toString(), u"Eastern Europe"_s);
        QCOMPARE(article.value("images"_L1).toArray().at(0).toObject().value("credit"_L1).toString(),
                 u"Tomasz Sulima"_s);
        QCOMPARE(article.value("subheadings"_L1).toArray().size(), 2);

        const Result listed = copydesk({u"--library"_s, library, u"list"_s, u"--json"_s});
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(listed.out.toUtf8()).array().size(), 1);

        const Result found = copydesk({u"--library"_s, library, u"search"_s, u"Lukashenko"_s});
        QCOMPARE(found.exitCode, 0);
        QVERIFY(found.out.startsWith(u"1\t"_s));

        const QString out = dir.filePath(u"seed.html"_s);
        const Result exported =
            copydesk({u"--library"_s, library, u"export"_s, u"1"_s, u"--format"_s, u"html"_s, u"--out"_s, out});
        QCOMPARE(exported.exitCode, 0);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(file.readAll());
        QVERIFY(html.contains(u"<small class=\"credit\">Image by Tomasz Sulima</small>"_s));
        QVERIFY(html.contains(u"<cite>Makei</cite>"_s));
    }

    void errorsNameTheFile()
    {
        QTemporaryDir dir;
        const QString library = dir.filePath(u"library.sqlite"_s);
        const QString missing = dir.filePath(u"missing.txt"_s);
        const Result result = copydesk({u"--library"_s, library, u"import"_s, missing});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(missing), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
