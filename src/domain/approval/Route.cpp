#include "domain/approval/Route.h"

#include "domain/Error.h"
#include "domain/identity/SeparationOfDuties.h"

#include <QCoreApplication>

namespace bizdesk::domain {

ApproverRule ApproverRule::departmentHead(DepartmentId department)
{
    ApproverRule rule;
    rule.kind = Kind::DepartmentHead;
    rule.department = department;
    return rule;
}

ApproverRule ApproverRule::superiorOf(UserId subject)
{
    ApproverRule rule;
    rule.kind = Kind::SuperiorOf;
    rule.subject = subject;
    return rule;
}

ApproverRule ApproverRule::roleHolders(Role role)
{
    ApproverRule rule;
    rule.kind = Kind::RoleHolders;
    rule.role = role;
    return rule;
}

ApproverRule ApproverRule::named(QList<UserId> people)
{
    ApproverRule rule;
    rule.kind = Kind::NamedPeople;
    rule.people = std::move(people);
    return rule;
}

QString ApproverRule::kindName() const
{
    switch (kind) {
    case Kind::DepartmentHead:
        return QStringLiteral("department_head");
    case Kind::SuperiorOf:
        return QStringLiteral("superior_of");
    case Kind::RoleHolders:
        return QStringLiteral("role");
    case Kind::NamedPeople:
        return QStringLiteral("named");
    }
    return {};
}

std::optional<ApproverRule::Kind> ApproverRule::kindFromName(const QString &name)
{
    for (Kind kind : {Kind::DepartmentHead, Kind::SuperiorOf, Kind::RoleHolders, Kind::NamedPeople}) {
        ApproverRule rule;
        rule.kind = kind;
        if (rule.kindName() == name)
            return kind;
    }
    return std::nullopt;
}

QString ApprovalStep::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Single:
        return QStringLiteral("single");
    case Mode::AnyOf:
        return QStringLiteral("any_of");
    case Mode::AllOf:
        return QStringLiteral("all_of");
    }
    return {};
}

std::optional<ApprovalStep::Mode> ApprovalStep::modeFromName(const QString &name)
{
    for (Mode mode : {Mode::Single, Mode::AnyOf, Mode::AllOf}) {
        if (modeName(mode) == name)
            return mode;
    }
    return std::nullopt;
}

