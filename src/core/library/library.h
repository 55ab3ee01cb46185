#pragma once

#include <library/articlerepository.h>

#include <library/articlewriter.h>

#include <QObject>
#include <QThread>

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
    // The same save on the library's writer thread, so the calling thread is not held up by SQLite (an
    // autosave of a long piece takes several milliseconds). Returns a ticket; backgroundSaveFinished()
    // brings the result, announced like update()'s. The writer's own commits are not reported as
    // changedElsewhere(): the watcher looks once before the save and takes the new state as its own after.
    quint64 updateIfUnchangedInBackground(const Article &article, const QDateTime &seenUpdatedAt,
                                          ArticleRepository::Parts parts);
    // Waits for the background saves asked for so far and delivers their results now (before quitting,
    // closing an article or saving in the foreground).
    void waitForBackgroundSaves();
    bool hasBackgroundSaves() const { return m_pendingSaves > 0; }

    bool remove(qint64 id);
    bool addRevision(const Article &article, const QString &name = {});
    // ArticleRepository::revert(), announced as a change of the article.
    bool revert(qint64 articleId, int number);
    // The reader's marks (ArticleRepository::setStarred/setRead); the views follow through articleChanged.
    bool setStarred(const QList<qint64> &ids, bool starred);
    bool setRead(const QList<qint64> &ids, bool read);
    // To the trash and back (ArticleRepository::setTrashed), announced by articlesTrashed().
    bool setTrashed(const QList<qint64> &ids, bool trashed);
    // Deletes what is in the trash, for good; returns how many (-1 on failure, with what was deleted
    // before it announced).
    int emptyTrash();
    // Gives each article these tags (an edit of its tags), announced as a change of each.
    bool setTags(const QHash<qint64, QStringList> &tagsById);
    bool renameTag(const QString &from, const QString &to);
    bool saveSearch(const SavedSearch &search);
    bool removeSavedSearch(const QString &name);
    QString lastError() const { return m_articles.lastError(); }

signals:
    void articleAdded(qint64 id);
    void articleChanged(qint64 id);
    void articleRemoved(qint64 id);
    void changedElsewhere();
    void articlesTrashed(const QList<qint64> &ids, bool trashed);
    void tagsChanged();
    void savedSearchesChanged();
    void backgroundSaveFinished(const Copydesk::BackgroundSave &save);

private:
    void deliverBackgroundSaves();

    const LibraryDatabase &m_database;
    ArticleRepository m_articles;
    LibraryWatcher *m_watcher;
    QThread m_writerThread;
    ArticleWriter *m_writer = nullptr; // lives on m_writerThread, made at the first background save
    quint64 m_lastTicket = 0;
    int m_pendingSaves = 0;
};

} // namespace Copydesk
