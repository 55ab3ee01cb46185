#include <library/library.h>

#include <library/librarywatcher.h>

namespace Copydesk {

Library::Library(const LibraryDatabase &database, QObject *parent)
    : QObject(parent)
    , m_articles(database)
    , m_watcher(new LibraryWatcher(database, this))
{
    connect(m_watcher, &LibraryWatcher::changedElsewhere, this, &Library::changedElsewhere);
}

Library::~Library() = default;

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

bool Library::addRevision(const Article &article)
{
    // A revision changes nothing a list shows.
    return m_articles.addRevision(article);
}

} // namespace Copydesk
