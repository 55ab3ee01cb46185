#pragma once

#include <library/articlerepository.h>
#include <library/librarydatabase.h>

#include <QFile>
#include <QSqlQuery>
#include <QString>

// Writes a library of `count` articles at path, closes it cleanly (everything checkpointed into the main
// file), then overwrites a run of pages in the middle of the file with noise, as a failing disk or a copy
// cut short would: the header is intact, so the file still opens, but part of its content is gone.
inline bool writeDamagedLibrary(const QString &path, int count = 300)
{
    {
        Copydesk::LibraryDatabase database(path);
        if (!database.open())
            return false;
        Copydesk::ArticleRepository repository(database);
        for (int i = 1; i <= count; ++i) {
            Copydesk::Article article;
            article.headline = QStringLiteral("Article number %1").arg(i);
            article.bodyHtml =
                QStringLiteral("<p>%1</p>")
                    .arg(QStringLiteral("Paragraph of article %1 with enough words to fill its pages. ")
                             .arg(i)
                             .repeated(20));
            if (!repository.insert(article))
                return false;
        }
        QSqlQuery(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), database.connection());
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    const qint64 pageSize = 4096;
    const qint64 pages = file.size() / pageSize;
    QByteArray noise(int(pageSize * 6), '\0');
    for (qsizetype i = 0; i < noise.size(); ++i)
        noise[i] = char((i * 7919 + 13) % 251);
    file.seek((pages / 2) * pageSize);
    return file.write(noise) == noise.size();
}
