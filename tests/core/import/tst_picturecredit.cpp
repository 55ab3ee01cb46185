#include <import/picturecredit.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Copydesk;

class TestPictureCredit : public QObject
{
    Q_OBJECT

private slots:
    void splitCaption_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("caption");
        QTest::addColumn<QString>("credit");
        QTest::addColumn<QString>("creditLine");
        QTest::addColumn<QString>("copyright");
        QTest::newRow("photo colon") << u"Cranes on the quay. Photo: Jens Holm/Courier"_s
                                     << u"Cranes on the quay."_s << u"Jens Holm/Courier"_s
                                     << u"Photo: Jens Holm/Courier"_s << QString();
        QTest::newRow("photograph") << u"Protesters in London. Photograph: Jane Doe/Reuters"_s
                                    << u"Protesters in London."_s << u"Jane Doe/Reuters"_s
                                    << u"Photograph: Jane Doe/Reuters"_s << QString();
        QTest::newRow("parenthesised photo by")
            << u"The village below the pass. (Photo by Tom Becker/Reuters)"_s
            << u"The village below the pass."_s << u"Tom Becker/Reuters"_s << u"Photo by Tom Becker/Reuters"_s
            << QString();
        QTest::newRow("credit colon") << u"A dog in the snow. Credit: Sam Roe"_s << u"A dog in the snow."_s
                                      << u"Sam Roe"_s << u"Credit: Sam Roe"_s << QString();
        QTest::newRow("copyright sign")
            << u"The harbour at night. © 2023 Port Authority"_s << u"The harbour at night."_s
            << u"Port Authority"_s << u"© 2023 Port Authority"_s << u"© 2023 Port Authority"_s;
        QTest::newRow("image colon") << u"A chart of the results. Image: Data Desk"_s
                                     << u"A chart of the results."_s << u"Data Desk"_s
                                     << u"Image: Data Desk"_s << QString();
        QTest::newRow("foto") << u"Ein Bild im Text. Foto: Jonas Weber"_s << u"Ein Bild im Text."_s
                              << u"Jonas Weber"_s << u"Foto: Jonas Weber"_s << QString();
        QTest::newRow("getty alone") << u"Fans celebrate in the square. Getty Images"_s
                                     << u"Fans celebrate in the square."_s << u"Getty Images"_s
                                     << u"Getty Images"_s << QString();
        QTest::newRow("agency with photographer")
            << u"Fans celebrate. Ana Ruiz/AFP via Getty Images"_s << u"Fans celebrate."_s
            << u"Ana Ruiz/AFP via Getty Images"_s << u"Ana Ruiz/AFP via Getty Images"_s << QString();
        QTest::newRow("ap photo") << u"The president speaks. AP Photo/Evan Vucci"_s
                                  << u"The president speaks."_s << u"AP Photo/Evan Vucci"_s
                                  << u"AP Photo/Evan Vucci"_s << QString();
        QTest::newRow("parenthesised agency")
            << u"Smoke over the city (Reuters)"_s << u"Smoke over the city"_s << u"Reuters"_s << u"Reuters"_s
            << QString();
        QTest::newRow("after a bar") << u"Smoke over the city | Photo: Kim Park"_s << u"Smoke over the city"_s
                                     << u"Kim Park"_s << u"Photo: Kim Park"_s << QString();
        QTest::newRow("run together") << u"A protest in Paris Photo: Jo Kim"_s << u"A protest in Paris"_s
                                      << u"Jo Kim"_s << u"Photo: Jo Kim"_s << QString();
        QTest::newRow("label inside a sentence")
            << u"The exhibition shows photo: prints from 1920"_s
            << u"The exhibition shows photo: prints from 1920"_s << QString() << QString() << QString();
        QTest::newRow("credit only") << u"Photo: Kim Park"_s << QString() << u"Kim Park"_s
                                     << u"Photo: Kim Park"_s << QString();
        QTest::newRow("no credit") << u"A photo by the river shows the flood."_s
                                   << u"A photo by the river shows the flood."_s << QString() << QString()
                                   << QString();
        QTest::newRow("parentheses that are not a credit")
            << u"The mayor (left) and her deputy (right)"_s << u"The mayor (left) and her deputy (right)"_s
            << QString() << QString() << QString();
        QTest::newRow("sentence ending in an agency name")
            << u"The deal was first reported by Reuters."_s << u"The deal was first reported by Reuters."_s
            << QString() << QString() << QString();
    }

    void splitCaption()
    {
        QFETCH(QString, text);
        QFETCH(QString, caption);
        QFETCH(QString, credit);
        QFETCH(QString, creditLine);
        QFETCH(QString, copyright);
        const PictureCredit split = PictureCredits::splitCaption(text);
        QCOMPARE(split.caption, caption);
        QCOMPARE(split.credit, credit);
        QCOMPARE(split.creditLine, creditLine);
        QCOMPARE(split.copyright, copyright);
    }

    void parseLine_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("found");
        QTest::addColumn<QString>("caption");
        QTest::addColumn<QString>("credit");
        QTest::addColumn<QString>("creditLine");
        QTest::addColumn<QString>("copyright");
        QTest::addColumn<bool>("needsName");
        const auto credit = [](const char *name, const QString &line, const QString &caption,
                               const QString &who, const QString &creditLine, const QString &copyright = {}) {
            QTest::newRow(name) << line << true << caption << who << creditLine << copyright << false;
        };
        const auto none = [](const char *name, const QString &line) {
            QTest::newRow(name) << line << false << QString() << QString() << QString() << QString() << false;
        };
        credit("photo colon", u"Photo: Ana Ruiz/Eastline"_s, {}, u"Ana Ruiz/Eastline"_s,
               u"Photo: Ana Ruiz/Eastline"_s);
        credit("bracketed photo by", u"(Photo by Ana Ruiz/Getty Images)"_s, {}, u"Ana Ruiz/Getty Images"_s,
               u"Photo by Ana Ruiz/Getty Images"_s);
        credit("copyright", u"© Ana Ruiz"_s, {}, u"Ana Ruiz"_s, u"© Ana Ruiz"_s, u"© Ana Ruiz"_s);
        credit("copyright with a year", u"© 2024 Port Authority"_s, {}, u"Port Authority"_s,
               u"© 2024 Port Authority"_s, u"© 2024 Port Authority"_s);
        credit("credit colon", u"Credit: Ana Ruiz."_s, {}, u"Ana Ruiz"_s, u"Credit: Ana Ruiz."_s);
        credit("photo credit without colon", u"Photo credit Ana Ruiz"_s, {}, u"Ana Ruiz"_s,
               u"Photo credit Ana Ruiz"_s);
        credit("image source", u"Image source: Northwind Agency"_s, {}, u"Northwind Agency"_s,
               u"Image source: Northwind Agency"_s);
        credit("by with a colon", u"Photo by: Ana Ruiz"_s, {}, u"Ana Ruiz"_s, u"Photo by: Ana Ruiz"_s);
        credit("space before the colon", u"Crédit photo : Anne Morel"_s, {}, u"Anne Morel"_s,
               u"Crédit photo : Anne Morel"_s);
        credit("foto", u"Foto: Jonas Weber/dpa"_s, {}, u"Jonas Weber/dpa"_s, u"Foto: Jonas Weber/dpa"_s);
        credit("caption and credit", u"Snow on the pass road. Photograph: Ana Ruiz/Eastline"_s,
               u"Snow on the pass road."_s, u"Ana Ruiz/Eastline"_s, u"Photograph: Ana Ruiz/Eastline"_s);
        credit("caption and bracketed credit", u"Snow on the pass road (photo by Ana Ruiz)."_s,
               u"Snow on the pass road"_s, u"Ana Ruiz"_s, u"photo by Ana Ruiz"_s);
        credit("caption and copyright", u"The harbour at night © Port Authority"_s, u"The harbour at night"_s,
               u"Port Authority"_s, u"© Port Authority"_s, u"© Port Authority"_s);
        QTest::newRow("label alone") << u"Image by"_s << true << QString() << QString() << u"Image by"_s
                                     << QString() << true;
        QTest::newRow("copyright sign alone")
            << u"©"_s << true << QString() << QString() << u"©"_s << u"©"_s << true;
        none("body sentence", u"A photo by the river shows the flood."_s);
        none("label inside a sentence", u"The exhibition shows photo: prints from 1920"_s);
        none("not a name", u"Photo: the river at dawn"_s);
        none("source is no picture credit in text", u"Source: Ministry of Finance"_s);
        none("label as part of a word", u"Photographers: Ana Ruiz"_s);
        none("quote", u"Credit: “We did it,” she said"_s);
        none("plain paragraph", u"Snow closed the pass road overnight and ploughs worked until dawn."_s);
    }

    void parseLine()
    {
        QFETCH(QString, line);
        QFETCH(bool, found);
        const std::optional<PictureCredit> credit = PictureCredits::parseLine(line);
        QCOMPARE(credit.has_value(), found);
        if (!found)
            return;
        QTEST(credit->caption, "caption");
        QTEST(credit->credit, "credit");
        QTEST(credit->creditLine, "creditLine");
        QTEST(credit->copyright, "copyright");
        QTEST(credit->needsName, "needsName");
    }

    void completeWithName()
    {
        std::optional<PictureCredit> credit = PictureCredits::parseLine(u"Image by"_s);
        QVERIFY(credit);
        QVERIFY(!PictureCredits::completeWithName(*credit, u"snow closed the pass road overnight"_s));
        QVERIFY(PictureCredits::completeWithName(*credit, u"Ana Ruiz."_s));
        QCOMPARE(credit->credit, u"Ana Ruiz"_s);
        QCOMPARE(credit->creditLine, u"Image by Ana Ruiz."_s);
        QVERIFY(!credit->needsName);
        QVERIFY(credit->copyright.isEmpty());

        std::optional<PictureCredit> notice = PictureCredits::parseLine(u"©"_s);
        QVERIFY(notice);
        QVERIFY(PictureCredits::completeWithName(*notice, u"Port Authority"_s));
        QCOMPARE(notice->creditLine, u"© Port Authority"_s);
        QCOMPARE(notice->copyright, u"© Port Authority"_s);
    }

    void fromCreditLine()
    {
        const PictureCredit credit =
            PictureCredits::fromCreditLine(u" (Copyright 2019-2024, Jane Doe/AP) "_s);
        QCOMPARE(credit.credit, u"Jane Doe/AP"_s);
        QCOMPARE(credit.creditLine, u"(Copyright 2019-2024, Jane Doe/AP)"_s);
        QCOMPARE(credit.copyright, credit.creditLine);
        QCOMPARE(PictureCredits::fromCreditLine(u"Photo by Jo Kim."_s).credit, u"Jo Kim"_s);
        QCOMPARE(PictureCredits::fromCreditLine(u"Source: Data Desk"_s).credit, u"Data Desk"_s);
    }
};

QTEST_GUILESS_MAIN(TestPictureCredit)
#include "tst_picturecredit.moc"
