#include "services/tasks/TaskSource.h"

#include "services/OwnConnection.h"
#include "services/Session.h"

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

std::function<QList<TaskItem>()> TaskService::tasksOnOwnConnection(const Session &session)
{
    return onOwnConnection<QList<TaskItem>>(session, [](Session &own) { return tasksFor(own); });
}

} // namespace bizdesk::services
