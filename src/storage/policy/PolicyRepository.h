#pragma once

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace bizdesk::storage {

class Database;

/// One row of policy_history: the change that raised the policy to `version`.
struct PolicyChange
{
    int version = 0;
    QString key;
    QString oldValue;
    QString newValue;
    QString changedAt; ///< storage timestamp (UTC)
    QString changedByLogin;
    QString changedByName;
};

/// Stored values of policy settings (defaults live in domain::PolicyCatalog) and their history.
class PolicyRepository
{
public:
    explicit PolicyRepository(Database &database) : m_database(database) {}

    /// Only the values that differ from the defaults.
    QMap<QString, QString> storedValues() const;
    std::optional<QString> storedValue(const QString &key) const;
    /// 1 + number of changes ever made: recorded by every approval.
    int currentVersion() const;
    /// Saves the value and a history row; returns the new policy version.
    /// Every change, newest first; `key` filters when not empty.
    QList<PolicyChange> history(const QString &key, int limit) const;
    int save(const QString &key, const QString &oldValue, const QString &newValue, const QString &now, qint64 actor);

private:
    Database &m_database;
};

} // namespace bizdesk::storage
