#include "services/entertainment/EntertainmentService.h"

#include "domain/Error.h"
#include "domain/identity/SeparationOfDuties.h"
#include "domain/policy/EventDateWindow.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/approval/ApprovalDesk.h"
#include "services/audit/AuditTrail.h"
#include "services/customers/CustomerAccess.h"
#include "services/entertainment/ExpenseAccess.h"
#include "services/entertainment/ExpenseJson.h"
#include "services/entertainment/ExpenseQueries.h"
#include "services/entertainment/ExpenseReceipts.h"
#include "services/entertainment/ExpenseRoutes.h"
#include "services/policy/PolicyService.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "storage/approval/RouteRepository.h"
#include "storage/entertainment/ExpenseConflictRepository.h"
#include "storage/entertainment/ExpenseRepository.h"
#include "storage/identity/UserRepository.h"
#include "storage/workflow/TransitionRepository.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace bizdesk::services {
namespace {

using domain::Error;
using domain::ExpenseAction;
using domain::ExpenseRequest;
using domain::ExpenseState;
using domain::Money;
using domain::Route;
using domain::UserId;

QString money(const std::optional<Money> &value)
{
    return value ? value->toDecimalString() : QString();
}

/// The department-month whose budget an event draws on ("2026-11", UTC like monthRange()).
QString budgetMonth(const QDateTime &eventAt)
{
    return eventAt.toUTC().date().toString(QStringLiteral("yyyy-MM"));
}

/// Optimistic locking for callers that show a request and act later (a window, a script with
/// --version): acting on a version other than the one seen is a conflict, nothing is written.
void requireSeenVersion(const ExpenseRequest &request, std::optional<int> seen)
{
    if (seen && *seen != request.version)
        throw Error::conflict(QCoreApplication::translate("EntertainmentService",
                                                          "Entertainment request #%1 is at version %2, not %3: it changed "
                                                          "since you saw it; reload it and try again.")
                                  .arg(request.id)
                                  .arg(request.version)
                                  .arg(*seen));
}

QJsonObject auditJson(const ExpenseRequest &request)
{
    QJsonArray staffIds;
    for (const UserId id : request.staff)
        staffIds.append(id);
    return {{QStringLiteral("state"), domain::expenseStateName(request.state)},
            {QStringLiteral("estimate"), request.estimate.toDecimalString()},
            {QStringLiteral("actual"), money(request.actual)},
            {QStringLiteral("reason"), request.reason},
            {QStringLiteral("staff"), staffIds},
            {QStringLiteral("guests"), request.participants},
            {QStringLiteral("version"), request.version}};
}

} // namespace

QString EntertainmentService::linkableCustomerClass(qint64 customerId)
{
    CustomerAccess(m_session).requireLinkable(customerId);
    return storage::ExpenseRepository(m_session.database()).customerClass(customerId);
}

void EntertainmentService::requirePlausibleEventDate(const ExpenseRequest &request)
{
    domain::EventDateWindow::require(QStringLiteral("at"), m_session.calendar().dateOf(request.eventAt), m_session.today(),
                                     PolicyService(m_session).integer(domain::policy::eventWindowDays));
}

void EntertainmentService::requireStaff(const QList<UserId> &staff)
{
    storage::UserRepository users(m_session.database());
    for (const UserId id : staff) {
        const auto user = users.findById(id);
        if (!user || !user->active)
            throw Error::invalid(QStringLiteral("staff"),
                                 QCoreApplication::translate("EntertainmentService",
                                                             "staff: #%1 is not an active member of staff (§6.3.1).")
                                     .arg(id),
                                 QStringLiteral("6.3.1"));
    }
}

