#pragma once

#include <library/articlerepository.h>

#include <QMutex>
#include <QObject>

#include <memory>

namespace Copydesk {

class LibraryDatabase;

// What a background save came to.
struct BackgroundSave
{
    quint64 ticket = 0;
    Article article; // as stored: its new updatedAt, derived text and counts
    ArticleRepository::UpdateResult result = ArticleRepository::UpdateResult::Failed;
    QString error;
};

// Saves articles on a thread of its own, through its own connection (LibraryDatabase gives each thread
// one), so that the thread asking is not held up by SQLite. Results wait in a queue the asking thread
// takes them from (take()), announced by resultsReady().
class ArticleWriter final : public QObject
{
    Q_OBJECT

public:
    explicit ArticleWriter(const LibraryDatabase &database);
    ~ArticleWriter() override;

    // Runs on the writer's thread (called through a queued invocation).
    void save(quint64 ticket, Copydesk::Article article, QDateTime seenUpdatedAt,
              Copydesk::ArticleRepository::Parts parts);
    // Any thread.
    QList<BackgroundSave> take();

signals:
    void resultsReady();

private:
    const LibraryDatabase &m_database;
    std::unique_ptr<ArticleRepository> m_repository; // made on the writer's thread, for its connection
    QMutex m_resultsMutex;
    QList<BackgroundSave> m_results;
};

} // namespace Copydesk
