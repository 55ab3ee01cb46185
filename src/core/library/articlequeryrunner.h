#pragma once

#include <library/articlequery.h>
#include <library/articlerepository.h>

#include <QObject>
#include <QThread>

#include <atomic>

namespace Copydesk {

class LibraryDatabase;

// Reads what the list shows for a query (its first page, then how many rows it lists) on a thread of its
// own, with a connection of its own opened once and kept, so that search as you type never holds up the
// window. Only the newest query asked for is read: an older one still waiting is skipped, and one running
// is interrupted (sqlite3_interrupt) when a newer one comes.
class ArticleQueryRunner final : public QObject
{
    Q_OBJECT

public:
    explicit ArticleQueryRunner(const LibraryDatabase &database, QObject *parent = nullptr);
    ~ArticleQueryRunner() override;

    // generation: the caller's number for this query, given back with its results; each must be larger
    // than the one before.
    void run(quint64 generation, const ArticleQuery &query);
    // Counts the rows of a query whose first page is shown already (counted() brings the count).
    void count(quint64 generation, const ArticleQuery &query);
    // Finds the row of an article in a query's rows (the list by date only: ArticleRepository::
    // positionOf()); located() brings it. At a million articles that counts up to a million index entries.
    void locate(quint64 generation, const ArticleQuery &query, qint64 id);

signals:
    // query: the query as read (ArticleRepository::settled(): its typing word decided). count: how many
    // rows it lists when the first page holds them all, else -1 and counted() follows.
    void firstPageRead(quint64 generation, const Copydesk::ArticleQuery &query,
                       const Copydesk::ArticlePage &rows, int count);
    void counted(quint64 generation, int count);
    void located(quint64 generation, qint64 id, int row);

private:
    void read(quint64 generation, const ArticleQuery &query);
    // A repository on this thread's connection (on the runner's thread only).
    ArticleRepository repository();
    bool isWanted(quint64 generation) const { return generation == m_wanted.load(); }

    const LibraryDatabase &m_database;
    void ensureStarted();

    QThread m_thread;
    bool m_started = false;
    QObject *m_context = nullptr; // lives on m_thread: what runs there is queued to it
    std::atomic<quint64> m_wanted{0};
    std::atomic<void *> m_connection{nullptr}; // the thread's sqlite3 handle, to interrupt it
};

} // namespace Copydesk
