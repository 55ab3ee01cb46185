#pragma once

#include <library/articlerepository.h>

#include <QObject>

namespace Copydesk {

class LibraryDatabase;
class LibraryWatcher;

// The library as the window's views see it: the GUI thread's article store, and what happens to it. Writes
// made through it are announced (added, changed, removed); what other connections commit (import workers,
// another window, a command in a terminal) is announced as changedElsewhere(). Views follow these signals
// themselves, so nobody has to relay every change between them.
class Library final : public QObject
{
    Q_OBJECT

public:
    explicit Library(const LibraryDatabase &database, QObject *parent = nullptr);
    ~Library() override;

    // For reading; writes go through the functions below so that they are announced.
    const ArticleRepository &articles() const { return m_articles; }

    bool insert(Article &article);
    bool update(Article &article, ArticleRepository::Parts parts = ArticleRepository::AllParts);
    ArticleRepository::UpdateResult updateIfUnchanged(Article &article, const QDateTime &seenUpdatedAt,
                                                      ArticleRepository::Parts parts);
    bool remove(qint64 id);
    bool addRevision(const Article &article);
    QString lastError() const { return m_articles.lastError(); }

signals:
    void articleAdded(qint64 id);
    void articleChanged(qint64 id);
    void articleRemoved(qint64 id);
    void changedElsewhere();

private:
    ArticleRepository m_articles;
    LibraryWatcher *m_watcher;
};

} // namespace Copydesk
