#include <library/libraryrescue.h>

#include <library/logging.h>

#include <library/articlerepository.h>
#include <library/librarydatabase.h>
#include <model/article.h>

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <set>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

// Reads ids from one query, in order, until the end or the first error. Returns the last id read (0 when
// none) and whether it stopped on an error.
std::pair<qint64, bool> readIds(QSqlQuery &query, std::set<qint64> &ids)
{
    qint64 last = 0;
    if (!query.exec())
        return {0, true};
    while (query.next()) {
        last = query.value(0).toLongLong();
        if (last > 0)
            ids.insert(last);
    }
    return {last, query.lastError().isValid()};
}

// The ids of the articles table, read past damaged pages: forwards from the start and backwards from the
// end (the table's last page is found without reading those before it), and in the gap between, a
// probe at growing steps that reads on from wherever it lands on a readable page.
void scanArticleIds(const QSqlDatabase &db, qint64 highestNamed, std::set<qint64> &ids)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    qint64 highest = highestNamed;
    query.prepare(u"SELECT id FROM articles ORDER BY id DESC"_s);
    if (query.exec()) {
        while (query.next()) {
            const qint64 id = query.value(0).toLongLong();
            highest = std::max(highest, id);
            ids.insert(id);
        }
    }
    qint64 from = 0;
    qint64 step = 1;
    while (from <= highest) {
        query.prepare(u"SELECT id FROM articles WHERE id > ? ORDER BY id"_s);
        query.addBindValue(from);
        const auto [last, failed] = readIds(query, ids);
        if (!failed)
            return;
        if (last > from) { // read something: probe closely again past the next damaged page
            from = last + 1;
            step = 1;
        } else {
            from += step;
            step *= 2;
        }
    }
}

std::set<qint64> candidateIds(const LibraryDatabase &damaged)
{
    const QSqlDatabase db = damaged.connection();
    std::set<qint64> ids;
    for (const QString &sql :
         {u"SELECT rowid FROM article_search ORDER BY rowid"_s, u"SELECT DISTINCT article_id FROM quotes"_s,
          u"SELECT DISTINCT article_id FROM images"_s, u"SELECT DISTINCT article_id FROM revisions"_s,
          u"SELECT DISTINCT article_id FROM related_links"_s,
          u"SELECT DISTINCT article_id FROM article_tags"_s}) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.prepare(sql);
        readIds(query, ids);
    }
    scanArticleIds(db, ids.empty() ? 0 : *ids.rbegin(), ids);
    return ids;
}

} // namespace

RescueReport LibraryRescue::rescue(const LibraryDatabase &damaged, const LibraryDatabase &target,
                                   const Progress &progress)
{
    return rescue(damaged, target, {}, progress);
}

RescueReport LibraryRescue::rescue(const LibraryDatabase &damaged, const LibraryDatabase &target,
                                   const QList<Article> &replacements, const Progress &progress)
{
    RescueReport report;
    const ArticleRepository from(damaged);
    ArticleRepository to(target);
    const std::set<qint64> ids = candidateIds(damaged);
    const int total = int(ids.size());
    int done = 0;
    for (const qint64 id : ids) {
        const auto replacement = std::find_if(replacements.cbegin(), replacements.cend(),
                                              [id](const Article &article) { return article.id == id; });
        std::optional<Article> article =
            replacement != replacements.cend() ? std::optional<Article>(*replacement) : from.load(id);
        if (!article) {
            report.unreadable.append(id);
        } else {
            QList<Article> revisions;
            for (const RevisionInfo &info : from.revisions(id)) {
                if (std::optional<Article> revision = from.revision(id, info.number))
                    revisions.append(*revision);
            }
            article->id = 0;
            if (!to.insert(*article)) {
                report.error = to.lastError();
                return report;
            }
            for (Article &revision : revisions) {
                revision.id = article->id;
                if (to.addRevision(revision))
                    ++report.revisions;
            }
            ++report.rescued;
        }
        ++done;
        if (progress && !progress(done, total)) {
            report.cancelled = true;
            break;
        }
    }
    qCInfo(lcRescue) << "rescued" << report.rescued << "articles from" << damaged.path() << "into"
                     << target.path() << ";" << report.unreadable.size() << "unreadable";
    return report;
}

} // namespace Copydesk
