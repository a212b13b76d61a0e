#pragma once

#include <QString>

namespace bizdesk::domain {

/// The company as printed documents name it, and the time zone of its business calendar.
struct CompanyProfile
{
    QString name;
    QString address;
    QString phone;
    QString timeZone; ///< IANA id ("Asia/Shanghai"); empty: the system's zone
    int version = 0;
};

class CompanyRules
{
public:
    /// Trims the fields and throws Error::invalid naming the first bad one.
    static CompanyProfile validated(CompanyProfile profile);
};

} // namespace bizdesk::domain
