#include "storage/contracts/OpenReceivableRepository.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/contracts/ContractVisibilitySql.h"

namespace bizdesk::storage {

using domain::Money;

void OpenReceivableRepository::run(const OpenReceivableFilter &filter, const QString &prefix,
                                   const std::function<void(SqlQuery &)> &read) const
{
    // CROSS JOIN keeps SQLite walking contract_receivables in due order (the window's order)
    // instead of starting from the contracts; for PostgreSQL it is the same inner join.
    QStringList where{QStringLiteral("k.id = r.contract_id"), QStringLiteral("k.state = 'effective'"), QStringLiteral("r.amount_minor > %1").arg(QStringLiteral(
        "(SELECT COALESCE(SUM(p.amount_minor), 0) FROM contract_payments p WHERE p.receivable_id = r.id)"))};
    if (filter.dueFrom)
        where << QStringLiteral("r.due_date >= :due_from");
    if (filter.dueTo)
        where << QStringLiteral("r.due_date <= :due_to");
    if (filter.after)
        where << QStringLiteral("(r.due_date > :after_due OR (r.due_date = :after_due2 AND r.id > :after_id))");
    const QString visible = ContractVisibilitySql::condition(filter.visibility);
    if (!visible.isEmpty())
        where << visible;
    SqlQuery query(m_database, prefix + QStringLiteral(
        "SELECT r.id, r.contract_id, k.number, c.name, k.title, u.display_name, r.due_date, r.amount_minor, "
        "(SELECT COALESCE(SUM(p.amount_minor), 0) FROM contract_payments p WHERE p.receivable_id = r.id), k.currency, "
        "k.amount_minor, k.amount_cny_minor FROM contract_receivables r CROSS JOIN contracts k "
        "JOIN customers c ON c.id = k.customer_id JOIN users u ON u.id = k.owner_id WHERE %1 "
        "ORDER BY r.due_date, r.id%2").arg(where.join(QStringLiteral(" AND ")), filter.limit ? QStringLiteral(" LIMIT :limit") : QString()));
    if (filter.dueFrom)
        query.bind(":due_from", filter.dueFrom->toString(Qt::ISODate));
    if (filter.dueTo)
        query.bind(":due_to", filter.dueTo->toString(Qt::ISODate));
    if (filter.after) {
        const QString due = filter.after->first.toString(Qt::ISODate);
        query.bind(":after_due", due).bind(":after_due2", due).bind(":after_id", filter.after->second);
    }
    ContractVisibilitySql::bind(query, filter.visibility);
    if (filter.limit)
        query.bind(":limit", *filter.limit);
    query.exec();
    read(query);
}

void OpenReceivableRepository::forEach(const OpenReceivableFilter &filter, const std::function<void(const OpenReceivable &)> &visit) const
{
    run(filter, {}, [&](SqlQuery &query) {
        while (query.next()) {
            OpenReceivable row;
            row.receivableId = query.value(0).toLongLong();
            row.contractId = query.value(1).toLongLong();
            row.number = query.value(2).toString();
            row.customerName = query.value(3).toString();
            row.title = query.value(4).toString();
            row.ownerName = query.value(5).toString();
            row.due = QDate::fromString(query.value(6).toString(), Qt::ISODate);
            const QString currency = query.value(9).toString();
            row.amount = Money::fromMinor(query.value(7).toLongLong(), currency);
            row.received = Money::fromMinor(query.value(8).toLongLong(), currency);
            row.contractAmount = Money::fromMinor(query.value(10).toLongLong(), currency);
            row.contractAmountCny = Money::fromMinor(query.value(11).toLongLong());
            visit(row);
        }
    });
}

QList<OpenReceivable> OpenReceivableRepository::list(const OpenReceivableFilter &filter) const
{
    QList<OpenReceivable> rows;
    forEach(filter, [&rows](const OpenReceivable &row) { rows << row; });
    return rows;
}

QStringList OpenReceivableRepository::queryPlan(const OpenReceivableFilter &filter) const
{
    const bool sqlite = m_database.backend() == Backend::Sqlite;
    QStringList plan;
    run(filter, sqlite ? QStringLiteral("EXPLAIN QUERY PLAN ") : QStringLiteral("EXPLAIN "), [&](SqlQuery &query) {
        while (query.next())
            plan << query.value(sqlite ? 3 : 0).toString();
    });
    return plan;
}

} // namespace bizdesk::storage
