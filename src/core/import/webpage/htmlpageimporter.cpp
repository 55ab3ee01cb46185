#include <import/webpage/htmlpageimporter.h>

#include <encoding/textdecoder.h>
#include <html/htmltext.h>
#include <html/pagehtml.h>
#include <import/webpage/mhtmlarchive.h>
#include <import/webpage/pagebody.h>
#include <import/webpage/pageextractor.h>
#include <import/webpage/pageimages.h>
#include <import/webpage/pagemetadata.h>

#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

constexpr qint64 MaximumPageSize = 50 * 1024 * 1024;
constexpr int ArchiveConfidence = 95;
constexpr int NamedConfidence = 90;   // .html or text/html
constexpr int SniffedConfidence = 85; // above the plain-text importer's 80 for a .txt that is really HTML

enum class PageKind
{
    None,
    Html,
    SniffedHtml,
    Mhtml
};

QString suffixOf(const ImportSource &source)
{
    if (!source.fileName.isEmpty())
        return QFileInfo(source.fileName).suffix().toLower();
    return QFileInfo(source.url.path()).suffix().toLower();
}

QString mimeTypeOf(const QString &contentType)
{
    return contentType.section(u';', 0, 0).trimmed().toLower();
}

bool hasWideBom(const QByteArray &bytes)
{
    return bytes.startsWith("\xff\xfe") || bytes.startsWith("\xfe\xff");
}

// NUL bytes never occur in text in an 8-bit or UTF-8 encoding; other formats announce themselves.
bool looksBinary(const QByteArray &bytes)
{
    static const QList<QByteArray> magic = {"%PDF",     "PK\x03\x04", "\x89PNG", "\xff\xd8\xff", "GIF8",
                                            "\x1f\x8b", "BZh",        "\177ELF", "Rar!"};
    for (const QByteArray &start : magic) {
        if (bytes.startsWith(start))
            return true;
    }
    return !hasWideBom(bytes) && bytes.left(64 * 1024).contains('\0');
}

// "<!doctype html" or "<html" at the start, after white space, a byte-order mark, comments (the
// "saved from url" one) and an XML declaration.
bool sniffHtml(const QByteArray &bytes)
{
    QByteArray head = bytes.left(8 * 1024).toLower();
    if (head.startsWith("\xef\xbb\xbf"))
        head.remove(0, 3);
    qsizetype pos = 0;
    for (int skipped = 0; skipped < 16; ++skipped) {
        while (pos < head.size() && QChar::isSpace(uchar(head.at(pos))))
            ++pos;
        const QByteArrayView rest = QByteArrayView(head).sliced(pos);
        if (rest.startsWith("<!doctype html") || rest.startsWith("<html"))
            return true;
        const char *close = rest.startsWith("<!--") ? "-->" : rest.startsWith("<?xml") ? "?>" : nullptr;
        if (!close)
            return false;
        const qsizetype end = head.indexOf(close, pos);
        if (end < 0)
            return false;
        pos = end + qsizetype(qstrlen(close));
    }
    return false;
}

PageKind kindOf(const ImportSource &source)
{
    const QString suffix = suffixOf(source);
    const QString mimeType = mimeTypeOf(source.contentType);
    if (MhtmlArchive::looksLikeMhtml(source.bytes))
        return PageKind::Mhtml;
    // Named as an archive but holding a plain page (some tools do that): the content decides.
    const bool namedArchive = suffix == "mht"_L1 || suffix == "mhtml"_L1 ||
                              mimeType == "multipart/related"_L1 || mimeType == "message/rfc822"_L1 ||
                              mimeType == "application/x-mimearchive"_L1;
    if (namedArchive && !sniffHtml(source.bytes))
        return PageKind::Mhtml;
    if (source.bytes.isEmpty() || looksBinary(source.bytes))
        return PageKind::None;
    static const QStringList htmlSuffixes = {u"html"_s, u"htm"_s, u"xhtml"_s, u"shtml"_s};
    if (namedArchive || htmlSuffixes.contains(suffix) || mimeType == "text/html"_L1 ||
        mimeType == "application/xhtml+xml"_L1)
        return PageKind::Html;
    return sniffHtml(source.bytes) ? PageKind::SniffedHtml : PageKind::None;
}

bool isWebUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == "http"_L1 || url.scheme() == "https"_L1) &&
           !url.host().isEmpty();
}

// Text with many control characters came from a binary file read as text.
bool isMostlyControl(const QString &text)
{
    qsizetype controls = 0;
    const qsizetype sample = qMin<qsizetype>(text.size(), 64 * 1024);
    for (qsizetype i = 0; i < sample; ++i) {
        const char16_t c = text.at(i).unicode();
        if (c < 0x20 && c != u'\t' && c != u'\n' && c != u'\r' && c != u'\f')
            ++controls;
    }
    return sample > 0 && controls * 20 > sample;
}

