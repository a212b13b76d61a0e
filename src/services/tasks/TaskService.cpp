#include "services/tasks/TaskSource.h"

#include "domain/Clock.h"
#include "services/Session.h"
#include "storage/Database.h"

#include <algorithm>
#include <mutex>
#include <vector>

namespace bizdesk::services {
namespace {

using SourceList = std::vector<std::shared_ptr<TaskSource>>;

/// The registered sources and the lock that guards them: My Tasks asks them on its worker
/// thread while tests add and remove theirs on the GUI thread.
struct Sources
{
    std::mutex lock;
    SourceList list;
};

Sources &sources()
{
    static Sources registered;
    return registered;
}

SourceList snapshot()
{
    Sources &registered = sources();
    const std::lock_guard guard(registered.lock);
    return registered.list;
}

} // namespace

void TaskService::addSource(std::shared_ptr<TaskSource> source)
{
    Sources &registered = sources();
    const std::lock_guard guard(registered.lock);
    registered.list.push_back(std::move(source));
}

void TaskService::removeSource(const TaskSource *source)
{
    Sources &registered = sources();
    const std::lock_guard guard(registered.lock);
    auto &list = registered.list;
    list.erase(std::remove_if(list.begin(), list.end(), [source](const auto &item) { return item.get() == source; }),
               list.end());
}

QList<TaskItem> TaskService::tasksFor(Session &session)
{
    QList<TaskItem> tasks;
    if (!session.isLoggedIn())
        return tasks;
    // A copy: a source removed meanwhile stays alive until this request is done with it.
    for (const auto &source : snapshot())
        tasks << source->tasksFor(session);
    std::stable_sort(tasks.begin(), tasks.end(), [](const TaskItem &a, const TaskItem &b) {
        if (a.overdue != b.overdue)
            return a.overdue;
        if (a.due.isValid() != b.due.isValid())
            return a.due.isValid();
        return a.due < b.due;
    });
    return tasks;
}

std::function<QList<TaskItem>()> TaskService::tasksOnOwnConnection(storage::DatabaseLocation location, domain::User user,
                                                                   QDateTime now, domain::BusinessCalendar calendar)
{
    return [location = std::move(location), user = std::move(user), now = std::move(now), calendar = std::move(calendar)] {
        // A connection belongs to the thread that opened it: this one is opened where the work runs.
        auto database = storage::Database::open(location, storage::Database::CreateMode::MustExist);
        // "Now" as of the request: every source sees the same instant, and the caller's clock is
        // never read from another thread.
        const domain::FixedClock clock(now);
        Session session(*database, clock);
        session.setUser(user);
        session.setCalendar(calendar);
        return tasksFor(session);
    };
}

std::function<QList<TaskItem>()> TaskService::tasksOnOwnConnection(const Session &session)
{
    return tasksOnOwnConnection(session.database().location(), session.user(), session.now(), session.calendar());
}

} // namespace bizdesk::services
