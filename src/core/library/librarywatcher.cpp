#include <library/librarywatcher.h>

#include <library/librarydatabase.h>

namespace Copydesk {

LibraryWatcher::LibraryWatcher(const LibraryDatabase &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_lastVersion(database.dataVersion())
{
    m_timer.setInterval(DefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LibraryWatcher::check);
    m_timer.start();
}

void LibraryWatcher::check()
{
    const qint64 version = m_database.dataVersion();
    if (version < 0 || version == m_lastVersion)
        return;
    m_lastVersion = version;
    emit changedElsewhere();
}

void LibraryWatcher::absorb()
{
    const qint64 version = m_database.dataVersion();
    if (version >= 0)
        m_lastVersion = version;
}

} // namespace Copydesk
