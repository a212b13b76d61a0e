#pragma once

#include "domain/contracts/Receivables.h"
#include "storage/contracts/OpenReceivableRepository.h"

#include <QDate>
#include <QList>

#include <functional>
#include <optional>

namespace bizdesk::storage {
class Database;
}

namespace bizdesk::services {

class Session;

/// One line of the receivables view: an installment not yet fully received, its aging band and
/// what is still outstanding, in CNY.
struct ReceivableLine
{
    storage::OpenReceivable installment;
    domain::AgingBand band = domain::AgingBand::Current;
    qint64 daysOverdue = 0;          ///< 0 while not yet due
    domain::Money outstandingCny;    ///< amount − received, at the contract's rate
};

/// What is due and overdue across the contracts the user may see (§5.4 receivables view), with
/// aging 0–30 / 31–90 / >90 days. The list comes in windows in due order (index-backed); each
/// band's total is a separate sum that the GUI runs off its thread.
class ContractReceivables
{
public:
    static constexpr int windowSize = 200;

    explicit ContractReceivables(Session &session) : m_session(session) {}

    /// The next window after `after` (due date, installment id), `limit` lines at most.
    QList<ReceivableLine> window(const std::optional<std::pair<QDate, qint64>> &after = std::nullopt, int limit = windowSize);
    /// What bandTotal() needs to answer for the session's user on another connection.
    struct Scope
    {
        storage::ContractFilter visibility;
        QDate today;
    };
    Scope scope();
    /// The outstanding CNY minor units of every open installment in `band`; reads `database`
    /// only, so it can run on a worker thread's own connection.
    static qint64 bandTotal(storage::Database &database, const Scope &scope, domain::AgingBand band);
    /// bandTotal for the session's user as a job for a worker thread: it opens its own connection
    /// where it runs (a connection belongs to one thread).
    std::function<qint64()> bandTotalOnOwnConnection(domain::AgingBand band);
    static ReceivableLine lineOf(const storage::OpenReceivable &installment, const QDate &today);

private:
    Session &m_session;
};

} // namespace bizdesk::services
