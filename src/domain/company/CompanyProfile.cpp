#include "domain/company/CompanyProfile.h"

#include "domain/Error.h"
#include "domain/calendar/BusinessCalendar.h"

#include <QCoreApplication>

namespace bizdesk::domain {
namespace {

QString limited(const QString &field, const QString &value, int maximum)
{
    const QString trimmed = value.trimmed();
    if (trimmed.size() > maximum)
        throw Error::invalid(field, QCoreApplication::translate("CompanyProfile", "%1: at most %2 characters.").arg(field).arg(maximum));
    for (const QChar character : trimmed) {
        if (character.category() == QChar::Other_Control || character.category() == QChar::Other_Format)
            throw Error::invalid(field, QCoreApplication::translate("CompanyProfile", "%1: control characters are not allowed.").arg(field));
    }
    return trimmed;
}

} // namespace

CompanyProfile CompanyRules::validated(CompanyProfile profile)
{
    profile.name = limited(QStringLiteral("name"), profile.name, 200);
    if (profile.name.isEmpty())
        throw Error::invalid(QStringLiteral("name"), QCoreApplication::translate("CompanyProfile", "name: the company name must not be empty."));
    profile.address = limited(QStringLiteral("address"), profile.address, 400);
    profile.phone = limited(QStringLiteral("phone"), profile.phone, 50);
    profile.timeZone = profile.timeZone.trimmed();
    BusinessCalendar::fromZoneId(profile.timeZone, QStringLiteral("time-zone"));
    return profile;
}

} // namespace bizdesk::domain
