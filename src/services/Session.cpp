#include "services/Session.h"

#include "domain/Error.h"

#include <QCoreApplication>

namespace bizdesk::services {

using domain::Error;

Session::Session(storage::Database &database, const domain::Clock &clock)
    : m_database(database)
    , m_clock(clock)
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