QString ApprovalStep::statusName(Status status)
{
    switch (status) {
    case Status::Waiting:
        return QStringLiteral("waiting");
    case Status::Current:
        return QStringLiteral("current");
    case Status::Approved:
        return QStringLiteral("approved");
    case Status::Returned:
        return QStringLiteral("returned");
    case Status::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

std::optional<ApprovalStep::Status> ApprovalStep::statusFromName(const QString &name)
{
    for (Status status : {Status::Waiting, Status::Current, Status::Approved, Status::Returned, Status::Rejected}) {
        if (statusName(status) == name)
            return status;
    }
    return std::nullopt;
}

bool ApprovalStep::isComplete() const
{
    int approved = 0;
    for (const StepApprover &approver : approvers) {
        if (approver.decision == QLatin1String("approved"))
            ++approved;
    }
    if (mode == Mode::AllOf)
        return approved == approvers.size();
    return approved > 0;
}

QList<UserId> ApprovalStep::undecidedApprovers() const
{
    QList<UserId> people;
    for (const StepApprover &approver : approvers) {
        if (!approver.hasDecided())
            people << approver.approver;
    }
    return people;
}

std::optional<UserId> ApprovalStep::lastDecider() const
{
    std::optional<UserId> last;
    QString lastAt;
    for (const StepApprover &approver : approvers) {
        if (approver.hasDecided() && approver.decidedBy && approver.decidedAt >= lastAt) {
            last = approver.decidedBy;
            lastAt = approver.decidedAt;
        }
    }
    return last;
}

Route::Route(QList<ApprovalStep> steps)
    : m_steps(std::move(steps))
{
}

int Route::currentIndex() const
{
    for (int i = 0; i < m_steps.size(); ++i) {
        if (m_steps[i].status == ApprovalStep::Status::Current)
            return i;
    }
    return -1;
}

const ApprovalStep *Route::currentStep() const
{
    const int index = currentIndex();
    return index < 0 ? nullptr : &m_steps[index];
}

QString Route::currentState() const
{
    const ApprovalStep *step = currentStep();
    return step ? step->state : QString();
}

std::optional<UserId> Route::approverFor(const QList<UserId> &actingFor) const
{
    const ApprovalStep *step = currentStep();
    if (!step)
        return std::nullopt;
    const QList<UserId> open = step->undecidedApprovers();
    for (UserId person : actingFor) {
        if (open.contains(person))
            return person;
    }
    return std::nullopt;
}

std::optional<UserId> Route::previousDecider() const
{
    const int index = currentIndex();
    if (index <= 0)
        return std::nullopt;
    return m_steps[index - 1].lastDecider();
}

ApprovalStep &Route::requireCurrent()
{
    const int index = currentIndex();
    if (index < 0)
        throw Error::conflict(QCoreApplication::translate("Route", "No approval step is open for this record."));
    return m_steps[index];
}

UserId Route::requireApprover(UserId actor, const QList<UserId> &actingFor, UserId requester)
{
    const ApprovalStep &step = requireCurrent();
    QList<UserId> people = actingFor;
    if (!people.contains(actor))
        people.prepend(actor);
    const auto approver = approverFor(people);
    if (!approver)
        throw Error::denied(QCoreApplication::translate("Route",
                                                        "You are not an approver of the current step (%1), neither "
                                                        "yourself nor on behalf of someone (§%2).")
                                .arg(step.state, step.clause),
                            step.clause);
    SeparationOfDuties::requireMayDecide(actor, requester, previousDecider());
    SeparationOfDuties::requireMayDecide(*approver, requester, previousDecider());
    return *approver;
}

namespace {

void decide(ApprovalStep &step, UserId approver, UserId actor, const QString &decision, const QString &at,
            const QString &comment)
{
    for (StepApprover &entry : step.approvers) {
        if (entry.approver == approver && !entry.hasDecided()) {
            entry.decision = decision;
            entry.decidedBy = actor;
            entry.decidedAt = at;
            entry.comment = comment;
            return;
        }
    }
}

} // namespace

RouteOutcome Route::approve(UserId actor, const QList<UserId> &actingFor, UserId requester, const QString &at,
                            const QString &comment, UserId *onBehalfOf)
{
    const UserId approver = requireApprover(actor, actingFor, requester);
    if (onBehalfOf)
        *onBehalfOf = approver;
    const int index = currentIndex();
    ApprovalStep &step = m_steps[index];
    decide(step, approver, actor, QStringLiteral("approved"), at, comment);
    if (!step.isComplete())
        return RouteOutcome::StepStillOpen;
    step.status = ApprovalStep::Status::Approved;
    if (index + 1 < m_steps.size()) {
        m_steps[index + 1].status = ApprovalStep::Status::Current;
        return RouteOutcome::Advanced;
    }
    return RouteOutcome::Completed;
}

RouteOutcome Route::returnToRequester(UserId actor, const QList<UserId> &actingFor, UserId requester, const QString &at,
                                      const QString &comment, UserId *onBehalfOf)
{
    const UserId approver = requireApprover(actor, actingFor, requester);
    if (onBehalfOf)
        *onBehalfOf = approver;
    ApprovalStep &step = requireCurrent();
    decide(step, approver, actor, QStringLiteral("returned"), at, comment);
    step.status = ApprovalStep::Status::Returned;
    return RouteOutcome::Returned;
}

RouteOutcome Route::reject(UserId actor, const QList<UserId> &actingFor, UserId requester, const QString &at,
                           const QString &comment, UserId *onBehalfOf)
{
    const UserId approver = requireApprover(actor, actingFor, requester);
    if (onBehalfOf)
        *onBehalfOf = approver;
    ApprovalStep &step = requireCurrent();
    decide(step, approver, actor, QStringLiteral("rejected"), at, comment);
    step.status = ApprovalStep::Status::Rejected;
    return RouteOutcome::Rejected;
}

void Route::transfer(UserId from, UserId to, UserId requester)
{
    ApprovalStep &step = requireCurrent();
    if (to == requester)
        throw Error::denied(QCoreApplication::translate("SeparationOfDuties", "Nobody may approve or review their own request."),
                            QStringLiteral("1.3"));
    for (StepApprover &entry : step.approvers) {
        if (entry.approver == from && !entry.hasDecided()) {
            entry.approver = to;
            return;
        }
    }
    throw Error::conflict(QCoreApplication::translate("Route", "That person has no open decision in the current step."));
}

void Route::addApprover(UserId person, UserId requester)
{
    ApprovalStep &step = requireCurrent();
    if (person == requester)
        throw Error::denied(QCoreApplication::translate("SeparationOfDuties", "Nobody may approve or review their own request."),
                            QStringLiteral("1.3"));
    for (const StepApprover &entry : step.approvers) {
        if (entry.approver == person)
            return;
    }
    step.approvers << StepApprover{person, std::nullopt, {}, {}, {}};
    if (step.mode == ApprovalStep::Mode::Single)
        step.mode = ApprovalStep::Mode::AllOf;
}

void Route::reopenAt(int index)
{
    if (index < 0 || index >= m_steps.size())
        throw Error::invalid(QStringLiteral("step"), QCoreApplication::translate("Route", "step: no such approval step."));
    for (int i = index; i < m_steps.size(); ++i) {
        m_steps[i].status = i == index ? ApprovalStep::Status::Current : ApprovalStep::Status::Waiting;
        for (StepApprover &entry : m_steps[i].approvers)
            entry = StepApprover{entry.approver, std::nullopt, {}, {}, {}};
    }
}

Route RouteResolver::resolve(const QList<StepPlan> &plans, UserId requester, const OrganisationDirectory &directory,
                             Role fallbackRole)
{
    const auto superiorOf = [&directory](UserId id) { return directory.superiorOf(id); };
    QList<ApprovalStep> steps;
    for (const StepPlan &plan : plans) {
        std::optional<UserId> previous;
        if (!steps.isEmpty() && steps.last().approvers.size() == 1)
            previous = steps.last().approvers.first().approver;
        const auto allowed = [&](UserId id) { return id != requester && (!previous || id != *previous); };

        QList<UserId> designated;
        bool singleLine = false;
        switch (plan.rule.kind) {
        case ApproverRule::Kind::DepartmentHead:
            singleLine = true;
            if (plan.rule.department) {
                if (auto head = directory.departmentHead(*plan.rule.department))
                    designated << *head;
            }
            break;
        case ApproverRule::Kind::SuperiorOf:
            singleLine = true;
            if (plan.rule.subject) {
                if (auto superior = directory.superiorOf(*plan.rule.subject))
                    designated << *superior;
            }
            break;
        case ApproverRule::Kind::RoleHolders:
            designated = directory.holdersOf(plan.rule.role);
            break;
        case ApproverRule::Kind::NamedPeople:
            designated = plan.rule.people;
            break;
        }

        QList<UserId> approvers;
        if (singleLine && !designated.isEmpty()) {
            if (auto resolved = SeparationOfDuties::resolveApprover(designated.first(), requester, previous, superiorOf))
                approvers << *resolved;
        } else {
            for (UserId id : designated) {
                if (allowed(id) && !approvers.contains(id))
                    approvers << id;
            }
        }
        if (approvers.isEmpty() && singleLine) {
            designated = directory.holdersOf(fallbackRole);
            for (UserId id : designated) {
                if (allowed(id) && !approvers.contains(id))
                    approvers << id;
            }
        }
        if (approvers.isEmpty()) {
            // Everybody who could take this step already takes the previous one: the two steps
            // merge into this (later, higher) one, decided once by that person.
            if (previous && designated.contains(*previous)) {
                ApprovalStep &last = steps.last();
                last.state = plan.state;
                last.clause = last.clause + QStringLiteral(", ") + plan.clause;
                continue;
            }
            throw Error::conflict(QCoreApplication::translate("Route", "Nobody may take the approval step %1 (§%2): "
                                                                       "every possible approver is excluded.")
                                      .arg(plan.state, plan.clause),
                                  plan.clause);
        }
        ApprovalStep step;
        step.state = plan.state;
        step.rule = plan.rule;
        step.clause = plan.clause;
        step.mode = approvers.size() == 1 ? ApprovalStep::Mode::Single
                    : plan.mode == ApprovalStep::Mode::Single ? ApprovalStep::Mode::AnyOf
                                                              : plan.mode;
        for (UserId id : approvers)
            step.approvers << StepApprover{id, std::nullopt, {}, {}, {}};
        steps << step;
    }
    if (!steps.isEmpty())
        steps.first().status = ApprovalStep::Status::Current;
    return Route(steps);
}

} // namespace bizdesk::domain
