// The editor panel's undo of what is not typed text: status, language, quotes and pictures.

#include "editorpanel.h"

#include "imagespanel.h"
#include "quotespanel.h"
#include "ui_editorpanel.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QTextEdit>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Copydesk {

// One change of status, language, quotes or pictures, as the whole before and after of those fields: small
// values, and undoing one can never leave the others half-changed.
class FieldEditCommand final : public QUndoCommand
{
public:
    FieldEditCommand(EditorPanel *panel, EditorPanel::FieldState before, EditorPanel::FieldState after,
                     const QString &text)
        : QUndoCommand(text)
        , m_panel(panel)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {}
    void undo() override { m_panel->restoreFieldState(m_before); }
    void redo() override
    {
        if (!std::exchange(m_firstRedo, false)) // the first is the edit itself, already done
            m_panel->restoreFieldState(m_after);
    }

private:
    EditorPanel *m_panel;
    EditorPanel::FieldState m_before;
    EditorPanel::FieldState m_after;
    bool m_firstRedo = true;
};

EditorPanel::FieldState EditorPanel::fieldState() const
{
    return {m_ui->statusCombo->currentData().toString(), m_language->currentText(), m_quotes->quotes(),
            m_images->images()};
}

void EditorPanel::recordFieldEdit(Field field)
{
    const Fields recorded = Field::Status | Field::Language | Field::Quotes | Field::Images;
    if (m_restoring || !recorded.testFlag(field))
        return;
    const FieldState now = fieldState();
    if (now == m_fieldState)
        return;
    const QString text = field == Field::Status     ? tr("Status")
                         : field == Field::Language ? tr("Language")
                         : field == Field::Quotes   ? tr("Quotes")
                                                    : tr("Images");
    m_fieldUndo->push(new FieldEditCommand(this, m_fieldState, now, text));
    m_fieldState = now;
}

void EditorPanel::restoreFieldState(const FieldState &state)
{
    const FieldState before = fieldState();
    m_restoring = true;
    m_loading = true;
    m_ui->statusCombo->setCurrentIndex(m_ui->statusCombo->findData(state.status));
    m_language->setCurrentText(state.language);
    if (state.quotes != before.quotes)
        m_quotes->setQuotes(state.quotes);
    if (state.images != before.images) {
        m_images->setImages(state.images);
        registerBodyImages(state.images);
    }
    m_loading = false;
    m_restoring = false;
    m_fieldState = state;
    // An undo is an edit like any other: saved, previewed, in the next revision.
    Fields changed;
    if (state.status != before.status)
        changed |= Field::Status;
    if (state.language != before.language)
        changed |= Field::Language;
    if (state.quotes != before.quotes)
        changed |= Field::Quotes;
    if (state.images != before.images)
        changed |= Field::Images;
    m_editedFields |= changed;
    m_unappliedFields |= changed;
    if (changed)
        emit edited();
}

void EditorPanel::undo()
{
    QWidget *focused = QApplication::focusWidget();
    if (auto *line = qobject_cast<QLineEdit *>(focused);
        line && isAncestorOf(line) && line->isUndoAvailable()) {
        line->undo();
        return;
    }
    if (focused == m_ui->bodyEdit && m_ui->bodyEdit->document()->isUndoAvailable()) {
        m_ui->bodyEdit->undo();
        return;
    }
    m_fieldUndo->undo();
}

void EditorPanel::redo()
{
    QWidget *focused = QApplication::focusWidget();
    if (auto *line = qobject_cast<QLineEdit *>(focused);
        line && isAncestorOf(line) && line->isRedoAvailable()) {
        line->redo();
        return;
    }
    if (focused == m_ui->bodyEdit && m_ui->bodyEdit->document()->isRedoAvailable()) {
        m_ui->bodyEdit->redo();
        return;
    }
    m_fieldUndo->redo();
}

} // namespace Copydesk
