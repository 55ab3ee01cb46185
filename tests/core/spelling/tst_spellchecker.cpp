// Spelling with Debian's Hunspell dictionaries (packaging/dev.sh installs English, Russian, Ukrainian and
// Belarusian): which dictionary a language gets, what is a word to check, suggestions, the names an
// article must not flag, the personal dictionary beside the library, and code left alone.

#include <html/htmltext.h>
#include <spelling/articlespelling.h>
#include <spelling/personaldictionary.h>
#include <spelling/spellchecker.h>

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

std::unique_ptr<SpellChecker> loaded(const QString &language)
{
    std::unique_ptr<SpellChecker> checker = SpellChecker::load(language);
    if (!checker)
        qFatal("No %s dictionary in %s: packaging/dev.sh installs Debian's hunspell-* dictionaries",
               qPrintable(language), qPrintable(SpellChecker::dictionaryDirectories().join(u", "_s)));
    return checker;
}

QStringList wordsOf(const QString &text)
{
    QStringList words;
    for (const WordSpan &span : SpellChecker::wordsToCheck(text))
        words << text.mid(span.start, span.length);
    return words;
}

} // namespace

class TestSpellChecker : public QObject
{
    Q_OBJECT

private slots:
    void eachLanguageFindsItsDictionary_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("dictionary");
        QTest::newRow("en") << u"en"_s << u"en_US"_s;
        QTest::newRow("en-GB") << u"en-GB"_s << u"en_GB"_s;
        QTest::newRow("en_US") << u"en_US"_s << u"en_US"_s;
        QTest::newRow("ru") << u"ru"_s << u"ru_RU"_s;
        QTest::newRow("uk") << u"uk"_s << u"uk_UA"_s;
        QTest::newRow("be") << u"be"_s << u"be_BY"_s;
        QTest::newRow("none for Klingon") << u"tlh"_s << QString();
        QTest::newRow("none for nothing") << QString() << QString();
    }

    void eachLanguageFindsItsDictionary()
    {
        QFETCH(QString, language);
        QFETCH(QString, dictionary);
        const QString aff = SpellChecker::dictionaryFor(language);
        QCOMPARE(QFileInfo(aff).completeBaseName(), dictionary);
        QCOMPARE(SpellChecker::load(language) != nullptr, !dictionary.isEmpty());
    }

    void anUndeclaredLanguageIsGuessedFromTheScript()
    {
        QCOMPARE(SpellChecker::languageFor(u"de"_s, u"Привет"_s), u"de"_s);
        QCOMPARE(SpellChecker::languageFor(QString(), u"Президент заявил, что встреча прошла"_s), u"ru"_s);
        QCOMPARE(SpellChecker::languageFor(QString(), u"Президент заявив, що зустріч відбулася"_s), u"uk"_s);
        QCOMPARE(SpellChecker::languageFor(QString(), u"Прэзідэнт заявіў, што сустрэча адбылася"_s), u"be"_s);
        // Latin text: the system's language where it has a dictionary, else English.
        const QString latin = SpellChecker::languageFor(QString(), u"The president said"_s);
        QVERIFY2(!SpellChecker::dictionaryFor(latin).isEmpty(), qPrintable(latin));
    }

    void theWordsWorthChecking()
    {
        QCOMPARE(wordsOf(u"Don’t write 2020s, NATO, a, or https://example.com/recieve and me@examp.le"_s),
                 (QStringList{u"Don’t"_s, u"write"_s, u"or"_s, u"and"_s}));
        QCOMPARE(wordsOf(u"Лукашенко, ЛУКАШЕНКО и well-known"_s),
                 (QStringList{u"Лукашенко"_s, u"well"_s, u"known"_s}));
    }

    void englishRightWrongAndSuggestions()
    {
        const auto checker = loaded(u"en"_s);
        QVERIFY(checker->isCorrect(u"receive"_s));
        QVERIFY(checker->isCorrect(u"Receive"_s));
        QVERIFY(checker->isCorrect(u"don’t"_s)); // the typographic apostrophe the editor types
        QVERIFY(checker->isCorrect(u"government's"_s));
        QVERIFY(!checker->isCorrect(u"recieve"_s));
        QVERIFY(!checker->isCorrect(u"goverment"_s));
        QVERIFY(checker->suggestions(u"recieve"_s).contains(u"receive"_s));
        QVERIFY(checker->suggestions(u"goverment"_s).contains(u"government"_s));
        QVERIFY(checker->suggestions(u"recieve"_s, 2).size() <= 2);
        // A sentence's first word: "Teh" suggests "The" first, as "teh" does "the".
        QCOMPARE(checker->suggestions(u"Teh"_s).value(0), u"The"_s);
        QCOMPARE(checker->suggestions(u"teh"_s).value(0), u"the"_s);
    }

    void cyrillicLanguages()
    {
        const auto russian = loaded(u"ru"_s);
        QVERIFY(russian->isCorrect(u"привет"_s));
        QVERIFY(russian->isCorrect(u"заявил"_s));
        QVERIFY(russian->isCorrect(u"ёлка"_s));
        QVERIFY(russian->isCorrect(u"елка"_s));
        QVERIFY(!russian->isCorrect(u"превед"_s));
        QVERIFY(russian->suggestions(u"заевил"_s).contains(u"заявил"_s));
        const auto ukrainian = loaded(u"uk"_s);
        QVERIFY(ukrainian->isCorrect(u"привіт"_s));
        QVERIFY(ukrainian->isCorrect(u"м’ята"_s));
        QVERIFY(!ukrainian->isCorrect(u"привііт"_s));
        const auto belarusian = loaded(u"be"_s);
        QVERIFY(belarusian->isCorrect(u"дзякуй"_s));
        QVERIFY(!belarusian->isCorrect(u"дзякууй"_s));
    }

    void theArticlesPeopleAreNotFlagged()
    {
        const auto english = loaded(u"en"_s);
        Article article;
        article.language = u"en"_s;
        article.byline = u"Tomasz Sulima and Hanna Liubakova"_s;
        article.quotes = {{u"We will not yield"_s, u"Uladzimir Makei"_s, u"foreign minister"_s, {}},
                          {u"Мы не уступим"_s, u"Владимир Макей"_s, {}, {}}};
        const ArticleNames names(article);
        const QString text = u"Makei told Sulima's photographer that Liubakova and Zxqwv were late."_s;
        QList<SpellingFinding> findings =
            ArticleSpelling::checkText(text, u"body"_s, *english, nullptr, names);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().word, u"Zxqwv"_s);
        QCOMPARE(findings.first().offset, text.indexOf(u"Zxqwv"_s));
        QCOMPARE(findings.first().length, 5);

        // Russian names decline: Макей, Макея, Макею, Макеем.
        const auto russian = loaded(u"ru"_s);
        const QString russianText =
            u"По словам Макея, встреча с Макеем прошла. Макею передали письмо Зхкщв."_s;
        findings = ArticleSpelling::checkText(russianText, u"body"_s, *russian, nullptr, names);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().word, u"Зхкщв"_s);
        // A name's words are names only capitalised: "sulima" in lower case is still a slip.
        QVERIFY(!names.contains(u"sulima"_s));
        QVERIFY(names.contains(u"Sulima"_s));
    }

    void thePersonalDictionaryLivesBesideTheLibrary()
    {
        QTemporaryDir directory;
        const QString library = directory.filePath(u"newsroom.sqlite"_s);
        const QString path = PersonalDictionary::pathBeside(library);
        QCOMPARE(path, directory.filePath(u"newsroom-dictionary.txt"_s));
        {
            PersonalDictionary personal(path);
            QVERIFY(personal.words().isEmpty());
            QVERIFY(personal.add(u"Zxqwv"_s));
            QVERIFY(personal.add(u"Лукашэнка"_s));
            QVERIFY(personal.add(u"Zxqwv"_s)); // once only
            QVERIFY(!personal.add(u"  "_s));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), u"Zxqwv\nЛукашэнка\n"_s);

        PersonalDictionary again(path);
        QVERIFY(again.contains(u"Zxqwv"_s));
        const auto english = loaded(u"en"_s);
        QVERIFY(!ArticleSpelling::isMisspelled(u"Zxqwv"_s, *english, &again, ArticleNames()));
        QVERIFY(!ArticleSpelling::isMisspelled(u"Zxqwv's"_s, *english, &again, ArticleNames()));
        QVERIFY(ArticleSpelling::isMisspelled(u"Zxqwx"_s, *english, &again, ArticleNames()));
        QVERIFY(again.remove(u"Zxqwv"_s));
        QCOMPARE(PersonalDictionary(path).words(), QStringList{u"Лукашэнка"_s});

        // A folder that cannot be written: a clear error naming the file, and the word not kept.
        PersonalDictionary nowhere(u"/proc/copydesk-no-such-folder/library-dictionary.txt"_s);
        QVERIFY(!nowhere.add(u"Zxqwv"_s));
        QVERIFY2(nowhere.errorString().contains(u"/proc/copydesk-no-such-folder"_s),
                 qPrintable(nowhere.errorString()));
        QVERIFY(!nowhere.contains(u"Zxqwv"_s));
    }

    void anArticlesCodeIsNotChecked()
    {
        const auto english = loaded(u"en"_s);
        Article article;
        article.language = u"en"_s;
        article.headline = u"A headlline"_s;
        article.bodyHtml =
            u"<p>Call <code>fooBarBaz qwxz</code> with care.</p><pre>int zzqx = 1;\nqrrtx();</pre>"
            u"<p>The speling is wrong here.</p>"_s;
        article.bodyText = HtmlText::plainText(article.bodyHtml);
        article.quotes = {{u"It was a disastar"_s, u"Jane Roe"_s, {}, {}}};
        QStringList found;
        for (const SpellingFinding &finding : ArticleSpelling::check(article, *english, nullptr)) {
            found << finding.field + u':' + finding.word;
            if (finding.field == u"body"_s)
                QCOMPARE(article.bodyText.mid(finding.offset, finding.length), finding.word);
        }
        QCOMPARE(found, (QStringList{u"headline:headlline"_s, u"body:speling"_s, u"quote 1:disastar"_s}));
    }
};

QTEST_GUILESS_MAIN(TestSpellChecker)
#include "tst_spellchecker.moc"
