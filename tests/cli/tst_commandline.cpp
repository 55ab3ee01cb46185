#include "core/testlibrary.h"
#include <cli/commandline.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QStringList &arguments)
{
    Run result;
    QTextStream out(&result.out);
    QTextStream err(&result.err);
    result.exitCode = CommandLine(out, err).run(QStringList{u"copydesk"_s} + arguments);
    out.flush();
    err.flush();
    return result;
}

QString writeStory(const QTemporaryDir &dir, const QString &name, const QString &headline)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write((headline +
                u"\n\nThe council met on Tuesday and voted to repair the bridge over the river.\n\n"
                "Work starts in spring and will take two years to finish.\n"_s)
                   .toUtf8());
    return path;
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void wantsCommandOnlyForCommands()
    {
        QVERIFY(CommandLine::wantsCommand({u"copydesk"_s, u"list"_s}));
        QVERIFY(CommandLine::wantsCommand({u"copydesk"_s, u"--library"_s, u"x.sqlite"_s, u"show"_s, u"1"_s}));
        QVERIFY(CommandLine::wantsCommand({u"copydesk"_s, u"--no-such-option"_s}));
        QVERIFY(CommandLine::wantsCommand({u"copydesk"_s, u"--help"_s}));
        QVERIFY(!CommandLine::wantsCommand({u"copydesk"_s}));
        QVERIFY(!CommandLine::wantsCommand({u"copydesk"_s, u"--library"_s, u"list"_s}));
        // Files, folders and web addresses open the window to be imported...
        QTemporaryDir dir;
        const QString story = dir.filePath(u"story.txt"_s);
        QFile file(story);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(!CommandLine::wantsCommand({u"copydesk"_s, story}));
        QVERIFY(!CommandLine::wantsCommand({u"copydesk"_s, dir.path(), u"https://example.org/story"_s}));
        // ...anything else is a mistyped command: a usage error, not a window importing "frobnicate".
        QVERIFY(CommandLine::wantsCommand({u"copydesk"_s, u"frobnicate"_s, u"1"_s}));
        QVERIFY(CommandLine::wantsCommand({u"copydesk"_s, story, u"no-such-file.txt"_s}));
    }

    void wrongUsageExitsWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("unknown option") << QStringList{u"list"_s, u"--frobnicate"_s};
        QTest::newRow("no command") << QStringList{u"--json"_s};
        QTest::newRow("mistyped command") << QStringList{u"frobnicate"_s, u"1"_s};
        QTest::newRow("import nothing") << QStringList{u"import"_s};
        QTest::newRow("show no id") << QStringList{u"show"_s};
        QTest::newRow("show not a number") << QStringList{u"show"_s, u"seven"_s};
        QTest::newRow("export no out") << QStringList{u"export"_s, u"1"_s};
        QTest::newRow("export bad format")
            << QStringList{u"export"_s, u"1"_s, u"--format"_s, u"doc"_s, u"--out"_s, u"x"_s};
        QTest::newRow("bad duplicate policy")
            << QStringList{u"import"_s, u"a.txt"_s, u"--on-duplicate"_s, u"x"_s};
        QTest::newRow("search nothing") << QStringList{u"search"_s};
    }

    void wrongUsageExitsWithTwo()
    {
        QFETCH(QStringList, arguments);
        TestLibrary library;
        const Run result = run(QStringList{u"--library"_s, library.path()} + arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(u"Usage:"_s));
        QVERIFY(result.out.isEmpty());
    }

    void importListSearchShowExport()
    {
        TestLibrary library;
        const QString first =
            writeStory(library.dir, u"bridge.txt"_s, u"Council votes to repair the bridge"_s);
        const QString second = writeStory(library.dir, u"ferry.txt"_s, u"Ferry service to stop in winter"_s);
        const QString lib = library.path();

        Run imported = run({u"--library"_s, lib, u"import"_s, first, second, u"--on-duplicate"_s, u"keep"_s});
        QCOMPARE(imported.exitCode, 0);
        QCOMPARE(imported.out,
                 u"1\tCouncil votes to repair the bridge\n2\tFerry service to stop in winter\n"_s);

        Run listed = run({u"--library"_s, lib, u"list"_s});
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(listed.out.split(u'\n', Qt::SkipEmptyParts).size(), 2);
        Run listedJson = run({u"--library"_s, lib, u"list"_s, u"--json"_s});
        const QJsonArray rows = QJsonDocument::fromJson(listedJson.out.toUtf8()).array();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).toObject().value("id"_L1).toInteger(), 2); // newest first
        QCOMPARE(rows.at(1).toObject().value("headline"_L1).toString(),
                 u"Council votes to repair the bridge"_s);

        Run found = run({u"--library"_s, lib, u"search"_s, u"ferry"_s, u"--json"_s});
        QCOMPARE(found.exitCode, 0);
        const QJsonArray hits = QJsonDocument::fromJson(found.out.toUtf8()).array();
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.at(0).toObject().value("id"_L1).toInteger(), 2);
        QVERIFY(hits.at(0).toObject().contains("snippet"_L1));

        Run shown = run({u"--library"_s, lib, u"show"_s, u"1"_s, u"--json"_s});
        QCOMPARE(shown.exitCode, 0);
        const QJsonObject article = QJsonDocument::fromJson(shown.out.toUtf8()).object();
        QCOMPARE(article.value("headline"_L1).toString(), u"Council votes to repair the bridge"_s);
        QCOMPARE(article.value("status"_L1).toString(), u"saved"_s);
        QVERIFY(article.value("body_text"_L1).toString().contains(u"repair the bridge"_s));
        QVERIFY(article.value("word_count"_L1).toInt() > 10);

        const QString file = library.dir.filePath(u"one.html"_s);
        Run exported =
            run({u"--library"_s, lib, u"export"_s, u"1"_s, u"--format"_s, u"html"_s, u"--out"_s, file});
        QCOMPARE(exported.exitCode, 0);
        QVERIFY(QFile::exists(file));

        const QString folder = library.dir.filePath(u"many"_s);
        Run exportedMany = run(
            {u"--library"_s, lib, u"export"_s, u"1"_s, u"2"_s, u"--format"_s, u"html"_s, u"--out"_s, folder});
        QCOMPARE(exportedMany.exitCode, 0);
        QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 2);
    }

    // Emptying the trash frees pages inside the file; compact gives them back, and the library is whole.
    void compactGivesTheSpaceOfDeletedArticlesBack()
    {
        TestLibrary library;
        const QString lib = library.path();
        QStringList ids;
        for (int i = 0; i < 60; ++i) {
            Article article;
            article.headline = u"Tide table %1"_s.arg(i);
            article.bodyHtml = u"<p>"_s + u"High water at the harbour mouth. "_s.repeated(300) + u"</p>"_s;
            QVERIFY(library.repository->insert(article));
            if (i > 0)
                ids << QString::number(article.id);
        }
        QCOMPARE(run(QStringList{u"--library"_s, lib, u"trash"_s} + ids).exitCode, 0);
        QCOMPARE(run({u"--library"_s, lib, u"empty-trash"_s}).out, u"59\n"_s);
        const Run compacted = run({u"--library"_s, lib, u"compact"_s, u"--json"_s});
        QCOMPARE(compacted.exitCode, 0);
        const QJsonObject sizes = QJsonDocument::fromJson(compacted.out.toUtf8()).object();
        QVERIFY2(sizes.value("bytes_after"_L1).toInteger() * 2 < sizes.value("bytes_before"_L1).toInteger(),
                 qPrintable(compacted.out));
        const Run found = run({u"--library"_s, lib, u"search"_s, u"harbour"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(found.out.toUtf8()).array().size(), 1);
        QCOMPARE(run({u"--library"_s, lib, u"verify"_s}).exitCode, 0);
    }

    void ninjsExportImportsBack()
    {
        TestLibrary library;
        const QString story =
            writeStory(library.dir, u"bridge.txt"_s, u"Council votes to repair the bridge"_s);
        QCOMPARE(run({u"--library"_s, library.path(), u"import"_s, story}).exitCode, 0);
        const QString json = library.dir.filePath(u"bridge.json"_s);
        const Run exported = run({u"--library"_s, library.path(), u"export"_s, u"1"_s, u"--format"_s,
                                  u"ninjs"_s, u"--out"_s, json});
        QCOMPARE(exported.exitCode, 0);

        const QString other = library.dir.filePath(u"other.sqlite"_s);
        const Run imported = run({u"--library"_s, other, u"import"_s, json});
        QCOMPARE(imported.exitCode, 0);
        QCOMPARE(imported.out, u"1\tCouncil votes to repair the bridge\n"_s);
        const QJsonObject original =
            QJsonDocument::fromJson(
                run({u"--library"_s, library.path(), u"show"_s, u"1"_s, u"--json"_s}).out.toUtf8())
                .object();
        const QJsonObject back =
            QJsonDocument::fromJson(run({u"--library"_s, other, u"show"_s, u"1"_s, u"--json"_s}).out.toUtf8())
                .object();
        for (const auto key : {"headline"_L1, "body_html"_L1, "body_text"_L1, "standfirst"_L1, "byline"_L1})
            QCOMPARE(back.value(key), original.value(key));
    }

    void failuresExitWithOneAndNameTheProblem()
    {
        TestLibrary library;
        const QString lib = library.path();
        const QString missing = library.dir.filePath(u"missing.txt"_s);
        const QString good = writeStory(library.dir, u"good.txt"_s, u"Good story"_s);
        Run imported = run({u"--library"_s, lib, u"import"_s, missing, good});
        QCOMPARE(imported.exitCode, 1);
        QVERIFY(imported.err.contains(missing + u": no such file"_s));
        QCOMPARE(imported.out, u"1\tGood story\n"_s); // the rest of the batch goes on
        QVERIFY(imported.err.contains(u"imported 1, skipped 0, failed 1"_s));

        Run shown = run({u"--library"_s, lib, u"show"_s, u"99"_s});
        QCOMPARE(shown.exitCode, 1);
        QVERIFY(shown.err.contains(u"99"_s));

        Run again = run({u"--library"_s, lib, u"import"_s, good});
        QCOMPARE(again.exitCode, 0); // a skipped duplicate is not a failure
        QVERIFY(again.err.contains(u"already in the library"_s));
    }

    void theEnvironmentNamesTheLibrary()
    {
        TestLibrary library;
        const QString story = writeStory(library.dir, u"env.txt"_s, u"Chosen by the environment"_s);
        qputenv("COPYDESK_LIBRARY", library.path().toLocal8Bit());
        const Run imported = run({u"import"_s, story});
        qunsetenv("COPYDESK_LIBRARY");
        QCOMPARE(imported.exitCode, 0);
        QCOMPARE(library.repository->count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
