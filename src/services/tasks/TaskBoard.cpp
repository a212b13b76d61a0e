#include "services/tasks/TaskBoard.h"

#include <QCoreApplication>

#include <algorithm>

namespace bizdesk::services {
namespace {

/// The kinds in the order My Tasks shows them; unknown kinds follow in the order they arrive.
const QStringList &knownKinds()
{
    static const QStringList kinds{QStringLiteral("approval"), QStringLiteral("finance_review"), QStringLiteral("claim"),
                                   QStringLiteral("follow_up"), QStringLiteral("overdue_contact")};
    return kinds;
}

qsizetype rankOf(const QString &kind)
{
    const qsizetype rank = knownKinds().indexOf(kind);
    return rank < 0 ? knownKinds().size() : rank;
}

} // namespace

bool TaskBoard::isDecision(const QString &kind)
{
    return kind == QLatin1String("approval") || kind == QLatin1String("finance_review");
}

QString TaskBoard::kindTitle(const QString &kind)
{
    if (kind == QLatin1String("approval"))
        return QCoreApplication::translate("Tasks", "Approvals waiting for me");
    if (kind == QLatin1String("finance_review"))
        return QCoreApplication::translate("Tasks", "Claims to review");
    if (kind == QLatin1String("claim"))
        return QCoreApplication::translate("Tasks", "Claims to file");
    if (kind == QLatin1String("follow_up"))
        return QCoreApplication::translate("Tasks", "Follow-ups due");
    if (kind == QLatin1String("overdue_contact"))
        return QCoreApplication::translate("Tasks", "Overdue contacts");
    return QCoreApplication::translate("Tasks", "Other tasks");
}

bool TaskBoard::matches(const TaskItem &task, const TaskFilter &filter, const domain::BusinessCalendar &calendar,
                        const QDate &today)
{
    if (!filter.kind.isEmpty() && task.kind != filter.kind)
        return false;
    switch (filter.due) {
    case DueFilter::All:
        return true;
    case DueFilter::Overdue:
        return task.overdue;
    case DueFilter::Today:
        return task.due.isValid() && calendar.dateOf(task.due) == today;
    case DueFilter::ThisWeek: {
        if (!task.due.isValid())
            return false;
        // The business week runs Monday to Sunday.
        const QDate monday = today.addDays(1 - today.dayOfWeek());
        const QDate date = calendar.dateOf(task.due);
        return date >= monday && date <= monday.addDays(6);
    }
    }
    return true;
}

QList<TaskGroup> TaskBoard::arrange(const QList<TaskItem> &tasks, const TaskFilter &filter,
                                    const domain::BusinessCalendar &calendar, const QDate &today)
{
    QList<TaskGroup> groups;
    for (int position = 0; position < tasks.size(); ++position) {
        const TaskItem &task = tasks.at(position);
        if (!matches(task, filter, calendar, today))
            continue;
        const QString key = task.kind + QLatin1Char('/') + task.group;
        auto group = std::find_if(groups.begin(), groups.end(), [&key](const TaskGroup &g) { return g.key == key; });
        if (group == groups.end()) {
            TaskGroup created;
            created.kind = task.kind;
            created.group = task.group;
            created.key = key;
            const QString kind = kindTitle(task.kind);
            created.title = task.group.isEmpty() ? kind : QStringLiteral("%1 · %2").arg(kind, task.group);
            created.decision = isDecision(task.kind);
            groups << created;
            group = groups.end() - 1;
        }
        group->tasks << task;
        group->positions << position;
    }
    // Stable: groups of one kind keep the order their first tasks came in — TaskService gives
    // overdue first, then by due date, so the group holding the longest-overdue task leads.
    std::stable_sort(groups.begin(), groups.end(),
                     [](const TaskGroup &a, const TaskGroup &b) { return rankOf(a.kind) < rankOf(b.kind); });
    for (TaskGroup &group : groups)
        group.collapsed = !group.decision
                          && (group.kind == QLatin1String("overdue_contact") || group.tasks.size() > collapseAbove);
    return groups;
}

QStringList TaskBoard::kindsIn(const QList<TaskItem> &tasks)
{
    QStringList kinds;
    for (const TaskItem &task : tasks) {
        if (!kinds.contains(task.kind))
            kinds << task.kind;
    }
    std::stable_sort(kinds.begin(), kinds.end(), [](const QString &a, const QString &b) { return rankOf(a) < rankOf(b); });
    return kinds;
}

} // namespace bizdesk::services
