#pragma once

#include <import/articleimporter.h>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Copydesk {

// One file inside a web archive, its body already decoded from its transfer encoding.
struct MhtmlPart
{
    QString contentType;     // the header as written: "text/html; charset=windows-1252"
    QString mimeType;        // the type alone, lower case: "text/html"
    QString charset;         // the charset parameter, or empty
    QString contentLocation; // the URL the part was saved from, as written
    QString contentId;       // without the angle brackets
    QByteArray data;
};

// A single-file web page (.mht/.mhtml) as browsers save it: a MIME multipart/related message holding the
// page and the files it uses. Parsing only ever reads the bytes given; damaged input gives an error (when
// nothing usable is left) or warnings (when the end of the archive is missing), never a crash.
class MhtmlArchive final
{
public:
    static MhtmlArchive parse(const QByteArray &bytes);

    // Whether the bytes open with a MIME header block that names a content type (a cheap sniff; parse()
    // is the real test).
    static bool looksLikeMhtml(const QByteArray &bytes);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QStringList warnings() const { return m_warnings; }
    const QList<MhtmlPart> &parts() const { return m_parts; }

    // The page itself: the part the "start" parameter names, else the first HTML part.
    QByteArray html() const;
    QString htmlContentType() const;
    QString htmlCharset() const;
    // Where the page was saved from: the main part's Content-Location, else the archive's
    // Snapshot-Content-Location header. Empty when neither is an absolute URL.
    QUrl location() const;

    // The part saved from this URL (absolute, or relative to location()), or the one a "cid:" URL names.
    std::optional<Resource> resource(const QUrl &url) const;

private:
    const MhtmlPart *mainPart() const;
    void index();

    QList<MhtmlPart> m_parts;
    qsizetype m_main = -1;
    QString m_snapshotLocation;
    QHash<QString, qsizetype> m_byLocation;
    QHash<QString, qsizetype> m_byContentId;
    QString m_error;
    QStringList m_warnings;
};

} // namespace Copydesk
