#pragma once

#include "domain/identity/Role.h"
#include "domain/identity/User.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace bizdesk::domain {

/// Who is designated to take an approval step, before separation of duties is applied.
struct ApproverRule
{
    enum class Kind {
        DepartmentHead, ///< the head of `department`
        SuperiorOf,     ///< the superior of `subject` (e.g. of the department head)
        RoleHolders,    ///< everybody holding `role`
        NamedPeople,    ///< exactly `people`
    };

    Kind kind = Kind::DepartmentHead;
    std::optional<DepartmentId> department;
    std::optional<UserId> subject;
    Role role = Role::Director;
    QList<UserId> people;

    static ApproverRule departmentHead(DepartmentId department);
    static ApproverRule superiorOf(UserId subject);
    static ApproverRule roleHolders(Role role);
    static ApproverRule named(QList<UserId> people);

    /// Stable name stored with the route ("department_head", "superior_of", "role", "named").
    QString kindName() const;
    static std::optional<Kind> kindFromName(const QString &name);
};

/// One person's part in a step: who was asked, and — once decided — who actually acted
/// (a delegate acts on behalf of the approver), when and how.
struct StepApprover
{
    UserId approver = 0;
    std::optional<UserId> decidedBy; ///< the actor (== approver unless a delegate acted)
    QString decision;                ///< "", "approved", "returned", "rejected"
    QString decidedAt;               ///< storage timestamp
    QString comment;
    bool hasDecided() const { return !decision.isEmpty(); }
};

/// One step of a route: the rule that designated the approvers, how many must agree, the
/// state name users see while the step is open and the clause that put it on the route.
struct ApprovalStep
{
    enum class Mode {
        Single, ///< one person
        AnyOf,  ///< any one of several (或签)
        AllOf,  ///< all of several (会签)
    };
    enum class Status { Waiting, Current, Approved, Returned, Rejected };

    QString state;  ///< e.g. "pending_dept_review"
    ApproverRule rule;
    Mode mode = Mode::Single;
    QString clause; ///< e.g. "6.3.2"
    Status status = Status::Waiting;
    QList<StepApprover> approvers;

    static QString modeName(Mode mode);
    static std::optional<Mode> modeFromName(const QString &name);
    static QString statusName(Status status);
    static std::optional<Status> statusFromName(const QString &name);

    bool isComplete() const;
    QList<UserId> undecidedApprovers() const;
    /// The person who decided last in this step (for the next step's separation of duties).
    std::optional<UserId> lastDecider() const;
};

/// What a decision did to the route.
enum class RouteOutcome {
    StepStillOpen, ///< all-of step: others still have to approve
    Advanced,      ///< the next step is now current
    Completed,     ///< the last step approved: the record is approved
    Returned,      ///< back to the requester
    Rejected,      ///< ended
};

/// The ordered approval steps computed at submission and stored with the record. Approve,
/// return and reject act on the current step. Later features change only this class and its
/// storage: transfer (replace an undecided approver), add an approver (to the current step or
/// as a new step), CC (people informed, outside the steps), remind (no state), return to a
/// chosen step (reopen an earlier step), bulk approval (a loop over records in the service) and
/// delegation (the actor decides on behalf of an approver, recorded as such).
class Route
{
public:
    Route() = default;
    explicit Route(QList<ApprovalStep> steps);

    const QList<ApprovalStep> &steps() const { return m_steps; }
    QList<ApprovalStep> &steps() { return m_steps; }
    bool isEmpty() const { return m_steps.isEmpty(); }
    /// Index of the open step, or -1 when the route is finished or not started.
    int currentIndex() const;
    const ApprovalStep *currentStep() const;
    /// State name of the open step ("" when none).
    QString currentState() const;

    /// Which undecided approver of the current step `actingFor` (the actor first, then the
    /// people who delegated to the actor) lets the actor decide for. Nothing if none.
    std::optional<UserId> approverFor(const QList<UserId> &actingFor) const;
    /// The decider of the step before the current one (separation of duties).
    std::optional<UserId> previousDecider() const;

    /// Records a decision on the current step. Throws denied when the actor may not decide
    /// (not an approver of the current step for themself or on behalf of someone, or
    /// separation of duties), conflict when no step is open.
    RouteOutcome approve(UserId actor, const QList<UserId> &actingFor, UserId requester, const QString &at,
                         const QString &comment, UserId *onBehalfOf = nullptr);
    RouteOutcome returnToRequester(UserId actor, const QList<UserId> &actingFor, UserId requester, const QString &at,
                                   const QString &comment, UserId *onBehalfOf = nullptr);
    RouteOutcome reject(UserId actor, const QList<UserId> &actingFor, UserId requester, const QString &at,
                        const QString &comment, UserId *onBehalfOf = nullptr);

    /// Transfer (转交): hands an undecided approver's place in the current step to another person.
    void transfer(UserId from, UserId to, UserId requester);
    /// Add an approver (加签) to the current step.
    void addApprover(UserId person, UserId requester);
    /// Reopens step `index` (return to a chosen step): it and every later step start over.
    void reopenAt(int index);

private:
    ApprovalStep &requireCurrent();
    UserId requireApprover(UserId actor, const QList<UserId> &actingFor, UserId requester);
    QList<ApprovalStep> m_steps;
};

/// Where the engine looks people up (implemented by services over the repositories).
class OrganisationDirectory
{
public:
    virtual ~OrganisationDirectory() = default;
    virtual std::optional<UserId> departmentHead(DepartmentId department) const = 0;
    virtual std::optional<UserId> superiorOf(UserId person) const = 0;
    virtual QList<UserId> holdersOf(Role role) const = 0;
};

/// A step as a workflow asks for it, before people are resolved.
struct StepPlan
{
    QString state;
    ApproverRule rule;
    ApprovalStep::Mode mode = ApprovalStep::Mode::Single;
    QString clause;
};

/// Turns step plans into a route with people, applying SeparationOfDuties: the requester is
/// never an approver, nor is the designated approver of the previous step; an excluded single
/// approver is replaced by the next person up the reporting line; where the line ends, the step
/// goes to the holders of `fallbackRole` (excluding the same people). Throws conflict naming the
/// step when nobody is left.
class RouteResolver
{
public:
    static Route resolve(const QList<StepPlan> &plans, UserId requester, const OrganisationDirectory &directory,
                         Role fallbackRole = Role::Executive);
};

} // namespace bizdesk::domain
