// The real copydesk binary, run as a script would run it: no display, exit codes, stdout and stderr.

#include "copydeskprocess.h"
#include "damagedlibrary.h"
#include "testsupport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <library/articlerepository.h>
#include <library/librarydatabase.h>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

using Result = CopydeskResult;

Result copydesk(const QStringList &arguments)
{
    return runCopydesk(arguments);
}

// The same as copydesk(), but the test's event loop keeps running meanwhile (for the test's own server).
Result copydeskAsync(const QStringList &arguments)
{
    return runCopydesk(arguments, WhileRunning::ServeEvents);
}

// A small web server on 127.0.0.1 serving fixed files, counting what it was asked for.
class LoopbackServer : public QTcpServer
{
public:
    QHash<QByteArray, std::pair<QByteArray, QByteArray>> files; // path -> (content type, body)
    QList<QByteArray> requested;

    LoopbackServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    const QByteArray request = socket->readAll();
                    const QByteArray path = request.split(' ').value(1);
                    requested.append(path);
                    QByteArray response;
                    if (files.contains(path)) {
                        const auto &[type, body] = files.value(path);
                        response = "HTTP/1.1 200 OK\r\nContent-Type: " + type +
                                   "\r\nContent-Length: " + QByteArray::number(body.size()) +
                                   "\r\nConnection: close\r\n\r\n" + body;
                    } else {
                        response = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                    }
                    socket->write(response);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QString url(const QString &path) const { return u"http://127.0.0.1:%1%2"_s.arg(serverPort()).arg(path); }
};

