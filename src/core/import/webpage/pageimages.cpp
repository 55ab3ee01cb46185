#include <import/webpage/pageimages.h>

#include <library/libraryfiles.h>

#include <html/pagehtml.h>
#include <import/webpage/mhtmlarchive.h>

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

// Wider than this is more than an article needs; a narrower candidate is preferred when there is one.
constexpr int PreferredMaximumWidth = 2560;

bool isWebUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return (scheme == "http"_L1 || scheme == "https"_L1) && !url.host().isEmpty();
}

bool isDataUri(const QString &address)
{
    return address.startsWith("data:"_L1, Qt::CaseInsensitive);
}

// What a browser does to an attribute URL first: white space off both ends, tabs and line breaks out.
QString cleanAddress(const QString &value)
{
    QString text = value;
    text.removeIf([](QChar c) { return c == u'\t' || c == u'\n' || c == u'\r'; });
    return text.trimmed();
}

quint32 littleEndian(const QByteArray &data, qsizetype at, int bytes)
{
    quint32 value = 0;
    for (int i = bytes - 1; i >= 0; --i)
        value = (value << 8) | quint8(data.at(at + i));
    return value;
}

// Qt reads WebP only with an optional plugin; the size is in the first 30 bytes either way.
QSize webpSize(const QByteArray &data)
{
    if (data.size() < 30)
        return {};
    const QByteArray chunk = data.mid(12, 4);
    if (chunk == "VP8 " && quint8(data.at(23)) == 0x9d && quint8(data.at(24)) == 0x01 &&
        quint8(data.at(25)) == 0x2a)
        return QSize(int(littleEndian(data, 26, 2) & 0x3fff), int(littleEndian(data, 28, 2) & 0x3fff));
    if (chunk == "VP8L" && quint8(data.at(20)) == 0x2f) {
        const quint32 bits = littleEndian(data, 21, 4);
        return QSize(int(bits & 0x3fff) + 1, int((bits >> 14) & 0x3fff) + 1);
    }
    if (chunk == "VP8X")
        return QSize(int(littleEndian(data, 24, 3)) + 1, int(littleEndian(data, 27, 3)) + 1);
    return {};
}

struct DataUri
{
    bool tooLarge = false;
    QByteArray data;
};

DataUri decodeDataUri(const QString &address)
{
    DataUri result;
    const qsizetype comma = address.indexOf(u',');
    if (comma < 0)
        return result;
    const QString header = address.mid(5, comma - 5).trimmed();
    const QStringView payload = QStringView(address).sliced(comma + 1);
    if (payload.size() / 4 * 3 > ImageLoader::MaximumImageSize) {
        result.tooLarge = true;
        return result;
    }
    const QByteArray bytes = QByteArray::fromPercentEncoding(payload.toLatin1());
    result.data = header.endsWith(";base64"_L1, Qt::CaseInsensitive) ? QByteArray::fromBase64(bytes) : bytes;
    return result;
}

struct Candidate
{
    QString address;
    int width = 0;      // "800w"
    double density = 1; // "2x"
};

// The srcset grammar: an address, then descriptors up to a comma. Addresses may themselves hold commas
// (data: URIs), so the split is by position, not by a plain split(',').
QList<Candidate> parseSrcset(const QString &srcset)
{
    QList<Candidate> candidates;
    qsizetype pos = 0;
    const qsizetype size = srcset.size();
    while (pos < size) {
        while (pos < size && (srcset.at(pos).isSpace() || srcset.at(pos) == u','))
            ++pos;
        const qsizetype start = pos;
        while (pos < size && !srcset.at(pos).isSpace())
            ++pos;
        Candidate candidate;
        candidate.address = srcset.mid(start, pos - start);
        QString descriptors;
        if (candidate.address.endsWith(u',')) {
            while (candidate.address.endsWith(u','))
                candidate.address.chop(1);
        } else {
            int parentheses = 0;
            while (pos < size && (parentheses > 0 || srcset.at(pos) != u',')) {
                parentheses += srcset.at(pos) == u'(' ? 1 : srcset.at(pos) == u')' ? -1 : 0;
                descriptors += srcset.at(pos++);
            }
        }
        const QStringList parts = descriptors.split(u' ', Qt::SkipEmptyParts);
        for (const QString &descriptor : parts) {
            bool ok = false;
            if (descriptor.endsWith(u'w')) {
                const int width = descriptor.chopped(1).toInt(&ok);
                if (ok)
                    candidate.width = width;
            } else if (descriptor.endsWith(u'x')) {
                const double density = descriptor.chopped(1).toDouble(&ok);
                if (ok)
                    candidate.density = density;
            }
        }
        if (!candidate.address.isEmpty())
            candidates.append(candidate);
    }
    return candidates;
}

