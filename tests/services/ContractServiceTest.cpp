// Contracts (§5) on both backends: numbering under parallel drafts, the review route with
// delegation-free approvers, My Tasks reminders, and EXPLAIN of the list's window.
#include "domain/Error.h"
#include "services/contracts/ContractExecutionService.h"
#include "services/contracts/ContractService.h"
#include "services/customers/CustomerService.h"
#include "storage/SqlQuery.h"
#include "support/TestDatabase.h"

#include <gtest/gtest.h>

#include <latch>
#include <set>
#include <thread>
#include <vector>

using namespace bizdesk;
using namespace Qt::StringLiterals;
using bizdesk::testing::BackendTest;

namespace {

class ContractServiceTest : public BackendTest
{
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        if (!m_database)
            return;
        services::NewCustomer customer;
        customer.name = u"华东精密制造有限公司"_s;
        customer.customerClass = u"key"_s;
        m_customer = services::CustomerService(as(u"manager1"_s)).add(customer).id;
    }

    domain::ContractForm form(const QString &amount = u"120000"_s) const
    {
        domain::ContractForm form;
        form.customerId = m_customer;
        form.title = u"ERP 实施服务合同"_s;
        form.amount = amount;
        form.ownerLogin = u"sales1"_s;
        form.startDate = QDate(2026, 12, 1);
        form.endDate = QDate(2026, 12, 20);
        return form;
    }

    domain::Contract submitted()
    {
        services::ContractService drafter(as(u"manager1"_s));
        domain::Contract contract = drafter.draft(form());
        for (const domain::ContractClause clause : domain::contractClauses().all())
            drafter.setClause(contract.id, clause, u"条款"_s + domain::contractClauses().name(clause));
        return drafter.submit(contract.id);
    }

    qint64 m_customer = 0;
};

bool hasTask(const QList<services::ContractReminder> &reminders, services::ContractReminder::Kind kind, qint64 contract)
{
    return std::any_of(reminders.begin(), reminders.end(),
                       [&](const services::ContractReminder &r) { return r.kind == kind && r.contractId == contract; });
}

} // namespace

