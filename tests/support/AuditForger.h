#pragma once

#include "domain/audit/AuditEntry.h"

#include <QList>

namespace bizdesk::storage {
class Database;
}

namespace bizdesk::testing {

/// Does to the audit table what someone with file or superuser access could: drops the
/// append-only triggers, edits or deletes entries, and recomputes the whole chain afterwards
/// (the "about 20 lines of script" of issue 8) with the project's own hash function, so that a
/// plain chain walk finds nothing wrong. Constructing one drops the triggers.
class AuditForger
{
public:
    explicit AuditForger(storage::Database &database);

    /// Every entry, oldest first.
    QList<domain::AuditEntry> entries() const;
    void setAfterJson(qint64 id, const QString &afterJson);
    /// Deletes the entries with id >= `firstId`.
    void deleteFrom(qint64 firstId);
    void deleteEntry(qint64 id);
    /// Re-links and re-hashes every entry from the first: the chain is valid again.
    void recomputeChain();

private:
    storage::Database &m_database;
};

} // namespace bizdesk::testing
