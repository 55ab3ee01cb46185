#include "copycheckpanel.h"

#include "editorpanel.h"
#include "imagespanel.h"
#include "quotespanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTextBlock>
#include <QTextEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Copydesk {

CopyCheckPanel::CopyCheckPanel(EditorPanel *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_list(new QTreeWidget(this))
    , m_summary(new QLabel(this))
    , m_fix(new QPushButton(tr("&Fix"), this))
    , m_fixAll(new QPushButton(tr("Fix &All of This Kind"), this))
{
    setWindowTitle(tr("Copy Check"));
    setAccessibleName(tr("Copy check"));
    m_list->setHeaderLabels({tr("Where"), tr("What"), tr("Text")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    auto *again = new QPushButton(tr("Check &Again"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(again);
    buttons->addWidget(m_fix);
    buttons->addWidget(m_fixAll);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    connect(again, &QPushButton::clicked, this, &CopyCheckPanel::recheck);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] {
        updateButtons();
        showFinding(m_list->indexOfTopLevelItem(m_list->currentItem()));
    });
    connect(m_fix, &QPushButton::clicked, this,
            [this] { fix(m_list->indexOfTopLevelItem(m_list->currentItem())); });
    connect(m_fixAll, &QPushButton::clicked, this, [this] {
        const int index = m_list->indexOfTopLevelItem(m_list->currentItem());
        if (index >= 0)
            fixAllOfKind(m_findings.at(index).kind);
    });
    resize(760, 420);
}

void CopyCheckPanel::recheck()
{
    Article article;
    m_editor->applyTo(article);
    article.language = m_editor->languageCombo()->currentText();
    // The body is checked as the editor holds it, so that a finding's offset is a place in the document.
    article.bodyText = m_editor->bodyEdit()->toPlainText();
    m_findings = CopyCheck::check(article, m_editor->headlineTarget());
    m_list->clear();
    for (const CopyFinding &finding : std::as_const(m_findings))
        m_list->addTopLevelItem(new QTreeWidgetItem({finding.field, finding.message, finding.excerpt}));
    m_list->resizeColumnToContents(0);
    m_list->resizeColumnToContents(1);
    m_summary->setText(m_findings.isEmpty() ? tr("Nothing to fix.")
                                            : tr("%1 findings").arg(m_findings.size()));
    updateButtons();
}

void CopyCheckPanel::updateButtons()
{
    const int index = m_list->indexOfTopLevelItem(m_list->currentItem());
    const bool fixable = index >= 0 && m_findings.at(index).hasFix && !m_editor->bodyEdit()->isReadOnly();
    m_fix->setEnabled(fixable);
    m_fixAll->setEnabled(fixable);
}

void CopyCheckPanel::showFinding(int index)
{
    if (index < 0 || index >= m_findings.size())
        return;
    const CopyFinding &finding = m_findings.at(index);
    if (finding.field == "body"_L1) {
        QTextEdit *body = m_editor->bodyEdit();
        QTextCursor cursor(body->document());
        cursor.setPosition(int(finding.offset));
        cursor.setPosition(int(finding.offset + std::max<qsizetype>(finding.length, 1)),
                           QTextCursor::KeepAnchor);
        body->setTextCursor(cursor);
        body->ensureCursorVisible();
    } else if (QLineEdit *line = lineField(finding.field)) {
        line->setFocus();
        line->setSelection(int(finding.offset), int(std::max<qsizetype>(finding.length, 1)));
    } else if (finding.field.startsWith(u"quote "_s)) {
        const int row = finding.field.mid(6).toInt() - 1;
        m_editor->quotesPanel()->table()->selectRow(row);
    } else if (finding.field.startsWith(u"image "_s)) {
        m_editor->imagesPanel()->select(finding.field.mid(6).toInt() - 1);
    }
}

void CopyCheckPanel::fix(int index)
{
    if (index < 0 || index >= m_findings.size() || !m_findings.at(index).hasFix)
        return;
    const CopyFinding finding = m_findings.at(index);
    if (finding.field == "body"_L1) {
        QTextCursor cursor(m_editor->bodyEdit()->document());
        cursor.setPosition(int(finding.offset));
        cursor.setPosition(int(finding.offset + finding.length), QTextCursor::KeepAnchor);
        cursor.insertText(finding.fix);
    } else if (QLineEdit *line = lineField(finding.field)) {
        line->setSelection(int(finding.offset), int(finding.length));
        line->insert(finding.fix); // the field's own edit: undoable there, reported as typing is
    }
    recheck();
}

QLineEdit *CopyCheckPanel::lineField(const QString &field) const
{
    if (field == "headline"_L1)
        return m_editor->headlineEdit();
    if (field == "standfirst"_L1)
        return m_editor->standfirstEdit();
    return nullptr;
}

void CopyCheckPanel::fixAllOfKind(const QString &kind)
{
    if (kind.isEmpty())
        return;
    // From the last to the first, so the earlier offsets stay right; in each field as one undoable edit.
    QTextCursor cursor(m_editor->bodyEdit()->document());
    cursor.beginEditBlock();
    QHash<QLineEdit *, QString> lines;
    for (auto finding = m_findings.crbegin(); finding != m_findings.crend(); ++finding) {
        if (finding->kind != kind || !finding->hasFix)
            continue;
        if (finding->field == "body"_L1) {
            cursor.setPosition(int(finding->offset));
            cursor.setPosition(int(finding->offset + finding->length), QTextCursor::KeepAnchor);
            cursor.insertText(finding->fix);
        } else if (QLineEdit *line = lineField(finding->field)) {
            if (!lines.contains(line))
                lines.insert(line, line->text());
            lines[line].replace(finding->offset, finding->length, finding->fix);
        }
    }
    cursor.endEditBlock();
    for (auto line = lines.cbegin(); line != lines.cend(); ++line) {
        line.key()->selectAll();
        line.key()->insert(line.value());
    }
    recheck();
}

} // namespace Copydesk
