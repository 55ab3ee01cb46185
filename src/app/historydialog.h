#pragma once

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace Copydesk {

class Library;

// The article's revisions (time, name, words added or taken out) and what changed between the one selected
// and the current version: fields, quotes and picture credits listed, the body with insertions and
// deletions marked word by word. "Restore" makes the selected revision the current version again, as a new
// revision; nothing is overwritten.
class HistoryDialog final : public QDialog
{
    Q_OBJECT

public:
    HistoryDialog(Library &library, qint64 articleId, QWidget *parent = nullptr);

    QListWidget *revisionList() const { return m_list; }
    QTextBrowser *changes() const { return m_changes; }
    QPushButton *restoreButton() const { return m_restore; }
    QLabel *summary() const { return m_summary; }
    void reload();

signals:
    // A revision was restored: the article changed in the library.
    void restored(qint64 articleId, int number);

private:
    void showChanges();
    void restoreSelected();

    Library &m_library;
    qint64 m_articleId;
    QListWidget *m_list;
    QTextBrowser *m_changes;
    QLabel *m_summary;
    QPushButton *m_restore;
};

} // namespace Copydesk
