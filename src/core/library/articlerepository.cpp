#include <library/articlerepository.h>
#include <model/articlediff.h>

#include <QRegularExpression>

#include <library/articlecontent.h>
#include <library/articlequery.h>
#include <library/librarydatabase.h>
#include <library/logging.h>
#include <library/sqlsupport.h>

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace Copydesk {

using Sql::nullableTime;
using Sql::run;
using Sql::text;
using Sql::Transaction;

ArticleRepository::ArticleRepository(const LibraryDatabase &database)
    : m_database(database)
    , m_search(database)
    , m_revisions(database)
{}

void ArticleRepository::prepareForStorage(Article &article)
{
    ArticleContent::prepareForStorage(article);
}

QString ArticleRepository::contentHash(const Article &article)
{
    return ArticleContent::hash(article);
}

QString ArticleRepository::ftsQuery(const QString &userQuery)
{
    return SearchIndex::ftsQuery(userQuery);
}

bool ArticleRepository::fail(const QString &what, const QString &detail) const
{
    m_lastError = u"%1: %2 (%3)"_s.arg(m_database.path(), what, detail);
    qCInfo(lcRepository) << m_lastError;
    return false;
}

bool ArticleRepository::refuseWrite() const
{
    if (m_database.writesAllowed())
        return false;
    m_lastError = m_database.writeRefusal();
    qCInfo(lcRepository) << "write refused:" << m_lastError;
    return true;
}

bool ArticleRepository::insert(Article &article)
{
    return insertWithFirstRevision(article, {});
}

bool ArticleRepository::insertWithFirstRevision(Article &article, const QString &revisionName)
{
    if (refuseWrite())
        return false;
    prepareForStorage(article);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (article.uuid.isEmpty())
        article.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!article.createdAt.isValid())
        article.createdAt = now;
    if (!article.updatedAt.isValid())
        article.updatedAt = article.createdAt;

    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (!transaction.isActive())
        return fail(u"cannot start a transaction"_s, db.lastError().text());

    QSqlQuery &query = m_database.statement(
        u"INSERT INTO articles (uuid, status, section, headline, standfirst, byline, dateline, language, "
        "body_html, source_url, source_name, content_hash, created_at, updated_at, published_at, "
        "read_at, starred, word_count, editor_note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!run(query,
             {text(article.uuid), QVariant(statusToString(article.status)), text(article.section),
              text(article.headline), text(article.standfirst), text(article.byline), text(article.dateline),
              text(article.language), text(article.bodyHtml), text(article.sourceUrl),
              text(article.sourceName), QVariant(contentHash(article)),
              QVariant(toStorageTime(article.createdAt)), QVariant(toStorageTime(article.updatedAt)),
              nullableTime(article.publishedAt), nullableTime(article.readAt),
              QVariant(article.starred ? 1 : 0), QVariant(article.wordCount), text(article.editorNote)}))
        return fail(u"cannot store the article"_s, query.lastError().text());
    article.id = SqlDialect::insertedId(query);

    if (!writeChildren(article, AllParts) || !writeSearchRow(article.id, SearchIndex::Row::New)) {
        article.id = 0;
        return false;
    }
    if (!revisionName.isEmpty() && !m_revisions.add(article, revisionName)) {
        const qint64 id = std::exchange(article.id, 0);
        return fail(u"cannot keep the first revision of article %1"_s.arg(id), m_revisions.lastError());
    }
    if (!transaction.commit()) {
        article.id = 0;
        return fail(u"cannot commit the article"_s, db.lastError().text());
    }
    return true;
}

bool ArticleRepository::update(Article &article, Parts parts)
{
    return updateStored(article, nullptr, parts) == UpdateResult::Saved;
}

ArticleRepository::UpdateResult
ArticleRepository::updateIfUnchanged(Article &article, const QDateTime &seenUpdatedAt, Parts parts)
{
    return updateStored(article, &seenUpdatedAt, parts);
}

