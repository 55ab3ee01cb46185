#pragma once

#include "urlfetcher.h"
#include <import/webpage/pageextractor.h>

#include <QMutex>

#include <memory>

namespace Copydesk {

class ImportService;
class WebPageExtractor;

// Gives an ImportService what needs the browser engine or the network: saved web pages (through
// Readability) and downloads of web addresses. The browser engine starts only when the first page needs it,
// so importing plain text or ninjs costs nothing extra. Create and destroy it on the GUI thread, after the
// application object and before it goes; apply() and the importers it adds may be used from any thread.
class WebImportSetup final : public PageExtractor
{
public:
    WebImportSetup();
    ~WebImportSetup() override;
    Q_DISABLE_COPY_MOVE(WebImportSetup)

    void apply(ImportService &service);

    ExtractedPage extract(const QString &html, const QUrl &baseUrl) override;

private:
    QMutex m_mutex;
    std::unique_ptr<WebPageExtractor> m_extractor;
    UrlFetcher m_fetcher;
};

} // namespace Copydesk
