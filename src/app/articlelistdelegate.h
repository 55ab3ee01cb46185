#pragma once

#include <QStyledItemDelegate>

namespace Copydesk {

// Draws a list row as a newsroom list does: the headline in bold, and under it the section, status and
// date in a quieter line.
class ArticleListDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QString detailLine(const QModelIndex &index);
};

} // namespace Copydesk
