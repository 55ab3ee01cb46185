#include "libraryschemehandler.h"

#include <QBuffer>
#include <QWebEngineUrlRequestJob>

using namespace Qt::StringLiterals;

namespace Copydesk {

LibrarySchemeHandler::LibrarySchemeHandler(std::function<std::optional<PreviewImage>(qint64, int)> image,
                                           QObject *parent)
    : QWebEngineUrlSchemeHandler(parent)
    , m_image(std::move(image))
{}

void LibrarySchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    const QUrl url = job->requestUrl();
    if (job->requestMethod() != "GET") {
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
        return;
    }
    if (url.host() == "image"_L1) {
        serveImage(job);
        return;
    }
    // Only the preview page itself may load the page: an article cannot frame or fetch it.
    if (url.host() == "preview"_L1 && !job->initiator().isValid()) {
        auto *buffer = new QBuffer(job);
        buffer->setData(m_previewPage);
        buffer->open(QIODevice::ReadOnly);
        job->reply("text/html", buffer);
        return;
    }
    job->fail(QWebEngineUrlRequestJob::UrlNotFound);
}

void LibrarySchemeHandler::serveImage(QWebEngineUrlRequestJob *job)
{
    const QUrl url = job->requestUrl();
    const QStringList parts = url.path().split(u'/', Qt::SkipEmptyParts);
    bool articleOk = false;
    bool positionOk = false;
    const qint64 articleId = parts.size() == 2 ? parts.at(0).toLongLong(&articleOk) : 0;
    const int position = parts.size() == 2 ? parts.at(1).toInt(&positionOk) : 0;
    if (!articleOk || !positionOk) {
        job->fail(QWebEngineUrlRequestJob::UrlInvalid);
        return;
    }
    const std::optional<PreviewImage> image = m_image ? m_image(articleId, position) : std::nullopt;
    if (!image) {
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    auto *buffer = new QBuffer(job);
    buffer->setData(image->data);
    buffer->open(QIODevice::ReadOnly);
    job->reply(image->mimeType.toUtf8(), buffer);
}

} // namespace Copydesk
