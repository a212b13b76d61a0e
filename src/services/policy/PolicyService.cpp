#include "services/policy/PolicyService.h"

#include "domain/identity/Permission.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "storage/Transaction.h"
#include "storage/policy/PolicyRepository.h"

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
    m_session.require(domain::Action::EditPolicy);
    const domain::PolicyDefinition &definition = domain::PolicyCatalog::find(key);
    const QString normalised = definition.normalise(value);
    storage::Transaction transaction(m_session.database());
    const QString old = text(key);
    // Setting what is already in force changes nothing, so it raises no version and writes nothing.
    if (old == normalised)
        return currentVersion();
    const int version = storage::PolicyRepository(m_session.database())
                            .save(key, old, normalised, m_session.timestamp(), m_session.userId());
    AuditTrail(m_session).record(QStringLiteral("policy.set"), QStringLiteral("policy"), std::nullopt,
                                 QJsonObject{{key, old}}, QJsonObject{{key, normalised}});
    transaction.commit();
    return version;
}

} // namespace bizdesk::services
