#include "app/guitestmain.h"
#include "bodytextedit.h"
#include "editorpanel.h"
#include "findquotesdialog.h"
#include "imagespanel.h"
#include "quotespanel.h"
#include "testsupport.h"
#include <html/documenthtmlwriter.h>
#include <html/htmlsanitizer.h>

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStringListModel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocumentFragment>
#include <QTextEdit>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <model/quotetablemodel.h>

using namespace Qt::StringLiterals;
using namespace Copydesk;

// Types any text, Cyrillic included (QTest::keyClicks takes only ASCII), one key event per character.
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar character : text) {
        QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(character));
        QApplication::sendEvent(widget, &press);
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, QString(character));
        QApplication::sendEvent(widget, &release);
    }
}

class TestEditorPanel : public QObject
{
    Q_OBJECT

private slots:
    void theQuotesPanelEditsTheArticlesQuotes()
    {
        EditorPanel panel;
        Article article;
        article.headline = u"Ferries"_s;
        article.bodyHtml = u"<p>“We are cutting two evening crossings,” said Anna Berg.</p>"_s;
        article.quotes = {{u"We are cutting two evening crossings"_s, u"Anna Berg"_s, u"spokeswoman"_s, {}}};
        panel.setArticle(article);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QuotesPanel *quotes = panel.quotesPanel();
        QCOMPARE(quotes->model()->rowCount(), 1);
        QSignalSpy edited(&panel, &EditorPanel::edited);

        // Add one, as the toolbar does, and type into it.
        QAction *add = quotes->findChild<QToolBar *>()->actions().first();
        add->trigger();
        QCOMPARE(quotes->model()->rowCount(), 2);
        QuoteTableModel *model = quotes->model();
        QVERIFY(
            model->setData(model->index(1, QuoteTableModel::TextColumn), u"Timetables change on Sunday"_s));
        QVERIFY(!edited.isEmpty());
        QVERIFY(panel.editedFields().testFlag(EditorPanel::Field::Quotes));
        // Without a speaker it is flagged.
        auto *warning = quotes->findChild<QLabel *>();
        QVERIFY(warning && warning->isVisible());
        QVERIFY(model->setData(model->index(1, QuoteTableModel::SpeakerColumn), u"Ola Lind"_s));
        QVERIFY(!warning->isVisible());

        Article back;
        panel.applyTo(back);
        QCOMPARE(back.quotes.size(), 2);
        QCOMPARE(back.quotes.at(1).speaker, u"Ola Lind"_s);

        // Double-click finds the quote in the body.
        QVERIFY(panel.selectInBody(back.quotes.at(0).text));
        QCOMPARE(panel.bodyEdit()->textCursor().selectedText(), u"We are cutting two evening crossings"_s);
    }

