// Issue 8 §2: the duplicate-customer rule under parallel sessions. Every session is a real,
// separate connection (one storage::Database per thread), as two clerks or a clerk and a script.
#include "domain/Error.h"
#include "services/customers/CustomerService.h"
#include "storage/SqlQuery.h"
#include "support/TestDatabase.h"

#include <gtest/gtest.h>

#include <functional>
#include <latch>
#include <thread>
#include <vector>

using namespace bizdesk;
using bizdesk::testing::BackendTest;

namespace {

constexpr int parallelSessions = 20;

struct Outcome
{
    bool added = false;
    std::optional<domain::ErrorKind> refused;
    QString message;
};

class CustomerConcurrencyTest : public BackendTest
{
protected:
    /// Runs `input(i)` as an add in `parallelSessions` threads at once, each on its own connection.
    std::vector<Outcome> addInParallel(const std::function<services::NewCustomer(int)> &input)
    {
        const std::vector<domain::User> clerks{organisation().user(QStringLiteral("sales1")), organisation().user(QStringLiteral("sales2")),
                                               organisation().user(QStringLiteral("manager1")), organisation().user(QStringLiteral("director"))};
        std::vector<services::NewCustomer> inputs;
        for (int i = 0; i < parallelSessions; ++i)
            inputs.push_back(input(i));
        std::vector<Outcome> outcomes(parallelSessions);
        std::latch ready(parallelSessions);
        std::vector<std::thread> threads;
        for (int i = 0; i < parallelSessions; ++i) {
            threads.emplace_back([&, i] {
                std::unique_ptr<storage::Database> connection;
                try {
                    connection = storage::Database::open(m_scratch->location(), storage::Database::CreateMode::MustExist);
                } catch (const domain::Error &error) {
                    outcomes[i].message = QStringLiteral("open failed: ") + error.message();
                }
                ready.arrive_and_wait(); // every session is connected before anyone adds
                if (!connection)
                    return;
                services::Session session(*connection, m_clock);
                session.setUser(clerks.at(static_cast<std::size_t>(i) % clerks.size()));
                try {
                    services::CustomerService(session).add(inputs.at(static_cast<std::size_t>(i)));
                    outcomes[i].added = true;
                } catch (const domain::Error &error) {
                    outcomes[i].refused = error.kind();
                    outcomes[i].message = error.message();
                }
            });
        }
        for (auto &thread : threads)
            thread.join();
        return outcomes;
    }

    qint64 customersNamed(const QString &nameKey)
    {
        return storage::SqlQuery(database(), QStringLiteral("SELECT count(*) FROM customers WHERE name_key = :key"))
            .bind(":key", nameKey)
            .scalar()
            .toLongLong();
    }
};

} // namespace

TEST_P(CustomerConcurrencyTest, twenty_parallel_adds_of_one_name_leave_exactly_one_customer)
{
    // The same company as four clerks type it: the normalised name is what must stay unique.
    const QStringList spellings{QStringLiteral("Acme Trading Ltd"), QStringLiteral("ACME  TRADING LTD"),
                                QStringLiteral("ＡＣＭＥ trading ltd"), QStringLiteral(" acme trading ltd ")};
    const auto outcomes = addInParallel([&](int i) {
        services::NewCustomer input;
        input.name = spellings.at(i % spellings.size());
        input.phone = QStringLiteral("0571-8888%1").arg(1000 + i); // different phones: only the name collides
        return input;
    });
    int added = 0;
    for (const Outcome &outcome : outcomes) {
        if (outcome.added) {
            ++added;
            continue;
        }
        ASSERT_TRUE(outcome.refused.has_value()) << outcome.message.toStdString();
        EXPECT_EQ(*outcome.refused, domain::ErrorKind::Conflict) << outcome.message.toStdString();
        EXPECT_TRUE(outcome.message.contains(QStringLiteral("possible duplicate of customer #"))) << outcome.message.toStdString();
    }
    EXPECT_EQ(added, 1);
    EXPECT_EQ(customersNamed(domain::CustomerRules::duplicateKey(spellings.first())), 1);
    EXPECT_EQ(storage::SqlQuery(database(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'customer.create'")).scalar().toLongLong(), 1);
}

TEST_P(CustomerConcurrencyTest, twenty_parallel_adds_of_different_customers_all_succeed)
{
    // The lock is per name, phone and e-mail: unrelated adds neither wait for nor refuse each other.
    const auto outcomes = addInParallel([](int i) {
        services::NewCustomer input;
        input.name = QStringLiteral("并发客户%1").arg(i);
        input.email = QStringLiteral("buyer%1@example.cn").arg(i);
        return input;
    });
    for (const Outcome &outcome : outcomes)
        EXPECT_TRUE(outcome.added) << outcome.message.toStdString();
    EXPECT_EQ(storage::SqlQuery(database(), QStringLiteral("SELECT count(*) FROM customers")).scalar().toLongLong(), parallelSessions);
}

BIZDESK_INSTANTIATE_BACKENDS(CustomerConcurrencyTest);
