#pragma once

#include "domain/calendar/BusinessCalendar.h"
#include "domain/identity/User.h"
#include "services/modules/RecordRef.h"
#include "storage/DatabaseLocation.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace bizdesk::services {

class Session;

/// One thing waiting for the user in My Tasks.
struct TaskItem
{
    QString kind;     ///< "approval", "follow_up", "overdue_contact", ...
    RecordRef record; ///< what opening the task shows; the module whose page opens its kind shows it
    QString title;      ///< translated, e.g. "Approve entertainment request #12"
    QString detail;     ///< translated, e.g. "王小明 · ¥3,000.00 · 2026-12-01"
    QDateTime due;      ///< UTC; invalid when there is no due date
    bool overdue = false;
    /// Translated sub-group within the kind in My Tasks (e.g. the customer class of an overdue
    /// contact, "重点客户"); empty when the kind is not split further.
    QString group;
};

/// Each module tells My Tasks what waits for the session's user through one of these.
class TaskSource
{
public:
    virtual ~TaskSource() = default;
    virtual QList<TaskItem> tasksFor(Session &session) const = 0;
};

/// Collects tasks from every registered source (each module's descriptor lists its sources).
/// Sources may be asked from any thread, each time on that thread's own connection: a source
/// keeps no state and reads only through the session it is given.
class TaskService
{
public:
    static void addSource(std::shared_ptr<TaskSource> source);
    /// Removes a source added before (tests register their own and remove them afterwards). A
    /// request already running keeps the sources it started with.
    static void removeSource(const TaskSource *source);
    /// Everything waiting for the session's user, overdue first, then by due date (TaskBoard
    /// arranges them for My Tasks).
    static QList<TaskItem> tasksFor(Session &session);
    /// tasksFor() as work for a background worker (My Tasks): it opens its own connection where
    /// it runs and asks the sources for the session's user as of now, with the calendar the
    /// session already read (no company profile lookup on the worker; see onOwnConnection).
    static std::function<QList<TaskItem>()> tasksOnOwnConnection(const Session &session);
};

} // namespace bizdesk::services