QString EntertainmentService::executiveNote(const domain::ExpenseForm &form)
{
    m_session.user();
    storage::Transaction transaction(m_session.database(), storage::Transaction::Mode::Read);
    domain::ExpenseRoutingInput input;
    input.applicant = m_session.userId();
    input.department = m_session.user().departmentId;
    input.executiveThreshold = PolicyService(m_session).money(domain::policy::entertainmentExecutiveThreshold);
    try {
        input.estimate = domain::ExpenseRules::parseAmount(QStringLiteral("estimate"), form.estimate);
    } catch (const Error &) {
        input.estimate = Money::fromMinor(0, input.executiveThreshold.currency());
    }
    if (form.customerId) {
        try {
            input.customerClass = linkableCustomerClass(*form.customerId);
        } catch (const Error &) {
            input.customerClass.clear();
        }
    }
    const QString note = domain::ExpenseRouting::executiveNote(input);
    transaction.commit();
    return note;
}

void EntertainmentService::recordTransition(const ExpenseRequest &before, const ExpenseRequest &after, const QString &action,
                                            const QString &comment, std::optional<UserId> onBehalfOf,
                                            const QString &conflictNote)
{
    storage::TransitionRecord record;
    record.entityKind = expenseEntity;
    record.entityId = after.id;
    record.action = action;
    record.fromState = domain::expenseStateName(before.state);
    record.toState = domain::expenseStateName(after.state);
    record.actorId = m_session.userId();
    record.onBehalfOfId = onBehalfOf;
    record.comment = comment;
    record.at = m_session.timestamp();
    record.policyVersion = PolicyService(m_session).currentVersion();
    storage::TransitionRepository(m_session.database()).append(record);
    QString behalfLogin;
    if (onBehalfOf) {
        if (const auto principal = storage::UserRepository(m_session.database()).findById(*onBehalfOf))
            behalfLogin = principal->login;
    }
    QJsonObject afterJson = auditJson(after);
    if (!comment.isEmpty())
        afterJson.insert(QStringLiteral("comment"), comment);
    if (!conflictNote.isEmpty())
        afterJson.insert(QStringLiteral("conflict_of_interest"), conflictNote);
    AuditTrail(m_session).record(QStringLiteral("expense.") + action, expenseEntity, after.id, auditJson(before), afterJson,
                                 onBehalfOf, behalfLogin);
}

ExpenseRequest EntertainmentService::apply(const domain::ExpenseForm &form)
{
    m_session.require(domain::Action::ApplyEntertainment);
    ExpenseRequest request;
    domain::ExpenseRules::applyForm(form, request);
    storage::Transaction transaction(m_session.database());
    requirePlausibleEventDate(request);
    requireStaff(request.staff);
    storage::ExpenseRepository repository(m_session.database());
    if (request.customerId)
        request.customerClass = linkableCustomerClass(*request.customerId);
    request.applicantId = m_session.userId();
    request.departmentId = m_session.user().departmentId;
    request.state = ExpenseState::Draft;
    request.overBudget = ExpenseQueries(m_session).budgetFor(request.departmentId, request.eventAt, request.estimate, std::nullopt).over();
    request.id = repository.insert(request, m_session.timestamp(), m_session.userId());
    repository.replaceStaff(request.id, request.staff);
    request = repository.require(request.id);
    AuditTrail(m_session).record(QStringLiteral("expense.apply"), expenseEntity, request.id, {}, auditJson(request));
    transaction.commit();
    return request;
}

ExpenseRequest EntertainmentService::editDraft(qint64 id, int version, const domain::ExpenseForm &form)
{
    m_session.require(domain::Action::ApplyEntertainment);
    storage::Transaction transaction(m_session.database());
    storage::ExpenseRepository repository(m_session.database());
    ExpenseRequest request = repository.require(id);
    ExpenseAccess(m_session).requireApplicant(request);
    domain::ExpenseWorkflow::require(request.state, ExpenseAction::Edit);
    const ExpenseRequest before = request;
    domain::ExpenseRules::applyForm(form, request);
    requirePlausibleEventDate(request);
    requireStaff(request.staff);
    // A newly linked customer must be one the applicant may see; one linked before stays.
    if (request.customerId && request.customerId != before.customerId)
        request.customerClass = linkableCustomerClass(*request.customerId);
    else
        request.customerClass = request.customerId ? repository.customerClass(*request.customerId) : QString();
    request.overBudget = ExpenseQueries(m_session).budgetFor(request.departmentId, request.eventAt, request.estimate, request.id).over();
    request.version = version;
    repository.update(request, m_session.timestamp(), m_session.userId());
    repository.replaceStaff(id, request.staff);
    request = repository.require(id);
    AuditTrail(m_session).record(QStringLiteral("expense.edit"), expenseEntity, id, auditJson(before), auditJson(request));
    transaction.commit();
    return request;
}

