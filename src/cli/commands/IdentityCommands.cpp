#include "cli/CommandContext.h"
#include "cli/CommandLine.h"
#include "domain/Error.h"
#include "services/audit/AuditHeadGuard.h"
#include "services/audit/AuditTrail.h"
#include "services/identity/IdentityJson.h"
#include "services/identity/IdentityService.h"
#include "services/policy/PolicyService.h"
#include "services/maintenance/DatabaseMaintenance.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace bizdesk::cli {
namespace {

using domain::Error;
using Needs = CommandSpec::Needs;

QJsonObject describeUser(services::IdentityService &identity, const domain::User &user)
{
    QJsonObject object = services::toJson(user);
    if (user.departmentId) {
        if (const auto department = identity.departmentById(*user.departmentId))
            object.insert(QStringLiteral("department"), department->name);
    }
    if (user.superiorId) {
        if (const auto superior = identity.userById(*user.superiorId))
            object.insert(QStringLiteral("superior"), superior->login);
    }
    object.insert(QStringLiteral("locked"), user.lockedUntil.isValid());
    return object;
}

QJsonObject describeDepartment(services::IdentityService &identity, const domain::Department &department)
{
    QJsonObject object = services::toJson(department);
    if (department.headId) {
        if (const auto head = identity.userById(*department.headId))
            object.insert(QStringLiteral("head"), head->login);
    }
    return object;
}

} // namespace

