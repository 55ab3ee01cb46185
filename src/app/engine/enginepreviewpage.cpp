#include "enginepreviewpage.h"

#include "libraryschemehandler.h"
#include "requestinterceptor.h"
#include "sandboxedpage.h"

#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineView>

namespace Copydesk {

EnginePreviewPage::EnginePreviewPage(Hooks hooks, QWidget *parent)
    : m_profile(new QWebEngineProfile) // no storage name: off the record, nothing kept on disk
    , m_interceptor(new RequestInterceptor(m_profile))
    , m_schemeHandler(new LibrarySchemeHandler(std::move(hooks.image), m_profile))
    , m_page(new SandboxedPage(m_profile))
    , m_view(new QWebEngineView(parent))
{
    m_profile->setUrlRequestInterceptor(m_interceptor);
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_profile->installUrlSchemeHandler("copydesk", m_schemeHandler);
    m_view->setPage(m_page);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    m_view->setAccessibleName(QWebEngineView::tr("Preview"));
    if (hooks.loadFinished)
        QObject::connect(m_page, &QWebEnginePage::loadFinished, m_view, std::move(hooks.loadFinished));
}

EnginePreviewPage::~EnginePreviewPage()
{
    // The page must go before its profile.
    delete m_view;
    delete m_page;
    delete m_profile;
}

QWidget *EnginePreviewPage::widget()
{
    return m_view;
}

void EnginePreviewPage::setServedHtml(const QByteArray &html)
{
    m_schemeHandler->setPreviewPage(html);
}

void EnginePreviewPage::load(const QUrl &url)
{
    m_page->load(url);
}

QPointF EnginePreviewPage::scrollPosition() const
{
    return m_page->scrollPosition();
}

void EnginePreviewPage::runScript(const QString &script, std::function<void(const QVariant &)> result)
{
    if (result)
        m_page->runJavaScript(script, QWebEngineScript::ApplicationWorld, std::move(result));
    else
        m_page->runJavaScript(script, QWebEngineScript::ApplicationWorld);
}

void EnginePreviewPage::print(QPrinter *printer, std::function<void(bool printed)> done)
{
    QObject::connect(m_view, &QWebEngineView::printFinished, m_view, std::move(done),
                     Qt::SingleShotConnection);
    m_view->print(printer);
}

} // namespace Copydesk
