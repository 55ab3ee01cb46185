#pragma once

#include <QString>
#include <QUrl>

namespace Copydesk {

// What Mozilla Readability makes of a page (the fields of its parse() result).
struct ExtractedPage
{
    QString error;          // empty on success
    bool readerable = true; // isProbablyReaderable(): false means "this may not be an article"
    QString title;
    QString byline;
    QString excerpt;
    QString contentHtml; // the article's main content, as HTML (not yet sanitized)
    QString textContent;
    QString language;
    QString siteName;
    QString publishedTime;
};

// Runs the main-content extraction on a page's HTML. The implementation lives outside core (it needs a
// browser engine); it must be safe to call from any thread, blocking until the result is there, and it
// must never let the page run its own script or reach the network.
class PageExtractor
{
public:
    virtual ~PageExtractor() = default;
    // html: the decoded page; baseUrl: where the page came from (for resolving relative links), may be empty.
    virtual ExtractedPage extract(const QString &html, const QUrl &baseUrl) = 0;
};

} // namespace Copydesk
