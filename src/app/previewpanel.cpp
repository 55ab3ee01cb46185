#include "previewpanel.h"

#include <QEventLoop>
#include <QSettings>

#include "browserengine.h"
#include <html/htmltext.h>
#include <library/articlerepository.h>
#include <render/articlerenderer.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {
// Calls in one pass of the event loop render once; the editor waits for a pause in typing itself.
constexpr int renderDelayMs = 0;
} // namespace

PreviewPanel::PreviewPanel(const ArticleRepository &repository, const ArticleRenderer &renderer,
                           QWidget *parent, EngineStart start)
    : QWidget(parent)
    , m_repository(repository)
    , m_renderer(renderer)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(renderDelayMs);
    connect(&m_debounce, &QTimer::timeout, this, &PreviewPanel::render);
    if (start == EngineStart::Now)
        startEngine();
}

void PreviewPanel::startEngine()
{
    if (m_page || m_engineMissing)
        return;
    QString error;
    BrowserEngine *engine = BrowserEngine::instance(&error);
    if (!engine) {
        // The rest of the window works without it: say so where the preview would be.
        m_engineMissing = new QLabel(error, this);
        m_engineMissing->setWordWrap(true);
        m_engineMissing->setAlignment(Qt::AlignCenter);
        m_engineMissing->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout()->addWidget(m_engineMissing);
        qWarning("%s", qPrintable(error));
        return;
    }
    PreviewPage::Hooks hooks;
    hooks.image = [this](qint64 articleId, int position) -> std::optional<PreviewImage> {
        std::optional<StoredImage> image = m_repository.image(articleId, position);
        if (!image)
            return std::nullopt;
        return PreviewImage{image->data, image->mimeType};
    };
    hooks.loadFinished = [this](bool ok) {
        m_shownId = ok ? m_loadingId : -1;
        // Keep the reader's place while the text is being edited. ApplicationWorld scripts run even
        // with page JavaScript off, and page content cannot see them.
        if (!m_scrollToRestore.isNull()) {
            m_page->runScript(
                u"window.scrollTo(%1, %2)"_s.arg(m_scrollToRestore.x()).arg(m_scrollToRestore.y()));
        }
        emit rendered();
    };
    m_page = engine->createPreviewPage(std::move(hooks), this);
    layout()->addWidget(m_page->widget());
    if (std::exchange(m_renderWanted, false))
        render();
}

PreviewPage *PreviewPanel::previewPage() const
{
    const_cast<PreviewPanel *>(this)->startEngine();
    return m_page.get();
}

PreviewPanel::~PreviewPanel()
{
    rememberPlace(); // quitting keeps the place too
    m_page.reset();  // before the widget's children go: it deletes its own view
}

void PreviewPanel::showArticle(const Article &article)
{
    // The same article re-rendered after an edit keeps its scroll position; another one starts at the top.
    if (article.id == m_article.id) {
        m_scrollToRestore = m_page ? m_page->scrollPosition() : QPointF();
    } else {
        rememberPlace();
        m_scrollToRestore = QPointF(0, rememberedPlace(article.uuid).value_or(0));
    }
    m_article = article;
    m_debounce.start();
}

void PreviewPanel::showArticleNow(const Article &article)
{
    if (article.id != m_article.id)
        rememberPlace();
    // Another article opens where its reader left it; the same one shown again starts at the top.
    m_scrollToRestore =
        article.id != m_article.id ? QPointF(0, rememberedPlace(article.uuid).value_or(0)) : QPointF();
    m_article = article;
    m_debounce.stop();
    render();
}

namespace {
constexpr int RememberedPlaces = 300;
const auto PlacesKey = QStringLiteral("reading/places"); // "uuid y", the most recent first
} // namespace

std::optional<qreal> PreviewPanel::rememberedPlace(const QString &uuid)
{
    if (uuid.isEmpty())
        return std::nullopt;
    for (const QString &entry : QSettings().value(PlacesKey).toStringList()) {
        if (entry.section(u' ', 0, 0) == uuid)
            return entry.section(u' ', 1, 1).toDouble();
    }
    return std::nullopt;
}

void PreviewPanel::rememberPlace()
{
    if (!m_page || m_shownId <= 0 || m_shownId != m_article.id || m_article.uuid.isEmpty())
        return;
    QSettings settings;
    QStringList places = settings.value(PlacesKey).toStringList();
    places.removeIf([this](const QString &entry) { return entry.section(u' ', 0, 0) == m_article.uuid; });
    const qreal y = m_page->scrollPosition().y();
    if (y > 0)
        places.prepend(m_article.uuid + u' ' + QString::number(y));
    while (places.size() > RememberedPlaces)
        places.removeLast();
    settings.setValue(PlacesKey, places);
}

void PreviewPanel::clear()
{
    rememberPlace();
    m_debounce.stop();
    m_article = {};
    m_html.clear();
    m_renderWanted = false;
    if (!m_page)
        return; // nothing shown yet
    m_page->setServedHtml({});
    m_loadingId = 0;
    m_shownId = -1;
    m_page->load(QUrl(u"copydesk://preview/0/%1"_s.arg(++m_renderCount)));
}

