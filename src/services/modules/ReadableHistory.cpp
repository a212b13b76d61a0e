#include "services/modules/ReadableHistory.h"

#include "domain/Clock.h"
#include "domain/Error.h"
#include "domain/identity/Role.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/ModuleCatalog.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "storage/identity/UserRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bizdesk::services {
namespace {

QString plainText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    if (value.isBool())
        return value.toBool() ? QCoreApplication::translate("ReadableHistory", "Yes")
                              : QCoreApplication::translate("ReadableHistory", "No");
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &item : value.toArray())
            parts << plainText(item);
        return parts.join(QStringLiteral(", "));
    }
    if (value.isObject()) {
        QStringList parts;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            parts << plainText(it.value());
        return parts.join(QStringLiteral(", "));
    }
    return {};
}

} // namespace

void ReadableHistory::loadNames()
{
    if (m_namesLoaded)
        return;
    m_namesLoaded = true;
    for (const domain::User &user : storage::UserRepository(m_session.database()).list()) {
        m_people.insert(user.id, user.displayName);
        m_peopleByLogin.insert(user.login, user.displayName);
    }
    for (const domain::Department &department : storage::DepartmentRepository(m_session.database()).list())
        m_departments.insert(department.id, department.name);
}

QString ReadableHistory::personName(qint64 id)
{
    loadNames();
    return m_people.value(id, QCoreApplication::translate("ReadableHistory", "person #%1").arg(id));
}

QString ReadableHistory::personNameByLogin(const QString &login)
{
    loadNames();
    // Someone who never had an account (a mistyped login at the login prompt) keeps what was typed.
    return m_peopleByLogin.value(login, login);
}

QString ReadableHistory::fieldLabel(const QString &key, std::optional<ModuleId> owner) const
{
    const ModuleCatalog::KnownField known = ModuleCatalog::auditField(key, owner);
    if (known.field && known.field->label)
        return known.label();
    // Policy settings are recorded under their own key (policy.set): their description names them.
    for (const domain::PolicyDefinition &definition : domain::PolicyCatalog::definitions()) {
        if (definition.key == key)
            return definition.translatedDescription();
    }
    // Unknown to every module (a field added without a label): at least not the raw key.
    QString readable = key;
    readable.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!readable.isEmpty())
        readable[0] = readable.at(0).toUpper();
    return readable;
}

QString ReadableHistory::valueText(const QString &key, const QJsonValue &value, std::optional<ModuleId> owner)
{
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty()))
        return QStringLiteral("—");
    const ModuleCatalog::KnownField known = ModuleCatalog::auditField(key, owner);
    const AuditValue kind = known.field ? known.field->value : AuditValue::Text;
    switch (kind) {
    case AuditValue::Person: return personName(value.toInteger());
    case AuditValue::Login: return personNameByLogin(value.toString());
    case AuditValue::People: {
        QStringList names;
        for (const QJsonValue &item : value.toArray())
            names << (item.isString() ? personNameByLogin(item.toString()) : personName(item.toInteger()));
        return names.isEmpty() ? QStringLiteral("—") : names.join(QStringLiteral(", "));
    }
    case AuditValue::Department:
        loadNames();
        return m_departments.value(value.toInteger(), QCoreApplication::translate("ReadableHistory", "department #%1")
                                                          .arg(value.toInteger()));
    case AuditValue::Roles: {
        QStringList names;
        for (const QJsonValue &item : value.toArray()) {
            const auto role = domain::roleFromName(item.toString());
            names << (role ? domain::roleDisplayName(*role) : item.toString());
        }
        return names.join(QStringLiteral(", "));
    }
    case AuditValue::Named:
        return known.field->name ? known.field->name(value.toString()) : value.toString();
    case AuditValue::YesNo:
    case AuditValue::Text:
    case AuditValue::Hidden: break;
    }
    return plainText(value);
}

QString ReadableHistory::describeChange(const QString &beforeJson, const QString &afterJson, std::optional<ModuleId> owner)
{
    const QJsonObject before = QJsonDocument::fromJson(beforeJson.toUtf8()).object();
    const QJsonObject after = QJsonDocument::fromJson(afterJson.toUtf8()).object();
    QStringList keys = before.keys();
    for (const QString &key : after.keys()) {
        if (!keys.contains(key))
            keys << key;
    }
    QStringList parts;
    for (const QString &key : std::as_const(keys)) {
        // Row bookkeeping, not content.
        if (key == QLatin1String("id") || key == QLatin1String("version"))
            continue;
        const ModuleCatalog::KnownField known = ModuleCatalog::auditField(key, owner);
        if (known.field && known.field->value == AuditValue::Hidden)
            continue;
        const QJsonValue old = before.value(key);
        const QJsonValue now = after.value(key);
        if (old == now)
            continue;
        const QString label = fieldLabel(key, owner);
        // A value that only the new state carries (an approval's comment) has no "before".
        if (before.isEmpty() || old.isUndefined())
            parts << QCoreApplication::translate("ReadableHistory", "%1: %2").arg(label, valueText(key, now, owner));
        else
            parts << QCoreApplication::translate("ReadableHistory", "%1: %2 → %3")
                         .arg(label, valueText(key, old, owner), valueText(key, now, owner));
    }
    return parts.join(QStringLiteral("; "));
}

QList<HistoryLine> ReadableHistory::of(const RecordRef &record)
{
    const std::optional<ModuleId> owner = ModuleCatalog::moduleOpening(record.kind);
    QList<HistoryLine> lines;
    for (const domain::AuditEntry &entry : AuditTrail(m_session).history(record.kind.key(), record.id)) {
        HistoryLine line;
        line.entryId = entry.id;
        line.at = domain::fromStorageTimestamp(entry.at);
        line.who = entry.actorId ? personName(*entry.actorId) : personNameByLogin(entry.actorLogin);
        if (entry.onBehalfOfId)
            line.onBehalfOf = personName(*entry.onBehalfOfId);
        else if (!entry.onBehalfOfLogin.isEmpty())
            line.onBehalfOf = personNameByLogin(entry.onBehalfOfLogin);
        line.actionKey = entry.action;
        line.action = ModuleCatalog::actionLabel(entry.action);
        if (line.action.isEmpty())
            line.action = entry.action;
        line.change = describeChange(entry.beforeJson, entry.afterJson, owner);
        lines << line;
    }
    return lines;
}

} // namespace bizdesk::services
