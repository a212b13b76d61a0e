#include "ui/contracts/ReceivablesModel.h"

#include "ui/common/Formats.h"
#include "ui/common/StateBadgeDelegate.h"
#include "ui/common/Style.h"

namespace bizdesk::ui {

using domain::AgingBand;

ReceivablesModel::ReceivablesModel(services::Session &session, QObject *parent) : QAbstractTableModel(parent), m_session(session)
{
}

void ReceivablesModel::reload()
{
    beginResetModel();
    m_lines.clear();
    m_exhausted = true;
    try {
        m_lines = services::ContractReceivables(m_session).window();
        m_exhausted = m_lines.size() < services::ContractReceivables::windowSize;
    } catch (...) {
        endResetModel();
        throw;
    }
    endResetModel();
}

bool ReceivablesModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted;
}

void ReceivablesModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_exhausted || m_lines.isEmpty())
        return;
    const storage::OpenReceivable &last = m_lines.last().installment;
    const QList<services::ReceivableLine> more = services::ContractReceivables(m_session).window(std::pair{last.due, last.receivableId});
    m_exhausted = more.size() < services::ContractReceivables::windowSize;
    if (more.isEmpty())
        return;
    beginInsertRows({}, static_cast<int>(m_lines.size()), static_cast<int>(m_lines.size() + more.size() - 1));
    m_lines << more;
    endInsertRows();
}

const services::ReceivableLine *ReceivablesModel::lineAt(int row) const
{
    return row >= 0 && row < m_lines.size() ? &m_lines.at(row) : nullptr;
}

int ReceivablesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_lines.size());
}

int ReceivablesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReceivablesModel::data(const QModelIndex &index, int role) const
{
    const services::ReceivableLine *line = lineAt(index.row());
    if (!line)
        return {};
    const storage::OpenReceivable &installment = line->installment;
    if (role == StateBadgeDelegate::MeaningRole) {
        // Not yet due is calm; the older the debt, the stronger the colour.
        switch (line->band) {
        case AgingBand::Current: return static_cast<int>(Style::Meaning::Draft);
        case AgingBand::Days0To30: return static_cast<int>(Style::Meaning::Waiting);
        case AgingBand::Days31To90: return static_cast<int>(Style::Meaning::Returned);
        case AgingBand::Over90: return static_cast<int>(Style::Meaning::Rejected);
        }
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Outstanding || index.column() == DaysOverdue))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Number: return installment.number;
    case Customer: return installment.customerName;
    case Title: return installment.title;
    case Owner: return installment.ownerName;
    case Due: return installment.due.toString(Qt::ISODate);
    case DaysOverdue: return line->daysOverdue > 0 ? QVariant(line->daysOverdue) : QVariant();
    case Outstanding: return Formats::money(line->outstandingCny);
    case Band: return domain::ReceivableRules::agingDisplayName(line->band);
    default: return {};
    }
}

QVariant ReceivablesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number: return tr("Number");
    case Customer: return tr("Customer");
    case Title: return tr("Title");
    case Owner: return tr("Owner");
    case Due: return tr("Due");
    case DaysOverdue: return tr("Days overdue");
    case Outstanding: return tr("Outstanding (CNY)");
    case Band: return tr("Aging");
    default: return {};
    }
}

} // namespace bizdesk::ui