void PreviewPanel::render()
{
    if (!m_page) {
        m_renderWanted = true; // when the engine has started
        return;
    }
    const Article *shown = &m_article;
    Article shortened;
    if (m_article.bodyHtml.size() > MaximumBodyLength) {
        // A browser engine lays out a 50 MB page for minutes, if at all. The preview shows the beginning,
        // cut between blocks, and says so; the export still holds everything.
        shortened = m_article;
        shortened.bodyHtml = cutBetweenBlocks(m_article.bodyHtml, MaximumBodyLength);
        const int shownWords = HtmlText::wordCount(HtmlText::plainText(shortened.bodyHtml));
        shortened.bodyHtml += u"<p><strong>%1</strong></p>"_s.arg(
            tr("The preview ends here: it shows the first %L1 of %L2 words. The rest of the article is "
               "kept and exported in full.")
                .arg(shownWords)
                .arg(m_article.wordCount > 0 ? m_article.wordCount : HtmlText::wordCount(m_article.bodyText))
                .toHtmlEscaped());
        shown = &shortened;
    }
    m_html = m_renderer.renderPage(*shown, ArticleRenderer::ImageMode::LibraryUrls);
    // The reading style is in the page from its first paint: no flash of another theme.
    const qsizetype htmlTag = m_html.indexOf(u"<html"_s);
    if (htmlTag >= 0)
        m_html.insert(htmlTag + 5, u' ' + m_style.htmlAttributes());
    m_page->setServedHtml(m_html.toUtf8());
    if (m_article.id != 0 && m_shownId == m_article.id) {
        replaceArticle(m_renderer.renderArticle(*shown, ArticleRenderer::ImageMode::LibraryUrls), *shown);
        return;
    }
    loadPage();
}

QString ReadingStyle::htmlAttributes() const
{
    return u"data-theme=\"%1\" data-size=\"%2\" data-width=\"%3\" data-font=\"%4\""_s.arg(
        theme, QString::number(std::clamp(size, -2, 4)), width, sans ? u"sans"_s : u"serif"_s);
}

void PreviewPanel::setReadingStyle(const ReadingStyle &style)
{
    m_style = style;
    // On the page shown now, from the application's own world (page scripts stay off).
    const QString script =
        u"(function (e) { e.dataset.theme = '%1'; e.dataset.size = '%2'; e.dataset.width = '%3'; "
        "e.dataset.font = '%4'; })(document.documentElement)"_s.arg(
            style.theme, QString::number(std::clamp(style.size, -2, 4)), style.width,
            style.sans ? u"sans"_s : u"serif"_s);
    if (m_page) // else the first page has it
        m_page->runScript(script);
}

bool PreviewPanel::print(QPrinter *printer)
{
    startEngine();
    if (!m_page)
        return false;
    QEventLoop waiting;
    bool printed = false;
    bool finished = false;
    m_page->print(printer, [&](bool success) {
        printed = success;
        finished = true;
        waiting.quit();
    });
    if (!finished)
        waiting.exec();
    return printed;
}

void PreviewPanel::loadPage()
{
    m_loadingId = m_article.id;
    m_shownId = -1;
    m_page->load(QUrl(u"copydesk://preview/%1/%2"_s.arg(m_article.id).arg(++m_renderCount)));
}

// An edit of the article already shown replaces its <article> element in place instead of loading the
// page again: no navigation, no pictures fetched again, the reader's place kept, and the preview follows
// typing in a few milliseconds instead of a page load (about 75 ms for a 10,000-word piece). The element is
// the renderer's output, as the page load would show it; the script runs in the application's own world,
// which page content cannot see, and page scripts stay off.
void PreviewPanel::replaceArticle(const QString &articleHtml, const Article &shown)
{
    const QString html =
        QString::fromUtf8(QJsonDocument(QJsonArray{articleHtml}).toJson(QJsonDocument::Compact));
    const QString title =
        QString::fromUtf8(QJsonDocument(QJsonArray{shown.headline.isEmpty() ? u"Untitled"_s : shown.headline})
                              .toJson(QJsonDocument::Compact));
    const QString script = uR"((function () {
        const old = document.querySelector('article');
        if (!old) return false;
        const template = document.createElement('template');
        template.innerHTML = %1[0];
        const fresh = template.content.querySelector('article');
        if (!fresh) return false;
        old.replaceWith(fresh);
        document.title = %2[0];
        return true;
    })())"_s.arg(html, title);
    const quint64 renderCount = ++m_renderCount;
    m_page->runScript(script, [this, renderCount](const QVariant &replaced) {
        if (renderCount != m_renderCount)
            return; // a newer render is on its way
        if (replaced.toBool())
            emit rendered();
        else
            loadPage(); // not the page it expected: load it whole
    });
}

QString PreviewPanel::cutBetweenBlocks(const QString &html, qsizetype length)
{
    // The stored body is sanitized HTML whose top-level blocks each end with a closing tag and a new line.
    static const QString closings[] = {u"</p>"_s,          u"</h2>"_s, u"</h3>"_s, u"</h4>"_s,
                                       u"</blockquote>"_s, u"</ul>"_s, u"</ol>"_s, u"</figure>"_s,
                                       u"</table>"_s,      u"</pre>"_s};
    qsizetype cut = -1;
    for (const QString &closing : closings) {
        const qsizetype at = html.lastIndexOf(closing, length);
        if (at >= 0)
            cut = std::max(cut, at + closing.size());
    }
    return cut > 0 ? html.left(cut) : html.left(html.lastIndexOf(u'<', length)).toHtmlEscaped();
}

} // namespace Copydesk
