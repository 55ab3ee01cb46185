#pragma once

#include <render/articleexporter.h>

#include <QJsonObject>
#include <QString>

namespace Copydesk {

// Writes an article as an IPTC ninjs 2.1 item, valid against ninjs-schema_2.1.json. 2.1 rather than 3.x:
// its lower-case property names are the ones most agency and CMS readers of ninjs 1.x/2.x understand, and
// it has everything an article needs (headlines, bodies, descriptions, associations with renditions).
//
// What is written (NinjsImporter reads each back into the same field):
//  uri "urn:copydesk:<uuid>", type "text", standard {ninjs 2.1}, pubstatus from the status (published and
//  saved: usable; draft, in edit and ready: withheld; spiked: canceled), language, contentcreated (created),
//  firstcreated (published), versioncreated (updated), headlines (main), descriptions (summary: the
//  standfirst), bodies (main, text/html; body images name their association in data-assoc-ref), by,
//  located (dateline), subjects (the section with rel "section", then the tags), infosources (source name),
//  objects (source URL, rel "source"), associations: each image as a picture named "lead"/"inline_<n>" with
//  its bytes as a data: URI rendition (or its source URL), caption, alt text and credit line as
//  descriptions, credit as by, copyright as copyrightnotice, licence as usageterms; each related link as a
//  text item named "related_<n>".
//
// What ninjs has no place for and is left out: key quotes, read time, starred, word count and body text
// (both derived from the body), the library id; the uuid is written in the uri but an import makes a new
// article; the exact status (ninjs knows only usable/withheld/canceled).
class NinjsExporter final : public ArticleExporter
{
public:
    static constexpr auto Version = "2.1";
    static constexpr auto SchemaUri = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json";

    static QJsonObject toNinjs(const Article &article);

    QString name() const override;
    QString displayName() const override;
    QString fileSuffix() const override;
    // Written atomically (QSaveFile), UTF-8, indented.
    bool write(const Article &article, const QString &path, QString *error) const override;

    static QString pubStatus(ArticleStatus status); // "usable", "withheld" or "canceled"
};

} // namespace Copydesk
