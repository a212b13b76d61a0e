#pragma once

#include "domain/customers/Customer.h"

#include <QList>

#include <optional>
#include <utility>

namespace bizdesk::storage {

class Database;

/// The contact log of §3.2.3 (visits, calls, feedback) and the complaints recorded in it.
class ContactLogRepository
{
public:
    explicit ContactLogRepository(Database &database);

    qint64 insertLog(const domain::ContactLogEntry &entry, const QString &now);
    QList<domain::ContactLogEntry> log(domain::CustomerId id, int limit) const;
    std::optional<domain::ContactLogEntry> findLog(qint64 id) const;
    /// Throws conflict when the entry's version is stale.
    void updateComplaint(const domain::ContactLogEntry &entry);
    /// Moves the customer's last contact forward to `at` (never back).
    void touchContact(domain::CustomerId id, const QString &at);
    /// Follow-ups due (next_follow_up <= date) for entries written by `user`, with the customer's name.
    QList<std::pair<domain::ContactLogEntry, QString>> followUps(domain::UserId user, const QDate &until) const;

private:
    Database &m_database;
};

} // namespace bizdesk::storage
