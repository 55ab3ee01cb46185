#include "urlfetcher.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <memory>

using namespace Copydesk;
using namespace Qt::StringLiterals;
using Kind = UrlFetcher::Kind;

namespace {

const QByteArray pageBody =
    "<html><head><title>Page</title></head><body><img src=\"/picture.png\"></body></html>";
const QByteArray pictureBody = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(200, 'p');

// Raw HTTP/1.1 on 127.0.0.1, one request per connection: each path below is one way for a server to answer.
class HttpServer : public QObject
{
public:
    HttpServer()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { read(socket); });
            }
        });
    }

    QUrl url(const QString &path) const
    {
        return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_server.serverPort()).arg(path));
    }

    QStringList paths; // every path asked for, in order

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &request = m_requests[socket];
        request += socket->readAll();
        if (!request.contains("\r\n\r\n"))
            return;
        const QByteArray path = request.split(' ').value(1);
        paths.append(QString::fromLatin1(path));
        respond(socket, path);
    }

    static void send(QTcpSocket *socket, const QByteArray &status, const QByteArray &headers,
                     const QByteArray &body = {})
    {
        socket->write("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: " +
                      QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    static void redirect(QTcpSocket *socket, const QByteArray &location)
    {
        send(socket, "302 Found", "Location: " + location + "\r\n");
    }

    void respond(QTcpSocket *socket, const QByteArray &path)
    {
        if (path == "/page.html")
            return send(socket, "200 OK", "Content-Type: text/html; charset=utf-8\r\n", pageBody);
        if (path == "/page.xhtml")
            return send(socket, "200 OK", "Content-Type: application/xhtml+xml\r\n", pageBody);
        if (path == "/picture.png")
            return send(socket, "200 OK", "Content-Type: image/png\r\n", pictureBody);
        if (path == "/big-picture.png")
            return send(socket, "200 OK", "Content-Type: image/png\r\n", QByteArray(2 * 1024 * 1024, 'p'));
        if (path == "/missing")
            return send(socket, "404 Not Found", "Content-Type: text/html\r\n", "<p>no such page</p>");
        if (path == "/broken")
            return send(socket, "503 Service Unavailable", "Content-Type: text/html\r\n", "<p>later</p>");
        if (path == "/report.pdf")
            return send(socket, "200 OK", "Content-Type: application/pdf\r\n", "%PDF-1.4");
        if (path == "/drawing.svg")
            return send(socket, "200 OK", "Content-Type: image/svg+xml\r\n", "<svg/>");
        if (path == "/untyped")
            return send(socket, "200 OK", {}, pageBody);
        if (path.startsWith("/hops/")) {
            const int left = path.mid(6).toInt();
            if (left == 0)
                return send(socket, "200 OK", "Content-Type: text/html\r\n", pageBody);
            return redirect(socket, "/hops/" + QByteArray::number(left - 1));
        }
        if (path == "/loop-a")
            return redirect(socket, "/loop-b");
        if (path == "/loop-b")
            return redirect(socket, "/loop-a");
        if (path == "/to-ftp")
            return redirect(socket, "ftp://127.0.0.1/file.html");
        if (path == "/to-file")
            return redirect(socket, "file:///etc/passwd");
        if (path == "/big") {
            // No Content-Length: only counting the bytes as they come can stop this one.
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n");
            socket->write(QByteArray(21 * 1024 * 1024, 'x'));
            socket->disconnectFromHost();
            return;
        }
        if (path == "/big-declared") {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 30000000\r\n\r\n");
            return; // and never a byte of it
        }
        if (path == "/silent")
            return; // the connection stays open and nothing comes
        if (path == "/trickle") {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n");
            auto *timer = new QTimer(socket);
            connect(timer, &QTimer::timeout, socket, [socket] { socket->write("<p>"); });
            timer->start(100);
            return;
        }
        send(socket, "404 Not Found", {});
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_requests;
};

} // namespace

class TstUrlFetcher : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_server = std::make_unique<HttpServer>(); }
    void cleanup() { m_server.reset(); }

    void fetchesPage();
    void fetchesImage();
    void followsRedirects();
    void refusesOtherSchemes();
    void refusesWrongTypes();
    void reportsServerErrors();
    void stopsLoopsAndLongChains();
    void stopsLargeDownloads();
    void timesOut();
    void reportsUnreachableHost();
    void worksFromAnotherThread();
    void downloadsPageWithResources();
    void downloadPageFailure();

