#pragma once

#include "domain/identity/User.h"
#include "storage/identity/DelegationRepository.h"

#include <QDate>
#include <QList>

namespace bizdesk::services {

class Session;

/// What a new person needs (§2.1). Department and superior by name/login, as typed by users.
struct NewUser
{
    QString login;
    QString displayName;
    QString roles; ///< "manager,specialist"
    QString department;
    QString superiorLogin;
    QString email;
    QString phone;
    QString password;
};

/// How a successful login is written down. Failures are always counted and audited.
enum class LoginMode {
    Recorded, ///< the GUI and commands that change data: an auth.login audit entry
    ReadOnly, ///< commands that only read: nothing is written unless failures must be cleared
};

/// People, departments, reporting lines, logins and delegation.
class IdentityService
{
public:
    explicit IdentityService(Session &session) : m_session(session) {}

    /// Creates the first account (director + admin) in a database that has none; conflict otherwise.
    domain::User createFirstAccount(const QString &login, const QString &displayName, const QString &password);
    /// Checks the password, applies the lockout rule (auth.lockout_attempts / auth.lockout_minutes)
    /// and, on success, makes the user the session's user. Failures are counted and audited even
    /// though the call throws denied. The password hash is checked outside any transaction; what is
    /// written afterwards is one short transaction. An unknown login, a wrong password and a
    /// disabled account with a wrong password all get the same answer after the same work.
    domain::User logIn(const QString &login, const QString &password, LoginMode mode = LoginMode::Recorded);

    domain::User addUser(const NewUser &input);
    /// Saves name, roles, department, superior and contacts (optimistic locking on user.version).
    domain::User updateUser(const domain::User &edited);
    domain::User setSuperior(const QString &login, const QString &superiorLogin);
    void disableUser(const QString &login);
    /// Lets a disabled person log in again (their records and history were kept).
    void enableUser(const QString &login);
    void unlockUser(const QString &login);
    void changeOwnPassword(const QString &currentPassword, const QString &newPassword);

    domain::Department addDepartment(const QString &name, const QString &headLogin);
    domain::Department setDepartmentHead(const QString &name, const QString &headLogin);

    /// The acting user names a delegate for approvals from `from` to `to` (inclusive).
    storage::Delegation delegate(const QString &delegateLogin, const QDate &from, const QDate &to);
    void revokeDelegation(qint64 delegationId);
    QList<storage::Delegation> delegations() const;
    /// People the acting user may approve for today (themselves first).
    QList<domain::UserId> actingFor() const;

    QList<domain::User> users() const;
    QList<domain::Department> departments() const;
    domain::User user(const QString &login) const;
    std::optional<domain::User> userById(domain::UserId id) const;
    std::optional<domain::Department> departmentById(domain::DepartmentId id) const;

private:
    [[noreturn]] void countWrongPassword(const domain::User &user);
    domain::User acceptLogin(domain::UserId id, LoginMode mode);
    /// Audits a refused login in its own short transaction (or the caller's, which must commit).
    void recordRefusal(const QString &login, std::optional<domain::UserId> id, const QString &reason);
    std::optional<domain::DepartmentId> resolveDepartment(const QString &name) const;
    std::optional<domain::UserId> resolveSuperior(const QString &login) const;
    Session &m_session;
};

} // namespace bizdesk::services
