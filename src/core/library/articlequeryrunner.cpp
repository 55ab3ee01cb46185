#include <library/articlequeryrunner.h>

#include <library/articlelistmodel.h>
#include <library/librarydatabase.h>
#include <library/sqlitestatement.h>

#include <sqlite3.h>

#include <utility>

using namespace Qt::StringLiterals;

namespace Copydesk {

ArticleQueryRunner::ArticleQueryRunner(const LibraryDatabase &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    qRegisterMetaType<Copydesk::ArticleQuery>();
    qRegisterMetaType<Copydesk::ArticlePage>();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.setObjectName(u"copydesk-list"_s);
    // Started by the first query, not here: a window's first screen is read on its own thread first.
}

void ArticleQueryRunner::ensureStarted()
{
    if (!std::exchange(m_started, true))
        m_thread.start();
}

ArticleQueryRunner::~ArticleQueryRunner()
{
    if (!m_started) {
        delete m_context; // never ran: nothing on its thread to wait for
        return;
    }
    m_wanted = 0; // nothing more is wanted: a query running stops at once
    if (void *connection = m_connection.load())
        sqlite3_interrupt(static_cast<sqlite3 *>(connection));
    m_thread.quit();
    m_thread.wait();
}

void ArticleQueryRunner::run(quint64 generation, const ArticleQuery &query)
{
    ensureStarted();
    m_wanted = generation;
    // sqlite3_interrupt() may be called from any thread; it stops what the connection runs now (the older
    // query) and nothing that starts after it.
    if (void *connection = m_connection.load())
        sqlite3_interrupt(static_cast<sqlite3 *>(connection));
    QMetaObject::invokeMethod(
        m_context, [this, generation, query] { read(generation, query); }, Qt::QueuedConnection);
}

void ArticleQueryRunner::count(quint64 generation, const ArticleQuery &query)
{
    ensureStarted();
    m_wanted = generation;
    QMetaObject::invokeMethod(
        m_context,
        [this, generation, query] {
            if (!isWanted(generation))
                return;
            const int count = repository().countRows(query);
            if (isWanted(generation) && count >= 0)
                emit counted(generation, count);
        },
        Qt::QueuedConnection);
}

ArticleRepository ArticleQueryRunner::repository()
{
    // Its handle kept, so that a newer query can interrupt whatever this thread reads (a count or a
    // search's page: at a million articles, tens of milliseconds).
    if (!m_connection.load())
        m_connection = sqliteHandle(m_database.connection());
    return ArticleRepository(m_database); // this thread's connection
}

void ArticleQueryRunner::locate(quint64 generation, const ArticleQuery &query, qint64 id)
{
    ensureStarted();
    m_wanted = generation;
    QMetaObject::invokeMethod(
        m_context,
        [this, generation, query, id] {
            if (!isWanted(generation))
                return;
            const std::optional<int> row = repository().positionOf(query, id);
            if (isWanted(generation) && row)
                emit located(generation, id, *row);
        },
        Qt::QueuedConnection);
}

void ArticleQueryRunner::read(quint64 generation, const ArticleQuery &query)
{
    if (!isWanted(generation))
        return; // a newer one is queued behind it
    const ArticleRepository repository = this->repository();
    // Decided once (the word being typed: a prefix or a word); the list reads its other pages so.
    const ArticleQuery settled = repository.settled(query);
    const ArticlePage rows =
        repository.findPage(settled, 0, ArticleListModel::PageSize, -1, {}, ArticleListModel::SnippetBlock);
    if (!isWanted(generation))
        return;
    const bool all = rows.size() < ArticleListModel::PageSize;
    emit firstPageRead(generation, settled, rows, all ? int(rows.size()) : -1);
    if (all)
        return;
    const int count = repository.countRows(settled);
    if (isWanted(generation) && count >= 0)
        emit counted(generation, count);
}

} // namespace Copydesk
