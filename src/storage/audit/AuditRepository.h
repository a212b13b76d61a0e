#pragma once

#include "domain/audit/AuditEntry.h"
#include "domain/audit/AuditHead.h"

#include <QList>

#include <functional>

namespace bizdesk::storage {

class Database;

/// The append-only audit table. There is deliberately no update or delete here.
class AuditRepository
{
public:
    explicit AuditRepository(Database &database) : m_database(database) {}

    /// Locks the chain's end against concurrent appenders and returns the last hash.
    QString lockAndReadLastHash();
    /// The id the next entry gets; call after lockAndReadLastHash(), in the same transaction.
    qint64 takeNextId();
    /// Inserts `entry` with its own id (entry.id, from takeNextId()).
    void append(const domain::AuditEntry &entry);
    /// The hash of entry `id` (one primary-key lookup), nothing when there is no such entry.
    std::optional<QString> hashOf(qint64 id) const;
    /// The newest entry with `action` on the database itself (entity kind "database"), if any.
    std::optional<domain::AuditEntry> latestDatabaseEntry(const QString &action) const;
    /// The last entry's id and hash; id 0 and the genesis hash while the chain is empty.
    domain::AuditHead head() const;
    /// Newest first; entity filter optional.
    QList<domain::AuditEntry> list(const QString &entityKind, std::optional<qint64> entityId, int limit) const;
    /// Visits every entry in id order (for verification) without holding them all in memory.
    void forEachInOrder(const std::function<void(const domain::AuditEntry &)> &visit) const;

private:
    Database &m_database;
};

} // namespace bizdesk::storage
