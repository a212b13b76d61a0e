#pragma once

#include "domain/company/CompanyProfile.h"

#include <optional>

namespace bizdesk::services {

class Session;

/// The company profile: read by everyone who prints, changed by an administrator.
class CompanyService
{
public:
    explicit CompanyService(Session &session) : m_session(session) {}

    domain::CompanyProfile profile() const;
    /// Validates and saves `profile` (admin only, Action::ManageDatabase). `profile.version` is the
    /// version the caller saw; a stale one is a conflict and nothing is written. Audited.
    domain::CompanyProfile update(const domain::CompanyProfile &profile);

private:
    Session &m_session;
};

} // namespace bizdesk::services
