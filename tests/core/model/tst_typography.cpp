#include <model/typography.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

// Types the text one character at a time, as the editor does with each replacement applied.
QString typeIn(const QString &keys, const QString &language)
{
    QString text;
    for (const QChar key : keys) {
        const Typography::Replacement replacement = Typography::forTyped(key, text, language);
        if (replacement.text.isEmpty()) {
            text += key;
        } else {
            text.chop(replacement.removeBefore);
            text += replacement.text;
        }
    }
    return text;
}

} // namespace

class TestTypography : public QObject
{
    Q_OBJECT

private slots:
    void typing_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("keys");
        QTest::addColumn<QString>("text");
        QTest::newRow("english quotes")
            << u"en"_s << u"He said \"it's over\" and left."_s << u"He said “it’s over” and left."_s;
        QTest::newRow("english inner quotes")
            << u"en-GB"_s << u"\"She called it 'a relic' today\""_s << u"“She called it ‘a relic’ today”"_s;
        QTest::newRow("no language is English") << QString() << u"\"Yes\""_s << u"“Yes”"_s;
        QTest::newRow("russian quotes")
            << u"ru"_s << u"Он сказал: \"Мы не уйдём\"."_s << u"Он сказал: «Мы не уйдём»."_s;
        QTest::newRow("russian inner quotes")
            << u"ru"_s << u"\"Это 'Беларусь' сегодня\""_s << u"«Это „Беларусь“ сегодня»"_s;
        QTest::newRow("english dash between words")
            << u"en"_s << u"Minsk - and Moscow"_s << u"Minsk – and Moscow"_s;
        QTest::newRow("russian dash between words")
            << u"ru"_s << u"Минск - столица"_s << u"Минск — столица"_s;
        QTest::newRow("double hyphen") << u"en"_s << u"wait--no"_s << u"wait—no"_s;
        QTest::newRow("ellipsis") << u"en"_s << u"and so..."_s << u"and so…"_s;
        QTest::newRow("hyphenated word stays") << u"en"_s << u"pro-Western"_s << u"pro-Western"_s;
        QTest::newRow("quote after bracket opens") << u"en"_s << u"(\"yes\")"_s << u"(“yes”)"_s;
    }
    void typing()
    {
        QFETCH(QString, language);
        QFETCH(QString, keys);
        QFETCH(QString, text);
        QCOMPARE(typeIn(keys, language), text);
    }
};

QTEST_GUILESS_MAIN(TestTypography)
#include "tst_typography.moc"
