#include "services/policy/PolicyService.h"

#include "domain/Error.h"
#include "domain/identity/Permission.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "storage/Transaction.h"
#include "storage/policy/PolicyRepository.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace bizdesk::services {

QList<PolicySetting> PolicyService::settings() const
{
    const auto stored = storage::PolicyRepository(m_session.database()).storedValues();
    QList<PolicySetting> result;
    for (const domain::PolicyDefinition &definition : domain::PolicyCatalog::definitions()) {
        PolicySetting setting;
        setting.definition = &definition;
        setting.isDefault = !stored.contains(definition.key);
        setting.value = stored.value(definition.key, definition.defaultValue);
        result << setting;
    }
    return result;
}

QString PolicyService::text(const QString &key) const
{
    const domain::PolicyDefinition &definition = domain::PolicyCatalog::find(key);
    return storage::PolicyRepository(m_session.database()).storedValue(key).value_or(definition.defaultValue);
}

qint64 PolicyService::integer(const QString &key) const
{
    return text(key).toLongLong();
}

domain::Money PolicyService::money(const QString &key) const
{
    return domain::Money::parse(text(key)).value_or(domain::Money());
}

int PolicyService::currentVersion() const
{
    return storage::PolicyRepository(m_session.database()).currentVersion();
}

QList<storage::PolicyChange> PolicyService::history(const QString &key, int limit) const
{
    m_session.user();
    if (!key.isEmpty())
        domain::PolicyCatalog::find(key);
    return storage::PolicyRepository(m_session.database()).history(key, limit);
}

int PolicyService::set(const QString &key, const QString &value)
{
    return set(QList<PolicyAssignment>{{key, value}});
}

int PolicyService::set(const QList<PolicyAssignment> &changes)
{
    m_session.require(domain::Action::EditPolicy);
    QMap<QString, QString> wanted;
    QStringList order;
    for (const PolicyAssignment &change : changes) {
        const domain::PolicyDefinition &definition = domain::PolicyCatalog::find(change.key);
        if (wanted.contains(definition.key))
            throw domain::Error::invalid(QStringLiteral("key"),
                                         QCoreApplication::translate("PolicyService", "key: %1 is given twice.").arg(definition.key));
        wanted.insert(definition.key, definition.normalise(change.value));
        order << definition.key;
    }
    storage::Transaction transaction(m_session.database());
    QMap<QString, QString> effective;
    for (const PolicySetting &setting : settings())
        effective.insert(setting.definition->key, setting.value);
    QJsonObject before;
    QJsonObject after;
    for (const QString &key : order) {
        // Setting what is already in force changes nothing: no version, nothing written.
        if (effective.value(key) == wanted.value(key))
            continue;
        before.insert(key, effective.value(key));
        after.insert(key, wanted.value(key));
        effective.insert(key, wanted.value(key));
    }
    domain::PolicyCatalog::requireConsistent(effective, after.keys());
    if (after.isEmpty())
        return currentVersion();
    storage::PolicyRepository repository(m_session.database());
    int version = currentVersion();
    for (const QString &key : order) {
        if (after.contains(key))
            version = repository.save(key, before.value(key).toString(), after.value(key).toString(), m_session.timestamp(),
                                      m_session.userId());
    }
    AuditTrail(m_session).record(QStringLiteral("policy.set"), QStringLiteral("policy"), std::nullopt, before, after);
    transaction.commit();
    return version;
}

} // namespace bizdesk::services
