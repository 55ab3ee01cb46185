#include "articlelistpanel.h"

#include "articlelistdelegate.h"
#include "thumbnailloader.h"
#include <library/articlelistmodel.h>
#include <library/searchlanguage.h>

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace Copydesk {

ArticleListPanel::ArticleListPanel(ArticleListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_search(new QLineEdit(this))
    , m_searchHint(new QLabel(this))
    , m_list(new QListView(this))
    , m_delegate(new ArticleListDelegate(m_list))
{
    m_search->setPlaceholderText(tr("Search the library"));
    // The clear button shows only over typed text: it is made then, its icon costing the window's start
    // about 2.5 ms otherwise.
    connect(
        m_search, &QLineEdit::textChanged, m_search, [this] { m_search->setClearButtonEnabled(true); },
        Qt::SingleShotConnection);
    m_search->setAccessibleName(tr("Search"));
    m_list->setModel(model);
    m_list->setUniformItemSizes(true); // the list may be long; equal rows keep scrolling cheap
    // Shift and Ctrl pick several articles for star, read, tags and trash.
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setAccessibleName(tr("Articles"));
    m_list->setItemDelegate(m_delegate);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 0);
    layout->addWidget(m_search);
    // What the search language could not read, in a few words, under the field.
    m_searchHint->setObjectName(u"searchHint"_s);
    m_searchHint->setWordWrap(true);
    m_searchHint->setForegroundRole(QPalette::PlaceholderText);
    m_searchHint->hide();
    m_search->setToolTip(
        tr("Words, \"exact phrases\", prefix*, -exclude, OR; headline: by: quote: credit: section: tag: "
           "status: source: before:2024-05-01 after:2024-05-01"));
    layout->addWidget(m_searchHint);
    layout->addWidget(m_list);

    // Search as you type, once typing pauses.
    auto *searchDelay = new QTimer(this);
    searchDelay->setSingleShot(true);
    searchDelay->setInterval(200);
    connect(m_search, &QLineEdit::textChanged, searchDelay, qOverload<>(&QTimer::start));
    connect(searchDelay, &QTimer::timeout, this, [this] {
        const QString hint = SearchLanguage::parse(m_search->text()).hint;
        m_searchHint->setText(hint);
        m_searchHint->setVisible(!hint.isEmpty());
        m_model->setSearchText(m_search->text());
    });

    // A reset (the library changed elsewhere, in a way rows could not follow) keeps the selected article
    // and the place in the list.
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_selectedBeforeReset = selectedArticle();
        m_selectedRowBeforeReset = m_list->currentIndex().row();
        m_scrollBeforeReset = m_list->verticalScrollBar()->value();
        m_queryBeforeReset = m_model->shownQuery();
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_selectedBeforeReset > 0)
            selectArticle(m_selectedBeforeReset, m_selectedRowBeforeReset);
        if (m_model->shownQuery() == m_queryBeforeReset) // a new search starts at the top
            m_list->verticalScrollBar()->setValue(m_scrollBeforeReset);
        m_selectedBeforeReset = 0;
    });

    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    emit articleActivated(current.data(ArticleListModel::IdRole).toLongLong());
            });
    connect(model, &ArticleListModel::articleLocated, this, [this](qint64 id, int row) {
        if (id != std::exchange(m_locating, 0) || m_list->currentIndex().isValid())
            return; // not asked for, or another article was chosen meanwhile
        m_list->setCurrentIndex(m_model->index(row));
        m_list->scrollTo(m_model->index(row), QAbstractItemView::PositionAtCenter);
    });
}

void ArticleListPanel::showArticle(qint64 id)
{
    if (selectArticle(id)) {
        m_list->scrollTo(m_list->currentIndex(), QAbstractItemView::PositionAtCenter);
        return;
    }
    m_locating = id;
    m_model->locate(id);
}

void ArticleListPanel::setThumbnails(ThumbnailLoader *thumbnails)
{
    m_delegate->setThumbnails(thumbnails);
    connect(thumbnails, &ThumbnailLoader::thumbnailReady, this, [this](qint64 id) {
        const int row = m_model->rowOf(id);
        if (row >= 0)
            m_list->update(m_model->index(row));
    });
}

bool ArticleListPanel::selectArticle(qint64 id, int nearRow)
{
    // Only among the pages held and near where it was: paging through the library to find an old article
    // would read all of it.
    const int row = m_model->rowOf(id, nearRow);
    if (row < 0)
        return false;
    m_list->setCurrentIndex(m_model->index(row));
    return true;
}

qint64 ArticleListPanel::selectedArticle() const
{
    return m_list->currentIndex().data(ArticleListModel::IdRole).toLongLong();
}

QModelIndexList ArticleListPanel::selectedRows() const
{
    QModelIndexList rows = m_list->selectionModel()->selectedRows();
    if (rows.isEmpty() && m_list->currentIndex().isValid())
        rows.append(m_list->currentIndex());
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    return rows;
}

QList<qint64> ArticleListPanel::selectedArticles() const
{
    QList<qint64> ids;
    for (const QModelIndex &row : selectedRows())
        ids.append(row.data(ArticleListModel::IdRole).toLongLong());
    ids.removeAll(0);
    return ids;
}

} // namespace Copydesk
