#include "storage/company/CompanyRepository.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"

namespace bizdesk::storage {
namespace {

/// The columns are NOT NULL: an empty field is stored as '' (a null QString would bind NULL).
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

domain::CompanyProfile CompanyRepository::load() const
{
    SqlQuery query(m_database, QStringLiteral("SELECT name, address, phone, time_zone, version FROM company_profile WHERE id = 1"));
    query.exec();
    domain::CompanyProfile profile;
    if (query.next()) {
        profile.name = query.value(0).toString();
        profile.address = query.value(1).toString();
        profile.phone = query.value(2).toString();
        profile.timeZone = query.value(3).toString();
        profile.version = query.value(4).toInt();
    }
    return profile;
}

bool CompanyRepository::save(const domain::CompanyProfile &profile, const QString &now, domain::UserId actor)
{
    SqlQuery(m_database, QStringLiteral("INSERT INTO company_profile (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING")).exec();
    SqlQuery query(m_database, QStringLiteral(
        "UPDATE company_profile SET name = :name, address = :address, phone = :phone, time_zone = :zone, "
        "version = version + 1, updated_at = :now, updated_by = :actor WHERE id = 1 AND version = :version"));
    query.bind(":name", text(profile.name))
        .bind(":address", text(profile.address))
        .bind(":phone", text(profile.phone))
        .bind(":zone", text(profile.timeZone))
        .bind(":now", now)
        .bind(":actor", actor)
        .bind(":version", profile.version)
        .exec();
    return query.rowsAffected() == 1;
}

} // namespace bizdesk::storage
