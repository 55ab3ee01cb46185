// copydesk_editor_bench: how light the editor stays with a long piece, printed as JSON beside a bare
// QTextEdit doing the same in the same run. Figures, not verdicts: nothing here passes or fails on a timing.
//
//   copydesk_editor_bench [--words N] [--images N] [--keys N] [--keys-only]
//
// A library file gets one article of N words (10,000 by default) and N images (20). The editor, the preview
// and the edit controller are wired as in the window, shown offscreen, and then:
//   - keystroke: the GUI thread's CPU time to handle one typed letter in the middle of the body, painting
//     included (the event loop run until it is idle), median and p95 over --keys letters typed 80 ms apart;
//   - preview: wall time from the last letter of a burst to the preview showing it;
//   - autosave: the GUI thread's time in the autosave after a burst (what it blocks typing for), and the
//     wall time until the library has it (written on the library's writer thread).
// The floor is a bare QTextEdit with the same body: its keystroke, and for the autosave its toHtml() written
// with QSaveFile. --keys-only skips everything but the editor's keystrokes (for a profiler).

#include "editcontroller.h"
#include "editorpanel.h"
#include "previewpanel.h"
#include "spellhighlighter.h"
#include "spelling.h"
#include "webbrowserengine.h"
#include <html/htmltext.h>
#include <library/library.h>
#include <library/librarydatabase.h>
#include <render/articlerenderer.h>
#include <spelling/articlespelling.h>

#include <QApplication>
#include <QBuffer>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHBoxLayout>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QTextStream>

#include <algorithm>
#include <ctime>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Copydesk;

namespace {

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// The spell check on real prose with a cold cache: the Readability corpus's article texts, about 20,000
// words, through a freshly loaded English dictionary. Milliseconds per 1,000 words; -1 without the corpus.
double spellCheckColdPerThousandWords()
{
    const QString corpus =
        qEnvironmentVariable("COPYDESK_SHARED_DIR", QStringLiteral(COPYDESK_DEFAULT_SHARED_DIR)) +
        u"/corpora/readability"_s;
    QString text;
    for (const QString &page : QDir(corpus).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        QFile file(corpus + u'/' + page + u"/expected.html"_s);
        if (file.open(QIODevice::ReadOnly))
            text += HtmlText::plainText(QString::fromUtf8(file.readAll())) + u"\n\n"_s;
        if (HtmlText::wordCount(text) > 20000)
            break;
    }
    const std::unique_ptr<SpellChecker> checker = SpellChecker::load(u"en"_s);
    if (text.isEmpty() || !checker)
        return -1;
    QElapsedTimer timer;
    timer.start();
    ArticleSpelling::checkText(text, u"body"_s, *checker, nullptr, ArticleNames(), 0);
    return double(timer.nsecsElapsed()) / 1e6 * 1000.0 / HtmlText::wordCount(text);
}

QString longBody(int words)
{
    static const QStringList vocabulary = {
        u"ministry"_s, u"ferry"_s,    u"harbour"_s, u"council"_s,   u"evening"_s, u"crossing"_s,  u"budget"_s,
        u"said"_s,     u"the"_s,      u"of"_s,      u"and"_s,       u"a"_s,       u"timetable"_s, u"winter"_s,
        u"union"_s,    u"minister"_s, u"talks"_s,   u"sanctions"_s, u"border"_s,  u"reporters"_s};
    QRandomGenerator random(7);
    QString html;
    int written = 0;
    int paragraph = 0;
    while (written < words) {
        if (++paragraph % 12 == 0)
            html += u"<h2>Section %1</h2>\n"_s.arg(paragraph / 12);
        html += u"<p>"_s;
        for (int i = 0; i < 50 && written < words; ++i, ++written) {
            QString word = vocabulary.at(random.bounded(vocabulary.size()));
            if (i == 0)
                word[0] = word.at(0).toUpper();
            html += word + (i % 11 == 10 ? u". "_s : u" "_s);
        }
        html += u"</p>\n"_s;
    }
    return html;
}

QByteArray jpeg(int index)
{
    QImage image(1200, 800, QImage::Format_RGB32);
    image.fill(QColor::fromHsv((index * 37) % 360, 120, 200));
    QPainter(&image).drawText(image.rect(), Qt::AlignCenter, QString::number(index));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 85);
    return bytes;
}

