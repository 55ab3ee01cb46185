#include <render/articlerenderer.h>
#include <render/htmlexporter.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Copydesk;

class TestHtmlExporter : public QObject
{
    Q_OBJECT

private slots:
    void writesOneStandaloneUtf8File()
    {
        QTemporaryDir dir;
        Article article;
        article.id = 5;
        article.headline = u"Ночь над Минском — “quoted”"_s;
        article.bodyHtml = u"<p>Текст.</p>\n"_s;
        const ArticleRenderer renderer;
        HtmlExporter exporter(renderer);
        const QString path = dir.filePath(u"out.html"_s);
        QVERIFY2(exporter.write(article, path), qPrintable(exporter.error()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("<!DOCTYPE html>"));
        QVERIFY(bytes.contains(u"<h1>Ночь над Минском — “quoted”</h1>"_s.toUtf8()));
        QCOMPARE(QString::fromUtf8(bytes),
                 renderer.renderPage(article, ArticleRenderer::ImageMode::Embedded));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"out.html"_s}); // no temporary left
    }

    void failureNamesTheFileAndLeavesNothing()
    {
        QTemporaryDir dir;
        const ArticleRenderer renderer;
        HtmlExporter exporter(renderer);
        const QString path = dir.filePath(u"missing-folder/out.html"_s);
        QVERIFY(!exporter.write(Article(), path));
        QVERIFY2(exporter.error().contains(path), qPrintable(exporter.error()));
        QVERIFY(!QFile::exists(path));
    }

    void replacesAnExistingFileWhole()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"out.html"_s);
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(QByteArray(100000, 'x'));
        old.close();
        const ArticleRenderer renderer;
        HtmlExporter exporter(renderer);
        Article article;
        article.headline = u"Fresh"_s;
        QVERIFY(exporter.write(article, path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("xxxx"));
    }

    void suggestsReadableFileNames()
    {
        Article article;
        article.id = 12;
        article.headline = u"Belarus Threatens Moscow: “Rare” Affront!"_s;
        QCOMPARE(HtmlExporter::suggestedFileName(article),
                 u"12-belarus-threatens-moscow-rare-affront.html"_s);
        article.headline = u"Ночь над Минском"_s;
        QCOMPARE(HtmlExporter::suggestedFileName(article), u"12-ночь-над-минском.html"_s);
        article.headline = u"?!"_s;
        QCOMPARE(HtmlExporter::suggestedFileName(article), u"12-untitled.html"_s);
    }
};

QTEST_GUILESS_MAIN(TestHtmlExporter)
#include "tst_htmlexporter.moc"
