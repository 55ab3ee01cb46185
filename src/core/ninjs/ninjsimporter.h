#pragma once

#include <import/articleimporter.h>

namespace Copydesk {

// IPTC ninjs ("news in JSON") items, versions 1.x, 2.x and 3.x, as agencies deliver them and as
// NinjsExporter writes them. A file holds one item or a list of items; each text item becomes an article
// (headline, standfirst, byline, dateline, body, tags, times, pictures with captions and credits, related
// items). Picture, video, audio and graphic items without text, and events and planning items, are refused
// with the reason. Pictures keep their bytes only when the file carries them as data: URIs: a ninjs import
// never reaches the network.
//
// How the fields map (what the exporter writes is read back the same way):
//  headline        headlines[] (role "main", else the first), 1.x headline; title when there is none
//  body            the html body (role "main", else the first html one), else a text body as <p>
//                  paragraphs, else a NITF body's body.content; with none, the description
//  standfirst      a description (role summary/lead/... preferred), as plain text
//  byline          by, 1.x byline                dateline   located, or a place of rel "located"
//  section         the subject of rel "section"  tags       the other subjects' names, genres, slugline
//  createdAt       contentcreated, else firstcreated, else versioncreated
//  publishedAt     firstcreated                  updatedAt  versioncreated
//  status          Spiked when pubstatus is "canceled", Saved otherwise (an item read from elsewhere)
//  sourceUrl       the object of rel "source", else the uri, when http(s)
//  sourceName      the first infosource, else copyrightholder
//  images          associations of type picture: caption, alt text, credit, credit line, copyright,
//                  licence, size and type from the best rendition; the first picture that the body does
//                  not show is the lead (Copydesk's own "lead"/"inline" names say it outright)
//  related         associations of type text: headline, by, uri
class NinjsImporter final : public ArticleImporter
{
public:
    QString name() const override;
    // High for a .json file (or JSON download) whose object, or a list's first object, is a ninjs item.
    int confidence(const ImportSource &source) const override;
    ImportResult import(const ImportSource &source) const override;
};

} // namespace Copydesk
