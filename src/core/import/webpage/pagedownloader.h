#pragma once

#include <import/articleimporter.h>

#include <QString>
#include <QUrl>

namespace Copydesk {

// Downloads a web page as an import source, whose fetchResource downloads the pictures it names. The
// implementation lives outside core (it needs the network, which the program loads with the browser
// engine's plugin); it must be safe to call from any thread, blocking until the page is there.
class PageDownloader
{
public:
    virtual ~PageDownloader() = default;
    // On failure the source is empty and *error names the address and the problem.
    virtual ImportSource downloadPage(const QUrl &url, QString *error) const = 0;
};

} // namespace Copydesk
