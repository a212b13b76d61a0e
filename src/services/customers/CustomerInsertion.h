#pragma once

#include "domain/customers/Customer.h"
#include "storage/customers/CustomerRepository.h"

#include <QList>
#include <QString>

namespace bizdesk::services {

class Session;

/// The one way a customer enters the archive, used by add, import and demo data: it stamps the
/// pipeline start, writes the row with its derived keys (duplicate keys, pinyin sort key, search
/// text), its contact persons and one audit entry of one shape — "customer.create" with the
/// customer as JSON and "via" naming the path (form, import, demo). Callers check permission,
/// fields, owner and duplicates before (CustomerService::prepare) and hold the transaction.
class CustomerInsertion
{
public:
    enum class Via { Form, Import, Demo };

    explicit CustomerInsertion(Session &session);
    /// Fills customer.id and every contact's id and customerId; returns the id.
    domain::CustomerId insert(domain::Customer &customer, QList<domain::CustomerContact> &contacts, Via via);

    static QString name(Via via);

private:
    Session &m_session;
    storage::CustomerRepository m_repository; ///< kept: its prepared INSERT is reused across rows
};

} // namespace bizdesk::services
