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
    const std::optional<Held> held = holds(articleId);
    if (!held)
        return false;
    if (row == Row::New && (held->exact || held->stemmed)) {
        // A new article with an entry already there: left by other tools for an article deleted behind
        // the indexes' back. What it held is not known, so it cannot be forgotten alone: both indexes are
        // made again from the articles (which this one is among now).
        return rebuild();
    }
    // A replaced article the caller has not forgotten yet (what it held is the text stored before).
    if (row == Row::Replaced && (held->exact || held->stemmed) && !forget(articleId, *held))
        return false;
    const std::optional<Text> text = read(articleId);
    if (!text)
        return false;
    for (const QLatin1StringView table : {"article_search"_L1, "article_stems"_L1}) {
        // One row of VALUES, not INSERT ... SELECT: a statement that may write several rows opens a
        // savepoint, and FTS5 writes its pending terms out as a segment of their own at every savepoint
        // (a quarter of the time of storing an article).
        QSqlQuery &insert = m_database.statement(
            u"INSERT INTO %1 (rowid, headline, standfirst, byline, body, quotes, captions) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)"_s.arg(table));
        if (!Sql::run(insert, {QVariant(articleId), text->columns[0], text->columns[1], text->columns[2],
                               text->columns[3], text->columns[4], text->columns[5]}))
            return fail(insert.lastError().text());
    }
    return true;
}

std::optional<SearchIndex::Held> SearchIndex::holds(qint64 articleId)
{
    // Each index's docsize table has a row per article it holds.
    QSqlQuery &select =
        m_database.statement(u"SELECT EXISTS (SELECT 1 FROM article_search_docsize WHERE id = ?), "
                             "EXISTS (SELECT 1 FROM article_stems_docsize WHERE id = ?)"_s);
    if (!Sql::run(select, {QVariant(articleId), QVariant(articleId)}) || !select.next()) {
        fail(select.lastError().text());
        return std::nullopt;
    }
    const Held held{select.value(0).toBool(), select.value(1).toBool()};
    select.finish();
    return held;
}

std::optional<SearchIndex::Text> SearchIndex::read(qint64 articleId)
{
    // The view derives the body's text (copydesk_plain_text()): read once for both indexes.
    QSqlQuery &select = m_database.statement(
        u"SELECT headline, standfirst, byline, body, quotes, captions FROM article_search_text WHERE id = ?"_s);
    if (!Sql::run(select, {QVariant(articleId)})) {
        fail(select.lastError().text());
        return std::nullopt;
    }
    Text text;
    if (select.next()) {
        text.found = true;
        for (int column = 0; column < 6; ++column)
            text.columns[column] = select.value(column);
    }
    select.finish();
    return text;
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
    const std::optional<Held> held = holds(articleId);
    return held && (!(held->exact || held->stemmed) || forget(articleId, *held));
}

bool SearchIndex::forget(qint64 articleId, const Held &held)
{
    // An external-content index forgets an article only when told what it indexed: the view's text, read
    // before any of it changes. Only what it holds: forgetting an article it never indexed would damage
    // it.
    const std::optional<Text> text = read(articleId);
    if (!text)
        return false;
    for (const QLatin1StringView table : {"article_search"_L1, "article_stems"_L1}) {
        if (!text->found || !(table == "article_search"_L1 ? held.exact : held.stemmed))
            continue;
        QSqlQuery &forget = m_database.statement(
            u"INSERT INTO %1 (%1, rowid, headline, standfirst, byline, body, quotes, captions) "
            "VALUES ('delete', ?, ?, ?, ?, ?, ?, ?)"_s.arg(table));
        if (!Sql::run(forget, {QVariant(articleId), text->columns[0], text->columns[1], text->columns[2],
                               text->columns[3], text->columns[4], text->columns[5]}))
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
