#include "storage/contracts/ContractLedgerRepository.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/contracts/ContractVisibilitySql.h"

#include <QHash>

namespace bizdesk::storage {
namespace {

using domain::Money;

QDate dateOf(const QVariant &value)
{
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

/// The contracts signed between :from and :to that the filter lets the user see.
QString signedWhere(const ContractFilter &visibility)
{
    QString where = QStringLiteral("k.signed_on >= :from AND k.signed_on <= :to");
    const QString visible = ContractVisibilitySql::condition(visibility);
    if (!visible.isEmpty())
        where += QStringLiteral(" AND ") + visible;
    return where;
}

/// The ledger's contracts with what was received on each.
const QString entriesStatement = QStringLiteral(
    "SELECT k.id, k.number, c.name, k.title, u.display_name, k.state, k.signed_on, k.start_date, k.end_date, "
    "k.amount_minor, k.currency, k.amount_cny_minor, (SELECT COALESCE(SUM(p.amount_minor), 0) FROM contract_payments p "
    "WHERE p.contract_id = k.id) FROM contracts k JOIN customers c ON c.id = k.customer_id JOIN users u ON "
    "u.id = k.owner_id WHERE %1 ORDER BY k.signed_on, k.id");
/// Their installments with what was received against each; CROSS JOIN keeps SQLite starting
/// from the contracts' signing-date index.
const QString plansStatement = QStringLiteral(
    "SELECT r.contract_id, r.id, r.due_date, r.amount_minor, (SELECT COALESCE(SUM(p.amount_minor), 0) FROM "
    "contract_payments p WHERE p.receivable_id = r.id) FROM contracts k CROSS JOIN contract_receivables r WHERE "
    "r.contract_id = k.id AND %1 ORDER BY k.signed_on, k.id, r.due_date, r.id");

QStringList planOf(Database &database, SqlQuery &query)
{
    const bool sqlite = database.backend() == Backend::Sqlite;
    QStringList plan;
    while (query.next())
        plan << query.value(sqlite ? 3 : 0).toString();
    return plan;
}

} // namespace

void ContractLedgerRepository::run(const QString &statement, const ContractFilter &visibility, const QDate &from, const QDate &to,
                                   const QString &prefix, const std::function<void(SqlQuery &)> &read) const
{
    SqlQuery query(m_database, prefix + statement.arg(signedWhere(visibility)));
    query.bind(":from", from.toString(Qt::ISODate)).bind(":to", to.toString(Qt::ISODate));
    ContractVisibilitySql::bind(query, visibility);
    query.exec();
    read(query);
}

QList<ContractLedgerEntry> ContractLedgerRepository::signedBetween(const ContractFilter &visibility, const QDate &from,
                                                                   const QDate &to) const
{
    QList<ContractLedgerEntry> entries;
    QHash<qint64, qsizetype> index;
    run(entriesStatement, visibility, from, to, {}, [&](SqlQuery &query) {
        while (query.next()) {
            ContractLedgerEntry entry;
            entry.id = query.value(0).toLongLong();
            entry.number = query.value(1).toString();
            entry.customerName = query.value(2).toString();
            entry.title = query.value(3).toString();
            entry.ownerName = query.value(4).toString();
            entry.state = domain::contractStates().fromName(query.value(5).toString()).value_or(domain::ContractState::Effective);
            entry.signedOn = dateOf(query.value(6));
            entry.startDate = dateOf(query.value(7));
            entry.endDate = dateOf(query.value(8));
            const QString currency = query.value(10).toString();
            entry.amount = Money::fromMinor(query.value(9).toLongLong(), currency);
            entry.amountCny = Money::fromMinor(query.value(11).toLongLong());
            entry.received = Money::fromMinor(query.value(12).toLongLong(), currency);
            index.insert(entry.id, entries.size());
            entries << entry;
        }
    });
    run(plansStatement, visibility, from, to, {}, [&](SqlQuery &query) {
        while (query.next()) {
            const auto found = index.constFind(query.value(0).toLongLong());
            if (found == index.constEnd())
                continue; // signed between the two statements: the ledger shows the first one's view
            ContractLedgerEntry &entry = entries[*found];
            domain::Receivable installment;
            installment.id = query.value(1).toLongLong();
            installment.contractId = entry.id;
            installment.due = dateOf(query.value(2));
            installment.amount = Money::fromMinor(query.value(3).toLongLong(), entry.amount.currency());
            installment.received = Money::fromMinor(query.value(4).toLongLong(), entry.amount.currency());
            entry.plan << installment;
        }
    });
    return entries;
}

QStringList ContractLedgerRepository::queryPlan(const ContractFilter &visibility, const QDate &from, const QDate &to) const
{
    const QString prefix = m_database.backend() == Backend::Sqlite ? QStringLiteral("EXPLAIN QUERY PLAN ") : QStringLiteral("EXPLAIN ");
    QStringList plan;
    run(entriesStatement, visibility, from, to, prefix, [&](SqlQuery &query) { plan << planOf(m_database, query); });
    run(plansStatement, visibility, from, to, prefix, [&](SqlQuery &query) { plan << planOf(m_database, query); });
    return plan;
}

} // namespace bizdesk::storage
