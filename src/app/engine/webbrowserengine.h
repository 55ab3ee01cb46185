#pragma once

#include "browserengine.h"

namespace Copydesk {

// Copydesk's browser engine in Qt WebEngine: what copydesk-engine.so gives the program, and what the tests
// and benches link in (BrowserEngine::setBuiltIn). Creating it registers the copydesk: and import schemes
// and chooses how windows with a web view are composed, which must come before the engine's first object.
class WebBrowserEngine final : public BrowserEngine
{
public:
    WebBrowserEngine();

    std::unique_ptr<PreviewPage> createPreviewPage(PreviewPage::Hooks hooks, QWidget *parent) override;
    std::unique_ptr<PageExtractor> createPageExtractor() override;
    std::unique_ptr<PageDownloader> createPageDownloader() override;
};

} // namespace Copydesk
