#include "services/customers/CustomerInsertion.h"

#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "services/customers/CustomerService.h"

namespace bizdesk::services {

CustomerInsertion::CustomerInsertion(Session &session) : m_session(session), m_repository(session.database()) {}

QString CustomerInsertion::name(Via via)
{
    switch (via) {
    case Via::Form: return QStringLiteral("form");
    case Via::Import: return QStringLiteral("import");
    case Via::Demo: return QStringLiteral("demo");
    }
    return {};
}

domain::CustomerId CustomerInsertion::insert(domain::Customer &customer, QList<domain::CustomerContact> &contacts, Via via)
{
    if (!customer.stageChangedAt.isValid())
        customer.stageChangedAt = m_session.now();
    customer.id = m_repository.insert(customer, domain::CustomerRules::searchText(customer, contacts), m_session.timestamp(),
                                      m_session.userId());
    for (domain::CustomerContact &contact : contacts) {
        contact.customerId = customer.id;
        contact.id = m_repository.insertContact(contact);
    }
    QJsonObject after = CustomerService::toJson(customer);
    after.insert(QStringLiteral("via"), name(via));
    AuditTrail(m_session).record(QStringLiteral("customer.create"), QStringLiteral("customer"), customer.id, {}, after);
    return customer.id;
}

} // namespace bizdesk::services
