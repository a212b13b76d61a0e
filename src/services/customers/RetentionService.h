#pragma once

#include "domain/customers/Retention.h"
#include "services/customers/CustomerAccess.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace bizdesk::services {

class Session;

struct ChurnEntry
{
    domain::CustomerRow row;
    domain::ChurnAssessment assessment;
};

/// §3.2.4 churn warning and win-back: the explainable churn score over contacts, complaints and
/// the customer's contracts and payments, and what the owner does about a customer at risk.
class RetentionService
{
public:
    explicit RetentionService(Session &session);

    /// At-risk customers the user sees, highest score first.
    QList<ChurnEntry> churn(int limit) const;

    /// The owner records why the customer is at risk and what is done about it.
    qint64 recordWinBack(domain::CustomerId id, const QString &cause, const QString &measures);
    /// Later: won_back or lost, with a note.
    domain::WinBack winBackResult(qint64 winBackId, bool wonBack, const QString &note, std::optional<int> seenVersion = std::nullopt);
    QList<domain::WinBack> winBacks(std::optional<domain::CustomerId> customer = std::nullopt) const;
    /// Won back / (won back + lost) over the records the user may see; -1 when none is decided.
    double winBackSuccessRate() const;

    static QJsonObject toJson(const domain::WinBack &record);

private:
    Session &m_session;
    CustomerAccess m_access;
};

} // namespace bizdesk::services