// Letters and digits only, in lower case: "The Coastal Courier" and "the coastal courier" name one site.
QString nameKey(const QString &name)
{
    QString key;
    for (const QChar c : name) {
        if (c.isLetterOrNumber())
            key += c.toLower();
    }
    return key;
}

QString withoutBy(const QString &byline)
{
    static const QRegularExpression by(uR"(^\s*by\s+)"_s, QRegularExpression::CaseInsensitiveOption);
    return QString(byline).remove(by);
}

// "By Maria Lind" where the byline is "Maria Lind": the same names, with or without the word.
bool isTheByline(const QString &text, const QString &byline)
{
    const QString key = nameKey(withoutBy(byline));
    return !key.isEmpty() && nameKey(withoutBy(text)) == key;
}

// A page that names its author in its metadata keeps its "By ..." line in the text Readability finds (it
// looks for a byline in the page only when the metadata has none); the byline field has the names
// already, and the line would otherwise open the body and be taken for the standfirst.
QString withoutLeadingByline(const QString &bodyHtml, const QString &byline)
{
    // The first paragraph, with nothing to read before it (wrappers such as <article> or <div> may be).
    static const QRegularExpression paragraph(uR"(<p\b[^>]*>(.*?)</p>)"_s,
                                              QRegularExpression::DotMatchesEverythingOption |
                                                  QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = paragraph.match(bodyHtml);
    if (!match.hasMatch() || !HtmlText::plainText(bodyHtml.left(match.capturedStart())).trimmed().isEmpty() ||
        !isTheByline(HtmlText::plainText(match.captured(1)), byline))
        return bodyHtml;
    return bodyHtml.left(match.capturedStart()) + bodyHtml.mid(match.capturedEnd());
}

// " | The Coastal Courier", " - Mara Lindqvist": many pages end their titles with the site's name or the
// author's. Such an end is cut only when it is one of those names, so "Tram approved - Analysis" or
// "Budget 2025 | Opinion" keep theirs; several such ends ("… - Jo Kim - Medium") all go.
QString withoutSiteOrAuthorSuffix(QString headline, const QStringList &names)
{
    QSet<QString> keys;
    for (const QString &name : names) {
        if (const QString key = nameKey(withoutBy(name)); !key.isEmpty())
            keys.insert(key);
    }
    static const QRegularExpression separator(uR"(\s+(?:[|\-\x{2013}\x{2014}\x{00b7}\x{00bb}/]|::)\s+)"_s);
    for (;;) {
        qsizetype at = -1;
        qsizetype length = 0;
        for (QRegularExpressionMatchIterator it = separator.globalMatch(headline); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            at = match.capturedStart();
            length = match.capturedLength();
        }
        if (at <= 0 || !keys.contains(nameKey(headline.mid(at + length))))
            return headline;
        const QString rest = headline.left(at).trimmed();
        if (nameKey(rest).isEmpty())
            return headline;
        headline = rest;
    }
}

QString chooseHeadline(const ExtractedPage &page, const PageMetadata &metadata)
{
    // As Readability gives it, but for the ends: what the page says, to the letter.
    QString headline = page.title.trimmed();
    if (headline.isEmpty()) {
        for (const QString &candidate : {metadata.jsonLdHeadline, metadata.ogTitle, metadata.headline}) {
            if (!candidate.isEmpty()) {
                headline = candidate;
                break;
            }
        }
    } else if (headline.endsWith(u'\u2026') || headline.endsWith("..."_L1)) {
        // Reader views sometimes carry a shortened title; the structured data has the whole of it.
        QString stem = headline;
        while (stem.endsWith(u'.') || stem.endsWith(u'\u2026'))
            stem.chop(1);
        for (const QString &candidate : {metadata.jsonLdHeadline, metadata.ogTitle}) {
            if (candidate.size() > stem.size() && candidate.startsWith(stem.trimmed())) {
                headline = candidate;
                break;
            }
        }
    }
    QStringList names = {page.siteName, metadata.siteName, metadata.publisher, page.byline, metadata.byline};
    names += metadata.authors;
    return withoutSiteOrAuthorSuffix(headline, names);
}

QString firstNonEmpty(std::initializer_list<QString> values)
{
    for (const QString &value : values) {
        if (!value.trimmed().isEmpty())
            return value.trimmed();
    }
    return {};
}

} // namespace

HtmlPageImporter::HtmlPageImporter(PageExtractor &extractor)
    : m_extractor(extractor)
{}

QString HtmlPageImporter::name() const
{
    return u"web page"_s;
}

int HtmlPageImporter::confidence(const ImportSource &source) const
{
    switch (kindOf(source)) {
    case PageKind::Mhtml:
        return ArchiveConfidence;
    case PageKind::Html:
        return NamedConfidence;
    case PageKind::SniffedHtml:
        return SniffedConfidence;
    case PageKind::None:
        break;
    }
    return 0;
}

