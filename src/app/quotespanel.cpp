#include "quotespanel.h"

#include <model/quotetablemodel.h>

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Copydesk {

QuotesPanel::QuotesPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new QuoteTableModel(this))
    , m_table(new QTableView(this))
    , m_warning(new QLabel(this))
{
    setAccessibleName(tr("Quotes"));
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Quotes"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked |
                             QAbstractItemView::AnyKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QuoteTableModel::TextColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(QuoteTableModel::OnRecordColumn,
                                                      QHeaderView::ResizeToContents);
    m_warning->setWordWrap(true);
    m_warning->hide();

    auto *bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto add = [this, bar](const QString &text, const QString &icon, auto slot) {
        QAction *action = bar->addAction(QIcon::fromTheme(icon), text, this, slot);
        m_editActions.append(action);
        return action;
    };
    add(tr("Add Quote"), u"list-add"_s, &QuotesPanel::addQuote);
    add(tr("Remove"), u"list-remove"_s, &QuotesPanel::removeQuote);
    add(tr("Up"), u"go-up"_s, [this] { moveQuote(-1); });
    add(tr("Down"), u"go-down"_s, [this] { moveQuote(+1); });
    add(tr("Find Quotes…"), u"edit-find"_s, [this] { emit findRequested(); });
    auto insert = [this](bool pull) {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid())
            emit insertRequested(m_model->quotes().at(current.row()), pull);
    };
    add(tr("Insert in Body"), u"format-text-blockquote"_s, [insert] { insert(false); });
    add(tr("As Pull Quote"), u"format-pull-quote"_s, [insert] { insert(true); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(bar);
    layout->addWidget(m_table);
    layout->addWidget(m_warning);

    connect(m_model, &QuoteTableModel::edited, this, [this] {
        updateWarning();
        emit edited();
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() != QuoteTableModel::OnRecordColumn)
            emit quoteActivated(m_model->quotes().at(index.row()).text);
    });
}

void QuotesPanel::setQuotes(const QList<Quote> &quotes)
{
    m_model->setQuotes(quotes);
    updateWarning();
}

int QuotesPanel::currentRow() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void QuotesPanel::appendQuotes(const QList<Quote> &quotes)
{
    if (quotes.isEmpty())
        return;
    QList<Quote> all = m_model->quotes();
    all.append(quotes);
    m_model->setQuotes(all);
    updateWarning();
    emit edited();
}

QList<Quote> QuotesPanel::quotes() const
{
    return m_model->quotes();
}

void QuotesPanel::setReadOnly(bool readOnly)
{
    for (QAction *action : std::as_const(m_editActions))
        action->setEnabled(!readOnly);
    m_table->setEditTriggers(readOnly
                                 ? QAbstractItemView::NoEditTriggers
                                 : QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked |
                                       QAbstractItemView::AnyKeyPressed);
}

void QuotesPanel::addQuote()
{
    const int row = m_model->rowCount();
    m_model->insertRows(row, 1);
    const QModelIndex text = m_model->index(row, QuoteTableModel::TextColumn);
    m_table->setCurrentIndex(text);
    m_table->edit(text);
}

void QuotesPanel::removeQuote()
{
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid())
        m_model->removeRows(current.row(), 1);
}

void QuotesPanel::moveQuote(int by)
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const int row = current.row();
    const int target = row + by;
    if (target < 0 || target >= m_model->rowCount())
        return;
    // moveRows() names the row the quote goes before: one further down when moving down.
    if (m_model->moveRows({}, row, 1, {}, by > 0 ? target + 1 : target))
        m_table->setCurrentIndex(m_model->index(target, current.column()));
}

void QuotesPanel::updateWarning()
{
    int withoutSpeaker = 0;
    for (const Quote &quote : m_model->quotes())
        withoutSpeaker += QuoteTableModel::needsSpeaker(quote) ? 1 : 0;
    m_warning->setVisible(withoutSpeaker > 0);
    m_warning->setText(withoutSpeaker == 1
                           ? tr("⚠ 1 quote without a speaker: a quote nobody said cannot be checked.")
                           : tr("⚠ %1 quotes without a speaker: a quote nobody said cannot be checked.")
                                 .arg(withoutSpeaker));
}

} // namespace Copydesk
