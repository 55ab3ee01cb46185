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

bool SearchIndex::write(const Article &article, Row row)
{
    QStringList quoteTexts;
    for (const Quote &quote : article.quotes)
        quoteTexts << quote.text << quote.speaker;
    QStringList captions;
    for (const ArticleImage &image : article.images)
        captions << image.caption << image.creditLine << image.credit;
    const std::initializer_list<QVariant> values = {QVariant(article.id),
                                                    QVariant(folded(article.headline)),
                                                    QVariant(folded(article.standfirst)),
                                                    QVariant(folded(article.byline)),
                                                    QVariant(folded(article.bodyText)),
                                                    QVariant(folded(quoteTexts.join(u'\n'))),
                                                    QVariant(folded(captions.join(u'\n')))};

    const auto removeOld = [&] {
        return remove(article.id);
    };
    // A new article has no row to replace, and FTS5 would look for one all the same: the delete is left
    // out. Should a row be there after all (a library changed by other tools), it is replaced then.
    if (row == Row::Replace && !removeOld())
        return false;
    QSqlQuery &insert = m_database.statement(
        u"INSERT INTO article_search (rowid, headline, standfirst, byline, body, quotes, captions) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    // The stemmed index reads its text from the exact one: the same values, no second copy kept.
    QSqlQuery &insertStems = m_database.statement(
        u"INSERT INTO article_stems (rowid, headline, standfirst, byline, body, quotes, captions) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    if (Sql::run(insert, values))
        return Sql::run(insertStems, values) || fail(insertStems.lastError().text());
    if (row == Row::New && removeOld() && Sql::run(insert, values))
        return Sql::run(insertStems, values) || fail(insertStems.lastError().text());
    return fail(insert.lastError().text());
}

bool SearchIndex::remove(qint64 articleId)
{
    // An external-content index forgets a row only when told what it held: from the exact index, before
    // that row goes.
    QSqlQuery &forgetStems = m_database.statement(
        u"INSERT INTO article_stems (article_stems, rowid, headline, standfirst, byline, body, quotes, "
        u"captions) "
        "SELECT 'delete', s.rowid, s.headline, s.standfirst, s.byline, s.body, s.quotes, s.captions "
        "FROM article_search s WHERE s.rowid = ? "
        // Only what it indexed: deleting a row it never had (a stale exact row written by other tools)
        // would damage it. Its docsize table has a row per indexed article.
        "AND EXISTS (SELECT 1 FROM article_stems_docsize d WHERE d.id = s.rowid)"_s);
    if (!Sql::run(forgetStems, {QVariant(articleId)}))
        return fail(forgetStems.lastError().text());
    QSqlQuery &remove = m_database.statement(u"DELETE FROM article_search WHERE rowid = ?"_s);
    return Sql::run(remove, {QVariant(articleId)}) || fail(remove.lastError().text());
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
