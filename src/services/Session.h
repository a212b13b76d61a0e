#pragma once

#include "domain/Clock.h"
#include "domain/calendar/BusinessCalendar.h"
#include "domain/identity/Permission.h"
#include "domain/identity/User.h"

#include <memory>
#include <optional>

namespace bizdesk::storage {
class Database;
}

namespace bizdesk::services {

class ChangeFeed;

/// The context of every use case: the database, the clock and who is acting. The GUI holds one
/// for the logged-in user; the CLI builds one per command from --as.
class Session
{
public:
    Session(storage::Database &database, const domain::Clock &clock);

    storage::Database &database() const { return m_database; }
    const domain::Clock &clock() const { return m_clock; }
    QDateTime now() const { return m_clock.nowUtc(); }
    /// now() in the stored text form.
    QString timestamp() const;

    bool isLoggedIn() const { return m_user.has_value(); }
    /// The acting user; throws denied when nobody is logged in.
    const domain::User &user() const;
    domain::UserId userId() const { return user().id; }
    void setUser(std::optional<domain::User> user) { m_user = std::move(user); }

    /// The company's business calendar (its time zone from the company profile, else the
    /// system's), read once per session: months, due dates and "today" are cut with it.
    const domain::BusinessCalendar &calendar() const;
    void setCalendar(domain::BusinessCalendar calendar) { m_calendar = std::move(calendar); }
    /// The business date of now().
    QDate today() const { return calendar().dateOf(now()); }

    /// Announces every change saved through this session, once its transaction has committed
    /// (copies of the session share it).
    ChangeFeed &changes() const { return *m_changes; }
    const std::shared_ptr<ChangeFeed> &changeFeed() const { return m_changes; }

    bool may(domain::Action action) const;
    /// Throws Error::denied naming the action when the acting user's roles do not allow it.
    void require(domain::Action action) const;

private:
    storage::Database &m_database;
    const domain::Clock &m_clock;
    std::optional<domain::User> m_user;
    mutable std::optional<domain::BusinessCalendar> m_calendar;
    std::shared_ptr<ChangeFeed> m_changes;
};

} // namespace bizdesk::services
