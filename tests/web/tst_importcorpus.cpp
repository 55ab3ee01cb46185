// The whole saved-page import (decoder, metadata, Readability in WebEngine, images, sanitizer, library)
// scored on the Readability test pages of the shared corpora, with the scoring of corpora/README.md.
// Its speed is measured by tests/bench/copydesk_web_bench, on the same pages.

#include "core/testlibrary.h"
#include "testsupport.h"
#include "urlfetcher.h"
#include "webimportsetup.h"
#include "webpageextractor.h"
#include <cli/formats.h>
#include <html/htmltext.h>
#include <import/importservice.h>

#include <QDir>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

// The title less a " | Name", " - Name" (and the like) end naming one of the given names, compared by
// letters and digits without case; the title itself when it has no such end.
QString withoutTrailingName(const QString &title, const QStringList &names)
{
    auto key = [](const QString &text) {
        QString letters;
        for (const QChar c : text) {
            if (c.isLetterOrNumber())
                letters += c.toLower();
        }
        return letters;
    };
    static const QRegularExpression separator(uR"(\s+(?:[|\-\x{2013}\x{2014}\x{00b7}\x{00bb}/]|::)\s+)"_s);
    qsizetype at = -1;
    qsizetype length = 0;
    for (QRegularExpressionMatchIterator it = separator.globalMatch(title); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        at = match.capturedStart();
        length = match.capturedLength();
    }
    if (at <= 0)
        return title;
    const QString end = key(title.mid(at + length));
    for (QString name : names) {
        name.remove(QRegularExpression(u"^\\s*by\\s+"_s, QRegularExpression::CaseInsensitiveOption));
        if (!end.isEmpty() && key(name) == end)
            return title.left(at).trimmed();
    }
    return title;
}

QString folded(const QString &text)
{
    return text.simplified();
}

// Lower case, punctuation dropped, white space folded; then every run of four words.
QSet<QString> shingles(const QString &text)
{
    static const QRegularExpression punctuation(u"[^\\p{L}\\p{N}\\s]"_s);
    const QStringList words = text.toLower().remove(punctuation).split(u' ', Qt::SkipEmptyParts);
    QStringList flat;
    for (const QString &word : words)
        flat.append(word.simplified().split(u' ', Qt::SkipEmptyParts));
    QSet<QString> result;
    for (qsizetype i = 0; i + 3 < flat.size(); ++i)
        result.insert(flat.mid(i, 4).join(u' '));
    return result;
}

