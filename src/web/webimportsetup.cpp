#include "webimportsetup.h"

#include <import/importservice.h>
#include <import/webpage/htmlpageimporter.h>

#include <QCoreApplication>
#include <QThread>

#include <utility>

namespace Copydesk {

WebImportSetup::WebImportSetup(ExtractorFactory createExtractor)
    : m_createExtractor(std::move(createExtractor))
{}

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
        if (!std::exchange(m_extractorAsked, true)) {
            // The browser engine lives on the GUI thread, whoever asks first; the asking thread waits for it
            // to exist, since it extracts with it at once.
            QObject *application = QCoreApplication::instance();
            auto create = [this] {
                m_extractor = m_createExtractor(&m_extractorError);
            };
            if (QThread::currentThread() == application->thread())
                create();
            else
                QMetaObject::invokeMethod(application, create, Qt::BlockingQueuedConnection);
        }
    }
    if (!m_extractor) {
        ExtractedPage failed;
        failed.error = m_extractorError;
        return failed;
    }
    return m_extractor->extract(html, baseUrl);
}

} // namespace Copydesk
