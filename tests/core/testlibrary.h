#pragma once

#include <library/articlerepository.h>
#include <library/librarydatabase.h>

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// A real library file in a temporary folder, with a repository on it, for one test.
struct TestLibrary
{
    QTemporaryDir dir;
    std::unique_ptr<Copydesk::LibraryDatabase> database;
    std::unique_ptr<Copydesk::ArticleRepository> repository;

    TestLibrary()
    {
        database = std::make_unique<Copydesk::LibraryDatabase>(path());
        if (!database->open())
            qFatal("cannot open the test library: %s", qPrintable(database->error()));
        repository = std::make_unique<Copydesk::ArticleRepository>(*database);
    }
    QString path() const { return dir.filePath(QStringLiteral("library.sqlite")); }
};

inline Copydesk::Article sampleArticle(const QString &headline,
                                       const QString &body = QStringLiteral("<p>Body text.</p>"))
{
    Copydesk::Article article;
    article.headline = headline;
    article.bodyHtml = body;
    return article;
}

// What FTS5's integrity-check finds wrong in the two search indexes (each compared with the text it
// reads from the view), empty when both are whole.
inline QString searchIndexProblems(const Copydesk::LibraryDatabase &database)
{
    QSqlQuery check(database.connection());
    for (const QString &table : {QStringLiteral("article_search"), QStringLiteral("article_stems")}) {
        if (!check.exec(QStringLiteral("INSERT INTO %1 (%1) VALUES ('integrity-check')").arg(table)))
            return table + QStringLiteral(": ") + check.lastError().text();
    }
    return {};
}
