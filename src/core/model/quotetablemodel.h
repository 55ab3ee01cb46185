#pragma once

#include <model/article.h>

#include <QAbstractTableModel>

namespace Copydesk {

// An article's quotes as a table to edit: text, speaker, role, context, and whether it is on the record.
// Rows can be added, removed and moved; every change is reported with edited().
class QuoteTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TextColumn,
        SpeakerColumn,
        RoleColumn,
        ContextColumn,
        OnRecordColumn,
        ColumnCount
    };

    explicit QuoteTableModel(QObject *parent = nullptr);

    void setQuotes(const QList<Quote> &quotes);
    const QList<Quote> &quotes() const { return m_quotes; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;

    // A quote nobody is named as saying cannot be checked: the copy check and the panel flag it.
    static bool needsSpeaker(const Quote &quote) { return quote.speaker.trimmed().isEmpty(); }

signals:
    void edited();

private:
    QList<Quote> m_quotes;
};

} // namespace Copydesk
