#include "services/contracts/ContractReceivables.h"

#include "domain/contracts/ReceivableAging.h"
#include "services/Session.h"
#include "services/contracts/ContractVisibility.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <algorithm>

namespace bizdesk::services {

ContractReceivables::Scope ContractReceivables::scope()
{
    m_session.require(domain::Action::ReadContracts);
    Scope scope;
    ContractVisibility::restrict(m_session, scope.visibility);
    scope.today = m_session.today();
    return scope;
}

ReceivableLine ContractReceivables::lineOf(const storage::OpenReceivable &installment, const QDate &today)
{
    ReceivableLine line;
    line.installment = installment;
    line.band = domain::ReceivableRules::aging(installment.due, today);
    line.daysOverdue = std::max<qint64>(0, installment.due.daysTo(today));
    line.outstandingCny = domain::ContractCny::of(installment.amount - installment.received, installment.contractAmount,
                                                  installment.contractAmountCny);
    return line;
}

QList<ReceivableLine> ContractReceivables::window(const std::optional<std::pair<QDate, qint64>> &after, int limit)
{
    const Scope visible = scope();
    storage::OpenReceivableFilter filter;
    filter.visibility = visible.visibility;
    filter.after = after;
    filter.limit = std::clamp(limit, 1, 1000);
    storage::Transaction transaction(m_session.database(), storage::Transaction::Mode::Read);
    QList<ReceivableLine> lines;
    storage::OpenReceivableRepository(m_session.database()).forEach(filter, [&](const storage::OpenReceivable &row) {
        lines << lineOf(row, visible.today);
    });
    transaction.commit();
    return lines;
}

std::function<qint64()> ContractReceivables::bandTotalOnOwnConnection(domain::AgingBand band)
{
    const Scope visible = scope();
    const storage::DatabaseLocation location = m_session.database().location();
    return [location, visible, band] {
        auto database = storage::Database::open(location, storage::Database::CreateMode::MustExist);
        return bandTotal(*database, visible, band);
    };
}

qint64 ContractReceivables::bandTotal(storage::Database &database, const Scope &scope, domain::AgingBand band)
{
    const domain::DueRange range = domain::ReceivableAging::dueRange(band, scope.today);
    storage::OpenReceivableFilter filter;
    filter.visibility = scope.visibility;
    filter.dueFrom = range.from;
    filter.dueTo = range.to;
    domain::Money total;
    storage::OpenReceivableRepository(database).forEach(filter, [&](const storage::OpenReceivable &row) {
        total = total + lineOf(row, scope.today).outstandingCny;
    });
    return total.minorUnits();
}

} // namespace bizdesk::services
