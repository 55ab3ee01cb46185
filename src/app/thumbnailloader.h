#pragma once

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QThread>

namespace Copydesk {

class LibraryDatabase;

// The small pictures of the article list: each article's lead picture, scaled down once and kept for the
// rows on screen. Read and decoded on a thread of its own with its own connection (a large JPEG takes
// milliseconds to decode), so scrolling never waits for a picture: a row shows its picture when it is in.
class ThumbnailLoader final : public QObject
{
    Q_OBJECT

public:
    static constexpr int Size = 96; // the longest side kept, in pixels (drawn at about a third)

    explicit ThumbnailLoader(const LibraryDatabase &database, QObject *parent = nullptr);
    ~ThumbnailLoader() override;

    // The article's picture, small, if it has been read; otherwise a null image, and it is read now
    // (thumbnailReady() follows).
    QImage thumbnail(qint64 articleId);
    // The article's pictures may have changed: read it again when next asked.
    void forget(qint64 articleId);
    // Waits for the pictures asked for (tests).
    bool waitForPending(int milliseconds = 10000);

signals:
    void thumbnailReady(qint64 articleId);

private:
    const LibraryDatabase &m_database;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread
    QCache<qint64, QImage> m_cache{400};
    QSet<qint64> m_pending;
};

} // namespace Copydesk
