#pragma once

#include "domain/contracts/Contract.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bizdesk::storage {

class Database;

/// Which contracts a list shows: a window of `limit` rows after `afterId` (keyset paging, newest
/// first), each filter backed by an index of 0009_contracts.sql.
struct ContractFilter
{
    std::optional<domain::ContractState> state;
    std::optional<qint64> customer;
    std::optional<domain::UserId> owner;
    /// Effective contracts ending between these dates (both given), as the renewal notice.
    std::optional<QDate> endingFrom;
    std::optional<QDate> endingTo;
    /// Effective contracts with an installment due before this date and not fully received.
    std::optional<QDate> overdueOn;
    /// Archived contracts whose retention ended on or before this date (§5.6.3).
    std::optional<QDate> retentionEndedBy;
    /// Visibility: only these departments' contracts, plus the user's own (empty = all visible).
    QList<domain::DepartmentId> departments;
    std::optional<domain::UserId> alsoOwnedBy;
    bool restricted = false;
    std::optional<qint64> beforeId;
    int limit = 200;
};

/// Something about a contract that waits for someone (My Tasks).
struct ContractReminderRow
{
    qint64 contractId = 0;
    QString number;
    QString title;
    QDate due;
    std::optional<qint64> milestoneId;
    QString recipient; ///< for copies: legal | finance | delivery
};

/// Contracts with their clauses and revision snapshots (tables contracts, contract_clauses,
/// contract_clause_revisions, contract_number_counters, exchange_rates).
class ContractRepository
{
public:
    explicit ContractRepository(Database &database) : m_database(database) {}

    /// The next sequence of `year`, advanced atomically (parallel drafts never share one).
    int nextSequence(int year);
    qint64 insert(const domain::Contract &contract, const QString &now, domain::UserId actor);
    /// Writes every column; conflict when the row is no longer at `contract.version`.
    int update(const domain::Contract &contract, const QString &now, domain::UserId actor);
    std::optional<domain::Contract> find(qint64 id) const;
    domain::Contract require(qint64 id) const;
    QList<domain::ContractListRow> list(const ContractFilter &filter) const;
    /// SQLite's EXPLAIN QUERY PLAN of exactly the statement list() runs for `filter`, one step a
    /// line: the tests prove with it that every filter is index-backed.
    QString listPlan(const ContractFilter &filter) const;

    void setClause(qint64 contractId, domain::ContractClause clause, const QString &text);
    domain::ClauseTexts clauses(qint64 contractId) const;
    void snapshotRevision(qint64 contractId, int revision, const domain::ClauseTexts &texts);
    domain::ClauseTexts revisionClauses(qint64 contractId, int revision) const;

    /// Effective contracts of `owner` ending between `from` and `to` (renewal notice, §5.4).
    QList<ContractReminderRow> endingBetween(domain::UserId owner, const QDate &from, const QDate &to) const;
    /// Open milestones of `owner`'s effective contracts due before `today` (§5.4.1).
    QList<ContractReminderRow> overdueMilestones(domain::UserId owner, const QDate &today) const;
    /// Copies not yet acknowledged by these recipients (§5.3.3); `department` for delivery copies.
    QList<ContractReminderRow> openCopies(const QStringList &recipients, std::optional<domain::DepartmentId> department) const;
    /// Archived contracts whose retention ended by `today` (§5.6.3).
    QList<ContractReminderRow> retentionExpired(const QDate &today, int limit) const;

    /// CNY per unit of `currency` kept by finance; nothing when no rate is set.
    std::optional<qint64> rateMicros(const QString &currency) const;
    void setRate(const QString &currency, qint64 micros, const QString &now, domain::UserId actor);

private:
    Database &m_database;
};

} // namespace bizdesk::storage
