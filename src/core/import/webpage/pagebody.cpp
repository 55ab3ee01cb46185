#include <import/webpage/pagebody.h>

#include <html/htmlsanitizer.h>
#include <html/pagehtml.h>
#include <import/webpage/pageimages.h>

#include <QCryptographicHash>
#include <QHash>
#include <QSet>

#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

struct FoundImage
{
    const GumboNode *node = nullptr;
    QStringList candidates;
    QStringList keys; // the candidates' absolute addresses, for matching the metadata's images
    PictureCredit figure;
    QString altText;
    LoadedImage loaded;
    const MetadataImage *metadata = nullptr;
    qsizetype articleIndex = -1;
};

struct Walk
{
    QList<const GumboNode *> images;
    QList<const GumboNode *> blockquotes;
};

void collect(const GumboNode *node, Walk &walk, int depth)
{
    if (node->type != GUMBO_NODE_ELEMENT || depth > 256)
        return;
    const GumboElement &element = node->v.element;
    if (element.tag_namespace != GUMBO_NAMESPACE_HTML || element.tag == GUMBO_TAG_SCRIPT ||
        element.tag == GUMBO_TAG_STYLE || element.tag == GUMBO_TAG_NOSCRIPT ||
        element.tag == GUMBO_TAG_TEMPLATE)
        return; // never written out, so nothing in them counts
    if (element.tag == GUMBO_TAG_IMG) {
        walk.images.append(node);
        return;
    }
    if (element.tag == GUMBO_TAG_BLOCKQUOTE)
        walk.blockquotes.append(node);
    for (unsigned int i = 0; i < element.children.length; ++i)
        collect(static_cast<const GumboNode *>(element.children.data[i]), walk, depth + 1);
}

QString urlKey(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveFragment).toString(QUrl::FullyEncoded);
}

// The same picture is often named with different resizing parameters in the metadata and in the body.
QString pathKey(const QUrl &url)
{
    return url.host().toLower() + url.path();
}

bool matches(const FoundImage &image, const QUrl &url)
{
    if (!url.isValid() || url.isRelative())
        return false;
    for (const QString &key : image.keys) {
        const QUrl candidate(key);
        if (key == urlKey(url) || (!url.path().isEmpty() && pathKey(candidate) == pathKey(url)))
            return true;
    }
    return false;
}

// width="1" height="1": a tracking pixel, not worth loading or reporting.
bool isTracker(const GumboNode *image)
{
    bool wideOk = false;
    bool highOk = false;
    const int width = PageHtml::attribute(image, "width").trimmed().toInt(&wideOk);
    const int height = PageHtml::attribute(image, "height").trimmed().toInt(&highOk);
    return wideOk && highOk && width <= 2 && height <= 2;
}

bool isBlankText(const GumboNode *node)
{
    return node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_COMMENT;
}

// What goes when the picture goes: its figure when the figure holds nothing else of note, else the picture
// with the wrappers (a link, a paragraph) that hold nothing but it.
const GumboNode *removableFor(const GumboNode *image, const QHash<const GumboNode *, int> &imagesInFigure)
{
    if (const GumboNode *figure = PageFigures::figureForImage(image);
        figure && imagesInFigure.value(figure) == 1)
        return figure;
    const GumboNode *node = image;
    for (int level = 0; level < 4 && node->parent && node->parent->type == GUMBO_NODE_ELEMENT; ++level) {
        const GumboNode *parent = node->parent;
        const GumboTag tag = parent->v.element.tag;
        if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_FIGURE ||
            tag == GUMBO_TAG_TD || tag == GUMBO_TAG_LI || tag == GUMBO_TAG_BLOCKQUOTE)
            break;
        bool alone = true;
        const GumboVector &children = parent->v.element.children;
        for (unsigned int i = 0; i < children.length && alone; ++i) {
            const auto *child = static_cast<const GumboNode *>(children.data[i]);
            alone = child == node || isBlankText(child) || PageHtml::isElement(child, GUMBO_TAG_SOURCE);
        }
        if (!alone)
            break;
        node = parent;
    }
    return node;
}

