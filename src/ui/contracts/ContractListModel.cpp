#include "ui/contracts/ContractListModel.h"

#include "services/contracts/ContractService.h"
#include "ui/common/Formats.h"
#include "ui/common/StateBadgeDelegate.h"

namespace bizdesk::ui {

ContractListModel::ContractListModel(services::Session &session, QObject *parent) : QAbstractTableModel(parent), m_session(session)
{
}

Style::Meaning ContractListModel::meaningOf(domain::ContractState state)
{
    using S = domain::ContractState;
    switch (state) {
    case S::Draft:
        return Style::Meaning::Draft;
    case S::LegalReview:
    case S::FinanceReview:
    case S::LeadershipApproval:
    case S::ExecutiveApproval:
        return Style::Meaning::Waiting;
    case S::Approved:
    case S::Effective:
        return Style::Meaning::Approved;
    case S::Terminated:
        return Style::Meaning::Rejected;
    case S::Completed:
    case S::Archived:
    case S::Destroyed:
    case S::Withdrawn:
        return Style::Meaning::Closed;
    }
    return Style::Meaning::Closed;
}

QList<domain::ContractListRow> ContractListModel::fetchWindow(std::optional<qint64> beforeId) const
{
    services::ContractQuery query = m_query;
    query.beforeId = beforeId;
    query.limit = windowSize;
    return services::ContractService(m_session).list(query);
}

void ContractListModel::reload(std::optional<domain::ContractState> state)
{
    services::ContractQuery query;
    query.state = state;
    reload(query);
}

void ContractListModel::reload(const services::ContractQuery &query)
{
    beginResetModel();
    m_query = query;
    m_rows = fetchWindow(std::nullopt);
    m_exhausted = m_rows.size() < windowSize;
    endResetModel();
}

bool ContractListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted;
}

void ContractListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_exhausted || m_rows.isEmpty())
        return;
    const QList<domain::ContractListRow> more = fetchWindow(m_rows.last().contract.id);
    m_exhausted = more.size() < windowSize;
    if (more.isEmpty())
        return;
    beginInsertRows({}, static_cast<int>(m_rows.size()), static_cast<int>(m_rows.size() + more.size() - 1));
    m_rows << more;
    endInsertRows();
}

const domain::ContractListRow *ContractListModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int ContractListModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).contract.id == id)
            return row;
    }
    return -1;
}

int ContractListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ContractListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContractListModel::data(const QModelIndex &index, int role) const
{
    const domain::ContractListRow *row = rowAt(index.row());
    if (!row)
        return {};
    const domain::Contract &contract = row->contract;
    if (role == StateBadgeDelegate::MeaningRole)
        return static_cast<int>(meaningOf(contract.state));
    if (role == Qt::TextAlignmentRole && index.column() == Amount)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Number: return contract.number;
    case Title: return contract.title;
    case Customer: return contract.customerName;
    case Owner: return row->ownerName;
    case Amount: return Formats::money(contract.amount);
    case State: return domain::contractStates().display(contract.state);
    case End: return contract.endDate.isValid() ? contract.endDate.toString(Qt::ISODate) : QString();
    default: return {};
    }
}

QVariant ContractListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number: return tr("Number");
    case Title: return tr("Title");
    case Customer: return tr("Customer");
    case Owner: return tr("Owner");
    case Amount: return tr("Amount");
    case State: return tr("State");
    case End: return tr("Ends");
    default: return {};
    }
}

} // namespace bizdesk::ui
