#include "domain/entertainment/Expense.h"

#include "domain/Error.h"
#include "domain/TextRules.h"

#include <QCoreApplication>
#include <QStringList>

namespace bizdesk::domain {
namespace {

struct StateInfo
{
    ExpenseState state;
    const char *name;
    const char *display;
};

const StateInfo stateInfo[] = {
    {ExpenseState::Draft, "draft", QT_TRANSLATE_NOOP("ExpenseState", "Draft")},
    {ExpenseState::PendingDeptReview, "pending_dept_review", QT_TRANSLATE_NOOP("ExpenseState", "Pending department review")},
    {ExpenseState::PendingSuperiorApproval, "pending_superior_approval", QT_TRANSLATE_NOOP("ExpenseState", "Pending superior approval")},
    {ExpenseState::PendingExecutiveApproval, "pending_executive_approval", QT_TRANSLATE_NOOP("ExpenseState", "Pending executive approval")},
    {ExpenseState::Approved, "approved", QT_TRANSLATE_NOOP("ExpenseState", "Approved")},
    {ExpenseState::PendingOverrunApproval, "pending_overrun_approval", QT_TRANSLATE_NOOP("ExpenseState", "Pending overrun approval")},
    {ExpenseState::PendingFinanceReview, "pending_finance_review", QT_TRANSLATE_NOOP("ExpenseState", "Pending finance review")},
    {ExpenseState::Reimbursed, "reimbursed", QT_TRANSLATE_NOOP("ExpenseState", "Reimbursed")},
    {ExpenseState::Rejected, "rejected", QT_TRANSLATE_NOOP("ExpenseState", "Rejected")},
    {ExpenseState::Withdrawn, "withdrawn", QT_TRANSLATE_NOOP("ExpenseState", "Withdrawn")},
    {ExpenseState::Cancelled, "cancelled", QT_TRANSLATE_NOOP("ExpenseState", "Cancelled")},
    {ExpenseState::ClaimRefused, "claim_refused", QT_TRANSLATE_NOOP("ExpenseState", "Claim refused")},
};

struct CategoryInfo
{
    ExpenseCategory category;
    const char *name;
    const char *display;
};

const CategoryInfo categoryInfo[] = {
    {ExpenseCategory::Reception, "reception", QT_TRANSLATE_NOOP("ExpenseCategory", "Customer visit / reception")},
    {ExpenseCategory::Banquet, "banquet", QT_TRANSLATE_NOOP("ExpenseCategory", "Business banquet")},
    {ExpenseCategory::Event, "event", QT_TRANSLATE_NOOP("ExpenseCategory", "Industry event")},
    {ExpenseCategory::Other, "other", QT_TRANSLATE_NOOP("ExpenseCategory", "Other")},
};

QString requireText(const QString &field, const QString &value, const char *label, TextKind kind = TextKind::Notes)
{
    const QString trimmed = TextRules::clean(field, value, kind);
    if (trimmed.isEmpty())
        throw Error::invalid(field, QCoreApplication::translate("Expense", "%1: %2 must not be empty (§6.3.1).")
                                        .arg(field, QCoreApplication::translate("Expense", label)),
                             QStringLiteral("6.3.1"));
    return trimmed;
}

} // namespace

const QList<ExpenseState> &allExpenseStates()
{
    static const QList<ExpenseState> states = [] {
        QList<ExpenseState> list;
        for (const StateInfo &info : stateInfo)
            list << info.state;
        return list;
    }();
    return states;
}

QString expenseStateName(ExpenseState state)
{
    for (const StateInfo &info : stateInfo) {
        if (info.state == state)
            return QString::fromLatin1(info.name);
    }
    return {};
}

std::optional<ExpenseState> expenseStateFromName(const QString &name)
{
    for (const StateInfo &info : stateInfo) {
        if (name == QLatin1String(info.name))
            return info.state;
    }
    return std::nullopt;
}

QString expenseStateDisplayName(ExpenseState state)
{
    for (const StateInfo &info : stateInfo) {
        if (info.state == state)
            return QCoreApplication::translate("ExpenseState", info.display);
    }
    return {};
}

QString expenseStateDisplayName(const QString &name)
{
    const auto state = expenseStateFromName(name);
    return state ? expenseStateDisplayName(*state) : name;
}

bool isPendingApproval(ExpenseState state)
{
    return state == ExpenseState::PendingDeptReview || state == ExpenseState::PendingSuperiorApproval
           || state == ExpenseState::PendingExecutiveApproval;
}

/// The name of the step a request waits in ("Department review"), not the waiting state
/// ("Pending department review"): a signed row records the step, not a wait.
QString expenseStepDisplayName(const QString &stateName)
{
    const auto state = expenseStateFromName(stateName);
    if (!state)
        return stateName;
    switch (*state) {
    case ExpenseState::PendingDeptReview:
        return QCoreApplication::translate("ExpensePrinting", "Department review");
    case ExpenseState::PendingSuperiorApproval:
        return QCoreApplication::translate("ExpensePrinting", "Superior approval");
    case ExpenseState::PendingExecutiveApproval:
        return QCoreApplication::translate("ExpensePrinting", "Executive approval");
    case ExpenseState::PendingOverrunApproval:
        return QCoreApplication::translate("ExpensePrinting", "Overrun approval");
    case ExpenseState::PendingFinanceReview:
        return QCoreApplication::translate("ExpensePrinting", "Finance review");
    default:
        return expenseStateDisplayName(*state);
    }
}

QString expenseActionName(ExpenseAction action)
{
    switch (action) {
    case ExpenseAction::Edit:
        return QStringLiteral("edit");
    case ExpenseAction::Submit:
        return QStringLiteral("submit");
    case ExpenseAction::Approve:
        return QStringLiteral("approve");
    case ExpenseAction::Return:
        return QStringLiteral("return");
    case ExpenseAction::Reject:
        return QStringLiteral("reject");
    case ExpenseAction::Withdraw:
        return QStringLiteral("withdraw");
    case ExpenseAction::Cancel:
        return QStringLiteral("cancel");
    case ExpenseAction::Claim:
        return QStringLiteral("claim");
    case ExpenseAction::FinanceApprove:
        return QStringLiteral("finance_approve");
    case ExpenseAction::FinanceReturn:
        return QStringLiteral("finance_return");
    case ExpenseAction::FinanceReject:
        return QStringLiteral("finance_reject");
    case ExpenseAction::AttachReceipt:
        return QStringLiteral("attach");
    }
    return {};
}

QString expenseCategoryName(ExpenseCategory category)
{
    for (const CategoryInfo &info : categoryInfo) {
        if (info.category == category)
            return QString::fromLatin1(info.name);
    }
    return {};
}

std::optional<ExpenseCategory> expenseCategoryFromName(const QString &name)
{
    for (const CategoryInfo &info : categoryInfo) {
        if (name.trimmed() == QLatin1String(info.name))
            return info.category;
    }
    return std::nullopt;
}

QString expenseCategoryDisplayName(ExpenseCategory category)
{
    for (const CategoryInfo &info : categoryInfo) {
        if (info.category == category)
            return QCoreApplication::translate("ExpenseCategory", info.display);
    }
    return {};
}

Money ExpenseRules::parseAmount(const QString &field, const QString &text)
{
    const auto money = Money::parse(text.trimmed());
    if (!money)
        throw Error::invalid(field, QCoreApplication::translate("Expense", "%1: \"%2\" is not an amount; write yuan with "
                                                                           "at most two decimals, e.g. 1234.50.")
                                        .arg(field, text));
    if (money->minorUnits() <= 0)
        throw Error::invalid(field, QCoreApplication::translate("Expense", "%1: the amount must be greater than zero.").arg(field));
    return *money;
}

void ExpenseRules::applyForm(const ExpenseForm &form, ExpenseRequest &request)
{
    const auto category = expenseCategoryFromName(form.category);
    if (!category)
        throw Error::invalid(QStringLiteral("category"),
                             QCoreApplication::translate("Expense", "category: \"%1\" is not one of reception, banquet, "
                                                                    "event, other (§6.2).")
                                 .arg(form.category),
                             QStringLiteral("6.2"));
    const QString reason = requireText(QStringLiteral("reason"), form.reason, QT_TRANSLATE_NOOP("Expense", "the reason"));
    if (!form.eventAt.isValid())
        throw Error::invalid(QStringLiteral("at"), QCoreApplication::translate("Expense", "at: the date and time of the "
                                                                                          "event are missing or invalid (§6.3.1)."),
                             QStringLiteral("6.3.1"));
    const QString place = requireText(QStringLiteral("place"), form.place, QT_TRANSLATE_NOOP("Expense", "the place"), TextKind::Line);
    // Company staff picked from the people, external guests as text: at least one of them (§6.3.1).
    QList<UserId> staff;
    for (const UserId id : form.staff) {
        if (id <= 0)
            throw Error::invalid(QStringLiteral("staff"),
                                 QCoreApplication::translate("Expense", "staff: \"%1\" is not a person.").arg(id),
                                 QStringLiteral("6.3.1"));
        if (!staff.contains(id))
            staff << id;
    }
    const QString participants =
        staff.isEmpty()
            ? requireText(QStringLiteral("participants"), form.participants, QT_TRANSLATE_NOOP("Expense", "the participants"))
            : TextRules::clean(QStringLiteral("participants"), form.participants, TextKind::Notes);
    if (form.headcount < 1 || form.headcount > 10000)
        throw Error::invalid(QStringLiteral("headcount"),
                             QCoreApplication::translate("Expense", "headcount: must be a whole number from 1 to 10000 (§6.3.1)."),
                             QStringLiteral("6.3.1"));
    const Money estimate = parseAmount(QStringLiteral("estimate"), form.estimate);
    const QString explanation = TextRules::clean(QStringLiteral("over_budget_explanation"), form.overBudgetExplanation, TextKind::Notes);

    request.category = *category;
    request.reason = reason;
    request.eventAt = form.eventAt.toUTC();
    request.place = place;
    request.staff = staff;
    request.participants = participants;
    request.headcount = form.headcount;
    request.estimate = estimate;
    request.customerId = form.customerId;
    request.negotiationId = form.negotiationId;
    request.contractId = form.contractId;
    request.overBudgetExplanation = explanation;
}

bool ExpenseWorkflow::allows(ExpenseState state, ExpenseAction action)
{
    using S = ExpenseState;
    using A = ExpenseAction;
    switch (state) {
    case S::Draft:
        return action == A::Edit || action == A::Submit || action == A::Withdraw;
    case S::PendingDeptReview:
    case S::PendingSuperiorApproval:
    case S::PendingExecutiveApproval:
        return action == A::Approve || action == A::Return || action == A::Reject || action == A::Withdraw;
    case S::Approved:
        return action == A::Cancel || action == A::Claim || action == A::AttachReceipt;
    case S::PendingOverrunApproval:
        return action == A::Approve || action == A::Return || action == A::Reject || action == A::AttachReceipt;
    case S::PendingFinanceReview:
        return action == A::FinanceApprove || action == A::FinanceReturn || action == A::FinanceReject
               || action == A::AttachReceipt;
    case S::Reimbursed:
    case S::Rejected:
    case S::Withdrawn:
    case S::Cancelled:
    case S::ClaimRefused:
        return false;
    }
    return false;
}

void ExpenseWorkflow::require(ExpenseState state, ExpenseAction action)
{
    if (!allows(state, action))
        throw Error::conflict(QCoreApplication::translate("Expense", "This request is %1 (%2); \"%3\" is not possible now.")
                                  .arg(expenseStateDisplayName(state), expenseStateName(state), expenseActionName(action)),
                              QStringLiteral("6.3"));
}

ExpenseState ExpenseWorkflow::target(ExpenseState state, ExpenseAction action)
{
    require(state, action);
    using S = ExpenseState;
    using A = ExpenseAction;
    const bool claimStage = state == S::PendingOverrunApproval || state == S::PendingFinanceReview;
    switch (action) {
    case A::Edit:
        return S::Draft;
    case A::Submit:
        return S::PendingDeptReview; // the route's first step decides the precise state
    case A::Approve:
        return claimStage ? S::PendingFinanceReview : S::Approved;
    case A::Return:
        return claimStage ? S::Approved : S::Draft;
    case A::Reject:
        return claimStage ? S::ClaimRefused : S::Rejected;
    case A::Withdraw:
        return S::Withdrawn;
    case A::Cancel:
        return S::Cancelled;
    case A::Claim:
        return S::PendingFinanceReview;
    case A::FinanceApprove:
        return S::Reimbursed;
    case A::FinanceReturn:
        return S::Approved;
    case A::FinanceReject:
        return S::ClaimRefused;
    case A::AttachReceipt:
        return state;
    }
    return state;
}

void ExpenseWorkflow::requireComment(ExpenseAction action, const QString &comment)
{
    const bool needed = action == ExpenseAction::Return || action == ExpenseAction::Reject
                        || action == ExpenseAction::FinanceReturn || action == ExpenseAction::FinanceReject;
    if (needed && comment.trimmed().isEmpty())
        throw Error::invalid(QStringLiteral("comment"),
                             QCoreApplication::translate("Expense", "comment: returning or rejecting needs a comment that "
                                                                    "tells the applicant why (§6.3.2, §6.4.3)."),
                             QStringLiteral("6.3.2"));
    TextRules::clean(QStringLiteral("comment"), comment, TextKind::Notes);
}

bool ExpenseRouting::needsExecutive(const ExpenseRoutingInput &input)
{
    return input.estimate > input.executiveThreshold || input.customerClass == QLatin1String("key");
}

QString ExpenseRouting::executiveNote(const ExpenseRoutingInput &input)
{
    QStringList reasons;
    if (input.customerClass == QLatin1String("key"))
        reasons << QCoreApplication::translate("Expense", "key customer");
    if (input.estimate > input.executiveThreshold)
        reasons << QCoreApplication::translate("Expense", "estimate above %1").arg(input.executiveThreshold.toDecimalString());
    if (reasons.isEmpty())
        return {};
    return QCoreApplication::translate("Expense", "Executive approval required (§6.3.3: %1)")
        .arg(reasons.join(QCoreApplication::translate("Expense", "; ")));
}

QList<StepPlan> ExpenseRouting::applicationPlan(const ExpenseRoutingInput &input, std::optional<UserId> departmentHead)
{
    QList<StepPlan> plans;
    if (input.department)
        plans << StepPlan{expenseStateName(ExpenseState::PendingDeptReview), ApproverRule::departmentHead(*input.department),
                          ApprovalStep::Mode::Single, QStringLiteral("6.3.2")};
    else
        plans << StepPlan{expenseStateName(ExpenseState::PendingDeptReview), ApproverRule::superiorOf(input.applicant),
                          ApprovalStep::Mode::Single, QStringLiteral("6.3.2")};
    // The superior of the department head; without a head, of the applicant.
    plans << StepPlan{expenseStateName(ExpenseState::PendingSuperiorApproval),
                      ApproverRule::superiorOf(departmentHead.value_or(input.applicant)), ApprovalStep::Mode::Single,
                      QStringLiteral("6.3.2")};
    if (needsExecutive(input))
        plans << StepPlan{expenseStateName(ExpenseState::PendingExecutiveApproval), ApproverRule::roleHolders(Role::Executive),
                          ApprovalStep::Mode::AnyOf, QStringLiteral("6.3.3")};
    return plans;
}

QList<StepPlan> ExpenseRouting::claimPlan(UserId applicant, bool overrun)
{
    QList<StepPlan> plans;
    if (overrun)
        plans << StepPlan{expenseStateName(ExpenseState::PendingOverrunApproval), ApproverRule::superiorOf(applicant),
                          ApprovalStep::Mode::Single, QStringLiteral("6.4.3")};
    plans << StepPlan{expenseStateName(ExpenseState::PendingFinanceReview), ApproverRule::roleHolders(Role::Finance),
                      ApprovalStep::Mode::AnyOf, QStringLiteral("6.4.3")};
    return plans;
}

ClaimAssessment ClaimRules::assess(const Money &estimate, const Money &actual, qint64 tolerancePct,
                                   const QDateTime &eventAt, const QDateTime &filedAt, qint64 deadlineDays,
                                   const BusinessCalendar &calendar)
{
    ClaimAssessment assessment;
    assessment.limit = estimate + estimate.percentOf(tolerancePct);
    assessment.overrun = actual > assessment.limit;
    // The deadline counts business days: a claim filed on the last day is on time, whatever the hour.
    assessment.late = eventAt.isValid() && filedAt.isValid() && calendar.daysBetween(eventAt, filedAt) > deadlineDays;
    return assessment;
}

void ClaimRules::validate(const Money &actual, int receipts, const QString &explanation, const ClaimAssessment &assessment)
{
    if (actual.minorUnits() <= 0)
        throw Error::invalid(QStringLiteral("actual"), QCoreApplication::translate("Expense", "%1: the amount must be greater than zero.")
                                                           .arg(QStringLiteral("actual")));
    if (receipts < 1 || receipts > 1000)
        throw Error::invalid(QStringLiteral("receipts"),
                             QCoreApplication::translate("Expense", "receipts: at least one receipt is needed, at most 1000 (§6.4.1)."),
                             QStringLiteral("6.4.1"));
    TextRules::clean(QStringLiteral("explanation"), explanation, TextKind::Notes);
    if (assessment.overrun && explanation.trimmed().isEmpty())
        throw Error::invalid(QStringLiteral("explanation"),
                             QCoreApplication::translate("Expense", "explanation: the actual cost is above %1 (estimate plus "
                                                                    "tolerance); explain why in writing (§6.4.3).")
                                 .arg(assessment.limit.toDecimalString()),
                             QStringLiteral("6.4.3"));
}

void BudgetRules::requireExplanationIfOver(const BudgetUsage &usage, const QString &explanation)
{
    if (usage.over() && explanation.trimmed().isEmpty())
        throw Error::invalid(QStringLiteral("over_budget_explanation"),
                             QCoreApplication::translate("Expense", "over_budget_explanation: this request would bring the "
                                                                    "department to %1 of its %2 monthly budget; explain why "
                                                                    "(§6.1).")
                                 .arg(usage.afterThis.toDecimalString(), usage.budget.toDecimalString()),
                             QStringLiteral("6.1"));
}

} // namespace bizdesk::domain
