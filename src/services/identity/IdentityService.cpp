#include "services/identity/IdentityService.h"

#include "domain/Error.h"
#include "domain/identity/SeparationOfDuties.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "services/identity/IdentityJson.h"
#include "services/identity/PasswordHasher.h"
#include "services/identity/PasswordQuality.h"
#include "services/policy/PolicyService.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "storage/identity/UserRepository.h"

#include <QCoreApplication>
#include <QLocale>

namespace bizdesk::services {
namespace {

using domain::Error;
using domain::User;
using domain::UserId;

Error wrongPassword()
{
    return Error::denied(QCoreApplication::translate("IdentityService", "Wrong login or password."));
}

Error lockedOut(const User &user)
{
    return Error::denied(QCoreApplication::translate("IdentityService", "The account %1 is locked after too many wrong passwords until %2; an administrator can "
                                                                        "unlock it.")
                             .arg(user.login, QLocale().toString(user.lockedUntil.toLocalTime(), QLocale::ShortFormat)),
                         QStringLiteral("7"));
}

domain::SeparationOfDuties::SuperiorLookup superiorLookup(storage::UserRepository &users)
{
    return [&users](UserId id) { return users.superiorOf(id); };
}

} // namespace

User IdentityService::createFirstAccount(const QString &login, const QString &displayName, const QString &password)
{
    User user;
    user.login = domain::UserRules::normaliseLogin(login);
    user.displayName = domain::UserRules::requireDisplayName(displayName);
    PasswordQuality::require(password, user.login);
    user.roles = domain::RoleSet{domain::Role::Director, domain::Role::Admin};
    const QString hash = PasswordHasher::hash(password);

    storage::Transaction transaction(m_session.database());
    storage::UserRepository users(m_session.database());
    if (users.countUsers() > 0)
        throw Error::conflict(QCoreApplication::translate("IdentityService", "This database already has accounts; log in instead."));
    user.id = users.insert(user, hash, m_session.timestamp(), std::nullopt);
    m_session.setUser(user);
    AuditTrail(m_session).record(QStringLiteral("user.create_first"), QStringLiteral("user"), user.id, {}, toJson(user));
    transaction.commit();
    return user;
}

User IdentityService::logIn(const QString &login, const QString &password, LoginMode mode)
{
    domain::UserRules::requireLoginText(login); // before anything is looked up or audited
    // Read, then check the hash with no transaction open: argon2id takes about a tenth of a second,
    // and on SQLite a write transaction would make every other program wait that long.
    const auto stored = storage::UserRepository(m_session.database()).findLogin(login);
    if (!stored) {
        PasswordHasher::verifyAgainstNothing(password);
        recordRefusal(login.trimmed().toLower(), std::nullopt, QStringLiteral("unknown login"));
        throw wrongPassword();
    }
    const User &user = stored->user;
    if (user.isLockedAt(m_session.now())) {
        recordRefusal(user.login, user.id, QStringLiteral("locked"));
        throw lockedOut(user);
    }
    // A disabled account is checked like any other: only the right password learns that it is disabled.
    if (!PasswordHasher::verify(stored->passwordHash, password))
        countWrongPassword(user);
    return acceptLogin(user.id, mode);
}

void IdentityService::countWrongPassword(const User &user)
{
    const PolicyService policy(m_session);
    const int limit = static_cast<int>(policy.integer(domain::policy::lockoutAttempts));
    const QDateTime now = m_session.now();
    const QString lockUntil = domain::toStorageTimestamp(now.addSecs(60 * policy.integer(domain::policy::lockoutMinutes)));
    storage::Transaction transaction(m_session.database());
    storage::UserRepository users(m_session.database());
    const auto counted = users.countWrongPassword(user.id, limit, domain::toStorageTimestamp(now), lockUntil);
    if (!counted) {
        // Another attempt locked the account while this one was being checked.
        recordRefusal(user.login, user.id, QStringLiteral("locked"));
        const User locked = users.requireById(user.id);
        transaction.commit();
        throw lockedOut(locked);
    }
    QJsonObject details{{QStringLiteral("reason"), QStringLiteral("wrong password")}, {QStringLiteral("attempt"), counted->attempt}};
    if (!user.active)
        details.insert(QStringLiteral("disabled"), true);
    AuditTrail(m_session).recordAnonymous(counted->locked ? QStringLiteral("auth.locked") : QStringLiteral("auth.login_failed"),
                                          user.login, user.id, details);
    transaction.commit();
    throw wrongPassword();
}

User IdentityService::acceptLogin(UserId id, LoginMode mode)
{
    storage::UserRepository users(m_session.database());
    // The row as it is after the hash check: a parallel wrong password may have locked it since.
    User current = users.requireById(id);
    if (current.isLockedAt(m_session.now())) {
        recordRefusal(current.login, id, QStringLiteral("locked"));
        throw lockedOut(current);
    }
    if (!current.active) {
        recordRefusal(current.login, id, QStringLiteral("disabled"));
        throw Error::denied(QCoreApplication::translate("IdentityService", "The account %1 is disabled; ask an administrator.").arg(current.login));
    }
    const bool hasFailures = current.failedAttempts > 0 || current.lockedUntil.isValid();
    if (mode == LoginMode::ReadOnly && !hasFailures) {
        m_session.setUser(current);
        return current;
    }
    storage::Transaction transaction(m_session.database());
    if (hasFailures && !users.clearLoginFailures(id, m_session.timestamp())) {
        const User locked = users.requireById(id);
        recordRefusal(locked.login, id, QStringLiteral("locked"));
        transaction.commit();
        throw lockedOut(locked);
    }
    current.failedAttempts = 0;
    current.lockedUntil = {};
    m_session.setUser(current);
    AuditTrail(m_session).record(QStringLiteral("auth.login"), QStringLiteral("user"), id, {}, {});
    transaction.commit();
    return current;
}

void IdentityService::recordRefusal(const QString &login, std::optional<UserId> id, const QString &reason)
{
    storage::Transaction transaction(m_session.database());
    AuditTrail(m_session).recordAnonymous(QStringLiteral("auth.login_failed"), login, id,
                                          QJsonObject{{QStringLiteral("reason"), reason}});
    transaction.commit();
}

std::optional<domain::DepartmentId> IdentityService::resolveDepartment(const QString &name) const
{
    if (name.trimmed().isEmpty())
        return std::nullopt;
    const auto department = storage::DepartmentRepository(m_session.database()).findByName(name);
    if (!department)
        throw Error::invalid(QStringLiteral("dept"), QCoreApplication::translate("IdentityService", "dept: there is no department \"%1\".").arg(name));
    return department->id;
}

std::optional<UserId> IdentityService::resolveSuperior(const QString &login) const
{
    if (login.trimmed().isEmpty())
        return std::nullopt;
    const auto superior = storage::UserRepository(m_session.database()).findByLogin(login);
    if (!superior)
        throw Error::invalid(QStringLiteral("superior"), QCoreApplication::translate("IdentityService", "superior: there is no user \"%1\".").arg(login));
    return superior->id;
}

User IdentityService::addUser(const NewUser &input)
{
    m_session.require(domain::Action::ManageUsers);
    User user;
    user.login = domain::UserRules::normaliseLogin(input.login);
    user.displayName = domain::UserRules::requireDisplayName(input.displayName);
    user.roles = domain::RoleSet::parse(input.roles);
    user.email = domain::UserRules::normaliseEmail(QStringLiteral("email"), input.email);
    user.phone = domain::UserRules::normalisePhone(QStringLiteral("phone"), input.phone);
    PasswordQuality::require(input.password, user.login);
    // argon2id before the transaction: the write lock is held for the writes only.
    const QString hash = PasswordHasher::hash(input.password);

    storage::Transaction transaction(m_session.database());
    storage::UserRepository users(m_session.database());
    if (users.findByLogin(user.login))
        throw Error::invalid(QStringLiteral("login"), QCoreApplication::translate("IdentityService", "login: \"%1\" is already taken.").arg(user.login));
    user.departmentId = resolveDepartment(input.department);
    user.superiorId = resolveSuperior(input.superiorLogin);
    user.id = users.insert(user, hash, m_session.timestamp(), m_session.userId());
    AuditTrail(m_session).record(QStringLiteral("user.add"), QStringLiteral("user"), user.id, {}, toJson(user));
    transaction.commit();
    return user;
}

User IdentityService::updateUser(const User &edited)
{
    m_session.require(domain::Action::ManageUsers);
    storage::Transaction transaction(m_session.database());
    storage::UserRepository users(m_session.database());
    const User before = users.requireById(edited.id);
    User after = before;
    after.displayName = domain::UserRules::requireDisplayName(edited.displayName);
    if (edited.roles.isEmpty())
        throw Error::invalid(QStringLiteral("role"), QCoreApplication::translate("IdentityService", "role: at least one role is required."));
    after.roles = edited.roles;
    after.email = domain::UserRules::normaliseEmail(QStringLiteral("email"), edited.email);
    after.phone = domain::UserRules::normalisePhone(QStringLiteral("phone"), edited.phone);
    after.departmentId = edited.departmentId;
    if (after.departmentId && !storage::DepartmentRepository(m_session.database()).findById(*after.departmentId))
        throw Error::invalid(QStringLiteral("dept"), QCoreApplication::translate("IdentityService", "dept: the department no longer exists."));
    after.superiorId = edited.superiorId;
    if (after.superiorId) {
        if (!users.findById(*after.superiorId))
            throw Error::invalid(QStringLiteral("superior"), QCoreApplication::translate("IdentityService", "superior: that person no longer exists."));
        domain::ReportingLine::requireNoCycle(after.id, *after.superiorId, superiorLookup(users));
    }
    after.active = edited.active;
    after.version = edited.version;
    after.version = users.update(after, m_session.timestamp(), m_session.userId());
    AuditTrail(m_session).record(QStringLiteral("user.update"), QStringLiteral("user"), after.id, toJson(before), toJson(after));
    transaction.commit();
    return after;
}

User IdentityService::setSuperior(const QString &login, const QString &superiorLogin)
{
    User edited = user(login);
    edited.superiorId = resolveSuperior(superiorLogin);
    return updateUser(edited);
}

void IdentityService::disableUser(const QString &login)
{
    User edited = user(login);
    if (edited.id == m_session.userId())
        throw Error::invalid(QStringLiteral("login"), QCoreApplication::translate("IdentityService", "login: you cannot disable your own account."));
    edited.active = false;
    updateUser(edited);
}

void IdentityService::enableUser(const QString &login)
{
    User edited = user(login);
    if (edited.active)
        throw Error::conflict(QCoreApplication::translate("IdentityService", "The account %1 is already active.").arg(edited.login));
    edited.active = true;
    updateUser(edited);
}

void IdentityService::unlockUser(const QString &login)
{
    m_session.require(domain::Action::ManageUsers);
    storage::Transaction transaction(m_session.database());
    storage::UserRepository users(m_session.database());
    const User target = users.requireByLogin(login);
    users.setLoginFailures(target.id, 0, {});
    AuditTrail(m_session).record(QStringLiteral("user.unlock"), QStringLiteral("user"), target.id,
                                 QJsonObject{{QStringLiteral("locked_until"), domain::toStorageTimestamp(target.lockedUntil)}},
                                 QJsonObject{{QStringLiteral("locked_until"), QJsonValue()}});
    transaction.commit();
}

void IdentityService::changeOwnPassword(const QString &currentPassword, const QString &newPassword)
{
    const User &me = m_session.user();
    PasswordQuality::require(newPassword, me.login);
    storage::UserRepository users(m_session.database());
    // Both argon2id steps before the transaction, as in logIn.
    if (!PasswordHasher::verify(users.passwordHash(me.id), currentPassword))
        throw Error::invalid(QStringLiteral("current_password"), QCoreApplication::translate("IdentityService", "current password: the current password is wrong."));
    const QString hash = PasswordHasher::hash(newPassword);
    storage::Transaction transaction(m_session.database());
    users.setPasswordHash(me.id, hash, m_session.timestamp(), me.id);
    AuditTrail(m_session).record(QStringLiteral("user.change_password"), QStringLiteral("user"), me.id, {}, {});
    transaction.commit();
}

domain::Department IdentityService::addDepartment(const QString &name, const QString &headLogin)
{
    m_session.require(domain::Action::ManageDepartments);
    const QString trimmed = domain::UserRules::requireDepartmentName(name);
    storage::Transaction transaction(m_session.database());
    storage::DepartmentRepository departments(m_session.database());
    if (departments.findByName(trimmed))
        throw Error::invalid(QStringLiteral("name"), QCoreApplication::translate("IdentityService", "name: the department \"%1\" already exists.").arg(trimmed));
    std::optional<UserId> head;
    if (!headLogin.trimmed().isEmpty()) {
        const auto found = storage::UserRepository(m_session.database()).findByLogin(headLogin);
        if (!found)
            throw Error::invalid(QStringLiteral("head"), QCoreApplication::translate("IdentityService", "head: there is no user \"%1\".").arg(headLogin));
        head = found->id;
    }
    domain::Department department;
    department.name = trimmed;
    department.headId = head;
    department.id = departments.insert(trimmed, head, m_session.timestamp(), m_session.userId());
    AuditTrail(m_session).record(QStringLiteral("department.add"), QStringLiteral("department"), department.id, {},
                                 toJson(department));
    transaction.commit();
    return department;
}

domain::Department IdentityService::setDepartmentHead(const QString &name, const QString &headLogin)
{
    m_session.require(domain::Action::ManageDepartments);
    storage::Transaction transaction(m_session.database());
    storage::DepartmentRepository departments(m_session.database());
    const domain::Department before = departments.requireByName(name);
    const auto head = storage::UserRepository(m_session.database()).findByLogin(headLogin);
    if (!head)
        throw Error::invalid(QStringLiteral("head"), QCoreApplication::translate("IdentityService", "head: there is no user \"%1\".").arg(headLogin));
    domain::Department after = before;
    after.headId = head->id;
    departments.setHead(before.id, head->id, before.version, m_session.timestamp(), m_session.userId());
    after.version = before.version + 1;
    AuditTrail(m_session).record(QStringLiteral("department.set_head"), QStringLiteral("department"), before.id,
                                 toJson(before), toJson(after));
    transaction.commit();
    return after;
}

storage::Delegation IdentityService::delegate(const QString &delegateLogin, const QDate &from, const QDate &to)
{
    const User &me = m_session.user();
    if (!from.isValid())
        throw Error::invalid(QStringLiteral("from"), QCoreApplication::translate("IdentityService", "from: a valid start date (yyyy-MM-dd) is required."));
    if (!to.isValid() || to < from)
        throw Error::invalid(QStringLiteral("to"), QCoreApplication::translate("IdentityService", "to: the end date must be a valid date on or after the start."));
    storage::Transaction transaction(m_session.database());
    const auto delegateUser = storage::UserRepository(m_session.database()).findByLogin(delegateLogin);
    if (!delegateUser || !delegateUser->active)
        throw Error::invalid(QStringLiteral("delegate"), QCoreApplication::translate("IdentityService", "delegate: there is no active user \"%1\".").arg(delegateLogin));
    if (delegateUser->id == me.id)
        throw Error::invalid(QStringLiteral("delegate"), QCoreApplication::translate("IdentityService", "delegate: you cannot delegate to yourself."));
    storage::Delegation delegation;
    delegation.delegatorId = me.id;
    delegation.delegateId = delegateUser->id;
    delegation.startsOn = from;
    delegation.endsOn = to;
    storage::DelegationRepository repository(m_session.database());
    delegation.id = repository.insert(delegation, m_session.timestamp(), me.id);
    AuditTrail(m_session).record(QStringLiteral("delegation.add"), QStringLiteral("delegation"), delegation.id, {},
                                 QJsonObject{{QStringLiteral("delegate"), delegateUser->login},
                                             {QStringLiteral("from"), from.toString(Qt::ISODate)},
                                             {QStringLiteral("to"), to.toString(Qt::ISODate)}});
    transaction.commit();
    return delegation;
}

void IdentityService::revokeDelegation(qint64 delegationId)
{
    const User &me = m_session.user();
    storage::Transaction transaction(m_session.database());
    storage::DelegationRepository repository(m_session.database());
    bool mine = false;
    for (const auto &delegation : repository.listFor(me.id))
        mine = mine || (delegation.id == delegationId && delegation.delegatorId == me.id);
    if (!mine)
        throw Error::notFound(QCoreApplication::translate("IdentityService", "You have no delegation with id %1.").arg(delegationId));
    repository.revoke(delegationId);
    AuditTrail(m_session).record(QStringLiteral("delegation.revoke"), QStringLiteral("delegation"), delegationId, {}, {});
    transaction.commit();
}

QList<storage::Delegation> IdentityService::delegations() const
{
    return storage::DelegationRepository(m_session.database()).listFor(m_session.userId());
}

QList<UserId> IdentityService::actingFor() const
{
    QList<UserId> people{m_session.userId()};
    const QDate today = m_session.today();
    people << storage::DelegationRepository(m_session.database()).delegatorsFor(m_session.userId(), today);
    return people;
}

QList<User> IdentityService::users() const
{
    m_session.user();
    return storage::UserRepository(m_session.database()).list();
}

QList<domain::Department> IdentityService::departments() const
{
    m_session.user();
    return storage::DepartmentRepository(m_session.database()).list();
}

User IdentityService::user(const QString &login) const
{
    return storage::UserRepository(m_session.database()).requireByLogin(login);
}

std::optional<User> IdentityService::userById(UserId id) const
{
    return storage::UserRepository(m_session.database()).findById(id);
}

std::optional<domain::Department> IdentityService::departmentById(domain::DepartmentId id) const
{
    return storage::DepartmentRepository(m_session.database()).findById(id);
}

} // namespace bizdesk::services
