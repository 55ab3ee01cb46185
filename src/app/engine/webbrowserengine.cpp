#include "webbrowserengine.h"

#include "enginepreviewpage.h"
#include "urlfetcher.h"
#include "webpageextractor.h"
#include "webscheme.h"
#include "windowrendering.h"

#include <QGuiApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

QtMessageHandler previousMessageHandler = nullptr;

// On the offscreen platform (a command importing saved pages, no display) Qt WebEngine finds no GPU
// interface, says so on every start, and renders in software as it was asked to: a person running
// `copydesk import` would take that line for a failure. Every other message goes on as before.
void withoutOffscreenBackendNotice(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && message.trimmed() == "No suitable graphics backend found"_L1)
        return;
    if (previousMessageHandler)
        previousMessageHandler(type, context, message);
    else
        std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
}

} // namespace

WebBrowserEngine::WebBrowserEngine()
{
    if (QGuiApplication::platformName() == "offscreen"_L1)
        previousMessageHandler = qInstallMessageHandler(withoutOffscreenBackendNotice);
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

std::unique_ptr<PageDownloader> WebBrowserEngine::createPageDownloader()
{
    return std::make_unique<UrlFetcher>();
}

} // namespace Copydesk
