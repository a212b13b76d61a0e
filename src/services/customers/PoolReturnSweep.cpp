#include "services/customers/PoolReturnSweep.h"

#include "domain/Clock.h"
#include "domain/customers/Customer.h"
#include "domain/identity/Permission.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "services/policy/PolicyService.h"
#include "storage/SweepLock.h"
#include "storage/Transaction.h"
#include "storage/customers/CustomerRepository.h"
#include "storage/identity/UserRepository.h"

#include <QJsonObject>

namespace bizdesk::services {

using storage::Transaction;

PoolReturnSweep::PoolReturnSweep(Session &session)
    : m_session(session)
{
}

PoolReturnResult PoolReturnSweep::run(const std::function<void(int)> &afterBatch)
{
    m_session.require(domain::Action::ReassignCustomer);
    storage::Database &database = m_session.database();
    PoolReturnResult result;
    std::optional<storage::SweepLock> lock = storage::SweepLock::tryTake(database, QStringLiteral("customer.pool_return"));
    if (!lock) {
        result.runningElsewhere = true;
        return result;
    }
    qint64 days = 0;
    QList<domain::UserId> owners;
    {
        Transaction read(database, Transaction::Mode::Read);
        days = PolicyService(m_session).integer(domain::policy::poolReturnDays);
        for (const domain::User &user : storage::UserRepository(database).list())
            owners << user.id;
        read.commit();
    }
    const QString cutoff = domain::toStorageTimestamp(m_session.now().addDays(-days));
    storage::CustomerRepository customers(database);
    for (const domain::UserId owner : owners) {
        for (const domain::CustomerClass customerClass : domain::CustomerRules::classes()) {
            storage::CustomerRepository::PoolSweepPosition position;
            for (;;) {
                Transaction batch(database, Transaction::Mode::Write);
                lock->renew();
                const auto candidates = customers.poolReturnCandidates(owner, customerClass, cutoff, position, batchSize);
                int returned = 0;
                for (const auto &[id, reached] : candidates) {
                    // Owned since the cutoff (reassigned lately) is not due, whatever the last contact.
                    if (customers.returnToPool(id, owner, cutoff, m_session.timestamp())) {
                        AuditTrail(m_session).record(QStringLiteral("customer.return_to_pool"), QStringLiteral("customer"), id, {},
                                                     QJsonObject{{QStringLiteral("pool_return_days"), days}});
                        ++returned;
                    }
                    position = reached;
                }
                batch.commit();
                if (candidates.isEmpty())
                    break;
                result.returned += returned;
                ++result.batches;
                if (afterBatch)
                    afterBatch(result.returned);
                if (candidates.size() < batchSize)
                    break;
            }
        }
    }
    return result;
}

} // namespace bizdesk::services
