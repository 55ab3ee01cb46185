#pragma once

#include <import/picturecredit.h>

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

struct GumboInternalNode; // gumbo's node type; only the importer's own parts pass these in

namespace Copydesk {

// A picture the page's metadata names (JSON-LD ImageObject, og:image), with what it says about it.
struct MetadataImage
{
    QString url; // as written; resolve against the page's URL before comparing
    QString caption;
    QString altText;
    QString credit;
    QString copyright;
    QString licence;
};

// What a page says about itself in its <head> and structured data: JSON-LD (schema.org NewsArticle and
// kin), OpenGraph, <meta name> conventions (author, description, byl, dc.*, parsely-*, sailthru.*), the
// <html lang>, <link rel=canonical> and the "saved from url=" comment browsers write into saved pages.
// Each field is the best value over those sources, in the order given by its comment.
struct PageMetadata
{
    // JSON-LD headline/name, then dc:title, og:title, meta title, twitter:title, parsely-title,
    // sailthru.title, then the <title> with the site's name cut off.
    QString headline;
    QString documentTitle;  // <title> as written
    QString jsonLdHeadline; // kept apart for the importer's choice between sources
    QString ogTitle;
    // JSON-LD description, then dc:description, og:description, description, twitter:description, ...
    QString description;
    QStringList authors; // JSON-LD authors (persons first), else the meta tags' author
    // The authors as a byline ("A, B and C"), else dc:creator, author, parsely-author, sailthru.author,
    // byl (without its "By"), article:author when it is a name rather than a profile link.
    QString byline;
    QString section;       // JSON-LD articleSection, then article:section, parsely-section, section
    QString language;      // <html lang>, then JSON-LD inLanguage, Content-Language, dc.language, og:locale
    QString siteName;      // og:site_name, then the JSON-LD publisher's name, application-name
    QString publisher;     // the JSON-LD publisher's name alone
    QString dateline;      // JSON-LD dateline
    QString publishedTime; // as written: JSON-LD datePublished, article:published_time, parsely-pub-date, ...
    QDateTime publishedAt; // publishedTime in UTC; null when absent or unreadable
    QUrl canonicalUrl;     // <link rel=canonical>, else og:url (absolute http/https only)
    QUrl savedFromUrl;     // from the "<!-- saved from url=(NNNN)... -->" comment
    QList<MetadataImage> images; // JSON-LD images first, then og:image
    bool hasMarkup = false;      // false when the "HTML" is plain text without a single element

    static PageMetadata fromHtml(const QString &html);
};

// ISO 8601 ("2024-04-20T04:20:00.000Z", "+02:00", "+0200", date only) and RFC 2822
// ("Sat, 20 Apr 2024 04:20:00 GMT") to UTC. A time without an offset is taken as UTC. Null when unreadable.
QDateTime parsePageDateTime(const QString &text);

// Metadata values are sometimes escaped twice ("Tom &amp;amp; Jerry" in the markup): decodes what is left.
QString unescapeHtmlEntities(const QString &text);

namespace PageFigures {

// The element that stands as a picture's figure: a list item that holds nothing but the picture and the words
// about it (a gallery written as a list), else the <figure> (or WordPress caption block) around it. Null
// when the picture stands alone or inside running text.
const GumboInternalNode *figureForImage(const GumboInternalNode *image);
// Whether that figure is a list item, to be written as a figure rather than as an entry of its list.
bool isPictureListItem(const GumboInternalNode *figure);

// The figure around an <img> (see figureForImage()): the <figcaption> text (in a list item without one, the
// item's text), with the credit taken from elements marked as one (class or itemprop containing credit,
// byline, author, copyright, source, photographer) anywhere in the figure, else from the caption's trailing
// credit. Empty when the image is in no figure.
PictureCredit figureTextForImage(const GumboInternalNode *image);

// The same for the first <img> in a piece of HTML (for tests and for callers without a parsed tree).
PictureCredit figureTextForHtml(const QString &html);

} // namespace PageFigures

} // namespace Copydesk
