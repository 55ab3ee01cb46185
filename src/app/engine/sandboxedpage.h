#pragma once

#include <QWebEnginePage>

namespace Copydesk {

// A page for showing article HTML: page JavaScript off, no plugins, no navigation. A clicked link opens
// in the person's browser instead of inside the preview.
class SandboxedPage final : public QWebEnginePage
{
    Q_OBJECT

public:
    explicit SandboxedPage(QWebEngineProfile *profile, QObject *parent = nullptr);

signals:
    // What the engine reports about the page: refused loads (Content-Security-Policy), errors.
    void consoleMessage(const QString &message);

protected:
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message, int line,
                                  const QString &source) override;
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
};

} // namespace Copydesk
