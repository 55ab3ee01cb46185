#include <model/article.h>

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Copydesk;

class TestArticle : public QObject
{
    Q_OBJECT

private slots:
    void shownDateSaysWhatItMeans()
    {
        const QDateTime published(QDate(2024, 5, 3), QTime(10, 0), Qt::UTC);
        const QDateTime updated(QDate(2026, 12, 2), QTime(14, 5), Qt::UTC);
        const ShownDate fromPublisher = shownDate(published, updated);
        QCOMPARE(fromPublisher.time, published);
        QCOMPARE(fromPublisher.meaning, ShownDate::Meaning::Published);
        QCOMPARE(fromPublisher.label(), u"Published"_s);
        const ShownDate draft = shownDate({}, updated);
        QCOMPARE(draft.time, updated);
        QCOMPARE(draft.label(), u"Updated"_s);
    }

    void statusNamesRoundTrip()
    {
        const QList<ArticleStatus> statuses = allStatuses();
        QCOMPARE(statuses.size(), 6);
        QStringList names;
        for (const ArticleStatus status : statuses) {
            names << statusToString(status);
            QCOMPARE(statusFromString(statusToString(status)), status);
            QCOMPARE(statusFromUtf8(statusToString(status).toUtf8()), status);
            QVERIFY(!statusDisplayName(status).isEmpty());
        }
        QCOMPARE(names, (QStringList{u"draft"_s, u"in_edit"_s, u"ready"_s, u"published"_s, u"spiked"_s,
                                     u"saved"_s}));
        QVERIFY(!statusFromString(u"Draft"_s).has_value());
        QVERIFY(!statusFromUtf8("Draft").has_value());
        QVERIFY(!statusFromUtf8("draft ").has_value());
    }

    void storageTimeIsUtcWithMilliseconds()
    {
        const QDateTime local(QDate(2026, 3, 4), QTime(5, 6, 7, 89), Qt::OffsetFromUTC, 3600);
        QCOMPARE(toStorageTime(local), u"2026-03-04T04:06:07.089Z"_s);
        QCOMPARE(fromStorageTime(toStorageTime(local)), local);
        QCOMPARE(fromStorageTime(toStorageTime(local)).timeSpec(), Qt::UTC);
        QVERIFY(toStorageTime({}).isEmpty());
        QVERIFY(!fromStorageTime({}).isValid());
        // The stored form is read directly; anything else still goes through Qt's ISO parser.
        const QDateTime stored = fromStorageTime(u"2026-12-02T13:54:17.296Z"_s);
        QCOMPARE(stored, QDateTime(QDate(2026, 12, 2), QTime(13, 54, 17, 296), Qt::UTC));
        QCOMPARE(fromStorageTime(u"2026-12-02T13:54:17Z"_s),
                 QDateTime(QDate(2026, 12, 2), QTime(13, 54, 17), Qt::UTC));
        QVERIFY(!fromStorageTime(u"2026-13-02T13:54:17.296Z"_s).isValid());
        QVERIFY(!fromStorageTime(u"2026-1x-02T13:54:17.296Z"_s).isValid());

        // The same from a row's UTF-8.
        for (const QString &text : {u"2026-12-02T13:54:17.296Z"_s, u"2026-12-02T13:54:17Z"_s,
                                    u"2026-13-02T13:54:17.296Z"_s, u"2026-1x-02T13:54:17.296Z"_s, QString()})
            QCOMPARE(fromStorageTimeUtf8(text.toUtf8()), fromStorageTime(text));
        QCOMPARE(fromStorageTimeUtf8("2026-12-02T13:54:17.296Z").timeSpec(), Qt::UTC);
    }

    void jsonHasThePublicKeys()
    {
        Article article;
        article.id = 7;
        article.headline = u"Headline"_s;
        article.quotes.append({u"Words"_s, u"Speaker"_s, u"Minister"_s, u"Context"_s});
        article.images.append(ArticleImage());
        article.related.append({u"Title"_s, u"Author"_s, u"https://example.org/a"_s});
        const QJsonObject json = article.toJson();
        const QStringList required = {u"id"_s,          u"uuid"_s,         u"status"_s,      u"section"_s,
                                      u"headline"_s,    u"standfirst"_s,   u"byline"_s,      u"dateline"_s,
                                      u"language"_s,    u"source_url"_s,   u"source_name"_s, u"created_at"_s,
                                      u"updated_at"_s,  u"published_at"_s, u"starred"_s,     u"read"_s,
                                      u"word_count"_s,  u"tags"_s,         u"body_html"_s,   u"body_text"_s,
                                      u"subheadings"_s, u"quotes"_s,       u"images"_s,      u"related"_s};
        for (const QString &key : required)
            QVERIFY2(json.contains(key), qPrintable(key));
        for (const QString &key : {u"text"_s, u"speaker"_s, u"role"_s, u"context"_s})
            QVERIFY2(json.value("quotes"_L1).toArray().at(0).toObject().contains(key), qPrintable(key));
        for (const QString &key :
             {u"role"_s, u"caption"_s, u"alt"_s, u"credit"_s, u"credit_line"_s, u"copyright"_s, u"license"_s,
              u"mime"_s, u"width"_s, u"height"_s, u"has_data"_s})
            QVERIFY2(json.value("images"_L1).toArray().at(0).toObject().contains(key), qPrintable(key));
        for (const QString &key : {u"title"_s, u"author"_s, u"url"_s})
            QVERIFY2(json.value("related"_L1).toArray().at(0).toObject().contains(key), qPrintable(key));
        QCOMPARE(json.value("id"_L1).toInteger(), 7);
        QCOMPARE(json.value("read"_L1).toBool(), false);
        QVERIFY(json.value("published_at"_L1).isNull());
    }

    void jsonRoundTrip()
    {
        Article article;
        article.id = 3;
        article.uuid = u"0b7c4c2e-2f7e-4b8e-9d7e-3f0c1a2b3c4d"_s;
        article.status = ArticleStatus::Ready;
        article.section = u"Europe"_s;
        article.headline = u"Ночь над Минском"_s;
        article.standfirst = u"Café société"_s;
        article.byline = u"Ann Smith and Bo Li"_s;
        article.dateline = u"MINSK"_s;
        article.language = u"ru"_s;
        article.bodyHtml = u"<p>Text</p>\n"_s;
        article.bodyText = u"Text"_s;
        article.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
        article.updatedAt = article.createdAt.addSecs(60);
        article.readAt = article.createdAt.addSecs(120);
        article.starred = true;
        article.wordCount = 1;
        article.tags = {u"belarus"_s, u"diplomacy"_s};
        article.quotes.append({u"We will see"_s, u"Makei"_s, u"Foreign minister"_s, u"At a briefing"_s});
        ArticleImage image;
        image.role = ImageRole::Lead;
        image.caption = u"Caption"_s;
        image.credit = u"Jane Roe"_s;
        image.creditLine = u"Photo: Jane Roe/Agency"_s;
        image.mimeType = u"image/png"_s;
        image.width = 10;
        image.height = 20;
        article.images.append(image);
        article.related.append({u"Title"_s, u"Author"_s, u"https://example.org/a"_s});
        QCOMPARE(Article::fromJson(article.toJson()), article);
    }
};

QTEST_GUILESS_MAIN(TestArticle)
#include "tst_article.moc"
