#pragma once

#include <QWebEngineUrlSchemeHandler>

namespace Copydesk {

class ArticleRepository;

// Serves copydesk://image/<article id>/<position> from the library to the preview.
class LibrarySchemeHandler final : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT

public:
    explicit LibrarySchemeHandler(const ArticleRepository &repository, QObject *parent = nullptr);

    void requestStarted(QWebEngineUrlRequestJob *job) override;

private:
    const ArticleRepository &m_repository;
};

} // namespace Copydesk
