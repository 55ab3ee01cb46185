#include <QTest>
class TstUrlFetcher : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(TstUrlFetcher)
#include "tst_urlfetcher.moc"
