#include "thumbnailloader.h"

#include <library/articlerepository.h>
#include <library/librarydatabase.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QImageReader>

using namespace Qt::StringLiterals;

namespace Copydesk {

ThumbnailLoader::ThumbnailLoader(const LibraryDatabase &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    m_context = new QObject; // deleted with its thread's end
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.setObjectName(u"copydesk-thumbnails"_s);
    m_thread.start(QThread::LowPriority);
}

ThumbnailLoader::~ThumbnailLoader()
{
    // Its thread reads the library, which must outlive it.
    m_thread.quit();
    m_thread.wait();
}

QImage ThumbnailLoader::thumbnail(qint64 articleId)
{
    if (const QImage *cached = m_cache.object(articleId))
        return *cached;
    if (m_pending.contains(articleId))
        return {};
    m_pending.insert(articleId);
    QMetaObject::invokeMethod(m_context, [this, articleId, database = &m_database] {
        QImage image;
        if (const std::optional<StoredImage> stored = ArticleRepository(*database).leadImage(articleId)) {
            QBuffer buffer;
            buffer.setData(stored->data);
            QImageReader reader(&buffer);
            // Decoded at the size it is drawn (JPEG decodes scaled for a fraction of the work).
            const QSize size = reader.size();
            if (size.isValid())
                reader.setScaledSize(size.scaled(Size, Size, Qt::KeepAspectRatioByExpanding).boundedTo(size));
            image = reader.read();
        }
        QMetaObject::invokeMethod(this, [this, articleId, image] {
            m_pending.remove(articleId);
            // An article whose picture cannot be read keeps an empty image: it is not asked for again.
            m_cache.insert(articleId, new QImage(image));
            emit thumbnailReady(articleId);
        });
    });
    return {};
}

void ThumbnailLoader::forget(qint64 articleId)
{
    m_cache.remove(articleId);
}

bool ThumbnailLoader::waitForPending(int milliseconds)
{
    QDeadlineTimer deadline(milliseconds);
    while (!m_pending.isEmpty() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return m_pending.isEmpty();
}

} // namespace Copydesk
