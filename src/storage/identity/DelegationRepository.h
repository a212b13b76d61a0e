#pragma once

#include "domain/identity/User.h"

#include <QDate>
#include <QList>

namespace bizdesk::storage {

class Database;

struct Delegation
{
    qint64 id = 0;
    domain::UserId delegatorId = 0;
    domain::UserId delegateId = 0;
    QDate startsOn;
    QDate endsOn;
};

/// Approval delegation for a date range ("while I travel, Wang approves for me").
class DelegationRepository
{
public:
    explicit DelegationRepository(Database &database) : m_database(database) {}

    qint64 insert(const Delegation &delegation, const QString &now, domain::UserId actor);
    void revoke(qint64 id);
    /// People who have delegated to `delegate` on `date`.
    QList<domain::UserId> delegatorsFor(domain::UserId delegate, const QDate &date) const;
    QList<Delegation> activeFor(domain::UserId delegator, const QDate &date) const;
    QList<Delegation> listFor(domain::UserId person) const;

private:
    Database &m_database;
};

} // namespace bizdesk::storage
