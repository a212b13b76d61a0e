#include "services/entertainment/ExpenseQueries.h"

#include "domain/Error.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/entertainment/ExpenseAccess.h"
#include "services/entertainment/ExpenseRoutes.h"
#include "services/policy/PolicyService.h"
#include "storage/Transaction.h"
#include "storage/approval/RouteRepository.h"
#include "storage/entertainment/ExpenseConflictRepository.h"
#include "storage/entertainment/ExpenseRepository.h"
#include "storage/identity/UserRepository.h"
#include "storage/workflow/TransitionRepository.h"

#include <QCoreApplication>

namespace bizdesk::services {
namespace {

using domain::Error;
using domain::ExpenseAction;
using domain::ExpenseState;
using domain::Route;
using domain::UserId;

ExpenseHistoryEntry historyEntry(const storage::TransitionRecord &record)
{
    return {record.action,   record.fromState,     record.toState,         record.actorLogin,
            record.actorName, record.onBehalfOfId, record.onBehalfOfLogin, record.onBehalfOfName,
            record.comment,  record.at,            record.policyVersion};
}

QString decisionOf(const domain::ApprovalStep &step)
{
    switch (step.status) {
    case domain::ApprovalStep::Status::Approved:
        return QStringLiteral("approved");
    case domain::ApprovalStep::Status::Returned:
        return QStringLiteral("returned");
    case domain::ApprovalStep::Status::Rejected:
        return QStringLiteral("rejected");
    case domain::ApprovalStep::Status::Waiting:
    case domain::ApprovalStep::Status::Current:
        break;
    }
    return {};
}

void appendSteps(QList<RouteStepView> &views, const Route &route, bool claim, bool open,
                 const QHash<UserId, QString> &names)
{
    for (const domain::ApprovalStep &step : route.steps()) {
        RouteStepView view;
        view.state = step.state;
        view.clause = step.clause;
        view.claim = claim;
        view.decision = decisionOf(step);
        if (!view.decision.isEmpty())
            view.stage = RouteStepView::Stage::Done;
        else if (open && step.status == domain::ApprovalStep::Status::Current)
            view.stage = RouteStepView::Stage::Current;
        else
            view.stage = RouteStepView::Stage::Ahead;
        for (const domain::StepApprover &approver : step.approvers)
            view.approvers << names.value(approver.approver, QString::number(approver.approver));
        views << view;
    }
}

} // namespace

std::optional<ExpenseOverrun> ExpenseQueries::overrunOf(const domain::ExpenseRequest &request)
{
    if (!request.actual || !(*request.actual > request.estimate))
        return std::nullopt;
    ExpenseOverrun overrun;
    overrun.amount = *request.actual - request.estimate;
    const qint64 estimate = request.estimate.minorUnits();
    overrun.percent = estimate > 0 ? double(overrun.amount.minorUnits()) * 100.0 / double(estimate) : 0.0;
    return overrun;
}

domain::BudgetUsage ExpenseQueries::budgetFor(std::optional<domain::DepartmentId> department, const QDateTime &eventAt,
                                              const domain::Money &estimate, std::optional<qint64> exclude)
{
    domain::BudgetUsage usage;
    usage.budget = PolicyService(m_session).money(domain::policy::entertainmentMonthlyBudget);
    if (department && eventAt.isValid()) {
        // Months are cut in the company's time zone: 07:30 on 1 December in Shanghai is December.
        const domain::BusinessCalendar &calendar = m_session.calendar();
        const auto [from, to] = calendar.storageRange(domain::BusinessPeriod::monthOf(calendar.dateOf(eventAt)));
        usage.used = storage::ExpenseRepository(m_session.database()).departmentSpending(*department, from, to, exclude);
    }
    usage.afterThis = usage.used + estimate;
    return usage;
}

QList<RouteStepView> ExpenseQueries::routeSteps(const ExpenseDetail &detail)
{
    QList<RouteStepView> views;
    const domain::ExpenseRequest &request = detail.request();
    if (request.state == ExpenseState::Draft) {
        // Not submitted yet: the route a submit would take now, all of it ahead.
        try {
            appendSteps(views, ExpenseRoutes(m_session).application(request), false, false, detail.names);
        } catch (const Error &) {
            views.clear(); // nobody to route to yet: submit will say so
        }
        return views;
    }
    const bool claimStage = ExpenseAccess::isClaimStage(request.state);
    appendSteps(views, detail.route, false, !claimStage, detail.names);
    appendSteps(views, detail.claimRoute, true, claimStage, detail.names);
    return views;
}

ExpenseDetail ExpenseQueries::detail(qint64 id)
{
    storage::Transaction transaction(m_session.database(), storage::Transaction::Mode::Read);
    storage::ExpenseRepository repository(m_session.database());
    const auto row = repository.row(id);
    if (!row)
        throw Error::notFound(QCoreApplication::translate("ExpenseRepository", "There is no entertainment request #%1.").arg(id));
    ExpenseAccess access(m_session);
    access.requireVisible(row->request);
    ExpenseDetail detail;
    detail.row = *row;
    storage::RouteRepository routes(m_session.database());
    detail.route = routes.load(expenseEntity, id);
    detail.claimRoute = routes.load(expenseClaimEntity, id);
    for (const storage::TransitionRecord &record : storage::TransitionRepository(m_session.database()).history(expenseEntity, id))
        detail.history << historyEntry(record);
    detail.attachments = repository.attachments(id);
    detail.budget = budgetFor(row->request.departmentId, row->request.eventAt, row->request.estimate, id);
    detail.actions = access.actionsFor(row->request, detail.route, detail.claimRoute);
    if (detail.may(ExpenseAction::Approve) || detail.may(ExpenseAction::FinanceApprove)) {
        const Route &open = ExpenseAccess::openRoute(row->request, detail.route, detail.claimRoute);
        const auto principal = open.approverFor(access.actingFor());
        if (principal && *principal != m_session.userId())
            detail.decidesFor = principal;
        detail.conflictNote = access.conflictNote(row->request, principal);
    }
    detail.policyVersion = PolicyService(m_session).currentVersion();
    for (const domain::User &user : storage::UserRepository(m_session.database()).list())
        detail.names.insert(user.id, user.displayName);
    detail.routeSteps = routeSteps(detail);
    detail.overrun = overrunOf(row->request);
    detail.conflicts = storage::ExpenseConflictRepository(m_session.database()).forRequest(id);
    transaction.commit();
    return detail;
}

QList<ExpenseAction> ExpenseQueries::actionsFor(qint64 id)
{
    storage::Transaction transaction(m_session.database(), storage::Transaction::Mode::Read);
    const domain::ExpenseRequest request = storage::ExpenseRepository(m_session.database()).require(id);
    ExpenseAccess access(m_session);
    access.requireVisible(request);
    storage::RouteRepository routes(m_session.database());
    const QList<ExpenseAction> actions =
        access.actionsFor(request, routes.load(expenseEntity, id), routes.load(expenseClaimEntity, id));
    transaction.commit();
    return actions;
}

QList<qint64> ExpenseQueries::waitingForMe()
{
    storage::Transaction transaction(m_session.database(), storage::Transaction::Mode::Read);
    const QList<UserId> people = ExpenseAccess(m_session).actingFor();
    storage::RouteRepository routes(m_session.database());
    storage::ExpenseRepository repository(m_session.database());
    QList<qint64> ids;
    for (const QString &kind : {expenseEntity, expenseClaimEntity}) {
        for (qint64 id : routes.waitingFor(kind, people)) {
            const auto request = repository.find(id);
            if (!request || request->applicantId == m_session.userId())
                continue;
            const bool claimStage = ExpenseAccess::isClaimStage(request->state);
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

QList<domain::ExpenseListRow> ExpenseQueries::list(const ExpenseQuery &query)
{
    const domain::User &me = m_session.user();
    storage::ExpenseFilter filter;
    ExpenseAccess(m_session).restrict(filter);
    filter.state = query.state;
    filter.department = query.department;
    if (!query.departmentName.trimmed().isEmpty())
        filter.department = storage::DepartmentRepository(m_session.database()).requireByName(query.departmentName.trimmed()).id;
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

} // namespace bizdesk::services
