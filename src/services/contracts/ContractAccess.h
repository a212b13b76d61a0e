#pragma once

#include "domain/approval/Route.h"
#include "domain/contracts/Contract.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

#include <optional>

namespace bizdesk::services {

class Session;

/// Entity kind of contracts in approval_steps, workflow_transitions and the audit trail.
inline const QString contractEntity = QStringLiteral("contract");

/// What every contract use case shares: who may see and act on a contract, and how a change is
/// recorded (transition history and audit entry, in the caller's transaction).
class ContractAccess
{
public:
    explicit ContractAccess(Session &session) : m_session(session) {}

    /// The contract if the session's user may see it; not_found otherwise (existence does not leak).
    domain::Contract requireVisible(qint64 id) const;
    bool isVisible(const domain::Contract &contract, const domain::Route &route) const;
    /// Everything the session's user may do with the contract now (ContractWorkflow × roles ×
    /// who they are to the contract × the route). Widgets and the CLI offer exactly these.
    QList<domain::ContractAction> actionsFor(const domain::Contract &contract, const domain::Route &route) const;
    /// Throws conflict when the state does not allow `action` (exit 4), denied when the state
    /// does but the user may not (exit 3).
    void require(const domain::Contract &contract, const domain::Route &route, domain::ContractAction action) const;
    domain::Route route(qint64 id) const;
    /// `amount` in CNY at finance's rate (§5.1: reports in CNY); invalid("currency") without one.
    domain::Money amountInCny(const domain::Money &amount) const;

    /// One use case on an existing contract, in one transaction: loads it (visible to the user),
    /// checks the version seen and the action, moves the state as ContractWorkflow::target says,
    /// lets `change` edit the contract (its return value goes into the audit entry), saves it and
    /// records it as `auditAction` (default: the action's name).
    domain::Contract transition(qint64 id, domain::ContractAction action, std::optional<int> seen,
                                const std::function<QJsonObject(domain::Contract &)> &change,
                                const QString &auditAction = {}, const QString &comment = {}) const;
    /// Whether the session's user receives `copy` (legal, finance, or the delivery department).
    bool isRecipient(const domain::ContractCopy &copy) const;

    /// Writes the transition (when the state changed or a comment was given) and the audit entry.
    void record(const domain::Contract &before, const domain::Contract &after, const QString &action,
                const QString &comment = {}, std::optional<domain::UserId> onBehalfOf = std::nullopt,
                const QJsonObject &details = {}) const;
    /// Audit shape of a contract: number, state, amount, clauses' sizes and versions.
    static QJsonObject auditJson(const domain::Contract &contract);
    static QString label(const domain::Contract &contract);

    /// The owner, the drafter, a director, or a manager of the contract's department.
    bool isResponsible(const domain::Contract &contract) const;

private:
    bool holdsOpenCopy(qint64 contractId) const;
    Session &m_session;
};

} // namespace bizdesk::services
