#pragma once

#include <memory>
#include <optional>

#include <model/article.h>

#include <QPointF>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPrinter;

namespace Copydesk {

class ArticleRenderer;
class ArticleRepository;
class PreviewPage;

// How the reading pane sets the article: the preview's own choice, never part of an export.
struct ReadingStyle
{
    QString theme = QStringLiteral("system"); // system, light, dark, sepia
    int size = 0;                             // steps from the normal size: -2 to 4
    QString width = QStringLiteral("medium"); // narrow, medium, wide
    bool sans = false;

    // The attributes of the page's <html> element that select it in article.css.
    QString htmlAttributes() const;
    friend bool operator==(const ReadingStyle &, const ReadingStyle &) = default;
};

// The article as it will be published, beside the editor. It renders through the same ArticleRenderer
// as the export, in the browser engine's sandboxed page (PreviewPage: an off-the-record profile where every
// request outside copydesk: is blocked).
class PreviewPanel final : public QWidget
{
    Q_OBJECT

public:
    // Longer bodies (in UTF-16 code units of stored HTML) are cut in the preview: about 150,000 words.
    static constexpr qsizetype MaximumBodyLength = 1'000'000;

    enum class EngineStart
    {
        Now,
        // By startEngine(), or when previewPage() is first asked for. The main window starts it once its
        // first frames are painted: they come without waiting for the engine (about 100 ms, its plugin
        // loaded first).
        WhenAsked,
    };
    PreviewPanel(const ArticleRepository &repository, const ArticleRenderer &renderer,
                 QWidget *parent = nullptr, EngineStart start = EngineStart::Now);
    ~PreviewPanel() override;

    // Shows the article once control returns to the event loop, keeping the place when it is the same one.
    void showArticle(const Article &article);
    void showArticleNow(const Article &article);
    void clear();
    // Applied to the page shown at once (no reload) and to every page after.
    void setReadingStyle(const ReadingStyle &style);
    ReadingStyle readingStyle() const { return m_style; }
    // Prints the article as the preview shows it; returns when the printer has it (the engine prints
    // asynchronously, and a print preview asks for its pages synchronously). False when printing failed.
    bool print(QPrinter *printer);
    // Where the reader left each article (by its uuid), kept across restarts for the last few hundred.
    static std::optional<qreal> rememberedPlace(const QString &uuid);

    // The engine's page (started if it has not yet); nullptr when the engine could not be loaded, which the
    // panel says in place of the preview.
    PreviewPage *previewPage() const;
    void startEngine();
    bool engineStarted() const { return m_page != nullptr; }
    // The HTML most recently given to the page.
    QString currentHtml() const { return m_html; }

signals:
    void rendered();

private:
    // Keeps the shown article's scroll position before another replaces it.
    void rememberPlace();
    void render();
    void loadPage();
    void replaceArticle(const QString &articleHtml, const Article &shown);
    // The HTML up to the end of the last top-level block that ends within length.
    static QString cutBetweenBlocks(const QString &html, qsizetype length);

    const ArticleRepository &m_repository;
    const ArticleRenderer &m_renderer;
    std::unique_ptr<PreviewPage> m_page;
    QLabel *m_engineMissing = nullptr;
    bool m_renderWanted = false;
    QTimer m_debounce;
    Article m_article;
    QString m_html;
    QPointF m_scrollToRestore;
    ReadingStyle m_style;
    quint64 m_renderCount = 0; // each page load is a new address, so nothing is taken from a cache
    qint64 m_loadingId = -1;   // the article whose page is loading
    qint64 m_shownId = -1;     // the article whose page has loaded: edits of it replace its element
};

} // namespace Copydesk
