#pragma once

#include <library/articlequery.h>

#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;

namespace Copydesk {

class ArticleListModel;

// The library list with its search field. Selecting a row asks for that article to be opened.
class ArticleListPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit ArticleListPanel(ArticleListModel *model, QWidget *parent = nullptr);

    // Selects the article if its row is loaded; false if it is not in the list as fetched so far.
    bool selectArticle(qint64 id);
    qint64 selectedArticle() const;
    QLineEdit *searchField() const { return m_search; }
    QLabel *searchHint() const { return m_searchHint; }
    QListView *listView() const { return m_list; }

signals:
    void articleActivated(qint64 id);

private:
    ArticleListModel *m_model;
    QLineEdit *m_search;
    QLabel *m_searchHint;
    QListView *m_list;
    qint64 m_selectedBeforeReset = 0;
    int m_scrollBeforeReset = 0;
    ArticleQuery m_queryBeforeReset;
};

} // namespace Copydesk
