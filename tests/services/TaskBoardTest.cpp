#include "domain/calendar/BusinessCalendar.h"
#include "services/customers/CustomerModule.h"
#include "services/tasks/TaskBoard.h"

#include <QTimeZone>

#include <gtest/gtest.h>

using namespace bizdesk;
using services::DueFilter;
using services::TaskBoard;
using services::TaskFilter;
using services::TaskGroup;
using services::TaskItem;

namespace {

TaskItem task(const QString &kind, const QString &title, const QDateTime &due = {}, bool overdue = false,
              const QString &group = {})
{
    TaskItem item;
    item.kind = kind;
    item.record = {services::customerRecord, 1};
    item.title = title;
    item.due = due;
    item.overdue = overdue;
    item.group = group;
    return item;
}

QDateTime utc(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), QTimeZone::utc());
}

QStringList titlesOf(const QList<TaskGroup> &groups)
{
    QStringList titles;
    for (const TaskGroup &group : groups)
        titles << QStringLiteral("%1 (%2)").arg(group.title).arg(group.tasks.size());
    return titles;
}

QStringList taskTitles(const QList<TaskGroup> &groups)
{
    QStringList titles;
    for (const TaskGroup &group : groups) {
        for (const TaskItem &item : group.tasks)
            titles << item.title;
    }
    return titles;
}

class TaskBoardTest : public ::testing::Test
{
protected:
    // Monday 2 November 2026, 17:00 in Shanghai.
    const QDate today{2026, 11, 2};
    const domain::BusinessCalendar shanghai = domain::BusinessCalendar::fromZoneId(QStringLiteral("Asia/Shanghai"));
};

} // namespace

TEST_F(TaskBoardTest, approvals_come_before_every_reminder_whatever_their_due_dates)
{
    // As TaskService hands them over: overdue first, then by due date; the approvals have none.
    const QList<TaskItem> tasks{
        task(QStringLiteral("overdue_contact"), QStringLiteral("联系 甲"), utc(9, 1, 0), true, QStringLiteral("重点客户")),
        task(QStringLiteral("overdue_contact"), QStringLiteral("联系 乙"), utc(9, 2, 0), true, QStringLiteral("普通客户")),
        task(QStringLiteral("overdue_contact"), QStringLiteral("联系 丙"), utc(9, 3, 0), true, QStringLiteral("重点客户")),
        task(QStringLiteral("follow_up"), QStringLiteral("回访 丁"), utc(10, 30, 0), true),
        task(QStringLiteral("follow_up"), QStringLiteral("回访 戊"), utc(11, 5, 0)),
        task(QStringLiteral("finance_review"), QStringLiteral("审核 #7")),
        task(QStringLiteral("approval"), QStringLiteral("审批 #9")),
        task(QStringLiteral("approval"), QStringLiteral("审批 #8")),
    };
    const QList<TaskGroup> groups = TaskBoard::arrange(tasks, {}, shanghai, today);
    ASSERT_EQ(groups.size(), 5);
    EXPECT_EQ(titlesOf(groups), (QStringList{QStringLiteral("Approvals waiting for me (2)"), QStringLiteral("Claims to review (1)"),
                                             QStringLiteral("Follow-ups due (2)"), QStringLiteral("Overdue contacts · 重点客户 (2)"),
                                             QStringLiteral("Overdue contacts · 普通客户 (1)")}));
    EXPECT_EQ(taskTitles(groups).first(3),
              (QStringList{QStringLiteral("审批 #9"), QStringLiteral("审批 #8"), QStringLiteral("审核 #7")}))
        << "the order within a group is kept";
    EXPECT_TRUE(groups.at(0).decision);
    EXPECT_TRUE(groups.at(1).decision);
    EXPECT_FALSE(groups.at(2).decision);
    EXPECT_FALSE(groups.at(0).collapsed);
    EXPECT_FALSE(groups.at(2).collapsed) << "two follow-ups are shown";
    EXPECT_TRUE(groups.at(3).collapsed) << "overdue contacts start collapsed per customer class";
    EXPECT_TRUE(groups.at(4).collapsed);
    EXPECT_NE(groups.at(3).key, groups.at(4).key);
    EXPECT_EQ(groups.at(3).positions, (QList<int>{0, 2})) << "positions point back into the list given";
}

