#pragma once

#include <model/article.h>

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QAction;
class QWidget;

namespace Copydesk {

class LibraryBanner;
class LibraryDatabase;

// The library as a whole, seen from the window: whether it can be written (read-only file or folder, or
// found damaged by the quick check that runs off the GUI thread after opening), and the way out of a
// damaged one (rescue into a new library, or open another).
class LibraryController final : public QObject
{
    Q_OBJECT

public:
    LibraryController(LibraryDatabase &database, LibraryBanner *banner, QWidget *dialogParent,
                      QObject *parent = nullptr);
    ~LibraryController() override;

    // Starts the quick check; healthChecked() follows.
    void checkHealth();
    bool writesAllowed() const;

    // Asks for a library file and, if one is chosen, requests that it be opened.
    void chooseAnotherLibrary();
    // Copies what can be read into a new library the person names, then requests that it be opened.
    // unsaved: articles with edits that could not be saved (they replace their stored copies).
    void rescue(const QList<Article> &unsaved);

signals:
    void writeAccessChanged(bool writable);
    void healthChecked(const QStringList &problems);
    void openLibraryRequested(const QString &path);
    // Asked of the window by the rescue action, which only it can answer (its unsaved edits).
    void rescueRequested();

private:
    void showState(const QStringList &problems);

    LibraryDatabase &m_database;
    LibraryBanner *m_banner;
    QPointer<QWidget> m_dialogParent;
    QFutureWatcher<QStringList> m_healthCheck;
    QAction *m_rescueAction;
    QAction *m_openAnotherAction;
};

} // namespace Copydesk
