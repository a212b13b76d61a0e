#include "storage/identity/UserRepository.h"

#include "domain/Clock.h"
#include "domain/Error.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/SqlValues.h"

#include <QCoreApplication>

namespace bizdesk::storage {
namespace {

using domain::Department;
using domain::Error;
using domain::User;
using domain::UserId;

const QString userColumns = QStringLiteral(
    "id, login, display_name, roles, department_id, superior_id, email, phone, active, failed_attempts, "
    "locked_until, version");

User readUser(SqlQuery &query)
{
    User user;
    user.id = query.value(0).toLongLong();
    user.login = query.value(1).toString();
    user.displayName = query.value(2).toString();
    user.roles = domain::RoleSet::parse(query.value(3).toString());
    user.departmentId = optionalId(query.value(4));
    user.superiorId = optionalId(query.value(5));
    user.email = query.value(6).toString();
    user.phone = query.value(7).toString();
    user.active = query.value(8).toInt() != 0;
    user.failedAttempts = query.value(9).toInt();
    if (!query.value(10).isNull())
        user.lockedUntil = domain::fromStorageTimestamp(query.value(10).toString());
    user.version = query.value(11).toInt();
    return user;
}

Department readDepartment(SqlQuery &query)
{
    Department department;
    department.id = query.value(0).toLongLong();
    department.name = query.value(1).toString();
    department.headId = optionalId(query.value(2));
    department.version = query.value(3).toInt();
    return department;
}

QList<User> readUsers(SqlQuery &query)
{
    QList<User> users;
    query.exec();
    while (query.next())
        users << readUser(query);
    return users;
}

} // namespace

UserId UserRepository::insert(const User &user, const QString &passwordHash, const QString &now,
                              std::optional<UserId> actor)
{
    SqlQuery query(m_database, QStringLiteral(
        "INSERT INTO users (login, display_name, roles, department_id, superior_id, email, phone, password_hash, "
        "active, created_at, created_by, updated_at, updated_by) VALUES (:login, :name, :roles, :department, "
        ":superior, :email, :phone, :hash, 1, :now, :actor, :now, :actor) RETURNING id"));
    query.bind(":login", user.login)
        .bind(":name", user.displayName)
        .bind(":roles", user.roles.toString())
        .bind(":department", nullableId(user.departmentId))
        .bind(":superior", nullableId(user.superiorId))
        .bind(":email", user.email)
        .bind(":phone", user.phone)
        .bind(":hash", passwordHash)
        .bind(":now", now)
        .bind(":actor", nullableId(actor));
    return query.insertReturningId();
}

std::optional<User> UserRepository::findById(UserId id) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM users WHERE id = :id").arg(userColumns));
    query.bind(":id", id).exec();
    if (!query.next())
        return std::nullopt;
    return readUser(query);
}

std::optional<User> UserRepository::findByLogin(const QString &login) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM users WHERE login = :login").arg(userColumns));
    query.bind(":login", login.trimmed().toLower()).exec();
    if (!query.next())
        return std::nullopt;
    return readUser(query);
}

std::optional<StoredLogin> UserRepository::findLogin(const QString &login) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1, password_hash FROM users WHERE login = :login").arg(userColumns));
    query.bind(":login", login.trimmed().toLower()).exec();
    if (!query.next())
        return std::nullopt;
    StoredLogin stored{readUser(query), QString()};
    stored.passwordHash = query.value(12).toString();
    return stored;
}

User UserRepository::requireByLogin(const QString &login) const
{
    auto user = findByLogin(login);
    if (!user)
        throw Error::notFound(QCoreApplication::translate("UserRepository", "There is no user \"%1\".").arg(login));
    return *user;
}

User UserRepository::requireById(UserId id) const
{
    auto user = findById(id);
    if (!user)
        throw Error::notFound(QCoreApplication::translate("UserRepository", "There is no user with id %1.").arg(id));
    return *user;
}

QList<User> UserRepository::list() const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM users ORDER BY display_name, login").arg(userColumns));
    return readUsers(query);
}

QList<User> UserRepository::withRole(domain::Role role) const
{
    // roles is a short comma list; the filter is exact in C++ so "manager" never matches a substring.
    QList<User> result;
    for (const User &user : list()) {
        if (user.active && user.roles.has(role))
            result << user;
    }
    return result;
}

std::optional<UserId> UserRepository::superiorOf(UserId id) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT superior_id FROM users WHERE id = :id"));
    const QVariant value = query.bind(":id", id).scalar();
    return optionalId(value);
}

int UserRepository::countUsers() const
{
    SqlQuery query(m_database, QStringLiteral("SELECT count(*) FROM users"));
    return query.scalar().toInt();
}

int UserRepository::update(const User &user, const QString &now, UserId actor)
{
    SqlQuery query(m_database, QStringLiteral(
        "UPDATE users SET display_name = :name, roles = :roles, department_id = :department, superior_id = :superior, "
        "email = :email, phone = :phone, active = :active, version = version + 1, updated_at = :now, "
        "updated_by = :actor WHERE id = :id AND version = :version"));
    query.bind(":name", user.displayName)
        .bind(":roles", user.roles.toString())
        .bind(":department", nullableId(user.departmentId))
        .bind(":superior", nullableId(user.superiorId))
        .bind(":email", user.email)
        .bind(":phone", user.phone)
        .bind(":active", user.active ? 1 : 0)
        .bind(":now", now)
        .bind(":actor", actor)
        .bind(":id", user.id)
        .bind(":version", user.version)
        .exec();
    if (query.rowsAffected() != 1)
        throw Error::conflict(QCoreApplication::translate("UserRepository",
                                                          "%1 was changed by someone else meanwhile; reload and try again.")
                                  .arg(user.login));
    return user.version + 1;
}