ArticleRepository::UpdateResult ArticleRepository::updateStored(Article &article,
                                                                const QDateTime *seenUpdatedAt, Parts parts)
{
    if (refuseWrite())
        return UpdateResult::Failed;
    if (article.id <= 0) {
        fail(u"cannot update an article that was never stored"_s, u"no id"_s);
        return UpdateResult::Failed;
    }
    const QDateTime previousUpdatedAt = article.updatedAt;
    prepareForStorage(article);
    // Whatever fails below leaves the article as the caller knew it, stored time included.
    auto failed = [&](const QString &what, const QString &detail) {
        article.updatedAt = previousUpdatedAt;
        fail(what, detail);
        return UpdateResult::Failed;
    };

    QSqlDatabase db = m_database.connection();
    Transaction transaction(db, Transaction::Kind::Immediate);
    if (!transaction.isActive())
        return failed(u"cannot start a transaction"_s, db.lastError().text());

    QSqlQuery stored(db);
    stored.prepare(u"SELECT updated_at FROM articles WHERE id = ?"_s);
    if (!run(stored, {QVariant(article.id)}))
        return failed(u"cannot save article %1"_s.arg(article.id), stored.lastError().text());
    const bool found = stored.next();
    const QString storedTime = found ? stored.value(0).toString() : QString();
    stored.finish();
    if (!found)
        return failed(u"cannot save article %1"_s.arg(article.id), u"it is no longer in the library"_s);
    // Another window or a command may have saved the article since this copy was read: then this copy is
    // older and must not silently replace theirs.
    if (seenUpdatedAt && storedTime != toStorageTime(*seenUpdatedAt)) {
        article.updatedAt = previousUpdatedAt;
        m_lastError = u"%1: article %2 was changed elsewhere since it was opened"_s.arg(m_database.path())
                          .arg(article.id);
        return UpdateResult::Conflict;
    }
    // Every save moves the stored time on, by a millisecond at least: two saves within one millisecond, from
    // two programs, must still look like two versions to updateIfUnchanged().
    article.updatedAt = std::max(QDateTime::currentDateTimeUtc(), fromStorageTime(storedTime).addMSecs(1));

    // The search indexes forget the article as it was while the view they read still shows it so.
    if (!m_search.forget(article.id))
        return failed(u"cannot save article %1"_s.arg(article.id), m_search.lastError());
    QSqlQuery &query = m_database.statement(
        u"UPDATE articles SET status = ?, section = ?, headline = ?, standfirst = ?, byline = ?, "
        "dateline = ?, language = ?, body_html = ?, source_url = ?, source_name = ?, "
        "content_hash = ?, updated_at = ?, published_at = ?, word_count = ?, editor_note = ? WHERE id = ?"_s);
    if (!run(query, {QVariant(statusToString(article.status)), text(article.section), text(article.headline),
                     text(article.standfirst), text(article.byline), text(article.dateline),
                     text(article.language), text(article.bodyHtml), text(article.sourceUrl),
                     text(article.sourceName), QVariant(contentHash(article)),
                     QVariant(toStorageTime(article.updatedAt)), nullableTime(article.publishedAt),
                     QVariant(article.wordCount), text(article.editorNote), QVariant(article.id)}))
        return failed(u"cannot save article %1"_s.arg(article.id), query.lastError().text());
    if (query.numRowsAffected() != 1)
        return failed(u"cannot save article %1"_s.arg(article.id), u"it is no longer in the library"_s);

    // Only the parts the caller changed are written again: an autosave of the text leaves the image blobs
    // where they are.
    const std::pair<Part, QLatin1StringView> tables[] = {{Part::Quotes, "quotes"_L1},
                                                         {Part::Images, "images"_L1},
                                                         {Part::Tags, "article_tags"_L1},
                                                         {Part::Related, "related_links"_L1}};
    for (const auto &[part, table] : tables) {
        if (!parts.testFlag(part))
            continue;
        QSqlQuery &clear = m_database.statement(u"DELETE FROM %1 WHERE article_id = ?"_s.arg(table));
        if (!run(clear, {QVariant(article.id)}))
            return failed(u"cannot save article %1"_s.arg(article.id), clear.lastError().text());
    }
    if (!writeChildren(article, parts) || !writeSearchRow(article.id, SearchIndex::Row::Replaced)) {
        article.updatedAt = previousUpdatedAt;
        return UpdateResult::Failed;
    }
    if (!transaction.commit())
        return failed(u"cannot commit article %1"_s.arg(article.id), db.lastError().text());
    return UpdateResult::Saved;
}

