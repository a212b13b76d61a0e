#pragma once

#include "domain/calendar/BusinessCalendar.h"
#include "domain/Money.h"
#include "domain/approval/Route.h"
#include "domain/identity/User.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace bizdesk::domain {

/// The states of an entertainment request (design notes, §6.3, §6.4); names are what users,
/// the CLI and the database see.
enum class ExpenseState {
    Draft,
    PendingDeptReview,
    PendingSuperiorApproval,
    PendingExecutiveApproval,
    Approved,
    PendingOverrunApproval,
    PendingFinanceReview,
    Reimbursed,
    Rejected,
    Withdrawn,
    Cancelled,
    ClaimRefused,
};

const QList<ExpenseState> &allExpenseStates();
QString expenseStateName(ExpenseState state);
std::optional<ExpenseState> expenseStateFromName(const QString &name);
/// Translated ("待部门审核").
QString expenseStateDisplayName(ExpenseState state);
QString expenseStateDisplayName(const QString &name);
bool isPendingApproval(ExpenseState state);
/// The step a waiting state stands for ("Department review" for pending_dept_review): what a
/// route and a signature row name.
QString expenseStepDisplayName(const QString &stateName);

/// What a user may do to a request.
enum class ExpenseAction {
    Edit,
    Submit,
    Approve,
    Return,
    Reject,
    Withdraw,
    Cancel,
    Claim,
    FinanceApprove,
    FinanceReturn,
    FinanceReject,
    AttachReceipt, ///< a scanned receipt to the claim (§6.4.1), not a state change
};
QString expenseActionName(ExpenseAction action);

/// §6.2 categories.
enum class ExpenseCategory { Reception, Banquet, Event, Other };
QString expenseCategoryName(ExpenseCategory category);
std::optional<ExpenseCategory> expenseCategoryFromName(const QString &name);
QString expenseCategoryDisplayName(ExpenseCategory category);

/// The 商務應酬申請表 as the applicant fills it in (§6.3.1), before validation.
struct ExpenseForm
{
    QString category;
    QString reason;
    QDateTime eventAt; ///< UTC
    QString place;
    QList<UserId> staff;  ///< company staff taking part, picked from the people (§6.3.1)
    QString participants; ///< external guests (and anything else), as text
    int headcount = 0;
    QString estimate; ///< yuan as typed
    std::optional<qint64> customerId;
    std::optional<qint64> negotiationId;
    std::optional<qint64> contractId;
    QString overBudgetExplanation;
};

/// A request with its application, claim and flags.
struct ExpenseRequest
{
    qint64 id = 0;
    UserId applicantId = 0;
    std::optional<DepartmentId> departmentId;
    ExpenseCategory category = ExpenseCategory::Reception;
    QString reason;
    QDateTime eventAt;
    QString place;
    QList<UserId> staff;  ///< company staff (users) taking part
    QString participants; ///< external guests, as text
    int headcount = 1;
    Money estimate;
    std::optional<qint64> customerId;
    QString customerClass; ///< "key", "general", "potential" or "" (read from customers)
    std::optional<qint64> negotiationId;
    std::optional<qint64> contractId;
    QString overBudgetExplanation;
    bool overBudget = false;

    ExpenseState state = ExpenseState::Draft;
    std::optional<Money> actual;
    int receiptCount = 0;
    QString claimExplanation;
    QString claimedAt; ///< storage timestamp of the (last) claim
    bool late = false;
    bool overrun = false;

    int version = 1;
    QString createdAt;
    QString updatedAt;
};

/// Field validation of the application form (§6.3.1). Throws Error::invalid naming the field.
class ExpenseRules
{
public:
    /// Validates and copies the form into `request` (category, texts trimmed, amount parsed).
    static void applyForm(const ExpenseForm &form, ExpenseRequest &request);
    static Money parseAmount(const QString &field, const QString &text);
};

/// The state machine: which action is allowed in which state, and where it leads.
class ExpenseWorkflow
{
public:
    /// Allowed in `state` at all (who may take it is decided by the route and the service).
    static bool allows(ExpenseState state, ExpenseAction action);
    /// Throws conflict naming the state and action when not allowed.
    static void require(ExpenseState state, ExpenseAction action);
    /// Target state of a transition that does not depend on the route.
    static ExpenseState target(ExpenseState state, ExpenseAction action);
    /// Return and reject need a comment (§6.3.2, §6.4.3); throws invalid("comment").
    static void requireComment(ExpenseAction action, const QString &comment);
};

/// Inputs of the routing decision (§6.3.2, §6.3.3).
struct ExpenseRoutingInput
{
    UserId applicant = 0;
    std::optional<DepartmentId> department;
    Money estimate;
    Money executiveThreshold;
    QString customerClass;
};

class ExpenseRouting
{
public:
    /// dept head → the head's superior → executive (estimate > threshold or key customer).
    static QList<StepPlan> applicationPlan(const ExpenseRoutingInput &input, std::optional<UserId> departmentHead);
    static bool needsExecutive(const ExpenseRoutingInput &input);
    /// Why an executive must approve (§6.3.3), translated, or empty when no executive is needed:
    /// "Executive approval required (§6.3.3: key customer; estimate above 5000.00)".
    static QString executiveNote(const ExpenseRoutingInput &input);
    /// The claim: the applicant's superior when overrun (§6.4.3), then finance (any of them).
    static QList<StepPlan> claimPlan(UserId applicant, bool overrun);
};

/// Result of checking a claim (§6.4.2, §6.4.3).
struct ClaimAssessment
{
    bool overrun = false;
    bool late = false;
    Money limit; ///< estimate × (1 + tolerance%)
};

class ClaimRules
{
public:
    static ClaimAssessment assess(const Money &estimate, const Money &actual, qint64 tolerancePct,
                                  const QDateTime &eventAt, const QDateTime &filedAt, qint64 deadlineDays,
                                  const BusinessCalendar &calendar);
    /// Validates the claim fields and requires an explanation for an overrun; throws invalid.
    static void validate(const Money &actual, int receipts, const QString &explanation, const ClaimAssessment &assessment);
};

/// The department's monthly budget (§6.1).
struct BudgetUsage
{
    Money budget;
    Money used;      ///< other requests of the department in the event's month
    Money afterThis; ///< used + this request
    bool over() const { return afterThis > budget; }
};

class BudgetRules
{
public:
    /// Over budget is allowed only with an explanation (§6.1); throws invalid("over_budget_explanation").
    static void requireExplanationIfOver(const BudgetUsage &usage, const QString &explanation);
};

} // namespace bizdesk::domain
