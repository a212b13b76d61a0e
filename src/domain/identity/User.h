#pragma once

#include "domain/identity/Role.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace bizdesk::domain {

using UserId = qint64;
using DepartmentId = qint64;

/// An employee who uses BizDesk (§2.1): login, name, roles, department and reporting line.
struct User
{
    UserId id = 0;
    QString login;
    QString displayName;
    RoleSet roles;
    std::optional<DepartmentId> departmentId;
    std::optional<UserId> superiorId;
    QString email;
    QString phone;
    bool active = true;
    int failedAttempts = 0;
    QDateTime lockedUntil; ///< invalid when not locked
    int version = 1;

    bool isLockedAt(const QDateTime &nowUtc) const { return lockedUntil.isValid() && lockedUntil > nowUtc; }
};

struct Department
{
    DepartmentId id = 0;
    QString name;
    std::optional<UserId> headId;
    int version = 1;
};

/// Field rules for people, shared by the first-run dialog, the people page and the CLI.
class UserRules
{
public:
    static constexpr int minimumPasswordLength = 8;
    /// Lower-cases and checks the login (letters, digits, . _ -; 2–32 characters).
    static QString normaliseLogin(const QString &login);
    static QString requireDisplayName(const QString &name);
    /// What someone typed as a login, checked before it is looked up or audited: at most 64
    /// characters, no control or direction characters (field "login").
    static void requireLoginText(const QString &login);
    static QString requireDepartmentName(const QString &name);
    /// The length part of the password rule; callers ask services::PasswordQuality::require,
    /// which adds the dictionary, login and sequence checks.
    static void requireStrongPassword(const QString &password);
    /// Optional e-mail: empty, or something@domain.tld.
    static QString normaliseEmail(const QString &field, const QString &email);
    /// Optional phone: digits with + - space ( ) and 5–20 digits.
    static QString normalisePhone(const QString &field, const QString &phone);
};

} // namespace bizdesk::domain