void registerIdentityCommands(CommandLine &commandLine)
{
    commandLine.add({{QStringLiteral("user"), QStringLiteral("add")}, {QStringLiteral("LOGIN")},
                     {{QStringLiteral("name"), QStringLiteral("NAME"), QCoreApplication::translate("IdentityCommands", "display name"), true},
                      {QStringLiteral("role"), QStringLiteral("ROLE[,ROLE]"),
                       QCoreApplication::translate("IdentityCommands", "director, manager, specialist, finance, legal, executive, admin"), true},
                      {QStringLiteral("dept"), QStringLiteral("DEPT"), QCoreApplication::translate("IdentityCommands", "department name")},
                      {QStringLiteral("superior"), QStringLiteral("LOGIN"), QCoreApplication::translate("IdentityCommands", "the superior's login")},
                      {QStringLiteral("email"), QStringLiteral("EMAIL"), QCoreApplication::translate("IdentityCommands", "e-mail address")},
                      {QStringLiteral("phone"), QStringLiteral("PHONE"), QCoreApplication::translate("IdentityCommands", "phone number")}},
                     QCoreApplication::translate("IdentityCommands", "Add a person (new password from $BIZDESK_NEW_PASSWORD or stdin)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::Session &session = context.session();
                         services::NewUser input;
                         input.login = context.positional(0);
                         input.displayName = context.option(QStringLiteral("name"));
                         input.roles = context.option(QStringLiteral("role"));
                         input.department = context.option(QStringLiteral("dept"));
                         input.superiorLogin = context.option(QStringLiteral("superior"));
                         input.email = context.option(QStringLiteral("email"));
                         input.phone = context.option(QStringLiteral("phone"));
                         input.password = CommandContext::readNewPassword();
                         services::IdentityService identity(session);
                         return describeUser(identity, identity.addUser(input));
                     },
                     {}});

    commandLine.add({{QStringLiteral("user"), QStringLiteral("list")}, {}, {}, QCoreApplication::translate("IdentityCommands", "List people."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::IdentityService identity(context.session());
                         QJsonArray users;
                         for (const domain::User &user : identity.users())
                             users.append(describeUser(identity, user));
                         return QJsonObject{{QStringLiteral("users"), users}};
                     },
                     {}});

    commandLine.add({{QStringLiteral("user"), QStringLiteral("disable")}, {QStringLiteral("LOGIN")}, {},
                     QCoreApplication::translate("IdentityCommands", "Disable a person's account (history is kept)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::IdentityService identity(context.session());
                         identity.disableUser(context.positional(0));
                         return describeUser(identity, identity.user(context.positional(0)));
                     },
                     {}});

    commandLine.add({{QStringLiteral("user"), QStringLiteral("unlock")}, {QStringLiteral("LOGIN")}, {},
                     QCoreApplication::translate("IdentityCommands", "Unlock an account locked by wrong passwords."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::IdentityService identity(context.session());
                         identity.unlockUser(context.positional(0));
                         return describeUser(identity, identity.user(context.positional(0)));
                     },
                     {}});

    commandLine.add({{QStringLiteral("user"), QStringLiteral("superior")}, {QStringLiteral("LOGIN"), QStringLiteral("SUPERIOR")}, {},
                     QCoreApplication::translate("IdentityCommands", "Set a person's superior (reporting line, §2.1)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::IdentityService identity(context.session());
                         return describeUser(identity, identity.setSuperior(context.positional(0), context.positional(1)));
                     },
                     {}});

    commandLine.add({{QStringLiteral("whoami")}, {}, {}, QCoreApplication::translate("IdentityCommands", "Show the acting user."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::IdentityService identity(context.session());
                         return describeUser(identity, context.session().user());
                     },
                     {}});

    commandLine.add({{QStringLiteral("dept"), QStringLiteral("add")}, {QStringLiteral("NAME")},
                     {{QStringLiteral("head"), QStringLiteral("LOGIN"), QCoreApplication::translate("IdentityCommands", "the department head")}},
                     QCoreApplication::translate("IdentityCommands", "Add a department."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::IdentityService identity(context.session());
                         return describeDepartment(identity, identity.addDepartment(context.positional(0),
                                                                                    context.option(QStringLiteral("head"))));
                     },
                     {}});

    commandLine.add({{QStringLiteral("dept"), QStringLiteral("head")}, {QStringLiteral("NAME"), QStringLiteral("LOGIN")}, {},
                     QCoreApplication::translate("IdentityCommands", "Set a department's head."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::IdentityService identity(context.session());
                         return describeDepartment(identity,
                                                   identity.setDepartmentHead(context.positional(0), context.positional(1)));
                     },
                     {}});

    commandLine.add({{QStringLiteral("dept"), QStringLiteral("list")}, {}, {}, QCoreApplication::translate("IdentityCommands", "List departments."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::IdentityService identity(context.session());
                         QJsonArray departments;
                         for (const auto &department : identity.departments())
                             departments.append(describeDepartment(identity, department));
                         return QJsonObject{{QStringLiteral("departments"), departments}};
                     },
                     {}});

    commandLine.add({{QStringLiteral("delegate"), QStringLiteral("add")}, {QStringLiteral("LOGIN")},
                     {{QStringLiteral("from"), QStringLiteral("DATE"), QCoreApplication::translate("IdentityCommands", "first day"), true},
                      {QStringLiteral("to"), QStringLiteral("DATE"), QCoreApplication::translate("IdentityCommands", "last day"), true}},
                     QCoreApplication::translate("IdentityCommands", "Let LOGIN approve on your behalf between two dates."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::IdentityService identity(context.session());
                         const auto delegation = identity.delegate(context.positional(0),
                                                                   *context.dateOption(QStringLiteral("from")),
                                                                   *context.dateOption(QStringLiteral("to")));
                         return QJsonObject{{QStringLiteral("id"), static_cast<double>(delegation.id)},
                                            {QStringLiteral("delegate"), context.positional(0)},
                                            {QStringLiteral("from"), delegation.startsOn.toString(Qt::ISODate)},
                                            {QStringLiteral("to"), delegation.endsOn.toString(Qt::ISODate)}};
                     },
                     {}});

    commandLine.add({{QStringLiteral("delegate"), QStringLiteral("revoke")}, {QStringLiteral("ID")}, {},
                     QCoreApplication::translate("IdentityCommands", "Revoke one of your delegations."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::IdentityService(context.session()).revokeDelegation(context.positionalId(0));
                         return QJsonObject{{QStringLiteral("revoked"), static_cast<double>(context.positionalId(0))}};
                     },
                     {}});

    commandLine.add({{QStringLiteral("policy"), QStringLiteral("show")}, {}, {},
                     QCoreApplication::translate("IdentityCommands", "Show every policy setting with its clause and current value."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const services::PolicyService policy(context.session());
                         QJsonArray settings;
                         for (const auto &setting : policy.settings())
                             settings.append(QJsonObject{{QStringLiteral("key"), setting.definition->key},
                                                         {QStringLiteral("value"), setting.value},
                                                         {QStringLiteral("default"), setting.definition->defaultValue},
                                                         {QStringLiteral("clause"), setting.definition->clause},
                                                         {QStringLiteral("description"), setting.definition->translatedDescription()}});
                         return QJsonObject{{QStringLiteral("version"), policy.currentVersion()},
                                            {QStringLiteral("settings"), settings}};
                     },
                     {}});

    commandLine.add({{QStringLiteral("policy"), QStringLiteral("set")},
                     {QStringLiteral("KEY"), QStringLiteral("VALUE"), QStringLiteral("[KEY VALUE]...")}, {},
                     QCoreApplication::translate("IdentityCommands", "Change policy settings (director); several pairs are one "
                                                                     "change, e.g. appraisal weights that must add up to 100."),
                     Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         if (context.positionalCount() % 2 != 0)
                             throw domain::Error::invalid(QStringLiteral("VALUE"),
                                                          QCoreApplication::translate("IdentityCommands", "VALUE: %1 has no value; give KEY VALUE pairs.")
                                                              .arg(context.positional(context.positionalCount() - 1)));
                         QList<services::PolicyAssignment> changes;
                         for (int i = 0; i + 1 < context.positionalCount(); i += 2)
                             changes.append(services::PolicyAssignment{context.positional(i), context.positional(i + 1)});
                         services::PolicyService policy(context.session());
                         const int version = policy.set(changes);
                         QJsonArray settings;
                         for (const services::PolicyAssignment &change : changes)
                             settings.append(QJsonObject{{QStringLiteral("key"), change.key},
                                                         {QStringLiteral("value"), policy.text(change.key)}});
                         // One pair keeps the original shape {"key","value","version"}.
                         if (changes.size() == 1)
                             return QJsonObject{{QStringLiteral("key"), changes.first().key},
                                                {QStringLiteral("value"), policy.text(changes.first().key)},
                                                {QStringLiteral("version"), version}};
                         return QJsonObject{{QStringLiteral("settings"), settings}, {QStringLiteral("version"), version}};
                     },
                     {}});

    commandLine.add({{QStringLiteral("policy"), QStringLiteral("history")}, {},
                     {{QStringLiteral("key"), QStringLiteral("KEY"), QCoreApplication::translate("IdentityCommands", "only changes of this setting")}},
                     QCoreApplication::translate("IdentityCommands", "List the versioned changes of the policy settings, newest first."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const services::PolicyService policy(context.session());
                         QJsonArray changes;
                         for (const auto &change : policy.history(context.option(QStringLiteral("key"))))
                             changes.append(QJsonObject{{QStringLiteral("version"), change.version},
                                                        {QStringLiteral("key"), change.key},
                                                        {QStringLiteral("old"), change.oldValue},
                                                        {QStringLiteral("new"), change.newValue},
                                                        {QStringLiteral("at"), change.changedAt},
                                                        {QStringLiteral("by"), change.changedByLogin}});
                         return QJsonObject{{QStringLiteral("version"), policy.currentVersion()},
                                            {QStringLiteral("changes"), changes}};
                     },
                     {}});

    commandLine.add({{QStringLiteral("audit"), QStringLiteral("head")}, {}, {},
                     QCoreApplication::translate("IdentityCommands", "Print the id and hash of the last audit entry; keep it outside the database "
                        "and check it later with \"audit verify --expect ID:HASH\"."),
                     Needs::Database,
                     [](CommandContext &context) -> QJsonValue {
                         context.database().requireSchema();
                         services::Session session(context.database(), context.clock());
                         return services::AuditTrail(session).head().toJson();
                     },
                     [](const QJsonValue &value) {
                         const QJsonObject head = value.toObject();
                         return QCoreApplication::translate("IdentityCommands", "Audit head: entry %1, hash %2\n"
                                                            "Check it later with: bizdeskctl audit verify --expect %1:%2")
                             .arg(head.value(QStringLiteral("id")).toInteger())
                             .arg(head.value(QStringLiteral("hash")).toString());
                     }});

    commandLine.add({{QStringLiteral("audit"), QStringLiteral("verify")}, {},
                     {{QStringLiteral("expect"), QStringLiteral("ID:HASH"), QCoreApplication::translate("IdentityCommands", "an earlier \"audit head\": the chain must still hold that entry with that hash")},
                      {QStringLiteral("against"), QStringLiteral("BACKUP"), QCoreApplication::translate("IdentityCommands", "a backup file: the chain must still hold the backup's last audit entry unchanged")}},
                     QCoreApplication::translate("IdentityCommands", "Walk the audit hash chain; exit 4 naming the first broken entry, or an "
                        "expected entry that was deleted or rewritten."),
                     Needs::Database,
                     [](CommandContext &context) -> QJsonValue {
                         QList<domain::AuditHead> anchors;
                         if (context.has(QStringLiteral("expect")))
                             anchors << domain::AuditHead::parse(QStringLiteral("--expect"), context.option(QStringLiteral("expect")));
                         // The backup is read before the live database is opened, so that no
                         // connection of this process is open while it is (see Database::open).
                         if (context.has(QStringLiteral("against")))
                             anchors << services::DatabaseMaintenance::auditHeadOfBackup(QStringLiteral("--against"),
                                                                                         context.option(QStringLiteral("against")));
                         context.database().requireSchema();
                         services::Session session(context.database(), context.clock());
                         const auto result = services::AuditTrail(session).verify(anchors);
                         if (!result.ok)
                             throw Error::conflict(QCoreApplication::translate("IdentityCommands", "The audit chain is broken: %1.").arg(result.problem));
                         QJsonArray checked;
                         for (const domain::AuditHead &anchor : anchors)
                             checked.append(anchor.toJson());
                         QJsonObject body{{QStringLiteral("entries"), static_cast<double>(result.entries)},
                                          {QStringLiteral("ok"), true},
                                          {QStringLiteral("head"), result.head.toJson()}};
                         if (!anchors.isEmpty())
                             body.insert(QStringLiteral("anchors"), checked);
                         return body;
                     },
                     {}});

    commandLine.add({{QStringLiteral("audit"), QStringLiteral("accept-head")}, {}, {},
                     QCoreApplication::translate("IdentityCommands", "Accept a known, wanted rollback of the audit chain (an older backup restored, "
                        "the newest entries cut): this computer takes the chain's present head as the last one seen and stops "
                        "warning. Audited; needs the admin role."),
                     Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::Session &session = context.session();
                         if (!context.auditHeads())
                             throw Error::internal(QCoreApplication::translate("IdentityCommands", "This program keeps no audit heads."));
                         const services::AuditHeadAcceptance acceptance =
                             services::AuditHeadGuard(context.database(), *context.auditHeads()).accept(session);
                         return QJsonObject{{QStringLiteral("accepted"), acceptance.accepted},
                                            {QStringLiteral("previous"), acceptance.previous ? QJsonValue(acceptance.previous->toJson())
                                                                                             : QJsonValue()},
                                            {QStringLiteral("head"), acceptance.head.toJson()},
                                            {QStringLiteral("entry"), acceptance.entryId ? QJsonValue(static_cast<double>(*acceptance.entryId))
                                                                                         : QJsonValue()}};
                     },
                     [](const QJsonValue &value) {
                         const QJsonObject body = value.toObject();
                         const QJsonObject head = body.value(QStringLiteral("head")).toObject();
                         if (!body.value(QStringLiteral("accepted")).toBool())
                             return QCoreApplication::translate("IdentityCommands", "Nothing to accept: the audit chain still holds the head "
                                                                "this computer saw last. Audit head: entry %1.")
                                 .arg(head.value(QStringLiteral("id")).toInteger());
                         return QCoreApplication::translate("IdentityCommands", "Rollback accepted (audit entry %1). Audit head: entry %1, hash %2")
                             .arg(head.value(QStringLiteral("id")).toInteger())
                             .arg(head.value(QStringLiteral("hash")).toString());
                     }});

    commandLine.add({{QStringLiteral("audit"), QStringLiteral("log")}, {},
                     {{QStringLiteral("entity"), QStringLiteral("KIND"), QCoreApplication::translate("IdentityCommands", "entity kind, e.g. user, expense")},
                      {QStringLiteral("id"), QStringLiteral("ID"), QCoreApplication::translate("IdentityCommands", "entity id")},
                      {QStringLiteral("limit"), QStringLiteral("N"), QCoreApplication::translate("IdentityCommands", "most entries (default 100)")}},
                     QCoreApplication::translate("IdentityCommands", "List audit entries, newest first."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::Session &session = context.session();
                         session.require(domain::Action::ReadAudit);
                         std::optional<qint64> id;
                         if (context.has(QStringLiteral("id")))
                             id = context.intOption(QStringLiteral("id"), 0, 1, std::numeric_limits<int>::max());
                         QJsonArray entries;
                         for (const auto &entry : services::AuditTrail(session).log(context.option(QStringLiteral("entity")), id,
                                                                                   context.intOption(QStringLiteral("limit"), 100, 1, 100000)))
                             entries.append(entry.toJson());
                         return QJsonObject{{QStringLiteral("entries"), entries}};
                     },
                     {}});
}

} // namespace bizdesk::cli
