#pragma once

#include <model/article.h>

#include <QDialog>

class QTableWidget;

namespace Copydesk {

// The quotes found in the body, each with its speaker and role, for the editor to accept or reject before
// they join the article's quotes. Speaker and role can be corrected in place.
class FindQuotesDialog final : public QDialog
{
    Q_OBJECT

public:
    FindQuotesDialog(const QList<Quote> &found, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    // The quotes left ticked, with what was typed over their speaker and role.
    QList<Quote> accepted() const;

private:
    QList<Quote> m_found;
    QTableWidget *m_table;
};

} // namespace Copydesk