private:
    QString errorOf(const QString &path, Kind kind = Kind::Page, const FetchLimits &limits = {})
    {
        const FetchResult result = UrlFetcher(limits).fetch(m_server->url(path), kind);
        return result.error;
    }
    QString expected(const QString &path, const QString &problem)
    {
        return u"%1: %2"_s.arg(m_server->url(path).toDisplayString(), problem);
    }

    std::unique_ptr<HttpServer> m_server;
};

void TstUrlFetcher::fetchesPage()
{
    const FetchResult result = UrlFetcher().fetch(m_server->url(u"/page.html"_s), Kind::Page);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.bytes, pageBody);
    QCOMPARE(result.url, m_server->url(u"/page.html"_s));
    QCOMPARE(result.contentType, u"text/html; charset=utf-8"_s);
    QCOMPARE(result.mimeType, u"text/html"_s);

    const FetchResult xhtml = UrlFetcher().fetch(m_server->url(u"/page.xhtml"_s), Kind::Page);
    QVERIFY2(xhtml.ok(), qPrintable(xhtml.error));
    QCOMPARE(xhtml.mimeType, u"application/xhtml+xml"_s);
}

void TstUrlFetcher::fetchesImage()
{
    const FetchResult result = UrlFetcher().fetch(m_server->url(u"/picture.png"_s), Kind::Image);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.bytes, pictureBody);
    QCOMPARE(result.mimeType, u"image/png"_s);
}

void TstUrlFetcher::followsRedirects()
{
    const FetchResult result = UrlFetcher().fetch(m_server->url(u"/hops/5"_s), Kind::Page);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.bytes, pageBody);
    QCOMPARE(result.url, m_server->url(u"/hops/0"_s));
}

void TstUrlFetcher::refusesOtherSchemes()
{
    for (const QString &address :
         {u"ftp://127.0.0.1/file.html"_s, u"file:///etc/passwd"_s, u"data:text/html,hi"_s}) {
        const FetchResult result = UrlFetcher().fetch(QUrl(address), Kind::Page);
        QCOMPARE(result.error, address + u": only http and https addresses can be downloaded"_s);
        QVERIFY(result.bytes.isEmpty());
    }
    for (const QString &path : {u"/to-ftp"_s, u"/to-file"_s})
        QCOMPARE(errorOf(path), expected(path, u"redirected to an address that is not http or https"_s));
}

void TstUrlFetcher::refusesWrongTypes()
{
    QCOMPARE(errorOf(u"/report.pdf"_s), expected(u"/report.pdf"_s, u"not a web page (application/pdf)"_s));
    QCOMPARE(errorOf(u"/picture.png"_s), expected(u"/picture.png"_s, u"not a web page (image/png)"_s));
    QCOMPARE(errorOf(u"/untyped"_s), expected(u"/untyped"_s, u"not a web page (no content type)"_s));
    QCOMPARE(errorOf(u"/page.html"_s, Kind::Image), expected(u"/page.html"_s, u"not an image (text/html)"_s));
    QCOMPARE(errorOf(u"/drawing.svg"_s, Kind::Image),
             expected(u"/drawing.svg"_s, u"not a supported image (image/svg+xml)"_s));
}

void TstUrlFetcher::reportsServerErrors()
{
    QCOMPARE(errorOf(u"/missing"_s), expected(u"/missing"_s, u"the server answered 404 Not Found"_s));
    QCOMPARE(errorOf(u"/broken"_s), expected(u"/broken"_s, u"the server answered 503 Service Unavailable"_s));
}

