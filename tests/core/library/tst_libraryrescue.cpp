#include "damagedlibrary.h"
#include <library/articlerepository.h>
#include <library/librarydatabase.h>
#include <library/libraryrescue.h>

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {
QByteArray fileHash(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly)
               ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
               : QByteArray();
}
} // namespace

class TestLibraryRescue : public QObject
{
    Q_OBJECT

private slots:
    void copiesEveryReadableArticleIntoANewLibrary()
    {
        QTemporaryDir dir;
        const QString damagedPath = dir.filePath(u"damaged.sqlite"_s);
        QVERIFY(writeDamagedLibrary(damagedPath, 300));
        const QByteArray before = fileHash(damagedPath);

        LibraryDatabase damaged(damagedPath);
        QVERIFY(damaged.open(LibraryDatabase::Access::ReadOnly));
        QVERIFY(!damaged.quickCheck().isEmpty());
        LibraryDatabase target(dir.filePath(u"rescued.sqlite"_s));
        QVERIFY(target.open());

        // The window's unsaved edit of article 2 goes in instead of the stored copy.
        Article edited;
        edited.id = 2;
        edited.headline = u"Edited but never saved"_s;
        edited.bodyHtml = u"<p>Words typed before the damage was found.</p>"_s;
        int calls = 0;
        const RescueReport report =
            LibraryRescue::rescue(damaged, target, {edited}, [&](int done, int total) {
                ++calls;
                return done <= total;
            });
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QVERIFY(!report.cancelled);
        QVERIFY(calls > 0);
        // Most of the library is readable; the damaged pages cost some articles, and those are named.
        QVERIFY2(report.rescued > 150, qPrintable(QString::number(report.rescued)));
        QCOMPARE(report.rescued + int(report.unreadable.size()), calls);
        QVERIFY(report.rescued + report.unreadable.size() >= 290);

        ArticleRepository rescued(target);
        QCOMPARE(rescued.count(), report.rescued);
        QSqlQuery check(u"PRAGMA integrity_check"_s, target.connection());
        QVERIFY(check.next());
        QCOMPARE(check.value(0).toString(), u"ok"_s);
        // Whole articles, found by their text.
        QVERIFY(!rescued.search(u"\"Words typed before the damage\""_s, 0, 10).isEmpty());
        const QList<ArticleSummary> last = rescued.search(u"\"Article number 300\""_s, 0, 10);
        if (!report.unreadable.contains(300)) {
            QCOMPARE(last.size(), 1);
            const std::optional<Article> article = rescued.load(last.first().id);
            QVERIFY(article);
            QVERIFY(article->bodyText.contains(u"Paragraph of article 300"_s));
        }
        QCOMPARE(fileHash(damagedPath), before); // the damaged file was only read
    }

    void stopsWhenAsked()
    {
        QTemporaryDir dir;
        const QString sourcePath = dir.filePath(u"source.sqlite"_s);
        {
            LibraryDatabase source(sourcePath);
            QVERIFY(source.open());
            ArticleRepository repository(source);
            for (int i = 0; i < 10; ++i) {
                Article article;
                article.headline = u"Article %1"_s.arg(i);
                QVERIFY(repository.insert(article));
            }
        }
        LibraryDatabase source(sourcePath);
        QVERIFY(source.open(LibraryDatabase::Access::ReadOnly));
        LibraryDatabase target(dir.filePath(u"target.sqlite"_s));
        QVERIFY(target.open());
        const RescueReport report =
            LibraryRescue::rescue(source, target, [](int done, int) { return done < 4; });
        QVERIFY(report.cancelled);
        QCOMPARE(report.rescued, 4);
        QCOMPARE(ArticleRepository(target).count(), 4);
    }
};

QTEST_GUILESS_MAIN(TestLibraryRescue)
#include "tst_libraryrescue.moc"
