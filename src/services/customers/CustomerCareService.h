#pragma once

#include "domain/customers/CustomerEvent.h"
#include "services/customers/CustomerAccess.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace bizdesk::services {

class Session;

/// §3.2.3 customer care: the contact log, complaints handled to resolution, and appreciation
/// events and training sessions customers are invited to. One method = one transaction.
class CustomerCareService
{
public:
    explicit CustomerCareService(Session &session);

    /// A visit, call, e-mail, meeting, feedback or complaint (which opens as a complaint to follow);
    /// moves the customer's last contact forward.
    domain::ContactLogEntry recordContact(domain::CustomerId id, domain::ContactKind kind, const QString &note,
                                          const QDateTime &at, const QDate &nextFollowUp);
    /// The next step of a complaint (domain::ComplaintWorkflow); resolving needs a resolution.
    domain::ContactLogEntry updateComplaint(qint64 logId, domain::ComplaintStatus status, const QString &resolution,
                                            std::optional<int> seenVersion = std::nullopt);

    /// Kind "appreciation" or "training".
    qint64 addEvent(const QString &kind, const QString &title, const QDate &date, const QString &place, const QString &notes);
    /// Invites a customer the user may edit; inviting twice is a conflict.
    void invite(qint64 eventId, domain::CustomerId customer);
    QList<domain::CustomerEvent> events(std::optional<domain::CustomerId> customer = std::nullopt) const;

    static QJsonObject toJson(const domain::ContactLogEntry &entry);
    static QJsonObject toJson(const domain::CustomerEvent &event);

private:
    Session &m_session;
    CustomerAccess m_access;
};

} // namespace bizdesk::services
