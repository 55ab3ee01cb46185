#pragma once

#include <library/articlerepository.h>
#include <library/librarydatabase.h>

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
