#pragma once

#include "browserengine.h"

#include <QByteArray>
#include <QWebEngineUrlSchemeHandler>

namespace Copydesk {

// Serves the preview its page, copydesk://preview/<article id>/<render number>, and the article's images,
// copydesk://image/<article id>/<position>, from the library through the window's hook. The page goes
// through the scheme rather than setHtml(), which refuses pages over 2 MB once percent-encoded (a long
// article in Cyrillic reaches that at about 350 KB of text).
class LibrarySchemeHandler final : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT

public:
    explicit LibrarySchemeHandler(std::function<std::optional<PreviewImage>(qint64, int)> image,
                                  QObject *parent = nullptr);

    void requestStarted(QWebEngineUrlRequestJob *job) override;
    // The page copydesk://preview/... serves from now on.
    void setPreviewPage(const QByteArray &html) { m_previewPage = html; }

private:
    void serveImage(QWebEngineUrlRequestJob *job);

    std::function<std::optional<PreviewImage>(qint64, int)> m_image;
    QByteArray m_previewPage;
};

} // namespace Copydesk
