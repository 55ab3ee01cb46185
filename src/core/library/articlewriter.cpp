#include <library/articlewriter.h>

namespace Copydesk {

ArticleWriter::ArticleWriter(const LibraryDatabase &database)
    : m_database(database)
{}

ArticleWriter::~ArticleWriter() = default;

void ArticleWriter::save(quint64 ticket, Article article, QDateTime seenUpdatedAt,
                         ArticleRepository::Parts parts)
{
    if (!m_repository)
        m_repository = std::make_unique<ArticleRepository>(m_database);
    BackgroundSave done;
    done.ticket = ticket;
    done.result = m_repository->updateIfUnchanged(article, seenUpdatedAt, parts);
    if (done.result == ArticleRepository::UpdateResult::Failed)
        done.error = m_repository->lastError();
    done.article = std::move(article);
    {
        const QMutexLocker lock(&m_resultsMutex);
        m_results.append(std::move(done));
    }
    emit resultsReady();
}

QList<BackgroundSave> ArticleWriter::take()
{
    const QMutexLocker lock(&m_resultsMutex);
    return std::exchange(m_results, {});
}

} // namespace Copydesk
