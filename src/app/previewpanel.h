#pragma once

#include "article.h"

#include <QPointF>
#include <QTimer>
#include <QWidget>

class QWebEngineProfile;
class QWebEngineView;

namespace Copydesk {

class ArticleRenderer;
class ArticleRepository;
class RequestInterceptor;
class SandboxedPage;

// The article as it will be published, beside the editor. It renders through the same ArticleRenderer
// as the export, in an off-the-record profile where every request outside copydesk: is blocked.
class PreviewPanel final : public QWidget
{
    Q_OBJECT

public:
    PreviewPanel(const ArticleRepository &repository, const ArticleRenderer &renderer,
                 QWidget *parent = nullptr);
    ~PreviewPanel() override;

    // Shows the article after a short pause, so typing is not slowed by re-rendering each key.
    void showArticle(const Article &article);
    void showArticleNow(const Article &article);
    void clear();

    QWebEngineView *view() const { return m_view; }
    RequestInterceptor *interceptor() const { return m_interceptor; }
    SandboxedPage *page() const { return m_page; }
    // The HTML most recently given to the page.
    QString currentHtml() const { return m_html; }

signals:
    void rendered();

private:
    void render();

    const ArticleRenderer &m_renderer;
    QWebEngineProfile *m_profile;
    RequestInterceptor *m_interceptor;
    SandboxedPage *m_page;
    QWebEngineView *m_view;
    QTimer m_debounce;
    Article m_article;
    QString m_html;
    QPointF m_scrollToRestore;
};

} // namespace Copydesk
