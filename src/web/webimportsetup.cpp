#include "webimportsetup.h"

#include <import/importservice.h>
#include <import/webpage/htmlpageimporter.h>

#include <QCoreApplication>
#include <QThread>

#include <utility>

using namespace Qt::StringLiterals;

namespace Copydesk {

WebImportSetup::WebImportSetup(ExtractorFactory createExtractor, DownloaderFactory createDownloader)
    : m_createExtractor(std::move(createExtractor))
    , m_createDownloader(std::move(createDownloader))
{}

WebImportSetup::~WebImportSetup() = default;

void WebImportSetup::apply(ImportService &service)
{
    service.addImporter(std::make_unique<HtmlPageImporter>(*this));
    service.setDownloader([this](const QUrl &url, QString *error) -> std::optional<ImportSource> {
        createOnce(m_downloaderAsked, [this] { m_downloader = m_createDownloader(&m_downloaderError); });
        if (!m_downloader) {
            if (error)
                *error = u"%1: cannot download: %2"_s.arg(url.toDisplayString(), m_downloaderError);
            return std::nullopt;
        }
        ImportSource source = m_downloader->downloadPage(url, error);
        if (source.bytes.isEmpty())
            return std::nullopt;
        return source;
    });
}

void WebImportSetup::createOnce(bool &asked, const std::function<void()> &create)
{
    QMutexLocker locker(&m_mutex);
    if (std::exchange(asked, true))
        return;
    // The browser engine's plugin is loaded on the GUI thread, whoever asks first; the asking thread waits
    // for it, since it uses what it asked for at once.
    QObject *application = QCoreApplication::instance();
    if (QThread::currentThread() == application->thread())
        create();
    else
        QMetaObject::invokeMethod(application, create, Qt::BlockingQueuedConnection);
}

ExtractedPage WebImportSetup::extract(const QString &html, const QUrl &baseUrl)
{
    createOnce(m_extractorAsked, [this] { m_extractor = m_createExtractor(&m_extractorError); });
    if (!m_extractor) {
        ExtractedPage failed;
        failed.error = m_extractorError;
        return failed;
    }
    return m_extractor->extract(html, baseUrl);
}

} // namespace Copydesk