    void theImagesPanelAddsEditsReordersAndRemovesPictures()
    {
        QTemporaryDir dir;
        // Two pictures: one whose XMP record exiv2's tool wrote, one with nothing to say for itself.
        const QString credited = dir.filePath(u"credited.jpg"_s);
        const QString bare = dir.filePath(u"bare.png"_s);
        QImage picture(160, 90, QImage::Format_RGB32);
        picture.fill(Qt::darkGreen);
        QVERIFY(picture.save(credited, "JPEG"));
        picture.fill(Qt::darkRed);
        QVERIFY(picture.save(bare, "PNG"));
        QProcess exiv2;
        exiv2.start(u"exiv2"_s, {u"-Mset Xmp.dc.creator XmpSeq Anna Kowalczyk"_s,
                                 u"-Mset Xmp.photoshop.Credit Anna Kowalczyk/AP"_s, u"modify"_s, credited});
        QVERIFY2(exiv2.waitForFinished(20000) && exiv2.exitCode() == 0,
                 "exiv2 must be installed (dev.sh does)");

        EditorPanel panel;
        Article article;
        article.headline = u"Ferries"_s;
        article.bodyHtml = u"<p>First paragraph.</p>"_s;
        panel.setArticle(article);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        ImagesPanel *images = panel.imagesPanel();
        QSignalSpy edited(&panel, &EditorPanel::edited);

        // Add: what the file says fills the fields; the first picture leads.
        images->addFiles({credited, bare, dir.filePath(u"missing.jpg"_s)});
        QCOMPARE(images->images().size(), 2);
        QCOMPARE(images->images().at(0).credit, u"Anna Kowalczyk"_s);
        QCOMPARE(images->images().at(0).agency, u"AP"_s);
        QCOMPARE(images->images().at(0).role, ImageRole::Lead);
        QCOMPARE(images->images().at(1).role, ImageRole::Inline);
        QVERIFY(!edited.isEmpty());
        QVERIFY(panel.editedFields().testFlag(EditorPanel::Field::Images));
        // The missing file is named under the list; both pictures lack alt text, the second a credit.
        QVERIFY(images->findChildren<QLabel *>().size() >= 2);
        QVERIFY2(images->problems().contains(u"1 image without a credit"_s), qPrintable(images->problems()));
        QVERIFY(images->problems().contains(u"2 images without alt text"_s));
        QVERIFY(images->list()->item(1)->text().contains(u"no credit"_s));

        // Edit the selected (second) one by typing into its fields.
        QCOMPARE(images->selected(), 1);
        QTest::keyClicks(images->field(u"credit"_s), u"Ola Lind"_s);
        QTest::keyClicks(images->field(u"alt"_s), u"A red square"_s);
        QCOMPARE(images->images().at(1).credit, u"Ola Lind"_s);
        QCOMPARE(images->field(u"creditLine"_s)->placeholderText(), u"Photo: Ola Lind"_s);
        QVERIFY(images->problems().contains(u"1 image without alt text"_s));
        QVERIFY(!images->problems().contains(u"credit"_s));

        // Insert it into the body, then move it up: the body's reference follows the picture.
        QTextCursor end = panel.bodyEdit()->textCursor();
        end.movePosition(QTextCursor::End);
        panel.bodyEdit()->setTextCursor(end);
        panel.insertImageInBody(1);
        Article back;
        panel.applyTo(back);
        QVERIFY2(back.bodyHtml.contains(u"copydesk-image:1"_s), qPrintable(back.bodyHtml));
        images->moveSelected(-1);
        QCOMPARE(images->selected(), 0);
        QCOMPARE(images->images().at(0).credit, u"Ola Lind"_s);
        panel.applyTo(back);
        QVERIFY2(back.bodyHtml.contains(u"copydesk-image:0"_s), qPrintable(back.bodyHtml));
        QVERIFY(!back.bodyHtml.contains(u"copydesk-image:1"_s));

        // Make it the lead; then remove it: it leaves the body too, and the other leads again.
        images->makeSelectedLead();
        QCOMPARE(images->images().at(0).role, ImageRole::Lead);
        QCOMPARE(images->images().at(1).role, ImageRole::Inline);
        images->removeSelected();
        QCOMPARE(images->images().size(), 1);
        QCOMPARE(images->images().at(0).credit, u"Anna Kowalczyk"_s);
        QCOMPARE(images->images().at(0).role, ImageRole::Lead);
        panel.applyTo(back);
        QVERIFY2(!back.bodyHtml.contains(u"copydesk-image"_s), qPrintable(back.bodyHtml));
        QCOMPARE(back.images.size(), 1);

        // A file dropped or copied in a file manager arrives as its address.
        QMimeData dropped;
        dropped.setUrls({QUrl::fromLocalFile(bare)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &dropped, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(images, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &dropped, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(images, &drop);
        QVERIFY(drop.isAccepted());
        QCOMPARE(images->images().size(), 2);
        images->select(1);
        images->removeSelected();

        // A copied picture pastes in.
        QMimeData copied;
        copied.setImageData(picture);
        QVERIFY(images->addFromMimeData(&copied));
        QCOMPARE(images->images().size(), 2);
        QCOMPARE(images->images().at(1).mimeType, u"image/png"_s);
        QCOMPARE(images->images().at(1).width, 160);
    }

    void findQuotesProposesWhatTheImporterWouldFindAndInsertsABlockquote()
    {
        EditorPanel panel;
        Article article;
        article.headline = u"Minsk"_s;
        article.bodyHtml = u"<p>“We will not allow an escalation of the conflict,” said Makei.</p>"
                           "<p>«Мы не допустим эскалации конфликта на нашей границе», — заявил Макей.</p>"
                           "<p>Lukashenko, the president, told reporters: “No talks will happen without "
                           "Minsk at the table.”</p>"
                           "<p>“We will not allow an escalation of the conflict,” said Makei again.</p>"_s;
        article.quotes = {{u"No talks will happen without Minsk at the table."_s, u"Lukashenko"_s, {}, {}}};
        panel.setArticle(article);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));

        // Found: the two not yet among the article's quotes (the repeat counted once), speakers named.
        const QList<Quote> found = panel.quotesFoundInBody();
        QStringList speakers;
        for (const Quote &quote : found)
            speakers << quote.speaker;
        QCOMPARE(speakers, (QStringList{u"Makei"_s, u"Макей"_s, u"Makei"_s}));

        // The dialog: untick the repeat, correct a role, add.
        bool answered = false;
        QTimer::singleShot(0, this, [&answered] {
            auto *dialog = qobject_cast<FindQuotesDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialog->table()->item(2, 0)->setCheckState(Qt::Unchecked);
            dialog->table()->item(0, 2)->setText(u"foreign minister"_s);
            answered = true;
            dialog->accept();
        });
        QSignalSpy edited(&panel, &EditorPanel::edited);
        panel.findQuotes();
        QVERIFY(answered);
        QCOMPARE(panel.quotesPanel()->quotes().size(), 3);
        QCOMPARE(panel.quotesPanel()->quotes().at(1).speaker, u"Makei"_s);
        QCOMPARE(panel.quotesPanel()->quotes().at(1).speakerRole, u"foreign minister"_s);
        QCOMPARE(panel.quotesPanel()->quotes().at(2).speaker, u"Макей"_s);
        QVERIFY(!edited.isEmpty());
        QVERIFY(panel.editedFields().testFlag(EditorPanel::Field::Quotes));

        // Insert one into the body: a block quote with its speaker under it.
        QTextCursor end = panel.bodyEdit()->textCursor();
        end.movePosition(QTextCursor::End);
        panel.bodyEdit()->setTextCursor(end);
        panel.insertQuoteInBody(panel.quotesPanel()->quotes().at(1));
        Article back;
        panel.applyTo(back);
        QVERIFY2(back.bodyHtml.contains(u"<blockquote>"_s), qPrintable(back.bodyHtml));
        QVERIFY2(back.bodyHtml.contains(u"“We will not allow an escalation of the conflict”"_s),
                 qPrintable(back.bodyHtml));
        QVERIFY2(back.bodyHtml.contains(u"— <em>Makei</em>, foreign minister"_s), qPrintable(back.bodyHtml));

        // Or as a pull quote: the Russian one, in its own marks.
        panel.insertQuoteInBody(panel.quotesPanel()->quotes().at(2), true);
        panel.applyTo(back);
        QVERIFY2(back.bodyHtml.contains(
                     u"<blockquote class=\"pull-quote\">\n<p>«Мы не допустим эскалации конфликта "
                     "на нашей границе»</p>\n<p>— <em>Макей</em></p>\n</blockquote>"_s),
                 qPrintable(back.bodyHtml));
    }

    void tagsLanguageSourceAndTheHeadlineTarget()
    {
        EditorPanel panel;
        panel.setTagSuggestions({u"belarus"_s, u"diplomacy"_s, u"ferries"_s});
        panel.setHeadlineTarget(20);
        Article article;
        article.headline = u"Short one"_s;
        article.tags = {u"belarus"_s};
        panel.setArticle(article);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.headlineLength()->text(), u"9/20"_s);
        panel.headlineEdit()->end(false);
        QTest::keyClicks(panel.headlineEdit(), u" grows past its target"_s);
        QCOMPARE(panel.headlineLength()->text(), u"31/20"_s);
        QVERIFY(panel.headlineLength()->toolTip().contains(u"11 characters past"_s));

        // The tag being typed completes from the library's tags, keeping those before it.
        QLineEdit *tags = panel.tagsEdit();
        tags->setFocus();
        tags->end(false);
        QTest::keyClicks(tags, u", dip"_s);
        QCompleter *completer = tags->completer();
        QCOMPARE(completer->completionCount(), 1);
        QCOMPARE(completer->currentIndex().data().toString(), u"diplomacy"_s);
        QCOMPARE(completer->pathFromIndex(completer->currentIndex()), u"belarus, diplomacy, "_s);
        tags->setText(completer->pathFromIndex(completer->currentIndex()));
        QTest::keyClicks(tags, u"Belarus, new tag"_s); // a repeat in other case counts once

        panel.languageCombo()->setCurrentText(u"ru"_s);
        QTest::keyClicks(panel.sourceUrlEdit(), u"https://example.org/minsk"_s);
        QTest::keyClicks(panel.editorNoteEdit(), u"Legal to read before it runs"_s);
        const EditorPanel::Fields edited = panel.editedFields();
        QVERIFY(edited.testFlag(EditorPanel::Field::Tags));
        QVERIFY(edited.testFlag(EditorPanel::Field::Language));
        QVERIFY(edited.testFlag(EditorPanel::Field::SourceUrl));
        Article back;
        panel.applyTo(back);
        QCOMPARE(back.tags, (QStringList{u"belarus"_s, u"diplomacy"_s, u"new tag"_s}));
        QCOMPARE(back.language, u"ru"_s);
        QCOMPARE(back.sourceUrl, u"https://example.org/minsk"_s);
        QCOMPARE(back.editorNote, u"Legal to read before it runs"_s);
        QVERIFY(panel.editedFields().testFlag(EditorPanel::Field::EditorNote));
    }

