#pragma once

#include <model/article.h>

#include <QWidget>

class QLabel;
class QTableView;

namespace Copydesk {

class QuoteTableModel;

// The article's quotes as a table: text, speaker, role, context, on the record. Add, remove and reorder
// them; double-click a quote to find it in the body. A quote without a speaker is flagged.
class QuotesPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit QuotesPanel(QWidget *parent = nullptr);

    void setQuotes(const QList<Quote> &quotes);
    QList<Quote> quotes() const;
    void setReadOnly(bool readOnly);
    int currentRow() const; // the selected quote, -1 when none
    // Appends these quotes (found in the body and accepted), as one edit.
    void appendQuotes(const QList<Quote> &quotes);

    QTableView *table() const { return m_table; }
    QuoteTableModel *model() const { return m_model; }

signals:
    void edited();
    // A quote was double-clicked: its text, to be found in the body.
    void quoteActivated(const QString &text);
    // "Find Quotes…": the body is to be searched for quotes.
    void findRequested();
    // "Insert in Body": the quote is to go into the body at the cursor, as a block quote or a pull quote.
    void insertRequested(const Copydesk::Quote &quote, bool pullQuote);

private:
    void addQuote();
    void removeQuote();
    void moveQuote(int by);
    void updateWarning();

    QuoteTableModel *m_model;
    QTableView *m_table;
    QLabel *m_warning;
    QList<QAction *> m_editActions;
};

} // namespace Copydesk