bool isSupportedSourceType(const QString &type)
{
    static const QStringList supported = {u"image/jpeg"_s, u"image/png"_s, u"image/gif"_s, u"image/webp"_s};
    return type.isEmpty() || supported.contains(type.trimmed().toLower());
}

} // namespace

QStringList srcsetCandidates(const QString &srcset)
{
    QList<Candidate> candidates = parseSrcset(srcset);
    const auto score = [](const Candidate &candidate) {
        const double width = candidate.width > 0 ? candidate.width : candidate.density * 1000;
        // Sensible sizes from the largest down, then the oversized ones from the smallest up.
        return width <= PreferredMaximumWidth ? width : PreferredMaximumWidth - width;
    };
    std::stable_sort(candidates.begin(), candidates.end(),
                     [&](const Candidate &a, const Candidate &b) { return score(a) > score(b); });
    QStringList addresses;
    for (const Candidate &candidate : std::as_const(candidates))
        addresses.append(candidate.address);
    return addresses;
}

QStringList imageCandidates(const GumboNode *image)
{
    QStringList addresses;
    const auto add = [&](const QStringList &more) {
        for (const QString &address : more) {
            const QString clean = cleanAddress(address);
            if (!clean.isEmpty() && !addresses.contains(clean))
                addresses.append(clean);
        }
    };
    for (const char *name : {"srcset", "data-srcset", "data-lazy-srcset"})
        add(srcsetCandidates(PageHtml::attribute(image, name)));
    const GumboNode *parent = image->parent;
    if (parent && PageHtml::elementName(parent) == "picture"_L1) {
        const GumboVector &children = parent->v.element.children;
        for (unsigned int i = 0; i < children.length; ++i) {
            const auto *child = static_cast<const GumboNode *>(children.data[i]);
            if (!PageHtml::isElement(child, GUMBO_TAG_SOURCE) ||
                !isSupportedSourceType(PageHtml::attribute(child, "type")))
                continue;
            add(srcsetCandidates(PageHtml::attribute(child, "srcset")));
            add(srcsetCandidates(PageHtml::attribute(child, "data-srcset")));
        }
    }
    for (const char *name : {"data-src", "data-lazy-src", "data-original", "data-hi-res-src", "data-full-src",
                             "data-url", "src"})
        add({PageHtml::attribute(image, name)});
    return addresses;
}

ImageLoader::ImageLoader(ImageSources sources)
    : m_sources(std::move(sources))
{
    if (!m_sources.pageFolder.isEmpty())
        m_canonicalFolder = QFileInfo(m_sources.pageFolder).canonicalFilePath();
}

QUrl ImageLoader::resolve(const QString &address) const
{
    if (isDataUri(address))
        return {};
    // "//cdn.example.com/a.jpg" in a page read from a file still means the web, not a file share.
    if (address.startsWith("//"_L1) && !isWebUrl(m_sources.baseUrl))
        return QUrl(u"https:"_s + address);
    const QUrl url(address);
    if (!url.isValid())
        return {};
    return url.isRelative() && m_sources.baseUrl.isValid() ? m_sources.baseUrl.resolved(url) : url;
}

