#include "storage/customers/ContactLogRepository.h"

#include "domain/Clock.h"
#include "domain/Error.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/SqlValues.h"

#include <QCoreApplication>

namespace bizdesk::storage {
namespace {

using domain::CustomerRules;
using domain::Error;

const QString logColumns = QStringLiteral(
    "l.id, l.customer_id, l.kind, l.at, l.by_id, l.note, l.next_follow_up, l.complaint_status, l.resolution, "
    "l.resolved_at, l.version, u.display_name");


domain::ContactLogEntry readLog(SqlQuery &query)
{
    domain::ContactLogEntry entry;
    entry.id = query.value(0).toLongLong();
    entry.customerId = query.value(1).toLongLong();
    entry.kind = CustomerRules::parseKind(QStringLiteral("kind"), query.value(2).toString());
    entry.at = domain::fromStorageTimestamp(query.value(3).toString());
    entry.byId = query.value(4).toLongLong();
    entry.note = query.value(5).toString();
    if (!query.value(6).isNull())
        entry.nextFollowUp = QDate::fromString(query.value(6).toString(), Qt::ISODate);
    const QString status = query.value(7).toString();
    entry.complaintStatus = status == QLatin1String("open")          ? domain::ComplaintStatus::Open
                            : status == QLatin1String("in_progress") ? domain::ComplaintStatus::InProgress
                            : status == QLatin1String("resolved")    ? domain::ComplaintStatus::Resolved
                                                                     : domain::ComplaintStatus::None;
    entry.resolution = query.value(8).toString();
    entry.resolvedAt = optionalTimestamp(query.value(9));
    entry.version = query.value(10).toInt();
    entry.byName = query.value(11).toString();
    return entry;
}

} // namespace

ContactLogRepository::ContactLogRepository(Database &database) : m_database(database) {}

qint64 ContactLogRepository::insertLog(const domain::ContactLogEntry &entry, const QString &now)
{
    return SqlQuery(m_database, QStringLiteral("INSERT INTO customer_contact_log (customer_id, kind, at, by_id, note, "
                                               "next_follow_up, complaint_status, resolution, version, created_at) VALUES "
                                               "(:customer, :kind, :at, :by, :note, :next, :status, '', 1, :now) RETURNING id"))
        .bind(":customer", entry.customerId)
        .bind(":kind", CustomerRules::name(entry.kind))
        .bind(":at", domain::toStorageTimestamp(entry.at))
        .bind(":by", entry.byId)
        .bind(":note", entry.note)
        .bind(":next", entry.nextFollowUp.isValid() ? QVariant(entry.nextFollowUp.toString(Qt::ISODate))
                                                    : QVariant(QMetaType(QMetaType::QString)))
        .bind(":status", entry.complaintStatus == domain::ComplaintStatus::None
                             ? QVariant(QMetaType(QMetaType::QString))
                             : QVariant(CustomerRules::name(entry.complaintStatus)))
        .bind(":now", now)
        .insertReturningId();
}

QList<domain::ContactLogEntry> ContactLogRepository::log(domain::CustomerId id, int limit) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM customer_contact_log l JOIN users u ON u.id = l.by_id "
                                              "WHERE l.customer_id = :id ORDER BY l.at DESC, l.id DESC LIMIT :limit")
                                   .arg(logColumns));
    query.bind(":id", id).bind(":limit", limit).exec();
    QList<domain::ContactLogEntry> entries;
    while (query.next())
        entries << readLog(query);
    return entries;
}

std::optional<domain::ContactLogEntry> ContactLogRepository::findLog(qint64 id) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM customer_contact_log l JOIN users u ON u.id = l.by_id "
                                              "WHERE l.id = :id")
                                   .arg(logColumns));
    query.bind(":id", id).exec();
    if (!query.next())
        return std::nullopt;
    return readLog(query);
}

void ContactLogRepository::updateComplaint(const domain::ContactLogEntry &entry)
{
    SqlQuery query(m_database, QStringLiteral("UPDATE customer_contact_log SET complaint_status = :status, resolution = :resolution, "
                                              "resolved_at = :resolved, version = version + 1 WHERE id = :id AND version = :version"));
    query.bind(":status", CustomerRules::name(entry.complaintStatus))
        .bind(":resolution", requiredText(entry.resolution))
        .bind(":resolved", nullableTimestamp(entry.resolvedAt))
        .bind(":id", entry.id)
        .bind(":version", entry.version)
        .exec();
    if (query.rowsAffected() == 0)
        throw Error::conflict(QCoreApplication::translate("Customers", "Complaint #%1 was changed by someone else; reload and try again.").arg(entry.id));
}

void ContactLogRepository::touchContact(domain::CustomerId id, const QString &at)
{
    SqlQuery(m_database, QStringLiteral("UPDATE customers SET last_contact_at = :at WHERE id = :id "
                                        "AND (last_contact_at IS NULL OR last_contact_at < :at2)"))
        .bind(":at", at)
        .bind(":at2", at)
        .bind(":id", id)
        .exec();
}

QList<std::pair<domain::ContactLogEntry, QString>> ContactLogRepository::followUps(domain::UserId user, const QDate &until) const
{
    // Only the latest entry per customer counts: a later contact replaces an earlier follow-up.
    SqlQuery query(m_database, QStringLiteral("SELECT %1, c.name FROM customer_contact_log l JOIN users u ON u.id = l.by_id "
                                              "JOIN customers c ON c.id = l.customer_id "
                                              "WHERE l.by_id = :user AND l.next_follow_up IS NOT NULL AND l.next_follow_up <= :until "
                                              "AND NOT EXISTS (SELECT 1 FROM customer_contact_log later WHERE later.customer_id = l.customer_id "
                                              "AND (later.at > l.at OR (later.at = l.at AND later.id > l.id))) "
                                              "ORDER BY l.next_follow_up LIMIT 200")
                                   .arg(logColumns));
    query.bind(":user", user).bind(":until", until.toString(Qt::ISODate)).exec();
    QList<std::pair<domain::ContactLogEntry, QString>> list;
    while (query.next())
        list.append({readLog(query), query.value(12).toString()});
    return list;
}

} // namespace bizdesk::storage
