#include "support/AuditForger.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/audit/AuditRepository.h"

namespace bizdesk::testing {

AuditForger::AuditForger(storage::Database &database) : m_database(database)
{
    if (m_database.backend() == storage::Backend::Sqlite) {
        m_database.execute(QStringLiteral("DROP TRIGGER IF EXISTS audit_log_no_update"));
        m_database.execute(QStringLiteral("DROP TRIGGER IF EXISTS audit_log_no_delete"));
    } else {
        m_database.execute(QStringLiteral("DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log"));
    }
}

QList<domain::AuditEntry> AuditForger::entries() const
{
    QList<domain::AuditEntry> all;
    storage::AuditRepository(m_database).forEachInOrder([&](const domain::AuditEntry &entry) { all << entry; });
    return all;
}

void AuditForger::setAfterJson(qint64 id, const QString &afterJson)
{
    storage::SqlQuery(m_database, QStringLiteral("UPDATE audit_log SET after_json = :after WHERE id = :id"))
        .bind(":after", afterJson)
        .bind(":id", id)
        .exec();
}

void AuditForger::deleteFrom(qint64 firstId)
{
    storage::SqlQuery(m_database, QStringLiteral("DELETE FROM audit_log WHERE id >= :id")).bind(":id", firstId).exec();
}

void AuditForger::deleteEntry(qint64 id)
{
    storage::SqlQuery(m_database, QStringLiteral("DELETE FROM audit_log WHERE id = :id")).bind(":id", id).exec();
}

void AuditForger::recomputeChain()
{
    QString previous = domain::AuditChain::genesisHash();
    storage::SqlQuery update(m_database,
                             QStringLiteral("UPDATE audit_log SET previous_hash = :previous, hash = :hash WHERE id = :id"));
    for (const domain::AuditEntry &entry : entries()) {
        const QString hash = domain::AuditChain::hashOf(previous, entry);
        update.bind(":previous", previous).bind(":hash", hash).bind(":id", entry.id).exec();
        previous = hash;
    }
}

} // namespace bizdesk::testing
