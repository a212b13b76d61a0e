#include "storage/audit/AuditRepository.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/SqlValues.h"

namespace bizdesk::storage {
namespace {

using domain::AuditEntry;

/// The advisory lock key of audit appends: 'BIZDAUDT' as a 64-bit number, unlikely to clash.
constexpr qint64 auditAppendLockKey = 0x42495A4441554454;

const QString columns = QStringLiteral(
    "id, at, actor_id, actor_login, on_behalf_of_id, on_behalf_of_login, action, entity_kind, entity_id, "
    "before_json, after_json, policy_version, previous_hash, hash");

AuditEntry readEntry(SqlQuery &query)
{
    AuditEntry entry;
    entry.id = query.value(0).toLongLong();
    entry.at = query.value(1).toString();
    entry.actorId = optionalId(query.value(2));
    entry.actorLogin = query.value(3).toString();
    entry.onBehalfOfId = optionalId(query.value(4));
    entry.onBehalfOfLogin = query.value(5).toString();
    entry.action = query.value(6).toString();
    entry.entityKind = query.value(7).toString();
    entry.entityId = optionalId(query.value(8));
    entry.beforeJson = query.value(9).toString();
    entry.afterJson = query.value(10).toString();
    entry.policyVersion = query.value(11).toInt();
    entry.previousHash = query.value(12).toString();
    entry.hash = query.value(13).toString();
    return entry;
}

} // namespace

QString AuditRepository::lockAndReadLastHash()
{
    // One appender at a time, so concurrent writers cannot fork the chain. A transaction-scoped
    // advisory lock rather than LOCK TABLE: the application role may only SELECT and INSERT on
    // audit_log (0006_application_role), and PostgreSQL allows such a role no stronger table lock.
    if (m_database.backend() == Backend::PostgreSql)
        m_database.execute(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(auditAppendLockKey));
    SqlQuery query(m_database, QStringLiteral("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1"));
    const QVariant hash = query.scalar();
    return hash.isValid() ? hash.toString() : domain::AuditChain::genesisHash();
}

qint64 AuditRepository::takeNextId()
{
    SqlQuery query(m_database, m_database.dialect().nextIdStatement(QStringLiteral("audit_log")));
    return query.scalar().toLongLong();
}

void AuditRepository::append(const AuditEntry &entry)
{
    SqlQuery query(m_database, QStringLiteral(
        "INSERT INTO audit_log (id, at, actor_id, actor_login, on_behalf_of_id, on_behalf_of_login, action, entity_kind, "
        "entity_id, before_json, after_json, policy_version, previous_hash, hash) VALUES (:id, :at, :actor, :actorLogin, "
        ":behalf, :behalfLogin, :action, :kind, :entity, :before, :after, :policy, :previous, :hash)"));
    query.bind(":id", entry.id)
        .bind(":at", entry.at)
        .bind(":actor", nullableId(entry.actorId))
        .bind(":actorLogin", entry.actorLogin)
        .bind(":behalf", nullableId(entry.onBehalfOfId))
        .bind(":behalfLogin", entry.onBehalfOfLogin)
        .bind(":action", entry.action)
        .bind(":kind", entry.entityKind)
        .bind(":entity", nullableId(entry.entityId))
        .bind(":before", entry.beforeJson)
        .bind(":after", entry.afterJson)
        .bind(":policy", entry.policyVersion)
        .bind(":previous", entry.previousHash)
        .bind(":hash", entry.hash);
    query.exec();
}

std::optional<QString> AuditRepository::hashOf(qint64 id) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT hash FROM audit_log WHERE id = :id"));
    query.bind(":id", id).exec();
    if (!query.next())
        return std::nullopt;
    return query.value(0).toString();
}

std::optional<AuditEntry> AuditRepository::latestDatabaseEntry(const QString &action) const
{
    // audit_log_entity (entity_kind, entity_id) finds the few entries about the database itself.
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM audit_log WHERE entity_kind = 'database' AND "
                                              "action = :action ORDER BY id DESC LIMIT 1")
                                   .arg(columns));
    query.bind(":action", action).exec();
    if (!query.next())
        return std::nullopt;
    return readEntry(query);
}

domain::AuditHead AuditRepository::head() const
{
    SqlQuery query(m_database, QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
    query.exec();
    if (!query.next())
        return domain::AuditHead{0, domain::AuditChain::genesisHash()};
    return domain::AuditHead{query.value(0).toLongLong(), query.value(1).toString()};
}

QList<AuditEntry> AuditRepository::list(const QString &entityKind, std::optional<qint64> entityId, int limit) const
{
    QString sql = QStringLiteral("SELECT %1 FROM audit_log").arg(columns);
    QStringList conditions;
    if (!entityKind.isEmpty())
        conditions << QStringLiteral("entity_kind = :kind");
    if (entityId)
        conditions << QStringLiteral("entity_id = :entity");
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY id DESC LIMIT :limit");
    SqlQuery query(m_database, sql);
    if (!entityKind.isEmpty())
        query.bind(":kind", entityKind);
    if (entityId)
        query.bind(":entity", *entityId);
    query.bind(":limit", limit).exec();
    QList<AuditEntry> entries;
    while (query.next())
        entries << readEntry(query);
    return entries;
}

void AuditRepository::forEachInOrder(const std::function<void(const AuditEntry &)> &visit) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM audit_log ORDER BY id").arg(columns));
    query.raw().setForwardOnly(true);
    query.exec();
    while (query.next())
        visit(readEntry(query));
}

} // namespace bizdesk::storage
