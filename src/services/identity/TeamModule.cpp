#include "services/identity/TeamModule.h"

#include "domain/policy/PolicyCatalog.h"

#include <QCoreApplication>

namespace bizdesk::services {
namespace {

AuditLabels teamAuditLabels()
{
    AuditLabels labels;
    labels.context = "TeamAudit";
    labels.actions = {
        {QStringLiteral("user.create_first"), QT_TRANSLATE_NOOP("TeamAudit", "First account created")},
        {QStringLiteral("user.add"), QT_TRANSLATE_NOOP("TeamAudit", "Person added")},
        {QStringLiteral("user.update"), QT_TRANSLATE_NOOP("TeamAudit", "Person changed")},
        {QStringLiteral("user.unlock"), QT_TRANSLATE_NOOP("TeamAudit", "Account unlocked")},
        {QStringLiteral("user.change_password"), QT_TRANSLATE_NOOP("TeamAudit", "Password changed")},
        {QStringLiteral("auth.login"), QT_TRANSLATE_NOOP("TeamAudit", "Logged in")},
        {QStringLiteral("auth.login_failed"), QT_TRANSLATE_NOOP("TeamAudit", "Login failed")},
        {QStringLiteral("auth.locked"), QT_TRANSLATE_NOOP("TeamAudit", "Account locked")},
        {QStringLiteral("department.add"), QT_TRANSLATE_NOOP("TeamAudit", "Department added")},
        {QStringLiteral("department.set_head"), QT_TRANSLATE_NOOP("TeamAudit", "Department head set")},
        {QStringLiteral("delegation.add"), QT_TRANSLATE_NOOP("TeamAudit", "Delegation given")},
        {QStringLiteral("delegation.revoke"), QT_TRANSLATE_NOOP("TeamAudit", "Delegation revoked")},
        {QStringLiteral("policy.set"), QT_TRANSLATE_NOOP("TeamAudit", "Policy setting changed")},
    };
    const auto text = [](const char *label) { return AuditField{label, AuditValue::Text, {}}; };
    labels.fields = {
        {QStringLiteral("login"), text(QT_TRANSLATE_NOOP("TeamAudit", "Login"))},
        {QStringLiteral("name"), text(QT_TRANSLATE_NOOP("TeamAudit", "Name"))},
        {QStringLiteral("roles"), {QT_TRANSLATE_NOOP("TeamAudit", "Roles"), AuditValue::Roles, {}}},
        {QStringLiteral("active"), {QT_TRANSLATE_NOOP("TeamAudit", "Active"), AuditValue::YesNo, {}}},
        {QStringLiteral("department_id"), {QT_TRANSLATE_NOOP("TeamAudit", "Department"), AuditValue::Department, {}}},
        {QStringLiteral("superior_id"), {QT_TRANSLATE_NOOP("TeamAudit", "Superior"), AuditValue::Person, {}}},
        {QStringLiteral("head_id"), {QT_TRANSLATE_NOOP("TeamAudit", "Head"), AuditValue::Person, {}}},
        {QStringLiteral("email"), text(QT_TRANSLATE_NOOP("TeamAudit", "E-mail"))},
        {QStringLiteral("phone"), text(QT_TRANSLATE_NOOP("TeamAudit", "Phone"))},
        {QStringLiteral("locked_until"), text(QT_TRANSLATE_NOOP("TeamAudit", "Locked until"))},
        {QStringLiteral("attempt"), text(QT_TRANSLATE_NOOP("TeamAudit", "Attempt"))},
        {QStringLiteral("delegate"), {QT_TRANSLATE_NOOP("TeamAudit", "Delegate"), AuditValue::Login, {}}},
        {QStringLiteral("from"), text(QT_TRANSLATE_NOOP("TeamAudit", "From"))},
        {QStringLiteral("to"), text(QT_TRANSLATE_NOOP("TeamAudit", "To"))},
    };
    return labels;
}

} // namespace

ModuleDescriptor teamModule()
{
    ModuleDescriptor module;
    module.id = ModuleId::Team;
    module.title = QT_TRANSLATE_NOOP("Modules", "Team");
    module.clauses = QStringLiteral("§2");
    module.records = {userRecord, departmentRecord};
    module.commandGroups = {QStringLiteral("user"),   QStringLiteral("dept"),  QStringLiteral("delegate"),
                            QStringLiteral("policy"), QStringLiteral("audit"), QStringLiteral("whoami")};
    module.policyKeys = {domain::policy::lockoutAttempts, domain::policy::lockoutMinutes};
    module.audit = teamAuditLabels();
    return module;
}

} // namespace bizdesk::services
