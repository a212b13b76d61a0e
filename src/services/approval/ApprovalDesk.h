#pragma once

#include "domain/approval/Route.h"
#include "domain/identity/Permission.h"
#include "services/modules/SeenVersion.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace bizdesk::storage {
class Database;
}

namespace bizdesk::services {

class Session;

/// The organisation as the route resolver sees it, over the user and department repositories.
class RepositoryDirectory final : public domain::OrganisationDirectory
{
public:
    explicit RepositoryDirectory(storage::Database &database) : m_database(database) {}
    std::optional<domain::UserId> departmentHead(domain::DepartmentId department) const override;
    std::optional<domain::UserId> superiorOf(domain::UserId person) const override;
    QList<domain::UserId> holdersOf(domain::Role role) const override;

private:
    storage::Database &m_database;
};

/// What a decision on the current step did.
struct ApprovalDecision
{
    domain::Route route;
    domain::RouteOutcome outcome = domain::RouteOutcome::StepStillOpen;
    domain::UserId principal = 0; ///< whom the actor decided for (== actor unless a delegate acted)
    int decidedStep = -1;
    /// The principal when a delegate acted, for the transition and audit records.
    std::optional<domain::UserId> onBehalfOf() const { return principal != actor ? std::optional(principal) : std::nullopt; }
    domain::UserId actor = 0;
};

/// The one approval engine's service side, used by every approvable record: it loads the stored
/// route, checks that its open step is the one the record's state names, lets the session's user
/// decide (for themself or as a delegate), checks that the person decided for holds the action
/// the step needs, and saves the progress. The caller moves its record's state and writes its
/// transition inside the same transaction.
class ApprovalDesk
{
public:
    enum class Decision { Approve, Return, Reject };

    explicit ApprovalDesk(Session &session) : m_session(session) {}

    /// `neededFor` names the permission a step's decider must hold (e.g. legal_review →
    /// LegalReviewContract). Throws conflict when the record's state is not the route's open step.
    ApprovalDecision decide(const QString &entityKind, qint64 entityId, const QString &recordState, domain::UserId requester,
                            Decision decision, const QString &comment,
                            const std::function<domain::Action(const QString &stepState)> &neededFor,
                            const QString &recordLabel);
    /// Resolves `plans` for `requester` and stores the route with the record.
    domain::Route start(const QString &entityKind, qint64 entityId, const QList<domain::StepPlan> &plans,
                        domain::UserId requester);
    /// Whether the session's user (or someone they act for) may decide the open step now.
    bool mayDecide(const domain::Route &route, domain::UserId requester) const;

private:
    Session &m_session;
};

/// One state change of an approvable record as every workflow records it: the transition history
/// row (when the state changed or a comment was given) and the audit entry, with the delegate's
/// principal when someone acted on behalf of another.
struct WorkflowChange
{
    QString entityKind;
    qint64 entityId = 0;
    QString action;    ///< "submit", "approve"…; the audit action is "<auditPrefix>.<action>"
    QString fromState;
    QString toState;
    QString comment;
    std::optional<domain::UserId> onBehalfOf;
    QJsonObject before; ///< audit shape before (empty for a new record)
    QJsonObject after;  ///< audit shape after; the comment is added
};
void recordWorkflowChange(Session &session, const QString &auditPrefix, const WorkflowChange &change);

} // namespace bizdesk::services
