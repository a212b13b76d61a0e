#include "storage/approval/RouteRepository.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/SqlValues.h"

#include <QStringList>

namespace bizdesk::storage {
namespace {

using domain::ApprovalStep;
using domain::ApproverRule;

QString peopleText(const QList<domain::UserId> &people)
{
    QStringList ids;
    for (domain::UserId id : people)
        ids << QString::number(id);
    return ids.join(QLatin1Char(','));
}

QVariant nullableInt(const std::optional<qint64> &value)
{
    return nullableId(value);
}

} // namespace

void RouteRepository::remove(const QString &entityKind, qint64 entityId)
{
    SqlQuery(m_database, QStringLiteral("DELETE FROM approval_step_approvers WHERE step_id IN (SELECT id FROM approval_steps "
                                        "WHERE entity_kind = :kind AND entity_id = :entity)"))
        .bind(":kind", entityKind)
        .bind(":entity", entityId)
        .exec();
    SqlQuery(m_database, QStringLiteral("DELETE FROM approval_steps WHERE entity_kind = :kind AND entity_id = :entity"))
        .bind(":kind", entityKind)
        .bind(":entity", entityId)
        .exec();
}

void RouteRepository::replace(const QString &entityKind, qint64 entityId, const domain::Route &route)
{
    remove(entityKind, entityId);
    SqlQuery step(m_database, QStringLiteral(
        "INSERT INTO approval_steps (entity_kind, entity_id, position, state, rule_kind, rule_department_id, "
        "rule_subject_id, rule_role, rule_people, mode, clause, status) VALUES (:kind, :entity, :position, :state, "
        ":rule, :department, :subject, :role, :people, :mode, :clause, :status) RETURNING id"));
    SqlQuery approver(m_database, QStringLiteral(
        "INSERT INTO approval_step_approvers (step_id, position, approver_id, decided_by, decision, decided_at, comment) "
        "VALUES (:step, :position, :approver, :by, :decision, :at, :comment)"));
    for (int i = 0; i < route.steps().size(); ++i) {
        const ApprovalStep &item = route.steps()[i];
        const qint64 stepId = step.bind(":kind", entityKind)
                                  .bind(":entity", entityId)
                                  .bind(":position", i)
                                  .bind(":state", item.state)
                                  .bind(":rule", item.rule.kindName())
                                  .bind(":department", nullableInt(item.rule.department))
                                  .bind(":subject", nullableInt(item.rule.subject))
                                  .bind(":role", item.rule.kind == ApproverRule::Kind::RoleHolders
                                                     ? QVariant(domain::roleName(item.rule.role))
                                                     : QVariant(QMetaType(QMetaType::QString)))
                                  .bind(":people", nullableText(peopleText(item.rule.people)))
                                  .bind(":mode", ApprovalStep::modeName(item.mode))
                                  .bind(":clause", item.clause)
                                  .bind(":status", ApprovalStep::statusName(item.status))
                                  .insertReturningId();
        for (int j = 0; j < item.approvers.size(); ++j) {
            const domain::StepApprover &entry = item.approvers[j];
            approver.bind(":step", stepId)
                .bind(":position", j)
                .bind(":approver", entry.approver)
                .bind(":by", nullableId(entry.decidedBy))
                .bind(":decision", nullableText(entry.decision))
                .bind(":at", nullableText(entry.decidedAt))
                .bind(":comment", nullableText(entry.comment))
                .exec();
        }
    }
}

void RouteRepository::saveProgress(const QString &entityKind, qint64 entityId, const domain::Route &route, int decidedStep)
{
    if (decidedStep < 0 || decidedStep >= route.steps().size())
        return;
    SqlQuery step(m_database, QStringLiteral("UPDATE approval_steps SET status = :status WHERE entity_kind = :kind AND "
                                             "entity_id = :entity AND position = :position RETURNING id"));
    SqlQuery approver(m_database, QStringLiteral(
        "UPDATE approval_step_approvers SET approver_id = :approver, decided_by = :by, decision = :decision, "
        "decided_at = :at, comment = :comment WHERE step_id = :step AND position = :position"));
    const int last = qMin(decidedStep + 1, static_cast<int>(route.steps().size()) - 1);
    for (int i = decidedStep; i <= last; ++i) {
        const ApprovalStep &item = route.steps()[i];
        const qint64 stepId = step.bind(":status", ApprovalStep::statusName(item.status))
                                  .bind(":kind", entityKind)
                                  .bind(":entity", entityId)
                                  .bind(":position", i)
                                  .insertReturningId();
        if (i != decidedStep)
            continue;
        for (int j = 0; j < item.approvers.size(); ++j) {
            const domain::StepApprover &entry = item.approvers[j];
            if (!entry.hasDecided())
                continue;
            approver.bind(":approver", entry.approver)
                .bind(":by", nullableId(entry.decidedBy))
                .bind(":decision", nullableText(entry.decision))
                .bind(":at", nullableText(entry.decidedAt))
                .bind(":comment", nullableText(entry.comment))
                .bind(":step", stepId)
                .bind(":position", j)
                .exec();
        }
    }
}

domain::Route RouteRepository::load(const QString &entityKind, qint64 entityId) const
{
    SqlQuery steps(m_database, QStringLiteral(
        "SELECT s.position, s.state, s.rule_kind, s.rule_department_id, s.rule_subject_id, s.rule_role, s.rule_people, "
        "s.mode, s.clause, s.status, a.approver_id, a.decided_by, a.decision, a.decided_at, a.comment "
        "FROM approval_steps s LEFT JOIN approval_step_approvers a ON a.step_id = s.id "
        "WHERE s.entity_kind = :kind AND s.entity_id = :entity ORDER BY s.position, a.position"));
    steps.bind(":kind", entityKind).bind(":entity", entityId).exec();
    QList<ApprovalStep> list;
    int lastPosition = -1;
    while (steps.next()) {
        const int position = steps.value(0).toInt();
        if (position != lastPosition) {
            ApprovalStep step;
            step.state = steps.value(1).toString();
            step.rule.kind = ApproverRule::kindFromName(steps.value(2).toString()).value_or(ApproverRule::Kind::NamedPeople);
            step.rule.department = optionalId(steps.value(3));
            step.rule.subject = optionalId(steps.value(4));
            if (const auto role = domain::roleFromName(steps.value(5).toString()))
                step.rule.role = *role;
            for (const QString &id : steps.value(6).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
                step.rule.people << id.toLongLong();
            step.mode = ApprovalStep::modeFromName(steps.value(7).toString()).value_or(ApprovalStep::Mode::Single);
            step.clause = steps.value(8).toString();
            step.status = ApprovalStep::statusFromName(steps.value(9).toString()).value_or(ApprovalStep::Status::Waiting);
            list << step;
            lastPosition = position;
        }
        if (!steps.value(10).isNull()) {
            list.last().approvers << domain::StepApprover{steps.value(10).toLongLong(), optionalId(steps.value(11)),
                                                          steps.value(12).toString(), steps.value(13).toString(),
                                                          steps.value(14).toString()};
        }
    }
    return domain::Route(list);
}

QList<qint64> RouteRepository::waitingFor(const QString &entityKind, const QList<domain::UserId> &people) const
{
    if (people.isEmpty())
        return {};
    QStringList placeholders;
    for (int i = 0; i < people.size(); ++i)
        placeholders << QStringLiteral(":p%1").arg(i);
    SqlQuery query(m_database, QStringLiteral(
        "SELECT DISTINCT s.entity_id FROM approval_steps s JOIN approval_step_approvers a ON a.step_id = s.id "
        "WHERE s.entity_kind = :kind AND s.status = 'current' AND a.decision IS NULL AND a.approver_id IN (%1) "
        "ORDER BY s.entity_id").arg(placeholders.join(QStringLiteral(", "))));
    query.bind(":kind", entityKind);
    for (int i = 0; i < people.size(); ++i)
        query.bind(placeholders[i], people[i]);
    query.exec();
    QList<qint64> ids;
    while (query.next())
        ids << query.value(0).toLongLong();
    return ids;
}

} // namespace bizdesk::storage
