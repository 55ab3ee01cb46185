#pragma once

#include <library/articlequery.h>

#include <QModelIndexList>
#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;

namespace Copydesk {

class ArticleListDelegate;
class ArticleListModel;
class ThumbnailLoader;

// The library list with its search field. Selecting a row asks for that article to be opened.
class ArticleListPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit ArticleListPanel(ArticleListModel *model, QWidget *parent = nullptr);

    // Selects the article if its row is among the pages held (or near nearRow); false otherwise.
    bool selectArticle(qint64 id, int nearRow = -1);
    // Selects the article and scrolls to it, wherever it is in the list by date: when its row is not
    // among the pages held, once the list's thread has found it (unless another row was chosen meanwhile).
    void showArticle(qint64 id);
    // The current article (the one open).
    qint64 selectedArticle() const;
    // Every article selected, in list order (the current one when nothing is selected).
    QList<qint64> selectedArticles() const;
    QModelIndexList selectedRows() const;
    QLineEdit *searchField() const { return m_search; }
    QLabel *searchHint() const { return m_searchHint; }
    QListView *listView() const { return m_list; }
    // Shows each article's lead picture small in its row, from this loader.
    void setThumbnails(ThumbnailLoader *thumbnails);

signals:
    void articleActivated(qint64 id);

private:
    ArticleListModel *m_model;
    qint64 m_locating = 0; // the article showArticle() waits for
    QLineEdit *m_search;
    QLabel *m_searchHint;
    QListView *m_list;
    ArticleListDelegate *m_delegate;
    qint64 m_selectedBeforeReset = 0;
    int m_selectedRowBeforeReset = -1;
    int m_scrollBeforeReset = 0;
    ArticleQuery m_queryBeforeReset;
};

} // namespace Copydesk