ArticleImage toArticleImage(const FoundImage &found)
{
    ArticleImage image;
    if (found.loaded.status == LoadedImage::Status::Loaded) {
        image.data = found.loaded.data;
        image.mimeType = found.loaded.mimeType;
        image.width = found.loaded.width;
        image.height = found.loaded.height;
    }
    image.caption = found.figure.caption;
    image.credit = found.figure.credit;
    image.creditLine = found.figure.creditLine;
    image.copyright = found.figure.copyright;
    image.altText = found.altText;
    image.sourceUrl = found.loaded.sourceUrl;
    if (const MetadataImage *metadata = found.metadata) {
        if (image.caption.isEmpty())
            image.caption = metadata->caption;
        if (image.credit.isEmpty())
            image.credit = metadata->credit;
        if (image.copyright.isEmpty())
            image.copyright = metadata->copyright;
        if (image.altText.isEmpty())
            image.altText = metadata->altText;
        image.licence = metadata->licence;
    }
    return image;
}

bool isWorthKeeping(const ArticleImage &image)
{
    return image.hasData() || !image.sourceUrl.isEmpty() || !image.caption.isEmpty() ||
           !image.credit.isEmpty() || !image.altText.isEmpty();
}

QString imageKey(const ArticleImage &image)
{
    if (image.hasData())
        return QString::fromLatin1(QCryptographicHash::hash(image.data, QCryptographicHash::Sha1).toHex());
    return image.sourceUrl.isEmpty() ? QString() : u"url:"_s + image.sourceUrl;
}

QString countedWarning(const QList<const FoundImage *> &images, const QString &one, const QString &many)
{
    if (images.isEmpty())
        return {};
    const QString first = images.first()->loaded.shownUrl;
    return images.size() == 1 ? one.arg(first) : many.arg(images.size()).arg(first);
}

std::optional<Quote> quoteFrom(const GumboNode *blockquote)
{
    if (PageHtml::classOrItempropContains(blockquote, {u"tweet"_s, u"instagram"_s, u"tiktok"_s}))
        return std::nullopt; // embedded posts: their attribution is not a quoted speaker
    const GumboNode *speaker = PageHtml::findFirst(blockquote, GUMBO_TAG_CITE);
    if (!speaker && PageHtml::isElement(blockquote->parent, GUMBO_TAG_FIGURE))
        speaker = PageHtml::findFirst(blockquote->parent, GUMBO_TAG_FIGCAPTION);
    if (!speaker)
        return std::nullopt;
    QString name = PageHtml::textOf(speaker);
    while (!name.isEmpty() && QStringView(u"\u2014\u2013\u2015-~ ").contains(name.front()))
        name.remove(0, 1);
    QString text = PageHtml::textOf(blockquote, [&](const GumboNode *node) { return node == speaker; });
    if (name.isEmpty() || text.isEmpty())
        return std::nullopt;
    Quote quote;
    quote.text = text;
    const qsizetype comma = name.indexOf(", "_L1);
    quote.speaker = comma < 0 ? name : name.left(comma);
    quote.speakerRole = comma < 0 ? QString() : name.mid(comma + 2);
    return quote;
}

} // namespace

