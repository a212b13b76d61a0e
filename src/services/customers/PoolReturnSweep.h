#pragma once

#include <functional>

namespace bizdesk::services {

class Session;

struct PoolReturnResult
{
    int returned = 0;
    int batches = 0; ///< write transactions committed
    bool runningElsewhere = false; ///< another sweeper holds the lock; this run did nothing
};

/// §3.2.2: customers their owner has not followed for customer.pool_return_days go back to the
/// shared pool. The sweep walks each owner's customers of each class in the order their contact
/// fell due (customers_owner_contact_due, the index My Tasks reads), so it touches only what is
/// due, and commits every batchSize customers, with their audit entries, in a transaction of its
/// own: a GUI or another bizdeskctl waits at most one short batch, never the whole sweep. This is
/// the documented exception to one transaction per use case: the sweep is idempotent (a rerun
/// picks up where a killed one stopped) and one sweeper runs at a time (storage::SweepLock).
class PoolReturnSweep
{
public:
    static constexpr int batchSize = 100;

    explicit PoolReturnSweep(Session &session);

    /// Needs ReassignCustomer. `afterBatch` (may be empty) is called after each commit with the
    /// number returned so far, for progress.
    PoolReturnResult run(const std::function<void(int returnedSoFar)> &afterBatch = {});

private:
    Session &m_session;
};

} // namespace bizdesk::services
