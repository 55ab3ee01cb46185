// The module map, checked: every #include in src/ must name a module the including one may use. A module
// of src/core uses only the modules below it; src/core and src/cli never use Widgets or WebEngine; src/web
// never uses Widgets; in src/app only the browser engine's plugin (app/engine/) uses WebEngine, so that the
// program itself is not linked to it; Qt Network only src/web and that plugin, which downloads for the
// program. docs/architecture.md draws the same map.

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Modules of src/core by layer: a module may include the modules of lower layers, and itself.
const QHash<QString, int> &coreLayers()
{
    static const QHash<QString, int> layers = {
        {u"encoding"_s, 0},         {u"html"_s, 0},           {u"model"_s, 1},  {u"library"_s, 2},
        {u"copycheck"_s, 2},        {u"spelling"_s, 2},       {u"render"_s, 3}, {u"import"_s, 4},
        {u"import/plaintext"_s, 5}, {u"import/webpage"_s, 5}, {u"ninjs"_s, 6},
    };
    return layers;
}

// The core module a path inside src/core (or an include written as <module/...>) belongs to: the longest
// module name it starts with.
QString moduleOf(const QString &path)
{
    QString best;
    for (auto it = coreLayers().cbegin(); it != coreLayers().cend(); ++it) {
        if (path.startsWith(it.key() + u'/') && it.key().size() > best.size())
            best = it.key();
    }
    return best;
}

bool isQtHeaderOf(const QString &header, const QStringList &qtModules)
{
    const QString headers = QStringLiteral(COPYDESK_QT_HEADERS);
    for (const QString &qtModule : qtModules) {
        if (header.startsWith(qtModule + u'/') || header == qtModule ||
            QFileInfo::exists(headers + u'/' + qtModule + u'/' + header))
            return true;
    }
    return false;
}

struct Include
{
    QString file; // relative to src/
    int line = 0;
    QString header;
    bool angled = false;
};

