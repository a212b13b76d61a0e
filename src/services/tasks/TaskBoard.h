#pragma once

#include "domain/calendar/BusinessCalendar.h"
#include "services/tasks/TaskSource.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace bizdesk::services {

/// Which due dates My Tasks shows; "today" and "this week" are business dates of the company's
/// calendar, never UTC dates.
enum class DueFilter { All, Today, ThisWeek, Overdue };

struct TaskFilter
{
    QString kind; ///< TaskItem::kind, empty for every kind
    DueFilter due = DueFilter::All;
};

/// One top-level row of My Tasks: the tasks of one kind (and sub-group) with its count.
struct TaskGroup
{
    QString kind;
    QString group;  ///< the TaskItem::group its tasks share
    QString key;    ///< stable across refreshes: the view remembers a group's expanded state by it
    QString title;  ///< translated, e.g. "逾期未联系 · 重点客户"
    QList<TaskItem> tasks;
    QList<int> positions; ///< of each of `tasks` in the list given to arrange()
    bool decision = false;  ///< an approval or review waiting for the user's decision
    bool collapsed = false; ///< starts collapsed: reminders that come in bulk
};

/// Arranges a user's tasks for My Tasks: filters them, groups them by kind and sub-group and
/// orders the groups — decisions waiting for the user first, whatever their due dates, then
/// claims, follow-ups, overdue contacts and any other kind; groups of one kind in the order of
/// their first task (the longest overdue first). Within a group the order of the
/// tasks is kept (TaskService gives overdue first, then by due date).
class TaskBoard
{
public:
    /// Groups this large start collapsed (decisions never do).
    static constexpr int collapseAbove = 10;

    static QList<TaskGroup> arrange(const QList<TaskItem> &tasks, const TaskFilter &filter,
                                    const domain::BusinessCalendar &calendar, const QDate &today);
    static bool matches(const TaskItem &task, const TaskFilter &filter, const domain::BusinessCalendar &calendar,
                        const QDate &today);
    /// Approvals and finance reviews: someone waits for the user to decide.
    static bool isDecision(const QString &kind);
    /// Translated name of a kind of task ("Approvals waiting for me").
    static QString kindTitle(const QString &kind);
    /// The kinds that occur in `tasks`, in the order their groups are shown.
    static QStringList kindsIn(const QList<TaskItem> &tasks);
};

} // namespace bizdesk::services
