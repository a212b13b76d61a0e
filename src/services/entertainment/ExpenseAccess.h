#pragma once

#include "domain/approval/Route.h"
#include "domain/entertainment/Expense.h"
#include "storage/entertainment/ExpenseRepository.h"

#include <QList>
#include <QString>

#include <optional>

namespace bizdesk::services {

class Session;

/// Who may see an entertainment request and what the session's user may do with it: the one
/// place these rules live (lists, counts, detail, `expense show`, the GUI's buttons).
class ExpenseAccess
{
public:
    explicit ExpenseAccess(Session &session) : m_session(session) {}

    /// The user and the people who delegated approvals to them (read once).
    const QList<domain::UserId> &actingFor();
    /// A draft is seen by its applicant and delegates acting for them only.
    bool seesDraftOf(domain::UserId applicant);
    /// not_found for another's draft that was never submitted (as for a missing id, so that
    /// drafts do not leak); denied for a submitted request outside the user's scope.
    void requireVisible(const domain::ExpenseRequest &request);
    void requireApplicant(const domain::ExpenseRequest &request);
    /// The visibility part of a list query: scope and the draft rule.
    void restrict(storage::ExpenseFilter &filter);
    /// What the user may do with the request now, given its two routes.
    QList<domain::ExpenseAction> actionsFor(const domain::ExpenseRequest &request, const domain::Route &route,
                                            const domain::Route &claimRoute);
    /// What the user may do with a new application (save it as a draft, submit it).
    QList<domain::ExpenseAction> actionsForNew() const;
    /// The open route of the request (claim route in the claim stages).
    static const domain::Route &openRoute(const domain::ExpenseRequest &request, const domain::Route &route,
                                          const domain::Route &claimRoute);
    static bool isClaimStage(domain::ExpenseState state);
    /// The conflict-of-interest note when the deciding user (or the approver decided for) takes
    /// part in the event as staff; empty otherwise.
    QString conflictNote(const domain::ExpenseRequest &request, std::optional<domain::UserId> principal);

private:
    Session &m_session;
    std::optional<QList<domain::UserId>> m_actingFor;
};

} // namespace bizdesk::services
