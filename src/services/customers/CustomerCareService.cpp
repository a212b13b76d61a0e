#include "services/customers/CustomerCareService.h"

#include "domain/Error.h"
#include "domain/customers/Complaint.h"
#include "domain/customers/CustomerTexts.h"
#include "domain/policy/EventDateWindow.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "services/modules/SeenVersion.h"
#include "services/policy/PolicyService.h"
#include "storage/Transaction.h"
#include "storage/customers/ContactLogRepository.h"
#include "storage/customers/CustomerEventRepository.h"
#include "storage/customers/CustomerRepository.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace bizdesk::services {
namespace {

using domain::Action;
using domain::CustomerRules;
using domain::Error;
using storage::Transaction;

} // namespace

CustomerCareService::CustomerCareService(Session &session) : m_session(session), m_access(session) {}

domain::ContactLogEntry CustomerCareService::recordContact(domain::CustomerId id, domain::ContactKind kind, const QString &note,
                                                       const QDateTime &at, const QDate &nextFollowUp)
{
    Transaction transaction(m_session.database());
    m_access.requireEditable(storage::CustomerRepository(m_session.database()).require(id));
    storage::ContactLogRepository repository(m_session.database());
    const QString text = domain::CustomerTexts::logNote(note);
    domain::ContactLogEntry entry;
    entry.customerId = id;
    entry.kind = kind;
    entry.at = at.isValid() ? at.toUTC() : m_session.now();
    if (entry.at > m_session.now().addSecs(3600))
        throw Error::invalid(QStringLiteral("at"), QCoreApplication::translate("Customers", "at: a contact cannot be recorded in the future."));
    entry.byId = m_session.userId();
    entry.note = text;
    if (nextFollowUp.isValid() && nextFollowUp < m_session.calendar().dateOf(entry.at))
        throw Error::invalid(QStringLiteral("next"), QCoreApplication::translate("Customers", "next: the follow-up date is before the contact."));
    entry.nextFollowUp = nextFollowUp;
    if (kind == domain::ContactKind::Complaint)
        entry.complaintStatus = domain::ComplaintStatus::Open;
    entry.id = repository.insertLog(entry, m_session.timestamp());
    repository.touchContact(id, domain::toStorageTimestamp(entry.at));
    AuditTrail(m_session).record(QStringLiteral("customer.contact"), QStringLiteral("customer"), id, {}, toJson(entry));
    transaction.commit();
    return *repository.findLog(entry.id);
}

domain::ContactLogEntry CustomerCareService::updateComplaint(qint64 logId, domain::ComplaintStatus status, const QString &resolution,
                                                         std::optional<int> seenVersion)
{
    Transaction transaction(m_session.database());
    storage::ContactLogRepository repository(m_session.database());
    const auto found = repository.findLog(logId);
    if (!found || found->complaintStatus == domain::ComplaintStatus::None)
        throw Error::notFound(QCoreApplication::translate("Customers", "There is no complaint #%1.").arg(logId));
    m_access.requireEditable(storage::CustomerRepository(m_session.database()).require(found->customerId));
    const QString complaint = QCoreApplication::translate("Customers", "Complaint #%1").arg(logId);
    requireSeenVersion(seenVersion, found->version, complaint);
    domain::ComplaintWorkflow::requireTransition(complaint, found->complaintStatus, status, resolution);
    domain::ContactLogEntry entry = *found;
    entry.complaintStatus = status;
    entry.resolution = domain::CustomerTexts::notes(QStringLiteral("resolution"), resolution);
    if (status == domain::ComplaintStatus::Resolved)
        entry.resolvedAt = m_session.now();
    repository.updateComplaint(entry);
    AuditTrail(m_session).record(QStringLiteral("customer.complaint"), QStringLiteral("customer"), entry.customerId,
                                 toJson(*found), toJson(entry));
    transaction.commit();
    return *repository.findLog(logId);
}

