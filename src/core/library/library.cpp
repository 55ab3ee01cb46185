#include <library/library.h>

#include <library/librarywatcher.h>

namespace Copydesk {

Library::Library(const LibraryDatabase &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_articles(database)
    , m_watcher(new LibraryWatcher(database, this))
{
    connect(m_watcher, &LibraryWatcher::changedElsewhere, this, &Library::changedElsewhere);
}

Library::~Library()
{
    if (m_writer) {
        waitForBackgroundSaves();
        m_writerThread.quit();
        m_writerThread.wait();
    }
}

quint64 Library::updateIfUnchangedInBackground(const Article &article, const QDateTime &seenUpdatedAt,
                                               ArticleRepository::Parts parts)
{
    if (!m_writer) {
        m_writer = new ArticleWriter(m_database);
        m_writer->moveToThread(&m_writerThread);
        // Destroyed on its own thread, where its statements' connection lives.
        connect(&m_writerThread, &QThread::finished, m_writer, &QObject::deleteLater);
        connect(m_writer, &ArticleWriter::resultsReady, this, &Library::deliverBackgroundSaves,
                Qt::QueuedConnection);
        m_writerThread.setObjectName(QStringLiteral("Library writer"));
        m_writerThread.start();
    }
    // What others committed until now is reported as theirs before the writer's commit joins it.
    m_watcher->check();
    const quint64 ticket = ++m_lastTicket;
    ++m_pendingSaves;
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, ticket, article, seenUpdatedAt, parts] {
        writer->save(ticket, article, seenUpdatedAt, parts);
    });
    return ticket;
}

void Library::waitForBackgroundSaves()
{
    if (!m_writer || m_pendingSaves == 0)
        return;
    // Everything queued to the writer before this runs before it.
    QMetaObject::invokeMethod(
        m_writer, [] {}, Qt::BlockingQueuedConnection);
    deliverBackgroundSaves();
}

void Library::deliverBackgroundSaves()
{
    if (!m_writer)
        return;
    const QList<BackgroundSave> saves = m_writer->take();
    if (saves.isEmpty())
        return;
    // The writer's commits are the window's own: not news from elsewhere.
    m_watcher->absorb();
    for (const BackgroundSave &save : saves) {
        --m_pendingSaves;
        if (save.result == ArticleRepository::UpdateResult::Saved)
            emit articleChanged(save.article.id);
        emit backgroundSaveFinished(save);
    }
}

bool Library::insert(Article &article)
{
    if (!m_articles.insert(article))
        return false;
    emit articleAdded(article.id);
    return true;
}

bool Library::update(Article &article, ArticleRepository::Parts parts)
{
    if (!m_articles.update(article, parts))
        return false;
    emit articleChanged(article.id);
    return true;
}

ArticleRepository::UpdateResult Library::updateIfUnchanged(Article &article, const QDateTime &seenUpdatedAt,
                                                           ArticleRepository::Parts parts)
{
    const ArticleRepository::UpdateResult result =
        m_articles.updateIfUnchanged(article, seenUpdatedAt, parts);
    if (result == ArticleRepository::UpdateResult::Saved)
        emit articleChanged(article.id);
    return result;
}

bool Library::remove(qint64 id)
{
    if (!m_articles.remove(id))
        return false;
    emit articleRemoved(id);
    return true;
}

bool Library::addRevision(const Article &article, const QString &name)
{
    // A revision changes nothing a list shows.
    return m_articles.addRevision(article, name);
}

bool Library::revert(qint64 articleId, int number)
{
    waitForBackgroundSaves();
    if (!m_articles.revert(articleId, number))
        return false;
    emit articleChanged(articleId);
    return true;
}

bool Library::setStarred(const QList<qint64> &ids, bool starred)
{
    if (!m_articles.setStarred(ids, starred))
        return false;
    for (const qint64 id : ids)
        emit articleChanged(id);
    return true;
}

bool Library::setRead(const QList<qint64> &ids, bool read)
{
    if (!m_articles.setRead(ids, read))
        return false;
    for (const qint64 id : ids)
        emit articleChanged(id);
    return true;
}

bool Library::setTrashed(const QList<qint64> &ids, bool trashed)
{
    if (!m_articles.setTrashed(ids, trashed))
        return false;
    emit articlesTrashed(ids, trashed);
    return true;
}

int Library::emptyTrash()
{
    int deleted = 0;
    for (const qint64 id : m_articles.trashedIds()) {
        if (!remove(id))
            return -1;
        ++deleted;
    }
    return deleted;
}

bool Library::setTags(const QHash<qint64, QStringList> &tagsById)
{
    // Saved as an edit of the tags (the updated time moves on), as `copydesk tag` does: an editor with the
    // article open takes the change in instead of writing its older copy over it.
    bool ok = true;
    for (auto it = tagsById.cbegin(); it != tagsById.cend() && ok; ++it) {
        std::optional<Article> article = m_articles.load(it.key());
        if (!article)
            continue; // deleted meanwhile
        const QDateTime seen = article->updatedAt;
        article->tags = it.value();
        ok = m_articles.updateIfUnchanged(*article, seen, ArticleRepository::Part::Tags) ==
             ArticleRepository::UpdateResult::Saved;
        if (ok)
            emit articleChanged(it.key());
    }
    if (!tagsById.isEmpty())
        emit tagsChanged();
    return ok;
}

bool Library::renameTag(const QString &from, const QString &to)
{
    if (!m_articles.renameTag(from, to))
        return false;
    emit tagsChanged();
    return true;
}

bool Library::saveSearch(const SavedSearch &search)
{
    if (!m_articles.saveSearch(search))
        return false;
    emit savedSearchesChanged();
    return true;
}

bool Library::removeSavedSearch(const QString &name)
{
    if (!m_articles.removeSavedSearch(name))
        return false;
    emit savedSearchesChanged();
    return true;
}

} // namespace Copydesk
