#pragma once

#include "domain/contracts/Contract.h"
#include "domain/contracts/Receivables.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace bizdesk::services {

class Session;

struct SigningInput
{
    QDate date;
    QString ourSignatoryLogin;
    QString theirSignatory;
    bool sealApplied = true;
    std::optional<domain::DepartmentId> deliveryDepartment; ///< default: the owner's department
};

struct ChangeInput
{
    QString content;
    QString reason;
    QDate effective;
    QString newAmount; ///< empty: the amount stays
    domain::ClauseTexts clauses; ///< the clauses this agreement rewrites
};

/// Signing, execution, changes, termination, completion, archive and destruction (§5.3–§5.6).
/// Each use case is one transaction with permission check, validation, transition record and
/// audit entry; the contract's version is raised by every one of them.
class ContractExecutionService
{
public:
    explicit ContractExecutionService(Session &session) : m_session(session) {}

    /// approved → effective; copies go to legal, finance and the delivery department (§5.3.3).
    domain::Contract sign(qint64 id, const SigningInput &input, std::optional<int> seen = std::nullopt);
    /// The session's user acknowledges the copy their role or department received.
    domain::Contract acknowledge(qint64 id);
    qint64 addMilestone(qint64 id, const QString &kind, const QDate &due, const QString &amount);
    domain::Contract completeMilestone(qint64 milestoneId, const QDate &doneOn);
    /// The plan's sum may not exceed the contract amount (§5.4).
    qint64 addReceivable(qint64 id, const QDate &due, const QString &amount);
    /// Finance only; at most what is outstanding, on the contract and on the installment.
    qint64 recordPayment(qint64 id, const QDate &date, const QString &amount, std::optional<qint64> receivable,
                         const QString &method);
    qint64 recordIssue(qint64 id, const QString &kind, const QString &description);
    domain::Contract recordSatisfaction(qint64 id, int score, const QString &comment);
    /// A change agreement: a new contract version with the changed clauses and/or amount (§5.5.1–2).
    domain::Contract change(qint64 id, const ChangeInput &input, std::optional<int> seen = std::nullopt);
    domain::Contract terminate(qint64 id, domain::Termination termination, std::optional<int> seen = std::nullopt);
    /// When every milestone is done and the amount received; otherwise only a director, with a reason.
    domain::Contract complete(qint64 id, const QString &reason, std::optional<int> seen = std::nullopt);
    /// Starts the retention clock (contract.retention_years, §5.6.3).
    domain::Contract archive(qint64 id, domain::ArchiveRecord record, std::optional<int> seen = std::nullopt);
    /// After the retention period, by a director: metadata and audit trail stay, attachments go.
    domain::Contract destroy(qint64 id, std::optional<int> seen = std::nullopt);

private:
    /// Loads the visible contract, checks the version seen and the action, lets `change` edit it,
    /// saves it and records `auditAction`, all in one transaction.
    domain::Contract transition(qint64 id, domain::ContractAction action, std::optional<int> seen,
                                const std::function<QJsonObject(domain::Contract &)> &change, const QString &comment = {});
    Session &m_session;
};

} // namespace bizdesk::services
