#include "app/guitestmain.h"
#include "articlelistdelegate.h"
#include "articlelistpanel.h"
#include "copycheckpanel.h"
#include "editcontroller.h"
#include "editorpanel.h"
#include "historydialog.h"
#include "imagespanel.h"
#include "importcontroller.h"
#include "librarysidebar.h"
#include "mainwindow.h"
#include "previewpanel.h"
#include "quotespanel.h"
#include "readercontroller.h"
#include "settings.h"
#include "testsupport.h"
#include "textcountslabel.h"
#include "thumbnailloader.h"
#include <library/articlelistmodel.h>
#include <library/articlerepository.h>
#include <library/library.h>
#include <library/librarydatabase.h>
#include <model/quotetablemodel.h>

#include <QBuffer>
#include <QCompleter>
#include <QDesktopServices>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTextEdit>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <optional>

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

// A window on a new library in a temporary folder, shown.
struct WindowOnNewLibrary
{
    QTemporaryDir dir;
    LibraryDatabase database{dir.filePath(QStringLiteral("library.sqlite"))};
    std::optional<MainWindow> window;

    bool open()
    {
        if (!database.open())
            return false;
        window.emplace(database);
        window->show();
        return QTest::qWaitForWindowExposed(&*window);
    }

    // Imports the files through the window, as File > Import does, until the first is open in the editor.
    bool importAndOpen(const QStringList &files)
    {
        QSignalSpy imported(window->importController(), &ImportController::finished);
        window->importFiles(files);
        return imported.wait(20000) &&
               QTest::qWaitFor([this] { return window->editController()->currentId() > 0; }, 5000);
    }
};

} // namespace

// A library opened with one article in it, stored before any window: the article, or nothing when either
// failed.
std::optional<Article> storedArticle(LibraryDatabase &database, const QString &headline, const QString &body)
{
    Article article;
    article.headline = headline;
    article.bodyHtml = body;
    if (!database.open() || !ArticleRepository(database).insert(article))
        return std::nullopt;
    return article;
}

// What a window showed in its first frame: watched from its first paint, when its layout is done.
struct FirstPaintWatcher : QObject
{
    explicit FirstPaintWatcher(MainWindow &watched)
        : window(watched)
    {
        window.installEventFilter(this);
    }

    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !std::exchange(seen, true)) {
            editorThen = window.findChild<EditorPanel *>() != nullptr;
            listThen = window.listPanel()->geometry();
            previewThen = window.previewPanel()->geometry();
        }
        return false;
    }

    MainWindow &window;
    bool seen = false;
    bool editorThen = false;
    QRect listThen;
    QRect previewThen;
};

