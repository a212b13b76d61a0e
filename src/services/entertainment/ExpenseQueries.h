#pragma once

#include "services/entertainment/ExpenseViews.h"

#include <QDateTime>

namespace bizdesk::services {

class Session;

/// The read side of the entertainment module: lists, the detail of one request (with the route
/// ahead, overrun and conflict-of-interest note), what waits for the user, and budget use.
/// Visibility comes from ExpenseAccess.
class ExpenseQueries
{
public:
    explicit ExpenseQueries(Session &session) : m_session(session) {}

    ExpenseDetail detail(qint64 id);
    QList<domain::ExpenseListRow> list(const ExpenseQuery &query);
    /// Ids of requests waiting for a decision by the user (or people who delegated to them).
    QList<qint64> waitingForMe();
    /// What the user may do with request `id` now; not_found for another's draft.
    QList<domain::ExpenseAction> actionsFor(qint64 id);
    /// Budget use of the department in the month of `eventAt`, with `estimate` added (§6.1).
    domain::BudgetUsage budgetFor(std::optional<domain::DepartmentId> department, const QDateTime &eventAt,
                                  const domain::Money &estimate, std::optional<qint64> exclude);
    /// The steps of both routes as the detail shows them; for a draft, the route a submit would
    /// take now (empty when it cannot be resolved yet).
    QList<RouteStepView> routeSteps(const ExpenseDetail &detail);
    /// Actual above estimate, with the percentage of the estimate; nothing when not over.
    static std::optional<ExpenseOverrun> overrunOf(const domain::ExpenseRequest &request);

private:
    Session &m_session;
};

} // namespace bizdesk::services