QByteArray readFixture(const QString &path)
{
    QFile file(fixturesDir() + path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void importsSavedPagesOfEveryKind_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("headline");
        QTest::addColumn<bool>("leadImageSaved");
        QTest::newRow("web page, complete")
            << u"/pages/complete/page.html"_s << u"Harbour cranes return to the old port"_s << true;
        QTest::newRow("MHTML") << u"/pages/archive/story.mhtml"_s << QString() << true;
        QTest::newRow("data: images") << u"/pages/datauri/page.html"_s << QString() << true;
    }

    void importsSavedPagesOfEveryKind()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, headline);
        QFETCH(bool, leadImageSaved);
        QTemporaryDir dir;
        const QString library = dir.filePath(u"library.sqlite"_s);
        const Result imported = copydesk({u"--library"_s, library, u"import"_s, fixturesDir() + fixture});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.startsWith(u"1\t"_s), qPrintable(imported.out));
        if (!headline.isEmpty())
            QCOMPARE(imported.out, u"1\t"_s + headline + u"\n"_s);
        const QJsonObject article =
            QJsonDocument::fromJson(
                copydesk({u"--library"_s, library, u"show"_s, u"1"_s, u"--json"_s}).out.toUtf8())
                .object();
        QVERIFY(!article.value("headline"_L1).toString().isEmpty());
        QVERIFY(article.value("word_count"_L1).toInt() > 10);
        const QString body = article.value("body_html"_L1).toString();
        QVERIFY2(!body.contains(u"<script"_s), qPrintable(body));
        const QJsonArray images = article.value("images"_L1).toArray();
        QVERIFY(!images.isEmpty());
        QCOMPARE(images.at(0).toObject().value("has_data"_L1).toBool(), leadImageSaved);
    }

    void importsFromAWebAddressWithItsImages()
    {
        LoopbackServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QByteArray page = readFixture(u"/pages/remote/page.html"_s);
        if (page.isEmpty()) {
            page = "<!DOCTYPE html><html lang=\"en\"><head><title>Ferry returns</title></head><body><article>"
                   "<h1>Ferry returns</h1><p>The island ferry made its first crossing of the year on Monday "
                   "morning, with forty passengers and a delivery of bread for the village shop.</p>"
                   "<figure><img src=\"/ferry.png\" alt=\"The ferry\"><figcaption>The ferry at the pier. "
                   "Photo: Ann Smith</figcaption></figure><p>The crossing took fifty minutes in calm "
                   "weather, and the captain said the season looked promising for "
                   "visitors.</p></article></body></html>";
        }
        QImage image(40, 30, QImage::Format_RGB32);
        image.fill(Qt::blue);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        server.files.insert("/story.html", {"text/html; charset=utf-8", page});
        server.files.insert("/ferry.png", {"image/png", png});

        QTemporaryDir dir;
        const QString library = dir.filePath(u"library.sqlite"_s);
        const Result imported =
            copydeskAsync({u"--library"_s, library, u"import"_s, server.url(u"/story.html"_s)});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY(server.requested.contains("/story.html"));
        const QJsonObject article =
            QJsonDocument::fromJson(
                copydesk({u"--library"_s, library, u"show"_s, u"1"_s, u"--json"_s}).out.toUtf8())
                .object();
        QCOMPARE(article.value("source_url"_L1).toString(), server.url(u"/story.html"_s));

        const Result missing =
            copydeskAsync({u"--library"_s, library, u"import"_s, server.url(u"/gone.html"_s)});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(server.url(u"/gone.html"_s)) && missing.err.contains(u"404"_s),
                 qPrintable(missing.err));
    }

    void helpAndUsage()
    {
        const Result help = copydesk({u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        for (const QString &command : {u"import"_s, u"list"_s, u"search"_s, u"show"_s, u"export"_s})
            QVERIFY2(help.out.contains(command), qPrintable(command));
        const Result wrong = copydesk({u"list"_s, u"--no-such-flag"_s});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY(wrong.err.contains(u"Usage:"_s));
    }

    void aMistypedCommandIsAUsageErrorNotAWindow()
    {
        QTemporaryDir dir;
        const QString library = dir.filePath(u"library.sqlite"_s);
        const Result result = copydesk({u"--library"_s, library, u"frobnicate"_s, u"1"_s});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(u"\"frobnicate\""_s) && result.err.contains(u"Usage:"_s),
                 qPrintable(result.err));
        QVERIFY(!QFile::exists(library)); // no window opened it, nothing was imported
    }

    void aReadOnlyLibraryIsReadButNeverWritten()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"shared"_s);
        QVERIFY(QDir().mkpath(folder));
        const QString library = folder + u"/library.sqlite"_s;
        const QString story = dir.filePath(u"story.txt"_s);
        QFile file(story);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Local\n\nHarbour cranes return\n\nThe port reopened its eastern quay on Monday.\n");
        file.close();
        QCOMPARE(copydesk({u"--library"_s, library, u"import"_s, story}).exitCode, 0);

        // A folder and a file nobody may write, as on a read-only share. Root may write anything, so as
        // root the commands run as the unprivileged user "nobody".
        QVERIFY(QFile::setPermissions(library, QFileDevice::ReadOwner | QFileDevice::ReadGroup |
                                                   QFileDevice::ReadOther));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                                  QFileDevice::ReadGroup | QFileDevice::ExeGroup |
                                                  QFileDevice::ReadOther | QFileDevice::ExeOther));
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                              QFileDevice::ExeOther);
        QFile::setPermissions(story, QFileDevice::ReadOwner | QFileDevice::ReadOther);
        const bool root = ::geteuid() == 0;
        if (root && QStandardPaths::findExecutable(u"setpriv"_s).isEmpty())
            QSKIP("running as root without setpriv: no way to be a user who cannot write");
        auto asReader = [&](const QStringList &arguments) {
            if (!root)
                return copydesk(arguments);
            return copydesk(QStringList{u"--as-nobody"_s} + arguments);
        };
        const Result listed = asReader({u"--library"_s, library, u"list"_s, u"--json"_s});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        QCOMPARE(QJsonDocument::fromJson(listed.out.toUtf8()).array().size(), 1);
        const Result refused =
            asReader({u"--library"_s, library, u"import"_s, story, u"--on-duplicate"_s, u"keep"_s});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"read-only"_s) && refused.err.contains(library),
                 qPrintable(refused.err));
        QVERIFY(!QFile::exists(library + u"-wal"_s));
        QFile::setPermissions(folder,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

    void setsFieldsAndAddsQuotes()
    {
        QTemporaryDir dir;
        const QString library = dir.filePath(u"library.sqlite"_s);
        const QString story = dir.filePath(u"story.txt"_s);
        QFile file(story);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Local\n\nHarbour cranes return\n\nThe port reopened its eastern quay on Monday.\n");
        file.close();
        QCOMPARE(copydesk({u"--library"_s, library, u"import"_s, story}).exitCode, 0);

        const Result status = copydesk({u"--library"_s, library, u"set"_s, u"1"_s, u"status"_s, u"ready"_s});
        QCOMPARE(status.exitCode, 0);
        QCOMPARE(status.out.trimmed(), u"1"_s); // prints the article id
        QCOMPARE(copydesk({u"--library"_s, library, u"set"_s, u"1"_s, u"tags"_s, u"port, cranes,,harbour"_s})
                     .exitCode,
                 0);
        QCOMPARE(copydesk({u"--library"_s, library, u"set"_s, u"1"_s, u"headline"_s, u"Cranes are back"_s})
                     .exitCode,
                 0);
        const Result added = copydesk({u"--library"_s, library, u"quote"_s, u"add"_s, u"1"_s,
                                       u"The first ship was unloaded in under a day"_s, u"--speaker"_s,
                                       u"Anna Berg"_s, u"--role"_s, u"harbour master"_s});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QCOMPARE(added.out.trimmed(), u"1"_s);

        const QJsonObject shown =
            QJsonDocument::fromJson(
                copydesk({u"--library"_s, library, u"show"_s, u"1"_s, u"--json"_s}).out.toUtf8())
                .object();
        QCOMPARE(shown.value("status"_L1).toString(), u"ready"_s);
        QCOMPARE(shown.value("headline"_L1).toString(), u"Cranes are back"_s);
        QCOMPARE(shown.value("tags"_L1).toArray().size(), 3);
        const QJsonArray quotes = shown.value("quotes"_L1).toArray();
        QCOMPARE(quotes.last().toObject().value("speaker"_L1).toString(), u"Anna Berg"_s);
        QCOMPARE(quotes.last().toObject().value("on_record"_L1).toBool(false), true);

        const QJsonArray listed =
            QJsonDocument::fromJson(
                copydesk({u"--library"_s, library, u"quote"_s, u"list"_s, u"1"_s, u"--json"_s}).out.toUtf8())
                .array();
        QCOMPARE(listed.last().toObject().value("role"_L1).toString(), u"harbour master"_s);

        // Wrong use says what is wrong, and changes nothing.
        for (const QStringList &wrong : {QStringList{u"set"_s, u"1"_s, u"status"_s, u"nonsense"_s},
                                         QStringList{u"set"_s, u"1"_s, u"colour"_s, u"red"_s},
                                         QStringList{u"quote"_s, u"add"_s, u"1"_s, u"Nobody said this"_s},
                                         QStringList{u"quote"_s, u"drop"_s, u"1"_s}}) {
            const Result result = copydesk(QStringList{u"--library"_s, library} + wrong);
            QCOMPARE(result.exitCode, 2);
            QVERIFY(result.err.contains(u"Usage:"_s));
        }
        const Result missing = copydesk({u"--library"_s, library, u"set"_s, u"99"_s, u"headline"_s, u"x"_s});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(u"99"_s));
    }

    void theEditorsNoteIsKeptButNeverExported()
    {
        QTemporaryDir dir;
        const QString library = dir.filePath(u"library.sqlite"_s);
        const QString story = dir.filePath(u"story.txt"_s);
        QFile file(story);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Local\n\nHarbour cranes return\n\nThe port reopened its eastern quay on Monday.\n");
        file.close();
        QCOMPARE(copydesk({u"--library"_s, library, u"import"_s, story}).exitCode, 0);
        const QString note = u"Check the tonnage with the port office before 6pm"_s;
        QCOMPARE(copydesk({u"--library"_s, library, u"set"_s, u"1"_s, u"editor_note"_s, note}).out.trimmed(),
                 u"1"_s);
        const QJsonObject shown =
            QJsonDocument::fromJson(
                copydesk({u"--library"_s, library, u"show"_s, u"1"_s, u"--json"_s}).out.toUtf8())
                .object();
        QCOMPARE(shown.value("editor_note"_L1).toString(), note);
        for (const QString &format : {u"html"_s, u"ninjs"_s}) {
            const QString out = dir.filePath(u"out."_s + format);
            const Result exported = copydesk(
                {u"--library"_s, library, u"export"_s, u"1"_s, u"--format"_s, format, u"--out"_s, out});
            QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
            QFile written(out);
            QVERIFY(written.open(QIODevice::ReadOnly));
            const QByteArray bytes = written.readAll();
            QVERIFY(bytes.contains("eastern quay"));
            QVERIFY2(!bytes.contains("tonnage"), qPrintable(format));
        }
        // Nor does a search find it: it is not part of the piece.
        QCOMPARE(copydesk({u"--library"_s, library, u"search"_s, u"tonnage"_s}).out.trimmed(), QString());
    }

    void historyDiffAndRevertKeepEveryVersion()
    {
        QTemporaryDir dir;
        const QString library = dir.filePath(u"library.sqlite"_s);
        const QString story = dir.filePath(u"story.txt"_s);
        QFile file(story);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Local\n\nHarbour cranes return\n\nThe port reopened its eastern quay on Monday.\n");
        file.close();
        QCOMPARE(copydesk({u"--library"_s, library, u"import"_s, story}).exitCode, 0);
        // The imported version is revision 1.
        QJsonArray history =
            QJsonDocument::fromJson(
                copydesk({u"--library"_s, library, u"history"_s, u"1"_s, u"--json"_s}).out.toUtf8())
                .array();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().toObject().value("name"_L1).toString(), u"Imported"_s);
        QCOMPARE(history.first().toObject().value("number"_L1).toInt(), 1);

        // An edit of the body (as the window makes it) and of the headline.
        {
            Copydesk::LibraryDatabase database(library);
            QVERIFY(database.open());
            Copydesk::ArticleRepository repository(database);
            std::optional<Copydesk::Article> article = repository.load(1);
            article->bodyHtml = u"<p>The port reopened its western quay late on Monday.</p>"_s;
            QVERIFY(repository.update(*article, Copydesk::ArticleRepository::FieldsOnly));
        }
        QCOMPARE(copydesk({u"--library"_s, library, u"set"_s, u"1"_s, u"headline"_s, u"Cranes are back"_s})
                     .exitCode,
                 0);
        const QJsonObject diff =
            QJsonDocument::fromJson(
                copydesk({u"--library"_s, library, u"diff"_s, u"1"_s, u"1"_s, u"--json"_s}).out.toUtf8())
                .object();
        QCOMPARE(diff.value("to"_L1).toString(), u"current"_s);
        QCOMPARE(diff.value("words_added"_L1).toInt(), 2);   // western, late
        QCOMPARE(diff.value("words_removed"_L1).toInt(), 1); // eastern
        const QJsonObject headline = diff.value("fields"_L1).toArray().first().toObject();
        QCOMPARE(headline.value("field"_L1).toString(), u"headline"_s);
        QCOMPARE(headline.value("after"_L1).toString(), u"Cranes are back"_s);
        QStringList ops;
        for (const QJsonValue &piece : diff.value("body"_L1).toArray())
            ops << piece.toObject().value("op"_L1).toString() +
                       piece.toObject().value("text"_L1).toString().trimmed();
        QVERIFY2(ops.contains(u"-eastern"_s) && ops.contains(u"+western"_s), qPrintable(ops.join(u" | "_s)));
        const QString printed = copydesk({u"--library"_s, library, u"diff"_s, u"1"_s, u"1"_s}).out;
        QVERIFY2(printed.contains(u"[-eastern-]"_s) && printed.contains(u"{+western+}"_s),
                 qPrintable(printed));

        // Revert: the current version is kept first, the old one comes back as a new revision.
        QCOMPARE(copydesk({u"--library"_s, library, u"revert"_s, u"1"_s, u"1"_s}).out.trimmed(), u"1"_s);
        history = QJsonDocument::fromJson(
                      copydesk({u"--library"_s, library, u"history"_s, u"1"_s, u"--json"_s}).out.toUtf8())
                      .array();
        QCOMPARE(history.size(), 3);
        QCOMPARE(history.at(1).toObject().value("name"_L1).toString(), u"Before restoring 1"_s);
        QCOMPARE(history.at(2).toObject().value("name"_L1).toString(), u"Restored from 1"_s);
        const QJsonObject shown =
            QJsonDocument::fromJson(
                copydesk({u"--library"_s, library, u"show"_s, u"1"_s, u"--json"_s}).out.toUtf8())
                .object();
        QCOMPARE(shown.value("headline"_L1).toString(), u"Harbour cranes return"_s);
        QVERIFY(shown.value("body_text"_L1).toString().contains(u"eastern quay"_s));
        // What was replaced is still there to diff against.
        const QString back = copydesk({u"--library"_s, library, u"diff"_s, u"1"_s, u"2"_s, u"3"_s}).out;
        QVERIFY2(back.contains(u"Cranes are back → Harbour cranes return"_s), qPrintable(back));
        // A revision that does not exist is an error naming it.
        const CopydeskResult missing = copydesk({u"--library"_s, library, u"diff"_s, u"1"_s, u"9"_s});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(u"no revision 9"_s));
    }

    void readerCommandsStarReadTagAndFilterTheList()
    {
        QTemporaryDir dir;
        const QString library = dir.filePath(u"library.sqlite"_s);
        QStringList stories;
        for (int i = 1; i <= 4; ++i) {
            const QString path = dir.filePath(u"s%1.txt"_s.arg(i));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(
                u"Section%1\n\nHarbour story %1 of %2 words\n\nThe port said %1 ferries sailed.\n"_s.arg(i)
                    .arg(QString(i, u'x'))
                    .toUtf8());
            stories << path;
        }
        QCOMPARE(copydesk(QStringList{u"--library"_s, library, u"import"_s} + stories).exitCode, 0);
        const auto ids = [&](const QStringList &arguments) {
            const Result result =
                copydesk(QStringList{u"--library"_s, library} + arguments + QStringList{u"--json"_s});
            QList<qint64> found;
            for (const QJsonValue &row : QJsonDocument::fromJson(result.out.toUtf8()).array())
                found << row["id"_L1].toInteger();
            return found;
        };
        QCOMPARE(ids({u"list"_s}), (QList<qint64>{4, 3, 2, 1}));
        QCOMPARE(copydesk({u"--library"_s, library, u"star"_s, u"1"_s, u"3"_s}).exitCode, 0);
        QCOMPARE(copydesk({u"--library"_s, library, u"read"_s, u"2"_s, u"3"_s}).exitCode, 0);
        QCOMPARE(copydesk({u"--library"_s, library, u"unread"_s, u"3"_s}).exitCode, 0);
        QCOMPARE(copydesk({u"--library"_s, library, u"unstar"_s, u"3"_s}).exitCode, 0);
        QCOMPARE(copydesk({u"--library"_s, library, u"tag"_s, u"1"_s, u"2"_s, u"--add"_s, u"Port"_s,
                           u"--add"_s, u"eu"_s})
                     .exitCode,
                 0);
        QCOMPARE(copydesk({u"--library"_s, library, u"tag"_s, u"2"_s, u"--remove"_s, u"EU"_s}).exitCode, 0);
        QCOMPARE(ids({u"list"_s, u"--starred"_s}), QList<qint64>{1});
        QCOMPARE(ids({u"list"_s, u"--unread"_s}), (QList<qint64>{4, 3, 1}));
        QCOMPARE(ids({u"list"_s, u"--tag"_s, u"port"_s}), (QList<qint64>{2, 1}));
        QCOMPARE(ids({u"list"_s, u"--tag"_s, u"port"_s, u"--tag"_s, u"eu"_s}), QList<qint64>{1});
        QCOMPARE(ids({u"list"_s, u"--section"_s, u"section3"_s}), QList<qint64>{3});
        QCOMPARE(ids({u"list"_s, u"--status"_s, u"saved"_s, u"--limit"_s, u"2"_s, u"--offset"_s, u"1"_s}),
                 (QList<qint64>{3, 2}));
        QCOMPARE(ids({u"list"_s, u"--sort"_s, u"length"_s, u"--limit"_s, u"1"_s}), QList<qint64>{4});
        QCOMPARE(ids({u"list"_s, u"--sort"_s, u"headline"_s, u"--offset"_s, u"3"_s}), QList<qint64>{4});
        QCOMPARE(ids({u"search"_s, u"ferries"_s, u"--tag"_s, u"eu"_s}), QList<qint64>{1});
        QCOMPARE(ids({u"search"_s, u"ferries -tag:port"_s}).size(), 2);

        // list --json gains tags and thumbnail.
        const QJsonArray rows =
            QJsonDocument::fromJson(copydesk({u"--library"_s, library, u"list"_s, u"--json"_s}).out.toUtf8())
                .array();
        const QJsonObject first = rows.last().toObject(); // article 1
        QCOMPARE(first["tags"_L1].toArray(), (QJsonArray{u"Port"_s, u"eu"_s}));
        QCOMPARE(first["thumbnail"_L1].toBool(), false);
        QCOMPARE(first["starred"_L1].toBool(), true);
        QCOMPARE(rows.at(2).toObject()["read"_L1].toBool(), true); // article 2

        // tags prints each with its count.
        QCOMPARE(copydesk({u"--library"_s, library, u"tags"_s}).out, u"eu\t1\nPort\t2\n"_s);
        const QJsonArray tags =
            QJsonDocument::fromJson(copydesk({u"--library"_s, library, u"tags"_s, u"--json"_s}).out.toUtf8())
                .array();
        QCOMPARE(tags.first().toObject(), (QJsonObject{{u"name"_s, u"eu"_s}, {u"count"_s, 1}}));

        // A missing article is named and the rest are still changed.
        const Result missing = copydesk({u"--library"_s, library, u"star"_s, u"99"_s, u"4"_s});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(u"no article with id 99"_s));
        QCOMPARE(ids({u"list"_s, u"--starred"_s}), (QList<qint64>{4, 1}));
        QCOMPARE(copydesk({u"--library"_s, library, u"list"_s, u"--sort"_s, u"nope"_s}).exitCode, 2);
        QCOMPARE(copydesk({u"--library"_s, library, u"list"_s, u"--status"_s, u"gone"_s}).exitCode, 2);
        QCOMPARE(copydesk({u"--library"_s, library, u"tag"_s, u"1"_s}).exitCode, 2);
        QCOMPARE(copydesk({u"--library"_s, library, u"star"_s}).exitCode, 2);

        // The trash: out of every list and count but --trash, back with untrash, gone with empty-trash.
        QCOMPARE(copydesk({u"--library"_s, library, u"trash"_s, u"2"_s, u"4"_s}).exitCode, 0);
        QCOMPARE(ids({u"list"_s}), (QList<qint64>{3, 1}));
        QCOMPARE(ids({u"search"_s, u"ferries"_s}).size(), 2);
        QCOMPARE(ids({u"list"_s, u"--trash"_s}), (QList<qint64>{4, 2}));
        QCOMPARE(ids({u"search"_s, u"ferries"_s, u"--trash"_s}).size(), 2);
        QCOMPARE(copydesk({u"--library"_s, library, u"tags"_s}).out, u"eu\t1\nPort\t1\n"_s);
        const QJsonArray trashed =
            QJsonDocument::fromJson(
                copydesk({u"--library"_s, library, u"list"_s, u"--trash"_s, u"--json"_s}).out.toUtf8())
                .array();
        QCOMPARE(trashed.first().toObject()["trashed"_L1].toBool(), true);
        QCOMPARE(copydesk({u"--library"_s, library, u"untrash"_s, u"4"_s}).exitCode, 0);
        QCOMPARE(ids({u"list"_s}), (QList<qint64>{4, 3, 1}));
        const Result emptied = copydesk({u"--library"_s, library, u"empty-trash"_s});
        QCOMPARE(emptied.exitCode, 0);
        QCOMPARE(emptied.out, u"1\n"_s);
        QCOMPARE(ids({u"list"_s, u"--trash"_s}), QList<qint64>{});
        QCOMPARE(copydesk({u"--library"_s, library, u"show"_s, u"2"_s}).exitCode, 1);

        // rename-tag renames, and to another tag's name merges.
        QCOMPARE(copydesk({u"--library"_s, library, u"rename-tag"_s, u"eu"_s, u"Europe"_s}).exitCode, 0);
        QCOMPARE(ids({u"list"_s, u"--tag"_s, u"europe"_s}), QList<qint64>{1});
        QCOMPARE(copydesk({u"--library"_s, library, u"rename-tag"_s, u"Europe"_s, u"port"_s}).exitCode, 0);
        QCOMPARE(copydesk({u"--library"_s, library, u"tags"_s}).out, u"Port\t1\n"_s);
        const Result noTag = copydesk({u"--library"_s, library, u"rename-tag"_s, u"nothing"_s, u"x"_s});
        QCOMPARE(noTag.exitCode, 1);
        QVERIFY(noTag.err.contains(u"nothing"_s));
    }

    void spellListsUnknownWordsAndTheDictionaryAcceptsThem()
    {
        QTemporaryDir dir;
        const QString library = dir.filePath(u"library.sqlite"_s);
        const QString story = dir.filePath(u"story.txt"_s);
        QFile file(story);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Harbour cranes retrun\n\nThe port reopened its eastern quay on Monday, Zlotkin said.\n");
        file.close();
        QCOMPARE(copydesk({u"--library"_s, library, u"import"_s, story}).exitCode, 0);
        QCOMPARE(copydesk({u"--library"_s, library, u"set"_s, u"1"_s, u"language"_s, u"en-GB"_s}).exitCode,
                 0);
        Result spell = copydesk({u"--library"_s, library, u"spell"_s, u"1"_s, u"--json"_s});
        QCOMPARE(spell.exitCode, 1);
        const QJsonArray findings = QJsonDocument::fromJson(spell.out.toUtf8()).array();
        QStringList words;
        for (const QJsonValue &finding : findings)
            words << finding["field"_L1].toString() + u':' + finding["word"_L1].toString();
        // "Harbour" is right in British English.
        QCOMPARE(words, (QStringList{u"headline:retrun"_s, u"body:Zlotkin"_s}));
        const QJsonObject first = findings.first().toObject();
        QCOMPARE(first["offset"_L1].toInt(), 15);
        QCOMPARE(first["length"_L1].toInt(), 6);
        QVERIFY(first["suggestions"_L1].toArray().contains(u"return"_s));
        // In American English "Harbour" is a slip too.
        spell = copydesk({u"--library"_s, library, u"spell"_s, u"1"_s, u"--language"_s, u"en-US"_s});
        QVERIFY2(spell.out.contains(u"headline\t0\tHarbour"_s), qPrintable(spell.out));

        // The personal dictionary, kept beside the library, is the one the window writes.
        QCOMPARE(copydesk({u"--library"_s, library, u"dictionary"_s, u"add"_s, u"Zlotkin"_s, u"retrun"_s})
                     .exitCode,
                 0);
        QCOMPARE(copydesk({u"--library"_s, library, u"dictionary"_s}).out, u"retrun\nZlotkin\n"_s);
        QVERIFY(QFile::exists(dir.filePath(u"library-dictionary.txt"_s)));
        spell = copydesk({u"--library"_s, library, u"spell"_s, u"1"_s});
        QCOMPARE(spell.exitCode, 0);
        QCOMPARE(spell.out, QString());
        QCOMPARE(copydesk({u"--library"_s, library, u"dictionary"_s, u"remove"_s, u"retrun"_s}).exitCode, 0);
        QCOMPARE(copydesk({u"--library"_s, library, u"spell"_s, u"1"_s}).exitCode, 1);

        // No dictionary for the language: a clear error, not a clean bill.
        spell = copydesk({u"--library"_s, library, u"spell"_s, u"1"_s, u"--language"_s, u"tlh"_s});
        QCOMPARE(spell.exitCode, 1);
        QVERIFY2(spell.err.contains(u"No spelling dictionary for the language \"tlh\""_s),
                 qPrintable(spell.err));
        QCOMPARE(copydesk({u"--library"_s, library, u"dictionary"_s, u"burn"_s}).exitCode, 2);
        QCOMPARE(copydesk({u"--library"_s, library, u"spell"_s}).exitCode, 2);
    }

    void imageAddReadsWhatTheFileSaysAndTakesWhatIsGiven()
    {
        QTemporaryDir dir;
        const QString library = dir.filePath(u"library.sqlite"_s);
        const QString story = dir.filePath(u"story.txt"_s);
        QFile file(story);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Local\n\nHarbour cranes return\n\nThe port reopened its eastern quay on Monday.\n");
        file.close();
        QCOMPARE(copydesk({u"--library"_s, library, u"import"_s, story}).exitCode, 0);
        // A picture whose IPTC record exiv2's own tool wrote.
        const QString picture = dir.filePath(u"cranes.jpg"_s);
        QImage image(120, 80, QImage::Format_RGB32);
        image.fill(Qt::darkYellow);
        QVERIFY(image.save(picture, "JPEG"));
        QProcess exiv2;
        exiv2.start(u"exiv2"_s,
                    {u"-Mset Iptc.Application2.Credit Photo: Jane Roe / Reuters"_s,
                     u"-Mset Iptc.Application2.Caption Cranes on the eastern quay"_s, u"modify"_s, picture});
        QVERIFY2(exiv2.waitForFinished(20000) && exiv2.exitCode() == 0,
                 "exiv2 must be installed (dev.sh does)");

        const Result added = copydesk({u"--library"_s, library, u"image"_s, u"add"_s, u"1"_s, picture,
                                       u"--alt"_s, u"Two cranes against a grey sky"_s, u"--lead"_s});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QCOMPARE(added.out.trimmed(), u"1"_s);
        const QJsonObject shown =
            QJsonDocument::fromJson(
                copydesk({u"--library"_s, library, u"show"_s, u"1"_s, u"--json"_s}).out.toUtf8())
                .object();
        const QJsonObject stored = shown.value("images"_L1).toArray().first().toObject();
        QCOMPARE(stored.value("credit"_L1).toString(), u"Jane Roe"_s);
        QCOMPARE(stored.value("agency"_L1).toString(), u"Reuters"_s);
        QCOMPARE(stored.value("caption"_L1).toString(), u"Cranes on the eastern quay"_s);
        QCOMPARE(stored.value("alt"_L1).toString(), u"Two cranes against a grey sky"_s);
        QCOMPARE(stored.value("role"_L1).toString(), u"lead"_s);

        // Given on the command line wins over the file.
        QVERIFY(copydesk({u"--library"_s, library, u"image"_s, u"add"_s, u"1"_s, picture, u"--credit"_s,
                          u"Ola Lind"_s, u"--agency"_s, u"Courier"_s})
                    .exitCode == 0);
        const QJsonArray listed =
            QJsonDocument::fromJson(
                copydesk({u"--library"_s, library, u"image"_s, u"list"_s, u"1"_s, u"--json"_s}).out.toUtf8())
                .array();
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed.at(1).toObject().value("credit"_L1).toString(), u"Ola Lind"_s);
        QCOMPARE(listed.at(1).toObject().value("role"_L1).toString(), u"inline"_s);

        // Not a picture, or the library itself: a clear error naming the file, and nothing changes.
        for (const QString &bad : {story, library}) {
            const Result refused = copydesk({u"--library"_s, library, u"image"_s, u"add"_s, u"1"_s, bad});
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.err.contains(QFileInfo(bad).fileName()), qPrintable(refused.err));
        }
        QCOMPARE(
            QJsonDocument::fromJson(
                copydesk({u"--library"_s, library, u"image"_s, u"list"_s, u"1"_s, u"--json"_s}).out.toUtf8())
                .array()
                .size(),
            2);
    }

    void verifiesAndRescuesADamagedLibrary()
    {
        QTemporaryDir dir;
        const QString damaged = dir.filePath(u"damaged.sqlite"_s);
        QVERIFY(writeDamagedLibrary(damaged, 300));
        const Result verified = copydesk({u"--library"_s, damaged, u"verify"_s});
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(verified.out.contains(u"damaged"_s), qPrintable(verified.out));
        const Result json = copydesk({u"--library"_s, damaged, u"verify"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).object().value("ok"_L1).toBool(true), false);
        // Listing what can be read says that it is not all.
        const Result listedDamaged = copydesk({u"--library"_s, damaged, u"list"_s});
        QCOMPARE(listedDamaged.exitCode, 1);
        QVERIFY2(listedDamaged.err.contains(damaged) && listedDamaged.err.contains(u"malformed"_s),
                 qPrintable(listedDamaged.err));

        const QString rescued = dir.filePath(u"rescued.sqlite"_s);
        const Result rescue = copydesk({u"--library"_s, damaged, u"rescue"_s, u"--out"_s, rescued});
        QVERIFY2(rescue.out.contains(u"rescued "_s), qPrintable(rescue.out + rescue.err));
        QCOMPARE(copydesk({u"--library"_s, rescued, u"verify"_s}).exitCode, 0);
        const Result listed = copydesk({u"--library"_s, rescued, u"list"_s, u"--json"_s});
        QVERIFY(QJsonDocument::fromJson(listed.out.toUtf8()).array().size() > 250);
        // A rescue never writes over anything.
        const Result again = copydesk({u"--library"_s, damaged, u"rescue"_s, u"--out"_s, rescued});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(u"already exists"_s));
    }

    void importsShowsAndExportsTheSeed()
    {
        const QString seed = sharedDir() + u"/seeds/000_fb72de0f6f4e00f7.txt"_s;
        if (!QFile::exists(seed))
            QSKIP(qPrintable(u"the seed is not at %1 (set COPYDESK_SHARED_DIR)"_s.arg(seed)));
        QTemporaryDir dir;
        const QString library = dir.filePath(u"library.sqlite"_s);
        const Result imported = copydesk({u"--library"_s, library, u"import"_s, seed});
        QCOMPARE(imported.exitCode, 0);
        QCOMPARE(
            imported.out,
            u"1\tBelarus Threatens Moscow With Expanding US Mission In Minsk In Rare Affront To Putin\n"_s);

        const Result shown = copydesk({u"--library"_s, library, u"show"_s, u"1"_s, u"--json"_s});
        QCOMPARE(shown.exitCode, 0);
        const QJsonObject article = QJsonDocument::fromJson(shown.out.toUtf8()).object();
        QCOMPARE(article.value("section"_L1).toString(), u"Eastern Europe"_s);
        QCOMPARE(article.value("images"_L1).toArray().at(0).toObject().value("credit"_L1).toString(),
                 u"Tomasz Sulima"_s);
        QCOMPARE(article.value("subheadings"_L1).toArray().size(), 2);

        const Result listed = copydesk({u"--library"_s, library, u"list"_s, u"--json"_s});
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(listed.out.toUtf8()).array().size(), 1);

        const Result found = copydesk({u"--library"_s, library, u"search"_s, u"Lukashenko"_s});
        QCOMPARE(found.exitCode, 0);
        QVERIFY(found.out.startsWith(u"1\t"_s));

        const QString out = dir.filePath(u"seed.html"_s);
        const Result exported = copydesk(
            {u"--library"_s, library, u"export"_s, u"1"_s, u"--format"_s, u"html"_s, u"--out"_s, out});
        QCOMPARE(exported.exitCode, 0);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(file.readAll());
        QVERIFY(html.contains(u"<small class=\"credit\">Image by Tomasz Sulima</small>"_s));
        QVERIFY(html.contains(u"<cite>Makei</cite>"_s));
    }

    // The program is not linked to Qt WebEngine (about 20 ms of every start) nor to Qt Network: the browser
    // engine's plugin, which downloads too, is loaded by what needs it, here an import of a saved page;
    // without the plugin, the rest of the batch is imported and each error names what is missing.
    void loadsTheBrowserEngineOnlyWhenAPageNeedsIt()
    {
        QTemporaryDir dir;
        const QString library = dir.filePath(u"library.sqlite"_s);
        const QString page = fixturesDir() + u"/pages/complete/page.html"_s;
        const QString text = dir.filePath(u"note.txt"_s);
        QFile note(text);
        QVERIFY(note.open(QIODevice::WriteOnly));
        note.write("Harbour cranes\n\nThe cranes came back to the old port on Monday, after forty years.\n");
        note.close();
        // The shared objects the dynamic loader opens, in its own report (glibc's LD_DEBUG=files).
        const auto loadedBy = [](const QString &program, const QStringList &arguments) {
            QProcess process;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
                environment.remove(QString::fromLatin1(name));
            environment.insert(u"LD_DEBUG"_s, u"files"_s);
            process.setProcessEnvironment(environment);
            process.start(program, arguments);
            process.waitForFinished(60000);
            return CopydeskResult{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                                  QString::fromUtf8(process.readAllStandardError())};
        };

        const CopydeskResult listed =
            loadedBy(QStringLiteral(COPYDESK_BINARY), {u"--library"_s, library, u"list"_s});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.err.contains(u"libQt6Core.so"_s), "the loader's report was not read");
        QVERIFY2(!listed.err.contains(u"WebEngine"_s), qPrintable(listed.err));
        QVERIFY2(!listed.err.contains(u"libQt6Network"_s), qPrintable(listed.err));
        QVERIFY(!listed.err.contains(u"copydesk-engine"_s));

        const CopydeskResult imported =
            loadedBy(QStringLiteral(COPYDESK_BINARY), {u"--library"_s, library, u"import"_s, page});
        QCOMPARE(imported.exitCode, 0);
        QVERIFY(imported.out.startsWith(u"1\t"_s));
        QVERIFY(imported.err.contains(u"copydesk-engine.so"_s));
        QVERIFY(imported.err.contains(u"libQt6WebEngineCore.so"_s));

        const QString lonely = dir.filePath(u"copydesk"_s);
        QVERIFY(QFile::copy(QStringLiteral(COPYDESK_BINARY), lonely));
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"COPYDESK_ENGINE_PLUGIN"_s);
        process.setProcessEnvironment(environment);
        // The address is never asked for: without the plugin there is nothing to download it with.
        const QString address = u"http://127.0.0.1:9/story.html"_s;
        process.start(lonely,
                      {u"--library"_s, dir.filePath(u"other.sqlite"_s), u"import"_s, page, address, text});
        QVERIFY(process.waitForFinished(60000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitCode(), 1);
        QVERIFY2(err.contains(page) && err.contains(dir.filePath(u"copydesk-engine.so"_s)), qPrintable(err));
        const QStringList errors = err.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(std::any_of(errors.cbegin(), errors.cend(),
                             [&](const QString &line) {
                                 return line.contains(address) &&
                                        line.contains(dir.filePath(u"copydesk-engine.so"_s));
                             }),
                 qPrintable(err));
        QVERIFY2(out.startsWith(u"1\tHarbour cranes"_s), qPrintable(out));
    }

    void errorsNameTheFile()
    {
        QTemporaryDir dir;
        const QString library = dir.filePath(u"library.sqlite"_s);
        const QString missing = dir.filePath(u"missing.txt"_s);
        const Result result = copydesk({u"--library"_s, library, u"import"_s, missing});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(missing), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
