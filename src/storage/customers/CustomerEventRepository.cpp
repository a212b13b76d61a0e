#include "storage/customers/CustomerEventRepository.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/SqlValues.h"

namespace bizdesk::storage {

CustomerEventRepository::CustomerEventRepository(Database &database) : m_database(database) {}

qint64 CustomerEventRepository::insertEvent(const QString &kind, const QString &title, const QDate &date, const QString &place,
                                       const QString &notes, const QString &now, domain::UserId actor)
{
    return SqlQuery(m_database, QStringLiteral("INSERT INTO customer_events (kind, title, event_date, place, notes, created_at, "
                                               "created_by) VALUES (:kind, :title, :date, :place, :notes, :now, :actor) RETURNING id"))
        .bind(":kind", kind)
        .bind(":title", title)
        .bind(":date", date.toString(Qt::ISODate))
        .bind(":place", requiredText(place))
        .bind(":notes", requiredText(notes))
        .bind(":now", now)
        .bind(":actor", actor)
        .insertReturningId();
}

bool CustomerEventRepository::eventExists(qint64 id) const
{
    return SqlQuery(m_database, QStringLiteral("SELECT count(*) FROM customer_events WHERE id = :id")).bind(":id", id).scalar().toInt() > 0;
}

bool CustomerEventRepository::invited(qint64 eventId, domain::CustomerId customer) const
{
    return SqlQuery(m_database, QStringLiteral("SELECT count(*) FROM customer_event_invitations WHERE event_id = :event AND customer_id = :customer"))
               .bind(":event", eventId)
               .bind(":customer", customer)
               .scalar()
               .toInt()
           > 0;
}

void CustomerEventRepository::invite(qint64 eventId, domain::CustomerId customer, const QString &now, domain::UserId actor)
{
    SqlQuery(m_database, QStringLiteral("INSERT INTO customer_event_invitations (event_id, customer_id, invited_at, invited_by) "
                                        "VALUES (:event, :customer, :now, :actor)"))
        .bind(":event", eventId)
        .bind(":customer", customer)
        .bind(":now", now)
        .bind(":actor", actor)
        .exec();
}

QList<domain::CustomerEvent> CustomerEventRepository::events(std::optional<domain::CustomerId> customer) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT e.id, e.kind, e.title, e.event_date, e.place, e.notes FROM customer_events e "
                                              "WHERE :all = 1 OR EXISTS (SELECT 1 FROM customer_event_invitations i "
                                              "WHERE i.event_id = e.id AND i.customer_id = :customer) "
                                              "ORDER BY e.event_date DESC, e.id DESC LIMIT 500"));
    query.bind(":all", customer ? 0 : 1).bind(":customer", customer.value_or(0)).exec();
    QList<domain::CustomerEvent> list;
    while (query.next()) {
        domain::CustomerEvent event;
        event.id = query.value(0).toLongLong();
        event.kind = query.value(1).toString();
        event.title = query.value(2).toString();
        event.date = QDate::fromString(query.value(3).toString(), Qt::ISODate);
        event.place = query.value(4).toString();
        event.notes = query.value(5).toString();
        list << event;
    }
    SqlQuery names(m_database, QStringLiteral("SELECT c.name FROM customer_event_invitations i JOIN customers c ON c.id = i.customer_id "
                                              "WHERE i.event_id = :event ORDER BY c.name_sort"));
    for (domain::CustomerEvent &event : list) {
        names.bind(":event", event.id).exec();
        while (names.next())
            event.invited << names.value(0).toString();
    }
    return list;
}

} // namespace bizdesk::storage
