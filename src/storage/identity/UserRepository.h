#pragma once

#include "domain/identity/User.h"

#include <QList>

#include <optional>

namespace bizdesk::storage {

class Database;

/// What a login check needs, read in one statement: the account and its password hash.
struct StoredLogin
{
    domain::User user;
    QString passwordHash;
};

/// One wrong password, counted: the attempt number and whether this attempt locked the account.
struct CountedFailure
{
    int attempt = 0;
    bool locked = false;
};

/// People and departments (§2.1). Returns domain types; SQL stays here.
class UserRepository
{
public:
    explicit UserRepository(Database &database) : m_database(database) {}

    domain::UserId insert(const domain::User &user, const QString &passwordHash, const QString &now,
                          std::optional<domain::UserId> actor);
    std::optional<domain::User> findById(domain::UserId id) const;
    std::optional<domain::User> findByLogin(const QString &login) const;
    std::optional<StoredLogin> findLogin(const QString &login) const;
    /// Throws not_found naming the login.
    domain::User requireByLogin(const QString &login) const;
    domain::User requireById(domain::UserId id) const;
    QList<domain::User> list() const;
    QList<domain::User> withRole(domain::Role role) const;
    std::optional<domain::UserId> superiorOf(domain::UserId id) const;
    int countUsers() const;

    /// Saves name, roles, department, superior, contacts and active flag; throws conflict when
    /// `user.version` is stale. Returns the new version.
    int update(const domain::User &user, const QString &now, domain::UserId actor);
    QString passwordHash(domain::UserId id) const;
    void setPasswordHash(domain::UserId id, const QString &hash, const QString &now, domain::UserId actor);
    /// Login bookkeeping, not an edit: no version bump.
    void setLoginFailures(domain::UserId id, int failedAttempts, const QString &lockedUntil);
    /// Counts one wrong password in a single UPDATE … RETURNING, so parallel sessions add up
    /// instead of overwriting each other's count: the attempt that reaches `limit` locks the account
    /// until `lockUntil` and starts the count again. Counts nothing (nullopt) while the account is
    /// locked at `now`. Timestamps in storage form.
    std::optional<CountedFailure> countWrongPassword(domain::UserId id, int limit, const QString &now,
                                                     const QString &lockUntil);
    /// Clears the failure count (and a lock that has expired) in one statement; false, changing
    /// nothing, when the account is locked at `now`.
    bool clearLoginFailures(domain::UserId id, const QString &now);

private:
    Database &m_database;
};

class DepartmentRepository
{
public:
    explicit DepartmentRepository(Database &database) : m_database(database) {}

    domain::DepartmentId insert(const QString &name, std::optional<domain::UserId> head, const QString &now,
                                domain::UserId actor);
    std::optional<domain::Department> findByName(const QString &name) const;
    std::optional<domain::Department> findById(domain::DepartmentId id) const;
    domain::Department requireByName(const QString &name) const;
    QList<domain::Department> list() const;
    void setHead(domain::DepartmentId id, std::optional<domain::UserId> head, int expectedVersion, const QString &now,
                 domain::UserId actor);

private:
    Database &m_database;
};

} // namespace bizdesk::storage
