#include "pausetimer.h"

#include <algorithm>

namespace Copydesk {

PauseTimer::PauseTimer(int pauseMs, int maxWaitMs, QObject *parent)
    : QObject(parent)
    , m_pauseMs(pauseMs)
    , m_maxWaitMs(maxWaitMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_runStarted.invalidate();
        m_fixed = false;
        emit timeout();
    });
}

void PauseTimer::poke()
{
    if (m_fixed)
        return;
    if (!m_runStarted.isValid())
        m_runStarted.start();
    const qint64 left = m_maxWaitMs - m_runStarted.elapsed();
    m_timer.start(int(std::clamp<qint64>(left, 0, m_pauseMs)));
}

void PauseTimer::fireIn(int ms)
{
    if (!m_runStarted.isValid())
        m_runStarted.start();
    m_fixed = true;
    m_timer.start(ms);
}

void PauseTimer::stop()
{
    m_timer.stop();
    m_runStarted.invalidate();
    m_fixed = false;
}

} // namespace Copydesk
