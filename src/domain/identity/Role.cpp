#include "domain/identity/Role.h"

#include "domain/Error.h"

#include <QCoreApplication>
#include <QLocale>

namespace bizdesk::domain {

const QList<Role> &allRoles()
{
    static const QList<Role> roles{Role::Director, Role::Manager, Role::Specialist, Role::Finance,
                                   Role::Legal,    Role::Executive, Role::Admin};
    return roles;
}

QString roleName(Role role)
{
    switch (role) {
    case Role::Director: return QStringLiteral("director");
    case Role::Manager: return QStringLiteral("manager");
    case Role::Specialist: return QStringLiteral("specialist");
    case Role::Finance: return QStringLiteral("finance");
    case Role::Legal: return QStringLiteral("legal");
    case Role::Executive: return QStringLiteral("executive");
    case Role::Admin: return QStringLiteral("admin");
    }
    return {};
}

std::optional<Role> roleFromName(const QString &name)
{
    for (Role role : allRoles()) {
        if (roleName(role) == name.trimmed().toLower())
            return role;
    }
    return std::nullopt;
}

QString roleDisplayName(Role role)
{
    switch (role) {
    case Role::Director: return QCoreApplication::translate("Role", "Business Director");
    case Role::Manager: return QCoreApplication::translate("Role", "Business Manager");
    case Role::Specialist: return QCoreApplication::translate("Role", "Business Specialist");
    case Role::Finance: return QCoreApplication::translate("Role", "Finance");
    case Role::Legal: return QCoreApplication::translate("Role", "Legal");
    case Role::Executive: return QCoreApplication::translate("Role", "Executive");
    case Role::Admin: return QCoreApplication::translate("Role", "System Administrator");
    }
    return {};
}

RoleSet::RoleSet(std::initializer_list<Role> roles)
{
    for (Role role : roles)
        add(role);
}

RoleSet RoleSet::parse(const QString &commaSeparated)
{
    RoleSet set;
    for (const QString &part : commaSeparated.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto role = roleFromName(part);
        if (!role) {
            QStringList known;
            for (Role each : allRoles())
                known << roleName(each);
            throw Error::invalid(QStringLiteral("role"),
                                 QCoreApplication::translate("Role", "role: \"%1\" is not a role; use one of %2.")
                                     .arg(part.trimmed(), known.join(QStringLiteral(", "))));
        }
        set.add(*role);
    }
    if (set.isEmpty())
        throw Error::invalid(QStringLiteral("role"), QCoreApplication::translate("Role", "role: at least one role is required."));
    return set;
}

QList<Role> RoleSet::roles() const
{
    QList<Role> result;
    for (Role role : allRoles()) {
        if (has(role))
            result << role;
    }
    return result;
}

QStringList RoleSet::names() const
{
    QStringList result;
    for (Role role : roles())
        result << roleName(role);
    return result;
}

QString RoleSet::toString() const
{
    return names().join(QLatin1Char(','));
}

QString RoleSet::displayNames() const
{
    QStringList result;
    for (Role role : roles())
        result << roleDisplayName(role);
    // "商务总监、系统管理员" in Chinese, "Director and Admin" in English.
    return QLocale().createSeparatedList(result);
}

} // namespace bizdesk::domain
