#pragma once

#include "domain/customers/CustomerEvent.h"
#include "domain/customers/Customer.h"

#include <QList>

#include <optional>

namespace bizdesk::storage {

class Database;

/// §3.2.3 customer appreciation events and training sessions, and their invitations.
class CustomerEventRepository
{
public:
    explicit CustomerEventRepository(Database &database);

    qint64 insertEvent(const QString &kind, const QString &title, const QDate &date, const QString &place,
                       const QString &notes, const QString &now, domain::UserId actor);
    bool eventExists(qint64 id) const;
    bool invited(qint64 eventId, domain::CustomerId customer) const;
    void invite(qint64 eventId, domain::CustomerId customer, const QString &now, domain::UserId actor);
    /// Newest first, with the invited customers' names; only those inviting `customer` when given.
    QList<domain::CustomerEvent> events(std::optional<domain::CustomerId> customer) const;

private:
    Database &m_database;
};

} // namespace bizdesk::storage
