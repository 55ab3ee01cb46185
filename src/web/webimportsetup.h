#pragma once

#include <import/webpage/pagedownloader.h>
#include <import/webpage/pageextractor.h>

#include <QMutex>

#include <functional>
#include <memory>

namespace Copydesk {

class ImportService;

// Gives an ImportService what needs the browser engine or the network: saved web pages (through
// Readability) and downloads of web addresses. The extractor and the downloader are created (and with them
// the browser engine's plugin loaded, which holds both) only when the first page needs them, so importing
// plain text or ninjs costs nothing extra. Create and destroy it on the GUI thread, after the application
// object and before it goes; apply() and the importers it adds may be used from any thread.
class WebImportSetup final : public PageExtractor
{
public:
    // Called once, on the GUI thread; nullptr, with *error saying why, when there is no extractor.
    using ExtractorFactory = std::function<std::unique_ptr<PageExtractor>(QString *error)>;
    using DownloaderFactory = std::function<std::unique_ptr<PageDownloader>(QString *error)>;
    WebImportSetup(ExtractorFactory createExtractor, DownloaderFactory createDownloader);
    ~WebImportSetup() override;
    Q_DISABLE_COPY_MOVE(WebImportSetup)

    void apply(ImportService &service);

    ExtractedPage extract(const QString &html, const QUrl &baseUrl) override;

private:
    // Runs create on the GUI thread, once, whichever thread asks first; later calls wait for it.
    void createOnce(bool &asked, const std::function<void()> &create);

    ExtractorFactory m_createExtractor;
    DownloaderFactory m_createDownloader;
    QMutex m_mutex;
    bool m_extractorAsked = false;
    std::unique_ptr<PageExtractor> m_extractor;
    QString m_extractorError;
    bool m_downloaderAsked = false;
    std::unique_ptr<PageDownloader> m_downloader;
    QString m_downloaderError;
};

} // namespace Copydesk
