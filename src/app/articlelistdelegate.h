#pragma once

#include <QStyledItemDelegate>

namespace Copydesk {

class ThumbnailLoader;

// Draws a list row as a newsroom list does: the headline (bold while unread, ★ when starred), under it the
// section, byline, status, length and date in a quieter line, in a search the snippet of what matched on a
// third, and the lead picture small at the end.
class ArticleListDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // Where the rows' pictures come from (none: no pictures).
    void setThumbnails(ThumbnailLoader *thumbnails) { m_thumbnails = thumbnails; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QString detailLine(const QModelIndex &index);

private:
    static void drawSnippet(QPainter *painter, const QRect &line, const QFont &font, const QString &snippet);

    ThumbnailLoader *m_thumbnails = nullptr;
};

} // namespace Copydesk
