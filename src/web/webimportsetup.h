#pragma once

#include "urlfetcher.h"
#include <import/webpage/pageextractor.h>

#include <QMutex>

#include <functional>
#include <memory>

namespace Copydesk {

class ImportService;

// Gives an ImportService what needs the browser engine or the network: saved web pages (through
// Readability) and downloads of web addresses. The extractor is created (and with it the browser engine
// started, its plugin loaded) only when the first page needs it, so importing plain text or ninjs costs
// nothing extra. Create and destroy it on the GUI thread, after the application object and before it goes;
// apply() and the importers it adds may be used from any thread.
class WebImportSetup final : public PageExtractor
{
public:
    // Called once, on the GUI thread; nullptr, with *error saying why, when there is no extractor.
    using ExtractorFactory = std::function<std::unique_ptr<PageExtractor>(QString *error)>;
    explicit WebImportSetup(ExtractorFactory createExtractor);
    ~WebImportSetup() override;
    Q_DISABLE_COPY_MOVE(WebImportSetup)

    void apply(ImportService &service);

    ExtractedPage extract(const QString &html, const QUrl &baseUrl) override;

private:
    ExtractorFactory m_createExtractor;
    QMutex m_mutex;
    bool m_extractorAsked = false;
    std::unique_ptr<PageExtractor> m_extractor;
    QString m_extractorError;
    UrlFetcher m_fetcher;
};

} // namespace Copydesk
