// copydesk-engine.so: the browser engine, loaded by the program when it first needs it (browserengine.h).

#include "webbrowserengine.h"

#include <cstring>

extern "C" Q_DECL_EXPORT Copydesk::BrowserEngine *copydesk_browser_engine(int interfaceRevision,
                                                                          const char *version)
{
    if (interfaceRevision != Copydesk::BrowserEngine::InterfaceRevision ||
        std::strcmp(version, COPYDESK_VERSION) != 0)
        return nullptr;
    static Copydesk::WebBrowserEngine engine;
    return &engine;
}
