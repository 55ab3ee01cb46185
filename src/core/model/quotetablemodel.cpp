#include <model/quotetablemodel.h>

namespace Copydesk {

QuoteTableModel::QuoteTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void QuoteTableModel::setQuotes(const QList<Quote> &quotes)
{
    beginResetModel();
    m_quotes = quotes;
    endResetModel();
}

int QuoteTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_quotes.size());
}

int QuoteTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QuoteTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Quote &quote = m_quotes.at(index.row());
    if (index.column() == OnRecordColumn) {
        if (role == Qt::CheckStateRole)
            return quote.onRecord ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return quote.onRecord ? tr("On the record") : tr("Off the record: not for attribution");
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == SpeakerColumn && needsSpeaker(quote))
        return tr("Nobody is named as saying this: a quote without a speaker cannot be checked");
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case TextColumn:
        return quote.text;
    case SpeakerColumn:
        return quote.speaker;
    case RoleColumn:
        return quote.speakerRole;
    case ContextColumn:
        return quote.context;
    default:
        return {};
    }
}

bool QuoteTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Quote &quote = m_quotes[index.row()];
    if (index.column() == OnRecordColumn) {
        if (role != Qt::CheckStateRole)
            return false;
        const bool onRecord = value.value<Qt::CheckState>() == Qt::Checked;
        if (onRecord == quote.onRecord)
            return true;
        quote.onRecord = onRecord;
    } else {
        if (role != Qt::EditRole)
            return false;
        QString *field = index.column() == TextColumn      ? &quote.text
                         : index.column() == SpeakerColumn ? &quote.speaker
                         : index.column() == RoleColumn    ? &quote.speakerRole
                                                           : &quote.context;
        const QString text = value.toString().trimmed();
        if (text == *field)
            return true;
        *field = text;
    }
    emit dataChanged(index, index);
    emit edited();
    return true;
}

QVariant QuoteTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TextColumn:
        return tr("Quote");
    case SpeakerColumn:
        return tr("Speaker");
    case RoleColumn:
        return tr("Role");
    case ContextColumn:
        return tr("Context");
    case OnRecordColumn:
        return tr("On record");
    default:
        return {};
    }
}

Qt::ItemFlags QuoteTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Qt::ItemFlags base = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return index.column() == OnRecordColumn ? base | Qt::ItemIsUserCheckable : base | Qt::ItemIsEditable;
}

bool QuoteTableModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > m_quotes.size() || count < 1)
        return false;
    beginInsertRows({}, row, row + count - 1);
    for (int i = 0; i < count; ++i)
        m_quotes.insert(row, Quote{});
    endInsertRows();
    emit edited();
    return true;
}

bool QuoteTableModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count < 1 || row + count > m_quotes.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_quotes.remove(row, count);
    endRemoveRows();
    emit edited();
    return true;
}

bool QuoteTableModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                               const QModelIndex &destinationParent, int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count != 1 || sourceRow < 0 ||
        sourceRow >= m_quotes.size() || destinationChild < 0 || destinationChild > m_quotes.size() ||
        destinationChild == sourceRow || destinationChild == sourceRow + 1)
        return false;
    if (!beginMoveRows({}, sourceRow, sourceRow, {}, destinationChild))
        return false;
    m_quotes.move(sourceRow, destinationChild > sourceRow ? destinationChild - 1 : destinationChild);
    endMoveRows();
    emit edited();
    return true;
}

} // namespace Copydesk
