#include "services/tasks/TaskSource.h"

#include "services/Session.h"

#include <algorithm>
#include <vector>

namespace bizdesk::services {
namespace {

std::vector<std::shared_ptr<TaskSource>> &sources()
{
    static std::vector<std::shared_ptr<TaskSource>> list;
    return list;
}

} // namespace

void TaskService::addSource(std::shared_ptr<TaskSource> source)
{
    sources().push_back(std::move(source));
}

void TaskService::removeSource(const TaskSource *source)
{
    auto &list = sources();
    list.erase(std::remove_if(list.begin(), list.end(), [source](const auto &item) { return item.get() == source; }),
               list.end());
}

QList<TaskItem> TaskService::tasksFor(Session &session)
{
    QList<TaskItem> tasks;
    if (!session.isLoggedIn())
        return tasks;
    for (const auto &source : sources())
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

} // namespace bizdesk::services