// Stands in for the system's browser.
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened.append(url); }
};

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void init() { QSettings().clear(); }

    void emptyLibraryShowsTheEmptyState()
    {
        WindowOnNewLibrary fixture;
        QVERIFY(fixture.open());
        MainWindow &window = *fixture.window;
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
        QTRY_VERIFY_WITH_TIMEOUT(
            pageText(enginePage(*window.previewPanel())->view()->page()).contains(headline), 10000);

        // Type into the headline: the list follows at once, the preview after a short pause, the library
        // after the autosave delay.
        QLineEdit *headlineEdit = window.editorPanel()->headlineEdit();
        headlineEdit->setFocus();
        headlineEdit->end(false);
        const QString edited = headline + u" Again"_s;
        // The list follows after a pause in typing, before the autosave: what the library held when the
        // list first showed the edit (read then, not timed, so a loaded machine does not fail it).
        std::optional<QString> storedWhenListFollowed;
        const QMetaObject::Connection listFollowed =
            connect(model, &QAbstractItemModel::dataChanged, this, [&] {
                if (!storedWhenListFollowed && model->index(0).data().toString() == edited)
                    storedWhenListFollowed = ArticleRepository(database).load(id)->headline;
            });
        QTest::keyClicks(headlineEdit, u" Again"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model->index(0).data().toString(), edited, 5000);
        disconnect(listFollowed);
        QCOMPARE(storedWhenListFollowed, std::optional<QString>(headline));
        QTRY_VERIFY_WITH_TIMEOUT(
            pageText(enginePage(*window.previewPanel())->view()->page()).contains(edited), 10000);
        ArticleRepository repository(database);
        QTRY_COMPARE_WITH_TIMEOUT(repository.load(id)->headline, edited, 5000);

        // The body too: type a new paragraph and see it in the preview and the library.
        QTextEdit *body = window.editorPanel()->bodyEdit();
        body->setFocus();
        body->moveCursor(QTextCursor::End);
        QTest::keyClick(body, Qt::Key_Return);
        QTest::keyClicks(body, u"A closing line typed in the editor."_s);
        QTRY_VERIFY_WITH_TIMEOUT(pageText(enginePage(*window.previewPanel())->view()->page())
                                     .contains(u"A closing line typed in the editor."_s),
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            repository.load(id)->bodyText.contains(u"A closing line typed in the editor."_s), 5000);

        // The import kept the imported version as revision 1; leaving the article keeps the edited one.
        window.close();
        QCOMPARE(repository.revisions(id).size(), 2);
        QCOMPARE(repository.revisions(id).first().name, u"Imported"_s);
        QCOMPARE(repository.revision(id, 1)->headline, headline);
        QCOMPARE(repository.revision(id, 2)->headline, edited);
    }

    void everyActionHasItsOwnShortcut()
    {
        QTemporaryDir dir;
        LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
        QVERIFY(database.open());
        Article article;
        article.headline = u"Shortcuts"_s;
        QVERIFY(ArticleRepository(database).insert(article));
        MainWindow window(database);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(window.editController()->currentId() > 0);

        // Two actions that can both be reached by one key sequence make it do nothing at all ("Ambiguous
        // shortcut overload"). Edit menu entries that only mirror the text fields' own keys (WidgetShortcut
        // on no widget) are reached by the mouse only. An action on a widget and its children is reached
        // only from there: two of them on separate panels (Ctrl+Z in the quotes and in the images) do not
        // meet; on one widget, or one inside the other, they do.
        struct Owner
        {
            QString text;
            QList<QWidget *> scope; // empty: the whole window
        };
        auto scopeOf = [](QAction *action) {
            QList<QWidget *> scope;
            if (action->shortcutContext() == Qt::WidgetWithChildrenShortcut) {
                for (QObject *object : action->associatedObjects()) {
                    if (auto *widget = qobject_cast<QWidget *>(object);
                        widget && !qobject_cast<QMenu *>(widget))
                        scope.append(widget);
                }
            }
            return scope;
        };
        auto meet = [](const QList<QWidget *> &a, const QList<QWidget *> &b) {
            if (a.isEmpty() || b.isEmpty())
                return true;
            for (QWidget *one : a) {
                for (QWidget *other : b) {
                    if (one == other || one->isAncestorOf(other) || other->isAncestorOf(one))
                        return true;
                }
            }
            return false;
        };
        QHash<QString, QList<Owner>> owners;
        const QList<QAction *> actions = window.findChildren<QAction *>();
        for (QAction *action : actions) {
            if (action->shortcutContext() == Qt::WidgetShortcut)
                continue;
            const QList<QWidget *> scope = scopeOf(action);
            for (const QKeySequence &key : action->shortcuts()) {
                const QString name = key.toString();
                for (const Owner &other : owners.value(name)) {
                    QVERIFY2(!meet(other.scope, scope),
                             qPrintable(u"%1 is both %2 and %3"_s.arg(name, other.text, action->text())));
                }
                owners[name].append({action->text(), scope});
            }
        }
        QVERIFY(owners.contains(u"Ctrl+I"_s));
        QVERIFY(owners.contains(u"Ctrl+O"_s));

        // As a person presses them: Ctrl+I in the body makes italic.
        QTextEdit *body = window.editorPanel()->bodyEdit();
        body->setFocus();
        body->selectAll();
        QTest::keyClicks(body, u"slanted"_s);
        body->selectAll();
        QTest::keyClick(body, Qt::Key_I, Qt::ControlModifier);
        QTextCursor cursor(body->document());
        cursor.setPosition(2);
        QVERIFY(cursor.charFormat().fontItalic());

        // Ctrl+O opens the import dialog: a Copydesk file dialog, which judges files by name only.
        bool dialogShown = false;
        QTimer closer;
        connect(&closer, &QTimer::timeout, this, [&] {
            if (auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
                dialogShown =
                    dialog->testOption(QFileDialog::DontUseNativeDialog) && dialog->iconProvider() != nullptr;
                dialog->reject();
            }
        });
        closer.start(50);
        window.listPanel()->listView()->setFocus();
        QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier);
        QTRY_VERIFY(dialogShown);
    }

    void theEmptyStateTextIsNotCutOff()
    {
        WindowOnNewLibrary fixture;
        QVERIFY(fixture.open());
        MainWindow &window = *fixture.window;
        auto *hint = window.findChild<QLabel *>(u"hintLabel"_s);
        QVERIFY(hint && hint->isVisible());
        for (const QSize size : {QSize(1400, 860), QSize(700, 500), QSize(420, 500)}) {
            window.resize(size);
            QTest::qWait(50);
            QVERIFY2(hint->height() >= hint->heightForWidth(hint->width()),
                     qPrintable(u"at %1x%2 the hint has %3 px of the %4 it needs"_s.arg(size.width())
                                    .arg(size.height())
                                    .arg(hint->height())
                                    .arg(hint->heightForWidth(hint->width()))));
            QVERIFY(hint->width() <= window.width());
        }
    }

    void theDuplicateQuestionStandsAboveTheProgress()
    {
        QTemporaryDir dir;
        QString headline;
        const QString story = storyFile(dir, &headline);
        LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
        QVERIFY(database.open());
        MainWindow window(database);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy finished(window.importController(), &ImportController::finished);
        window.importFiles({story});
        QVERIFY(finished.wait(20000));

        // The same story again, with the progress dialog up from the start: the question must be the
        // window a person can answer, above the progress dialog.
        // With the usual delay: the question comes before the progress dialog would show itself.
        QString question;
        bool answered = false;
        bool progressVisible = false;
        bool aboveProgress = false;
        QTimer answerer;
        // Only notes what it sees and answers: a failed check in here would leave the question open.
        connect(&answerer, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || answered)
                return;
            question = box->informativeText();
            QProgressDialog *progress = window.importController()->progressDialog();
            progressVisible = progress && progress->isVisible();
            aboveProgress = progress && box->parentWidget() == progress;
            for (QAbstractButton *button : box->buttons()) {
                if (button->text().remove(u'&') == u"Skip"_s) {
                    QTest::mouseClick(button, Qt::LeftButton); // through the window system, as a click
                    answered = true;
                }
            }
            if (!answered)
                box->reject();
        });
        answerer.start(50);
        finished.clear();
        window.importFiles({story});
        QVERIFY(finished.wait(20000));
        answerer.stop();
        QVERIFY(answered);
        QVERIFY(progressVisible);
        QVERIFY(aboveProgress); // on top of it, not under it
        const ImportSummary summary = finished.first().first().value<ImportSummary>();
        QVERIFY(!summary.cancelled);
        QCOMPARE(summary.skipped, 1);
        QVERIFY2(question.contains(u"last changed"_s) || question.contains(u"published"_s),
                 qPrintable(question));
        QVERIFY(!question.contains(u"added on"_s));
        // Gone before the summary, and it does not come back over it later.
        QVERIFY(!window.importController()->progressDialog());
    }

    void nothingStandsOverTheImportSummary()
    {
        WindowOnNewLibrary fixture;
        QVERIFY(fixture.open());
        MainWindow &window = *fixture.window;
        QTemporaryDir &dir = fixture.dir;
        // A failing import shows its summary in a message box; a progress dialog that shows itself after
        // its delay must not come up over it.
        bool boxShown = false;
        bool progressOverBox = false;
        QTimer watcher;
        connect(&watcher, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            if (!boxShown) {
                boxShown = true;
                QTimer::singleShot(800, box, [&, box] {
                    for (QWidget *widget : QApplication::topLevelWidgets())
                        progressOverBox = progressOverBox ||
                                          (qobject_cast<QProgressDialog *>(widget) && widget->isVisible());
                    box->accept();
                });
            }
        });
        watcher.start(20);
        QSignalSpy finished(window.importController(), &ImportController::finished);
        window.importFiles({dir.filePath(u"missing.txt"_s)});
        QVERIFY(finished.wait(20000));
        QTRY_VERIFY(boxShown);
        QTest::qWait(900);
        QVERIFY(!progressOverBox);
    }

    void theListAndThePreviewShowOneDateWithItsMeaning()
    {
        QTemporaryDir dir;
        LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
        QVERIFY(database.open());
        Article article;
        article.headline = u"Dated"_s;
        article.publishedAt = QDateTime(QDate(2024, 5, 3), QTime(10, 0), Qt::UTC);
        QVERIFY(ArticleRepository(database).insert(article));
        MainWindow window(database);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString detail = ArticleListDelegate::detailLine(window.listModel()->index(0));
        const QString published = QLocale().toString(article.publishedAt.toLocalTime(), QLocale::ShortFormat);
        QVERIFY2(detail.contains(u"Published "_s + published), qPrintable(detail));
        QTRY_VERIFY_WITH_TIMEOUT(
            pageText(enginePage(*window.previewPanel())->view()->page()).contains(u"Published 3 May 2024"_s),
            10000);
    }

    // In a search each row gets a third line, the snippet of what matched (after the details, it was cut off
    // in a narrow list); the list without a search has two-line rows again.
    void aSearchShowsTheSnippetOnALineOfItsOwn()
    {
        QTemporaryDir dir;
        LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
        QVERIFY(database.open());
        Article article;
        article.headline = u"Harbour dues"_s;
        article.section = u"Business"_s;
        article.bodyHtml = u"<p>The port raised its fees.</p><p>Ferries pay the dredging levy.</p>"_s;
        QVERIFY(ArticleRepository(database).insert(article));
        MainWindow window(database);
        window.resize(900, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QListView *list = window.listPanel()->listView();
        const QModelIndex first = window.listModel()->index(0);
        QVERIFY(!first.data(ArticleListModel::SearchedRole).toBool());
        const int plainHeight = list->visualRect(first).height();

        window.listPanel()->searchField()->setText(u"ferries dredging"_s);
        QTRY_VERIFY(!window.listModel()->isReading() &&
                    window.listModel()->shownQuery().text == u"ferries dredging"_s);
        const QModelIndex found = window.listModel()->index(0);
        QVERIFY(found.data(ArticleListModel::SearchedRole).toBool());
        QVERIFY2(found.data(ArticleListModel::SnippetRole).toString().contains(u"[dredging]"_s),
                 qPrintable(found.data(ArticleListModel::SnippetRole).toString()));
        QTRY_VERIFY(list->visualRect(found).height() > plainHeight);
        QVERIFY(!ArticleListDelegate::detailLine(found).contains(u"dredging"_s));

        window.listPanel()->searchField()->clear();
        QTRY_VERIFY(!window.listModel()->isReading() && window.listModel()->shownQuery().text.isEmpty());
        QTRY_COMPARE(list->visualRect(window.listModel()->index(0)).height(), plainHeight);
    }

    void theSeedsQuotesAreInTheQuotesPanelAndEditsAreSaved()
    {
        const QString seed = sharedDir() + u"/seeds/000_fb72de0f6f4e00f7.txt"_s;
        if (!QFile::exists(seed))
            QSKIP(qPrintable(u"the seed is not at %1 (set COPYDESK_SHARED_DIR)"_s.arg(seed)));
        WindowOnNewLibrary fixture;
        QVERIFY(fixture.open());
        MainWindow &window = *fixture.window;
        LibraryDatabase &database = fixture.database;
        QVERIFY(fixture.importAndOpen({seed}));
        QuoteTableModel *quotes = window.editorPanel()->quotesPanel()->model();
        QStringList speakers;
        for (const Quote &quote : quotes->quotes())
            speakers.append(quote.speaker);
        QVERIFY2(speakers.contains(u"Makei"_s) && speakers.contains(u"Lukashenko"_s),
                 qPrintable(speakers.join(u", "_s)));

        // An edit in the panel is saved with the article (and only the quotes and the row are written).
        QVERIFY(quotes->setData(quotes->index(0, QuoteTableModel::RoleColumn), u"foreign minister"_s));
        QVERIFY(window.editController()->saveNow());
        const std::optional<Article> stored =
            ArticleRepository(database).load(window.editController()->currentId());
        QCOMPARE(stored->quotes.first().speakerRole, u"foreign minister"_s);
        QCOMPARE(stored->quotes.size(), quotes->rowCount());

        // Its lead picture is in the images panel, with the photographer's credit.
        ImagesPanel *images = window.editorPanel()->imagesPanel();
        QCOMPARE(images->images().size(), 1);
        QCOMPARE(images->images().first().role, ImageRole::Lead);
        QCOMPARE(images->field(u"credit"_s)->text(), u"Tomasz Sulima"_s);
        QVERIFY(images->list()->item(0)->text().contains(u"Lead"_s));
        QVERIFY(images->list()->item(0)->text().contains(u"Image by Tomasz Sulima"_s));
    }

    void theAutosaveWritesInTheBackgroundAndIsNeverTakenForAnotherProgram()
    {
        QTemporaryDir dir;
        LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
        QVERIFY(database.open());
        Article article;
        article.headline = u"Ferries"_s;
        article.bodyHtml = u"<p>Two crossings.</p>"_s;
        QVERIFY(ArticleRepository(database).insert(article));
        MainWindow window(database);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(window.editController()->currentId() > 0);
        EditController *controller = window.editController();
        QSignalSpy saved(controller, &EditController::articleSaved);
        QSignalSpy notices(controller, &EditController::notice);
        QSignalSpy failures(controller, &EditController::saveFailed);
        QTextEdit *body = window.editorPanel()->bodyEdit();
        body->setFocus();
        body->moveCursor(QTextCursor::End);

        // Typing on while each autosave is on its way: every word arrives, in order, and nothing is
        // reported as another program's change.
        for (int round = 0; round < 5; ++round) {
            QTest::keyClicks(body, u" word%1"_s.arg(round));
            controller->autosave(); // as its timer would, while typing goes on
            QTest::keyClicks(body, u" more%1"_s.arg(round));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!controller->hasUnsavedChanges(), 10000);
        QTest::qWait(1000); // polls of the library after the last save
        QCOMPARE(notices.size(), 0);
        QCOMPARE(failures.size(), 0);
        QVERIFY(saved.size() >= 2);
        const QString stored = ArticleRepository(database).load(article.id)->bodyText;
        QVERIFY2(stored.endsWith(u"word4 more4"_s), qPrintable(stored));
        QVERIFY(stored.contains(u"word0 more0 word1 more1 word2"_s));
        QVERIFY(!window.isWindowModified());
    }

    void thePanelsEditsShowInThePreviewAndAreSaved()
    {
        QTemporaryDir dir;
        LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
        QVERIFY(database.open());
        ArticleRepository repository(database);
        Article earlier;
        earlier.headline = u"Earlier piece"_s;
        earlier.byline = u"Anna Berg, Ola Lind and Sam Roe"_s;
        QVERIFY(repository.insert(earlier));
        Article article;
        article.headline = u"Ferries"_s;
        article.bodyHtml = u"<p>Two crossings were cut.</p>"_s;
        QVERIFY(repository.insert(article));
        MainWindow window(database);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(window.editController()->currentId() > 0);
        if (window.editController()->currentId() != article.id)
            QVERIFY(window.editController()->open(article.id));

        // The byline completes each author from the library's bylines, read when the byline is first
        // typed in, not when the window opens an article.
        QLineEdit *byline = window.editorPanel()->findChild<QLineEdit *>(u"bylineEdit"_s);
        QVERIFY(byline && byline->completer());
        QCOMPARE(byline->completer()->model()->rowCount(), 0);
        byline->setFocus();
        QTest::keyClicks(byline, u"Jane Roe, Ol"_s);
        QCOMPARE(byline->completer()->currentIndex().data().toString(), u"Ola Lind"_s);

        // A picture from a file whose IPTC record names the photographer; a quote with its speaker.
        const QString picture = dir.filePath(u"quay.jpg"_s);
        QImage image(200, 120, QImage::Format_RGB32);
        image.fill(Qt::darkBlue);
        QVERIFY(image.save(picture, "JPEG"));
        QProcess exiv2;
        exiv2.start(u"exiv2"_s,
                    {u"-Mset Iptc.Application2.Credit Anna Kowalczyk/AP"_s,
                     u"-Mset Iptc.Application2.Caption The quay at dawn"_s, u"modify"_s, picture});
        QVERIFY2(exiv2.waitForFinished(20000) && exiv2.exitCode() == 0,
                 "exiv2 must be installed (dev.sh does)");
        ImagesPanel *images = window.editorPanel()->imagesPanel();
        images->addFiles({picture});
        window.editorPanel()->quotesPanel()->appendQuotes(
            {{u"We are cutting two evening crossings from Sunday"_s, u"Anna Berg"_s, u"spokeswoman"_s, {}}});
        QWebEnginePage *page = enginePage(*window.previewPanel())->view()->page();
        QTRY_VERIFY_WITH_TIMEOUT(pageText(page).contains(u"Anna Kowalczyk/AP"_s), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(pageText(page).contains(u"The quay at dawn"_s), 10000);
        QVERIFY(window.previewPanel()->currentHtml().contains(u"<cite>Anna Berg</cite>"_s));

        // Saved with the article: the picture with its credit split, the quote.
        QVERIFY(window.editController()->saveNow());
        const std::optional<Article> stored = repository.load(article.id);
        QCOMPARE(stored->images.size(), 1);
        QCOMPARE(stored->images.first().credit, u"Anna Kowalczyk"_s);
        QCOMPARE(stored->images.first().agency, u"AP"_s);
        QCOMPARE(stored->images.first().role, ImageRole::Lead);
        QCOMPARE(stored->quotes.size(), 1);
        QCOMPARE(stored->byline, u"Jane Roe, Ol"_s); // typed, the completion not taken
    }

    void theStatusBarCountsWordsCharactersAndReadingTimeForTheSelectionToo()
    {
        QTemporaryDir dir;
        LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
        QVERIFY(database.open());
        Article article;
        article.headline = u"Counts"_s;
        QString body;
        for (int i = 0; i < 115; ++i)
            body += u"<p>One two three four.</p>"_s; // 460 words: two minutes at 230 a minute
        article.bodyHtml = body;
        QVERIFY(ArticleRepository(database).insert(article));
        MainWindow window(database);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(window.editController()->currentId() > 0);
        QLabel *counts = window.textCounts();
        QTRY_COMPARE_WITH_TIMEOUT(counts->text(), u"460 words · 2,185 characters · 2 min read"_s, 2000);
        QVERIFY(counts->isVisible());

        QTextEdit *editor = window.editorPanel()->bodyEdit();
        QTextCursor cursor(editor->document());
        cursor.movePosition(QTextCursor::NextWord, QTextCursor::KeepAnchor, 2);
        editor->setTextCursor(cursor);
        QTRY_VERIFY_WITH_TIMEOUT(
            counts->text().startsWith(u"Selection: 2 words · 8 characters — 460 words"_s), 2000);
    }

    void savedVersionsShowInTheHistoryWithTheirChangesAndRestore()
    {
        QTemporaryDir dir;
        LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
        QVERIFY(database.open());
        Article article;
        article.headline = u"Ferries"_s;
        article.bodyHtml = u"<p>Two evening crossings were cut.</p>"_s;
        QVERIFY(ArticleRepository(database).insert(article));
        MainWindow window(database);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(window.editController()->currentId() > 0);
        EditController *controller = window.editController();
        QVERIFY(controller->saveVersion(u"First draft"_s));

        QTextEdit *body = window.editorPanel()->bodyEdit();
        QTextCursor cursor(body->document());
        cursor.movePosition(QTextCursor::End);
        cursor.movePosition(QTextCursor::PreviousCharacter, QTextCursor::MoveAnchor, 1);
        body->setTextCursor(cursor);
        body->setFocus();
        QTest::keyClicks(body, u" from Sunday"_s);
        QVERIFY(controller->saveVersion(u"Sent to the desk"_s));

        HistoryDialog history(*window.library(), article.id);
        history.show();
        QCOMPARE(history.revisionList()->count(), 2);
        QVERIFY(history.revisionList()->item(0)->text().contains(u"Sent to the desk"_s)); // newest first
        QVERIFY(history.revisionList()->item(1)->text().contains(u"First draft"_s));
        // The older one against now: the words added are marked.
        history.revisionList()->setCurrentRow(1);
        QVERIFY2(history.changes()->toHtml().contains(u"from Sunday"_s),
                 qPrintable(history.changes()->toHtml()));
        QVERIFY2(history.summary()->text().contains(u"3 words added, 1 taken out"_s),
                 qPrintable(history.summary()->text()));

        // Restore it: the editor shows it, and both versions stay in the history.
        QSignalSpy restored(&history, &HistoryDialog::restored);
        connect(&history, &HistoryDialog::restored, controller, &EditController::reloadFromLibrary);
        history.restoreButton()->click();
        QCOMPARE(restored.size(), 1);
        QCOMPARE(body->toPlainText().trimmed(), u"Two evening crossings were cut."_s);
        QCOMPARE(history.revisionList()->count(), 3);
        QVERIFY(history.revisionList()->item(0)->text().contains(u"Restored from 1"_s));
        QVERIFY(ArticleRepository(database).load(article.id)->bodyText ==
                u"Two evening crossings were cut."_s);
    }

    void theCopyCheckFindsTheSeedsSlipsAndFixesThemAsOrdinaryEdits()
    {
        const QString seed = sharedDir() + u"/seeds/000_fb72de0f6f4e00f7.txt"_s;
        if (!QFile::exists(seed))
            QSKIP(qPrintable(u"the seed is not at %1 (set COPYDESK_SHARED_DIR)"_s.arg(seed)));
        WindowOnNewLibrary fixture;
        QVERIFY(fixture.open());
        MainWindow &window = *fixture.window;
        LibraryDatabase &database = fixture.database;
        QVERIFY(fixture.importAndOpen({seed}));
        QAction *open = nullptr;
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->text() == u"Copy &Check…"_s)
                open = action;
        }
        QVERIFY(open);
        QCOMPARE(open->shortcut(), QKeySequence(Qt::Key_F7));
        open->trigger();
        CopyCheckPanel *panel = window.copyCheckPanel();
        QVERIFY(panel && panel->isVisible());
        int runOns = 0;
        int closingQuotes = 0;
        for (const CopyFinding &finding : panel->findings()) {
            runOns += finding.kind == u"missing_space_after_sentence_end"_s ? 1 : 0;
            closingQuotes += finding.kind == u"space_before_closing_quote"_s ? 1 : 0;
        }
        QCOMPARE(runOns, 10);
        QCOMPARE(closingQuotes, 1);

        // Clicking one selects its place in the body.
        QTextEdit *body = window.editorPanel()->bodyEdit();
        int first = -1;
        for (int i = 0; i < panel->findings().size() && first < 0; ++i)
            first = panel->findings().at(i).kind == u"missing_space_after_sentence_end"_s ? i : -1;
        panel->list()->setCurrentItem(panel->list()->topLevelItem(first));
        QCOMPARE(body->textCursor().position(), int(panel->findings().at(first).offset) + 1);
        QVERIFY(body->toPlainText().contains(u"Brussels.First"_s));

        // Fix all of that kind: one edit, undone in one step, and saved like typing.
        QVERIFY(panel->fixAllButton()->isEnabled());
        panel->fixAllButton()->click();
        QVERIFY(body->toPlainText().contains(u"Brussels. First"_s));
        QVERIFY(body->toPlainText().contains(u"choice. We"_s));
        int left = 0;
        for (const CopyFinding &finding : panel->findings())
            left += finding.kind == u"missing_space_after_sentence_end"_s ? 1 : 0;
        QCOMPARE(left, 0);
        body->undo();
        QVERIFY(body->toPlainText().contains(u"Brussels.First"_s));
        body->redo();
        QVERIFY(window.editController()->saveNow());
        const std::optional<Article> stored =
            ArticleRepository(database).load(window.editController()->currentId());
        QVERIFY(stored->bodyText.contains(u"Brussels. First"_s));

        // The headline and standfirst: a finding there selects its place, and Fix All of This Kind fixes
        // every field, each as one edit of its own.
        QLineEdit *headline = window.editorPanel()->headlineEdit();
        QLineEdit *standfirst = window.editorPanel()->standfirstEdit();
        headline->setText(u"Minsk  warns Moscow"_s);
        standfirst->setText(u"A rare  rebuke ,  in public"_s);
        panel->recheck();
        QStringList fieldFindings;
        int headlineDouble = -1;
        for (int i = 0; i < panel->findings().size(); ++i) {
            const CopyFinding &finding = panel->findings().at(i);
            if (finding.field == u"headline"_s || finding.field == u"standfirst"_s)
                fieldFindings << finding.field + u' ' + finding.kind;
            if (finding.field == u"headline"_s && finding.kind == u"double_space"_s)
                headlineDouble = i;
        }
        QCOMPARE(fieldFindings,
                 (QStringList{u"headline double_space"_s, u"standfirst double_space"_s,
                              u"standfirst space_before_punctuation"_s, u"standfirst double_space"_s}));
        panel->list()->setCurrentItem(panel->list()->topLevelItem(headlineDouble));
        QCOMPARE(headline->selectionStart(), 5);
        panel->fixAllButton()->click();
        QCOMPARE(headline->text(), u"Minsk warns Moscow"_s);
        QCOMPARE(standfirst->text(), u"A rare rebuke , in public"_s);
        standfirst->undo();
        QCOMPARE(standfirst->text(), u"A rare  rebuke ,  in public"_s);
        standfirst->redo();
        QVERIFY(window.editorPanel()->editedFields().testFlag(EditorPanel::Field::Standfirst));
        QVERIFY(window.editController()->saveNow());
        QCOMPARE(ArticleRepository(database).load(window.editController()->currentId())->standfirst,
                 u"A rare rebuke , in public"_s);
    }

    void theSearchFieldSpeaksTheSearchLanguage()
    {
        QTemporaryDir dir;
        LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
        QVERIFY(database.open());
        ArticleRepository repository(database);
        for (const auto &[headline, tag] : {std::pair{u"Harbour cranes return"_s, u"shipping"_s},
                                            std::pair{u"Ferries cancelled"_s, u"shipping"_s},
                                            std::pair{u"Budget talks"_s, u"politics"_s}}) {
            Article article;
            article.headline = headline;
            article.tags = {tag};
            article.bodyHtml = u"<p>Some words about the port.</p>"_s;
            QVERIFY(repository.insert(article));
        }
        MainWindow window(database);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QLineEdit *search = window.listPanel()->searchField();
        search->setFocus();
        QTest::keyClicks(search, "tag:shipping -headline:ferries");
        QTRY_COMPARE(window.listModel()->rowCount(), 1);
        QCOMPARE(window.listModel()->idAt(0), 1);
        QVERIFY(window.listPanel()->searchHint()->isHidden());
        search->clear();
        QTest::keyClicks(search, "status:gone port");
        QTRY_VERIFY(window.listPanel()->searchHint()->isVisible());
        QCOMPARE(window.listPanel()->searchHint()->text(),
                 u"status: is one of draft, in_edit, ready, published, spiked, saved"_s);
        QTRY_COMPARE(window.listModel()->rowCount(), 3); // the rest is still searched
        search->clear();
        QTRY_VERIFY(window.listPanel()->searchHint()->isHidden());
    }

    void theSidebarFiltersAndTheReaderMarks()
    {
        QTemporaryDir dir;
        LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
        QVERIFY(database.open());
        ArticleRepository repository(database);
        const struct
        {
            QString headline, section, tag;
            ArticleStatus status;
        } stories[] = {{u"Harbour cranes return"_s, u"Business"_s, u"shipping"_s, ArticleStatus::Draft},
                       {u"Ferries cancelled"_s, u"Business"_s, u"shipping"_s, ArticleStatus::Ready},
                       {u"Budget talks"_s, u"Politics"_s, u"budget"_s, ArticleStatus::Draft}};
        for (const auto &story : stories) {
            Article article;
            article.headline = story.headline;
            article.section = story.section;
            article.tags = {story.tag};
            article.status = story.status;
            article.bodyHtml = u"<p>Words about the port.</p>"_s;
            QVERIFY(repository.insert(article));
        }
        QVERIFY(repository.setRead({1}, true));
        MainWindow window(database);
        // Before its counts come, the sidebar has its filters without numbers, not zeros.
        QVERIFY(window.sidebar()->itemNamed(u"All Articles"_s));
        QCOMPARE(window.sidebar()->itemNamed(u"All Articles"_s)->text(1), QString());
        QVERIFY(window.sidebar()->itemNamed(u"Draft"_s));
        QCOMPARE(window.sidebar()->itemNamed(u"Draft"_s)->text(1), QString());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        LibrarySidebar *sidebar = window.sidebar();
        sidebar->waitForCounts();
        const auto count = [sidebar](const QString &label) {
            QTreeWidgetItem *item = sidebar->itemNamed(label);
            return item ? item->text(1).toInt() : -1;
        };
        QCOMPARE(count(u"All Articles"_s), 3);
        QCOMPARE(count(u"Draft"_s), 2);
        QCOMPARE(count(u"Business"_s), 2);
        QCOMPARE(count(u"shipping"_s), 2);
        QCOMPARE(count(u"budget"_s), 1);

        // Filters combine with each other's neighbours in the list and with the search text.
        sidebar->tree()->setCurrentItem(sidebar->itemNamed(u"shipping"_s));
        QTRY_COMPARE(window.listModel()->rowCount(), 2);
        QLineEdit *search = window.listPanel()->searchField();
        QTest::keyClicks(search, "ferries");
        QTRY_COMPARE(window.listModel()->rowCount(), 1);
        QCOMPARE(window.listModel()->idAt(0), 2);
        search->clear();
        QTRY_COMPARE(window.listModel()->rowCount(), 2);
        sidebar->tree()->setCurrentItem(sidebar->itemNamed(u"All Articles"_s));
        QTRY_COMPARE(window.listModel()->rowCount(), 3);

        // Star by the menu's shortcut action, undone and redone; the sidebar counts follow.
        ReaderController *reader = window.reader();
        QCOMPARE(reader->starAction()->shortcut(), QKeySequence(u"Ctrl+D"_s));
        QVERIFY(window.listPanel()->selectArticle(3));
        reader->starAction()->trigger();
        QVERIFY(repository.load(3)->starred);
        QTRY_COMPARE(count(u"Starred"_s), 1);
        QVERIFY(reader->starAction()->isChecked());
        reader->undoStack()->undo();
        QVERIFY(!repository.load(3)->starred);
        QTRY_COMPARE(count(u"Starred"_s), 0);
        reader->undoStack()->redo();
        QVERIFY(repository.load(3)->starred);
        sidebar->tree()->setCurrentItem(sidebar->itemNamed(u"Starred"_s));
        QTRY_COMPARE(window.listModel()->rowCount(), 1);
        sidebar->tree()->setCurrentItem(sidebar->itemNamed(u"All Articles"_s));
        QTRY_COMPARE(window.listModel()->rowCount(), 3);

        // Read: by hand, and by staying on an article a moment.
        QVERIFY(window.listPanel()->selectArticle(2));
        QVERIFY(!repository.load(2)->readAt.isValid());
        QTRY_VERIFY_WITH_TIMEOUT(repository.load(2)->readAt.isValid(), ReaderController::ReadAfterMs + 2000);
        reader->readAction()->trigger(); // mark as unread again
        QVERIFY(!repository.load(2)->readAt.isValid());
        QTRY_COMPARE(count(u"Unread"_s), 2);

        // Next, previous and next unread move the selection (and open the article).
        QVERIFY(window.listPanel()->selectArticle(3));
        QVERIFY(reader->moveBy(1));
        QCOMPARE(window.listPanel()->selectedArticle(), 2);
        QVERIFY(reader->moveBy(-1));
        QCOMPARE(window.listPanel()->selectedArticle(), 3);
        QVERIFY(repository.setRead({2, 3}, true));
        QVERIFY(repository.setRead({1}, false));
        window.listModel()->refresh();
        QTRY_VERIFY(window.listModel()->index(2).data(ArticleListModel::ReadRole).toBool() == false);
        QVERIFY(window.listPanel()->selectArticle(3));
        QVERIFY(reader->moveToNextUnread());
        QCOMPARE(window.listPanel()->selectedArticle(), 1);
        QTRY_COMPARE(window.editController()->currentId(), 1);

        // View > Sort By: by status (drafts, newest first, then ready), then back to newest; remembered.
        QAction *byStatus = nullptr;
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->text() == u"S&tatus"_s)
                byStatus = action;
        }
        QVERIFY(byStatus);
        byStatus->trigger();
        QTRY_VERIFY(!window.listModel()->isReading()); // read on the list's own thread
        QCOMPARE(window.listModel()->idAt(0), 3);
        QCOMPARE(window.listModel()->idAt(1), 1);
        QCOMPARE(window.listModel()->idAt(2), 2);
        QCOMPARE(Settings::ListOrder.read(QSettings()), int(ArticleQuery::Order::Status));
        reader->setOrder(std::nullopt);
        QTRY_VERIFY(!window.listModel()->isReading());
        QCOMPARE(window.listModel()->idAt(1), 2);
        QCOMPARE(window.listModel()->idAt(0), 3);
        QCOMPARE(Settings::ListOrder.read(QSettings()), -1);
    }

    void trashTagsAndSavedSearchesWorkOnASelectionAndUndo()
    {
        QTemporaryDir dir;
        LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
        QVERIFY(database.open());
        ArticleRepository repository(database);
        for (const QString &headline :
             {u"Harbour cranes"_s, u"Ferry strike"_s, u"Budget vote"_s, u"Port dues"_s}) {
            Article article;
            article.headline = headline;
            article.section = u"Business"_s;
            article.sourceName = u"Courier"_s;
            article.tags = {u"port"_s};
            article.bodyHtml = u"<p>Words about the harbour.</p>"_s;
            QVERIFY(repository.insert(article));
        }
        MainWindow window(database);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        LibrarySidebar *sidebar = window.sidebar();
        ReaderController *reader = window.reader();
        ArticleListModel *model = window.listModel();
        QListView *list = window.listPanel()->listView();
        sidebar->waitForCounts();
        const auto count = [sidebar](const QString &label) {
            QTreeWidgetItem *item = sidebar->itemNamed(label);
            return item ? item->text(1).toInt() : -1;
        };
        QCOMPARE(count(u"Courier"_s), 4); // Sources
        QCOMPARE(count(u"Trash"_s), 0);

        // A row shows its article's lead picture small, read off the GUI thread; a row without one, none.
        {
            QImage photo(300, 200, QImage::Format_RGB32);
            photo.fill(Qt::darkRed);
            QBuffer bytes;
            bytes.open(QIODevice::WriteOnly);
            QVERIFY(photo.save(&bytes, "JPEG"));
            std::optional<Article> withPicture = repository.load(3);
            ArticleImage lead;
            lead.role = ImageRole::Lead;
            lead.data = bytes.data();
            lead.mimeType = u"image/jpeg"_s;
            lead.width = 300;
            lead.height = 200;
            withPicture->images = {lead};
            QVERIFY(window.library()->update(*withPicture));
        }
        auto *thumbnails = window.findChild<ThumbnailLoader *>();
        QVERIFY(thumbnails);
        QTRY_VERIFY(model->index(model->rowOf(3)).data(ArticleListModel::ThumbnailRole).toBool());
        QVERIFY(thumbnails->thumbnail(3).isNull()); // asked for: read on its thread
        QVERIFY(thumbnails->waitForPending());
        const QImage small = thumbnails->thumbnail(3);
        QVERIFY(!small.isNull());
        QVERIFY(std::min(small.width(), small.height()) <= ThumbnailLoader::Size);
        QCOMPARE(QColor(small.pixel(small.width() / 2, small.height() / 2)).red() > 100, true);
        thumbnails->thumbnail(4);
        QVERIFY(thumbnails->waitForPending());
        QVERIFY(thumbnails->thumbnail(4).isNull()); // no picture

        // Two articles selected (rows 0 and 2: ids 4 and 2) go to the trash with Delete, and come back on
        // undo.
        list->setFocus();
        list->setCurrentIndex(model->index(0));
        list->selectionModel()->select(model->index(2), QItemSelectionModel::Select);
        QCOMPARE(window.listPanel()->selectedArticles(), (QList<qint64>{4, 2}));
        QCOMPARE(reader->trashAction()->shortcut(), QKeySequence(QKeySequence::Delete));
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(list->currentIndex().row(), 0); // the reader goes on where the first of them was
        QVERIFY(repository.summary(4)->trashed);
        QVERIFY(repository.summary(2)->trashed);
        QTRY_COMPARE(count(u"Trash"_s), 2);
        QTRY_COMPARE(count(u"All Articles"_s), 2);
        reader->undoStack()->undo();
        QTRY_COMPARE(model->rowCount(), 4);
        QVERIFY(!repository.summary(4)->trashed);
        reader->undoStack()->redo();
        QTRY_COMPARE(model->rowCount(), 2);

        // The Trash lists them; Restore brings one back; Empty Trash (confirmed) deletes the rest for good.
        sidebar->tree()->setCurrentItem(sidebar->itemNamed(u"Trash"_s));
        QTRY_VERIFY(!model->isReading() && model->shownQuery().trashed);
        QCOMPARE(model->rowCount(), 2);
        QVERIFY(!reader->trashAction()->isEnabled());
        list->setCurrentIndex(model->index(0));
        QVERIFY(reader->restoreAction()->isEnabled());
        reader->restoreAction()->trigger();
        QCOMPARE(model->rowCount(), 1);
        QVERIFY(!repository.summary(4)->trashed);
        QTimer::singleShot(0, this, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Discard)->click();
        });
        QTRY_COMPARE(window.editController()->currentId(), 2); // the one left in the trash, open
        reader->emptyTrash();
        QVERIFY(!repository.summary(2));
        QCOMPARE(window.editController()->currentId(), 0); // deleted for good: no longer open
        QVERIFY(window.editorPanel()->headlineEdit()->text().isEmpty());
        QTRY_COMPARE(count(u"Trash"_s), 0);

        // Tags on a selection, undoable; a rename to another tag's name merges the two, also undoable.
        sidebar->tree()->setCurrentItem(sidebar->itemNamed(u"All Articles"_s));
        QTRY_VERIFY(!model->isReading() && !model->shownQuery().trashed);
        QCOMPARE(model->rowCount(), 3);
        list->setCurrentIndex(model->index(0));
        list->selectionModel()->select(model->index(1), QItemSelectionModel::Select);
        QCOMPARE(reader->tagAction()->shortcut(), QKeySequence(u"Ctrl+T"_s));
        reader->tagSelection(u"strike, -port"_s);
        QCOMPARE(repository.load(4)->tags, QStringList{u"strike"_s});
        QCOMPARE(repository.load(3)->tags, QStringList{u"strike"_s});
        QCOMPARE(repository.load(1)->tags, QStringList{u"port"_s});
        QTRY_COMPARE(count(u"strike"_s), 2);
        reader->undoStack()->undo();
        QCOMPARE(repository.load(4)->tags, QStringList{u"port"_s});
        reader->undoStack()->redo();
        // A merge undone gives the tag back to the articles in the trash too.
        QVERIFY(repository.setTrashed({3}, true));
        reader->renameTag(u"strike"_s, u"Port"_s); // merges into "port"
        QCOMPARE(repository.load(4)->tags, QStringList{u"port"_s});
        QCOMPARE(repository.load(3)->tags, QStringList{u"port"_s});
        QCOMPARE(repository.tagCounts(),
                 (QList<std::pair<QString, int>>{{u"port"_s, 2}})); // trash not counted
        reader->undoStack()->undo();
        QCOMPARE(repository.load(4)->tags, QStringList{u"strike"_s});
        QCOMPARE(repository.load(3)->tags, QStringList{u"strike"_s});
        QVERIFY(repository.setTrashed({3}, false));
        reader->renameTag(u"strike"_s, u"industrial action"_s);
        QCOMPARE(repository.load(3)->tags, QStringList{u"industrial action"_s});
        QTRY_COMPARE(count(u"industrial action"_s), 2);

        // Filters combine: a tag with a section (Ctrl+click); a search saved with them comes back from the
        // sidebar.
        sidebar->tree()->clearSelection();
        sidebar->itemNamed(u"industrial action"_s)->setSelected(true);
        sidebar->itemNamed(u"Business"_s)->setSelected(true);
        QTRY_VERIFY(!model->isReading() && model->shownQuery().tags == QStringList{u"industrial action"_s});
        QCOMPARE(model->shownQuery().section, u"Business"_s);
        QCOMPARE(model->rowCount(), 2);
        window.listPanel()->searchField()->setText(u"budget"_s);
        QTRY_VERIFY(!model->isReading() && model->shownQuery().text == u"budget"_s);
        QCOMPARE(model->rowCount(), 1);
        reader->saveSearch(u"Strikes"_s);
        QCOMPARE(repository.savedSearches().size(), 1);
        QCOMPARE(repository.savedSearches().first().query, u"budget"_s);
        window.listPanel()->searchField()->clear();
        sidebar->tree()->setCurrentItem(sidebar->itemNamed(u"All Articles"_s));
        QTRY_VERIFY(!model->isReading() && model->rowCount() == 3);
        QTRY_VERIFY(sidebar->itemNamed(u"Strikes"_s));
        sidebar->tree()->setCurrentItem(sidebar->itemNamed(u"Strikes"_s));
        QTRY_VERIFY(!model->isReading() && model->shownQuery().text == u"budget"_s);
        QCOMPARE(model->shownQuery().tags, QStringList{u"industrial action"_s});
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(window.listPanel()->searchField()->text(), u"budget"_s);
    }

    void openOriginalHandsTheSourceAddressToTheBrowser()
    {
        QTemporaryDir dir;
        LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
        QVERIFY(database.open());
        ArticleRepository repository(database);
        Article saved;
        saved.headline = u"From the web"_s;
        saved.sourceUrl = u"https://news.example/story/1"_s;
        QVERIFY(repository.insert(saved));
        Article written;
        written.headline = u"Written here"_s;
        QVERIFY(repository.insert(written));
        MainWindow window(database);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        UrlCatcher browser;
        QDesktopServices::setUrlHandler(u"https"_s, &browser, "open");
        window.openArticle(written.id);
        QAction *open = window.reader()->openOriginalAction();
        QVERIFY(!open->isEnabled());
        window.openArticle(saved.id);
        QVERIFY(open->isEnabled());
        QCOMPARE(open->shortcut(), QKeySequence(u"Ctrl+Shift+B"_s));
        open->trigger();
        QDesktopServices::unsetUrlHandler(u"https"_s);
        QCOMPARE(browser.opened, QList<QUrl>{QUrl(u"https://news.example/story/1"_s)});
    }

    void theTitleShowsPendingEditsAndLeavingWithoutEditsChangesNothing()
    {
        QTemporaryDir dir;
        LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
        QVERIFY(database.open());
        ArticleRepository repository(database);
        for (const QString &headline : {u"First"_s, u"Second"_s}) {
            Article article;
            article.headline = headline;
            article.bodyHtml = u"<p>Some words in a body.</p>"_s;
            QVERIFY(repository.insert(article));
        }
        const QString storedBefore = repository.load(1)->toJson().value("updated_at"_L1).toString();
        MainWindow window(database);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Opening and leaving an article without edits writes nothing and keeps no revision.
        window.openArticle(1);
        window.openArticle(2);
        window.openArticle(1);
        QVERIFY(!window.isWindowModified());
        QCOMPARE(repository.load(1)->toJson().value("updated_at"_L1).toString(), storedBefore);
        QVERIFY(repository.revisions(1).isEmpty());
        QVERIFY(repository.revisions(2).isEmpty());

        // An edit shows "[*]" in the title until the autosave has it.
        QVERIFY(window.windowTitle().contains(u"[*]"_s));
        window.editorPanel()->headlineEdit()->setFocus();
        window.editorPanel()->headlineEdit()->end(false);
        QTest::keyClicks(window.editorPanel()->headlineEdit(), u" edited"_s);
        QVERIFY(window.isWindowModified());
        QTRY_VERIFY_WITH_TIMEOUT(!window.isWindowModified(), 3000);
        QCOMPARE(repository.load(1)->headline, u"First edited"_s);
    }

    void newArticleStartsADraft()
    {
        WindowOnNewLibrary fixture;
        QVERIFY(fixture.open());
        MainWindow &window = *fixture.window;
        QTRY_VERIFY(window.findChild<EditorPanel *>()); // made after the first frame, behind the welcome
        QMetaObject::invokeMethod(window.findChild<QWidget *>(u"newButton"_s), "click");
        QCOMPARE(window.listModel()->rowCount(), 1);
        // Every pane has its width: the editor made behind the welcome took none of theirs away.
        QTRY_VERIFY(window.previewPanel()->isVisible() && window.previewPanel()->width() > 200);
        QVERIFY2(window.editorPanel()->width() > 200,
                 qPrintable(QString::number(window.editorPanel()->width())));
        QVERIFY(window.listPanel()->width() > 100);
        QVERIFY(window.sidebar()->width() > 100);
        QVERIFY(window.editController()->currentId() > 0);
        QCOMPARE(window.listModel()->index(0).data(ArticleListModel::StatusRole).toString(), u"draft"_s);
        QTest::keyClicks(window.editorPanel()->headlineEdit(), u"Fresh draft"_s);
        QTRY_COMPARE_WITH_TIMEOUT(window.listModel()->index(0).data().toString(), u"Fresh draft"_s,
                                  EditController::AutosaveDelayMs);
    }

    void longImportStaysResponsiveAndCancelKeepsWholeArticles()
    {
        QTemporaryDir dir;
        QStringList files;
        for (int i = 0; i < 600; ++i) {
            const QString path = dir.filePath(u"story-%1.txt"_s.arg(i, 3, 10, QChar(u'0')));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QByteArray text = "Local\n\nStory number " + QByteArray::number(i) + " about the harbour\n\n";
            for (int paragraph = 0; paragraph < 12; ++paragraph)
                text +=
                    "The harbour board met again on Tuesday to talk about cranes, ferries, dredging and the "
                    "budget for the coming year, and agreed on nothing but the date of the next meeting, "
                    "which pleased no one and surprised nobody at all in the town.\n\n";
            file.write(text);
            files.append(path);
        }
        LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
        QVERIFY(database.open());
        MainWindow window(database);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The GUI thread keeps running while the import works in the background.
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        QTimer ticker;
        ticker.setInterval(10);
        connect(&ticker, &QTimer::timeout, this,
                [&] { longestGap = std::max(longestGap, sinceTick.restart()); });
        QSignalSpy finished(window.importController(), &ImportController::finished);
        window.importFiles(files);
        sinceTick.start();
        ticker.start();
        ArticleRepository repository(database);
        QTRY_VERIFY_WITH_TIMEOUT(repository.count() >= 20, 20000);
        auto *progress = window.findChild<QProgressDialog *>();
        QVERIFY(progress);
        auto *cancel = progress->findChild<QPushButton *>();
        QVERIFY(cancel);
        cancel->click(); // as the person would
        QVERIFY(finished.wait(20000));
        ticker.stop();

        const ImportSummary summary = finished.first().first().value<ImportSummary>();
        QVERIFY(summary.cancelled);
        const int stored = repository.count();
        QVERIFY2(stored >= 20 && stored < 600, qPrintable(QString::number(stored)));
        QCOMPARE(summary.importedIds.size(), stored);
        // What was imported is whole: every article with its headline, body and search row.
        for (const qint64 id : summary.importedIds) {
            const std::optional<Article> article = repository.load(id);
            QVERIFY(article);
            QVERIFY(article->headline.startsWith(u"Story number"_s));
            QVERIFY(article->wordCount > 400);
        }
        QCOMPARE(repository.search(u"dredging"_s, 0, 1000).size(), stored);
        QVERIFY2(longestGap < 500, qPrintable(u"the window froze for %1 ms"_s.arg(longestGap)));
    }

    // The first frame holds the sidebar and the list; the editor, with the article it reopens, comes in the
    // frame after, in the place kept for it: nothing else moves. Then the browser engine starts.
    void theEditorComesInTheFrameAfterTheFirstAndNothingMoves()
    {
        QTemporaryDir dir;
        LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
        const std::optional<Article> article = storedArticle(database, u"Harbour cranes return"_s,
                                                             u"<p>The port reopened its eastern quay.</p>"_s);
        QVERIFY(article);

        MainWindow window(database);
        FirstPaintWatcher firstFrame(window);
        window.show();
        QTRY_VERIFY(firstFrame.seen);
        QVERIFY2(!firstFrame.editorThen, "the editor was in the first frame");
        QTRY_VERIFY(window.findChild<EditorPanel *>() && window.findChild<EditorPanel *>()->isVisible());
        auto *editor = window.findChild<EditorPanel *>();
        QCOMPARE(editor->parentWidget(),
                 window.listPanel()->parentWidget()); // in the splitter, beside the list
        QCOMPARE(window.listPanel()->geometry(), firstFrame.listThen);
        QCOMPARE(window.previewPanel()->geometry(), firstFrame.previewThen);
        QVERIFY(editor->geometry().left() > firstFrame.listThen.right());
        QVERIFY(editor->geometry().right() < firstFrame.previewThen.left());
        QCOMPARE(window.editController()->currentId(), article->id);
        QCOMPARE(editor->headlineEdit()->text(), article->headline);
        QTRY_VERIFY_WITH_TIMEOUT(window.previewPanel()->engineStarted(), 20000);
    }

    // With View > Editor off, the editor is made hidden, and what waits for its frame does not wait for it.
    void aHiddenEditorStaysHiddenAndTheRestStarts()
    {
        QSettings settings;
        Settings::EditorVisible.write(settings, false);
        const auto restore = qScopeGuard([] {
            QSettings settings;
            Settings::EditorVisible.write(settings, true);
        });
        WindowOnNewLibrary fixture;
        QVERIFY(fixture.open());
        MainWindow &window = *fixture.window;
        QTRY_VERIFY(window.findChild<EditorPanel *>());
        QVERIFY(window.findChild<EditorPanel *>()->isHidden());
        QTRY_VERIFY_WITH_TIMEOUT(window.previewPanel()->engineStarted(), 20000);
        QAction *toggle = nullptr;
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->text() == u"&Editor"_s)
                toggle = action;
        }
        QVERIFY(toggle && !toggle->isChecked());
        toggle->trigger();
        QVERIFY(!window.findChild<EditorPanel *>()->isHidden()); // (the new library shows its welcome)
    }

    // The article open last time reopens selected and in view, however far down the list it is.
    void theLastArticleReopensSelectedInTheListWhereverItIs()
    {
        QTemporaryDir dir;
        LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
        QVERIFY(database.open());
        ArticleRepository repository(database);
        const QDateTime base(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC);
        const int articles = ArticleListModel::PageSize + 60;
        qint64 oldest = 0;
        for (int i = 0; i < articles; ++i) {
            Article article;
            article.headline = u"Article %1"_s.arg(i);
            article.bodyHtml = u"<p>Text.</p>"_s;
            article.createdAt = base.addSecs(i * 60);
            QVERIFY(repository.insert(article));
            if (i == 0)
                oldest = article.id;
        }
        QSettings settings;
        Settings::LastArticle.write(settings, oldest); // past the first page of the list by date

        MainWindow window(database);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.editController()->currentId(), oldest);
        QTRY_COMPARE(window.listPanel()->selectedArticle(), oldest);
        QListView *list = window.listPanel()->listView();
        QCOMPARE(list->currentIndex().row(), articles - 1);
        // In view from top to bottom (the last row: the list scrolled to its end).
        QTRY_VERIFY(list->visualRect(list->currentIndex()).top() >= 0);
        QVERIFY(list->visualRect(list->currentIndex()).bottom() <= list->viewport()->rect().bottom());
        QCOMPARE(window.editorPanel()->headlineEdit()->text(), u"Article 0"_s);
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
