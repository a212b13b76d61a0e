// Issue 16, "sweeps never block anyone": pool_sweep builds 10 × rows customers (1M by default),
// a tenth of them unfollowed for longer than customer.pool_return_days (90), and returns them to
// the pool with CustomerService::returnUnfollowedToPool. Ours is the longest time between two
// batch commits, an upper bound of the longest write transaction another writer could wait for
// (goal ≤ 50 ms at 1M). The reference is the sweep as it was before: one transaction that reads
// every owned customer and updates the due ones, on a copy of the same data, without writing the
// audit entries ours writes.
#include "bench/BenchCustomers.h"
#include "bench/BenchScenario.h"

#include "domain/Clock.h"
#include "services/Session.h"
#include "services/customers/CustomerService.h"
#include "storage/Database.h"
#include "storage/identity/UserRepository.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <sqlite3.h>

namespace bizdesk::bench {
namespace {

/// One customer in ten was last contacted 200–349 days ago; the others within the last 80 days.
std::optional<int> tenthDue(int i)
{
    return i % 10 == 7 ? 200 + i % 150 : i % 80;
}

/// The pre-batch sweep over `path`, in raw sqlite3: milliseconds of its one transaction.
double singleTransactionSweep(const QString &path)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    const QByteArray cutoff = domain::toStorageTimestamp(benchCustomersNow().addDays(-90)).toUtf8();
    const QByteArray now = domain::toStorageTimestamp(benchCustomersNow()).toUtf8();
    const double elapsed = millisecondsOf([&] {
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        sqlite3_stmt *select = nullptr;
        sqlite3_prepare_v2(db,
                           "SELECT id FROM customers WHERE owner_id IS NOT NULL AND COALESCE(last_contact_at, owned_since, "
                           "created_at) < ?1 AND COALESCE(owned_since, created_at) < ?1 ORDER BY id",
                           -1, &select, nullptr);
        sqlite3_bind_text(select, 1, cutoff.constData(), -1, SQLITE_STATIC);
        std::vector<qint64> ids;
        while (sqlite3_step(select) == SQLITE_ROW)
            ids.push_back(sqlite3_column_int64(select, 0));
        sqlite3_finalize(select);
        sqlite3_stmt *update = nullptr;
        sqlite3_prepare_v2(db, "UPDATE customers SET owner_id = NULL, owned_since = NULL, version = version + 1, updated_at = ?1 WHERE id = ?2",
                           -1, &update, nullptr);
        for (const qint64 id : ids) {
            sqlite3_bind_text(update, 1, now.constData(), -1, SQLITE_STATIC);
            sqlite3_bind_int64(update, 2, id);
            sqlite3_step(update);
            sqlite3_reset(update);
        }
        sqlite3_finalize(update);
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    });
    sqlite3_close(db);
    return elapsed;
}

BenchResult poolSweep(const BenchOptions &options)
{
    QTemporaryDir folder;
    const QString path = organisationDatabase(folder.filePath(QStringLiteral("pool.sqlite")));
    insertCustomers(path, options.rows * 10, userId(path, QStringLiteral("sales1")),
                    {userId(path, QStringLiteral("sales2")), userId(path, QStringLiteral("manager1"))}, tenthDue);
    const QString copy = folder.filePath(QStringLiteral("pool-reference.sqlite"));
    {
        sqlite3 *db = nullptr;
        sqlite3_open(path.toUtf8().constData(), &db);
        sqlite3_exec(db, QStringLiteral("VACUUM INTO '%1'").arg(copy).toUtf8().constData(), nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }

    auto database = storage::Database::open(path, storage::Database::CreateMode::MustExist);
    const domain::FixedClock clock(benchCustomersNow());
    services::Session session(*database, clock);
    session.setUser(storage::UserRepository(*database).requireByLogin(QStringLiteral("director")));
    QElapsedTimer sinceCommit;
    double longest = 0;
    sinceCommit.start();
    const services::PoolReturnResult result = services::CustomerService(session).returnUnfollowedToPool([&](int) {
        longest = std::max(longest, static_cast<double>(sinceCommit.nsecsElapsed()) / 1e6);
        sinceCommit.restart();
    });
    if (result.returned != options.rows)
        qFatal("pool_sweep: returned %d customers, expected %d", result.returned, options.rows);
    return {longest, singleTransactionSweep(copy), QStringLiteral("ms"),
            QStringLiteral("the one transaction of the sweep before batching (no audit entries) on a copy; ours is the longest "
                           "of %1 batch transactions returning %2 of %3 customers (goal ≤ 50 ms)")
                .arg(result.batches)
                .arg(result.returned)
                .arg(options.rows * 10)};
}

const BenchRegistration poolSweepRegistration(QStringLiteral("pool_sweep"), poolSweep);

} // namespace
} // namespace bizdesk::bench
