#pragma once

#include <cli/formats.h>
#include <import/importservice.h>
#include <library/articlerepository.h>
#include <library/librarydatabase.h>

#include <QFile>
#include <QString>

// A new, empty library file with an import service on it that keeps duplicates: the benchmarks import
// texts of the same shape many times over and measure every one of them.
struct FreshImportLibrary
{
    explicit FreshImportLibrary(const QString &path)
        : database(withoutOldFile(path))
        , repository(database)
        , service(repository)
    {
        database.open();
        service.setDuplicatePolicy(Copydesk::DuplicatePolicy::KeepBoth);
        Copydesk::Formats::addImporters(service);
    }

    Copydesk::LibraryDatabase database;
    Copydesk::ArticleRepository repository;
    Copydesk::ImportService service;

private:
    static QString withoutOldFile(const QString &path)
    {
        QFile::remove(path);
        return path;
    }
};
