#include "storage/policy/PolicyRepository.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"

namespace bizdesk::storage {

QMap<QString, QString> PolicyRepository::storedValues() const
{
    QMap<QString, QString> values;
    SqlQuery query(m_database, QStringLiteral("SELECT key, value FROM policy_values"));
    query.exec();
    while (query.next())
        values.insert(query.value(0).toString(), query.value(1).toString());
    return values;
}

std::optional<QString> PolicyRepository::storedValue(const QString &key) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT value FROM policy_values WHERE key = :key"));
    const QVariant value = query.bind(":key", key).scalar();
    if (!value.isValid())
        return std::nullopt;
    return value.toString();
}

int PolicyRepository::currentVersion() const
{
    SqlQuery query(m_database, QStringLiteral("SELECT COALESCE(MAX(policy_version), 1) FROM policy_history"));
    return query.scalar().toInt();
}

QList<PolicyChange> PolicyRepository::history(const QString &key, int limit) const
{
    SqlQuery query(m_database, QStringLiteral(
        "SELECT h.policy_version, h.key, h.old_value, h.new_value, h.changed_at, u.login, u.display_name "
        "FROM policy_history h LEFT JOIN users u ON u.id = h.changed_by %1 "
        "ORDER BY h.policy_version DESC LIMIT :limit").arg(key.isEmpty() ? QString() : QStringLiteral("WHERE h.key = :key")));
    if (!key.isEmpty())
        query.bind(":key", key);
    query.bind(":limit", limit).exec();
    QList<PolicyChange> changes;
    while (query.next()) {
        PolicyChange change;
        change.version = query.value(0).toInt();
        change.key = query.value(1).toString();
        change.oldValue = query.value(2).toString();
        change.newValue = query.value(3).toString();
        change.changedAt = query.value(4).toString();
        change.changedByLogin = query.value(5).toString();
        change.changedByName = query.value(6).toString();
        changes << change;
    }
    return changes;
}

int PolicyRepository::save(const QString &key, const QString &oldValue, const QString &newValue, const QString &now,
                           qint64 actor)
{
    const int version = currentVersion() + 1;
    SqlQuery remove(m_database, QStringLiteral("DELETE FROM policy_values WHERE key = :key"));
    remove.bind(":key", key).exec();
    SqlQuery insert(m_database, QStringLiteral("INSERT INTO policy_values (key, value, updated_at, updated_by) "
                                               "VALUES (:key, :value, :now, :actor)"));
    insert.bind(":key", key).bind(":value", newValue).bind(":now", now).bind(":actor", actor).exec();
    SqlQuery history(m_database, QStringLiteral(
        "INSERT INTO policy_history (policy_version, key, old_value, new_value, changed_at, changed_by) "
        "VALUES (:version, :key, :old, :new, :now, :actor)"));
    history.bind(":version", version).bind(":key", key).bind(":old", oldValue).bind(":new", newValue)
        .bind(":now", now).bind(":actor", actor).exec();
    return version;
}

} // namespace bizdesk::storage