qint64 CustomerCareService::addEvent(const QString &kind, const QString &title, const QDate &date, const QString &place, const QString &notes)
{
    m_session.require(Action::EditCustomer);
    if (kind != QLatin1String("appreciation") && kind != QLatin1String("training"))
        throw Error::invalid(QStringLiteral("kind"), QCoreApplication::translate("Customers", "kind: a customer event is an appreciation event or a training session (appreciation, training), not \"%1\".").arg(kind), QStringLiteral("3.2.3"));
    const domain::EventTexts text = domain::CustomerTexts::event(title, place, notes);
    if (!date.isValid())
        throw Error::invalid(QStringLiteral("date"), QCoreApplication::translate("Customers", "date: give the date of the event."));
    Transaction transaction(m_session.database());
    domain::EventDateWindow::require(QStringLiteral("date"), date, m_session.today(),
                                     PolicyService(m_session).integer(domain::policy::eventWindowDays));
    const qint64 id = storage::CustomerEventRepository(m_session.database()).insertEvent(kind, text.title, date, text.place, text.notes, m_session.timestamp(), m_session.userId());
    AuditTrail(m_session).record(QStringLiteral("customer_event.create"), QStringLiteral("customer_event"), id, {},
                                 QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("title"), text.title},
                                             {QStringLiteral("date"), date.toString(Qt::ISODate)}});
    transaction.commit();
    return id;
}

void CustomerCareService::invite(qint64 eventId, domain::CustomerId customerId)
{
    Transaction transaction(m_session.database());
    storage::CustomerEventRepository repository(m_session.database());
    if (!repository.eventExists(eventId))
        throw Error::notFound(QCoreApplication::translate("Customers", "There is no customer event #%1.").arg(eventId));
    m_access.requireEditable(storage::CustomerRepository(m_session.database()).require(customerId));
    if (repository.invited(eventId, customerId))
        throw Error::conflict(QCoreApplication::translate("Customers", "Customer #%1 is already invited to event #%2.").arg(customerId).arg(eventId));
    repository.invite(eventId, customerId, m_session.timestamp(), m_session.userId());
    AuditTrail(m_session).record(QStringLiteral("customer_event.invite"), QStringLiteral("customer"), customerId, {},
                                 QJsonObject{{QStringLiteral("event"), eventId}});
    transaction.commit();
}

QList<domain::CustomerEvent> CustomerCareService::events(std::optional<domain::CustomerId> customer) const
{
    if (customer)
        m_access.requireVisible(*customer);
    else
        m_session.user();
    return storage::CustomerEventRepository(m_session.database()).events(customer);
}

QJsonObject CustomerCareService::toJson(const domain::ContactLogEntry &entry)
{
    QJsonObject object{{QStringLiteral("id"), entry.id},
                       {QStringLiteral("customer"), entry.customerId},
                       {QStringLiteral("kind"), CustomerRules::name(entry.kind)},
                       {QStringLiteral("at"), domain::toStorageTimestamp(entry.at)},
                       {QStringLiteral("by"), entry.byId},
                       {QStringLiteral("note"), entry.note},
                       {QStringLiteral("version"), entry.version}};
    if (!entry.byName.isEmpty())
        object.insert(QStringLiteral("by_name"), entry.byName);
    if (entry.nextFollowUp.isValid())
        object.insert(QStringLiteral("next_follow_up"), entry.nextFollowUp.toString(Qt::ISODate));
    if (entry.complaintStatus != domain::ComplaintStatus::None) {
        object.insert(QStringLiteral("complaint_status"), CustomerRules::name(entry.complaintStatus));
        object.insert(QStringLiteral("resolution"), entry.resolution);
        if (entry.resolvedAt.isValid())
            object.insert(QStringLiteral("hours_to_resolve"), static_cast<double>(entry.at.secsTo(entry.resolvedAt)) / 3600.0);
    }
    return object;
}

QJsonObject CustomerCareService::toJson(const domain::CustomerEvent &event)
{
    return QJsonObject{{QStringLiteral("id"), event.id},
                       {QStringLiteral("kind"), event.kind},
                       {QStringLiteral("title"), event.title},
                       {QStringLiteral("date"), event.date.toString(Qt::ISODate)},
                       {QStringLiteral("place"), event.place},
                       {QStringLiteral("notes"), event.notes},
                       {QStringLiteral("invited"), QJsonArray::fromStringList(event.invited)}};
}

} // namespace bizdesk::services
