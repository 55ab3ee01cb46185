#include "app/guitestmain.h"
#include "articlelistmodel.h"
#include "articlelistpanel.h"
#include "articlerepository.h"
#include "editcontroller.h"
#include "editorpanel.h"
#include "importcontroller.h"
#include "librarydatabase.h"
#include "mainwindow.h"
#include "previewpanel.h"
#include "testsupport.h"

#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QWebEnginePage>
#include <QWebEngineView>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

QString pageText(QWebEnginePage *page)
{
    QString text;
    bool done = false;
    page->toPlainText([&](const QString &result) {
        text = result;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        qWarning("the preview did not give its text");
    return text;
}

// The seed when the shared folder is there; otherwise a story of our own with the same shape.
QString storyFile(const QTemporaryDir &dir, QString *headline)
{
    const QString seed = sharedDir() + u"/seeds/000_fb72de0f6f4e00f7.txt"_s;
    if (QFile::exists(seed)) {
        *headline = u"Belarus Threatens Moscow With Expanding US Mission In Minsk In Rare Affront To Putin"_s;
        return seed;
    }
    *headline = u"Harbour cranes return after a decade"_s;
    const QString path = dir.filePath(u"story.txt"_s);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write("Business\n\nHarbour cranes return after a decade\n\n"
               "The port reopened its eastern quay on Monday with four new cranes.\n\n"
               "Dock workers said the first ship was unloaded in under a day.\n");
    return path;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void init() { QSettings().clear(); }

    void emptyLibraryShowsTheEmptyState()
    {
        QTemporaryDir dir;
        LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
        QVERIFY(database.open());
        MainWindow window(database);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *stack = window.findChild<QStackedWidget *>();
        QVERIFY(stack);
        QVERIFY(stack->currentWidget()->findChild<QWidget *>(u"newButton"_s));
        QVERIFY(stack->currentWidget()->findChild<QWidget *>(u"importButton"_s));
    }

    void importSelectEditAndSeeListAndPreviewChange()
    {
        QTemporaryDir dir;
        QString headline;
        const QString story = storyFile(dir, &headline);
        LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
        QVERIFY(database.open());
        MainWindow window(database);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QSignalSpy imported(window.importController(), &ImportController::finished);
        window.importFiles({story});
        QVERIFY(imported.wait(20000));
        ArticleListModel *model = window.listModel();
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0).data().toString(), headline);

        // The import selects what it brought in; the editor and the preview show it.
        QTRY_COMPARE(window.editorPanel()->headlineEdit()->text(), headline);
        const qint64 id = window.editController()->currentId();
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(pageText(window.previewPanel()->view()->page()).contains(headline), 10000);

        // Type into the headline: the list follows at once, the preview after a short pause, the library
        // after the autosave delay.
        QLineEdit *headlineEdit = window.editorPanel()->headlineEdit();
        headlineEdit->setFocus();
        headlineEdit->end(false);
        QTest::keyClicks(headlineEdit, u" Again"_s);
        const QString edited = headline + u" Again"_s;
        QCOMPARE(model->index(0).data().toString(), edited);
        QTRY_VERIFY_WITH_TIMEOUT(pageText(window.previewPanel()->view()->page()).contains(edited), 10000);
        ArticleRepository repository(database);
        QTRY_COMPARE_WITH_TIMEOUT(repository.load(id)->headline, edited, 5000);

        // The body too: type a new paragraph and see it in the preview and the library.
        QTextEdit *body = window.editorPanel()->bodyEdit();
        body->setFocus();
        body->moveCursor(QTextCursor::End);
        QTest::keyClick(body, Qt::Key_Return);
        QTest::keyClicks(body, u"A closing line typed in the editor."_s);
        QTRY_VERIFY_WITH_TIMEOUT(pageText(window.previewPanel()->view()->page())
                                     .contains(u"A closing line typed in the editor."_s),
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(repository.load(id)->bodyText.contains(u"A closing line typed in the editor."_s),
                                 5000);

        // Leaving the article keeps a revision of the edited version.
        window.close();
        QCOMPARE(repository.revisions(id).size(), 1);
        QCOMPARE(repository.revision(id, 1)->headline, edited);
    }

    void newArticleStartsADraft()
    {
        QTemporaryDir dir;
        LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
        QVERIFY(database.open());
        MainWindow window(database);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QMetaObject::invokeMethod(window.findChild<QWidget *>(u"newButton"_s), "click");
        QCOMPARE(window.listModel()->rowCount(), 1);
        QVERIFY(window.editController()->currentId() > 0);
        QCOMPARE(window.listModel()->index(0).data(ArticleListModel::StatusRole).toString(), u"draft"_s);
        QTest::keyClicks(window.editorPanel()->headlineEdit(), u"Fresh draft"_s);
        QCOMPARE(window.listModel()->index(0).data().toString(), u"Fresh draft"_s);
    }

    void layoutPersists()
    {
        QTemporaryDir dir;
        LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
        QVERIFY(database.open());
        QByteArray geometry;
        {
            MainWindow window(database);
            window.resize(1111, 777);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.close();
        }
        MainWindow again(database);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), QSize(1111, 777));
    }
};

COPYDESK_GUI_TEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
