#include "storage/identity/DelegationRepository.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"

namespace bizdesk::storage {
namespace {

Delegation readDelegation(SqlQuery &query)
{
    Delegation delegation;
    delegation.id = query.value(0).toLongLong();
    delegation.delegatorId = query.value(1).toLongLong();
    delegation.delegateId = query.value(2).toLongLong();
    delegation.startsOn = QDate::fromString(query.value(3).toString(), Qt::ISODate);
    delegation.endsOn = QDate::fromString(query.value(4).toString(), Qt::ISODate);
    return delegation;
}

} // namespace

qint64 DelegationRepository::insert(const Delegation &delegation, const QString &now, domain::UserId actor)
{
    SqlQuery query(m_database, QStringLiteral(
        "INSERT INTO delegations (delegator_id, delegate_id, starts_on, ends_on, created_at, created_by) "
        "VALUES (:delegator, :delegate, :starts, :ends, :now, :actor) RETURNING id"));
    query.bind(":delegator", delegation.delegatorId)
        .bind(":delegate", delegation.delegateId)
        .bind(":starts", delegation.startsOn.toString(Qt::ISODate))
        .bind(":ends", delegation.endsOn.toString(Qt::ISODate))
        .bind(":now", now)
        .bind(":actor", actor);
    return query.insertReturningId();
}

void DelegationRepository::revoke(qint64 id)
{
    SqlQuery query(m_database, QStringLiteral("UPDATE delegations SET revoked = 1 WHERE id = :id"));
    query.bind(":id", id).exec();
}

QList<domain::UserId> DelegationRepository::delegatorsFor(domain::UserId delegate, const QDate &date) const
{
    SqlQuery query(m_database, QStringLiteral(
        "SELECT DISTINCT delegator_id FROM delegations WHERE delegate_id = :delegate AND revoked = 0 "
        "AND starts_on <= :date AND ends_on >= :date"));
    query.bind(":delegate", delegate).bind(":date", date.toString(Qt::ISODate)).exec();
    QList<domain::UserId> delegators;
    while (query.next())
        delegators << query.value(0).toLongLong();
    return delegators;
}

QList<Delegation> DelegationRepository::activeFor(domain::UserId delegator, const QDate &date) const
{
    SqlQuery query(m_database, QStringLiteral(
        "SELECT id, delegator_id, delegate_id, starts_on, ends_on FROM delegations WHERE delegator_id = :delegator "
        "AND revoked = 0 AND starts_on <= :date AND ends_on >= :date ORDER BY id"));
    query.bind(":delegator", delegator).bind(":date", date.toString(Qt::ISODate)).exec();
    QList<Delegation> result;
    while (query.next())
        result << readDelegation(query);
    return result;
}

QList<Delegation> DelegationRepository::listFor(domain::UserId person) const
{
    SqlQuery query(m_database, QStringLiteral(
        "SELECT id, delegator_id, delegate_id, starts_on, ends_on FROM delegations WHERE revoked = 0 "
        "AND (delegator_id = :person OR delegate_id = :person) ORDER BY starts_on DESC"));
    query.bind(":person", person).exec();
    QList<Delegation> result;
    while (query.next())
        result << readDelegation(query);
    return result;
}

} // namespace bizdesk::storage
