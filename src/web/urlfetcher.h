#pragma once

#include <import/articleimporter.h>
#include <import/webpage/pagedownloader.h>

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <chrono>

namespace Copydesk {

struct FetchLimits
{
    qint64 maxPageBytes = 20 * 1024 * 1024;
    qint64 maxImageBytes = 20 * 1024 * 1024;
    // With no data for this long the download gives up.
    std::chrono::milliseconds stallTimeout{30000};
    // However steadily data trickles in, a download gives up after this long.
    std::chrono::milliseconds totalTimeout{120000};
    int maxRedirects = 5;
};

struct FetchResult
{
    QByteArray bytes;
    QUrl url;            // where the bytes finally came from, after redirects
    QString contentType; // the Content-Type header as sent, charset included
    QString mimeType;    // its type alone, lower case: "text/html", "image/png"
    QString error;       // empty on success; otherwise names the URL and the problem

    bool ok() const { return error.isEmpty(); }
};

// Downloads a page, or an image for a page, with limits on time, size and redirects, over http and https
// only. fetch() blocks; it may be called from any thread (each call has its own network access manager and
// event loop in the calling thread).
class UrlFetcher final : public PageDownloader
{
public:
    enum class Kind
    {
        Page,
        Image
    };

    explicit UrlFetcher(const FetchLimits &limits = {});

    const FetchLimits &limits() const { return m_limits; }

    FetchResult fetch(const QUrl &url, Kind kind) const;

    // The page as an import source; its fetchResource downloads the page's images with the same limits.
    // On failure the source is empty and *error says why.
    ImportSource downloadPage(const QUrl &url, QString *error) const override;

private:
    FetchLimits m_limits;
};

} // namespace Copydesk
