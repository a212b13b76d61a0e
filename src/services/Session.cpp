#include "services/Session.h"

#include "domain/Error.h"
#include "services/audit/ChangeFeed.h"
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/company/CompanyRepository.h"
#include "support/Logging.h"

#include <QCoreApplication>

namespace bizdesk::services {

using domain::Error;

Session::Session(storage::Database &database, const domain::Clock &clock)
    : m_database(database)
    , m_clock(clock)
    , m_changes(std::make_shared<ChangeFeed>())
{
}

QString Session::timestamp() const
{
    return domain::toStorageTimestamp(now());
}

const domain::User &Session::user() const
{
    if (!m_user)
        throw Error::denied(QCoreApplication::translate("Session", "Please log in first (--as LOGIN)."));
    return *m_user;
}

const domain::BusinessCalendar &Session::calendar() const
{
    if (!m_calendar) {
        m_calendar = domain::BusinessCalendar();
        if (m_database.schemaVersion() >= storage::Migrator::companyProfileVersion) {
            const QString zone = storage::CompanyRepository(m_database).load().timeZone;
            try {
                m_calendar = domain::BusinessCalendar::fromZoneId(zone);
            } catch (const Error &) {
                // A zone this machine's time-zone database does not know: the system's zone
                // keeps the program usable; the profile screen shows the stored id to fix.
                BIZDESK_LOG_WARN("Unknown company time zone {}; using the system's", zone.toStdString());
            }
        }
    }
    return *m_calendar;
}

bool Session::may(domain::Action action) const
{
    return m_user && m_user->active && domain::PermissionTable::allows(m_user->roles, action);
}

void Session::require(domain::Action action) const
{
    const domain::User &acting = user();
    if (!may(action))
        throw Error::denied(QCoreApplication::translate("Session", "%1 (%2) may not %3.")
                                .arg(acting.displayName, acting.roles.displayNames(),
                                     domain::actionName(action).replace(QLatin1Char('_'), QLatin1Char(' '))));
}

} // namespace bizdesk::services
