#include "historydialog.h"

#include <library/library.h>
#include <model/articlediff.h>

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Copydesk {

HistoryDialog::HistoryDialog(Library &library, qint64 articleId, QWidget *parent)
    : QDialog(parent)
    , m_library(library)
    , m_articleId(articleId)
    , m_list(new QListWidget(this))
    , m_changes(new QTextBrowser(this))
    , m_summary(new QLabel(this))
    , m_restore(new QPushButton(tr("&Restore This Version"), this))
{
    setWindowTitle(tr("History"));
    m_list->setAccessibleName(tr("Revisions"));
    m_changes->setAccessibleName(tr("Changes since this revision"));
    m_changes->setOpenLinks(false);
    m_summary->setWordWrap(true);
    auto *split = new QSplitter(this);
    split->addWidget(m_list);
    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_summary);
    rightLayout->addWidget(m_changes, 1);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_restore, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_restore, &QPushButton::clicked, this, &HistoryDialog::restoreSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, &HistoryDialog::showChanges);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(980, 640);
    reload();
}

void HistoryDialog::reload()
{
    m_list->clear();
    const QList<RevisionInfo> revisions = m_library.articles().revisions(m_articleId);
    const QLocale locale;
    int previousWords = 0;
    QList<QListWidgetItem *> items;
    for (const RevisionInfo &revision : revisions) {
        const int change = revision.wordCount - previousWords;
        previousWords = revision.wordCount;
        auto *item = new QListWidgetItem(
            tr("%1. %2\n%3 · %4 words (%5%6)")
                .arg(revision.number)
                .arg(revision.name.isEmpty() ? tr("Editing session") : revision.name,
                     locale.toString(revision.createdAt.toLocalTime(), QLocale::ShortFormat),
                     locale.toString(revision.wordCount), change >= 0 ? u"+"_s : QString(),
                     locale.toString(change)));
        item->setData(Qt::UserRole, revision.number);
        items.prepend(item); // newest first
    }
    for (QListWidgetItem *item : std::as_const(items))
        m_list->addItem(item);
    m_restore->setEnabled(!items.isEmpty());
    if (items.isEmpty()) {
        m_summary->setText(tr("No earlier versions yet: one is kept for each editing session, for each "
                              "File > Save Version…, and for an import."));
        m_changes->clear();
    } else {
        m_list->setCurrentRow(0);
    }
}

void HistoryDialog::showChanges()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const int number = item->data(Qt::UserRole).toInt();
    const std::optional<Article> then = m_library.articles().revision(m_articleId, number);
    const std::optional<Article> now = m_library.articles().load(m_articleId);
    if (!then || !now)
        return;
    const ArticleDiff diff = ArticleDiff::between(*then, *now);
    m_summary->setText(diff.isEmpty()
                           ? tr("The current version is the same as revision %1.").arg(number)
                           : tr("From revision %1 to the current version: %2 words added, %3 taken out.")
                                 .arg(number)
                                 .arg(diff.wordsAdded)
                                 .arg(diff.wordsRemoved));
    QString html = u"<style>ins { background: #d7f5dd; text-decoration: none; } "
                   "del { background: #fbd9d9; color: #7a1f1f; } td { padding: 2px 8px; }</style>"_s;
    if (!diff.fields.isEmpty()) {
        html += u"<table>"_s;
        for (const ArticleDiff::FieldChange &change : diff.fields)
            html +=
                u"<tr><td><b>%1</b></td><td><del>%2</del></td><td>→</td><td><ins>%3</ins></td></tr>"_s.arg(
                    change.field.toHtmlEscaped(), change.before.toHtmlEscaped(),
                    change.after.toHtmlEscaped());
        html += u"</table><hr>"_s;
    }
    html += u"<p>"_s + diff.bodyHtml() + u"</p>"_s;
    m_changes->setHtml(html);
}

void HistoryDialog::restoreSelected()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const int number = item->data(Qt::UserRole).toInt();
    if (!m_library.revert(m_articleId, number)) {
        QMessageBox::warning(this, tr("Restore"), m_library.lastError());
        return;
    }
    emit restored(m_articleId, number);
    reload();
}

} // namespace Copydesk
