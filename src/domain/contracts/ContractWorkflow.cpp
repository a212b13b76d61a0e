#include "domain/contracts/ContractWorkflow.h"

#include "domain/Error.h"

#include <array>

namespace bizdesk::domain {
namespace {

constexpr std::array<NamedValue<ContractState>, 12> stateTable{{
    {ContractState::Draft, "draft", QT_TRANSLATE_NOOP("ContractState", "Draft")},
    {ContractState::LegalReview, "legal_review", QT_TRANSLATE_NOOP("ContractState", "Legal review")},
    {ContractState::FinanceReview, "finance_review", QT_TRANSLATE_NOOP("ContractState", "Finance review")},
    {ContractState::LeadershipApproval, "leadership_approval", QT_TRANSLATE_NOOP("ContractState", "Leadership approval")},
    {ContractState::ExecutiveApproval, "executive_approval", QT_TRANSLATE_NOOP("ContractState", "Executive approval")},
    {ContractState::Approved, "approved", QT_TRANSLATE_NOOP("ContractState", "Approved, to be signed")},
    {ContractState::Effective, "effective", QT_TRANSLATE_NOOP("ContractState", "Effective")},
    {ContractState::Completed, "completed", QT_TRANSLATE_NOOP("ContractState", "Completed")},
    {ContractState::Terminated, "terminated", QT_TRANSLATE_NOOP("ContractState", "Terminated")},
    {ContractState::Archived, "archived", QT_TRANSLATE_NOOP("ContractState", "Archived")},
    {ContractState::Destroyed, "destroyed", QT_TRANSLATE_NOOP("ContractState", "Destroyed")},
    {ContractState::Withdrawn, "withdrawn", QT_TRANSLATE_NOOP("ContractState", "Withdrawn")},
}};

constexpr std::array<NamedValue<ContractAction>, 18> actionTable{{
    {ContractAction::Edit, "edit", QT_TRANSLATE_NOOP("ContractAction", "Edit")},
    {ContractAction::Submit, "submit", QT_TRANSLATE_NOOP("ContractAction", "Submit for review")},
    {ContractAction::Approve, "approve", QT_TRANSLATE_NOOP("ContractAction", "Approve")},
    {ContractAction::Return, "return", QT_TRANSLATE_NOOP("ContractAction", "Return to drafter")},
    {ContractAction::Withdraw, "withdraw", QT_TRANSLATE_NOOP("ContractAction", "Withdraw")},
    {ContractAction::Sign, "sign", QT_TRANSLATE_NOOP("ContractAction", "Record signing")},
    {ContractAction::Acknowledge, "acknowledge", QT_TRANSLATE_NOOP("ContractAction", "Acknowledge receipt of copy")},
    {ContractAction::PlanMilestone, "milestone", QT_TRANSLATE_NOOP("ContractAction", "Add milestone")},
    {ContractAction::CompleteMilestone, "milestone-done", QT_TRANSLATE_NOOP("ContractAction", "Milestone done")},
    {ContractAction::PlanReceivable, "receivable", QT_TRANSLATE_NOOP("ContractAction", "Add receivable installment")},
    {ContractAction::RecordPayment, "payment", QT_TRANSLATE_NOOP("ContractAction", "Record payment")},
    {ContractAction::RecordIssue, "issue", QT_TRANSLATE_NOOP("ContractAction", "Record execution issue")},
    {ContractAction::RecordSatisfaction, "satisfaction", QT_TRANSLATE_NOOP("ContractAction", "Record customer satisfaction")},
    {ContractAction::Change, "change", QT_TRANSLATE_NOOP("ContractAction", "Change agreement")},
    {ContractAction::Terminate, "terminate", QT_TRANSLATE_NOOP("ContractAction", "Terminate")},
    {ContractAction::Complete, "complete", QT_TRANSLATE_NOOP("ContractAction", "Complete")},
    {ContractAction::Archive, "archive", QT_TRANSLATE_NOOP("ContractAction", "Archive")},
    {ContractAction::Destroy, "destroy", QT_TRANSLATE_NOOP("ContractAction", "Destroy")},
}};

} // namespace

const NamedValues<ContractState> &contractStates()
{
    static const NamedValues<ContractState> values(stateTable, "ContractState");
    return values;
}

const NamedValues<ContractAction> &contractActions()
{
    static const NamedValues<ContractAction> values(actionTable, "ContractAction");
    return values;
}

bool isContractUnderReview(ContractState state)
{
    return state == ContractState::LegalReview || state == ContractState::FinanceReview
           || state == ContractState::LeadershipApproval || state == ContractState::ExecutiveApproval;
}

bool ContractWorkflow::allows(ContractState state, ContractAction action)
{
    using S = ContractState;
    using A = ContractAction;
    switch (state) {
    case S::Draft:
        return action == A::Edit || action == A::Submit || action == A::Withdraw || action == A::PlanMilestone
               || action == A::PlanReceivable;
    case S::LegalReview:
    case S::FinanceReview:
    case S::LeadershipApproval:
    case S::ExecutiveApproval:
        return action == A::Approve || action == A::Return;
    case S::Approved:
        return action == A::Sign || action == A::PlanMilestone || action == A::PlanReceivable;
    case S::Effective:
        return action == A::Acknowledge || action == A::PlanMilestone || action == A::CompleteMilestone
               || action == A::PlanReceivable || action == A::RecordPayment || action == A::RecordIssue
               || action == A::RecordSatisfaction || action == A::Change || action == A::Terminate
               || action == A::Complete;
    case S::Completed:
        return action == A::Acknowledge || action == A::RecordSatisfaction || action == A::Archive;
    case S::Terminated:
        return action == A::Acknowledge || action == A::Archive;
    case S::Archived:
        return action == A::Destroy;
    case S::Destroyed:
    case S::Withdrawn:
        return false;
    }
    return false;
}

void ContractWorkflow::require(ContractState state, ContractAction action)
{
    if (!allows(state, action))
        throw Error::conflict(QCoreApplication::translate("Contract", "This contract is %1 (%2); \"%3\" is not possible now.")
                                  .arg(contractStates().display(state), contractStates().name(state),
                                       contractActions().display(action)),
                              QStringLiteral("5"));
}

ContractState ContractWorkflow::target(ContractState state, ContractAction action)
{
    require(state, action);
    using S = ContractState;
    using A = ContractAction;
    switch (action) {
    case A::Submit:
        return S::LegalReview;
    case A::Approve:
        return S::Approved;
    case A::Return:
        return S::Draft;
    case A::Withdraw:
        return S::Withdrawn;
    case A::Sign:
        return S::Effective;
    case A::Terminate:
        return S::Terminated;
    case A::Complete:
        return S::Completed;
    case A::Archive:
        return S::Archived;
    case A::Destroy:
        return S::Destroyed;
    default:
        return state;
    }
}

void ContractWorkflow::requireComment(ContractAction action, const QString &comment)
{
    if (action == ContractAction::Return && comment.trimmed().isEmpty())
        throw Error::invalid(QStringLiteral("comment"),
                             QCoreApplication::translate("Contract", "comment: returning a contract to its drafter needs "
                                                                     "a comment saying what to change (§5.2.2)."),
                             QStringLiteral("5.2.2"));
}

QList<ContractAction> ContractWorkflow::actionsIn(ContractState state)
{
    QList<ContractAction> actions;
    for (const ContractAction action : contractActions().all()) {
        if (allows(state, action))
            actions << action;
    }
    return actions;
}

} // namespace bizdesk::domain
