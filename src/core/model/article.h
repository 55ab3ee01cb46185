#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Copydesk {

// The editorial life cycle of a piece. "Saved" is an article read from elsewhere and kept for reference.
enum class ArticleStatus
{
    Draft,
    InEdit,
    Ready,
    Published,
    Spiked,
    Saved
};

QString statusToString(ArticleStatus status); // "draft", "in_edit", ...
std::optional<ArticleStatus> statusFromString(const QString &text);
// The same from the UTF-8 of a stored row, without making a QString of it (the list reads a page of rows).
std::optional<ArticleStatus> statusFromUtf8(QByteArrayView text);
QString statusDisplayName(ArticleStatus status); // "In edit", ...
QList<ArticleStatus> allStatuses();

struct Quote
{
    QString text;
    QString speaker;
    QString speakerRole;
    QString context;
    bool onRecord = true; // false: said off the record or on background, not for attribution

    friend bool operator==(const Quote &, const Quote &) = default;
};

enum class ImageRole
{
    Lead,
    Inline
};

struct ArticleImage
{
    qint64 id = 0; // 0 until stored
    ImageRole role = ImageRole::Inline;
    QByteArray data; // empty when the image is known but was not available (e.g. plain text import)
    QString mimeType;
    int width = 0;
    int height = 0;
    QString caption;
    QString altText;
    QString credit;     // the photographer: "Tomasz Sulima"
    QString agency;     // the agency or source: "Reuters"
    QString creditLine; // the credit as printed: "Image by Tomasz Sulima"
    QString copyright;
    QString licence;
    QString sourceUrl;

    bool hasData() const { return !data.isEmpty(); }
    friend bool operator==(const ArticleImage &, const ArticleImage &) = default;
};

struct RelatedLink
{
    QString title;
    QString author;
    QString url;

    friend bool operator==(const RelatedLink &, const RelatedLink &) = default;
};

// One article with everything that belongs to it. A plain value: the repository loads and stores it whole.
struct Article
{
    qint64 id = 0; // 0 until stored
    QString uuid;
    ArticleStatus status = ArticleStatus::Draft;
    QString section;
    QString headline;
    QString standfirst;
    QString byline;
    QString dateline;
    QString language;
    QString bodyHtml; // sanitized semantic HTML (see HtmlSanitizer)
    QString bodyText; // derived from bodyHtml by the repository on save
    QString sourceUrl;
    QString sourceName;
    QString editorNote;  // for the desk: never in the preview, an export or the search
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC
    QDateTime publishedAt;
    QDateTime readAt; // null while unread
    bool starred = false;
    int wordCount = 0; // derived on save
    QStringList tags;
    QList<Quote> quotes;
    QList<ArticleImage> images;
    QList<RelatedLink> related;

    // Headings of the body in document order (h2-h4 text).
    QStringList subheadings() const;
    const ArticleImage *leadImage() const;

    // The public JSON shape of `copydesk show --json` and of revision snapshots. Keys are never renamed.
    QJsonObject toJson() const;
    static Article fromJson(const QJsonObject &object);

    friend bool operator==(const Article &, const Article &) = default;
};

// The credit line as printed, built from a pattern such as "Photo: {credit}/{agency}". An empty part takes
// the text between the two placeholders with it ("Photo: Jane Roe", "Photo: Reuters"); with neither, "".
inline constexpr auto DefaultCreditLinePattern = "Photo: {credit}/{agency}";
QString creditLineFromPattern(const QString &pattern, const QString &credit, const QString &agency);
// What the preview and the export print under an image: the line as typed or found, else the pattern's.
QString printedCreditLine(const ArticleImage &image,
                          const QString &pattern = QLatin1String(DefaultCreditLinePattern));

QString imageRoleToString(ImageRole role);
ImageRole imageRoleFromString(const QString &text);

// The one date a person is shown for an article, in the list and in the preview alike, with what it means:
// when it was published, where that is known, else when it was last changed.
struct ShownDate
{
    enum class Meaning
    {
        Published,
        Updated,
    };
    Meaning meaning = Meaning::Updated;
    QDateTime time; // invalid when there is none
    // "Published" or "Updated", to put before the date.
    QString label() const;
};
ShownDate shownDate(const QDateTime &publishedAt, const QDateTime &updatedAt);

// Timestamps are stored and printed as ISO 8601 UTC with milliseconds, so text order is time order.
QString toStorageTime(const QDateTime &time);
QDateTime fromStorageTime(const QString &text);
// The same from the UTF-8 of a stored row (see statusFromUtf8).
QDateTime fromStorageTimeUtf8(QByteArrayView text);

} // namespace Copydesk
