// SqliteStatement on a real library: values of every kind bound and read back, the rows in order and then
// the end, and errors (bad SQL, an interrupted read) reported in SQLite's words, never as rows.

#include "core/testlibrary.h"

#include <library/sqlitestatement.h>

#include <QSqlDriver>
#include <QTest>

#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace Copydesk;

class TestSqliteStatement : public QObject
{
    Q_OBJECT

private slots:
    void bindsAndReadsEachKindOfValue()
    {
        TestLibrary library;
        SqliteStatement statement(library.database->connection(),
                                  u"SELECT ?, ?, ?, ?, ?, typeof(?), ? IS NULL"_s);
        QVERIFY2(statement.exec({qint64(1) << 40, true, u"Лукашенко ёлка café"_s, 2.5, QVariant(),
                                 QVariant(QMetaType::fromType<QString>()), QVariant()}),
                 qPrintable(statement.error()));
        QVERIFY(statement.next());
        QCOMPARE(statement.integer(0), qint64(1) << 40);
        QCOMPARE(statement.integer(1), 1);
        QCOMPARE(statement.text(2), u"Лукашенко ёлка café"_s);
        QCOMPARE(statement.text(3), u"2.5"_s);
        QVERIFY(statement.isNull(4));
        QCOMPARE(statement.text(4), QString());
        QCOMPARE(statement.text(5), u"null"_s); // a null QString binds NULL, as Qt's driver does
        QCOMPARE(statement.integer(6), 1);
        QVERIFY(!statement.next());
        QVERIFY(statement.error().isEmpty());
    }

    void givesEveryRowThenStops()
    {
        TestLibrary library;
        SqliteStatement none(library.database->connection(), u"SELECT 1 WHERE 0"_s);
        QVERIFY(none.exec());
        QVERIFY(!none.next());
        SqliteStatement statement(
            library.database->connection(),
            u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) "
            "SELECT i FROM n"_s);
        QVERIFY(statement.exec());
        qint64 expected = 1;
        while (statement.next())
            QCOMPARE(statement.integer(0), expected++);
        QCOMPARE(expected, 501);
        QVERIFY(!statement.next());
        QVERIFY(statement.isActive());
    }

    void reportsErrorsInSqlitesWords()
    {
        TestLibrary library;
        SqliteStatement bad(library.database->connection(), u"SELECT FROM nowhere"_s);
        QVERIFY(!bad.isActive());
        QVERIFY(!bad.exec());
        QVERIFY2(bad.error().contains(u"syntax error"_s), qPrintable(bad.error()));
        QVERIFY(!bad.next());

        // A read interrupted from elsewhere (a newer search) ends with an error, not as a short list.
        QSqlDatabase connection = library.database->connection();
        SqliteStatement endless(connection,
                                u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                                "SELECT i FROM n"_s);
        QVERIFY(endless.exec());
        int rows = 0;
        while (endless.next()) {
            if (++rows == 1000)
                sqlite3_interrupt(*static_cast<sqlite3 *const *>(connection.driver()->handle().constData()));
        }
        QCOMPARE(rows, 1000);
        QVERIFY2(endless.error().contains(u"interrupt"_s), qPrintable(endless.error()));
    }
};

QTEST_GUILESS_MAIN(TestSqliteStatement)
#include "tst_sqlitestatement.moc"