bool ArticleRepository::writeChildren(const Article &article, Parts parts)
{
    for (qsizetype i = 0; parts.testFlag(Part::Quotes) && i < article.quotes.size(); ++i) {
        const Quote &q = article.quotes.at(i);
        QSqlQuery &quote =
            m_database.statement(u"INSERT INTO quotes (article_id, position, text, speaker, "
                                 "speaker_role, context, on_record) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
        if (!run(quote, {QVariant(article.id), QVariant(int(i)), text(q.text), text(q.speaker),
                         text(q.speakerRole), text(q.context), QVariant(q.onRecord ? 1 : 0)}))
            return fail(u"cannot store the quotes"_s, quote.lastError().text());
    }

    for (qsizetype i = 0; parts.testFlag(Part::Images) && i < article.images.size(); ++i) {
        const ArticleImage &img = article.images.at(i);
        QSqlQuery &image = m_database.statement(
            u"INSERT INTO images (article_id, position, role, data, mime_type, width, height, caption, "
            "alt_text, credit, credit_line, copyright, licence, source_url, agency) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        if (!run(image, {QVariant(article.id), QVariant(int(i)), QVariant(imageRoleToString(img.role)),
                         img.hasData() ? QVariant(img.data) : QVariant(QMetaType::fromType<QByteArray>()),
                         text(img.mimeType), QVariant(img.width), QVariant(img.height), text(img.caption),
                         text(img.altText), text(img.credit), text(img.creditLine), text(img.copyright),
                         text(img.licence), text(img.sourceUrl), text(img.agency)}))
            return fail(u"cannot store the images"_s, image.lastError().text());
    }

    for (qsizetype i = 0; parts.testFlag(Part::Tags) && i < article.tags.size(); ++i) {
        const QString name = article.tags.at(i).trimmed();
        if (name.isEmpty())
            continue;
        QSqlQuery &tag =
            m_database.statement(u"INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING"_s);
        if (!run(tag, {QVariant(name)}))
            return fail(u"cannot store the tags"_s, tag.lastError().text());
        QSqlQuery &link = m_database.statement(
            u"INSERT INTO article_tags (article_id, tag_id, position) SELECT ?, id, ? FROM tags WHERE name = ?"_s);
        if (!run(link, {QVariant(article.id), QVariant(int(i)), QVariant(name)}))
            return fail(u"cannot store the tags"_s, link.lastError().text());
    }

    for (qsizetype i = 0; parts.testFlag(Part::Related) && i < article.related.size(); ++i) {
        const RelatedLink &r = article.related.at(i);
        QSqlQuery &related = m_database.statement(
            u"INSERT INTO related_links (article_id, position, title, author, url) VALUES (?, ?, ?, ?, ?)"_s);
        if (!run(related,
                 {QVariant(article.id), QVariant(int(i)), text(r.title), text(r.author), text(r.url)}))
            return fail(u"cannot store the related links"_s, related.lastError().text());
    }
    return true;
}

