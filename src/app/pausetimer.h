#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace Copydesk {

// Fires after a pause in a run of events (typing), but never later than maxWait after the first event of
// the run: someone who types without a pause still has their words saved, previewed and counted. A plain
// restarted QTimer never fires while the events keep coming; the kill harness found a minute of steady
// typing lost that way.
class PauseTimer final : public QObject
{
    Q_OBJECT

public:
    PauseTimer(int pauseMs, int maxWaitMs, QObject *parent = nullptr);

    // An event of the run: waits for the pause again, within the run's deadline.
    void poke();
    // Fires after ms whatever comes meanwhile (poke() does not move it later), unless stopped.
    void fireIn(int ms);
    void stop();
    bool isActive() const { return m_timer.isActive(); }
    int pause() const { return m_pauseMs; }
    int maxWait() const { return m_maxWaitMs; }

signals:
    void timeout();

private:
    QTimer m_timer;
    QElapsedTimer m_runStarted; // invalid between runs
    int m_pauseMs;
    int m_maxWaitMs;
    bool m_fixed = false; // fireIn(): not moved by poke()
};

} // namespace Copydesk
