#pragma once

#include "browserengine.h"

class QWebEngineProfile;
class QWebEngineView;

namespace Copydesk {

class LibrarySchemeHandler;
class RequestInterceptor;
class SandboxedPage;

// The preview's page in Qt WebEngine: an off-the-record profile (nothing kept on disk) whose interceptor
// refuses every request outside copydesk:, a SandboxedPage with page JavaScript off, and its view.
class EnginePreviewPage final : public PreviewPage
{
public:
    EnginePreviewPage(Hooks hooks, QWidget *parent);
    ~EnginePreviewPage() override;
    Q_DISABLE_COPY_MOVE(EnginePreviewPage)

    QWidget *widget() override;
    void setServedHtml(const QByteArray &html) override;
    void load(const QUrl &url) override;
    QPointF scrollPosition() const override;
    void runScript(const QString &script, std::function<void(const QVariant &)> result) override;
    void print(QPrinter *printer, std::function<void(bool printed)> done) override;

    // The engine's parts, for tests.
    QWebEngineView *view() const { return m_view; }
    SandboxedPage *page() const { return m_page; }
    RequestInterceptor *interceptor() const { return m_interceptor; }

private:
    QWebEngineProfile *m_profile;
    RequestInterceptor *m_interceptor;
    LibrarySchemeHandler *m_schemeHandler;
    SandboxedPage *m_page;
    QWebEngineView *m_view;
};

} // namespace Copydesk