bool ArticleRepository::remove(qint64 id)
{
    if (refuseWrite())
        return false;
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (!m_search.forget(id))
        return fail(u"cannot delete article %1"_s.arg(id), m_search.lastError());
    QSqlQuery query(db);
    query.prepare(u"DELETE FROM articles WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec())
        return fail(u"cannot delete article %1"_s.arg(id), query.lastError().text());
    if (!transaction.commit())
        return fail(u"cannot delete article %1"_s.arg(id), db.lastError().text());
    return true;
}

std::optional<Article> ArticleRepository::load(qint64 id) const
{
    QSqlDatabase db = m_database.connection();
    QSqlQuery query(db);
    query.prepare(
        u"SELECT id, uuid, status, section, headline, standfirst, byline, dateline, language, "
        "body_html, copydesk_plain_text(body_html), source_url, source_name, created_at, updated_at, "
        "published_at, read_at, starred, word_count, editor_note FROM articles WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec()) {
        fail(u"cannot read article %1"_s.arg(id), query.lastError().text());
        return std::nullopt;
    }
    if (!query.next()) {
        m_lastError = u"no article with id %1 in %2"_s.arg(id).arg(m_database.path());
        return std::nullopt;
    }
    Article article;
    article.id = query.value(0).toLongLong();
    article.uuid = query.value(1).toString();
    article.status = statusFromString(query.value(2).toString()).value_or(ArticleStatus::Draft);
    article.section = query.value(3).toString();
    article.headline = query.value(4).toString();
    article.standfirst = query.value(5).toString();
    article.byline = query.value(6).toString();
    article.dateline = query.value(7).toString();
    article.language = query.value(8).toString();
    article.bodyHtml = query.value(9).toString();
    article.bodyText = query.value(10).toString();
    article.sourceUrl = query.value(11).toString();
    article.sourceName = query.value(12).toString();
    article.createdAt = fromStorageTime(query.value(13).toString());
    article.updatedAt = fromStorageTime(query.value(14).toString());
    article.publishedAt = fromStorageTime(query.value(15).toString());
    article.readAt = fromStorageTime(query.value(16).toString());
    article.starred = query.value(17).toBool();
    article.wordCount = query.value(18).toInt();
    article.editorNote = query.value(19).toString();

    QSqlQuery quotes(db);
    quotes.prepare(u"SELECT text, speaker, speaker_role, context, on_record FROM quotes WHERE article_id = ? "
                   "ORDER BY position"_s);
    quotes.addBindValue(id);
    quotes.exec();
    while (quotes.next()) {
        article.quotes.append({quotes.value(0).toString(), quotes.value(1).toString(),
                               quotes.value(2).toString(), quotes.value(3).toString(),
                               quotes.value(4).toBool()});
    }

    QSqlQuery images(db);
    images.prepare(
        u"SELECT id, role, data, mime_type, width, height, caption, alt_text, credit, credit_line, "
        "copyright, licence, source_url, agency FROM images WHERE article_id = ? ORDER BY position"_s);
    images.addBindValue(id);
    images.exec();
    while (images.next()) {
        ArticleImage image;
        image.id = images.value(0).toLongLong();
        image.role = imageRoleFromString(images.value(1).toString());
        image.data = images.value(2).toByteArray();
        image.mimeType = images.value(3).toString();
        image.width = images.value(4).toInt();
        image.height = images.value(5).toInt();
        image.caption = images.value(6).toString();
        image.altText = images.value(7).toString();
        image.credit = images.value(8).toString();
        image.creditLine = images.value(9).toString();
        image.copyright = images.value(10).toString();
        image.licence = images.value(11).toString();
        image.sourceUrl = images.value(12).toString();
        image.agency = images.value(13).toString();
        article.images.append(image);
    }

    QSqlQuery tags(db);
    tags.prepare(
        u"SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ? "
        "ORDER BY at.position"_s);
    tags.addBindValue(id);
    tags.exec();
    while (tags.next())
        article.tags.append(tags.value(0).toString());

    QSqlQuery related(db);
    related.prepare(u"SELECT title, author, url FROM related_links WHERE article_id = ? ORDER BY position"_s);
    related.addBindValue(id);
    related.exec();
    while (related.next())
        article.related.append(
            {related.value(0).toString(), related.value(1).toString(), related.value(2).toString()});
    return article;
}

int ArticleRepository::count() const
{
    QSqlQuery query(u"SELECT count(*) FROM articles"_s, m_database.connection());
    return query.next() ? query.value(0).toInt() : 0;
}

std::optional<StoredImage> ArticleRepository::leadImage(qint64 articleId) const
{
    QSqlQuery &query = m_database.statement(
        u"SELECT data, mime_type FROM images WHERE article_id = ? AND role = 'lead' AND data IS NOT NULL "
        "ORDER BY position LIMIT 1"_s);
    if (!run(query, {QVariant(articleId)}) || !query.next())
        return std::nullopt;
    StoredImage image{query.value(0).toByteArray(), query.value(1).toString()};
    query.finish();
    return image;
}

std::optional<StoredImage> ArticleRepository::image(qint64 articleId, int position) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT data, mime_type FROM images WHERE article_id = ? AND position = ? "
                  "AND data IS NOT NULL"_s);
    query.addBindValue(articleId);
    query.addBindValue(position);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return StoredImage{query.value(0).toByteArray(), query.value(1).toString()};
}

