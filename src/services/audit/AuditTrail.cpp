#include "services/audit/AuditTrail.h"

#include "domain/identity/Permission.h"
#include "services/Session.h"
#include "storage/audit/AuditRepository.h"
#include "storage/policy/PolicyRepository.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace bizdesk::services {
namespace {

QString compact(const QJsonObject &object)
{
    if (object.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

void AuditTrail::append(domain::AuditEntry entry)
{
    storage::AuditRepository repository(m_session.database());
    entry.at = m_session.timestamp();
    entry.policyVersion = storage::PolicyRepository(m_session.database()).currentVersion();
    entry.previousHash = repository.lockAndReadLastHash();
    entry.hash = domain::AuditChain::hashOf(entry.previousHash, entry);
    repository.append(entry);
}

void AuditTrail::record(const QString &action, const QString &entityKind, std::optional<qint64> entityId,
                        const QJsonObject &before, const QJsonObject &after, std::optional<qint64> onBehalfOf,
                        const QString &onBehalfOfLogin)
{
    domain::AuditEntry entry;
    if (m_session.isLoggedIn()) {
        entry.actorId = m_session.user().id;
        entry.actorLogin = m_session.user().login;
    }
    entry.onBehalfOfId = onBehalfOf;
    entry.onBehalfOfLogin = onBehalfOfLogin;
    entry.action = action;
    entry.entityKind = entityKind;
    entry.entityId = entityId;
    entry.beforeJson = compact(before);
    entry.afterJson = compact(after);
    append(std::move(entry));
}

void AuditTrail::recordAnonymous(const QString &action, const QString &actorLogin, std::optional<qint64> actorId,
                                 const QJsonObject &details)
{
    domain::AuditEntry entry;
    entry.actorId = actorId;
    entry.actorLogin = actorLogin;
    entry.action = action;
    entry.entityKind = QStringLiteral("user");
    entry.entityId = actorId;
    entry.afterJson = compact(details);
    append(std::move(entry));
}

QList<domain::AuditEntry> AuditTrail::log(const QString &entityKind, std::optional<qint64> entityId, int limit) const
{
    return storage::AuditRepository(m_session.database()).list(entityKind, entityId, limit);
}

QList<domain::AuditEntry> AuditTrail::history(const QString &entityKind, qint64 entityId, int limit) const
{
    m_session.require(domain::Action::ReadAudit);
    return log(entityKind, entityId, limit);
}

AuditVerification AuditTrail::verify() const
{
    AuditVerification result;
    QString previous = domain::AuditChain::genesisHash();
    storage::AuditRepository(m_session.database()).forEachInOrder([&](const domain::AuditEntry &entry) {
        ++result.entries;
        if (!result.ok)
            return;
        if (entry.previousHash != previous) {
            result.ok = false;
            result.firstBrokenId = entry.id;
            result.problem = QCoreApplication::translate("AuditTrail",
                                                         "entry %1 does not follow the entry before it (an entry was "
                                                         "deleted, inserted or reordered)")
                                 .arg(entry.id);
        } else if (domain::AuditChain::hashOf(previous, entry) != entry.hash) {
            result.ok = false;
            result.firstBrokenId = entry.id;
            result.problem = QCoreApplication::translate("AuditTrail", "entry %1 was edited after it was written")
                                 .arg(entry.id);
        }
        previous = entry.hash;
    });
    return result;
}

} // namespace bizdesk::services
