#pragma once

#include <QMap>
#include <QString>

#include <optional>

namespace bizdesk::storage {

class Database;

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
    int save(const QString &key, const QString &oldValue, const QString &newValue, const QString &now, qint64 actor);

private:
    Database &m_database;
};

} // namespace bizdesk::storage
