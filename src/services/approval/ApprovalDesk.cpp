#include "services/approval/ApprovalDesk.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "services/identity/IdentityService.h"
#include "services/policy/PolicyService.h"
#include "storage/approval/RouteRepository.h"
#include "storage/identity/UserRepository.h"
#include "storage/workflow/TransitionRepository.h"

#include <QCoreApplication>

namespace bizdesk::services {

using domain::Error;
using domain::UserId;

std::optional<UserId> RepositoryDirectory::departmentHead(domain::DepartmentId department) const
{
    const auto found = storage::DepartmentRepository(m_database).findById(department);
    return found ? found->headId : std::nullopt;
}

std::optional<UserId> RepositoryDirectory::superiorOf(UserId person) const
{
    return storage::UserRepository(m_database).superiorOf(person);
}

QList<UserId> RepositoryDirectory::holdersOf(domain::Role role) const
{
    QList<UserId> ids;
    for (const domain::User &user : storage::UserRepository(m_database).withRole(role))
        ids << user.id;
    return ids;
}

domain::Route ApprovalDesk::start(const QString &entityKind, qint64 entityId, const QList<domain::StepPlan> &plans,
                                  UserId requester)
{
    const domain::Route route = domain::RouteResolver::resolve(plans, requester, RepositoryDirectory(m_session.database()));
    storage::RouteRepository(m_session.database()).replace(entityKind, entityId, route);
    return route;
}

bool ApprovalDesk::mayDecide(const domain::Route &route, UserId requester) const
{
    if (!route.currentStep())
        return false;
    const QList<UserId> actingFor = IdentityService(m_session).actingFor();
    const auto approver = route.approverFor(actingFor);
    return approver && *approver != requester;
}

ApprovalDecision ApprovalDesk::decide(const QString &entityKind, qint64 entityId, const QString &recordState, UserId requester,
                                      Decision decision, const QString &comment,
                                      const std::function<domain::Action(const QString &)> &neededFor,
                                      const QString &recordLabel)
{
    storage::RouteRepository routes(m_session.database());
    ApprovalDecision result;
    result.route = routes.load(entityKind, entityId);
    if (result.route.currentState() != recordState)
        throw Error::conflict(QCoreApplication::translate("ApprovalDesk", "%1 has no open approval step.").arg(recordLabel));
    const domain::Action needed = neededFor(recordState);
    const QList<UserId> actingFor = IdentityService(m_session).actingFor();
    result.actor = m_session.userId();
    result.decidedStep = result.route.currentIndex();
    const QString at = m_session.timestamp();
    const QString trimmed = comment.trimmed();
    switch (decision) {
    case Decision::Approve:
        result.outcome = result.route.approve(result.actor, actingFor, requester, at, trimmed, &result.principal);
        break;
    case Decision::Return:
        result.outcome = result.route.returnToRequester(result.actor, actingFor, requester, at, trimmed, &result.principal);
        break;
    case Decision::Reject:
        result.outcome = result.route.reject(result.actor, actingFor, requester, at, trimmed, &result.principal);
        break;
    }
    // The role table still applies to the person decided for (a delegate borrows their authority).
    const domain::User approver = storage::UserRepository(m_session.database()).requireById(result.principal);
    if (!domain::PermissionTable::allows(approver.roles, needed))
        throw Error::denied(QCoreApplication::translate("Session", "%1 (%2) may not %3.")
                                .arg(approver.displayName, approver.roles.displayNames(),
                                     domain::actionName(needed).replace(QLatin1Char('_'), QLatin1Char(' '))));
    routes.saveProgress(entityKind, entityId, result.route, result.decidedStep);
    return result;
}

void recordWorkflowChange(Session &session, const QString &auditPrefix, const WorkflowChange &change)
{
    if (change.fromState != change.toState || !change.comment.isEmpty()) {
        storage::TransitionRecord transition;
        transition.entityKind = change.entityKind;
        transition.entityId = change.entityId;
        transition.action = change.action;
        transition.fromState = change.fromState;
        transition.toState = change.toState;
        transition.actorId = session.userId();
        transition.onBehalfOfId = change.onBehalfOf;
        transition.comment = change.comment;
        transition.at = session.timestamp();
        transition.policyVersion = PolicyService(session).currentVersion();
        storage::TransitionRepository(session.database()).append(transition);
    }
    QString behalfLogin;
    if (change.onBehalfOf) {
        if (const auto principal = storage::UserRepository(session.database()).findById(*change.onBehalfOf))
            behalfLogin = principal->login;
    }
    QJsonObject after = change.after;
    if (!change.comment.isEmpty())
        after.insert(QStringLiteral("comment"), change.comment);
    AuditTrail(session).record(auditPrefix + QLatin1Char('.') + change.action, change.entityKind, change.entityId, change.before,
                               after, change.onBehalfOf, behalfLogin);
}

} // namespace bizdesk::services
