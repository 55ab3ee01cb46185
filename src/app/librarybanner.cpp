#include "librarybanner.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace Copydesk {

LibraryBanner::LibraryBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_buttons(new QHBoxLayout)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setAccessibleName(tr("Library status"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addLayout(m_buttons);
    hide();
}

void LibraryBanner::showMessage(Kind kind, const QString &text, const QList<QAction *> &actions)
{
    const QStyle::StandardPixmap icon = kind == Kind::Error     ? QStyle::SP_MessageBoxCritical
                                        : kind == Kind::Warning ? QStyle::SP_MessageBoxWarning
                                                                : QStyle::SP_MessageBoxInformation;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    // A tint of the message's kind over the window colour, so it reads in light and dark themes alike.
    QPalette tinted = palette();
    const QColor tint = kind == Kind::Error     ? QColor(220, 60, 50)
                        : kind == Kind::Warning ? QColor(230, 170, 30)
                                                : QColor(60, 130, 220);
    QColor background = tinted.color(QPalette::Window);
    background = QColor::fromRgbF(background.redF() * 0.8 + tint.redF() * 0.2,
                                  background.greenF() * 0.8 + tint.greenF() * 0.2,
                                  background.blueF() * 0.8 + tint.blueF() * 0.2);
    tinted.setColor(QPalette::Window, background);
    setPalette(tinted);
    m_text->setText(text);
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (QAction *action : actions) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_buttons->addWidget(button);
    }
    show();
}

QString LibraryBanner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace Copydesk
