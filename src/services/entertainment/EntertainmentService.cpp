#include "services/entertainment/EntertainmentService.h"

#include "domain/Error.h"
#include "domain/identity/SeparationOfDuties.h"
#include "domain/policy/EventDateWindow.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "services/customers/CustomerService.h"
#include "services/identity/IdentityService.h"
#include "services/policy/PolicyService.h"
#include "storage/Database.h"
#include "storage/OpenDatabaseFiles.h"
#include "storage/Transaction.h"
#include "storage/approval/RouteRepository.h"
#include "storage/identity/UserRepository.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QStringList>
#include <QTimeZone>

namespace bizdesk::services {
namespace {

using domain::Error;
using domain::ExpenseAction;
using domain::ExpenseRequest;
using domain::ExpenseState;
using domain::Money;
using domain::Route;
using domain::UserId;

/// The organisation as the route resolver sees it, over the repositories.
class RepositoryDirectory final : public domain::OrganisationDirectory
{
public:
    explicit RepositoryDirectory(storage::Database &database) : m_users(database), m_departments(database) {}

    std::optional<UserId> departmentHead(domain::DepartmentId department) const override
    {
        const auto found = m_departments.findById(department);
        return found ? found->headId : std::nullopt;
    }
    std::optional<UserId> superiorOf(UserId person) const override { return m_users.superiorOf(person); }
    QList<UserId> holdersOf(domain::Role role) const override
    {
        QList<UserId> ids;
        for (const domain::User &user : m_users.withRole(role))
            ids << user.id;
        return ids;
    }

private:
    storage::UserRepository m_users;
    storage::DepartmentRepository m_departments;
};

bool isClaimStage(ExpenseState state)
{
    return state == ExpenseState::PendingOverrunApproval || state == ExpenseState::PendingFinanceReview;
}

QString money(const std::optional<Money> &value)
{
    return value ? value->toDecimalString() : QString();
}

/// The event's business month as a range of storage timestamps: months are cut in the
/// company's time zone, so 07:30 on 1 December in Shanghai counts for December.
std::pair<QString, QString> monthRange(const domain::BusinessCalendar &calendar, const QDateTime &eventAt)
{
    return calendar.storageRange(domain::BusinessPeriod::monthOf(calendar.dateOf(eventAt)));
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

void EntertainmentService::requireApplicant(const ExpenseRequest &request)
{
    if (request.applicantId != m_session.userId())
        throw Error::denied(QCoreApplication::translate("EntertainmentService",
                                                        "Only the applicant may do this with entertainment request #%1.")
                                .arg(request.id),
                            QStringLiteral("6.3.1"));
}

void EntertainmentService::requireVisible(const ExpenseRequest &request)
{
    const domain::User &me = m_session.user();
    if (request.applicantId == me.id || m_session.may(domain::Action::ReadAllEntertainment))
        return;
    if (me.roles.has(domain::Role::Manager) && me.departmentId && request.departmentId == me.departmentId)
        return;
    // Approvers (and their delegates) see what they decide or decided.
    const QList<UserId> people = IdentityService(m_session).actingFor();
    storage::RouteRepository routes(m_session.database());
    for (const QString &kind : {expenseEntity, expenseClaimEntity}) {
        const Route route = routes.load(kind, request.id);
        for (const domain::ApprovalStep &step : route.steps()) {
            for (const domain::StepApprover &approver : step.approvers) {
                if (people.contains(approver.approver) || approver.decidedBy == me.id)
                    return;
            }
        }
    }
    throw Error::denied(QCoreApplication::translate("EntertainmentService", "You may not see entertainment request #%1.")
                            .arg(request.id));
}

QString EntertainmentService::linkableCustomerClass(qint64 customerId)
{
    CustomerService(m_session).requireLinkable(customerId);
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

domain::BudgetUsage EntertainmentService::budgetFor(std::optional<domain::DepartmentId> department, const QDateTime &eventAt,
                                                    const Money &estimate, std::optional<qint64> exclude)
{
    domain::BudgetUsage usage;
    usage.budget = PolicyService(m_session).money(domain::policy::entertainmentMonthlyBudget);
    if (department && eventAt.isValid()) {
        const auto [from, to] = monthRange(m_session.calendar(), eventAt);
        usage.used = storage::ExpenseRepository(m_session.database()).departmentSpending(*department, from, to, exclude);
    }
    usage.afterThis = usage.used + estimate;
    return usage;
}

void EntertainmentService::recordTransition(const ExpenseRequest &before, const ExpenseRequest &after, const QString &action,
                                            const QString &comment, std::optional<UserId> onBehalfOf)
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
    request.overBudget = budgetFor(request.departmentId, request.eventAt, request.estimate, std::nullopt).over();
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
    requireApplicant(request);
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
    request.overBudget = budgetFor(request.departmentId, request.eventAt, request.estimate, request.id).over();
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
    requireApplicant(request);
    requireSeenVersion(request, seen);
    domain::ExpenseWorkflow::require(request.state, ExpenseAction::Submit);
    requirePlausibleEventDate(request);
    const ExpenseRequest before = request;

    // Check-then-write (§6.1): under the lock, parallel submits of the department-month are
    // counted one after another (the sum below sees every submit committed before). Should the
    // request itself change meanwhile, update() below refuses the stale version.
    if (request.departmentId && request.eventAt.isValid())
        repository.lockBudget(*request.departmentId, budgetMonth(request.eventAt));
    const domain::BudgetUsage usage = budgetFor(request.departmentId, request.eventAt, request.estimate, request.id);
    domain::BudgetRules::requireExplanationIfOver(usage, request.overBudgetExplanation);
    request.overBudget = usage.over();
    request.customerClass = request.customerId ? repository.customerClass(*request.customerId) : QString();

    RepositoryDirectory directory(m_session.database());
    domain::ExpenseRoutingInput input{request.applicantId, request.departmentId, request.estimate,
                                      PolicyService(m_session).money(domain::policy::entertainmentExecutiveThreshold),
                                      request.customerClass};
    const std::optional<UserId> head = request.departmentId ? directory.departmentHead(*request.departmentId) : std::nullopt;
    const Route route = domain::RouteResolver::resolve(domain::ExpenseRouting::applicationPlan(input, head),
                                                       request.applicantId, directory);
    request.state = domain::expenseStateFromName(route.currentState()).value_or(ExpenseState::PendingDeptReview);
    storage::RouteRepository routes(m_session.database());
    routes.replace(expenseEntity, id, route);
    routes.remove(expenseClaimEntity, id);
    request.version = repository.update(request, m_session.timestamp(), m_session.userId());
    recordTransition(before, request, QStringLiteral("submit"), {}, std::nullopt);
    transaction.commit();
    return request;
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
    const bool claimStage = isClaimStage(request.state);
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
    storage::RouteRepository routes(m_session.database());
    Route route = routes.load(kind, id);
    if (route.currentState() != domain::expenseStateName(request.state))
        throw Error::conflict(QCoreApplication::translate("EntertainmentService",
                                                          "Entertainment request #%1 has no open approval step.")
                                  .arg(id));
    const QList<UserId> actingFor = IdentityService(m_session).actingFor();
    const int decidedStep = route.currentIndex();
    UserId principal = 0;
    const QString at = m_session.timestamp();
    const QString trimmed = comment.trimmed();
    domain::RouteOutcome outcome;
    switch (decision) {
    case Decision::Approve:
        outcome = route.approve(m_session.userId(), actingFor, request.applicantId, at, trimmed, &principal);
        break;
    case Decision::Return:
        outcome = route.returnToRequester(m_session.userId(), actingFor, request.applicantId, at, trimmed, &principal);
        break;
    case Decision::Reject:
        outcome = route.reject(m_session.userId(), actingFor, request.applicantId, at, trimmed, &principal);
        break;
    }
    // The role table still applies to the person decided for (a delegate borrows their authority).
    const domain::User approver = storage::UserRepository(m_session.database()).requireById(principal);
    const domain::Action needed = finance ? domain::Action::FinanceReviewEntertainment : domain::Action::ApproveEntertainment;
    if (!domain::PermissionTable::allows(approver.roles, needed))
        throw Error::denied(QCoreApplication::translate("Session", "%1 (%2) may not %3.")
                                .arg(approver.displayName, approver.roles.displayNames(),
                                     domain::actionName(needed).replace(QLatin1Char('_'), QLatin1Char(' '))));

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
    routes.saveProgress(kind, id, route, decidedStep);
    request.version = repository.update(request, at, m_session.userId());
    const std::optional<UserId> onBehalfOf = principal != m_session.userId() ? std::optional<UserId>(principal) : std::nullopt;
    recordTransition(before, request, domain::expenseActionName(action), trimmed, onBehalfOf);
    transaction.commit();
    return request;
}

ExpenseRequest EntertainmentService::applicantTransition(qint64 id, ExpenseAction action, std::optional<int> seen)
{
    storage::Transaction transaction(m_session.database());
    storage::ExpenseRepository repository(m_session.database());
    ExpenseRequest request = repository.require(id);
    requireApplicant(request);
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
    requireApplicant(request);
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

    RepositoryDirectory directory(m_session.database());
    const Route route = domain::RouteResolver::resolve(domain::ExpenseRouting::claimPlan(request.applicantId, assessment.overrun),
                                                       request.applicantId, directory);
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

QString EntertainmentService::sniffMediaType(const QByteArray &content)
{
    if (content.startsWith("%PDF-"))
        return QStringLiteral("application/pdf");
    if (content.startsWith("\xFF\xD8\xFF"))
        return QStringLiteral("image/jpeg");
    if (content.startsWith("\x89PNG\r\n\x1A\n"))
        return QStringLiteral("image/png");
    return {};
}

storage::ExpenseAttachment EntertainmentService::attachReceiptFile(qint64 id, const QString &path)
{
    storage::OpenDatabaseFiles::refuse(path, QStringLiteral("FILE"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("EntertainmentCommands", "FILE: cannot read %1 (%2).")
                                                         .arg(path, file.errorString()));
    // One byte past the size cap is enough for attachReceipt to refuse an oversized file.
    const qint64 cap = PolicyService(m_session).integer(domain::policy::entertainmentReceiptMaxKb) * 1024 + 1;
    return attachReceipt(id, path, file.read(cap));
}

storage::ExpenseAttachment EntertainmentService::attachReceipt(qint64 id, const QString &fileName, const QByteArray &content)
{
    m_session.require(domain::Action::ApplyEntertainment);
    const QString mediaType = sniffMediaType(content);
    if (mediaType.isEmpty())
        throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("EntertainmentService",
                                                                                 "FILE: a receipt must be a PDF, JPEG or PNG "
                                                                                 "file (§6.4.1)."),
                             QStringLiteral("6.4.1"));
    storage::Transaction transaction(m_session.database());
    const qint64 maxKb = PolicyService(m_session).integer(domain::policy::entertainmentReceiptMaxKb);
    if (content.size() > maxKb * 1024)
        throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("EntertainmentService",
                                                                                 "FILE: the receipt is %1 KB; at most %2 KB "
                                                                                 "are accepted (§6.4.1).")
                                                         .arg((content.size() + 1023) / 1024)
                                                         .arg(maxKb),
                             QStringLiteral("6.4.1"));
    storage::ExpenseRepository repository(m_session.database());
    const ExpenseRequest request = repository.require(id);
    requireApplicant(request);
    if (request.state != ExpenseState::Approved && !isClaimStage(request.state))
        throw Error::conflict(QCoreApplication::translate("EntertainmentService",
                                                          "Receipts belong to the claim: request #%1 is %2, not approved.")
                                  .arg(id)
                                  .arg(domain::expenseStateDisplayName(request.state)),
                              QStringLiteral("6.4.1"));
    storage::ExpenseAttachment attachment;
    attachment.requestId = id;
    attachment.fileName = QFileInfo(fileName).fileName().left(255);
    attachment.mediaType = mediaType;
    attachment.size = content.size();
    attachment.sha256 = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    attachment.uploadedAt = m_session.timestamp();
    attachment.uploadedBy = m_session.userId();
    attachment.id = repository.insertAttachment(attachment, content);
    AuditTrail(m_session).record(QStringLiteral("expense.attach"), expenseEntity, id, {},
                                 {{QStringLiteral("attachment"), attachment.id},
                                  {QStringLiteral("file"), attachment.fileName},
                                  {QStringLiteral("sha256"), attachment.sha256},
                                  {QStringLiteral("size"), attachment.size}});
    transaction.commit();
    return attachment;
}

QByteArray EntertainmentService::receiptContent(qint64 attachmentId)
{
    storage::Transaction transaction(m_session.database(), storage::Transaction::Mode::Read);
    storage::ExpenseRepository repository(m_session.database());
    qint64 requestId = 0;
    const QByteArray content = repository.attachmentContent(attachmentId, &requestId);
    requireVisible(repository.require(requestId));
    transaction.commit();
    return content;
}

QList<ExpenseAction> EntertainmentService::actionsFor(const ExpenseRequest &request, const Route &route, const Route &claimRoute)
{
    QList<ExpenseAction> actions;
    const UserId me = m_session.userId();
    if (request.applicantId == me && m_session.may(domain::Action::ApplyEntertainment)) {
        for (ExpenseAction action : {ExpenseAction::Edit, ExpenseAction::Submit, ExpenseAction::Withdraw, ExpenseAction::Cancel,
                                     ExpenseAction::Claim}) {
            if (domain::ExpenseWorkflow::allows(request.state, action))
                actions << action;
        }
    }
    const bool claimStage = isClaimStage(request.state);
    const Route &open = claimStage ? claimRoute : route;
    if (open.currentState() != domain::expenseStateName(request.state))
        return actions;
    const QList<UserId> actingFor = IdentityService(m_session).actingFor();
    const auto approver = open.approverFor(actingFor);
    if (!approver)
        return actions;
    try {
        domain::SeparationOfDuties::requireMayDecide(me, request.applicantId, open.previousDecider());
    } catch (const Error &) {
        return actions;
    }
    const bool finance = request.state == ExpenseState::PendingFinanceReview;
    if (finance)
        actions << ExpenseAction::FinanceApprove << ExpenseAction::FinanceReturn << ExpenseAction::FinanceReject;
    else
        actions << ExpenseAction::Approve << ExpenseAction::Return << ExpenseAction::Reject;
    return actions;
}

ExpenseDetail EntertainmentService::detail(qint64 id)
{
    storage::Transaction transaction(m_session.database(), storage::Transaction::Mode::Read);
    storage::ExpenseRepository repository(m_session.database());
    const auto row = repository.row(id);
    if (!row)
        throw Error::notFound(QCoreApplication::translate("ExpenseRepository", "There is no entertainment request #%1.").arg(id));
    requireVisible(row->request);
    ExpenseDetail detail;
    detail.row = *row;
    storage::RouteRepository routes(m_session.database());
    detail.route = routes.load(expenseEntity, id);
    detail.claimRoute = routes.load(expenseClaimEntity, id);
    detail.history = storage::TransitionRepository(m_session.database()).history(expenseEntity, id);
    detail.attachments = repository.attachments(id);
    detail.budget = budgetFor(row->request.departmentId, row->request.eventAt, row->request.estimate, id);
    detail.actions = actionsFor(row->request, detail.route, detail.claimRoute);
    if (detail.may(ExpenseAction::Approve) || detail.may(ExpenseAction::FinanceApprove)) {
        const Route &open = isClaimStage(row->request.state) ? detail.claimRoute : detail.route;
        const auto principal = open.approverFor(IdentityService(m_session).actingFor());
        if (principal && *principal != m_session.userId())
            detail.decidesFor = principal;
    }
    detail.policyVersion = PolicyService(m_session).currentVersion();
    for (const domain::User &user : storage::UserRepository(m_session.database()).list())
        detail.names.insert(user.id, user.displayName);
    transaction.commit();
    return detail;
}

QList<qint64> EntertainmentService::waitingForMe()
{
    storage::Transaction transaction(m_session.database(), storage::Transaction::Mode::Read);
    const QList<UserId> people = IdentityService(m_session).actingFor();
    storage::RouteRepository routes(m_session.database());
    storage::ExpenseRepository repository(m_session.database());
    QList<qint64> ids;
    for (const QString &kind : {expenseEntity, expenseClaimEntity}) {
        for (qint64 id : routes.waitingFor(kind, people)) {
            const auto request = repository.find(id);
            if (!request || request->applicantId == m_session.userId())
                continue;
            const bool claimStage = isClaimStage(request->state);
            if (claimStage != (kind == expenseClaimEntity))
                continue;
            const Route route = routes.load(kind, id);
            if (route.currentState() != domain::expenseStateName(request->state))
                continue;
            const auto previous = route.previousDecider();
            if (previous && *previous == m_session.userId())
                continue;
            ids << id;
        }
    }
    transaction.commit();
    return ids;
}

QList<storage::ExpenseListRow> EntertainmentService::list(const ExpenseQuery &query)
{
    const domain::User &me = m_session.user();
    storage::ExpenseFilter filter;
    filter.viewer = me.id;
    filter.viewerDepartment = me.departmentId;
    if (m_session.may(domain::Action::ReadAllEntertainment))
        filter.scope = storage::ExpenseFilter::Scope::All;
    else if (me.roles.has(domain::Role::Manager))
        filter.scope = storage::ExpenseFilter::Scope::Department;
    else
        filter.scope = storage::ExpenseFilter::Scope::Own;
    filter.state = query.state;
    filter.department = query.department;
    filter.customer = query.customer;
    filter.limit = query.limit;
    if (query.mineOnly)
        filter.applicant = me.id;
    if (!query.month.isEmpty()) {
        const QDate first = QDate::fromString(query.month + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"));
        if (!first.isValid())
            throw Error::invalid(QStringLiteral("month"), QCoreApplication::translate("EntertainmentService",
                                                                                      "month: write the month as 2026-11."));
        const auto [from, to] = m_session.calendar().storageRange(domain::BusinessPeriod::monthOf(first));
        filter.eventFrom = from;
        filter.eventTo = to;
    }
    if (query.pendingForMe) {
        // What waits for the user's decision is visible to them whatever their scope.
        filter.ids = waitingForMe();
        filter.scope = storage::ExpenseFilter::Scope::All;
    }
    storage::Transaction transaction(m_session.database(), storage::Transaction::Mode::Read);
    const auto rows = storage::ExpenseRepository(m_session.database()).list(filter);
    transaction.commit();
    return rows;
}

QJsonObject EntertainmentService::toJson(const storage::ExpenseListRow &row)
{
    const ExpenseRequest &request = row.request;
    QJsonObject object{
        {QStringLiteral("id"), request.id},
        {QStringLiteral("state"), domain::expenseStateName(request.state)},
        {QStringLiteral("category"), domain::expenseCategoryName(request.category)},
        {QStringLiteral("reason"), request.reason},
        {QStringLiteral("at"), request.eventAt.toLocalTime().toString(Qt::ISODate)},
        {QStringLiteral("place"), request.place},
        {QStringLiteral("participants"), request.participants},
        {QStringLiteral("headcount"), request.headcount},
        {QStringLiteral("estimate"), request.estimate.toDecimalString()},
        {QStringLiteral("actual"), request.actual ? QJsonValue(request.actual->toDecimalString()) : QJsonValue()},
        {QStringLiteral("applicant"), row.applicantLogin},
        {QStringLiteral("applicant_name"), row.applicantName},
        {QStringLiteral("department"), row.departmentName},
        {QStringLiteral("flags"), QJsonObject{{QStringLiteral("late"), request.late},
                                              {QStringLiteral("over_budget"), request.overBudget},
                                              {QStringLiteral("overrun"), request.overrun}}},
        {QStringLiteral("version"), request.version},
    };
    if (request.customerId) {
        object.insert(QStringLiteral("customer"), *request.customerId);
        object.insert(QStringLiteral("customer_name"), row.customerName);
        object.insert(QStringLiteral("customer_class"), request.customerClass);
    }
    return object;
}

QString EntertainmentService::staffNames(const ExpenseDetail &detail)
{
    QStringList names;
    for (const storage::ExpenseStaff &member : detail.row.staff)
        names << member.name;
    return QLocale().createSeparatedList(names);
}

QJsonObject EntertainmentService::toJson(const ExpenseDetail &detail)
{
    QJsonObject object = toJson(detail.row);
    const ExpenseRequest &request = detail.request();
    QJsonArray staff;
    for (const storage::ExpenseStaff &member : detail.row.staff)
        staff.append(QJsonObject{{QStringLiteral("login"), member.login}, {QStringLiteral("name"), member.name}});
    object.insert(QStringLiteral("staff"), staff);
    object.insert(QStringLiteral("guests"), request.participants);
    if (detail.decidesFor)
        object.insert(QStringLiteral("decides_for"), detail.names.value(*detail.decidesFor));
    object.insert(QStringLiteral("receipts"), request.receiptCount);
    object.insert(QStringLiteral("explanation"), request.claimExplanation);
    object.insert(QStringLiteral("over_budget_explanation"), request.overBudgetExplanation);
    object.insert(QStringLiteral("claimed_at"), request.claimedAt);
    object.insert(QStringLiteral("budget"), QJsonObject{{QStringLiteral("monthly"), detail.budget.budget.toDecimalString()},
                                                        {QStringLiteral("used"), detail.budget.used.toDecimalString()},
                                                        {QStringLiteral("after_this"), detail.budget.afterThis.toDecimalString()}});
    QJsonArray route;
    for (const Route *item : {&detail.route, &detail.claimRoute}) {
        for (const domain::ApprovalStep &step : item->steps()) {
            QJsonArray approvers;
            for (const domain::StepApprover &approver : step.approvers) {
                QJsonObject entry{{QStringLiteral("approver"), detail.names.value(approver.approver)},
                                  {QStringLiteral("decision"), approver.decision}};
                if (approver.decidedBy && *approver.decidedBy != approver.approver)
                    entry.insert(QStringLiteral("decided_by"), detail.names.value(*approver.decidedBy));
                if (approver.hasDecided())
                    entry.insert(QStringLiteral("at"), approver.decidedAt);
                approvers.append(entry);
            }
            route.append(QJsonObject{{QStringLiteral("state"), step.state},
                                     {QStringLiteral("mode"), domain::ApprovalStep::modeName(step.mode)},
                                     {QStringLiteral("status"), domain::ApprovalStep::statusName(step.status)},
                                     {QStringLiteral("clause"), step.clause},
                                     {QStringLiteral("approvers"), approvers}});
        }
    }
    object.insert(QStringLiteral("route"), route);
    QJsonArray history;
    for (const storage::TransitionRecord &record : detail.history) {
        QJsonObject entry{{QStringLiteral("action"), record.action},
                          {QStringLiteral("from"), record.fromState},
                          {QStringLiteral("to"), record.toState},
                          {QStringLiteral("by"), record.actorLogin},
                          {QStringLiteral("at"), record.at},
                          {QStringLiteral("comment"), record.comment},
                          {QStringLiteral("policy_version"), record.policyVersion}};
        if (record.onBehalfOfId)
            entry.insert(QStringLiteral("on_behalf_of"), record.onBehalfOfLogin);
        history.append(entry);
    }
    object.insert(QStringLiteral("history"), history);
    QJsonArray attachments;
    for (const storage::ExpenseAttachment &attachment : detail.attachments)
        attachments.append(QJsonObject{{QStringLiteral("id"), attachment.id},
                                       {QStringLiteral("file"), attachment.fileName},
                                       {QStringLiteral("type"), attachment.mediaType},
                                       {QStringLiteral("size"), attachment.size},
                                       {QStringLiteral("sha256"), attachment.sha256}});
    object.insert(QStringLiteral("attachments"), attachments);
    QJsonArray actions;
    for (ExpenseAction action : detail.actions)
        actions.append(domain::expenseActionName(action));
    object.insert(QStringLiteral("actions"), actions);
    return object;
}

} // namespace bizdesk::services