ExpenseRequest EntertainmentService::submit(qint64 id, std::optional<int> seen)
{
    m_session.require(domain::Action::ApplyEntertainment);
    storage::Transaction transaction(m_session.database());
    storage::ExpenseRepository repository(m_session.database());
    ExpenseRequest request = repository.require(id);
    ExpenseAccess(m_session).requireApplicant(request);
    requireSeenVersion(request, seen);
    domain::ExpenseWorkflow::require(request.state, ExpenseAction::Submit);
    requirePlausibleEventDate(request);
    const ExpenseRequest before = request;

    // Check-then-write (§6.1): under the lock, parallel submits of the department-month are
    // counted one after another (the sum below sees every submit committed before). Should the
    // request itself change meanwhile, update() below refuses the stale version.
    if (request.departmentId && request.eventAt.isValid())
        repository.lockBudget(*request.departmentId, budgetMonth(request.eventAt));
    const domain::BudgetUsage usage = ExpenseQueries(m_session).budgetFor(request.departmentId, request.eventAt, request.estimate, request.id);
    domain::BudgetRules::requireExplanationIfOver(usage, request.overBudgetExplanation);
    request.overBudget = usage.over();
    request.customerClass = request.customerId ? repository.customerClass(*request.customerId) : QString();

    const Route route = ExpenseRoutes(m_session).application(request);
    request.state = domain::expenseStateFromName(route.currentState()).value_or(ExpenseState::PendingDeptReview);
    storage::RouteRepository routes(m_session.database());
    routes.replace(expenseEntity, id, route);
    routes.remove(expenseClaimEntity, id);
    request.version = repository.update(request, m_session.timestamp(), m_session.userId());
    recordTransition(before, request, QStringLiteral("submit"), {}, std::nullopt);
    transaction.commit();
    return request;
}

ExpenseRequest EntertainmentService::applyAndSubmit(const domain::ExpenseForm &form)
{
    // One transaction around both use cases: when the submit is refused, the draft is not kept.
    storage::Transaction transaction(m_session.database());
    const ExpenseRequest draft = apply(form);
    const ExpenseRequest submitted = submit(draft.id, draft.version);
    transaction.commit();
    return submitted;
}

ExpenseRequest EntertainmentService::saveAndSubmit(qint64 id, int version, const domain::ExpenseForm &form)
{
    storage::Transaction transaction(m_session.database());
    const ExpenseRequest saved = editDraft(id, version, form);
    const ExpenseRequest submitted = submit(id, saved.version);
    transaction.commit();
    return submitted;
}

ExpenseRequest EntertainmentService::approve(qint64 id, const QString &comment, std::optional<int> seen)
{
    return decide(id, Decision::Approve, comment, seen);
}

ExpenseRequest EntertainmentService::returnRequest(qint64 id, const QString &comment, std::optional<int> seen)
{
    return decide(id, Decision::Return, comment, seen);
}

ExpenseRequest EntertainmentService::reject(qint64 id, const QString &comment, std::optional<int> seen)
{
    return decide(id, Decision::Reject, comment, seen);
}

