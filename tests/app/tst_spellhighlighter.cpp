// Spelling in the editor: the red wave under the words the article's dictionary does not know (code, names
// in the byline and of speakers left alone), the context menu's suggestions as one undoable edit, "Add to
// Dictionary" into the file beside the library, the switch in the Edit menu, and a check that only draws:
// an article opened and left is not an edit.

#include "app/guitestmain.h"
#include "bodytextedit.h"
#include "editorpanel.h"
#include "lineeditspelling.h"
#include "spellhighlighter.h"
#include "spelling.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextEdit>
#include <QTextLayout>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

Article spellingArticle()
{
    Article article;
    article.id = 1;
    article.headline = u"A test"_s;
    article.language = u"en"_s;
    article.byline = u"Tomasz Sulima"_s;
    article.quotes = {{u"We will not yield"_s, u"Uladzimir Makei"_s, u"foreign minister"_s, {}}};
    article.bodyHtml = u"<p>The goverment said <code>fooBarBaz</code> it was recieved.</p>"
                       u"<pre>zzqx();</pre><p>Makei told Sulima’s editor at NATO.</p>"_s;
    return article;
}

// The underlined ranges of a block, as the layout draws them.
QStringList underlinedIn(const QTextBlock &block)
{
    QStringList words;
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        if (range.format.underlineStyle() == QTextCharFormat::WaveUnderline)
            words << block.text().mid(range.start, range.length);
    }
    return words;
}

// Pixels of the red wave in a widget's picture.
int redPixels(QWidget *widget)
{
    const QImage image = widget->grab().toImage();
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor color = image.pixelColor(x, y);
            count += color.red() - color.green() > 40 && color.red() - color.blue() > 40; // antialiased
        }
    }
    return count;
}

QMenu *menuAtWord(BodyTextEdit *body, const QString &word)
{
    QTextCursor cursor = body->document()->find(word);
    cursor.setPosition(cursor.selectionStart() + 1);
    return body->createContextMenu(body->cursorRect(cursor).center());
}

QAction *actionNamed(QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions()) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}

} // namespace

