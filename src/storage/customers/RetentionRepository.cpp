#include "storage/customers/RetentionRepository.h"

#include "domain/Error.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/SqlValues.h"
#include "storage/customers/CustomerRowReader.h"

#include <QCoreApplication>

namespace bizdesk::storage {

using domain::Error;

RetentionRepository::RetentionRepository(Database &database) : m_database(database) {}

QList<ChurnFacts> RetentionRepository::churnFacts(const CustomerScope &scope, const QString &recentSince) const
{
    SqlQuery sql(m_database,
                 QStringLiteral("SELECT %1, "
                                "(SELECT count(*) FROM customer_contact_log l WHERE l.customer_id = c.id "
                                " AND l.complaint_status IN ('open', 'in_progress')), "
                                "(SELECT count(*) FROM customer_contact_log l WHERE l.customer_id = c.id "
                                " AND l.kind = 'complaint' AND l.at >= :recent) "
                                "FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE %2 AND c.stage <> 'lost'")
                     .arg(CustomerRowReader::columns(), CustomerRowReader::scopeCondition(scope)));
    CustomerRowReader::bindScope(sql, scope);
    sql.bind(":recent", recentSince).exec();
    QList<ChurnFacts> facts;
    while (sql.next()) {
        ChurnFacts fact;
        fact.row = CustomerRowReader::read(sql);
        fact.openComplaints = sql.value(CustomerRowReader::columnCount).toInt();
        fact.recentComplaints = sql.value(CustomerRowReader::columnCount + 1).toInt();
        facts << fact;
    }
    return facts;
}

QHash<domain::CustomerId, CustomerContractFacts> RetentionRepository::contractFacts(const CustomerScope &scope, const QDate &today,
                                                                                    int renewalNoticeDays) const
{
    QHash<domain::CustomerId, CustomerContractFacts> facts;
    const QString scoped = QStringLiteral("k.customer_id IN (SELECT c.id FROM customers c WHERE %1)").arg(CustomerRowReader::scopeCondition(scope));
    // Signed value of the last twelve months against the twelve before (CNY, §5.4).
    SqlQuery value(m_database, QStringLiteral("SELECT k.customer_id, "
                                              "COALESCE(SUM(CASE WHEN k.signed_on > :year_ago THEN k.amount_cny_minor END), 0), "
                                              "COALESCE(SUM(CASE WHEN k.signed_on <= :year_ago2 THEN k.amount_cny_minor END), 0) "
                                              "FROM contracts k WHERE k.signed_on IS NOT NULL AND k.signed_on > :two_years_ago "
                                              "AND k.state <> 'destroyed' AND %1 GROUP BY k.customer_id").arg(scoped));
    CustomerRowReader::bindScope(value, scope);
    const QString yearAgo = today.addYears(-1).toString(Qt::ISODate);
    value.bind(":year_ago", yearAgo).bind(":year_ago2", yearAgo).bind(":two_years_ago", today.addYears(-2).toString(Qt::ISODate)).exec();
    while (value.next()) {
        CustomerContractFacts &fact = facts[value.value(0).toLongLong()];
        fact.valueLast12Minor = value.value(1).toLongLong();
        fact.valuePrevious12Minor = value.value(2).toLongLong();
    }
    // Effective contracts ending within the notice period with no later contract of the customer.
    SqlQuery ending(m_database, QStringLiteral("SELECT k.customer_id, count(*) FROM contracts k WHERE k.state = 'effective' "
                                               "AND k.end_date >= :today AND k.end_date <= :until AND %1 AND NOT EXISTS ("
                                               "SELECT 1 FROM contracts later WHERE later.customer_id = k.customer_id "
                                               "AND later.id > k.id AND later.state NOT IN ('withdrawn', 'destroyed', 'terminated')) "
                                               "GROUP BY k.customer_id").arg(scoped));
    CustomerRowReader::bindScope(ending, scope);
    ending.bind(":today", today.toString(Qt::ISODate)).bind(":until", today.addDays(renewalNoticeDays).toString(Qt::ISODate)).exec();
    while (ending.next())
        facts[ending.value(0).toLongLong()].endingWithoutRenewal = ending.value(1).toInt();
    // The oldest installment past due and not paid in full.
    SqlQuery overdue(m_database, QStringLiteral("SELECT k.customer_id, MIN(r.due_date) FROM contract_receivables r "
                                                "JOIN contracts k ON k.id = r.contract_id WHERE k.state = 'effective' AND r.due_date < :today "
                                                "AND r.amount_minor > (SELECT COALESCE(SUM(p.amount_minor), 0) FROM contract_payments p "
                                                "WHERE p.receivable_id = r.id) AND %1 GROUP BY k.customer_id").arg(scoped));
    CustomerRowReader::bindScope(overdue, scope);
    overdue.bind(":today", today.toString(Qt::ISODate)).exec();
    while (overdue.next())
        facts[overdue.value(0).toLongLong()].oldestOverdueDue = QDate::fromString(overdue.value(1).toString(), Qt::ISODate);
    return facts;
}

qint64 RetentionRepository::insertWinBack(domain::CustomerId id, const QString &cause, const QString &measures, int score,
                                         const QString &now, domain::UserId actor)
{
    return SqlQuery(m_database, QStringLiteral("INSERT INTO customer_winbacks (customer_id, cause, measures, result, result_note, "
                                               "score, version, created_at, created_by) VALUES (:customer, :cause, :measures, "
                                               "'pending', '', :score, 1, :now, :actor) RETURNING id"))
        .bind(":customer", id)
        .bind(":cause", cause)
        .bind(":measures", measures)
        .bind(":score", score)
        .bind(":now", now)
        .bind(":actor", actor)
        .insertReturningId();
}

namespace {
const QString winBackColumns = QStringLiteral("w.id, w.customer_id, w.cause, w.measures, w.result, w.result_note, w.score, "
                                              "w.version, w.created_at, w.result_at, c.name");

domain::WinBack readWinBack(SqlQuery &query)
{
    domain::WinBack record;
    record.id = query.value(0).toLongLong();
    record.customerId = query.value(1).toLongLong();
    record.cause = query.value(2).toString();
    record.measures = query.value(3).toString();
    record.result = domain::WinBackRules::parse(query.value(4).toString());
    record.resultNote = query.value(5).toString();
    record.score = query.value(6).toInt();
    record.version = query.value(7).toInt();
    record.createdAt = optionalTimestamp(query.value(8));
    record.resultAt = optionalTimestamp(query.value(9));
    record.customerName = query.value(10).toString();
    return record;
}
} // namespace

domain::WinBack RetentionRepository::winBack(qint64 id) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM customer_winbacks w JOIN customers c ON c.id = w.customer_id "
                                              "WHERE w.id = :id").arg(winBackColumns));
    query.bind(":id", id).exec();
    if (!query.next())
        throw Error::notFound(QCoreApplication::translate("Customers", "There is no win-back record #%1.").arg(id));
    return readWinBack(query);
}

QList<domain::WinBack> RetentionRepository::winBacks(std::optional<domain::CustomerId> customer) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM customer_winbacks w JOIN customers c ON c.id = w.customer_id "
                                              "WHERE (:all = 1 OR w.customer_id = :customer) ORDER BY w.id DESC LIMIT 1000")
                                   .arg(winBackColumns));
    query.bind(":all", customer ? 0 : 1).bind(":customer", customer.value_or(0)).exec();
    QList<domain::WinBack> list;
    while (query.next())
        list << readWinBack(query);
    return list;
}

void RetentionRepository::setWinBackResult(qint64 id, int version, domain::WinBackResult result, const QString &note, const QString &now)
{
    SqlQuery query(m_database, QStringLiteral("UPDATE customer_winbacks SET result = :result, result_note = :note, result_at = :now, "
                                              "version = version + 1 WHERE id = :id AND version = :version"));
    query.bind(":result", domain::WinBackRules::name(result)).bind(":note", requiredText(note)).bind(":now", now).bind(":id", id).bind(":version", version).exec();
    if (query.rowsAffected() == 0)
        throw Error::conflict(QCoreApplication::translate("Customers", "Win-back record #%1 was changed by someone else; reload and try again.").arg(id));
}

} // namespace bizdesk::storage
