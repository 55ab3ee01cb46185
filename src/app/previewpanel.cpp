#include "previewpanel.h"

#include "articlerenderer.h"
#include "libraryschemehandler.h"
#include "requestinterceptor.h"
#include "sandboxedpage.h"

#include <QVBoxLayout>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {
constexpr int renderDelayMs = 150;
}

PreviewPanel::PreviewPanel(const ArticleRepository &repository, const ArticleRenderer &renderer,
                           QWidget *parent)
    : QWidget(parent)
    , m_renderer(renderer)
    , m_profile(new QWebEngineProfile(this)) // no storage name: off the record, nothing kept on disk
    , m_interceptor(new RequestInterceptor(m_profile))
{
    m_profile->setUrlRequestInterceptor(m_interceptor);
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_profile->installUrlSchemeHandler("copydesk", new LibrarySchemeHandler(repository, m_profile));

    m_page = new SandboxedPage(m_profile, this);
    m_view = new QWebEngineView(this);
    m_view->setPage(m_page);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    m_view->setAccessibleName(tr("Preview"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(renderDelayMs);
    connect(&m_debounce, &QTimer::timeout, this, &PreviewPanel::render);
    connect(m_page, &QWebEnginePage::loadFinished, this, [this](bool) {
        // Keep the reader's place while the text is being edited. ApplicationWorld scripts run even
        // with page JavaScript off, and page content cannot see them.
        if (!m_scrollToRestore.isNull()) {
            m_page->runJavaScript(
                u"window.scrollTo(%1, %2)"_s.arg(m_scrollToRestore.x()).arg(m_scrollToRestore.y()),
                QWebEngineScript::ApplicationWorld);
        }
        emit rendered();
    });
}

PreviewPanel::~PreviewPanel()
{
    // The page must go before its profile.
    delete m_view;
    delete m_page;
}

void PreviewPanel::showArticle(const Article &article)
{
    // The same article re-rendered after an edit keeps its scroll position; another one starts at the top.
    m_scrollToRestore = article.id == m_article.id ? m_page->scrollPosition() : QPointF();
    m_article = article;
    m_debounce.start();
}

void PreviewPanel::showArticleNow(const Article &article)
{
    m_article = article;
    m_debounce.stop();
    m_scrollToRestore = {};
    render();
}

void PreviewPanel::clear()
{
    m_debounce.stop();
    m_article = {};
    m_html.clear();
    m_page->setHtml(QString(), QUrl(u"copydesk://preview/"_s));
}

void PreviewPanel::render()
{
    m_html = m_renderer.renderPage(m_article, ArticleRenderer::ImageMode::LibraryUrls);
    m_page->setHtml(m_html, QUrl(u"copydesk://preview/%1"_s.arg(m_article.id)));
}

} // namespace Copydesk