ExpenseRequest EntertainmentService::decide(qint64 id, Decision decision, const QString &comment, std::optional<int> seen)
{
    storage::Transaction transaction(m_session.database());
    storage::ExpenseRepository repository(m_session.database());
    ExpenseRequest request = repository.require(id);
    requireSeenVersion(request, seen);
    const ExpenseRequest before = request;
    const bool finance = request.state == ExpenseState::PendingFinanceReview;
    const bool claimStage = ExpenseAccess::isClaimStage(request.state);
    ExpenseAction action = decision == Decision::Approve ? ExpenseAction::Approve
                           : decision == Decision::Return ? ExpenseAction::Return
                                                          : ExpenseAction::Reject;
    if (finance)
        action = decision == Decision::Approve ? ExpenseAction::FinanceApprove
                 : decision == Decision::Return ? ExpenseAction::FinanceReturn
                                                : ExpenseAction::FinanceReject;
    domain::ExpenseWorkflow::require(request.state, action);
    domain::ExpenseWorkflow::requireComment(action, comment);

    const QString kind = claimStage ? expenseClaimEntity : expenseEntity;
    const ApprovalDesk::Decision deskDecision = decision == Decision::Approve  ? ApprovalDesk::Decision::Approve
                                                : decision == Decision::Return ? ApprovalDesk::Decision::Return
                                                                               : ApprovalDesk::Decision::Reject;
    const domain::Action needed = finance ? domain::Action::FinanceReviewEntertainment : domain::Action::ApproveEntertainment;
    const ApprovalDecision decided = ApprovalDesk(m_session).decide(
        kind, id, domain::expenseStateName(request.state), request.applicantId, deskDecision, comment,
        [needed](const QString &) { return needed; },
        QCoreApplication::translate("EntertainmentService", "Entertainment request #%1").arg(id));
    const Route &route = decided.route;
    const domain::RouteOutcome outcome = decided.outcome;
    const UserId principal = decided.principal;
    const QString at = m_session.timestamp();
    const QString trimmed = comment.trimmed();

    switch (outcome) {
    case domain::RouteOutcome::StepStillOpen:
        break;
    case domain::RouteOutcome::Advanced:
        request.state = domain::expenseStateFromName(route.currentState()).value_or(request.state);
        break;
    case domain::RouteOutcome::Completed:
    case domain::RouteOutcome::Returned:
    case domain::RouteOutcome::Rejected:
        request.state = domain::ExpenseWorkflow::target(before.state, action);
        if (outcome == domain::RouteOutcome::Completed && claimStage && !finance)
            request.state = ExpenseState::PendingFinanceReview;
        break;
    }
    request.version = repository.update(request, at, m_session.userId());
    const std::optional<UserId> onBehalfOf = decided.onBehalfOf();
    // An approver taking part in the event may still decide, but the decision carries the note.
    const QString conflict = ExpenseAccess(m_session).conflictNote(before, principal);
    if (!conflict.isEmpty()) {
        storage::ExpenseConflictRepository(m_session.database())
            .append({id, domain::expenseStateName(before.state), principal,
                     m_session.userId(), domain::expenseActionName(action), conflict, at, {}});
    }
    recordTransition(before, request, domain::expenseActionName(action), trimmed, onBehalfOf, conflict);
    transaction.commit();
    return request;
}

ExpenseRequest EntertainmentService::applicantTransition(qint64 id, ExpenseAction action, std::optional<int> seen)
{
    storage::Transaction transaction(m_session.database());
    storage::ExpenseRepository repository(m_session.database());
    ExpenseRequest request = repository.require(id);
    ExpenseAccess(m_session).requireApplicant(request);
    requireSeenVersion(request, seen);
    const ExpenseRequest before = request;
    request.state = domain::ExpenseWorkflow::target(request.state, action);
    if (action == ExpenseAction::Withdraw)
        storage::RouteRepository(m_session.database()).remove(expenseEntity, id);
    request.version = repository.update(request, m_session.timestamp(), m_session.userId());
    recordTransition(before, request, domain::expenseActionName(action), {}, std::nullopt);
    transaction.commit();
    return request;
}

ExpenseRequest EntertainmentService::withdraw(qint64 id, std::optional<int> seen)
{
    return applicantTransition(id, ExpenseAction::Withdraw, seen);
}

ExpenseRequest EntertainmentService::cancel(qint64 id, std::optional<int> seen)
{
    return applicantTransition(id, ExpenseAction::Cancel, seen);
}

