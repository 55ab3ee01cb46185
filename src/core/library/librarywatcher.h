#pragma once

#include <QObject>
#include <QTimer>

namespace Copydesk {

class LibraryDatabase;

// Tells when the library changed outside this thread's connection: a command-line import, another
// window, an import worker. It polls SQLite's data_version, a counter that moves only when another
// connection commits; one read costs a few microseconds and touches no file beyond SQLite's own.
class LibraryWatcher final : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultIntervalMs = 400; // what another program writes shows within half a second

    explicit LibraryWatcher(const LibraryDatabase &database, QObject *parent = nullptr);

    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    // Reads data_version now; emits changedElsewhere() if it moved. Also runs on the timer.
    void check();
    // Takes the library's state now as seen, without a signal: for this process's own writes made through
    // another connection (the library's writer thread), right after them.
    void absorb();

signals:
    void changedElsewhere();

private:
    const LibraryDatabase &m_database;
    QTimer m_timer;
    qint64 m_lastVersion = -1;
};

} // namespace Copydesk
