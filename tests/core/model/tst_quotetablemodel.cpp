#include <model/quotetablemodel.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Copydesk;

class TestQuoteTableModel : public QObject
{
    Q_OBJECT

private slots:
    void editsAddsRemovesAndMovesQuotes()
    {
        QuoteTableModel model;
        QAbstractItemModelTester tester(&model);
        model.setQuotes({{u"We will sail on Monday"_s, u"Anna Berg"_s, u"harbour master"_s, {}},
                         {u"The budget is agreed"_s, u"Ola Lind"_s, {}, {}}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(QuoteTableModel::ColumnCount));
        QCOMPARE(model.index(0, QuoteTableModel::SpeakerColumn).data().toString(), u"Anna Berg"_s);
        QCOMPARE(
            model.index(0, QuoteTableModel::OnRecordColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(),
            Qt::Checked);
        QSignalSpy edited(&model, &QuoteTableModel::edited);

        QVERIFY(model.setData(model.index(1, QuoteTableModel::RoleColumn), u" mayor "_s));
        QCOMPARE(model.quotes().at(1).speakerRole, u"mayor"_s);
        QVERIFY(model.setData(model.index(1, QuoteTableModel::OnRecordColumn), Qt::Unchecked,
                              Qt::CheckStateRole));
        QVERIFY(!model.quotes().at(1).onRecord);
        QCOMPARE(edited.size(), 2);

        QVERIFY(model.insertRows(2, 1));
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(QuoteTableModel::needsSpeaker(model.quotes().at(2)));
        QVERIFY(!model.index(2, QuoteTableModel::SpeakerColumn).data(Qt::ToolTipRole).toString().isEmpty());

        QVERIFY(model.moveRows({}, 1, 1, {}, 0)); // the second goes first
        QCOMPARE(model.quotes().at(0).speaker, u"Ola Lind"_s);
        QVERIFY(model.moveRows({}, 0, 1, {}, 2)); // and back down past the next
        QCOMPARE(model.quotes().at(1).speaker, u"Ola Lind"_s);
        QVERIFY(!model.moveRows({}, 0, 1, {}, 1)); // onto itself: nothing to do

        QVERIFY(model.removeRows(2, 1));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(edited.size(), 6);
        // Setting the same value again is not an edit.
        QVERIFY(model.setData(model.index(0, QuoteTableModel::TextColumn), model.quotes().at(0).text));
        QCOMPARE(edited.size(), 6);
    }
};

QTEST_GUILESS_MAIN(TestQuoteTableModel)
#include "tst_quotetablemodel.moc"
