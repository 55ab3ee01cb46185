#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;

namespace Copydesk {

// A bar above the panes for what a person must know about the library as a whole (read-only, damaged),
// with the actions that help. Hidden while there is nothing to say.
class LibraryBanner final : public QFrame
{
    Q_OBJECT

public:
    enum class Kind
    {
        Information,
        Warning,
        Error,
    };

    explicit LibraryBanner(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text, const QList<QAction *> &actions = {});
    QString text() const;

private:
    QLabel *m_icon;
    QLabel *m_text;
    QHBoxLayout *m_buttons;
};

} // namespace Copydesk
