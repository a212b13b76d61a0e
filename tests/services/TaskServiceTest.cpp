#include "services/customers/CustomerModule.h"
#include "services/ModuleCatalog.h"
#include "services/customers/CustomerService.h"
#include "services/tasks/TaskBoard.h"
#include "services/tasks/TaskSource.h"
#include "domain/customers/Customer.h"
#include "support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace bizdesk;

namespace {

class FixedTasks : public services::TaskSource
{
public:
    explicit FixedTasks(QList<services::TaskItem> items) : m_items(std::move(items)) {}
    QList<services::TaskItem> tasksFor(services::Session &session) const override
    {
        QList<services::TaskItem> mine;
        for (const auto &item : m_items) {
            if (item.detail == session.user().login)
                mine << item;
        }
        return mine;
    }

private:
    QList<services::TaskItem> m_items;
};

services::TaskItem task(const QString &title, const QString &forLogin, const QDateTime &due, bool overdue)
{
    services::TaskItem item;
    item.kind = QStringLiteral("follow_up");
    item.record = {services::customerRecord, 1};
    item.title = title;
    item.detail = forLogin;
    item.due = due;
    item.overdue = overdue;
    return item;
}

class TaskServiceTest : public bizdesk::testing::BackendTest
{
};

} // namespace

TEST_P(TaskServiceTest, collects_the_users_tasks_overdue_first_then_by_due_date)
{
    const QDateTime now = m_clock.nowUtc();
    auto source = std::make_unique<FixedTasks>(QList<services::TaskItem>{
        task(QStringLiteral("later"), QStringLiteral("sales1"), now.addDays(3), false),
        task(QStringLiteral("undated"), QStringLiteral("sales1"), {}, false),
        task(QStringLiteral("overdue"), QStringLiteral("sales1"), now.addDays(-2), true),
        task(QStringLiteral("soon"), QStringLiteral("sales1"), now.addDays(1), false),
        task(QStringLiteral("someone else's"), QStringLiteral("sales2"), now, false),
    });
    const services::TaskSource *raw = source.get();
    services::TaskService::addSource(std::move(source));
    const auto tasks = services::TaskService::tasksFor(as(QStringLiteral("sales1")));
    services::TaskService::removeSource(raw);

    QStringList titles;
    for (const auto &item : tasks)
        titles << item.title;
    EXPECT_EQ(titles, (QStringList{QStringLiteral("overdue"), QStringLiteral("soon"), QStringLiteral("later"),
                                   QStringLiteral("undated")}));
    EXPECT_TRUE(services::TaskService::tasksFor(as(QStringLiteral("sales1"))).isEmpty()) << "source was removed";
}

TEST_P(TaskServiceTest, nobody_logged_in_has_no_tasks)
{
    services::Session anonymous(database(), m_clock);
    EXPECT_TRUE(services::TaskService::tasksFor(anonymous).isEmpty());
}

TEST_P(TaskServiceTest, overdue_contacts_carry_their_customer_class_for_grouping)
{
    services::CustomerService service(as(QStringLiteral("manager1")));
    for (const char *customerClass : {"key", "general"}) {
        services::NewCustomer input;
        input.name = QStringLiteral("%1 客户有限公司").arg(QLatin1String(customerClass));
        input.customerClass = QLatin1String(customerClass);
        service.add(input);
    }
    m_clock.advanceSeconds(400LL * 24 * 3600); // long past every contact interval
    QList<services::TaskItem> tasks;
    for (const auto &source : services::ModuleCatalog::module(services::ModuleId::Customers).taskSources)
        tasks << source->tasksFor(as(QStringLiteral("manager1")));
    QStringList groups;
    for (const auto &item : std::as_const(tasks)) {
        if (item.kind == QLatin1String("overdue_contact"))
            groups << item.group;
    }
    groups.sort();
    EXPECT_EQ(groups, (QStringList{domain::CustomerRules::label(domain::CustomerClass::General),
                                   domain::CustomerRules::label(domain::CustomerClass::Key)}));
    const auto arranged = services::TaskBoard::arrange(tasks, {}, as(QStringLiteral("manager1")).calendar(),
                                                       as(QStringLiteral("manager1")).today());
    EXPECT_EQ(arranged.size(), 2) << "one collapsed group per customer class";
}

INSTANTIATE_TEST_SUITE_P(Sqlite, TaskServiceTest, ::testing::Values(bizdesk::testing::Backend::Sqlite),
                         bizdesk::testing::backendLabel);
