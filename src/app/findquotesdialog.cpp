#include "findquotesdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Copydesk {

namespace {
enum Column
{
    TextColumn,
    SpeakerColumn,
    RoleColumn,
    ColumnCount
};
} // namespace

FindQuotesDialog::FindQuotesDialog(const QList<Quote> &found, QWidget *parent)
    : QDialog(parent)
    , m_found(found)
    , m_table(new QTableWidget(int(found.size()), ColumnCount, this))
{
    setWindowTitle(tr("Find Quotes"));
    auto *intro =
        new QLabel(found.isEmpty() ? tr("No new quotes were found in the body.")
                                   : tr("Tick the quotes to add to the article. Speaker and role "
                                        "can be corrected here; a quote without a speaker is flagged."),
                   this);
    intro->setWordWrap(true);
    m_table->setHorizontalHeaderLabels({tr("Quote"), tr("Speaker"), tr("Role")});
    m_table->horizontalHeader()->setSectionResizeMode(TextColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(true);
    m_table->setAccessibleName(tr("Quotes found"));
    for (int row = 0; row < found.size(); ++row) {
        const Quote &quote = found.at(row);
        auto *text = new QTableWidgetItem(quote.text);
        text->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        // A quote nobody is said to have said is offered, but not ticked.
        text->setCheckState(quote.speaker.isEmpty() ? Qt::Unchecked : Qt::Checked);
        text->setToolTip(quote.context);
        m_table->setItem(row, TextColumn, text);
        auto *speaker = new QTableWidgetItem(quote.speaker.isEmpty() ? QString() : quote.speaker);
        if (quote.speaker.isEmpty())
            speaker->setToolTip(tr("No speaker found: type one, or leave the quote out."));
        m_table->setItem(row, SpeakerColumn, speaker);
        m_table->setItem(row, RoleColumn, new QTableWidgetItem(quote.speakerRole));
    }
    m_table->resizeRowsToContents();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Ticked Quotes"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!found.isEmpty());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(760, 420);
}

QList<Quote> FindQuotesDialog::accepted() const
{
    QList<Quote> quotes;
    for (int row = 0; row < m_found.size(); ++row) {
        if (m_table->item(row, TextColumn)->checkState() != Qt::Checked)
            continue;
        Quote quote = m_found.at(row);
        quote.speaker = m_table->item(row, SpeakerColumn)->text().trimmed();
        quote.speakerRole = m_table->item(row, RoleColumn)->text().trimmed();
        quotes.append(quote);
    }
    return quotes;
}

} // namespace Copydesk
