#include "storage/workflow/TransitionRepository.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/SqlValues.h"

namespace bizdesk::storage {

qint64 TransitionRepository::append(const TransitionRecord &record)
{
    SqlQuery query(m_database, QStringLiteral(
        "INSERT INTO workflow_transitions (entity_kind, entity_id, action, from_state, to_state, actor_id, "
        "on_behalf_of_id, comment, at, policy_version) VALUES (:kind, :entity, :action, :from, :to, :actor, :behalf, "
        ":comment, :at, :policy) RETURNING id"));
    query.bind(":kind", record.entityKind)
        .bind(":entity", record.entityId)
        .bind(":action", record.action)
        .bind(":from", record.fromState)
        .bind(":to", record.toState)
        .bind(":actor", record.actorId)
        .bind(":behalf", nullableId(record.onBehalfOfId))
        .bind(":comment", nullableText(record.comment))
        .bind(":at", record.at)
        .bind(":policy", record.policyVersion);
    return query.insertReturningId();
}

QList<TransitionRecord> TransitionRepository::history(const QString &entityKind, qint64 entityId) const
{
    SqlQuery query(m_database, QStringLiteral(
        "SELECT t.id, t.action, t.from_state, t.to_state, t.actor_id, a.login, a.display_name, t.on_behalf_of_id, "
        "b.login, b.display_name, t.comment, t.at, t.policy_version FROM workflow_transitions t "
        "JOIN users a ON a.id = t.actor_id LEFT JOIN users b ON b.id = t.on_behalf_of_id "
        "WHERE t.entity_kind = :kind AND t.entity_id = :entity ORDER BY t.id"));
    query.bind(":kind", entityKind).bind(":entity", entityId).exec();
    QList<TransitionRecord> records;
    while (query.next()) {
        TransitionRecord record;
        record.id = query.value(0).toLongLong();
        record.entityKind = entityKind;
        record.entityId = entityId;
        record.action = query.value(1).toString();
        record.fromState = query.value(2).toString();
        record.toState = query.value(3).toString();
        record.actorId = query.value(4).toLongLong();
        record.actorLogin = query.value(5).toString();
        record.actorName = query.value(6).toString();
        record.onBehalfOfId = optionalId(query.value(7));
        record.onBehalfOfLogin = query.value(8).toString();
        record.onBehalfOfName = query.value(9).toString();
        record.comment = query.value(10).toString();
        record.at = query.value(11).toString();
        record.policyVersion = query.value(12).toInt();
        records << record;
    }
    return records;
}

} // namespace bizdesk::storage