QString ImageLoader::sniffMimeType(const QByteArray &data)
{
    if (data.startsWith("\x89PNG\r\n\x1a\n"))
        return u"image/png"_s;
    if (data.startsWith("\xff\xd8\xff"))
        return u"image/jpeg"_s;
    if (data.startsWith("GIF87a") || data.startsWith("GIF89a"))
        return u"image/gif"_s;
    if (data.size() >= 12 && data.startsWith("RIFF") && data.mid(8, 4) == "WEBP")
        return u"image/webp"_s;
    QByteArray head = data.left(1024).trimmed().toLower();
    if (head.startsWith("\xef\xbb\xbf"))
        head = head.mid(3);
    if ((head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!--") ||
         head.startsWith("<!doctype svg")) &&
        data.left(64 * 1024).toLower().contains("<svg"))
        return u"image/svg+xml"_s;
    return {};
}

LoadedImage ImageLoader::fromBytes(const QByteArray &data) const
{
    LoadedImage image;
    if (data.size() > MaximumImageSize) {
        image.status = LoadedImage::Status::TooLarge;
        return image;
    }
    image.mimeType = sniffMimeType(data);
    if (image.mimeType.isEmpty() || image.mimeType == "image/svg+xml"_L1) {
        image.status = LoadedImage::Status::NotPicture;
        return image;
    }
    QByteArray copy = data; // QBuffer wants a non-const array; this copy is shared, not duplicated
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    QSize size = reader.size();
    if (!size.isValid() && image.mimeType == "image/webp"_L1)
        size = webpSize(data);
    if (!size.isValid() || size.isEmpty()) {
        image.status = LoadedImage::Status::NotPicture; // the right first bytes, but damaged
        return image;
    }
    image.width = size.width();
    image.height = size.height();
    // One- or two-pixel images are spacers and trackers, not pictures.
    image.status = image.width <= 2 && image.height <= 2 ? LoadedImage::Status::Placeholder
                                                         : LoadedImage::Status::Loaded;
    image.data = data;
    return image;
}

QStringList ImageLoader::folderPaths(const QString &address, const QUrl &url) const
{
    QStringList paths;
    const QUrl written(address);
    if (written.isRelative() && !address.startsWith("//"_L1))
        paths.append(written.path(QUrl::FullyDecoded));
    const QUrl &base = m_sources.baseUrl;
    if (isWebUrl(url) && isWebUrl(base) && url.host() == base.host()) {
        // The page's own address was the base: "story_files/a.jpg" became
        // "https://site/news/story_files/a.jpg".
        const QString folder = base.path(QUrl::FullyDecoded).section(u'/', 0, -2) + u'/';
        const QString path = url.path(QUrl::FullyDecoded);
        if (path.startsWith(folder))
            paths.append(path.mid(folder.size()));
    }
    // Browsers save a page's files in "<page name>_files"; find that folder in any address.
    const QStringList segments = url.path(QUrl::FullyDecoded).split(u'/');
    for (qsizetype i = segments.size() - 2; i >= 0; --i) {
        if (segments.at(i).endsWith("_files"_L1)) {
            paths.append(segments.mid(i).join(u'/'));
            break;
        }
    }
    paths.removeDuplicates();
    return paths;
}

LoadedImage ImageLoader::fromFolder(const QString &address, const QUrl &url) const
{
    LoadedImage result;
    if (m_canonicalFolder.isEmpty())
        return result;
    QStringList paths;
    if (url.isLocalFile())
        paths.append(url.toLocalFile());
    else
        paths = folderPaths(address, url);
    for (const QString &path : std::as_const(paths)) {
        if (path.isEmpty())
            continue;
        const bool absolute = QDir::isAbsolutePath(path);
        if (!absolute && path.split(u'/').contains(".."_L1)) {
            result.status = LoadedImage::Status::OutsideFolder;
            continue;
        }
        const QFileInfo info(absolute ? path : m_sources.pageFolder + u'/' + path);
        const QString canonical = info.canonicalFilePath();
        if (canonical.isEmpty())
            continue;
        if (!canonical.startsWith(m_canonicalFolder + u'/')) { // a symbolic link or a file: URL elsewhere
            result.status = LoadedImage::Status::OutsideFolder;
            continue;
        }
        if (!info.isFile())
            continue;
        if (info.size() > MaximumImageSize) {
            result.status = LoadedImage::Status::TooLarge;
            continue;
        }
        if (!LibraryFiles::refusal(canonical).isEmpty())
            continue; // a page naming the library as its picture must not make us open it
        QFile file(canonical);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        return fromBytes(file.readAll());
    }
    return result;
}

