#include "domain/audit/AuditEntry.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace bizdesk::domain {
namespace {

QJsonValue optionalId(const std::optional<qint64> &id)
{
    return id ? QJsonValue(static_cast<double>(*id)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject AuditEntry::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("id"), static_cast<double>(id));
    object.insert(QStringLiteral("at"), at);
    object.insert(QStringLiteral("actor"), actorLogin);
    if (!onBehalfOfLogin.isEmpty())
        object.insert(QStringLiteral("on_behalf_of"), onBehalfOfLogin);
    object.insert(QStringLiteral("action"), action);
    object.insert(QStringLiteral("entity"), entityKind);
    object.insert(QStringLiteral("entity_id"), optionalId(entityId));
    object.insert(QStringLiteral("before"), QJsonDocument::fromJson(beforeJson.toUtf8()).object());
    object.insert(QStringLiteral("after"), QJsonDocument::fromJson(afterJson.toUtf8()).object());
    object.insert(QStringLiteral("policy_version"), policyVersion);
    object.insert(QStringLiteral("hash"), hash);
    return object;
}

namespace {

QString contentOf(const AuditEntry &entry, bool withId)
{
    // QJsonObject keeps keys sorted, so this text is the same for the same content everywhere.
    QJsonObject object;
    if (withId)
        object.insert(QStringLiteral("id"), QString::number(entry.id));
    object.insert(QStringLiteral("at"), entry.at);
    object.insert(QStringLiteral("actor_id"), optionalId(entry.actorId));
    object.insert(QStringLiteral("actor_login"), entry.actorLogin);
    object.insert(QStringLiteral("on_behalf_of_id"), optionalId(entry.onBehalfOfId));
    object.insert(QStringLiteral("on_behalf_of_login"), entry.onBehalfOfLogin);
    object.insert(QStringLiteral("action"), entry.action);
    object.insert(QStringLiteral("entity_kind"), entry.entityKind);
    object.insert(QStringLiteral("entity_id"), optionalId(entry.entityId));
    object.insert(QStringLiteral("before"), entry.beforeJson);
    object.insert(QStringLiteral("after"), entry.afterJson);
    object.insert(QStringLiteral("policy_version"), entry.policyVersion);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString sha256Hex(const QString &previousHash, const QString &content)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(previousHash.toUtf8());
    hash.addData(content.toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

QString AuditChain::canonicalContent(const AuditEntry &entry)
{
    // The id as text: a double would round ids beyond 2^53 and hide a renumbering there.
    return contentOf(entry, true);
}

QString AuditChain::hashOf(const QString &previousHash, const AuditEntry &entry)
{
    return sha256Hex(previousHash, canonicalContent(entry));
}

QString AuditChain::legacyHashOf(const QString &previousHash, const AuditEntry &entry)
{
    return sha256Hex(previousHash, contentOf(entry, false));
}

} // namespace bizdesk::domain