struct Figures
{
    QList<double> values;
    void add(double value) { values.append(value); }
    double percentile(double p) const
    {
        if (values.isEmpty())
            return 0;
        QList<double> sorted = values;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at(std::min<qsizetype>(sorted.size() - 1, qsizetype(p * double(sorted.size()))));
    }
    QJsonObject json() const
    {
        return {{u"median_ms"_s, std::round(percentile(0.5) * 100) / 100},
                {u"p95_ms"_s, std::round(percentile(0.95) * 100) / 100},
                {u"count"_s, int(values.size())}};
    }
};

// Puts the cursor in the middle of the body, as an editor at work would have it.
void cursorToMiddle(QTextEdit *edit)
{
    QTextCursor cursor = edit->textCursor();
    cursor.setPosition(edit->document()->characterCount() / 2);
    cursor.movePosition(QTextCursor::EndOfWord);
    edit->setTextCursor(cursor);
    edit->ensureCursorVisible();
}

// One letter typed, and the event loop run until the screen shows it.
double typeOneLetter(QTextEdit *edit, char letter)
{
    const double start = threadCpuMs();
    QTest::keyClick(edit, letter);
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    return threadCpuMs() - start;
}

Figures typeLetters(QTextEdit *edit, int keys, int intervalMs)
{
    Figures figures;
    for (int i = 0; i < keys; ++i) {
        figures.add(typeOneLetter(edit, i % 7 == 6 ? ' ' : char('a' + i % 26)));
        if (intervalMs > 0)
            QTest::qWait(intervalMs);
    }
    return figures;
}

} // namespace