void TstUrlFetcher::stopsLoopsAndLongChains()
{
    QCOMPARE(errorOf(u"/loop-a"_s), expected(u"/loop-a"_s, u"too many redirects"_s));
    QCOMPARE(errorOf(u"/hops/6"_s), expected(u"/hops/6"_s, u"too many redirects"_s));
    QVERIFY(m_server->paths.size() < 20);
}

void TstUrlFetcher::stopsLargeDownloads()
{
    QCOMPARE(errorOf(u"/big"_s), expected(u"/big"_s, u"larger than 20 MB"_s));
    QCOMPARE(errorOf(u"/big-declared"_s), expected(u"/big-declared"_s, u"larger than 20 MB"_s));
    FetchLimits small;
    small.maxImageBytes = 1024 * 1024;
    QCOMPARE(errorOf(u"/big-picture.png"_s, Kind::Image, small),
             expected(u"/big-picture.png"_s, u"larger than 1 MB"_s));
}

void TstUrlFetcher::timesOut()
{
    FetchLimits quick;
    quick.stallTimeout = std::chrono::milliseconds(1000);
    quick.totalTimeout = std::chrono::milliseconds(2000);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(errorOf(u"/silent"_s, Kind::Page, quick), expected(u"/silent"_s, u"timed out after 1 s"_s));
    QVERIFY(timer.elapsed() < 1900);
    // Data that never stops coming, a little at a time, meets the overall limit instead.
    QCOMPARE(errorOf(u"/trickle"_s, Kind::Page, quick), expected(u"/trickle"_s, u"timed out after 2 s"_s));
    QCOMPARE(UrlFetcher().limits().stallTimeout, std::chrono::milliseconds(30000));
}

void TstUrlFetcher::reportsUnreachableHost()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const QUrl url(u"http://127.0.0.1:%1/page.html"_s.arg(closed.serverPort()));
    closed.close();
    const FetchResult result = UrlFetcher().fetch(url, Kind::Page);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.startsWith(url.toDisplayString() + u": "_s), qPrintable(result.error));
}

void TstUrlFetcher::worksFromAnotherThread()
{
    // The server answers on this thread; the download runs, and blocks, on the other one.
    FetchResult result;
    std::unique_ptr<QThread> thread(QThread::create(
        [&result, url = m_server->url(u"/hops/2"_s)] { result = UrlFetcher().fetch(url, Kind::Page); }));
    thread->start();
    QTRY_VERIFY_WITH_TIMEOUT(thread->isFinished(), 10000);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.bytes, pageBody);
}

void TstUrlFetcher::downloadsPageWithResources()
{
    QString error = u"stale"_s;
    const ImportSource source = UrlFetcher().downloadPage(m_server->url(u"/hops/1"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(source.url, m_server->url(u"/hops/0"_s));
    QVERIFY(source.fileName.isEmpty());
    QCOMPARE(source.contentType, u"text/html"_s);
    QCOMPARE(source.bytes, pageBody);
    QVERIFY(source.fetchResource);

    const std::optional<Resource> picture =
        source.fetchResource(source.url.resolved(QUrl(u"/picture.png"_s)));
    QVERIFY(picture);
    QCOMPARE(picture->data, pictureBody);
    QCOMPARE(picture->mimeType, u"image/png"_s);
    QVERIFY(!source.fetchResource(m_server->url(u"/drawing.svg"_s)));
    QVERIFY(!source.fetchResource(m_server->url(u"/missing"_s)));
    QVERIFY(!source.fetchResource(QUrl(u"file:///etc/hostname"_s)));
}

void TstUrlFetcher::downloadPageFailure()
{
    QString error;
    const ImportSource source = UrlFetcher().downloadPage(m_server->url(u"/report.pdf"_s), &error);
    QCOMPARE(error, expected(u"/report.pdf"_s, u"not a web page (application/pdf)"_s));
    QVERIFY(source.bytes.isEmpty());
    QVERIFY(!source.fetchResource);
}

QTEST_GUILESS_MAIN(TstUrlFetcher)

#include "tst_urlfetcher.moc"
