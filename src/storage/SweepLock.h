#pragma once

#include <QString>

#include <optional>

namespace bizdesk::storage {

class Database;

/// Admits one sweeper at a time (the return of unfollowed customers to the pool) across every
/// process sharing the database. A sweep commits in short batches so that it never blocks anyone,
/// which means the lock must outlive its transactions:
/// - PostgreSQL: a session advisory lock, which ends with the connection if the sweeper dies;
/// - SQLite: a lease row in sweep_locks that runs out after leaseSeconds unless renewed, so a
///   killed sweeper keeps the others out for two minutes at most.
/// Lease times are wall-clock UTC, not the business clock: they are about processes, not records.
class SweepLock
{
public:
    static constexpr int leaseSeconds = 120;

    /// The lock on `name`, or nothing when another sweeper holds it. Call outside a transaction.
    static std::optional<SweepLock> tryTake(Database &database, const QString &name);

    SweepLock(SweepLock &&other) noexcept;
    SweepLock(const SweepLock &) = delete;
    SweepLock &operator=(const SweepLock &) = delete;
    SweepLock &operator=(SweepLock &&) = delete;
    /// Gives the lock back (a failure to do so is logged; the lease runs out by itself).
    ~SweepLock();

    /// Extends the lease, inside each batch's write transaction; throws a conflict when the lease
    /// ran out and another sweeper took it (this one must stop). Nothing to do on PostgreSQL.
    void renew();

private:
    SweepLock(Database &database, QString name, QString holder);

    Database *m_database;
    QString m_name;
    QString m_holder; ///< this lease's random id (SQLite only)
};

} // namespace bizdesk::storage