int main(int argc, char *argv[])
{
    // Chromium's sandbox cannot start for root; the window does the same (src/app/main.cpp).
    if (geteuid() == 0 && !qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    // The browser engine linked in rather than loaded from its plugin.
    static WebBrowserEngine engine;
    BrowserEngine::setBuiltIn(&engine);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption wordsOption(u"words"_s, u"Words in the body."_s, u"N"_s, u"10000"_s);
    const QCommandLineOption imagesOption(u"images"_s, u"Images of the article."_s, u"N"_s, u"20"_s);
    const QCommandLineOption keysOption(u"keys"_s, u"Letters typed per measure."_s, u"N"_s, u"100"_s);
    const QCommandLineOption keysOnlyOption(u"keys-only"_s,
                                            u"Only the editor's keystrokes (for a profiler)."_s);
    parser.addOptions({wordsOption, imagesOption, keysOption, keysOnlyOption});
    parser.process(app);
    const int words = parser.value(wordsOption).toInt();
    const int imageCount = parser.value(imagesOption).toInt();
    const int keys = parser.value(keysOption).toInt();
    const bool keysOnly = parser.isSet(keysOnlyOption);

    QTemporaryDir dir;
    LibraryDatabase database(dir.filePath(u"library.sqlite"_s));
    if (!database.open()) {
        QTextStream(stderr) << "cannot open the library: " << database.error() << '\n';
        return 1;
    }
    Library library(database);
    Article article;
    article.headline = u"A long piece"_s;
    article.byline = u"Anna Berg"_s;
    article.bodyHtml = longBody(words);
    for (int i = 0; i < imageCount; ++i) {
        ArticleImage image;
        image.role = i == 0 ? ImageRole::Lead : ImageRole::Inline;
        image.data = jpeg(i);
        image.mimeType = u"image/jpeg"_s;
        image.width = 1200;
        image.height = 800;
        image.caption = u"Picture %1"_s.arg(i);
        image.credit = u"Jane Roe"_s;
        image.altText = u"A coloured test card"_s;
        article.images.append(image);
    }
    if (!library.insert(article)) {
        QTextStream(stderr) << "cannot store the article: " << library.lastError() << '\n';
        return 1;
    }

    ArticleRenderer renderer;
    QWidget window;
    auto *layout = new QHBoxLayout(&window);
    auto *editor = new EditorPanel(&window);
    auto *preview = new PreviewPanel(library.articles(), renderer, &window);
    layout->addWidget(editor, 1);
    layout->addWidget(preview, 1);
    EditController controller(library, editor, preview);
    // Spelling on, as in the window; the dictionary is loaded before the clock starts.
    Spelling spelling(database.path());
    spelling.waitForChecker(u"en"_s);
    editor->setSpelling(&spelling);
    window.resize(1500, 950);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    QSignalSpy rendered(preview, &PreviewPanel::rendered);
    QElapsedTimer openTimer;
    openTimer.start();
    controller.open(article.id);
    const double openMs = double(openTimer.nsecsElapsed()) / 1e6;
    rendered.wait(20000);

    QTextEdit *body = editor->bodyEdit();
    body->setFocus();
    cursorToMiddle(body);
    QJsonObject result{{u"words"_s, words}, {u"images"_s, imageCount}, {u"open_ms"_s, openMs}};
    // The whole body's spell check alone (part of open_ms), and how many words it underlined.
    QElapsedTimer spellTimer;
    spellTimer.start();
    editor->spellHighlighter()->recheck();
    result[u"spell_check_body_ms"_s] = double(spellTimer.nsecsElapsed()) / 1e6;
    result[u"misspelled_words"_s] = int(editor->spellHighlighter()->misspelledWords().size());
    result[u"spell_check_cold_ms_per_1000_words"_s] = spellCheckColdPerThousandWords();

    if (keysOnly) {
        result[u"keystroke"_s] = typeLetters(body, keys, 0).json();
        QTextStream(stdout) << QJsonDocument(result).toJson();
        return 0;
    }

    // Keystrokes, at a typist's pace.
    result[u"keystroke"_s] = typeLetters(body, keys, 80).json();

    // The preview after a burst, and the autosave that follows it.
    Figures previewLatency;
    Figures autosaveBlock;
    Figures autosaveStored;
    Figures previewHandedOver; // when the editor gave the preview the text (the rest is the page's render)
    for (int burst = 0; burst < 10; ++burst) {
        controller.saveNow();
        rendered.wait(3000);
        QCoreApplication::processEvents();
        rendered.clear();
        typeLetters(body, 4, 40);
        typeOneLetter(body, 'q');
        QElapsedTimer sinceLastKey;
        sinceLastKey.start();
        double editedAt = -1;
        const QMetaObject::Connection probe =
            QObject::connect(&controller, &EditController::articleEdited, [&] {
                if (editedAt < 0)
                    editedAt = double(sinceLastKey.nsecsElapsed()) / 1e6;
            });
        const QString typed = body->toPlainText().mid(body->textCursor().position() - 5, 5);
        // The preview shows the burst once a render finishes after it.
        bool shown = false;
        while (!shown && sinceLastKey.elapsed() < 5000) {
            if (!rendered.wait(5000))
                break;
            shown = preview->currentHtml().contains(typed);
        }
        previewLatency.add(double(sinceLastKey.nsecsElapsed()) / 1e6);
        previewHandedOver.add(editedAt);
        QObject::disconnect(probe);
        // The autosave as its timer runs it: the GUI thread's part, then the wait until it is stored.
        QSignalSpy saved(&controller, &EditController::articleSaved);
        const double before = threadCpuMs();
        QElapsedTimer wall;
        wall.start();
        controller.autosave();
        autosaveBlock.add(std::max(threadCpuMs() - before, double(wall.nsecsElapsed()) / 1e6));
        if (saved.isEmpty() && !saved.wait(5000))
            return 1;
        autosaveStored.add(double(wall.nsecsElapsed()) / 1e6);
    }
    result[u"preview_after_last_key"_s] = previewLatency.json();
    result[u"preview_handed_over"_s] = previewHandedOver.json();
    result[u"autosave_gui_block"_s] = autosaveBlock.json();
    result[u"autosave_until_stored"_s] = autosaveStored.json();

    // The floor: a bare QTextEdit with the same body, the same size and the same letters.
    QTextEdit bare;
    bare.resize(editor->bodyEdit()->size());
    bare.setHtml(article.bodyHtml);
    bare.show();
    if (!QTest::qWaitForWindowExposed(&bare))
        return 1;
    bare.setFocus();
    cursorToMiddle(&bare);
    result[u"bare_keystroke"_s] = typeLetters(&bare, keys, 80).json();
    Figures bareSave;
    for (int i = 0; i < 10; ++i) {
        typeLetters(&bare, 5, 0);
        const double before = threadCpuMs();
        QSaveFile file(dir.filePath(u"bare.html"_s));
        file.open(QIODevice::WriteOnly);
        file.write(bare.toHtml().toUtf8());
        file.commit();
        bareSave.add(threadCpuMs() - before);
    }
    result[u"bare_save_as_html"_s] = bareSave.json();
    QTextStream(stdout) << QJsonDocument(result).toJson();
    return 0;
}