LoadedImage ImageLoader::loadLocal(const QString &address, const QUrl &url) const
{
    if (isDataUri(address)) {
        const DataUri decoded = decodeDataUri(address);
        if (decoded.tooLarge) {
            LoadedImage image;
            image.status = LoadedImage::Status::TooLarge;
            return image;
        }
        return fromBytes(decoded.data);
    }
    if (m_sources.archive) {
        std::optional<Resource> resource;
        if (url.isValid())
            resource = m_sources.archive->resource(url);
        if (!resource)
            resource = m_sources.archive->resource(QUrl(address));
        if (resource)
            return fromBytes(resource->data);
    }
    return fromFolder(address, url);
}

LoadedImage ImageLoader::load(const QStringList &candidates, bool allowFetch)
{
    LoadedImage worst;
    worst.status = LoadedImage::Status::Placeholder;
    bool sawAny = false;
    QString shown;
    QString firstWebUrl;
    for (const QString &address : candidates) {
        const QUrl url = resolve(address);
        if (isWebUrl(url) && firstWebUrl.isEmpty())
            firstWebUrl = url.toString(QUrl::FullyEncoded);
        if (shown.isEmpty() && !isDataUri(address))
            shown = url.isValid() ? url.toString() : address;
    }
    const auto webUrlOtherThan = [&](const QString &loaded) {
        for (const QString &address : candidates) {
            const QUrl url = resolve(address);
            if (address != loaded && isWebUrl(url))
                return url.toString(QUrl::FullyEncoded);
        }
        return QString();
    };
    const auto finish = [&](LoadedImage image, const QString &webUrl) {
        image.sourceUrl = webUrl;
        image.shownUrl = shown.isEmpty() ? u"(an image embedded in the page)"_s : shown;
        return image;
    };

    for (const QString &address : candidates) {
        const QUrl url = resolve(address);
        LoadedImage image = loadLocal(address, url);
        if (image.status == LoadedImage::Status::Loaded) {
            // An MHTML part keeps its original address; a file in the page's folder or a data: URI does not,
            // so the best address the page gives stands for it.
            const bool fromArchive = m_sources.archive && isWebUrl(url) && m_sources.archive->resource(url);
            return finish(image, fromArchive ? url.toString(QUrl::FullyEncoded) : webUrlOtherThan(address));
        }
        sawAny = true;
        if (image.status > worst.status)
            worst = image;
    }
    if (allowFetch && m_sources.fetch) {
        int attempts = 0;
        for (const QString &address : candidates) {
            const QUrl url = resolve(address);
            if (!isWebUrl(url) || attempts >= 2 || m_fetches >= MaximumFetches)
                continue;
            ++attempts;
            ++m_fetches;
            const std::optional<Resource> resource = m_sources.fetch(url);
            LoadedImage image = resource ? fromBytes(resource->data) : LoadedImage();
            if (image.status == LoadedImage::Status::Loaded)
                return finish(image, url.toString(QUrl::FullyEncoded));
            if (image.status > worst.status)
                worst = image;
        }
    }
    if (!sawAny)
        worst.status = LoadedImage::Status::Unavailable;
    // A placeholder in src with the real picture named elsewhere (data-src) means the picture is missing.
    if (worst.status == LoadedImage::Status::Placeholder && !firstWebUrl.isEmpty())
        worst.status = LoadedImage::Status::Unavailable;
    worst.data.clear();
    return finish(worst, firstWebUrl);
}

} // namespace Copydesk
