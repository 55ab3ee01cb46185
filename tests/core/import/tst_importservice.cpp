#include "core/testlibrary.h"
#include "testsupport.h"
#include <cli/formats.h>
#include <import/importservice.h>

#include <QFile>
#include <QSqlQuery>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(bytes);
    return path;
}

const QByteArray story = "World\n\nRivers rise across the valley\n\nBy Ann Smith\n\n"
                         "The river rose by two metres overnight, flooding the lower town.\n\n"
                         "Residents moved to the school on the hill before dawn.\n";
} // namespace

class TestImportService : public QObject
{
    Q_OBJECT

private slots:
    void importsAndStoresAPlainTextFile()
    {
        TestLibrary library;
        ImportService service(*library.repository);
        Formats::addImporters(service);
        const QString path = writeFile(library.dir, u"story.txt"_s, story);
        const ImportOutcome outcome = service.importFile(path);
        QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
        QCOMPARE(outcome.status, ImportOutcome::Status::Imported);
        QCOMPARE(outcome.articleIds.size(), 1);
        QCOMPARE(outcome.headlines, QStringList{u"Rivers rise across the valley"_s});
        const std::optional<Article> article = library.repository->load(outcome.articleIds.first());
        QVERIFY(article);
        QCOMPARE(article->headline, u"Rivers rise across the valley"_s);
        QVERIFY(article->bodyText.contains(u"school on the hill"_s));
    }

    void importsTheSeed()
    {
        const QString seed = sharedDir() + u"/seeds/000_fb72de0f6f4e00f7.txt"_s;
        if (!QFile::exists(seed))
            QSKIP(qPrintable(u"the seed is not at %1 (set COPYDESK_SHARED_DIR)"_s.arg(seed)));
        TestLibrary library;
        ImportService service(*library.repository);
        Formats::addImporters(service);
        const ImportOutcome outcome = service.importFile(seed);
        QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
        const std::optional<Article> article = library.repository->load(outcome.articleIds.value(0));
        QVERIFY(article);
        QCOMPARE(article->headline,
                 u"Belarus Threatens Moscow With Expanding US Mission In Minsk In Rare Affront To Putin"_s);
        QCOMPARE(article->subheadings().size(), 2);
        QVERIFY(article->quotes.size() >= 3);
        QCOMPARE(article->related.size(), 3);
        QCOMPARE(library.repository->search(u"Sulima"_s, 0, 10).size(), 1);
    }

    void duplicatesFollowThePolicy()
    {
        TestLibrary library;
        ImportService service(*library.repository);
        Formats::addImporters(service);
        const QString first = writeFile(library.dir, u"story.txt"_s, story);
        // The same story with other line ends is the same story.
        QByteArray crlf = story;
        const QString second = writeFile(library.dir, u"story-again.txt"_s, crlf.replace("\n", "\r\n"));
        const qint64 id = service.importFile(first).articleIds.value(0);
        QVERIFY(id > 0);

        ImportOutcome skipped = service.importFile(second);
        QCOMPARE(skipped.status, ImportOutcome::Status::Skipped);
        QVERIFY(skipped.error.isEmpty());
        QVERIFY(skipped.warnings.join(u' ').contains(u"already in the library"_s));
        QCOMPARE(library.repository->count(), 1);

        const Article before = *library.repository->load(id);
        service.setDuplicatePolicy(DuplicatePolicy::Replace);
        const ImportOutcome replaced = service.importFile(second);
        QCOMPARE(replaced.status, ImportOutcome::Status::Imported);
        QCOMPARE(replaced.articleIds, QList<qint64>{id});
        const Article after = *library.repository->load(id);
        QCOMPARE(after.uuid, before.uuid); // the same article, replaced in place
        QCOMPARE(after.createdAt, before.createdAt);
        QCOMPARE(library.repository->count(), 1);
        // Nothing lost: the imported version, the one replaced, the new import.
        const QList<RevisionInfo> revisions = library.repository->revisions(id);
        QCOMPARE(revisions.size(), 3);
        QCOMPARE(revisions.at(0).name, u"Imported"_s);
        QCOMPARE(revisions.at(1).name, u"Before an import replaced it"_s);
        QCOMPARE(revisions.at(2).name, u"Imported again"_s);

        service.setDuplicatePolicy(DuplicatePolicy::KeepBoth);
        const ImportOutcome kept = service.importFile(second);
        QCOMPARE(kept.status, ImportOutcome::Status::Imported);
        QVERIFY(kept.articleIds.value(0) != id);
        QCOMPARE(library.repository->count(), 2);
    }

    void badInputNamesTheFileAndStoresNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << u"empty.txt"_s << QByteArray() << u"empty"_s;
        QTest::newRow("binary") << u"image.txt"_s << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 18)
                                << QString();
        QTest::newRow("blank") << u"blank.txt"_s << QByteArray("   \n\n\t\n") << QString();
    }

    void badInputNamesTheFileAndStoresNothing()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        TestLibrary library;
        ImportService service(*library.repository);
        Formats::addImporters(service);
        const QString path = writeFile(library.dir, name, bytes);
        const ImportOutcome outcome = service.importFile(path);
        QCOMPARE(outcome.status, ImportOutcome::Status::Failed);
        QVERIFY2(outcome.error.startsWith(path + u": "_s), qPrintable(outcome.error));
        QVERIFY2(outcome.error.contains(reason), qPrintable(outcome.error));
        QCOMPARE(library.repository->count(), 0);
    }

    void missingFilesAndFoldersAreReported()
    {
        TestLibrary library;
        ImportService service(*library.repository);
        Formats::addImporters(service);
        const QString missing = library.dir.filePath(u"nowhere.txt"_s);
        QCOMPARE(service.importFile(missing).error, missing + u": no such file"_s);
        QVERIFY(service.importFile(library.dir.path()).error.contains(u"folder"_s));
    }

    void askingDecidesEachDuplicate()
    {
        TestLibrary library;
        ImportService service(*library.repository);
        Formats::addImporters(service);
        const QString path = writeFile(library.dir, u"story.txt"_s, story);
        const qint64 id = service.importFile(path).articleIds.value(0);
        QList<qint64> askedAbout;
        QList<DuplicatePolicy> answers = {DuplicatePolicy::KeepBoth, DuplicatePolicy::Skip};
        service.setDuplicateDecider([&](const Article &incoming, qint64 existing) {
            askedAbout.append(existing);
            if (incoming.headline != u"Rivers rise across the valley"_s)
                qWarning("asked about the wrong article");
            return answers.takeFirst();
        });
        QCOMPARE(service.importFile(path).status, ImportOutcome::Status::Imported);
        QCOMPARE(service.importFile(path).status, ImportOutcome::Status::Skipped);
        QCOMPARE(askedAbout, (QList<qint64>{id, id}));
        QCOMPARE(library.repository->count(), 2);
    }

    void webAddressesGoThroughTheDownloader()
    {
        TestLibrary library;
        ImportService service(*library.repository);
        Formats::addImporters(service);
        const QString address = u"https://news.example/rivers"_s;
        QVERIFY(ImportService::isWebAddress(address));
        QVERIFY(!ImportService::isWebAddress(u"/home/me/http.txt"_s));

        // Without a downloader a web address is refused, clearly.
        QVERIFY(service.importFile(address).error.contains(u"not available"_s));

        QList<QUrl> requested;
        service.setDownloader([&](const QUrl &url, QString *error) -> std::optional<ImportSource> {
            requested.append(url);
            if (url.path() == u"/missing"_s) {
                *error = url.toString() + u": the server answered 404 Not Found"_s;
                return std::nullopt;
            }
            ImportSource source;
            source.url = url;
            source.contentType = u"text/plain; charset=utf-8"_s;
            source.bytes = story;
            return source;
        });
        const ImportOutcome outcome = service.importFile(address);
        QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
        QCOMPARE(requested, QList<QUrl>{QUrl(address)});
        QCOMPARE(library.repository->load(outcome.articleIds.value(0))->sourceUrl, address);
        // The same address again is recognised by its URL.
        QCOMPARE(service.importFile(address).status, ImportOutcome::Status::Skipped);

        const ImportOutcome failed = service.importFile(u"https://news.example/missing"_s);
        QCOMPARE(failed.status, ImportOutcome::Status::Failed);
        QCOMPARE(failed.error, u"https://news.example/missing: the server answered 404 Not Found"_s);
        QVERIFY(service.importUrl(QUrl(u"ftp://news.example/x"_s)).error.contains(u"not a web address"_s));
    }

    void batchGivesWhatOneByOneGivesInOrder()
    {
        TestLibrary library;
        ImportService service(*library.repository);
        Formats::addImporters(service);
        QThread *downloadThread = nullptr;
        service.setDownloader([&](const QUrl &url, QString *error) -> std::optional<ImportSource> {
            downloadThread = QThread::currentThread();
            *error = url.toString() + u": the server answered 404 Not Found"_s;
            return std::nullopt;
        });
        QByteArray otherStory = story;
        otherStory.replace("Rivers rise", "Bridges close");
        const QStringList files = {
            writeFile(library.dir, u"rivers.txt"_s, story),
            writeFile(library.dir, u"empty.txt"_s, {}),
            writeFile(library.dir, u"bridges.txt"_s, otherStory),
            writeFile(library.dir, u"rivers-again.txt"_s, story), // a duplicate within the batch
            library.dir.filePath(u"nowhere.txt"_s),
            u"https://news.example/missing"_s,
        };
        QList<qsizetype> indexes;
        QList<ImportOutcome> outcomes;
        service.importFiles(files, [&](qsizetype index, ImportOutcome &&outcome) {
            indexes.append(index);
            outcomes.append(std::move(outcome));
            return true;
        });
        QCOMPARE(indexes, (QList<qsizetype>{0, 1, 2, 3, 4, 5}));
        for (qsizetype i = 0; i < files.size(); ++i)
            QCOMPARE(outcomes.at(i).source, files.at(i));
        QCOMPARE(outcomes.at(0).status, ImportOutcome::Status::Imported);
        QCOMPARE(outcomes.at(1).error, files.at(1) + u": the file is empty"_s);
        QCOMPARE(outcomes.at(2).headlines, QStringList{u"Bridges close across the valley"_s});
        QCOMPARE(outcomes.at(3).status, ImportOutcome::Status::Skipped);
        QCOMPARE(outcomes.at(4).error, files.at(4) + u": no such file"_s);
        QCOMPARE(outcomes.at(5).error, u"https://news.example/missing: the server answered 404 Not Found"_s);
        QCOMPARE(library.repository->count(), 2);
        // Files are read and recognised on a thread of their own, while this one stores.
        QVERIFY(downloadThread);
        QVERIFY(downloadThread != QThread::currentThread());
    }

    void stoppingABatchKeepsWhatWasStored()
    {
        TestLibrary library;
        ImportService service(*library.repository);
        Formats::addImporters(service);
        QStringList files;
        for (int i = 0; i < 4; ++i) {
            QByteArray text = story;
            text.replace("Rivers", "Rivers " + QByteArray::number(i));
            files.append(writeFile(library.dir, u"story-%1.txt"_s.arg(i), text));
        }
        int calls = 0;
        service.importFiles(files, [&](qsizetype index, ImportOutcome &&outcome) {
            ++calls;
            return index < 1 && outcome.status == ImportOutcome::Status::Imported;
        });
        QCOMPARE(calls, 2);
        // The first two stored whole; the third, recognised meanwhile, dropped; the fourth never read.
        QCOMPARE(library.repository->count(), 2);
        QCOMPARE(library.repository->search(u"Rivers"_s, 0, 10).size(), 2);
    }

    void duplicatePolicyNames()
    {
        QCOMPARE(ImportService::duplicatePolicyFromString(u"skip"_s), DuplicatePolicy::Skip);
        QCOMPARE(ImportService::duplicatePolicyFromString(u"replace"_s), DuplicatePolicy::Replace);
        QCOMPARE(ImportService::duplicatePolicyFromString(u"keep"_s), DuplicatePolicy::KeepBoth);
        QVERIFY(!ImportService::duplicatePolicyFromString(u"merge"_s));
    }
};

QTEST_GUILESS_MAIN(TestImportService)
#include "tst_importservice.moc"
