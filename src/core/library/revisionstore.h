#pragma once

#include <model/article.h>

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Copydesk {

class LibraryDatabase;

struct RevisionInfo
{
    qint64 id = 0;
    int number = 0;
    QDateTime createdAt;
    QString name; // empty for an editing session's; "Imported", a person's name for a saved version...
    int wordCount = 0;
};

// Numbered snapshots of an article, each the whole article as `copydesk show --json` prints it. Written
// through ArticleRepository, which checks that the library takes writes.
class RevisionStore final
{
public:
    explicit RevisionStore(const LibraryDatabase &database);

    // A new revision (number = last + 1), optionally named; its number through *number.
    bool add(const Article &article, const QString &name = {}, int *number = nullptr);
    QList<RevisionInfo> list(qint64 articleId) const;
    std::optional<Article> load(qint64 articleId, int number) const;
    QString lastError() const { return m_lastError; }

private:
    const LibraryDatabase &m_database;
    QString m_lastError;
};

} // namespace Copydesk