    void quotesAreMarkedByPropertyAndPullQuotesAndRulesSurviveASave()
    {
        EditorPanel panel;
        Article article;
        article.bodyHtml = u"<p>Opening line.</p><blockquote><p>Quoted from elsewhere.</p></blockquote>"
                           "<p>A line worth pulling out of the piece.</p><p>Closing line.</p>"_s;
        panel.setArticle(article);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTextEdit *body = panel.bodyEdit();
        // Loaded block quotes carry the level property, not only the importer's margin.
        const QTextBlock quoted = body->document()->findBlockByNumber(1);
        QCOMPARE(quoted.text(), u"Quoted from elsewhere."_s);
        QCOMPARE(quoted.blockFormat().intProperty(QTextFormat::BlockQuoteLevel), 1);

        // Make the third paragraph a pull quote with the toolbar's shortcut; a rule after the last.
        QTextCursor cursor(body->document()->findBlockByNumber(2));
        body->setTextCursor(cursor);
        body->setFocus();
        QTest::keyClick(body, Qt::Key_0, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(body->textCursor().blockFormat().boolProperty(BodyFormat::PullQuoteProperty));
        cursor.movePosition(QTextCursor::End);
        body->setTextCursor(cursor);
        QTest::keyClick(body, Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::keyClicks(body, u"After the rule."_s);

        Article back;
        panel.applyTo(back);
        QVERIFY2(back.bodyHtml.contains(u"<blockquote>\n<p>Quoted from elsewhere.</p>\n</blockquote>"_s),
                 qPrintable(back.bodyHtml));
        QVERIFY2(back.bodyHtml.contains(
                     u"<blockquote class=\"pull-quote\">\n<p>A line worth pulling out of the piece.</p>"_s),
                 qPrintable(back.bodyHtml));
        QVERIFY2(back.bodyHtml.contains(u"<hr>\n<p>After the rule.</p>"_s), qPrintable(back.bodyHtml));
        // The sanitizer keeps what the editor wrote, and the editor reads it back the same.
        const QString stored = HtmlSanitizer::sanitize(back.bodyHtml);
        QVERIFY2(stored.contains(u"class=\"pull-quote\""_s), qPrintable(stored));
        Article reopened;
        reopened.bodyHtml = stored;
        panel.setArticle(reopened);
        Article again;
        panel.applyTo(again);
        QCOMPARE(again.bodyHtml, back.bodyHtml);

        // The same shortcut again takes the pull quote off.
        body->setTextCursor(QTextCursor(body->document()->findBlockByNumber(2)));
        QTest::keyClick(body, Qt::Key_0, Qt::ControlModifier | Qt::ShiftModifier);
        panel.applyTo(again);
        QVERIFY(!again.bodyHtml.contains(u"pull-quote"_s));
        QVERIFY(again.bodyHtml.contains(u"<p>A line worth pulling out of the piece.</p>"_s));
    }

    void removeLinkTakesOffTheWholeLink()
    {
        EditorPanel panel;
        Article article;
        article.bodyHtml = u"<p>Read <a href=\"https://example.org/a\">the full report</a> today.</p>"_s;
        panel.setArticle(article);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTextEdit *body = panel.bodyEdit();
        QTextCursor inside(body->document());
        inside.setPosition(12); // within "the full report"
        body->setTextCursor(inside);
        body->setFocus();
        QTest::keyClick(body, Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
        Article back;
        panel.applyTo(back);
        QCOMPARE(back.bodyHtml.trimmed(), u"<p>Read the full report today.</p>"_s);
    }

    void undoAndRedoCoverTheFieldsAsWellAsTheBody()
    {
        EditorPanel panel;
        Article article;
        article.headline = u"Ferries"_s;
        article.status = ArticleStatus::Draft;
        article.quotes = {{u"We are cutting two evening crossings"_s, u"Anna Berg"_s, {}, {}}};
        article.bodyHtml = u"<p>Body.</p>"_s;
        panel.setArticle(article);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *status = panel.findChild<QComboBox *>(u"statusCombo"_s);
        QVERIFY(status);

        // Three edits of fields that are not typed text: status, a quote's speaker, a new quote.
        status->setCurrentIndex(status->findData(u"ready"_s));
        QuoteTableModel *quotes = panel.quotesPanel()->model();
        QVERIFY(quotes->setData(quotes->index(0, QuoteTableModel::SpeakerColumn), u"Ola Lind"_s));
        panel.quotesPanel()->appendQuotes(
            {{u"Timetables change on Sunday for the winter"_s, u"Anna Berg"_s, {}, {}}});
        QCOMPARE(panel.fieldUndoStack()->count(), 3);

        // Ctrl+Z in the quotes table undoes them one by one, newest first; each undo is an edit.
        panel.quotesPanel()->table()->setFocus();
        QSignalSpy edited(&panel, &EditorPanel::edited);
        QTest::keyClick(panel.quotesPanel()->table(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(quotes->rowCount(), 1);
        QTest::keyClick(panel.quotesPanel()->table(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(quotes->quotes().first().speaker, u"Anna Berg"_s);
        panel.undo(); // Edit > Undo, with the focus outside any text field
        QCOMPARE(status->currentData().toString(), u"draft"_s);
        QCOMPARE(edited.count(), 3);
        Article back;
        panel.applyTo(back);
        QCOMPARE(back.status, ArticleStatus::Draft);
        QCOMPARE(back.quotes.size(), 1);

        // And redo brings them back.
        panel.redo();
        panel.redo();
        panel.redo();
        panel.applyTo(back);
        QCOMPARE(back.status, ArticleStatus::Ready);
        QCOMPARE(back.quotes.size(), 2);
        QCOMPARE(back.quotes.first().speaker, u"Ola Lind"_s);

        // In the body, Edit > Undo undoes typing there.
        QTextEdit *body = panel.bodyEdit();
        body->setFocus();
        body->moveCursor(QTextCursor::End);
        QTest::keyClicks(body, u" More"_s);
        panel.undo();
        QCOMPARE(body->toPlainText(), u"Body."_s);
        QCOMPARE(panel.fieldUndoStack()->index(), 3); // the field stack was left alone
    }

    void typographicQuotesAsYouTypeByLanguageAndSwitchable()
    {
        EditorPanel panel;
        Article article;
        article.language = u"en"_s;
        panel.setArticle(article);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTextEdit *body = panel.bodyEdit();
        body->setFocus();
        QTest::keyClicks(body, u"He said \"it's over\" - then left."_s);
        QCOMPARE(body->toPlainText(), u"He said “it’s over” – then left."_s);
        // One undo takes back one replaced character, not the typing around it.
        QTest::keyClick(body, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(body->toPlainText().startsWith(u"He said “it’s over”"_s));

        // The headline too, and Russian marks once the article's language is Russian.
        panel.languageCombo()->setCurrentText(u"ru"_s);
        QLineEdit *headline = panel.headlineEdit();
        headline->setFocus();
        typeText(headline, u"Макей: \"Мы не допустим эскалации\""_s);
        QCOMPARE(headline->text(), u"Макей: «Мы не допустим эскалации»"_s);
        QVERIFY(panel.editedFields().testFlag(EditorPanel::Field::Headline));
        body->clear();
        body->setFocus();
        typeText(body, u"\"Да\" - сказал он"_s);
        QCOMPARE(body->toPlainText(), u"«Да» — сказал он"_s);

        // Switched off, straight marks stay straight.
        panel.smartTypographyAction()->trigger();
        QVERIFY(!panel.smartTypography());
        body->clear();
        QTest::keyClicks(body, u"\"plain\""_s);
        QCOMPARE(body->toPlainText(), u"\"plain\""_s);
    }

    // What a paste leaves in the body: only the allowed semantic elements and attributes, whatever the
    // clipboard held (text that merely mentions markup is text, and is not looked at).
    static QString uncleanMarkup(const QString &html)
    {
        static const QStringList elements = {
            u"p"_s,          u"h1"_s,    u"h2"_s, u"h3"_s,  u"h4"_s,     u"h5"_s,    u"h6"_s,
            u"blockquote"_s, u"ul"_s,    u"ol"_s, u"li"_s,  u"strong"_s, u"em"_s,    u"s"_s,
            u"a"_s,          u"br"_s,    u"hr"_s, u"img"_s, u"pre"_s,    u"code"_s,  u"sub"_s,
            u"sup"_s,        u"table"_s, u"tr"_s, u"td"_s,  u"th"_s,     u"tbody"_s, u"thead"_s};
        static const QStringList attributes = {u"href"_s,  u"src"_s,     u"alt"_s,
                                               u"title"_s, u"colspan"_s, u"rowspan"_s};
        static const QRegularExpression tag(u"<(/?)([a-zA-Z0-9]+)([^>]*)>"_s);
        // Attribute by attribute from the tag name on, so that a value (an address with "x=") is not read as
        // one.
        static const QRegularExpression attribute(u"\\G\\s+([a-zA-Z-]+)(?:=\"[^\"]*\")?"_s);
        for (const QRegularExpressionMatch &found : tag.globalMatch(html)) {
            const QString name = found.captured(2).toLower();
            if (!elements.contains(name))
                return u"<%1> in the body"_s.arg(name);
            for (const QRegularExpressionMatch &pair : attribute.globalMatch(found.captured(3))) {
                if (!attributes.contains(pair.captured(1).toLower()))
                    return u"%1 on <%2>"_s.arg(pair.captured(1), name);
            }
        }
        if (html.contains(u"href=\"javascript:"_s, Qt::CaseInsensitive))
            return u"a javascript: link"_s;
        // Remote pictures never get in: only the article's own (copydesk-image:N) could.
        if (html.contains(u"src=\"http"_s))
            return u"a remote picture"_s;
        return {};
    }

    void pasteFromPagesWordProcessorsAndPlainTextLandsClean()
    {
        EditorPanel panel;
        panel.setArticle(Article{});
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *body = qobject_cast<BodyTextEdit *>(panel.bodyEdit());
        QVERIFY(body);

        // A word processor's clipboard: classes, fonts, colours, spans, conditional comments.
        QMimeData office;
        office.setHtml(
            u"<html><head><style>p.MsoNormal{font-family:Calibri}</style></head><body>"
            "<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]-->"
            "<p class=\"MsoNormal\" style=\"margin:0;color:#1f3864\"><span style=\"font-size:11pt;"
            "font-family:Calibri\"><b>Minsk,</b> <font color=\"red\" face=\"Arial\">Monday</font>: the talks "
            "<i>resumed</i>.</span></p><p class=MsoListParagraph style='mso-list:l0 level1'>"
            "<span style='mso-list:Ignore'>·</span>First point</p><script>alert(1)</script></body></html>"_s);
        body->insertFromMimeData(&office);
        // The check itself catches what it is there to catch.
        QCOMPARE(uncleanMarkup(u"<p class=\"MsoNormal\">x</p>"_s), u"class on <p>"_s);
        QCOMPARE(uncleanMarkup(u"<p><span>x</span></p>"_s), u"<span> in the body"_s);
        QCOMPARE(uncleanMarkup(u"<p><a href=\"https://a.example/?id=\">x</a></p>"_s), QString());
        Article back;
        panel.applyTo(back);
        QCOMPARE(uncleanMarkup(back.bodyHtml), QString());
        QVERIFY2(back.bodyHtml.contains(u"<strong>Minsk,</strong> Monday: the talks <em>resumed</em>."_s),
                 qPrintable(back.bodyHtml));
        QVERIFY(!back.bodyHtml.contains(u"alert"_s));

        // Plain text: its lines become paragraphs, its characters stay as they are.
        body->clear();
        QMimeData plain;
        plain.setText(u"First line <b>not bold</b>\nSecond line"_s);
        body->insertFromMimeData(&plain);
        panel.applyTo(back);
        QVERIFY2(back.bodyHtml.contains(u"<p>First line &lt;b&gt;not bold&lt;/b&gt;</p>"_s),
                 qPrintable(back.bodyHtml));
        QVERIFY(back.bodyHtml.contains(u"<p>Second line</p>"_s));

        // Real pages, as a browser puts them on the clipboard: the shared corpus's saved pages.
        const QString corpus = sharedDir() + u"/corpora/readability"_s;
        const QStringList pages = QDir(corpus).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        if (pages.isEmpty())
            QSKIP(qPrintable(u"the Readability corpus is not at %1 (set COPYDESK_SHARED_DIR)"_s.arg(corpus)));
        int pasted = 0;
        for (const QString &page : pages) {
            QFile file(corpus + u'/' + page + u"/source.html"_s);
            if (!file.open(QIODevice::ReadOnly) || file.size() > 400'000) // the larger ones only cost time
                continue;
            QMimeData copied;
            copied.setHtml(QString::fromUtf8(file.readAll()));
            body->clear();
            body->insertFromMimeData(&copied);
            panel.applyTo(back);
            const QString problem = uncleanMarkup(back.bodyHtml);
            QVERIFY2(problem.isEmpty(), qPrintable(u"%1: %2"_s.arg(page, problem)));
            QVERIFY2(!body->toPlainText().trimmed().isEmpty(), qPrintable(page));
            ++pasted;
        }
        qInfo("pasted %d corpus pages; every one came out clean", pasted);
        QVERIFY(pasted >= 50);
    }

    void endingBoldKeepsTheLastWordBold()
    {
        EditorPanel panel;
        panel.setArticle(Article{});
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTextEdit *body = panel.bodyEdit();
        body->setFocus();
        QTest::keyClicks(body, u"zeta "_s);
        QTest::keyClick(body, Qt::Key_B, Qt::ControlModifier);
        QTest::keyClicks(body, u"eta theta iota"_s);
        QTest::keyClick(body, Qt::Key_B, Qt::ControlModifier);
        QTest::keyClicks(body, u" kappa"_s);
        QCOMPARE(body->toPlainText(), u"zeta eta theta iota kappa"_s);
        auto weightAt = [&](const QString &word) {
            // The word's second letter: the format of a character is that of the one before the cursor.
            const QString text = u" "_s + body->toPlainText() + u" "_s;
            QTextCursor cursor(body->document());
            cursor.setPosition(int(text.indexOf(u" "_s + word + u" "_s)) + 1);
            return cursor.charFormat().fontWeight();
        };
        QCOMPARE(weightAt(u"zeta"_s), int(QFont::Normal));
        for (const QString &word : {u"eta"_s, u"theta"_s, u"iota"_s})
            QVERIFY2(weightAt(word) >= QFont::Bold, qPrintable(word));
        QCOMPARE(weightAt(u"kappa"_s), int(QFont::Normal));

        // Inside a word, with nothing selected, the word is what gets the format.
        QTextCursor inside = body->textCursor();
        inside.setPosition(int(body->toPlainText().indexOf(u"kappa"_s)) + 2);
        body->setTextCursor(inside);
        QTest::keyClick(body, Qt::Key_I, Qt::ControlModifier);
        QTextCursor check(body->document());
        check.setPosition(int(body->toPlainText().indexOf(u"kappa"_s)) + 1);
        QVERIFY(check.charFormat().fontItalic());
    }

    void aSubheadingLooksLikeOneAtOnce()
    {
        EditorPanel panel;
        panel.setArticle(Article{});
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTextEdit *body = panel.bodyEdit();
        body->setFocus();
        QTest::keyClicks(body, u"First paragraph."_s);
        QTest::keyClick(body, Qt::Key_Return);
        QTest::keyClick(body, Qt::Key_2, Qt::ControlModifier); // on an empty line, before typing
        QTest::keyClicks(body, u"Talks resume"_s);
        QTest::keyClick(body, Qt::Key_Return);
        QTest::keyClicks(body, u"An existing line"_s);
        QTest::keyClick(body, Qt::Key_3, Qt::ControlModifier); // on a line with text
        auto formatOf = [&](const QString &text) {
            QTextCursor cursor(body->document());
            cursor.setPosition(int(body->toPlainText().indexOf(text)) + 1);
            return cursor.charFormat();
        };
        QTextCharFormat subheading = formatOf(u"Talks resume"_s);
        QCOMPARE(subheading.property(QTextFormat::FontSizeAdjustment).toInt(), 2);
        QVERIFY(subheading.fontWeight() >= QFont::Bold);
        QTextCharFormat minor = formatOf(u"An existing line"_s);
        QCOMPARE(minor.property(QTextFormat::FontSizeAdjustment).toInt(), 1);
        QVERIFY(minor.fontWeight() >= QFont::Bold);
        QCOMPARE(formatOf(u"First"_s).property(QTextFormat::FontSizeAdjustment).toInt(), 0);
        // And it is stored as what it looks like.
        Article back;
        panel.applyTo(back);
        QVERIFY2(back.bodyHtml.contains(u"<h2>Talks resume</h2>"_s), qPrintable(back.bodyHtml));
        QVERIFY2(back.bodyHtml.contains(u"<h3>An existing line</h3>"_s), qPrintable(back.bodyHtml));
    }

    void showsAndWritesBackTheArticle()
    {
        EditorPanel panel;
        Article article;
        article.headline = u"Harbour cranes return"_s;
        article.standfirst = u"Four new cranes on the eastern quay"_s;
        article.byline = u"Ann Smith"_s;
        article.section = u"Business"_s;
        article.dateline = u"ROTTERDAM"_s;
        article.status = ArticleStatus::Ready;
        article.bodyHtml =
            u"<p>First <strong>strong</strong> words.</p>\n<h2>A subheading</h2>\n"
            "<blockquote><p>A quoted line.</p></blockquote>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"_s;
        QSignalSpy edited(&panel, &EditorPanel::edited);
        panel.setArticle(article);
        QCOMPARE(edited.size(), 0); // showing is not editing
        QVERIFY(panel.isEnabled());

        Article back;
        back.status = ArticleStatus::Draft;
        panel.applyTo(back);
        QCOMPARE(back.headline, article.headline);
        QCOMPARE(back.standfirst, article.standfirst);
        QCOMPARE(back.byline, article.byline);
        QCOMPARE(back.section, article.section);
        QCOMPARE(back.dateline, article.dateline);
        QCOMPARE(back.status, ArticleStatus::Ready);
        // What the library would store from the editor is what it stored before.
        QCOMPARE(HtmlSanitizer::sanitize(back.bodyHtml), HtmlSanitizer::sanitize(article.bodyHtml));

        panel.show();
        QTest::keyClicks(panel.headlineEdit(), u"!"_s);
        QCOMPARE(edited.size(), 1);
        panel.findChild<QComboBox *>(u"statusCombo"_s)->setCurrentIndex(0);
        QCOMPARE(edited.size(), 2);
    }

    void pastedHtmlIsSanitized()
    {
        EditorPanel panel;
        panel.setArticle(Article());
        auto *body = qobject_cast<BodyTextEdit *>(panel.bodyEdit());
        QVERIFY(body);
        QMimeData mime;
        mime.setHtml(u"<div style=\"color:red\" onclick=\"alert(1)\"><h1>Pasted title</h1><p>Pasted "
                     "<b>text</b><script>alert(2)</script><img src=\"https://tracker.invalid/p.gif\">"
                     "<a href=\"javascript:alert(3)\">link</a></p></div>"_s);
        body->insertFromMimeData(&mime);
        Article article;
        panel.applyTo(article);
        QVERIFY2(article.bodyHtml.contains(u"<h2>Pasted title</h2>"_s), qPrintable(article.bodyHtml));
        QVERIFY(article.bodyHtml.contains(u"<strong>text</strong>"_s));
        for (const QString &bad :
             {u"script"_s, u"alert"_s, u"tracker"_s, u"javascript"_s, u"style"_s, u"onclick"_s})
            QVERIFY2(!article.bodyHtml.contains(bad), qPrintable(bad));
    }
};

COPYDESK_GUI_TEST_MAIN(TestEditorPanel)
#include "tst_editorpanel.moc"
