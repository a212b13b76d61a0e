#pragma once

#include "domain/contracts/Contract.h"
#include "domain/contracts/Receivables.h"
#include "storage/contracts/ContractRepository.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace bizdesk::storage {

class Database;
class SqlQuery;

/// One contract of the ledger (合同台账) with what was received and its receivable plan.
struct ContractLedgerEntry
{
    qint64 id = 0;
    QString number;
    QString customerName;
    QString title;
    QString ownerName;
    domain::ContractState state = domain::ContractState::Effective;
    QDate signedOn;
    QDate startDate;
    QDate endDate;
    domain::Money amount;    ///< in the contract's currency
    domain::Money amountCny; ///< at the rate of the drafting day
    domain::Money received;  ///< every payment booked on the contract
    QList<domain::Receivable> plan; ///< installments with what was received against each
};

/// The contracts signed between two business dates, in signing order (index contracts_signed of
/// 0012), visible as `visibility` says (its other filters are ignored).
class ContractLedgerRepository
{
public:
    explicit ContractLedgerRepository(Database &database) : m_database(database) {}

    QList<ContractLedgerEntry> signedBetween(const ContractFilter &visibility, const QDate &from, const QDate &to) const;
    /// The plans of both statements signedBetween() runs (EXPLAIN QUERY PLAN on SQLite, EXPLAIN
    /// on PostgreSQL): tests check they are index-backed.
    QStringList queryPlan(const ContractFilter &visibility, const QDate &from, const QDate &to) const;

private:
    void run(const QString &statement, const ContractFilter &visibility, const QDate &from, const QDate &to,
             const QString &prefix, const std::function<void(SqlQuery &)> &read) const;
    Database &m_database;
};

} // namespace bizdesk::storage
