#pragma once

#include <QWebEngineSettings>

namespace Copydesk {

// The settings of every page that shows or reads HTML from outside: no page script, no plugins, no
// windows, no prefetching. Whether remote URLs may be *requested* (so that the profile's interceptor sees,
// refuses and counts each one) or are refused by the engine itself is the caller's choice.
enum class RemoteRequests
{
    RefusedByEngine,
    LeftToInterceptor
};

inline void applyLockedSettings(QWebEngineSettings *settings, RemoteRequests remote)
{
    settings->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    settings->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    settings->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls,
                           remote == RemoteRequests::LeftToInterceptor);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    settings->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    settings->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
    settings->setAttribute(QWebEngineSettings::ErrorPageEnabled, false);
    settings->setAttribute(QWebEngineSettings::DnsPrefetchEnabled, false);
    settings->setAttribute(QWebEngineSettings::HyperlinkAuditingEnabled, false);
    settings->setAttribute(QWebEngineSettings::WebGLEnabled, false);
    settings->setAttribute(QWebEngineSettings::Accelerated2dCanvasEnabled, false);
    settings->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
    settings->setAttribute(QWebEngineSettings::NavigateOnDropEnabled, false);
    settings->setAttribute(QWebEngineSettings::SpatialNavigationEnabled, false);
}

} // namespace Copydesk
