// Issue 16, "sweeps never block anyone" (§3.2.2 pool return): the sweep commits in batches of at
// most PoolReturnSweep::batchSize, returns exactly the customers that are due, and only one
// sweeper runs at a time across connections (storage::SweepLock).
#include "domain/Clock.h"
#include "domain/customers/Customer.h"
#include "services/audit/AuditTrail.h"
#include "services/customers/CustomerService.h"
#include "services/customers/PoolReturnSweep.h"
#include "storage/SqlQuery.h"
#include "storage/SweepLock.h"
#include "storage/Transaction.h"
#include "support/TestDatabase.h"

#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <thread>
#include <vector>

using namespace bizdesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int dueOfSales1 = 230;
constexpr int dueOfSales3 = 40;
constexpr int dueInAll = dueOfSales1 + dueOfSales3;

class PoolReturnSweepTest : public bizdesk::testing::BackendTest
{
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        if (!m_database)
            return;
        // customer.pool_return_days is 90 by default.
        const QString longAgo = stamp(-200);
        const QString lately = stamp(-5);
        storage::Transaction transaction(database());
        int number = 0;
        const auto insert = [&](const QString &owner, const QString &lastContact, const QString &ownedSince) {
            const QString name = u"客户%1"_s.arg(++number);
            const QString customerClass = QStringList{u"key"_s, u"general"_s, u"potential"_s}.at(number % 3);
            storage::SqlQuery(database(), u"INSERT INTO customers (name, class, owner_id, name_key, search_text, last_contact_at, "
                                          "owned_since, created_at, updated_at) VALUES (:name, :class, :owner, :key, :text, :contact, "
                                          ":owned, :created, :updated)"_s)
                .bind(":name", name)
                .bind(":class", customerClass)
                .bind(":owner", organisation().id(owner))
                .bind(":key", name)
                .bind(":text", name)
                .bind(":contact", lastContact)
                .bind(":owned", ownedSince)
                .bind(":created", stamp(-400))
                .bind(":updated", stamp(-400))
                .exec();
        };
        for (int i = 0; i < dueOfSales1; ++i)
            insert(u"sales1"_s, longAgo, stamp(-300));
        for (int i = 0; i < dueOfSales3; ++i)
            insert(u"sales3"_s, i % 2 ? longAgo : QString(), stamp(-300)); // never contacted: due since owned
        for (int i = 0; i < 20; ++i)
            insert(u"sales1"_s, longAgo, lately); // given to sales1 five days ago: not due yet
        for (int i = 0; i < 30; ++i)
            insert(u"sales1"_s, lately, stamp(-300)); // contacted lately
        transaction.commit();
    }

    QString stamp(int days) const { return domain::toStorageTimestamp(m_clock.nowUtc().addDays(days)); }

    qint64 scalar(const QString &sql)
    {
        return storage::SqlQuery(database(), sql).scalar().toLongLong();
    }
    qint64 owned() { return scalar(u"SELECT count(*) FROM customers WHERE owner_id IS NOT NULL"_s); }
    qint64 returnAuditEntries() { return scalar(u"SELECT count(*) FROM audit_log WHERE action = 'customer.return_to_pool'"_s); }
};

} // namespace

TEST_P(PoolReturnSweepTest, due_customers_return_in_short_audited_batches_and_a_rerun_finds_nothing)
{
    const qint64 ownedBefore = owned();
    std::vector<int> batchSizes;
    int reported = 0;
    const services::PoolReturnResult result = services::CustomerService(as(u"manager1"_s)).returnUnfollowedToPool([&](int soFar) {
        batchSizes.push_back(soFar - reported);
        reported = soFar;
    });
    EXPECT_FALSE(result.runningElsewhere);
    EXPECT_EQ(result.returned, dueInAll);
    EXPECT_EQ(owned(), ownedBefore - dueInAll) << "the lately given and the lately contacted keep their owner";
    EXPECT_EQ(returnAuditEntries(), dueInAll) << "one audit entry per customer returned";
    EXPECT_EQ(static_cast<int>(batchSizes.size()), result.batches);
    EXPECT_GE(result.batches, dueInAll / services::PoolReturnSweep::batchSize + 1);
    for (const int size : batchSizes)
        EXPECT_LE(size, services::PoolReturnSweep::batchSize);
    EXPECT_TRUE(services::AuditTrail(as(u"director"_s)).verify().ok);

    const services::PoolReturnResult again = services::CustomerService(as(u"manager1"_s)).returnUnfollowedToPool();
    EXPECT_EQ(again.returned, 0);
    EXPECT_EQ(returnAuditEntries(), dueInAll);
}

