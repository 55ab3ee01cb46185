#pragma once

#include <QByteArray>
#include <QPointF>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>

class QPrinter;
class QUrl;
class QWidget;

namespace Copydesk {

class PageDownloader;
class PageExtractor;

// The browser engine's part of Copydesk: the preview's page, Readability for saved web pages, and the
// downloads of web addresses. It lives in a plugin, copydesk-engine.so, which the program loads when it
// first needs it: once the window's editor is painted, or when a command imports a saved page or an address.
// Linked into the program, Qt WebEngine cost every start about 20 ms (the dynamic loader resolving its
// symbols) before main() ran, and Qt Network about 1 ms more; a command that only lists articles paid
// them too.
//
// The plugin and the program come from one build: they share these classes and Copydesk's own, so the
// plugin is only taken when it was built with the same InterfaceRevision and version.

// An image the preview's page asks for as copydesk://image/<article id>/<position>.
struct PreviewImage
{
    QByteArray data;
    QString mimeType;
};

// What the preview panel needs of a web page: an off-the-record, sandboxed page (page JavaScript off,
// every request outside copydesk: refused) that shows the HTML it is given.
class PreviewPage
{
public:
    struct Hooks
    {
        // The library's images, asked for on the GUI thread.
        std::function<std::optional<PreviewImage>(qint64 articleId, int position)> image;
        std::function<void(bool ok)> loadFinished;
    };

    virtual ~PreviewPage() = default;

    virtual QWidget *widget() = 0;
    // What copydesk://preview/... serves from now on; load() shows it.
    virtual void setServedHtml(const QByteArray &html) = 0;
    virtual void load(const QUrl &url) = 0;
    virtual QPointF scrollPosition() const = 0;
    // Runs in the application's own world, which page content cannot see: page scripts stay off.
    virtual void runScript(const QString &script, std::function<void(const QVariant &)> result = {}) = 0;
    // Asynchronous: done(printed) follows once the printer has the pages.
    virtual void print(QPrinter *printer, std::function<void(bool printed)> done) = 0;
};

class BrowserEngine
{
public:
    // Raised whenever these classes change.
    static constexpr int InterfaceRevision = 2;

    virtual ~BrowserEngine() = default;

    virtual std::unique_ptr<PreviewPage> createPreviewPage(PreviewPage::Hooks hooks, QWidget *parent) = 0;
    // Create it on the GUI thread; it extracts from any thread (PageExtractor's contract).
    virtual std::unique_ptr<PageExtractor> createPageExtractor() = 0;
    // Create it on the GUI thread; it downloads from any thread (PageDownloader's contract).
    virtual std::unique_ptr<PageDownloader> createPageDownloader() = 0;

    // The engine, loaded on first use on the GUI thread: the one a program built in (setBuiltIn), else the
    // plugin. nullptr when the plugin cannot be loaded, with *error naming the file and the problem.
    static BrowserEngine *instance(QString *error = nullptr);
    // For programs that link the engine in (the tests and benches); call it before instance() is used.
    static void setBuiltIn(BrowserEngine *engine);
    // Where the plugin is looked for, in order: $COPYDESK_ENGINE_PLUGIN, beside the program (a build
    // tree), then the installed library folder.
    static QStringList pluginCandidates();
};

} // namespace Copydesk

// The plugin's one exported function, resolved by name.
#define COPYDESK_ENGINE_ENTRY "copydesk_browser_engine"
using CopydeskEngineEntry = Copydesk::BrowserEngine *(*)(int interfaceRevision, const char *version);
