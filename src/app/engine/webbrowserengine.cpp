#include "webbrowserengine.h"

#include "enginepreviewpage.h"
#include "webpageextractor.h"
#include "webscheme.h"
#include "windowrendering.h"

namespace Copydesk {

WebBrowserEngine::WebBrowserEngine()
{
    // Qt WebEngine takes schemes until its first profile exists, not only before the QApplication: the
    // plugin is loaded after the window is up, and nothing of the engine exists before it.
    registerCopydeskScheme();
    registerImportScheme();
    chooseWindowRendering();
}

std::unique_ptr<PreviewPage> WebBrowserEngine::createPreviewPage(PreviewPage::Hooks hooks, QWidget *parent)
{
    return std::make_unique<EnginePreviewPage>(std::move(hooks), parent);
}

std::unique_ptr<PageExtractor> WebBrowserEngine::createPageExtractor()
{
    return std::make_unique<WebPageExtractor>();
}

} // namespace Copydesk
