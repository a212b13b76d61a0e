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
