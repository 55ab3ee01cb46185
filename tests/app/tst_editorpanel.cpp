#include "app/guitestmain.h"
#include "bodytextedit.h"
#include "editorpanel.h"
#include "htmlsanitizer.h"

#include <QComboBox>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QTextEdit>

using namespace Qt::StringLiterals;
using namespace Copydesk;

class TestEditorPanel : public QObject
{
    Q_OBJECT

private slots:
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