double f1(const QString &expected, const QString &actual)
{
    const QSet<QString> want = shingles(expected);
    const QSet<QString> got = shingles(actual);
    if (want.isEmpty() && got.isEmpty())
        return 1.0;
    if (want.isEmpty() || got.isEmpty())
        return 0.0;
    const double common = double(QSet<QString>(want).intersect(got).size());
    const double precision = common / double(got.size());
    const double recall = common / double(want.size());
    return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestImportCorpus : public QObject
{
    Q_OBJECT

private slots:
    void readabilityPages()
    {
        const QString corpus = sharedDir() + u"/corpora/readability"_s;
        const QStringList pages = QDir(corpus).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        if (pages.isEmpty())
            QSKIP(qPrintable(u"the Readability corpus is not in %1 (set COPYDESK_SHARED_DIR)"_s.arg(corpus)));

        TestLibrary library;
        WebImportSetup web(
            [](QString *) -> std::unique_ptr<PageExtractor> { return std::make_unique<WebPageExtractor>(); },
            [](QString *) -> std::unique_ptr<PageDownloader> { return std::make_unique<UrlFetcher>(); });
        ImportService service(*library.repository);
        Formats::addImporters(service);
        service.setDuplicatePolicy(DuplicatePolicy::KeepBoth);
        web.apply(service);

        // The whole corpus in one batch, as File > Import of a folder does it.
        QStringList files;
        for (const QString &name : pages)
            files.append(corpus + u'/' + name + u"/source.html"_s);
        QList<ImportOutcome> outcomes;
        service.importFiles(files, [&](qsizetype, ImportOutcome &&outcome) {
            outcomes.append(std::move(outcome));
            return true;
        });
        QCOMPARE(outcomes.size(), pages.size());

        int headlines = 0, exactHeadlines = 0, bylines = 0, bylinePages = 0, excerpts = 0, excerptPages = 0,
            notReaderable = 0;
        double f1Sum = 0;
        int scored = 0;
        QStringList misses;
        for (qsizetype i = 0; i < pages.size(); ++i) {
            const QString &name = pages.at(i);
            const QString dir = corpus + u'/' + name;
            const QJsonObject expected =
                QJsonDocument::fromJson(readFile(dir + u"/expected-metadata.json"_s)).object();
            const ImportOutcome &outcome = outcomes.at(i);
            const bool readerable = expected.value("readerable"_L1).toBool(true);
            if (!readerable) {
                ++notReaderable;
                // Refused with a clear message, or imported with a warning: never silently, never a crash.
                QVERIFY2(!outcome.error.isEmpty() || !outcome.warnings.isEmpty(), qPrintable(name));
                if (outcome.articleIds.isEmpty())
                    continue;
            }
            QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
            const std::optional<Article> article = library.repository->load(outcome.articleIds.value(0));
            QVERIFY2(article, qPrintable(name));
            ++scored;

            // Readability leaves a site's or author's name at the end of some titles ("Story | Jane Roe");
            // Copydesk drops it on purpose. A headline counts as right when it is Readability's title, or
            // that title less such an end, judged by the names in the expected metadata.
            const QString title = expected.value("title"_L1).toString().trimmed();
            const QString titleWithoutName = withoutTrailingName(
                title, {expected.value("siteName"_L1).toString(), expected.value("byline"_L1).toString()});
            if (article->headline.trimmed() == title)
                ++exactHeadlines;
            if (article->headline.trimmed() == title || article->headline.trimmed() == titleWithoutName)
                ++headlines;
            else
                misses << u"%1: headline \"%2\" (expected \"%3\")"_s.arg(name, article->headline, title);
            const QString byline = expected.value("byline"_L1).toString();
            if (!byline.trimmed().isEmpty()) {
                ++bylinePages;
                if (folded(article->byline) == folded(byline))
                    ++bylines;
                else
                    misses << u"%1: byline \"%2\" (expected \"%3\")"_s.arg(name, article->byline, byline);
            }
            const QString excerpt = expected.value("excerpt"_L1).toString();
            if (!excerpt.trimmed().isEmpty()) {
                ++excerptPages;
                if (folded(article->standfirst) == folded(excerpt))
                    ++excerpts;
                else
                    misses << u"%1: standfirst \"%2\" (expected \"%3\")"_s.arg(
                        name, article->standfirst.left(80), excerpt.left(80));
            }
            const QString expectedText =
                HtmlText::plainText(QString::fromUtf8(readFile(dir + u"/expected.html"_s)));
            const double score = f1(expectedText, article->bodyText);
            if (score < 0.9)
                misses << u"%1: body F1 %2"_s.arg(name).arg(score, 0, 'f', 3);
            f1Sum += score;
        }

        const double headlineRate = 100.0 * headlines / scored;
        const double bylineRate = bylinePages ? 100.0 * bylines / bylinePages : 100.0;
        const double excerptRate = excerptPages ? 100.0 * excerpts / excerptPages : 100.0;
        const double meanF1 = f1Sum / scored;
        for (const QString &miss : std::as_const(misses))
            qInfo("%s", qPrintable(miss));
        qInfo("%lld pages (%d not readerable, %d scored): headline %.1f%% (%.1f%% to the letter of "
              "Readability's "
              "title, site and author names at its end included), byline %.1f%% of %d, standfirst = excerpt "
              "%.1f%% of %d, body 4-word-shingle F1 %.3f",
              qlonglong(pages.size()), notReaderable, scored, headlineRate, 100.0 * exactHeadlines / scored,
              bylineRate, bylinePages, excerptRate, excerptPages, meanF1);
        QVERIFY(headlineRate >= 95.0);
        QVERIFY(bylineRate >= 85.0);
        QVERIFY(excerptRate >= 80.0);
        QVERIFY(meanF1 >= 0.95);
    }
};

int main(int argc, char *argv[])
{
    Copydesk::registerImportScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QGuiApplication app(argc, argv);
    TestImportCorpus test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_importcorpus.moc"
