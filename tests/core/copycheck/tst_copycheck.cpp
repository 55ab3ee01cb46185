// The copy check on the seed (exactly what its expected.json lists, at the right places, nothing else in
// the body), on what must never be a finding, and on the Readability corpus (findings per 1,000 words
// printed, with a sample to look at).

#include "testsupport.h"
#include <copycheck/copycheck.h>
#include <html/htmltext.h>
#include <import/articleimporter.h>
#include <import/importservice.h>
#include <import/plaintext/plaintextimporter.h>
#include <library/articlerepository.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Copydesk;

class TestCopyCheck : public QObject
{
    Q_OBJECT

private slots:
    void theSeedGivesExactlyItsExpectedBodyFindings()
    {
        const QString seed = sharedDir() + u"/seeds/000_fb72de0f6f4e00f7"_s;
        QFile text(seed + u".txt"_s);
        QFile expectedFile(seed + u".expected.json"_s);
        if (!text.open(QIODevice::ReadOnly) || !expectedFile.open(QIODevice::ReadOnly))
            QSKIP(qPrintable(u"the seed is not at %1 (set COPYDESK_SHARED_DIR)"_s.arg(seed)));
        ImportSource source;
        source.fileName = u"seed.txt"_s;
        source.bytes = text.readAll();
        ImportResult result = PlainTextImporter().import(source);
        QVERIFY(result.ok());
        Article article = result.articles.first();
        ArticleRepository::prepareForStorage(article); // the body text as the library keeps it
        const QJsonObject expected = QJsonDocument::fromJson(expectedFile.readAll())
                                         .object()
                                         .value("copy_check_body_findings"_L1)
                                         .toObject();

        QMap<QString, QStringList> found;
        for (const CopyFinding &finding : CopyCheck::check(article)) {
            if (finding.field != "body"_L1)
                continue;
            found[finding.kind].append(finding.excerpt);
            // Each at its place: the excerpt is around the offset in the body text.
            const qsizetype around =
                article.bodyText.indexOf(finding.excerpt, std::max<qsizetype>(0, finding.offset - 40));
            QVERIFY2(around >= 0 && around <= finding.offset &&
                         finding.offset <= around + finding.excerpt.size(),
                     qPrintable(finding.excerpt));
        }
        QMap<QString, QStringList> wanted;
        for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
            if (!it.value().isArray())
                continue; // the note
            for (const QJsonValue &excerpt : it.value().toArray())
                wanted[it.key()].append(excerpt.toString());
        }
        QCOMPARE(found, wanted);

