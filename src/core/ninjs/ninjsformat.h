#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Copydesk {

// The shapes one ninjs property takes across the versions, read into one form. ninjs 1.x writes "headline",
// "body_html", "byline", "subject" and objects keyed by name (associations, renditions); 2.x writes
// "headlines", "bodies", "by", "subjects" and arrays; 3.x the 2.x names in camelCase. The readers here take
// an item whose keys were lower-cased by normalized(), which folds 3.x into 2.x.
namespace Ninjs {

// What Copydesk's exporter writes and its importer reads back, beyond the standard's own meaning.
inline constexpr auto SectionRel = "section";  // subjects[].rel of the article's section
inline constexpr auto SourceRel = "source";    // objects[].rel of the page the article came from
inline constexpr auto LeadName = "lead";       // associations[].name of a lead picture ("lead_2"...)
inline constexpr auto InlineName = "inline";   // ... of a picture in the body ("inline_3")
inline constexpr auto RelatedName = "related"; // ... of a related article ("related_1")
inline constexpr auto AssociationAttribute = "data-assoc-ref"; // <img> attribute naming an association

// The item with every object key lower-cased, at every depth.
QJsonObject normalized(const QJsonObject &item);

// Whether a (normalized) object is a ninjs item: a "uri" and at least one property only ninjs items have.
bool isNinjsItem(const QJsonObject &item);

// The item's kind: "text", "picture", "event"... ("text" when absent; "event" for 3.x event details).
QString itemType(const QJsonObject &item);

// A headline, body or description: the entries of "headlines"/"bodies"/"descriptions" and the 1.x
// properties "headline", "headline_<role>", "body_<format>", "description_<format>".
struct TextEntry
{
    QString role;
    QString contentType;
    QString value;

    bool isHtml() const;
    bool isNitf() const;
    QString plainText() const; // HTML reduced to its text, plain text trimmed
};

// kind is "headline", "body" or "description".
QList<TextEntry> textEntries(const QJsonObject &item, const QString &kind);

struct Rendition
{
    QString name;
    QString href;
    QString contentType;
    int width = 0;
    int height = 0;
};

QList<Rendition> renditions(const QJsonObject &item);

struct Association
{
    QString name; // the 1.x key, or the 2.x "name"
    QJsonObject item;
};

QList<Association> associations(const QJsonObject &item);

// An entry of a 1.x (singular) or 2.x (plural) list such as subject/subjects, genre/genres, place/places.
struct NamedEntry
{
    QString name;
    QString rel; // "rel", or "role" where the list has that instead (infosources)
    QString uri;
};

QList<NamedEntry> namedEntries(const QJsonObject &item, const QString &singular, const QString &plural);

// A trimmed string property, or "".
QString text(const QJsonObject &item, const QString &key);

// An ISO 8601 time as UTC; a date alone is taken as midnight UTC. Invalid when absent or unreadable.
QDateTime time(const QJsonObject &item, const QString &key);
QString timeText(const QDateTime &time);

bool isWebUrl(const QString &text);

struct DataUri
{
    QByteArray data;
    QString mimeType;
};

std::optional<DataUri> decodeDataUri(const QString &uri);
QString encodeDataUri(const QByteArray &data, const QString &mimeType);

} // namespace Ninjs
} // namespace Copydesk
