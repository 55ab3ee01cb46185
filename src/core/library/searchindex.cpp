#include <library/searchindex.h>

#include <library/librarydatabase.h>
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
        QSqlQuery &remove = m_database.statement(u"DELETE FROM article_search WHERE rowid = ?"_s);
        return Sql::run(remove, {QVariant(article.id)}) || fail(remove.lastError().text());
    };
    // A new article has no row to replace, and FTS5 would look for one all the same: the delete is left
    // out. Should a row be there after all (a library changed by other tools), it is replaced then.
    if (row == Row::Replace && !removeOld())
        return false;
    QSqlQuery &insert = m_database.statement(
        u"INSERT INTO article_search (rowid, headline, standfirst, byline, body, quotes, captions) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    if (Sql::run(insert, values))
        return true;
    if (row == Row::New && removeOld() && Sql::run(insert, values))
        return true;
    return fail(insert.lastError().text());
}

bool SearchIndex::remove(qint64 articleId)
{
    QSqlQuery &remove = m_database.statement(u"DELETE FROM article_search WHERE rowid = ?"_s);
    return Sql::run(remove, {QVariant(articleId)}) || fail(remove.lastError().text());
}

QString SearchIndex::matchingFrom()
{
    return u"article_search s JOIN articles a ON a.id = s.rowid"_s;
}

QString SearchIndex::matchingCondition()
{
    return u"article_search MATCH ?"_s;
}

QString SearchIndex::snippetColumn()
{
    return u"snippet(article_search, -1, '[', ']', '…', 12)"_s;
}

QString SearchIndex::rankOrder()
{
    // Headline matches weigh most, then standfirst and byline, quotes and captions, the body least.
    return u"bm25(article_search, 10.0, 4.0, 4.0, 1.0, 2.0, 2.0)"_s;
}

QString SearchIndex::ftsQuery(const QString &userQuery)
{
    // Phrases in double quotes stay phrases; every other word becomes a quoted term so that punctuation
    // ("U.S.", "Makei's", "AND") can never be read as FTS5 syntax. The last bare word matches as a
    // prefix, for search as you type.
    static const QRegularExpression tokens(u"\"([^\"]*)\"|(\\S+)"_s);
    QStringList terms;
    bool lastIsWord = false;
    auto it = tokens.globalMatch(folded(userQuery));
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const bool isPhrase = match.capturedStart(1) >= 0;
        QString text = isPhrase ? match.captured(1) : match.captured(2);
        text.remove(u'"');
        if (text.trimmed().isEmpty())
            continue;
        terms.append(u'"' + text + u'"');
        lastIsWord = !isPhrase;
    }
    if (terms.isEmpty())
        return {};
    if (lastIsWord)
        terms.last() += u'*';
    return terms.join(u' ');
}

} // namespace Copydesk