QString UserRepository::passwordHash(UserId id) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT password_hash FROM users WHERE id = :id"));
    return query.bind(":id", id).scalar().toString();
}

void UserRepository::setPasswordHash(UserId id, const QString &hash, const QString &now, UserId actor)
{
    SqlQuery query(m_database, QStringLiteral("UPDATE users SET password_hash = :hash, version = version + 1, "
                                              "updated_at = :now, updated_by = :actor WHERE id = :id"));
    query.bind(":hash", hash).bind(":now", now).bind(":actor", actor).bind(":id", id).exec();
}

void UserRepository::setLoginFailures(UserId id, int failedAttempts, const QString &lockedUntil)
{
    SqlQuery query(m_database,
                   QStringLiteral("UPDATE users SET failed_attempts = :failed, locked_until = :until WHERE id = :id"));
    query.bind(":failed", failedAttempts)
        .bind(":until", nullableText(lockedUntil))
        .bind(":id", id)
        .exec();
}

std::optional<CountedFailure> UserRepository::countWrongPassword(UserId id, int limit, const QString &now,
                                                                 const QString &lockUntil)
{
    // Every right-hand side sees the row as it was before this statement, so both CASEs decide on
    // the same old count; the WHERE re-checks the lock on the row as it is now (PostgreSQL
    // re-evaluates it after waiting for a concurrent updater of the row).
    SqlQuery query(m_database, QStringLiteral(
        "UPDATE users SET "
        "failed_attempts = CASE WHEN failed_attempts + 1 >= :limit THEN 0 ELSE failed_attempts + 1 END, "
        "locked_until = CASE WHEN failed_attempts + 1 >= :limit THEN :until ELSE locked_until END "
        "WHERE id = :id AND (locked_until IS NULL OR locked_until <= :now) "
        "RETURNING failed_attempts, locked_until"));
    query.bind(":limit", limit).bind(":until", lockUntil).bind(":id", id).bind(":now", now).exec();
    if (!query.next())
        return std::nullopt;
    const int count = query.value(0).toInt();
    const bool locked = count == 0 && query.value(1).toString() == lockUntil;
    return CountedFailure{locked ? limit : count, locked};
}

bool UserRepository::clearLoginFailures(UserId id, const QString &now)
{
    SqlQuery query(m_database, QStringLiteral(
        "UPDATE users SET failed_attempts = 0, locked_until = NULL "
        "WHERE id = :id AND (locked_until IS NULL OR locked_until <= :now)"));
    query.bind(":id", id).bind(":now", now).exec();
    return query.rowsAffected() == 1;
}

domain::DepartmentId DepartmentRepository::insert(const QString &name, std::optional<UserId> head, const QString &now,
                                                  UserId actor)
{
    SqlQuery query(m_database, QStringLiteral(
        "INSERT INTO departments (name, head_user_id, created_at, created_by, updated_at, updated_by) "
        "VALUES (:name, :head, :now, :actor, :now, :actor) RETURNING id"));
    query.bind(":name", name).bind(":head", nullableId(head)).bind(":now", now).bind(":actor", actor);
    return query.insertReturningId();
}

std::optional<Department> DepartmentRepository::findByName(const QString &name) const
{
    SqlQuery query(m_database,
                   QStringLiteral("SELECT id, name, head_user_id, version FROM departments WHERE name = :name"));
    query.bind(":name", name.trimmed()).exec();
    if (!query.next())
        return std::nullopt;
    return readDepartment(query);
}

std::optional<Department> DepartmentRepository::findById(domain::DepartmentId id) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT id, name, head_user_id, version FROM departments WHERE id = :id"));
    query.bind(":id", id).exec();
    if (!query.next())
        return std::nullopt;
    return readDepartment(query);
}

Department DepartmentRepository::requireByName(const QString &name) const
{
    auto department = findByName(name);
    if (!department)
        throw Error::notFound(
            QCoreApplication::translate("UserRepository", "There is no department \"%1\".").arg(name));
    return *department;
}

QList<Department> DepartmentRepository::list() const
{
    SqlQuery query(m_database, QStringLiteral("SELECT id, name, head_user_id, version FROM departments ORDER BY name"));
    query.exec();
    QList<Department> departments;
    while (query.next())
        departments << readDepartment(query);
    return departments;
}

void DepartmentRepository::setHead(domain::DepartmentId id, std::optional<UserId> head, int expectedVersion,
                                   const QString &now, UserId actor)
{
    SqlQuery query(m_database, QStringLiteral(
        "UPDATE departments SET head_user_id = :head, version = version + 1, updated_at = :now, updated_by = :actor "
        "WHERE id = :id AND version = :version"));
    query.bind(":head", nullableId(head)).bind(":now", now).bind(":actor", actor).bind(":id", id)
        .bind(":version", expectedVersion).exec();
    if (query.rowsAffected() != 1)
        throw Error::conflict(QCoreApplication::translate("UserRepository",
                                                          "The department was changed by someone else meanwhile; reload "
                                                          "and try again."));
}

} // namespace bizdesk::storage
