#pragma once

// What the reader bench times, from a program's start to its window's first frame: installed on a
// window, prints "shown" once the window's first paint is done, and quits. Copydesk's main() uses it with
// COPYDESK_QUIT_WHEN_SHOWN=1, and the bare Qt Widgets window it is compared with always. Installed on the
// application with a class name instead, it waits for the first paint of a widget of that class (the
// editor, made after the window's first frame: COPYDESK_QUIT_WHEN_SHOWN=editor). Header-only: the bare
// window links Qt Widgets alone.

#include <QCoreApplication>
#include <QEvent>
#include <QObject>

#include <cstdio>
#include <utility>

namespace Copydesk {

class QuitOnFirstPaint final : public QObject
{
public:
    explicit QuitOnFirstPaint(QObject *parent, const char *paintedClass = nullptr)
        : QObject(parent)
        , m_paintedClass(paintedClass)
    {}

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // Said once the first paint is done: a posted event of high priority comes before whatever else
        // is waiting (work a window leaves for after its first frame), as soon as the paint returns.
        if (event->type() == QEvent::Paint && (!m_paintedClass || watched->inherits(m_paintedClass)) &&
            !std::exchange(m_seen, true))
            QCoreApplication::postEvent(this, new QEvent(QEvent::User), Qt::HighEventPriority);
        return QObject::eventFilter(watched, event);
    }

    bool event(QEvent *event) override
    {
        if (event->type() != QEvent::User)
            return QObject::event(event);
        std::fputs("shown\n", stdout);
        std::fflush(stdout);
        QCoreApplication::exit(0);
        return true;
    }

private:
    const char *m_paintedClass;
    bool m_seen = false;
};

} // namespace Copydesk