class TestSpellHighlighter : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_directory = std::make_unique<QTemporaryDir>();
        m_spelling = std::make_unique<Spelling>(m_directory->filePath(u"library.sqlite"_s));
        m_panel = std::make_unique<EditorPanel>();
        m_panel->resize(900, 700);
        m_panel->show();
        m_panel->setSpelling(m_spelling.get());
        m_spelling->waitForChecker(u"en"_s);
        m_spelling->waitForChecker(u"ru"_s);
    }

    void cleanup()
    {
        m_panel.reset();
        m_spelling.reset();
        m_directory.reset();
    }

    void misspelledWordsAreUnderlinedButNotCodeOrNames()
    {
        m_panel->setArticle(spellingArticle());
        SpellHighlighter *highlighter = m_panel->spellHighlighter();
        QTRY_COMPARE(highlighter->misspelledWords(), (QStringList{u"goverment"_s, u"recieved"_s}));
        const QTextBlock first = m_panel->bodyEdit()->document()->firstBlock();
        QTRY_COMPARE(underlinedIn(first), (QStringList{u"goverment"_s, u"recieved"_s}));
        QTRY_VERIFY(redPixels(m_panel->bodyEdit()->viewport()) > 20); // really drawn
        QVERIFY(underlinedIn(first.next()).isEmpty());                // <pre>
        QVERIFY(underlinedIn(first.next().next()).isEmpty());         // names from the byline and the speaker
        // Checking only draws: the article is not edited, its document not modified.
        QCOMPARE(int(m_panel->editedFields()), 0);
        QVERIFY(!m_panel->bodyEdit()->document()->isModified());
        QVERIFY(!m_panel->bodyEdit()->document()->isUndoAvailable());
    }

    void typedSlipsAreUnderlinedAsTheyAreTyped()
    {
        m_panel->setArticle(spellingArticle());
        QTextEdit *body = m_panel->bodyEdit();
        QTextCursor cursor(body->document()->lastBlock());
        cursor.movePosition(QTextCursor::EndOfBlock);
        body->setTextCursor(cursor);
        body->setFocus();
        QTest::keyClicks(body, " Teh end");
        QTRY_VERIFY(underlinedIn(body->document()->lastBlock()).contains(u"Teh"_s));
        // A name typed into the byline is accepted at once.
        auto *byline = m_panel->findChild<QLineEdit *>(u"bylineEdit"_s);
        QVERIFY(byline);
        byline->end(false);
        QTest::keyClicks(byline, " and Teh");
        QTRY_VERIFY(!underlinedIn(body->document()->lastBlock()).contains(u"Teh"_s));
    }

    void theArticlesLanguageChoosesTheDictionary()
    {
        Article article = spellingArticle();
        article.language = u"ru"_s;
        article.quotes = {{u"Мы не уступим"_s, u"Владимир Макей"_s, {}, {}}};
        article.bodyHtml = u"<p>Праветельство заявило, что Макея встретили. The goverment</p>"_s;
        m_panel->setArticle(article);
        SpellHighlighter *highlighter = m_panel->spellHighlighter();
        QTRY_COMPARE(highlighter->misspelledWords(),
                     (QStringList{u"Праветельство"_s, u"The"_s, u"goverment"_s}));
        m_panel->languageCombo()->setCurrentText(u"en"_s);
        QTRY_COMPARE(highlighter->misspelledWords(), (QStringList{u"Праветельство"_s, u"заявило"_s, u"что"_s,
                                                                  u"встретили"_s, u"goverment"_s}));
        // A language without a dictionary underlines nothing.
        m_panel->languageCombo()->setCurrentText(u"tlh"_s);
        QTRY_VERIFY(highlighter->misspelledWords().isEmpty());
    }

    void aSuggestionReplacesTheWordAsOneEdit()
    {
        m_panel->setArticle(spellingArticle());
        auto *body = static_cast<BodyTextEdit *>(m_panel->bodyEdit());
        QTRY_VERIFY(!m_panel->spellHighlighter()->misspelledWords().isEmpty());
        std::unique_ptr<QMenu> menu(menuAtWord(body, u"goverment"_s));
        QAction *government = actionNamed(menu.get(), u"government"_s);
        QVERIFY2(government, qPrintable(u"menu: "_s + [&] {
                     QStringList texts;
                     for (QAction *action : menu->actions())
                         texts << action->text();
                     return texts.join(u" | "_s);
                 }()));
        QVERIFY(government->font().bold());
        QVERIFY(actionNamed(menu.get(), u"Add “goverment” to Dictionary"_s));
        QVERIFY(actionNamed(menu.get(), u"&Copy\tCtrl+C"_s) ||
                menu->actions().size() > 4); // the standard menu follows
        QSignalSpy edited(m_panel.get(), &EditorPanel::edited);
        government->trigger();
        QVERIFY(body->toPlainText().startsWith(u"The government said"_s));
        QVERIFY(m_panel->editedFields().testFlag(EditorPanel::Field::Body));
        QVERIFY(edited.count() >= 1);
        QTRY_COMPARE(m_panel->spellHighlighter()->misspelledWords(), QStringList{u"recieved"_s});
        body->undo();
        QVERIFY(body->toPlainText().startsWith(u"The goverment said"_s));

        // A correct word has no spelling in its menu.
        std::unique_ptr<QMenu> plain(menuAtWord(body, u"said"_s));
        for (QAction *action : plain->actions())
            QVERIFY(!action->text().contains(u"Dictionary"_s));
    }

    void addToDictionaryKeepsTheWordBesideTheLibrary()
    {
        m_panel->setArticle(spellingArticle());
        auto *body = static_cast<BodyTextEdit *>(m_panel->bodyEdit());
        QTRY_VERIFY(m_panel->spellHighlighter()->misspelledWords().contains(u"recieved"_s));
        std::unique_ptr<QMenu> menu(menuAtWord(body, u"recieved"_s));
        QAction *add = actionNamed(menu.get(), u"Add “recieved” to Dictionary"_s);
        QVERIFY(add);
        add->trigger();
        QTRY_COMPARE(m_panel->spellHighlighter()->misspelledWords(), QStringList{u"goverment"_s});
        QFile file(m_directory->filePath(u"library-dictionary.txt"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), u"recieved\n"_s);
        // Not an edit of the article.
        QVERIFY(!m_panel->editedFields().testFlag(EditorPanel::Field::Body));
        // A new window on the same library knows the word.
        Spelling again(m_directory->filePath(u"library.sqlite"_s));
        QVERIFY(again.personal().contains(u"recieved"_s));
    }

    void switchingItOffClearsTheUnderlines()
    {
        m_panel->setArticle(spellingArticle());
        const QTextBlock first = m_panel->bodyEdit()->document()->firstBlock();
        QTRY_VERIFY(!underlinedIn(first).isEmpty());
        m_spelling->setEnabled(false);
        QTRY_VERIFY(underlinedIn(first).isEmpty());
        std::unique_ptr<QMenu> menu(
            menuAtWord(static_cast<BodyTextEdit *>(m_panel->bodyEdit()), u"goverment"_s));
        QVERIFY(!actionNamed(menu.get(), u"government"_s));
        m_spelling->setEnabled(true);
        QTRY_COMPARE(underlinedIn(first), (QStringList{u"goverment"_s, u"recieved"_s}));
    }

    void theHeadlineAndStandfirstAreCheckedToo()
    {
        Article article = spellingArticle();
        article.headline = u"Goverment falls"_s;
        article.standfirst = u"A quiet week, then Makei spoke"_s;
        m_panel->setArticle(article);
        QLineEdit *headline = m_panel->headlineEdit();
        LineEditSpelling *spelling = m_panel->headlineSpelling();
        QTRY_COMPARE(spelling->underlinedWords(), QStringList{u"Goverment"_s});
        QVERIFY(m_panel->standfirstSpelling()->underlinedWords().isEmpty()); // Makei is a speaker
        // The wave is really drawn: red under the headline, none once switched off.
        QTRY_VERIFY(redPixels(headline) > 10);
        m_spelling->setEnabled(false);
        QTRY_COMPARE(redPixels(headline), 0);
        QVERIFY(spelling->underlinedWords().isEmpty());
        m_spelling->setEnabled(true);
        QTRY_VERIFY(redPixels(headline) > 10);
        // Underlining changed nothing: text, cursor, no edit reported.
        QCOMPARE(headline->text(), u"Goverment falls"_s);
        QCOMPARE(int(m_panel->editedFields()), 0);

        // A suggestion from the field's context menu: one edit of the headline, undone in one step.
        std::unique_ptr<QMenu> menu(spelling->createContextMenu(QPoint(12, headline->height() / 2)));
        QAction *government = actionNamed(menu.get(), u"Government"_s);
        QVERIFY(government);
        government->trigger();
        QCOMPARE(headline->text(), u"Government falls"_s);
        QVERIFY(m_panel->editedFields().testFlag(EditorPanel::Field::Headline));
        QTRY_VERIFY(spelling->underlinedWords().isEmpty());
        QTRY_COMPARE(redPixels(headline), 0);
        headline->undo();
        QCOMPARE(headline->text(), u"Goverment falls"_s);
        QTRY_COMPARE(spelling->underlinedWords(), QStringList{u"Goverment"_s});
    }

private:
    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<Spelling> m_spelling;
    std::unique_ptr<EditorPanel> m_panel;
};

COPYDESK_GUI_TEST_MAIN(TestSpellHighlighter)
#include "tst_spellhighlighter.moc"
