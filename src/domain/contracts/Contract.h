#pragma once

#include "domain/Money.h"
#include "domain/approval/Route.h"
#include "domain/contracts/ContractClause.h"
#include "domain/contracts/ContractRecords.h"
#include "domain/contracts/ContractWorkflow.h"
#include "domain/identity/User.h"

#include <QDate>
#include <QString>

#include <optional>

namespace bizdesk::domain {

/// The header of a contract as the drafter types it (§5.1), before validation.
struct ContractForm
{
    qint64 customerId = 0;
    QString title;
    QString amount;   ///< as typed, in the contract's currency
    QString currency; ///< ISO code, empty for CNY
    std::optional<UserId> owner; ///< the salesperson credited; default the drafter
    QString ownerLogin;          ///< the same by login (the CLI); the service resolves it
    QDate startDate;  ///< optional; when both are given the end is not before the start
    QDate endDate;
    std::optional<qint64> negotiationId;
};

/// A contract record (§5): header, clauses and where it stands.
struct Contract
{
    qint64 id = 0;
    QString number; ///< HT-YYYY-NNNN, assigned at draft, never reused
    qint64 customerId = 0;
    QString customerName;
    QString title;
    UserId ownerId = 0;   ///< credited in performance figures
    UserId drafterId = 0; ///< a manager or director (§5.1.1)
    std::optional<DepartmentId> departmentId; ///< the owner's department at drafting
    Money amount;
    Money amountCny; ///< at the finance rate of the drafting day; reports add these
    QDate startDate;
    QDate endDate;
    std::optional<qint64> negotiationId;
    ClauseTexts clauses;
    ContractState state = ContractState::Draft;
    int revision = 1; ///< goes up with every resubmission after a return (§5.2.2)
    std::optional<int> returnedRevision; ///< the revision reviewers last returned
    int contractVersion = 1; ///< 1 as signed; each change agreement adds one (§5.5)
    std::optional<Signing> signing;
    std::optional<Termination> termination;
    QDate completedOn;
    QString completionReason; ///< when a director completes it before everything is settled
    std::optional<ArchiveRecord> archive;
    QString destroyedAt;
    std::optional<UserId> destroyApprovedBy;
    int version = 1;  ///< optimistic locking of the row
    QString createdAt;
    QString updatedAt;
};

/// A contract row of the list with the names it shows.
struct ContractListRow
{
    Contract contract;
    QString ownerName;
};

/// Validation of the header (§5.1); throws Error::invalid naming the field.
class ContractRules
{
public:
    static void applyForm(const ContractForm &form, Contract &contract);
    /// A positive amount with at most two decimals in `currency`; invalid(field) otherwise.
    static Money parseAmount(const QString &field, const QString &text, const QString &currency);
    /// Three upper-case letters; empty means CNY.
    static QString parseCurrency(const QString &text);
};

/// Contract numbers HT-YYYY-NNNN: sequential per year, never reused (§5.6.2 numbering).
class ContractNumber
{
public:
    static QString format(int year, int sequence);
    /// The year and sequence of a well-formed number.
    static std::optional<std::pair<int, int>> parse(const QString &number);
};

/// The review and approval route (§5.2, §5.3.1): legal → finance → director → executive above
/// contract.executive_threshold (compared in CNY).
class ContractRouting
{
public:
    static QList<StepPlan> plan(const Money &amountCny, const Money &executiveThreshold);
    static bool needsExecutive(const Money &amountCny, const Money &executiveThreshold);
};

/// A conversion rate kept by finance: how many CNY one unit of `currency` is worth, as a
/// decimal with up to six places stored in millionths.
struct ExchangeRate
{
    QString currency;
    qint64 micros = 1000000;

    /// "7.123456" → 7123456; invalid("rate") for anything not positive with ≤ 6 decimals.
    static qint64 parseMicros(const QString &text);
    static QString microsToString(qint64 micros);
    /// `amount` (in `currency`) in CNY, rounded half away from zero to whole fen.
    Money toCny(const Money &amount) const;
};

} // namespace bizdesk::domain