        // The one-click fix of each "missing space" makes it go away, and nothing new appears.
        QString fixed = article.bodyText;
        QList<CopyFinding> body = CopyCheck::checkText(fixed, u"body"_s, u"en"_s);
        for (auto finding = body.crbegin(); finding != body.crend(); ++finding) {
            if (finding->hasFix && finding->kind == "missing_space_after_sentence_end"_L1)
                fixed.replace(finding->offset, finding->length, finding->fix);
        }
        const QList<CopyFinding> after = CopyCheck::checkText(fixed, u"body"_s, u"en"_s);
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.first().kind, u"space_before_closing_quote"_s);
    }

    void whatIsNeverAFinding_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("abbreviation") << u"U.S. officials met Mr. Smith and Dr. Jones in the U.K. today."_s;
        QTest::newRow("initials") << u"J.R.R. Tolkien wrote it, said A. N. Other."_s;
        QTest::newRow("decimal") << u"Growth was 3.5 percent, up from 2.9 percent."_s;
        QTest::newRow("time") << u"The vote is at 10.30 p.m. on Monday."_s;
        QTest::newRow("address") << u"See www.example.org/News and write to desk@example.com today."_s;
        QTest::newRow("ellipsis") << u"He paused… then went on. And so on..."_s;
        QTest::newRow("typographic quotes") << u"“We will sail,” she said, and ‘that’s that’."_s;
        QTest::newRow("had had") << u"He had had enough."_s;
    }
    void whatIsNeverAFinding()
    {
        QFETCH(QString, text);
        const QList<CopyFinding> findings = CopyCheck::checkText(text, u"body"_s, u"en"_s);
        QVERIFY2(findings.isEmpty(),
                 qPrintable(findings.isEmpty() ? QString()
                                               : findings.first().kind + u": "_s + findings.first().excerpt));
    }

    void whatIsAFinding_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("kind");
        QTest::newRow("double space") << u"The council  met."_s << u"double_space"_s;
        QTest::newRow("space before comma") << u"The council met , late."_s << u"space_before_punctuation"_s;
        QTest::newRow("repeated word") << u"The the council met."_s << u"repeated_word"_s;
        QTest::newRow("straight quote") << u"He said \"no\" twice."_s << u"straight_quote"_s;
        QTest::newRow("unbalanced") << u"He said “no twice."_s << u"unbalanced"_s;
        QTest::newRow("run-on") << u"It rained.Then it stopped."_s << u"missing_space_after_sentence_end"_s;
    }
    void whatIsAFinding()
    {
        QFETCH(QString, text);
        QFETCH(QString, kind);
        const QList<CopyFinding> findings = CopyCheck::checkText(text, u"body"_s, u"en"_s);
        QVERIFY(!findings.isEmpty());
        QCOMPARE(findings.first().kind, kind);
    }

    void theFieldsToo()
    {
        Article article;
        article.headline = QString(80, u'x');
        article.status = ArticleStatus::Ready;
        article.quotes = {{u"We will sail on Monday"_s, {}, {}, {}}};
        ArticleImage image;
        article.images = {image};
        QStringList kinds;
        for (const CopyFinding &finding : CopyCheck::check(article))
            kinds << finding.kind;
        QCOMPARE(kinds,
                 (QStringList{u"headline_too_long"_s, u"empty_standfirst"_s, u"quote_without_speaker"_s,
                              u"image_without_credit"_s, u"image_without_alt_text"_s}));
    }

    // Code is not prose: straight quotes, doubled spaces and "a.b" in a program are what they should be.
    void codeIsNotChecked()
    {
        Article article;
        article.headline = u"Code"_s;
        article.language = u"en"_s;
        article.bodyHtml = u"<p>Run <code>print(\"hi\")  ;x.y</code> to greet.Then stop.</p>"
                           u"<pre>if (a) {\n    say(\"it  is\") ;\n}</pre><p>A \"straight\" quote.</p>"_s;
        article.bodyText = HtmlText::plainText(article.bodyHtml);
        QStringList found;
        for (const CopyFinding &finding : CopyCheck::check(article))
            found << finding.kind + u' ' +
                         article.bodyText.mid(finding.offset, std::max<qsizetype>(finding.length, 1));
        // The prose around the code is still checked: the missing space after "greet." and the straight
        // quotes.
        QVERIFY2(found.size() == 3, qPrintable(found.join(u"|"_s)));
        QVERIFY2(found.first().startsWith(u"missing_space_after_sentence_end"_s),
                 qPrintable(found.join(u'|')));
        QVERIFY2(found.at(1).startsWith(u"straight_quote"_s), qPrintable(found.join(u'|')));
        QCOMPARE(HtmlText::codeTexts(article.bodyHtml).size(), 2);
    }

    // Not a verdict: the rate on real articles, printed with a sample, for a person to look at.
    void findingsPerThousandWordsOnTheCorpus()
    {
        const QString corpus = sharedDir() + u"/corpora/readability"_s;
        const QStringList pages = QDir(corpus).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        if (pages.isEmpty())
            QSKIP(qPrintable(u"the Readability corpus is not at %1"_s.arg(corpus)));
        qint64 words = 0;
        QMap<QString, int> byKind;
        QStringList sample;
        for (const QString &page : pages) {
            QFile expected(corpus + u'/' + page + u"/expected.html"_s);
            if (!expected.open(QIODevice::ReadOnly))
                continue;
            Article article;
            article.headline = page;
            article.bodyHtml = QString::fromUtf8(expected.readAll());
            article.bodyText = HtmlText::plainText(article.bodyHtml);
            article.language = u"en"_s;
            words += HtmlText::wordCount(article.bodyText);
            for (const CopyFinding &finding : CopyCheck::check(article)) {
                if (finding.field != u"body"_s)
                    continue;
                ++byKind[finding.kind];
                if (sample.size() < 25 && byKind[finding.kind] % 7 == 1)
                    sample << u"%1 %2: %3"_s.arg(page, finding.kind, finding.excerpt.left(60));
            }
        }
        int total = 0;
        for (int count : std::as_const(byKind))
            total += count;
        qInfo("corpus: %lld words, %d findings, %.2f per 1,000 words", words, total,
              words ? 1000.0 * total / words : 0.0);
        for (auto it = byKind.constBegin(); it != byKind.constEnd(); ++it)
            qInfo("  %s: %d", qPrintable(it.key()), it.value());
        for (const QString &line : std::as_const(sample))
            qInfo("  sample %s", qPrintable(line));
        QVERIFY(words > 100000);
    }
};

QTEST_GUILESS_MAIN(TestCopyCheck)
#include "tst_copycheck.moc"