PageBody buildPageBody(const QString &contentHtml, const PageMetadata &metadata, ImageLoader &loader)
{
    PageBody result;
    const PageHtml::Document document(contentHtml);
    const GumboNode *body = document ? PageHtml::findFirst(document->root, GUMBO_TAG_BODY) : nullptr;
    if (!body)
        return result;
    Walk walk;
    collect(body, walk, 0);

    QHash<const GumboNode *, int> imagesInFigure;
    for (const GumboNode *image : std::as_const(walk.images)) {
        if (const GumboNode *figure = PageFigures::figureForImage(image))
            ++imagesInFigure[figure];
    }
    QSet<const GumboNode *> removed;
    QList<FoundImage> found;
    for (const GumboNode *image : std::as_const(walk.images)) {
        FoundImage entry;
        entry.node = image;
        entry.candidates = imageCandidates(image);
        if (entry.candidates.isEmpty() || isTracker(image)) {
            removed.insert(removableFor(image, imagesInFigure));
            continue;
        }
        entry.loaded = loader.load(entry.candidates);
        if (entry.loaded.status == LoadedImage::Status::Placeholder) {
            removed.insert(removableFor(image, imagesInFigure));
            continue;
        }
        for (const QString &candidate : std::as_const(entry.candidates)) {
            if (const QUrl url = loader.resolve(candidate); url.isValid() && !url.isRelative())
                entry.keys.append(urlKey(url));
        }
        entry.figure = PageFigures::figureTextForImage(image);
        entry.altText = PageHtml::foldWhitespace(PageHtml::attribute(image, "alt"));
        found.append(entry);
    }

    // The lead picture: the metadata's image when the body has it, else when it is at hand (or, for a
    // download without pictures in the body, when it can be fetched), else the body's first picture.
    qsizetype lead = -1;
    std::optional<ArticleImage> extraLead;
    for (const MetadataImage &image : metadata.images) {
        const QUrl url = loader.resolve(image.url);
        for (qsizetype i = 0; i < found.size(); ++i) {
            if (!found.at(i).metadata && matches(found.at(i), url)) {
                found[i].metadata = &image;
                if (lead < 0)
                    lead = i;
            }
        }
    }
    for (qsizetype m = 0; m < metadata.images.size() && lead < 0 && !extraLead; ++m) {
        const MetadataImage &image = metadata.images.at(m);
        const LoadedImage loaded = loader.load({image.url}, found.isEmpty());
        if (loaded.status != LoadedImage::Status::Loaded)
            continue;
        for (qsizetype i = 0; i < found.size() && lead < 0; ++i) {
            if (found.at(i).loaded.data == loaded.data)
                lead = i;
        }
        if (lead < 0) {
            FoundImage entry;
            entry.loaded = loaded;
            entry.metadata = &image;
            entry.figure.caption = image.caption;
            entry.figure.credit = image.credit;
            extraLead = toArticleImage(entry);
        }
    }
    for (qsizetype i = 0; i < found.size() && lead < 0 && !extraLead; ++i) {
        if (found.at(i).loaded.status == LoadedImage::Status::Loaded)
            lead = i;
    }
    if (lead < 0 && !extraLead && !found.isEmpty())
        lead = 0;

    // Article::images: the lead first, then the body's pictures in order; the same picture twice is one.
    QHash<QString, qsizetype> byKey;
    const auto addImage = [&](ArticleImage image, bool isLead) -> qsizetype {
        if (!isWorthKeeping(image))
            return -1;
        const QString key = imageKey(image);
        if (!key.isEmpty() && byKey.contains(key))
            return byKey.value(key);
        image.role = isLead ? ImageRole::Lead : ImageRole::Inline;
        result.images.append(image);
        if (!key.isEmpty())
            byKey.insert(key, result.images.size() - 1);
        return result.images.size() - 1;
    };
    if (extraLead)
        addImage(*extraLead, true);
    if (lead >= 0) {
        found[lead].articleIndex = addImage(toArticleImage(found.at(lead)), true);
        removed.insert(removableFor(found.at(lead).node, imagesInFigure));
    }
    QList<const FoundImage *> unavailable, outside, notPictures, tooLarge;
    QHash<const GumboNode *, qsizetype> indexOf;
    for (qsizetype i = 0; i < found.size(); ++i) {
        FoundImage &entry = found[i];
        if (i != lead)
            entry.articleIndex = addImage(toArticleImage(entry), false);
        switch (entry.loaded.status) {
        case LoadedImage::Status::Loaded:
            if (i != lead && entry.articleIndex >= 0)
                indexOf.insert(entry.node, entry.articleIndex);
            continue;
        case LoadedImage::Status::OutsideFolder:
            outside.append(&entry);
            break;
        case LoadedImage::Status::NotPicture:
            notPictures.append(&entry);
            break;
        case LoadedImage::Status::TooLarge:
            tooLarge.append(&entry);
            break;
        default:
            unavailable.append(&entry);
            break;
        }
        if (i != lead)
            removed.insert(removableFor(entry.node, imagesInFigure));
    }
    for (const QString &warning :
         {countedWarning(unavailable, u"1 image is not saved with the page and was not downloaded: %1"_s,
                         u"%1 images are not saved with the page and were not downloaded: %2…"_s),
          countedWarning(outside, u"1 image points outside the page's folder and was not read: %1"_s,
                         u"%1 images point outside the page's folder and were not read: %2…"_s),
          countedWarning(notPictures,
                         u"1 image is not a picture Copydesk keeps (SVG, unknown or damaged): %1"_s,
                         u"%1 images are not pictures Copydesk keeps (SVG, unknown or damaged): %2…"_s),
          countedWarning(tooLarge, u"1 image is larger than 20 MiB and was not kept: %1"_s,
                         u"%1 images are larger than 20 MiB and were not kept: %2…"_s)}) {
        if (!warning.isEmpty())
            result.warnings.append(warning);
    }

    const QString scheme = QString::fromLatin1(HtmlSanitizer::ImageScheme);
    const auto writeImage = [&](const GumboNode *image, QString &out) {
        if (!indexOf.contains(image))
            return;
        out += u"<img src=\""_s + scheme + u':' + QString::number(indexOf.value(image)) + u'"';
        const QString alt = PageHtml::attribute(image, "alt");
        if (!alt.isEmpty())
            out += u" alt=\""_s + PageHtml::escapeAttribute(alt) + u'"';
        out += u'>';
    };
    // A picture kept in the body whose figure is a list item (a gallery written as a list) is written as a
    // figure with its caption, and its list is split around it: the caption is no entry of the list.
    QHash<const GumboNode *, const GumboNode *> pictureOfItem;
    for (const FoundImage &entry : std::as_const(found)) {
        const GumboNode *figure = PageFigures::figureForImage(entry.node);
        if (indexOf.contains(entry.node) && PageFigures::isPictureListItem(figure) &&
            !removed.contains(figure))
            pictureOfItem.insert(figure, entry.node);
    }
    PageHtml::ElementWriter writer;
    const auto writePictureItem = [&](const GumboNode *item, QString &out) {
        out += u"<figure>"_s;
        writeImage(pictureOfItem.value(item), out);
        if (const QString caption = PageHtml::textOf(item); !caption.isEmpty())
            out += u"<figcaption>"_s + PageHtml::escapeText(caption) + u"</figcaption>"_s;
        out += u"</figure>"_s;
    };
    const auto writeListAroundPictures = [&](const GumboNode *list, QString &out) {
        const QString name = PageHtml::elementName(list);
        bool open = false;
        const GumboVector &children = list->v.element.children;
        for (unsigned int i = 0; i < children.length; ++i) {
            const auto *child = static_cast<const GumboNode *>(children.data[i]);
            if (pictureOfItem.contains(child)) {
                if (std::exchange(open, false))
                    out += u"</"_s + name + u'>';
                writePictureItem(child, out);
                continue;
            }
            if (!open && !isBlankText(child) && !removed.contains(child)) {
                out += u'<' + name + u'>';
                open = true;
            }
            PageHtml::serialize(child, out, writer);
        }
        if (open)
            out += u"</"_s + name + u'>';
    };
    const auto holdsPictureItem = [&](const GumboNode *list) {
        const GumboVector &children = list->v.element.children;
        for (unsigned int i = 0; i < children.length; ++i) {
            if (pictureOfItem.contains(static_cast<const GumboNode *>(children.data[i])))
                return true;
        }
        return false;
    };
    writer = [&](const GumboNode *node, QString &out) {
        if (removed.contains(node) || PageHtml::isElement(node, GUMBO_TAG_SOURCE))
            return true;
        if ((PageHtml::isElement(node, GUMBO_TAG_UL) || PageHtml::isElement(node, GUMBO_TAG_OL)) &&
            holdsPictureItem(node)) {
            writeListAroundPictures(node, out);
            return true;
        }
        if (PageHtml::isElement(node, GUMBO_TAG_IMG)) {
            writeImage(node, out);
            return true;
        }
        if (PageHtml::elementName(node) == "picture"_L1) { // the <img> alone stands for it
            if (const GumboNode *image = PageHtml::findFirst(node, GUMBO_TAG_IMG);
                image && !removed.contains(image))
                writeImage(image, out);
            return true;
        }
        return false;
    };
    const GumboVector &children = body->v.element.children;
    for (unsigned int i = 0; i < children.length; ++i)
        PageHtml::serialize(static_cast<const GumboNode *>(children.data[i]), result.html, writer);

    for (const GumboNode *blockquote : std::as_const(walk.blockquotes)) {
        if (const std::optional<Quote> quote = quoteFrom(blockquote))
            result.quotes.append(*quote);
    }
    return result;
}

} // namespace Copydesk
