#include "emptystatewidget.h"

#include "ui_emptystatewidget.h"

namespace Copydesk {

EmptyStateWidget::EmptyStateWidget(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::EmptyStateWidget>())
{
    m_ui->setupUi(this);
    connect(m_ui->newButton, &QPushButton::clicked, this, &EmptyStateWidget::newArticleRequested);
    connect(m_ui->importButton, &QPushButton::clicked, this, &EmptyStateWidget::importRequested);
}

EmptyStateWidget::~EmptyStateWidget() = default;

} // namespace Copydesk
