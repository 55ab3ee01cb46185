#include "urlfetcher.h"

#include "logging.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

bool isWebUrl(const QUrl &url)
{
    return url.scheme() == "http"_L1 || url.scheme() == "https"_L1;
}

QString mimeTypeOf(const QString &contentType)
{
    return contentType.section(u';', 0, 0).trimmed().toLower();
}

QString seconds(std::chrono::milliseconds duration)
{
    return QString::number(std::chrono::duration<double>(duration).count());
}

QString size(qint64 bytes)
{
    constexpr double megabyte = 1024 * 1024;
    if (bytes >= megabyte)
        return u"%1 MB"_s.arg(QString::number(bytes / megabyte, 'g', 4));
    return u"%1 KB"_s.arg(QString::number(bytes / 1024.0, 'g', 4));
}

// Empty if the type is what was asked for, else what is wrong with it.
QString typeProblem(UrlFetcher::Kind kind, const QString &mimeType)
{
    const QString shown = mimeType.isEmpty() ? u"no content type"_s : mimeType;
    if (kind == UrlFetcher::Kind::Page) {
        if (mimeType == "text/html"_L1 || mimeType == "application/xhtml+xml"_L1)
            return {};
        return u"not a web page (%1)"_s.arg(shown);
    }
    // SVG is a document that can carry script and links of its own, not a picture to store.
    if (mimeType == "image/svg+xml"_L1)
        return u"not a supported image (%1)"_s.arg(shown);
    if (mimeType.startsWith("image/"_L1))
        return {};
    return u"not an image (%1)"_s.arg(shown);
}

QString statusProblem(const QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString reason =
        QString::fromLatin1(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray())
            .trimmed();
    return u"the server answered %1"_s.arg(reason.isEmpty() ? QString::number(status)
                                                            : u"%1 %2"_s.arg(status).arg(reason));
}

} // namespace

UrlFetcher::UrlFetcher(const FetchLimits &limits)
    : m_limits(limits)
{}

FetchResult UrlFetcher::fetch(const QUrl &url, Kind kind) const
{
    auto failure = [&url](const QString &problem) {
        FetchResult result;
        result.url = url;
        result.error = u"%1: %2"_s.arg(url.toDisplayString(), problem);
        return result;
    };
    if (!isWebUrl(url))
        return failure(u"only http and https addresses can be downloaded"_s);
    if (!url.isValid() || url.host().isEmpty())
        return failure(u"not a valid web address"_s);

    const qint64 maxBytes = kind == Kind::Page ? m_limits.maxPageBytes : m_limits.maxImageBytes;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(m_limits.maxRedirects);
    request.setTransferTimeout(int(m_limits.stallTimeout.count()));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Copydesk/" COPYDESK_VERSION));
    request.setRawHeader("Accept", kind == Kind::Page
                                       ? QByteArrayLiteral("text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
                                       : QByteArrayLiteral("image/avif,image/webp,image/png,image/*;q=0.8"));

    // A manager per call, living in the calling thread: QNetworkAccessManager is not thread-safe, and a
    // worker thread may have no event loop but the one run here.
    QNetworkAccessManager manager;
    std::unique_ptr<QNetworkReply> reply(manager.get(request));
    QByteArray body;
    QString problem; // why we stopped the transfer ourselves
    auto stop = [&](const QString &why) {
        if (problem.isEmpty())
            problem = why;
        reply->abort();
    };
    // Headers are judged as soon as they arrive, so an error page or a PDF is never downloaded in full.
    auto checkHeaders = [&] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0 || (status >= 300 && status < 400 && !reply->isFinished()))
            return; // no answer yet, or a redirect being followed
        if (status < 200 || status >= 300)
            return stop(statusProblem(reply.get()));
        const QString type =
            typeProblem(kind, mimeTypeOf(reply->header(QNetworkRequest::ContentTypeHeader).toString()));
        if (!type.isEmpty())
            return stop(type);
        if (reply->header(QNetworkRequest::ContentLengthHeader).toLongLong() > maxBytes)
            return stop(u"larger than %1"_s.arg(size(maxBytes)));
    };

    // A wait the caller truly needs: ImportService asks for a download from its recognising thread and can
    // go on only with the page, so the download runs in a loop of this thread's own until it ends.
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop,
                     [&] { stop(u"timed out after %1 s"_s.arg(seconds(m_limits.totalTimeout))); });
    QObject::connect(reply.get(), &QNetworkReply::metaDataChanged, &loop, checkHeaders);
    QObject::connect(reply.get(), &QNetworkReply::readyRead, &loop, [&] {
        body += reply->readAll();
        if (body.size() > maxBytes)
            stop(u"larger than %1"_s.arg(size(maxBytes)));
    });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    deadline.start(m_limits.totalTimeout);
    if (!reply->isFinished())
        loop.exec();
    deadline.stop();

    if (problem.isEmpty()) {
        switch (reply->error()) {
        case QNetworkReply::NoError:
            body += reply->readAll();
            checkHeaders();
            if (problem.isEmpty() && body.size() > maxBytes)
                problem = u"larger than %1"_s.arg(size(maxBytes));
            break;
        case QNetworkReply::TooManyRedirectsError:
            problem = u"too many redirects"_s;
            break;
        case QNetworkReply::InsecureRedirectError:
            problem = u"redirected from https to plain http, which is refused"_s;
            break;
        case QNetworkReply::ProtocolUnknownError: // Qt follows redirects to http and https only
            problem = u"redirected to an address that is not http or https"_s;
            break;
        case QNetworkReply::OperationCanceledError: // what the transfer timeout does
        case QNetworkReply::TimeoutError:
            problem = u"timed out after %1 s"_s.arg(seconds(m_limits.stallTimeout));
            break;
        default:
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() >= 400)
                problem = statusProblem(reply.get());
            else
                problem = reply->errorString();
            break;
        }
    }
    if (!problem.isEmpty())
        return failure(problem);

    FetchResult result;
    result.bytes = std::move(body);
    result.url = reply->url();
    result.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    result.mimeType = mimeTypeOf(result.contentType);
    return result;
}

ImportSource UrlFetcher::downloadPage(const QUrl &url, QString *error) const
{
    FetchResult page = fetch(url, Kind::Page);
    if (!page.ok()) {
        if (error)
            *error = page.error;
        return {};
    }
    ImportSource source;
    source.url = page.url;
    source.contentType = page.contentType;
    source.bytes = std::move(page.bytes);
    source.fetchResource = [fetcher = *this](const QUrl &resourceUrl) -> std::optional<Resource> {
        const FetchResult image = fetcher.fetch(resourceUrl, Kind::Image);
        if (!image.ok()) {
            qCInfo(lcFetcher).noquote() << image.error;
            return std::nullopt;
        }
        return Resource{image.bytes, image.mimeType};
    };
    if (error)
        error->clear();
    return source;
}

} // namespace Copydesk
