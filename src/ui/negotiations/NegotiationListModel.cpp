#include "ui/negotiations/NegotiationListModel.h"

#include "ui/common/Formats.h"
#include "ui/common/StateBadgeDelegate.h"

namespace bizdesk::ui {

NegotiationListModel::NegotiationListModel(services::Session &session, QObject *parent)
    : QAbstractTableModel(parent), m_session(session)
{
}

Style::Meaning NegotiationListModel::meaningOf(domain::NegotiationStage stage)
{
    using S = domain::NegotiationStage;
    switch (stage) {
    case S::Preparation: return Style::Meaning::Draft;
    case S::Opening:
    case S::Probing:
    case S::Quoting:
    case S::Bargaining: return Style::Meaning::Waiting;
    case S::Deadlock: return Style::Meaning::Returned;
    case S::Consensus: return Style::Meaning::Approved;
    case S::NoDeal: return Style::Meaning::Rejected;
    }
    return Style::Meaning::Closed;
}

QList<storage::NegotiationRow> NegotiationListModel::fetchWindow(std::optional<qint64> beforeId) const
{
    services::NegotiationQuery query = m_query;
    query.beforeId = beforeId;
    query.limit = windowSize;
    return services::NegotiationService(m_session).list(query);
}

void NegotiationListModel::reload(const services::NegotiationQuery &query)
{
    beginResetModel();
    m_query = query;
    m_rows = fetchWindow(std::nullopt);
    m_exhausted = m_rows.size() < windowSize;
    endResetModel();
}

bool NegotiationListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted;
}

void NegotiationListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_exhausted || m_rows.isEmpty())
        return;
    const QList<storage::NegotiationRow> more = fetchWindow(m_rows.last().id);
    m_exhausted = more.size() < windowSize;
    if (more.isEmpty())
        return;
    beginInsertRows({}, static_cast<int>(m_rows.size()), static_cast<int>(m_rows.size() + more.size() - 1));
    m_rows << more;
    endInsertRows();
}

const storage::NegotiationRow *NegotiationListModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int NegotiationListModel::rowOf(qint64 id) const
{
    const auto found = std::find_if(m_rows.begin(), m_rows.end(), [id](const storage::NegotiationRow &row) { return row.id == id; });
    return found == m_rows.end() ? -1 : static_cast<int>(found - m_rows.begin());
}

int NegotiationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int NegotiationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NegotiationListModel::data(const QModelIndex &index, int role) const
{
    const storage::NegotiationRow *row = rowAt(index.row());
    if (!row)
        return {};
    if (role == StateBadgeDelegate::MeaningRole)
        return static_cast<int>(meaningOf(row->stage));
    if (role == Qt::TextAlignmentRole && index.column() == LatestAmount)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Title: return row->title;
    case Customer: return row->customerName;
    case Stage: return row->closed ? tr("%1 (closed)").arg(domain::negotiationStages().display(row->stage))
                                   : domain::negotiationStages().display(row->stage);
    case Importance: return domain::negotiationLevels().display(row->importance);
    case Lead: return row->leadName;
    case PlannedEnd: return row->plannedEnd.isValid() ? row->plannedEnd.toString(Qt::ISODate) : QString();
    case LatestAmount: return row->latestAmount ? Formats::money(*row->latestAmount) : QString();
    default: return {};
    }
}

QVariant NegotiationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title: return tr("Title");
    case Customer: return tr("Customer");
    case Stage: return tr("Negotiation stage");
    case Importance: return tr("Importance");
    case Lead: return tr("Team lead");
    case PlannedEnd: return tr("Planned end");
    case LatestAmount: return tr("Latest offer");
    default: return {};
    }
}

} // namespace bizdesk::ui