ImportResult HtmlPageImporter::import(const ImportSource &source) const
{
    if (source.bytes.isEmpty())
        return ImportResult::failure(u"the file is empty"_s);
    if (source.bytes.size() > MaximumPageSize)
        return ImportResult::failure(u"too large for a web page (%1 MiB; the limit is %2 MiB)"_s
                                         .arg(source.bytes.size() / (1024 * 1024))
                                         .arg(MaximumPageSize / (1024 * 1024)));
    ImportResult result;
    const PageKind kind = kindOf(source);
    MhtmlArchive archive;
    QByteArray htmlBytes = source.bytes;
    QString contentType = source.contentType;
    if (kind == PageKind::Mhtml) {
        archive = MhtmlArchive::parse(source.bytes);
        if (!archive.isValid())
            return ImportResult::failure(u"not a readable MHTML web archive: %1"_s.arg(archive.error()));
        result.warnings += archive.warnings();
        htmlBytes = archive.html();
        contentType = archive.htmlContentType();
    } else if (looksBinary(source.bytes)) {
        return ImportResult::failure(u"looks like binary data, not a web page"_s);
    }
    if (htmlBytes.trimmed().isEmpty())
        return ImportResult::failure(u"the page is empty"_s);

    const DecodedText decoded = TextDecoder::decode(htmlBytes, TextDecoder::Kind::Html, contentType);
    if (isMostlyControl(decoded.text))
        return ImportResult::failure(u"looks like binary data, not a web page"_s);
    result.warnings += decoded.warnings;
    const PageMetadata metadata = PageMetadata::fromHtml(decoded.text);
    if (!metadata.hasMarkup)
        return ImportResult::failure(
            u"holds no HTML markup, so it is not a web page (import text as .txt)"_s);

    // Where relative addresses in the page point: where it came from, as exactly as that is known.
    QUrl baseUrl;
    for (const QUrl &candidate :
         {source.url, archive.location(), metadata.savedFromUrl, metadata.canonicalUrl}) {
        if (candidate.isValid() && !candidate.isRelative()) {
            baseUrl = candidate;
            break;
        }
    }
    if (!baseUrl.isValid() && !source.fileName.isEmpty())
        baseUrl = QUrl::fromLocalFile(QFileInfo(source.fileName).absoluteFilePath());

    const ExtractedPage page = m_extractor.extract(decoded.text, baseUrl);
    if (!page.error.isEmpty())
        return ImportResult::failure(u"could not find the article in the page: %1"_s.arg(page.error));
    if (page.contentHtml.trimmed().isEmpty())
        return ImportResult::failure(u"could not find the article in the page: it has no main text"_s);
    if (!page.readerable)
        result.warnings.append(u"this page may not be an article (little of it reads as article text); "
                               u"imported anyway"_s);

    Article article;
    article.status = ArticleStatus::Saved;
    // No title at all stays empty (the list shows "Untitled"): a file name such as "source" or "index"
    // would read as a headline that no one wrote.
    article.headline = chooseHeadline(page, metadata);
    article.byline = firstNonEmpty({PageHtml::foldWhitespace(page.byline), metadata.byline});
    for (const QString &candidate : {page.excerpt, metadata.description}) {
        if (!candidate.trimmed().isEmpty() && !isTheByline(candidate, article.byline)) {
            article.standfirst = candidate.trimmed();
            break;
        }
    }
    article.section = metadata.section;
    article.language = firstNonEmpty({page.language, metadata.language});
    article.dateline = metadata.dateline;
    article.publishedAt = parsePageDateTime(page.publishedTime);
    if (!article.publishedAt.isValid())
        article.publishedAt = metadata.publishedAt;
    for (const QUrl &candidate :
         {source.url, archive.location(), metadata.canonicalUrl, metadata.savedFromUrl}) {
        if (isWebUrl(candidate)) {
            article.sourceUrl = candidate.toString();
            break;
        }
    }
    article.sourceName = firstNonEmpty({page.siteName, metadata.siteName, metadata.publisher});

    ImageSources sources;
    sources.archive = kind == PageKind::Mhtml ? &archive : nullptr;
    if (kind != PageKind::Mhtml && !source.fileName.isEmpty())
        sources.pageFolder = QFileInfo(source.fileName).absolutePath();
    sources.baseUrl = baseUrl;
    sources.fetch = source.fetchResource;
    ImageLoader loader(sources);
    PageBody body = buildPageBody(page.contentHtml, metadata, loader);
    article.bodyHtml = withoutLeadingByline(body.html, article.byline);
    article.images = body.images;
    article.quotes = body.quotes;
    result.warnings += body.warnings;
    result.articles.append(article);
    return result;
}

} // namespace Copydesk