TEST_F(TaskBoardTest, large_reminder_groups_start_collapsed_decisions_never)
{
    QList<TaskItem> tasks;
    for (int i = 0; i <= TaskBoard::collapseAbove; ++i) {
        tasks << task(QStringLiteral("follow_up"), QStringLiteral("回访 %1").arg(i), utc(11, 3, 0));
        tasks << task(QStringLiteral("approval"), QStringLiteral("审批 %1").arg(i));
    }
    const QList<TaskGroup> groups = TaskBoard::arrange(tasks, {}, shanghai, today);
    ASSERT_EQ(groups.size(), 2);
    EXPECT_EQ(groups.at(0).kind, QStringLiteral("approval"));
    EXPECT_FALSE(groups.at(0).collapsed);
    EXPECT_TRUE(groups.at(1).collapsed);
}

TEST_F(TaskBoardTest, due_filters_cut_days_and_weeks_in_the_business_calendar_not_utc)
{
    const QList<TaskItem> tasks{
        // 2 Nov 04:00 in Shanghai, still 1 Nov in UTC: due today.
        task(QStringLiteral("follow_up"), QStringLiteral("today early"), utc(11, 1, 20)),
        // 3 Nov 01:30 in Shanghai, 2 Nov in UTC: not today, but this week.
        task(QStringLiteral("follow_up"), QStringLiteral("tomorrow"), utc(11, 2, 17, 30)),
        // Sunday 8 Nov 23:00 in Shanghai: the last day of this week.
        task(QStringLiteral("claim"), QStringLiteral("sunday"), utc(11, 8, 15)),
        // Monday 9 Nov 01:00 in Shanghai, still Sunday 8 Nov in UTC: next week.
        task(QStringLiteral("follow_up"), QStringLiteral("next monday"), utc(11, 8, 17)),
        task(QStringLiteral("follow_up"), QStringLiteral("late"), utc(10, 28, 2), true),
        task(QStringLiteral("approval"), QStringLiteral("undated")),
    };
    const auto shown = [&](DueFilter due, const QString &kind = {}) {
        TaskFilter filter;
        filter.due = due;
        filter.kind = kind;
        QStringList titles = taskTitles(TaskBoard::arrange(tasks, filter, shanghai, today));
        titles.sort();
        return titles;
    };
    EXPECT_EQ(shown(DueFilter::Today), (QStringList{QStringLiteral("today early")}));
    EXPECT_EQ(shown(DueFilter::ThisWeek),
              (QStringList{QStringLiteral("sunday"), QStringLiteral("today early"), QStringLiteral("tomorrow")}));
    EXPECT_EQ(shown(DueFilter::Overdue), (QStringList{QStringLiteral("late")}));
    EXPECT_EQ(shown(DueFilter::All).size(), tasks.size());
    EXPECT_EQ(shown(DueFilter::ThisWeek, QStringLiteral("follow_up")),
              (QStringList{QStringLiteral("today early"), QStringLiteral("tomorrow")}));
    EXPECT_EQ(shown(DueFilter::All, QStringLiteral("approval")), (QStringList{QStringLiteral("undated")}));

    // The same instants in a zone west of UTC fall on other days.
    const domain::BusinessCalendar losAngeles = domain::BusinessCalendar::fromZoneId(QStringLiteral("America/Los_Angeles"));
    TaskFilter todayOnly;
    todayOnly.due = DueFilter::Today;
    EXPECT_EQ(taskTitles(TaskBoard::arrange(tasks, todayOnly, losAngeles, QDate(2026, 11, 2))),
              (QStringList{QStringLiteral("tomorrow")}));
}

TEST_F(TaskBoardTest, the_kind_filter_lists_the_kinds_present_in_display_order)
{
    const QList<TaskItem> tasks{task(QStringLiteral("overdue_contact"), QStringLiteral("a"), {}, true),
                                task(QStringLiteral("custom"), QStringLiteral("b")),
                                task(QStringLiteral("follow_up"), QStringLiteral("c")),
                                task(QStringLiteral("approval"), QStringLiteral("d"))};
    EXPECT_EQ(TaskBoard::kindsIn(tasks), (QStringList{QStringLiteral("approval"), QStringLiteral("follow_up"),
                                                      QStringLiteral("overdue_contact"), QStringLiteral("custom")}));
    EXPECT_EQ(TaskBoard::kindTitle(QStringLiteral("custom")), QStringLiteral("Other tasks"));
}
