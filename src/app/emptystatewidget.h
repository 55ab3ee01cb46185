#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class EmptyStateWidget;
}

namespace Copydesk {

// What an empty library shows: a word of welcome and the two ways to begin.
class EmptyStateWidget final : public QWidget
{
    Q_OBJECT

public:
    explicit EmptyStateWidget(QWidget *parent = nullptr);
    ~EmptyStateWidget() override;

signals:
    void newArticleRequested();
    void importRequested();

private:
    std::unique_ptr<Ui::EmptyStateWidget> m_ui;
};

} // namespace Copydesk
