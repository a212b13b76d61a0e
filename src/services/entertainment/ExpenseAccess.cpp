#include "services/entertainment/ExpenseAccess.h"

#include "domain/Error.h"
#include "domain/identity/SeparationOfDuties.h"
#include "services/Session.h"
#include "services/entertainment/ExpenseViews.h"
#include "services/identity/IdentityService.h"
#include "storage/approval/RouteRepository.h"
#include "storage/identity/UserRepository.h"

#include <QCoreApplication>

namespace bizdesk::services {

using domain::Error;
using domain::ExpenseAction;
using domain::ExpenseRequest;
using domain::ExpenseState;
using domain::Route;
using domain::UserId;

const QList<UserId> &ExpenseAccess::actingFor()
{
    if (!m_actingFor)
        m_actingFor = IdentityService(m_session).actingFor();
    return *m_actingFor;
}

bool ExpenseAccess::seesDraftOf(UserId applicant)
{
    return applicant == m_session.userId() || actingFor().contains(applicant);
}

bool ExpenseAccess::isClaimStage(ExpenseState state)
{
    return state == ExpenseState::PendingOverrunApproval || state == ExpenseState::PendingFinanceReview;
}

const Route &ExpenseAccess::openRoute(const ExpenseRequest &request, const Route &route, const Route &claimRoute)
{
    return isClaimStage(request.state) ? claimRoute : route;
}

void ExpenseAccess::requireApplicant(const ExpenseRequest &request)
{
    if (request.applicantId != m_session.userId())
        throw Error::denied(QCoreApplication::translate("EntertainmentService",
                                                        "Only the applicant may do this with entertainment request #%1.")
                                .arg(request.id),
                            QStringLiteral("6.3.1"));
}

void ExpenseAccess::requireVisible(const ExpenseRequest &request)
{
    const domain::User &me = m_session.user();
    if (request.state == ExpenseState::Draft) {
        if (seesDraftOf(request.applicantId))
            return;
        // Until it is first submitted, a draft does not exist for anybody else. A draft returned
        // for correction was submitted: the usual rules below apply to it.
        if (!storage::ExpenseRepository(m_session.database()).wasSubmitted(request.id))
            throw Error::notFound(
                QCoreApplication::translate("ExpenseRepository", "There is no entertainment request #%1.").arg(request.id));
    }
    if (request.applicantId == me.id || actingFor().contains(request.applicantId)
        || m_session.may(domain::Action::ReadAllEntertainment))
        return;
    if (me.roles.has(domain::Role::Manager) && me.departmentId && request.departmentId == me.departmentId)
        return;
    // Approvers (and their delegates) see what they decide or decided.
    const QList<UserId> &people = actingFor();
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

void ExpenseAccess::restrict(storage::ExpenseFilter &filter)
{
    const domain::User &me = m_session.user();
    filter.viewer = me.id;
    filter.viewerDepartment = me.departmentId;
    if (m_session.may(domain::Action::ReadAllEntertainment))
        filter.scope = storage::ExpenseFilter::Scope::All;
    else if (me.roles.has(domain::Role::Manager))
        filter.scope = storage::ExpenseFilter::Scope::Department;
    else
        filter.scope = storage::ExpenseFilter::Scope::Own;
    // A delegate sees the requests of whoever they act for as that person would see their own.
    for (const UserId person : actingFor()) {
        if (person != me.id)
            filter.actingFor << person;
    }
    filter.draftsOf = QList<UserId>{me.id} + filter.actingFor;
}

QList<ExpenseAction> ExpenseAccess::actionsForNew() const
{
    if (!m_session.may(domain::Action::ApplyEntertainment))
        return {};
    return {ExpenseAction::Edit, ExpenseAction::Submit};
}

QList<ExpenseAction> ExpenseAccess::actionsFor(const ExpenseRequest &request, const Route &route, const Route &claimRoute)
{
    QList<ExpenseAction> actions;
    const UserId me = m_session.userId();
    if (request.applicantId == me && m_session.may(domain::Action::ApplyEntertainment)) {
        for (ExpenseAction action : {ExpenseAction::Edit, ExpenseAction::Submit, ExpenseAction::Withdraw, ExpenseAction::Cancel,
                                     ExpenseAction::Claim, ExpenseAction::AttachReceipt}) {
            if (domain::ExpenseWorkflow::allows(request.state, action))
                actions << action;
        }
    }
    const Route &open = openRoute(request, route, claimRoute);
    if (open.currentState() != domain::expenseStateName(request.state))
        return actions;
    const auto approver = open.approverFor(actingFor());
    if (!approver)
        return actions;
    try {
        domain::SeparationOfDuties::requireMayDecide(me, request.applicantId, open.previousDecider());
    } catch (const Error &) {
        return actions;
    }
    if (request.state == ExpenseState::PendingFinanceReview)
        actions << ExpenseAction::FinanceApprove << ExpenseAction::FinanceReturn << ExpenseAction::FinanceReject;
    else
        actions << ExpenseAction::Approve << ExpenseAction::Return << ExpenseAction::Reject;
    return actions;
}

QString ExpenseAccess::conflictNote(const ExpenseRequest &request, std::optional<UserId> principal)
{
    const UserId me = m_session.userId();
    QList<UserId> deciders{me};
    if (principal && *principal != me)
        deciders << *principal;
    storage::UserRepository users(m_session.database());
    QStringList taking;
    for (const UserId person : deciders) {
        if (!request.staff.contains(person))
            continue;
        const auto user = users.findById(person);
        taking << (user ? user->displayName : QString::number(person));
    }
    if (taking.isEmpty())
        return {};
    return QCoreApplication::translate("EntertainmentService",
                                       "Conflict of interest: %1 takes part in this event; the decision is recorded with "
                                       "this note.")
        .arg(taking.join(QStringLiteral(", ")));
}

} // namespace bizdesk::services