TEST_P(ContractServiceTest, twenty_parallel_drafts_never_share_a_number)
{
    constexpr int sessions = 20;
    const domain::User drafter = organisation().user(u"manager1"_s);
    const domain::ContractForm input = form();
    std::vector<QString> numbers(sessions);
    std::vector<QString> failures(sessions);
    std::latch ready(sessions);
    std::vector<std::thread> threads;
    for (int i = 0; i < sessions; ++i) {
        threads.emplace_back([&, i] {
            std::unique_ptr<storage::Database> connection;
            try {
                connection = storage::Database::open(m_scratch->location(), storage::Database::CreateMode::MustExist);
            } catch (const domain::Error &error) {
                failures[i] = error.message();
            }
            ready.arrive_and_wait();
            if (!connection)
                return;
            services::Session session(*connection, m_clock);
            session.setUser(drafter);
            // SQLite serialises writers and may report busy; a clerk retries, and so does this.
            for (int attempt = 0; attempt < 50 && numbers[i].isEmpty(); ++attempt) {
                try {
                    numbers[i] = services::ContractService(session).draft(input).number;
                    failures[i].clear();
                } catch (const domain::Error &error) {
                    failures[i] = error.message();
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
                }
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    std::set<QString> distinct;
    for (int i = 0; i < sessions; ++i) {
        EXPECT_FALSE(numbers[i].isEmpty()) << failures[i].toStdString();
        distinct.insert(numbers[i]);
    }
    EXPECT_EQ(distinct.size(), static_cast<std::size_t>(sessions));
    for (int n = 1; n <= sessions; ++n)
        EXPECT_TRUE(distinct.contains(domain::ContractNumber::format(2026, n))) << n;
}

TEST_P(ContractServiceTest, route_follows_the_roles_and_tasks_reach_the_right_people)
{
    const domain::Contract contract = submitted();
    EXPECT_EQ(contract.state, domain::ContractState::LegalReview);
    using Kind = services::ContractReminder::Kind;
    EXPECT_TRUE(hasTask(services::ContractService(as(u"legal"_s)).reminders(), Kind::Approval, contract.id));
    EXPECT_FALSE(hasTask(services::ContractService(as(u"finance"_s)).reminders(), Kind::Approval, contract.id));
    EXPECT_ERROR_KIND(services::ContractService(as(u"finance"_s)).approve(contract.id), Denied);

    services::ContractService(as(u"legal"_s)).approve(contract.id, u"条款合规"_s);
    EXPECT_TRUE(hasTask(services::ContractService(as(u"finance"_s)).reminders(), Kind::Approval, contract.id));
    services::ContractService(as(u"finance"_s)).approve(contract.id);
    const domain::Contract approved = services::ContractService(as(u"director"_s)).approve(contract.id);
    EXPECT_EQ(approved.state, domain::ContractState::Approved);

    services::SigningInput signing{QDate(2026, 11, 2), u"director"_s, u"王总"_s, true, std::nullopt};
    services::ContractExecutionService(as(u"manager1"_s)).sign(contract.id, signing);
    EXPECT_TRUE(hasTask(services::ContractService(as(u"finance"_s)).reminders(), Kind::Acknowledge, contract.id));
    EXPECT_TRUE(hasTask(services::ContractService(as(u"manager1"_s)).reminders(), Kind::Acknowledge, contract.id)); // delivery: 商务一部
    services::ContractExecutionService(as(u"finance"_s)).acknowledge(contract.id);
    EXPECT_FALSE(hasTask(services::ContractService(as(u"finance"_s)).reminders(), Kind::Acknowledge, contract.id));

    // Overdue milestones and the renewal notice reach the owner.
    services::ContractExecutionService(as(u"manager1"_s)).addMilestone(contract.id, u"delivery"_s, QDate(2026, 11, 1), {});
    const QList<services::ContractReminder> owner = services::ContractService(as(u"sales1"_s)).reminders();
    EXPECT_TRUE(hasTask(owner, Kind::MilestoneOverdue, contract.id));
    EXPECT_TRUE(hasTask(owner, Kind::Renewal, contract.id)); // ends 2026-12-20, within 60 days
    EXPECT_FALSE(hasTask(services::ContractService(as(u"sales2"_s)).reminders(), Kind::MilestoneOverdue, contract.id));
}

TEST_P(ContractServiceTest, the_list_window_and_reminders_are_index_backed)
{
    if (GetParam() != bizdesk::testing::Backend::Sqlite)
        GTEST_SKIP() << "EXPLAIN QUERY PLAN is SQLite's";
    const auto plan = [&](const QString &sql) {
        storage::SqlQuery query(database(), u"EXPLAIN QUERY PLAN "_s + sql);
        query.exec();
        QString text;
        while (query.next())
            text += query.value(3).toString() + u"\n"_s;
        return text;
    };
    EXPECT_FALSE(plan(u"SELECT id FROM contracts WHERE state = 'effective' ORDER BY id DESC LIMIT 200"_s).contains(u"SCAN contracts"_s));
    EXPECT_FALSE(plan(u"SELECT id FROM contracts WHERE customer_id = 1 ORDER BY id DESC LIMIT 200"_s).contains(u"SCAN contracts"_s));
    EXPECT_FALSE(plan(u"SELECT id FROM contracts WHERE state = 'effective' AND end_date >= '2026-11-01' AND end_date <= "
                      "'2026-12-31' AND owner_id = 3"_s).contains(u"SCAN contracts"_s));
    EXPECT_FALSE(plan(u"SELECT m.id FROM contract_milestones m JOIN contracts k ON k.id = m.contract_id WHERE m.done_on IS NULL "
                      "AND m.due_date < '2026-11-02' AND k.owner_id = 3"_s).contains(u"SCAN m"_s));
    EXPECT_FALSE(plan(u"SELECT p.id FROM contract_copies p WHERE p.acknowledged_at IS NULL AND p.recipient = 'legal'"_s)
                     .contains(u"SCAN p"_s));
}

BIZDESK_INSTANTIATE_BACKENDS(ContractServiceTest);
