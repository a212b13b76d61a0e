#pragma once

#include "domain/company/CompanyProfile.h"
#include "domain/identity/User.h"

namespace bizdesk::storage {

class Database;

/// The one row of company_profile.
class CompanyRepository
{
public:
    explicit CompanyRepository(Database &database) : m_database(database) {}

    domain::CompanyProfile load() const;
    /// Saves when `profile.version` is still the stored one; returns false (nothing written) when
    /// somebody else saved in between.
    bool save(const domain::CompanyProfile &profile, const QString &now, domain::UserId actor);

private:
    Database &m_database;
};

} // namespace bizdesk::storage
