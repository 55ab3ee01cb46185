#pragma once

#include <QFile>
#include <QStringList>

#include <sys/inotify.h>
#include <unistd.h>

// Counts how often the given files are opened, by anyone, through inotify (which itself opens nothing):
// the proof that nothing but SQLite's own descriptors touch a library's files.
class OpenWatch
{
public:
    explicit OpenWatch(const QStringList &paths)
        : m_fd(inotify_init1(IN_NONBLOCK | IN_CLOEXEC))
    {
        for (const QString &path : paths) {
            if (QFile::exists(path))
                inotify_add_watch(m_fd, QFile::encodeName(path).constData(), IN_OPEN);
        }
    }
    ~OpenWatch() { ::close(m_fd); }
    OpenWatch(const OpenWatch &) = delete;
    OpenWatch &operator=(const OpenWatch &) = delete;

    // Opens seen since the last call.
    int opens()
    {
        int count = 0;
        alignas(inotify_event) char buffer[4096];
        while (true) {
            const ssize_t length = ::read(m_fd, buffer, sizeof buffer);
            if (length <= 0)
                break;
            for (ssize_t offset = 0; offset < length;) {
                const auto *event = reinterpret_cast<const inotify_event *>(buffer + offset);
                if (event->mask & IN_OPEN)
                    ++count;
                offset += ssize_t(sizeof(inotify_event) + event->len);
            }
        }
        return count;
    }

private:
    int m_fd;
};
