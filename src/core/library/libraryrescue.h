#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace Copydesk {

struct Article;
class LibraryDatabase;

// What a rescue came to.
struct RescueReport
{
    int rescued = 0;          // articles copied into the new library
    int revisions = 0;        // their revisions copied with them
    QList<qint64> unreadable; // ids known to exist that could not be read
    bool cancelled = false;
    QString error; // the new library could not be written: nothing useful was done
};

// Copies what can still be read from a damaged library into a new one, never writing to the damaged file.
// Article ids are found in every table that names them (articles, search index, quotes, images,
// revisions), reading past damaged pages, so an article whose row lies beyond a damaged page is still
// found. Each readable article is stored whole in the new library, with its revisions (their times are
// those of the rescue), in id order.
class LibraryRescue final
{
public:
    // Called after each article; false stops the rescue (what is copied so far stays in the new library).
    using Progress = std::function<bool(int done, int total)>;

    // damaged should be open read-only; target open read-write (a new, empty library).
    static RescueReport rescue(const LibraryDatabase &damaged, const LibraryDatabase &target,
                               const Progress &progress = {});
    // Articles to store in place of their rescued copies (by id): the window's unsaved edits.
    static RescueReport rescue(const LibraryDatabase &damaged, const LibraryDatabase &target,
                               const QList<Article> &replacements, const Progress &progress = {});
};

} // namespace Copydesk
