#pragma once

#include "domain/approval/Route.h"
#include "domain/contracts/Contract.h"
#include "domain/contracts/ContractAttachment.h"
#include "domain/contracts/Receivables.h"
#include "storage/workflow/TransitionRepository.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace bizdesk::services {

class Session;

/// Which contracts to list; visibility is applied on top.
struct ContractQuery
{
    std::optional<domain::ContractState> state;
    std::optional<qint64> customer;
    std::optional<domain::UserId> owner;
    std::optional<QString> ownerLogin; ///< the same by login (the CLI); not_found when nobody has it
    bool expiring = false; ///< effective and ending within contract.renewal_notice_days
    bool overdue = false;  ///< effective with an installment past due and not fully received
    bool retentionExpired = false; ///< archived and kept past contract.retention_years (§5.6.3): the retention page
    std::optional<qint64> beforeId; ///< the next window: ids below the last one shown
    int limit = 200;
};

/// Everything the detail view and `contract show` need about one contract.
struct ContractDetail
{
    domain::Contract contract;
    QString ownerName;
    QString drafterName;
    domain::Route route;
    QList<storage::TransitionRecord> history;
    /// Clause by clause, what changed since the revision reviewers returned (§5.2.2).
    QList<domain::ClauseChange> changesSinceReturn;
    QList<domain::ReviewComment> comments;
    QList<domain::Milestone> milestones;
    QList<domain::Receivable> receivables;
    QList<domain::Payment> payments;
    domain::ContractBalance balance;
    QList<domain::ContractCopy> copies;
    QList<domain::ChangeAgreement> changes;
    QList<domain::ContractIssue> issues;
    std::optional<std::pair<int, QString>> satisfaction;
    QList<domain::ContractAttachment> attachments; ///< metadata only; content through ContractAttachments
    QList<domain::ContractAction> actions; ///< what the session's user may do now
    QHash<domain::UserId, QString> names;  ///< display names of everybody on the route

    bool may(domain::ContractAction action) const { return actions.contains(action); }
};

/// One thing about contracts waiting for the session's user (My Tasks).
struct ContractReminder
{
    enum class Kind { Approval, Acknowledge, MilestoneOverdue, Renewal, RetentionExpired };
    Kind kind = Kind::Approval;
    qint64 contractId = 0;
    QString number;
    QString title;
    QDate due;
    QString detail; ///< the milestone kind or the copy's recipient
};

/// Drafting, review and approval of contracts (§5.1–§5.3.1), and the queries. Each use case is
/// one transaction with permission check, validation, transition record and audit entry.
class ContractService
{
public:
    explicit ContractService(Session &session) : m_session(session) {}

    /// A new draft numbered HT-YYYY-NNNN (the business year of today); the drafter is the
    /// session's user (manager or director, §5.1.1), the owner defaults to them.
    domain::Contract draft(const domain::ContractForm &form);
    /// Only the drafter, only drafts.
    domain::Contract edit(qint64 id, const domain::ContractForm &form, std::optional<int> seen = std::nullopt);
    domain::Contract setClause(qint64 id, domain::ContractClause clause, const QString &text,
                               std::optional<int> seen = std::nullopt);
    /// Refused while a §5.1.2 clause is empty; a resubmission after a return raises the revision.
    /// Header and clauses of a draft in one transaction (the GUI's editor saves this way).
    domain::Contract saveDraft(qint64 id, const domain::ContractForm &form, const domain::ClauseTexts &clauses,
                               std::optional<int> seen = std::nullopt);
    domain::Contract submit(qint64 id, std::optional<int> seen = std::nullopt);
    /// The current review or approval step; `clause` attaches the comment to one clause.
    domain::Contract approve(qint64 id, const QString &comment = {}, const QString &clause = {},
                             std::optional<int> seen = std::nullopt);
    /// Back to the drafter; a comment is required (§5.2.2).
    domain::Contract returnToDrafter(qint64 id, const QString &comment, const QString &clause = {},
                                     std::optional<int> seen = std::nullopt);
    domain::Contract withdraw(qint64 id, std::optional<int> seen = std::nullopt);

    /// Finance keeps the CNY rate of each foreign currency.
    void setExchangeRate(const QString &currency, const QString &rate);

    ContractDetail detail(qint64 id);
    QList<domain::ContractListRow> list(const ContractQuery &query);
    /// Customers the user may make a contract with whose name contains `text` (id, name).
    QList<std::pair<qint64, QString>> customerChoices(const QString &text, int limit = 50);
    /// People who may sign for the company (§5.3.1): login, display name.
    QList<std::pair<QString, QString>> signatoryChoices();
    /// Ids of contracts whose open review step waits for the user (or people they act for).
    QList<qint64> waitingForMe();

    /// Reviews waiting for the user, copies to acknowledge, overdue milestones and contracts ending
    /// within contract.renewal_notice_days of the contracts they own, expired retention (director).
    QList<ContractReminder> reminders();

    static QJsonObject toJson(const ContractDetail &detail);
    static QJsonObject toJson(const domain::ContractListRow &row);
    static QJsonObject toJson(const domain::ContractAttachment &attachment);

private:
    domain::Contract decide(qint64 id, bool approve, const QString &comment, const QString &clause, std::optional<int> seen);
    Session &m_session;
};

} // namespace bizdesk::services
