#pragma once

#include <import/articleimporter.h>

#include <gumbo.h>

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

namespace Copydesk {

class MhtmlArchive;

// Where the pictures of a saved page can come from. Nothing here reaches the network unless `fetch` is set.
struct ImageSources
{
    const MhtmlArchive *archive = nullptr; // the parts of a single-file page
    QString pageFolder;                    // the folder of a saved page file ("web page, complete")
    QUrl baseUrl;                          // what relative addresses resolve against; may be empty
    std::function<std::optional<Resource>(const QUrl &)> fetch;
};

struct LoadedImage
{
    // Ordered by how much a person should hear about it when it is all there is.
    enum class Status
    {
        Placeholder,
        Unavailable,
        OutsideFolder,
        NotPicture,
        TooLarge,
        Loaded
    };

    Status status = Status::Unavailable;
    QByteArray data;
    QString mimeType;
    int width = 0;
    int height = 0;
    QString sourceUrl; // the original http(s) address, when one is known
    QString shownUrl;  // what to name in a warning: the best address the page gives
};

// Finds the bytes of a page's pictures: data: URIs, MHTML parts and the files beside the page first, the
// network (through ImportSource::fetchResource) only after that and only for a download. Keeps only PNG,
// JPEG, GIF and WebP (SVG can carry script) of at most MaximumImageSize bytes.
class ImageLoader final
{
public:
    static constexpr qint64 MaximumImageSize = 20 * 1024 * 1024;
    static constexpr int MaximumFetches = 100;

    explicit ImageLoader(ImageSources sources);

    // `candidates` are addresses as the page writes them, best first.
    LoadedImage load(const QStringList &candidates, bool allowFetch = true);
    QUrl resolve(const QString &address) const;
    bool canFetch() const { return bool(m_sources.fetch); }

    // PNG, JPEG, GIF, WebP or SVG by their first bytes; empty for anything else.
    static QString sniffMimeType(const QByteArray &data);

private:
    LoadedImage loadLocal(const QString &address, const QUrl &url) const;
    LoadedImage fromBytes(const QByteArray &data) const;
    LoadedImage fromFolder(const QString &address, const QUrl &url) const;
    QStringList folderPaths(const QString &address, const QUrl &url) const;

    ImageSources m_sources;
    QString m_canonicalFolder;
    int m_fetches = 0;
};

// The addresses an <img> offers, best first: the largest sensible srcset candidate (of the img, then of its
// <picture>'s sources), the lazy-loading attributes (data-src and kin), then src.
QStringList imageCandidates(const GumboNode *image);

// A srcset's addresses, best first (the widest up to 2560 pixels, then the narrower ones, then wider).
QStringList srcsetCandidates(const QString &srcset);

} // namespace Copydesk
