#pragma once

#include "domain/NamedValues.h"

#include <QList>
#include <QString>

namespace bizdesk::domain {

/// The states of a contract (design notes "Contract (§5)"); names are what users, the CLI and
/// the database see.
enum class ContractState {
    Draft,
    LegalReview,
    FinanceReview,
    LeadershipApproval,
    ExecutiveApproval,
    Approved,
    Effective,
    Completed,
    Terminated,
    Archived,
    Destroyed,
    Withdrawn,
};
const NamedValues<ContractState> &contractStates();
bool isContractUnderReview(ContractState state);

/// What may be done to a contract. Which person may is decided by the route, the role and the
/// service; ContractWorkflow decides only in which states it is possible at all.
enum class ContractAction {
    Edit,              ///< header fields and clauses of a draft (§5.1)
    Submit,            ///< to review (§5.1.2 gate)
    Approve,           ///< the current review or approval step (§5.2, §5.3.1)
    Return,            ///< back to the drafter with a comment (§5.2.2)
    Withdraw,          ///< the drafter gives a draft up
    Sign,              ///< signatories, seal, date (§5.3.1–2) → effective
    Acknowledge,       ///< a distributed copy was received (§5.3.3)
    PlanMilestone,     ///< delivery / acceptance milestones (§5.4.1)
    CompleteMilestone,
    PlanReceivable,    ///< 回款计划 installments (§5.4)
    RecordPayment,     ///< 回款记录, finance only
    RecordIssue,       ///< changed needs, delay, quality dispute (§5.4.2)
    RecordSatisfaction,///< after acceptance (§5.4.3)
    Change,            ///< a change agreement: a new version (§5.5.1–2)
    Terminate,         ///< notice and settlement (§5.5.3–4)
    Complete,          ///< all done and settled, or by a director
    Archive,           ///< archive number and location (§5.6.1–2)
    Destroy,           ///< after the retention period, director only (§5.6.3)
};
const NamedValues<ContractAction> &contractActions();

/// The state machine of a contract.
class ContractWorkflow
{
public:
    static bool allows(ContractState state, ContractAction action);
    /// Throws conflict naming the state and the action when not allowed.
    static void require(ContractState state, ContractAction action);
    /// Where an action leads; the route decides between the review states (Submit and Approve
    /// return the first review state and Approved; the service takes the route's state).
    static ContractState target(ContractState state, ContractAction action);
    /// Returning needs a comment saying what to change (§5.2.2); throws invalid("comment").
    static void requireComment(ContractAction action, const QString &comment);
    /// Every action allowed in `state`, in a stable order (for menus and `contract show`).
    static QList<ContractAction> actionsIn(ContractState state);
};

} // namespace bizdesk::domain
