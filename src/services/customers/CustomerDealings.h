#pragma once

#include "domain/Money.h"
#include "domain/customers/Customer.h"
#include "services/modules/RecordRef.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace bizdesk::services {

class Session;

/// One business dealing of a customer (§3.2.1) as the customer page lists it: a record of
/// another module the user may open.
struct CustomerDealing
{
    RecordRef record;
    QString kind;      ///< translated: contract, negotiation, entertainment request
    QString reference; ///< the request number or the contract number
    QString title;
    QDate date;        ///< event date; signing date (else start date) of a contract; planned end of a negotiation
    QString state;     ///< translated state name
    std::optional<domain::Money> amount; ///< a negotiation's latest offer; none before the first
    /// Signed contracts: what was received and what is still outstanding (§5.4).
    std::optional<domain::Money> received;
    std::optional<domain::Money> outstanding;
};

/// §3.2.1 business dealings: the customer's contracts (with what was received against each),
/// negotiations and entertainment requests, as far as the user may see them. Newest first per kind.
class CustomerDealings
{
public:
    explicit CustomerDealings(Session &session) : m_session(session) {}

    QList<CustomerDealing> of(domain::CustomerId customer, int limitPerKind = 50) const;

private:
    Session &m_session;
};

} // namespace bizdesk::services
