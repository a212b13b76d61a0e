#include "services/identity/IdentityJson.h"

#include <QJsonArray>

namespace bizdesk::services {

QJsonObject toJson(const domain::User &user)
{
    QJsonObject object{
        {QStringLiteral("id"), static_cast<double>(user.id)},
        {QStringLiteral("login"), user.login},
        {QStringLiteral("name"), user.displayName},
        {QStringLiteral("roles"), QJsonArray::fromStringList(user.roles.names())},
        {QStringLiteral("active"), user.active},
        {QStringLiteral("version"), user.version},
    };
    object.insert(QStringLiteral("department_id"),
                  user.departmentId ? QJsonValue(static_cast<double>(*user.departmentId)) : QJsonValue());
    object.insert(QStringLiteral("superior_id"),
                  user.superiorId ? QJsonValue(static_cast<double>(*user.superiorId)) : QJsonValue());
    if (!user.email.isEmpty())
        object.insert(QStringLiteral("email"), user.email);
    if (!user.phone.isEmpty())
        object.insert(QStringLiteral("phone"), user.phone);
    return object;
}

QJsonObject toJson(const domain::Department &department)
{
    QJsonObject object{
        {QStringLiteral("id"), static_cast<double>(department.id)},
        {QStringLiteral("name"), department.name},
    };
    object.insert(QStringLiteral("head_id"),
                  department.headId ? QJsonValue(static_cast<double>(*department.headId)) : QJsonValue());
    return object;
}

} // namespace bizdesk::services