ExpenseRequest EntertainmentService::claim(qint64 id, const ExpenseClaimInput &input, std::optional<int> seen)
{
    m_session.require(domain::Action::ApplyEntertainment);
    const Money actual = domain::ExpenseRules::parseAmount(QStringLiteral("actual"), input.actual);
    storage::Transaction transaction(m_session.database());
    storage::ExpenseRepository repository(m_session.database());
    ExpenseRequest request = repository.require(id);
    ExpenseAccess(m_session).requireApplicant(request);
    requireSeenVersion(request, seen);
    domain::ExpenseWorkflow::require(request.state, ExpenseAction::Claim);
    if (m_session.now() < request.eventAt)
        throw Error::conflict(QCoreApplication::translate("EntertainmentService",
                                                          "The event of request #%1 has not taken place yet; file the "
                                                          "claim afterwards (§6.4.2).")
                                  .arg(id),
                              QStringLiteral("6.4.2"));
    const ExpenseRequest before = request;
    PolicyService policy(m_session);
    const domain::ClaimAssessment assessment =
        domain::ClaimRules::assess(request.estimate, actual, policy.integer(domain::policy::entertainmentOverrunTolerancePct),
                                   request.eventAt, m_session.now(),
                                   policy.integer(domain::policy::entertainmentClaimDeadlineDays), m_session.calendar());
    domain::ClaimRules::validate(actual, input.receipts, input.explanation, assessment);

    const Route route = ExpenseRoutes(m_session).claim(request, assessment.overrun);
    request.actual = actual;
    request.receiptCount = input.receipts;
    request.claimExplanation = input.explanation.trimmed();
    request.claimedAt = m_session.timestamp();
    request.late = assessment.late;
    request.overrun = assessment.overrun;
    request.state = domain::expenseStateFromName(route.currentState()).value_or(ExpenseState::PendingFinanceReview);
    storage::RouteRepository(m_session.database()).replace(expenseClaimEntity, id, route);
    request.version = repository.update(request, m_session.timestamp(), m_session.userId());
    recordTransition(before, request, QStringLiteral("claim"), request.claimExplanation, std::nullopt);
    transaction.commit();
    return request;
}

// The read side, receipts and JSON live in their own classes; these keep the module's one entry point.

domain::BudgetUsage EntertainmentService::budgetFor(std::optional<domain::DepartmentId> department, const QDateTime &eventAt,
                                                    const Money &estimate, std::optional<qint64> exclude)
{
    return ExpenseQueries(m_session).budgetFor(department, eventAt, estimate, exclude);
}

ExpenseDetail EntertainmentService::detail(qint64 id)
{
    return ExpenseQueries(m_session).detail(id);
}

QList<domain::ExpenseListRow> EntertainmentService::list(const ExpenseQuery &query)
{
    return ExpenseQueries(m_session).list(query);
}

QList<qint64> EntertainmentService::waitingForMe()
{
    return ExpenseQueries(m_session).waitingForMe();
}

QList<ExpenseAction> EntertainmentService::actionsFor(qint64 id)
{
    return ExpenseQueries(m_session).actionsFor(id);
}

QList<ExpenseAction> EntertainmentService::actionsForNew()
{
    return ExpenseAccess(m_session).actionsForNew();
}

domain::ExpenseAttachment EntertainmentService::attachReceipt(qint64 id, const QString &fileName, const QByteArray &content)
{
    return ExpenseReceipts(m_session).attachReceipt(id, fileName, content);
}

domain::ExpenseAttachment EntertainmentService::attachReceiptFile(qint64 id, const QString &path)
{
    return ExpenseReceipts(m_session).attachReceiptFile(id, path);
}

QByteArray EntertainmentService::receiptContent(qint64 attachmentId)
{
    return ExpenseReceipts(m_session).receiptContent(attachmentId);
}

QJsonObject EntertainmentService::toJson(const ExpenseDetail &detail)
{
    return ExpenseJson::toJson(detail);
}

QJsonObject EntertainmentService::toJson(const domain::ExpenseListRow &row)
{
    return ExpenseJson::toJson(row);
}

QString EntertainmentService::staffNames(const ExpenseDetail &detail)
{
    return ExpenseJson::staffNames(detail);
}

QString EntertainmentService::sniffMediaType(const QByteArray &content)
{
    return ExpenseReceipts::sniffMediaType(content);
}

} // namespace bizdesk::services
