#include "webimportsetup.h"

#include "webpageextractor.h"
#include <import/importservice.h>
#include <import/webpage/htmlpageimporter.h>

#include <QCoreApplication>
#include <QThread>

namespace Copydesk {

WebImportSetup::WebImportSetup() = default;

WebImportSetup::~WebImportSetup() = default;

void WebImportSetup::apply(ImportService &service)
{
    service.addImporter(std::make_unique<HtmlPageImporter>(*this));
    service.setDownloader([this](const QUrl &url, QString *error) -> std::optional<ImportSource> {
        ImportSource source = m_fetcher.downloadPage(url, error);
        if (source.bytes.isEmpty())
            return std::nullopt;
        return source;
    });
}

ExtractedPage WebImportSetup::extract(const QString &html, const QUrl &baseUrl)
{
    {
        QMutexLocker locker(&m_mutex);
        if (!m_extractor) {
            // The browser engine lives on the GUI thread, whoever asks first; the asking thread waits for it
            // to exist, since it extracts with it at once.
            QObject *application = QCoreApplication::instance();
            auto create = [this] {
                m_extractor = std::make_unique<WebPageExtractor>();
            };
            if (QThread::currentThread() == application->thread())
                create();
            else
                QMetaObject::invokeMethod(application, create, Qt::BlockingQueuedConnection);
        }
    }
    return m_extractor->extract(html, baseUrl);
}

} // namespace Copydesk
