#pragma once

#include "domain/approval/Route.h"
#include "domain/entertainment/Expense.h"
#include "domain/entertainment/ExpenseRecords.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace bizdesk::services {

/// Entity kinds of the two routes of a request (workflow_transitions, approval_steps).
inline const QString expenseEntity = QStringLiteral("expense");
inline const QString expenseClaimEntity = QStringLiteral("expense_claim");

/// The claim as the applicant files it (§6.4).
struct ExpenseClaimInput
{
    QString actual;
    int receipts = 0;
    QString explanation;
};

/// Which requests to list; visibility is applied on top (own; department for managers; all for
/// director, executive and finance; plus whatever waits for the user's decision). Drafts are
/// seen only by their applicant and by delegates acting for them.
struct ExpenseQuery
{
    std::optional<domain::ExpenseState> state;
    bool mineOnly = false;
    bool pendingForMe = false;
    std::optional<domain::DepartmentId> department;
    QString departmentName; ///< by name (the CLI's --dept); not_found when there is none
    std::optional<qint64> customer; ///< only requests for this customer (shown on the customer's page)
    QString month; ///< "2026-11" (event month), empty for any
    int limit = 1000;
};

/// One state change as the timeline shows it.
struct ExpenseHistoryEntry
{
    QString action;
    QString fromState;
    QString toState;
    QString actorLogin;
    QString actorName;
    std::optional<qint64> onBehalfOfId;
    QString onBehalfOfLogin;
    QString onBehalfOfName;
    QString comment;
    QString at;
    int policyVersion = 1;
};

/// One step of a route as the detail shows it: done, open now, or still ahead (greyed).
struct RouteStepView
{
    enum class Stage { Done, Current, Ahead };
    QString state;      ///< the step's waiting state, e.g. "pending_superior_approval"
    QString clause;
    Stage stage = Stage::Ahead;
    bool claim = false; ///< a step of the claim route (§6.4)
    QStringList approvers; ///< display names
    QString decision;      ///< "approved", "returned", "rejected" for done steps
};

/// A claim above its estimate (§6.4.3).
struct ExpenseOverrun
{
    domain::Money amount;   ///< actual − estimate
    double percent = 0;     ///< of the estimate
};

/// Everything the detail view, `expense show` and the printed form need about one request.
struct ExpenseDetail
{
    domain::ExpenseListRow row;
    domain::Route route;      ///< application route (§6.3)
    domain::Route claimRoute; ///< claim route (§6.4), empty before the claim
    QList<ExpenseHistoryEntry> history;
    QList<domain::ExpenseAttachment> attachments;
    domain::BudgetUsage budget;
    QList<domain::ExpenseAction> actions; ///< what the session's user may do now
    QHash<domain::UserId, QString> names; ///< display names of everybody on the routes
    /// Set when the session's user may decide the current step only as a delegate: the person
    /// they decide for (§ delegation; recorded as on-behalf-of).
    std::optional<domain::UserId> decidesFor;
    int policyVersion = 1;
    /// The route as far as it is known: decided steps, the open one and the steps ahead with their
    /// approvers; for a draft, the route a submit would take now.
    QList<RouteStepView> routeSteps;
    /// Set for a claim whose actual cost is above the estimate.
    std::optional<ExpenseOverrun> overrun;
    /// Shown to an approver who takes part in the event (conflict of interest); recorded with
    /// the decision. Empty otherwise.
    QString conflictNote;
    /// Conflict-of-interest notes recorded with earlier decisions.
    QList<domain::ExpenseConflict> conflicts;

    const domain::ExpenseRequest &request() const { return row.request; }
    bool may(domain::ExpenseAction action) const { return actions.contains(action); }
};

} // namespace bizdesk::services