QList<Include> includesOf(const QString &sourceRoot)
{
    // (A raw string here would hide the class from moc, which reads the '#' in it as a directive.)
    static const QRegularExpression include(u"^\\s*#\\s*include\\s*([<\"])([^>\"]+)[>\"]"_s);
    QList<Include> result;
    QDirIterator it(sourceRoot, {u"*.h"_s, u"*.cpp"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            continue;
        int number = 0;
        while (!file.atEnd()) {
            ++number;
            const QRegularExpressionMatch match = include.match(QString::fromUtf8(file.readLine()));
            if (match.hasMatch())
                result.append({QDir(sourceRoot).relativeFilePath(path), number, match.captured(2),
                               match.captured(1) == u"<"_s});
        }
    }
    return result;
}

// Empty when the include is allowed; otherwise why not.
QString judge(const Include &include)
{
    const QString &file = include.file;
    const QString &header = include.header;
    const QStringList widgets = {u"QtWidgets"_s, u"QtWebEngineWidgets"_s};
    const QStringList webEngine = {u"QtWebEngineCore"_s, u"QtWebEngineQuick"_s};
    const bool inCore = file.startsWith("core/"_L1);
    const bool inCli = file.startsWith("cli/"_L1);
    const bool inWeb = file.startsWith("web/"_L1);
    if ((inCore || inCli || inWeb) && isQtHeaderOf(header, widgets))
        return u"uses Widgets (%1)"_s.arg(header);
    if ((inCore || inCli) && isQtHeaderOf(header, webEngine))
        return u"uses WebEngine (%1)"_s.arg(header);
    const bool inProgram = file.startsWith("app/"_L1) && !file.startsWith("app/engine/"_L1);
    if (inProgram && (isQtHeaderOf(header, webEngine) || isQtHeaderOf(header, {u"QtWebEngineWidgets"_s})))
        return u"uses WebEngine outside the engine plugin (%1)"_s.arg(header);
    if ((inCore || inCli || inProgram) && isQtHeaderOf(header, {u"QtNetwork"_s}))
        return u"uses the network outside src/web and the engine plugin (%1)"_s.arg(header);
    if (header.startsWith("app/"_L1) && !file.startsWith("app/"_L1))
        return u"uses the window (%1)"_s.arg(header);
    if (inCore && include.angled && header.startsWith("cli/"_L1))
        return u"uses the command line (%1)"_s.arg(header);
    if (!inCore)
        return {};
    const QString own = moduleOf(file.mid(5));
    const QString used = include.angled ? moduleOf(header) : QString();
    if (own.isEmpty())
        return u"is in no module of src/core"_s;
    if (used.isEmpty() || used == own)
        return {};
    if (coreLayers().value(used) >= coreLayers().value(own))
        return u"module %1 includes %2, which is not below it"_s.arg(own, header);
    return {};
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT

private slots:
    void everyIncludeKeepsToTheModuleMap()
    {
        const QList<Include> includes = includesOf(QStringLiteral(COPYDESK_SOURCE_DIR) + u"/src"_s);
        QVERIFY(includes.size() > 300); // the tree was found and read
        QStringList wrong;
        for (const Include &include : includes) {
            const QString why = judge(include);
            if (!why.isEmpty())
                wrong.append(u"src/%1:%2: %3"_s.arg(include.file).arg(include.line).arg(why));
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(u"\n"_s + wrong.join(u'\n')));
    }

    void theCheckItselfCatchesWrongIncludes()
    {
        QCOMPARE(judge({u"core/model/article.cpp"_s, 1, u"library/articlerepository.h"_s, true}).isEmpty(),
                 false);
        QCOMPARE(judge({u"core/html/htmltext.cpp"_s, 1, u"encoding/textdecoder.h"_s, true}).isEmpty(), false);
        QCOMPARE(judge({u"core/import/webpage/pageimages.cpp"_s, 1, u"import/plaintext/plaintextimporter.h"_s,
                        true})
                     .isEmpty(),
                 false);
        QCOMPARE(judge({u"core/library/articlerepository.cpp"_s, 1, u"QWidget"_s, true}).isEmpty(), false);
        QCOMPARE(judge({u"core/render/articlerenderer.cpp"_s, 1, u"QWebEnginePage"_s, true}).isEmpty(),
                 false);
        QCOMPARE(judge({u"web/urlfetcher.cpp"_s, 1, u"QMessageBox"_s, true}).isEmpty(), false);
        QCOMPARE(judge({u"cli/commandline.cpp"_s, 1, u"QApplication"_s, true}).isEmpty(), false);
        QVERIFY(judge({u"core/ninjs/ninjsimporter.cpp"_s, 1, u"import/importservice.h"_s, true}).isEmpty());
        QVERIFY(judge({u"core/library/librarydatabase.cpp"_s, 1, u"QSqlQuery"_s, true}).isEmpty());
        QVERIFY(judge({u"web/webpageextractor.cpp"_s, 1, u"QWebEnginePage"_s, true}).isEmpty());
        QVERIFY(judge({u"app/mainwindow.cpp"_s, 1, u"QWidget"_s, true}).isEmpty());
        QCOMPARE(judge({u"app/previewpanel.cpp"_s, 1, u"QWebEngineView"_s, true}).isEmpty(), false);
        QCOMPARE(judge({u"app/main.cpp"_s, 1, u"QWebEngineUrlScheme"_s, true}).isEmpty(), false);
        QVERIFY(judge({u"app/engine/enginepreviewpage.cpp"_s, 1, u"QWebEngineView"_s, true}).isEmpty());
        QCOMPARE(judge({u"app/importcontroller.cpp"_s, 1, u"QNetworkAccessManager"_s, true}).isEmpty(),
                 false);
        QCOMPARE(judge({u"cli/commandline.cpp"_s, 1, u"QtNetwork/QNetworkReply"_s, true}).isEmpty(), false);
        QVERIFY(judge({u"web/urlfetcher.cpp"_s, 1, u"QNetworkReply"_s, true}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
