#include "articlelistdelegate.h"

#include "thumbnailloader.h"
#include <library/articlelistmodel.h>
#include <model/article.h>

#include <QApplication>
#include <QLocale>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {
constexpr int padding = 6;
}

QString ArticleListDelegate::detailLine(const QModelIndex &index)
{
    QStringList parts;
    const QString section = index.data(ArticleListModel::SectionRole).toString();
    if (!section.isEmpty())
        parts << section;
    const QString byline = index.data(ArticleListModel::BylineRole).toString();
    if (!byline.isEmpty())
        parts << byline;
    if (const auto status = statusFromString(index.data(ArticleListModel::StatusRole).toString()))
        parts << statusDisplayName(*status);
    const int words = index.data(ArticleListModel::WordCountRole).toInt();
    if (words > 0)
        parts << (words == 1 ? QObject::tr("1 word") : QObject::tr("%1 words").arg(words));
    // The same date, with the same meaning, as the preview shows.
    const ShownDate shown = shownDate(index.data(ArticleListModel::PublishedAtRole).toDateTime(),
                                      index.data(ArticleListModel::UpdatedAtRole).toDateTime());
    if (shown.time.isValid()) {
        const QString date = QLocale().toString(shown.time.toLocalTime(), QLocale::ShortFormat);
        parts << (shown.meaning == ShownDate::Meaning::Published ? QObject::tr("Published %1").arg(date)
                                                                 : QObject::tr("Updated %1").arg(date));
    }
    return parts.join(u" · "_s);
}

void ArticleListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // Starred rows carry a star; unread ones are set bold, as a mail reader does.
    const QString headline =
        (index.data(ArticleListModel::StarredRole).toBool() ? u"★ "_s : QString()) + opt.text;
    const bool unread = !index.data(ArticleListModel::ReadRole).toBool();
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    QRect area = opt.rect.adjusted(padding, padding / 2, -padding, -padding / 2);
    if (m_thumbnails && index.data(ArticleListModel::ThumbnailRole).toBool()) {
        // The lead picture as a square at the end of the row, cut from its middle.
        const QRect square(area.right() - area.height() + 1, area.top(), area.height(), area.height());
        area.setRight(square.left() - padding);
        const QImage image = m_thumbnails->thumbnail(index.data(ArticleListModel::IdRole).toLongLong());
        if (!image.isNull()) {
            const int side = std::min(image.width(), image.height());
            const QRect middle((image.width() - side) / 2, (image.height() - side) / 2, side, side);
            painter->save();
            painter->setRenderHint(QPainter::SmoothPixmapTransform);
            painter->drawImage(square, image, middle);
            painter->restore();
        }
    }
    QFont bold = opt.font;
    bold.setBold(unread);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics metrics(opt.font);

    painter->save();
    painter->setFont(bold);
    painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    QRect line = area;
    line.setHeight(boldMetrics.height());
    painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                      boldMetrics.elidedText(headline, Qt::ElideRight, line.width()));
    painter->setFont(opt.font);
    painter->setPen(
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    line.translate(0, boldMetrics.height());
    line.setHeight(metrics.height());
    painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(detailLine(index), Qt::ElideRight, line.width()));
    if (index.data(ArticleListModel::SearchedRole).toBool()) {
        // A search's snippet on a line of its own (after the details it was cut off in a narrow list). It
        // marks its matches in [brackets], as `copydesk search` prints them: drawn as bold words.
        line.translate(0, metrics.height());
        painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
        drawSnippet(painter, line, opt.font, index.data(ArticleListModel::SnippetRole).toString());
    }
    painter->restore();
}

void ArticleListDelegate::drawSnippet(QPainter *painter, const QRect &line, const QFont &font,
                                      const QString &text)
{
    // One line: a snippet across paragraphs holds line breaks, which drawText() would lay out as lines.
    const QString snippet = text.simplified();
    QFont matchFont = font;
    matchFont.setBold(true);
    const QFontMetrics metrics(font);
    const QFontMetrics matchMetrics(matchFont);
    int x = line.left();
    qsizetype from = 0;
    while (from < snippet.size() && x < line.right()) {
        const bool match = snippet.at(from) == u'[';
        qsizetype to = snippet.indexOf(match ? u']' : u'[', from + (match ? 1 : 0));
        if (to < 0)
            to = snippet.size();
        const QString run = match ? snippet.mid(from + 1, to - from - 1) : snippet.mid(from, to - from);
        from = match ? to + 1 : to;
        const QFontMetrics &runMetrics = match ? matchMetrics : metrics;
        painter->setFont(match ? matchFont : font);
        const QString shown = runMetrics.elidedText(run, Qt::ElideRight, line.right() - x);
        painter->drawText(QRect(x, line.top(), line.right() - x, line.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, shown);
        x += runMetrics.horizontalAdvance(shown);
        if (shown != run)
            break;
    }
}

QSize ArticleListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QFont bold = option.font;
    bold.setBold(true);
    const int line = QFontMetrics(option.font).height();
    const int snippetLine = index.data(ArticleListModel::SearchedRole).toBool() ? line : 0;
    return {200, QFontMetrics(bold).height() + line + snippetLine + padding};
}

} // namespace Copydesk