bool ArticleRepository::writeSearchRow(qint64 id, SearchIndex::Row row)
{
    return m_search.index(id, row) || fail(u"cannot index the article"_s, m_search.lastError());
}

bool ArticleRepository::addRevision(const Article &article, const QString &name, int *number)
{
    if (refuseWrite())
        return false;
    return m_revisions.add(article, name, number) ||
           fail(u"cannot keep a revision"_s, m_revisions.lastError());
}

namespace {

Article restoredFrom(const Article &current, const Article &old)
{
    Article result = current;
    result.headline = old.headline;
    result.standfirst = old.standfirst;
    result.byline = old.byline;
    result.section = old.section;
    result.dateline = old.dateline;
    result.language = old.language;
    result.status = old.status;
    result.sourceUrl = old.sourceUrl;
    result.bodyHtml = old.bodyHtml;
    result.quotes = old.quotes;
    result.tags = old.tags;
    if (old.images.size() == current.images.size()) {
        for (qsizetype i = 0; i < old.images.size(); ++i) {
            ArticleImage &image = result.images[i];
            const ArticleImage &then = old.images.at(i);
            image.caption = then.caption;
            image.altText = then.altText;
            image.credit = then.credit;
            image.agency = then.agency;
            image.creditLine = then.creditLine;
            image.copyright = then.copyright;
            image.licence = then.licence;
        }
    }
    return result;
}

} // namespace

bool ArticleRepository::revert(qint64 articleId, int number)
{
    if (refuseWrite())
        return false;
    const std::optional<Article> old = revision(articleId, number);
    if (!old) {
        m_lastError = u"article %1 has no revision %2"_s.arg(articleId).arg(number);
        return false;
    }
    const std::optional<Article> current = load(articleId);
    if (!current)
        return false;
    const QList<RevisionInfo> kept = revisions(articleId);
    const std::optional<Article> latest =
        kept.isEmpty() ? std::nullopt : revision(articleId, kept.last().number);
    if (!latest || !ArticleDiff::between(*latest, *current).isEmpty()) {
        if (!addRevision(*current, u"Before restoring %1"_s.arg(number)))
            return false;
    }
    Article back = restoredFrom(*current, *old);
    return update(back, AllParts) && addRevision(back, u"Restored from %1"_s.arg(number));
}

QList<RevisionInfo> ArticleRepository::revisions(qint64 articleId) const
{
    return m_revisions.list(articleId);
}

std::optional<Article> ArticleRepository::revision(qint64 articleId, int number) const
{
    return m_revisions.load(articleId, number);
}

std::optional<qint64> ArticleRepository::findBySourceUrl(const QString &url) const
{
    if (url.isEmpty())
        return std::nullopt;
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT id FROM articles WHERE source_url = ? ORDER BY id LIMIT 1"_s);
    query.addBindValue(url);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

std::optional<qint64> ArticleRepository::findByContentHash(const QString &hash) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT id FROM articles WHERE content_hash = ? ORDER BY id LIMIT 1"_s);
    query.addBindValue(hash);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

} // namespace Copydesk
