#pragma once

#include <copycheck/copycheck.h>

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace Copydesk {

class EditorPanel;

// The copy check's findings for the open article in reading order. Clicking one selects its place in the
// body or field; Fix applies the safe fix of the one selected, Fix All every fix of its kind. Fixes are
// ordinary edits: undoable, autosaved and in the next revision.
class CopyCheckPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit CopyCheckPanel(EditorPanel *editor, QWidget *parent = nullptr);

    // Checks what the editor shows now.
    void recheck();
    QTreeWidget *list() const { return m_list; }
    QPushButton *fixButton() const { return m_fix; }
    QPushButton *fixAllButton() const { return m_fixAll; }
    const QList<CopyFinding> &findings() const { return m_findings; }
    void showFinding(int index);
    void fix(int index);
    void fixAllOfKind(const QString &kind);

private:
    void updateButtons();
    // The one-line field a finding is in (headline, standfirst), or null.
    QLineEdit *lineField(const QString &field) const;

    EditorPanel *m_editor;
    QList<CopyFinding> m_findings;
    QTreeWidget *m_list;
    QLabel *m_summary;
    QPushButton *m_fix;
    QPushButton *m_fixAll;
};

} // namespace Copydesk
