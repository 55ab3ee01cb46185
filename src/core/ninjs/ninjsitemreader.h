#pragma once

#include <model/article.h>

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Copydesk::Ninjs {

// What one ninjs item gives: an article, or the reason it is not one.
struct ItemOutcome
{
    Article article;
    QString refusal; // empty when the item is an article
    QStringList warnings;
};

// Turns one ninjs item (keys lower-cased by Ninjs::normalized()) into an article; see NinjsImporter for
// how the fields map.
ItemOutcome readItem(const QJsonObject &item);

// The item's pictures: what the associations say of them, their bytes when a rendition is a data: URI.
// Images the body shows (by the association's name in data-assoc-ref, or by one of its URLs) are pointed
// at their copydesk-image:N place in bodyHtml.
QList<ArticleImage> readPictures(const QJsonObject &item, QString &bodyHtml, QStringList &warnings);
QList<RelatedLink> readRelated(const QJsonObject &item);

// Plain text as HTML paragraphs: one per blank-line separated block (per line when there is no blank
// line), the lines of a block joined with a space.
QString paragraphsFromText(const QString &text);

} // namespace Copydesk::Ninjs
