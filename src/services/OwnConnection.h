#pragma once

#include "domain/Clock.h"
#include "services/Session.h"
#include "storage/Database.h"

#include <functional>

namespace bizdesk::services {

/// Work prepared on the GUI thread to run on a worker thread (ui::BackgroundCounter): it opens a
/// connection of its own where it runs — a connection belongs to the thread that opened it — and
/// acts as `session`'s user at the instant of the request, with the session's calendar. Nothing of
/// the caller's session is touched from the other thread.
template<typename Result>
std::function<Result()> onOwnConnection(const Session &session, std::function<Result(Session &)> work)
{
    return [location = session.database().location(), user = session.user(), now = session.now(),
            calendar = session.calendar(), work = std::move(work)] {
        auto database = storage::Database::open(location, storage::Database::CreateMode::MustExist);
        const domain::FixedClock clock(now);
        Session own(*database, clock);
        own.setUser(user);
        own.setCalendar(calendar);
        return work(own);
    };
}

} // namespace bizdesk::services