TEST_P(PoolReturnSweepTest, a_second_sweeper_does_nothing_while_the_first_holds_the_lock)
{
    const qint64 ownedBefore = owned();
    {
        auto other = storage::Database::open(m_scratch->location(), storage::Database::CreateMode::MustExist);
        std::optional<storage::SweepLock> held = storage::SweepLock::tryTake(*other, u"customer.pool_return"_s);
        ASSERT_TRUE(held.has_value());
        EXPECT_FALSE(storage::SweepLock::tryTake(database(), u"customer.pool_return"_s).has_value());
        const services::PoolReturnResult result = services::CustomerService(as(u"manager1"_s)).returnUnfollowedToPool();
        EXPECT_TRUE(result.runningElsewhere);
        EXPECT_EQ(result.returned, 0);
        EXPECT_EQ(owned(), ownedBefore);
    }
    // Given back (and, on PostgreSQL, gone with the other connection): the next sweep runs.
    EXPECT_EQ(services::CustomerService(as(u"manager1"_s)).returnUnfollowedToPool().returned, dueInAll);
}

TEST_P(PoolReturnSweepTest, a_lease_left_by_a_killed_sweeper_runs_out)
{
    if (GetParam() != bizdesk::testing::Backend::Sqlite)
        GTEST_SKIP() << "PostgreSQL's advisory lock ends with the sweeper's connection";
    const QString now = domain::toStorageTimestamp(QDateTime::currentDateTimeUtc());
    const QString inAMinute = domain::toStorageTimestamp(QDateTime::currentDateTimeUtc().addSecs(60));
    storage::SqlQuery(database(), u"INSERT INTO sweep_locks (name, holder, expires_at) VALUES ('customer.pool_return', 'killed', :at)"_s)
        .bind(":at", inAMinute)
        .exec();
    EXPECT_TRUE(services::CustomerService(as(u"manager1"_s)).returnUnfollowedToPool().runningElsewhere) << "a live lease is respected";
    storage::SqlQuery(database(), u"UPDATE sweep_locks SET expires_at = :at"_s).bind(":at", now).exec();
    const services::PoolReturnResult result = services::CustomerService(as(u"manager1"_s)).returnUnfollowedToPool();
    EXPECT_FALSE(result.runningElsewhere);
    EXPECT_EQ(result.returned, dueInAll);
    EXPECT_EQ(scalar(u"SELECT count(*) FROM sweep_locks"_s), 0) << "the lease is given back when the sweep ends";
}

TEST_P(PoolReturnSweepTest, parallel_sweepers_return_each_customer_once)
{
    constexpr int sweepers = 4;
    std::latch ready(sweepers);
    std::atomic<int> returned = 0;
    std::atomic<int> failures = 0;
    const domain::User manager = organisation().user(u"manager1"_s);
    std::vector<std::thread> threads;
    for (int i = 0; i < sweepers; ++i) {
        threads.emplace_back([&] {
            auto connection = storage::Database::open(m_scratch->location(), storage::Database::CreateMode::MustExist);
            services::Session session(*connection, m_clock);
            session.setUser(manager);
            ready.arrive_and_wait();
            try {
                returned += services::CustomerService(session).returnUnfollowedToPool().returned;
            } catch (const domain::Error &error) {
                ++failures;
                ADD_FAILURE() << error.message().toStdString();
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    EXPECT_EQ(failures.load(), 0);
    // However the sweeps interleave, each due customer is returned, and audited, once.
    const services::PoolReturnResult last = services::CustomerService(as(u"manager1"_s)).returnUnfollowedToPool();
    EXPECT_EQ(returned.load() + last.returned, dueInAll);
    EXPECT_EQ(returnAuditEntries(), dueInAll);
}

TEST_P(PoolReturnSweepTest, a_sweep_needs_the_right_to_reassign)
{
    EXPECT_ERROR_KIND(services::CustomerService(as(u"sales1"_s)).returnUnfollowedToPool(), Denied);
    EXPECT_EQ(returnAuditEntries(), 0);
}

BIZDESK_INSTANTIATE_BACKENDS(PoolReturnSweepTest);
