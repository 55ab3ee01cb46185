#include <library/searchindex.h>

#include <library/librarydatabase.h>
#include <library/searchlanguage.h>
#include <library/sqlsupport.h>

#include <QRegularExpression>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace Copydesk {

SearchIndex::SearchIndex(const LibraryDatabase &database)
    : m_database(database)
{}

bool SearchIndex::fail(const QString &detail)
{
    m_lastError = detail;
    return false;
}

QString SearchIndex::folded(QString text)
{
    return text.replace(u'ё', u'е').replace(u'Ё', u'Е');
}

bool SearchIndex::index(qint64 articleId, Row row)
{
    // Both indexes read the article's text from the view they share (external content): nothing is
    // copied.
    if (row == Row::New) {
        // A new article with an entry already there: left by other tools for an article deleted behind
        // the indexes' back. What it held is not known, so it cannot be forgotten alone: both indexes are
        // made again from the articles (which this one is among now).
        QSqlQuery &stale =
            m_database.statement(u"SELECT EXISTS (SELECT 1 FROM article_search_docsize WHERE id = ?) "
                                 "OR EXISTS (SELECT 1 FROM article_stems_docsize WHERE id = ?)"_s);
        if (!Sql::run(stale, {QVariant(articleId), QVariant(articleId)}) || !stale.next())
            return fail(stale.lastError().text());
        const bool isStale = stale.value(0).toBool();
        stale.finish();
        if (isStale)
            return rebuild();
    } else if (!forget(articleId)) { // if the caller has not yet
        return false;
    }
    for (const QLatin1StringView table : {"article_search"_L1, "article_stems"_L1}) {
        QSqlQuery &insert = m_database.statement(
            u"INSERT INTO %1 (rowid, headline, standfirst, byline, body, quotes, captions) "
            "SELECT id, headline, standfirst, byline, body, quotes, captions FROM article_search_text WHERE id = ?"_s
                .arg(table));
        if (!Sql::run(insert, {QVariant(articleId)}))
            return fail(insert.lastError().text());
    }
    return true;
}

bool SearchIndex::rebuild()
{
    QSqlQuery query(m_database.connection());
    for (const QString &sql : {u"INSERT INTO article_search (article_search) VALUES ('rebuild')"_s,
                               u"INSERT INTO article_stems (article_stems) VALUES ('rebuild')"_s}) {
        if (!query.exec(sql))
            return fail(query.lastError().text());
    }
    return true;
}

bool SearchIndex::forget(qint64 articleId)
{
    // An external-content index forgets an article only when told what it indexed: the view's text, read
    // before any of it changes. Only what it holds: forgetting an article it never indexed would damage
    // it (its docsize table has a row per article indexed).
    for (const QLatin1StringView table : {"article_search"_L1, "article_stems"_L1}) {
        QSqlQuery &forget = m_database.statement(
            u"INSERT INTO %1 (%1, rowid, headline, standfirst, byline, body, quotes, captions) "
            "SELECT 'delete', id, headline, standfirst, byline, body, quotes, captions FROM "
            "article_search_text "
            "WHERE id = ? AND EXISTS (SELECT 1 FROM %1_docsize d WHERE d.id = ?)"_s.arg(table));
        if (!Sql::run(forget, {QVariant(articleId), QVariant(articleId)}))
            return fail(forget.lastError().text());
    }
    return true;
}

QString SearchIndex::matchingFrom()
{
    return u"article_stems s JOIN articles a ON a.id = s.rowid"_s;
}

QString SearchIndex::matchingCondition()
{
    // The stemmed index finds every form ("sanction": "sanctions", "sanctioned"); the exact one is only
    // asked for ranking.
    return u"article_stems MATCH ?"_s;
}

QString SearchIndex::snippetColumn()
{
    return u"snippet(article_stems, -1, '[', ']', '…', 12)"_s;
}

QString SearchIndex::rankScore()
{
    // bm25, lower is better: headline matches weigh most, then standfirst and byline, quotes and captions,
    // the body least.
    return u"bm25(article_stems, 10.0, 4.0, 4.0, 1.0, 2.0, 2.0)"_s;
}

QString SearchIndex::ftsQuery(const QString &userQuery)
{
    return SearchLanguage::parse(userQuery).match;
}

} // namespace Copydesk
