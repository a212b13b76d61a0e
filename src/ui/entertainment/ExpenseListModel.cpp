#include "ui/entertainment/ExpenseListModel.h"

#include "ui/common/Formats.h"
#include "ui/common/StateBadgeDelegate.h"

#include <QLocale>

namespace bizdesk::ui {

void ExpenseListModel::setRows(QList<domain::ExpenseListRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int ExpenseListModel::indexOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].request.id == id)
            return i;
    }
    return -1;
}

int ExpenseListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ExpenseListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Style::Meaning ExpenseListModel::meaningOf(domain::ExpenseState state)
{
    using S = domain::ExpenseState;
    switch (state) {
    case S::Draft:
        return Style::Meaning::Draft;
    case S::PendingDeptReview:
    case S::PendingSuperiorApproval:
    case S::PendingExecutiveApproval:
    case S::PendingOverrunApproval:
    case S::PendingFinanceReview:
        return Style::Meaning::Waiting;
    case S::Approved:
        return Style::Meaning::Approved;
    case S::Rejected:
    case S::ClaimRefused:
        return Style::Meaning::Rejected;
    case S::Reimbursed:
    case S::Withdrawn:
    case S::Cancelled:
        return Style::Meaning::Closed;
    }
    return Style::Meaning::Draft;
}

QString ExpenseListModel::money(const domain::Money &money)
{
    return Formats::money(money);
}

QString ExpenseListModel::flagsText(const domain::ExpenseRequest &request)
{
    QStringList flags;
    if (request.overBudget)
        flags << tr("over budget");
    if (request.overrun)
        flags << tr("overrun");
    if (request.late)
        flags << tr("late claim");
    return flags.join(QStringLiteral(" · "));
}

QVariant ExpenseListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const domain::ExpenseListRow &row = m_rows.at(index.row());
    const domain::ExpenseRequest &request = row.request;
    if (role == StateBadgeDelegate::MeaningRole && index.column() == State)
        return static_cast<int>(meaningOf(request.state));
    if (role == Qt::TextAlignmentRole && (index.column() == Estimate || index.column() == Actual || index.column() == Number))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Flags)
        return request.overBudgetExplanation;
    if (role == Qt::ForegroundRole && index.column() == Flags)
        return Style::colourFor(Style::Meaning::Rejected);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Number:
        return request.id;
    case State:
        return domain::expenseStateDisplayName(request.state);
    case Applicant:
        return row.applicantName;
    case Department:
        return row.departmentName;
    case Category:
        return domain::expenseCategoryDisplayName(request.category);
    case When:
        return request.eventAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case Estimate:
        return money(request.estimate);
    case Actual:
        return request.actual ? money(*request.actual) : QString();
    case Flags:
        return flagsText(request);
    default:
        return {};
    }
}

QVariant ExpenseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number:
        return tr("No.");
    case State:
        return tr("State");
    case Applicant:
        return tr("Applicant");
    case Department:
        return tr("Department");
    case Category:
        return tr("Category");
    case When:
        return tr("Date and time");
    case Estimate:
        return tr("Estimate");
    case Actual:
        return tr("Actual");
    case Flags:
        return tr("Flags");
    default:
        return {};
    }
}

} // namespace bizdesk::ui
