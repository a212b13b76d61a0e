#pragma once

#include "domain/customers/CustomerQuery.h"
#include "domain/customers/Retention.h"

#include <QHash>
#include <QList>

#include <optional>

namespace bizdesk::storage {

class Database;

using domain::CustomerRow;
using domain::CustomerScope;

/// Aggregates per customer for the churn score.
struct ChurnFacts
{
    CustomerRow row;
    int openComplaints = 0;
    int recentComplaints = 0;
};

/// What the customer's contracts say about the relationship (§3.2.4 with §5.4).
struct CustomerContractFacts
{
    qint64 valueLast12Minor = 0;     ///< signed in the last twelve months, CNY fen
    qint64 valuePrevious12Minor = 0; ///< signed in the twelve months before
    int endingWithoutRenewal = 0;    ///< effective, ending within the notice period, no later contract
    QDate oldestOverdueDue;          ///< due date of the oldest unpaid installment past due; invalid: none
};

/// §3.2.4 churn and win-back: the facts the churn score weighs and the win-back records.
class RetentionRepository
{
public:
    explicit RetentionRepository(Database &database);

    QList<ChurnFacts> churnFacts(const CustomerScope &scope, const QString &recentSince) const;
    /// Only customers with contracts appear.
    QHash<domain::CustomerId, CustomerContractFacts> contractFacts(const CustomerScope &scope, const QDate &today,
                                                                   int renewalNoticeDays) const;

    qint64 insertWinBack(domain::CustomerId id, const QString &cause, const QString &measures, int score, const QString &now,
                         domain::UserId actor);
    /// Throws not_found.
    domain::WinBack winBack(qint64 id) const;
    QList<domain::WinBack> winBacks(std::optional<domain::CustomerId> customer) const;
    /// Throws conflict when `version` is stale.
    void setWinBackResult(qint64 id, int version, domain::WinBackResult result, const QString &note, const QString &now);

private:
    Database &m_database;
};

} // namespace bizdesk::storage
