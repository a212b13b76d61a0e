#include "services/contracts/ContractAccess.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "services/approval/ApprovalDesk.h"
#include "services/identity/IdentityService.h"
#include "storage/Transaction.h"
#include "storage/approval/RouteRepository.h"
#include "storage/contracts/ContractExecutionRepository.h"
#include "storage/contracts/ContractRepository.h"

#include <QCoreApplication>

#include <algorithm>

namespace bizdesk::services {

using domain::Contract;
using domain::ContractAction;
using domain::ContractState;
using domain::Error;
using domain::Role;

QString ContractAccess::label(const Contract &contract)
{
    return QCoreApplication::translate("ContractService", "Contract %1").arg(contract.number);
}

domain::Route ContractAccess::route(qint64 id) const
{
    return storage::RouteRepository(m_session.database()).load(contractEntity, id);
}

domain::Money ContractAccess::amountInCny(const domain::Money &amount) const
{
    if (amount.currency() == domain::Money::defaultCurrency())
        return amount;
    const auto micros = storage::ContractRepository(m_session.database()).rateMicros(amount.currency());
    if (!micros)
        throw Error::invalid(QStringLiteral("currency"),
                             QCoreApplication::translate("ContractService", "currency: finance has not set a rate for %1 yet; "
                                                                            "contracts are reported in CNY.")
                                 .arg(amount.currency()));
    return domain::ExchangeRate{amount.currency(), *micros}.toCny(amount);
}

bool ContractAccess::isVisible(const Contract &contract, const domain::Route &route) const
{
    const domain::User &me = m_session.user();
    if (!m_session.may(domain::Action::ReadContracts))
        return false;
    if (me.roles.has(Role::Director) || me.roles.has(Role::Finance) || me.roles.has(Role::Legal) || me.roles.has(Role::Executive))
        return true;
    if (contract.ownerId == me.id || contract.drafterId == me.id)
        return true;
    if (me.roles.has(Role::Manager) && me.departmentId && contract.departmentId == me.departmentId)
        return true;
    // Approvers and their delegates see what they decide or decided.
    const QList<domain::UserId> people = IdentityService(m_session).actingFor();
    for (const domain::ApprovalStep &step : route.steps()) {
        for (const domain::StepApprover &approver : step.approvers) {
            if (people.contains(approver.approver))
                return true;
        }
    }
    return false;
}

Contract ContractAccess::requireVisible(qint64 id) const
{
    m_session.require(domain::Action::ReadContracts);
    const auto found = storage::ContractRepository(m_session.database()).find(id);
    if (!found || !isVisible(*found, route(id)))
        throw Error::notFound(QCoreApplication::translate("ContractRepository", "There is no contract #%1.").arg(id));
    return *found;
}

bool ContractAccess::isResponsible(const Contract &contract) const
{
    const domain::User &me = m_session.user();
    if (contract.ownerId == me.id || contract.drafterId == me.id || me.roles.has(Role::Director))
        return true;
    return me.roles.has(Role::Manager) && me.departmentId && contract.departmentId == me.departmentId;
}

bool ContractAccess::isRecipient(const domain::ContractCopy &copy) const
{
    const domain::User &me = m_session.user();
    using R = domain::ContractCopy::Recipient;
    switch (copy.recipient) {
    case R::Legal: return me.roles.has(Role::Legal);
    case R::Finance: return me.roles.has(Role::Finance);
    case R::Delivery: return me.departmentId && copy.deliveryDepartment == me.departmentId;
    }
    return false;
}

bool ContractAccess::holdsOpenCopy(qint64 contractId) const
{
    const QList<domain::ContractCopy> copies = storage::ContractExecutionRepository(m_session.database()).copies(contractId);
    return std::any_of(copies.begin(), copies.end(),
                       [this](const domain::ContractCopy &copy) { return !copy.isAcknowledged() && isRecipient(copy); });
}

Contract ContractAccess::transition(qint64 id, ContractAction action, std::optional<int> seen,
                                    const std::function<QJsonObject(Contract &)> &change, const QString &auditAction,
                                    const QString &comment) const
{
    storage::Transaction transaction(m_session.database());
    Contract contract = requireVisible(id);
    requireSeenVersion(seen, contract.version, label(contract));
    require(contract, route(id), action);
    const Contract before = contract;
    contract.state = domain::ContractWorkflow::target(contract.state, action);
    const QJsonObject details = change(contract);
    storage::ContractRepository repository(m_session.database());
    repository.update(contract, m_session.timestamp(), m_session.userId());
    const Contract saved = repository.require(id);
    record(before, saved, auditAction.isEmpty() ? domain::contractActions().name(action) : auditAction, comment, std::nullopt,
           details);
    transaction.commit();
    return saved;
}

QList<ContractAction> ContractAccess::actionsFor(const Contract &contract, const domain::Route &route) const
{
    QList<ContractAction> actions;
    const domain::User &me = m_session.user();
    const bool drafter = contract.drafterId == me.id && m_session.may(domain::Action::DraftContract);
    const bool responsible = isResponsible(contract);
    for (const ContractAction action : domain::ContractWorkflow::actionsIn(contract.state)) {
        bool may = false;
        switch (action) {
        case ContractAction::Edit:
        case ContractAction::Submit:
        case ContractAction::Withdraw:
            may = drafter;
            break;
        case ContractAction::Approve:
        case ContractAction::Return:
            may = ApprovalDesk(m_session).mayDecide(route, contract.drafterId);
            break;
        case ContractAction::Sign:
        case ContractAction::PlanMilestone:
        case ContractAction::CompleteMilestone:
        case ContractAction::RecordIssue:
        case ContractAction::RecordSatisfaction:
            may = responsible;
            break;
        case ContractAction::PlanReceivable:
            may = responsible || me.roles.has(Role::Finance);
            break;
        case ContractAction::RecordPayment:
            may = me.roles.has(Role::Finance);
            break;
        case ContractAction::Acknowledge:
            may = holdsOpenCopy(contract.id);
            break;
        case ContractAction::Change:
        case ContractAction::Terminate:
        case ContractAction::Complete:
            may = responsible && m_session.may(domain::Action::DraftContract);
            break;
        case ContractAction::Archive:
            may = me.roles.has(Role::Legal) || (responsible && m_session.may(domain::Action::DraftContract));
            break;
        case ContractAction::Destroy:
            may = me.roles.has(Role::Director);
            break;
        }
        if (may)
            actions << action;
    }
    return actions;
}

void ContractAccess::require(const Contract &contract, const domain::Route &route, ContractAction action) const
{
    domain::ContractWorkflow::require(contract.state, action);
    if (!actionsFor(contract, route).contains(action))
        throw Error::denied(QCoreApplication::translate("ContractService", "%1 may not \"%2\" %3.")
                                .arg(m_session.user().displayName, domain::contractActions().display(action), label(contract)),
                            QStringLiteral("5"));
}

QJsonObject ContractAccess::auditJson(const Contract &contract)
{
    QJsonObject json{
        {QStringLiteral("number"), contract.number},
        {QStringLiteral("state"), domain::contractStates().name(contract.state)},
        {QStringLiteral("title"), contract.title},
        {QStringLiteral("customer_id"), contract.customerId},
        {QStringLiteral("owner_id"), contract.ownerId},
        {QStringLiteral("amount"), contract.amount.toDecimalString()},
        {QStringLiteral("currency"), contract.amount.currency()},
        {QStringLiteral("revision"), contract.revision},
        {QStringLiteral("contract_version"), contract.contractVersion},
    };
    QJsonObject clauses;
    for (auto it = contract.clauses.cbegin(); it != contract.clauses.cend(); ++it)
        clauses.insert(domain::contractClauses().name(it.key()), it.value());
    json.insert(QStringLiteral("clauses"), clauses);
    return json;
}

void ContractAccess::record(const Contract &before, const Contract &after, const QString &action, const QString &comment,
                            std::optional<domain::UserId> onBehalfOf, const QJsonObject &details) const
{
    QJsonObject afterJson = auditJson(after);
    for (auto it = details.begin(); it != details.end(); ++it)
        afterJson.insert(it.key(), it.value());
    recordWorkflowChange(m_session, QStringLiteral("contract"),
                         WorkflowChange{contractEntity, after.id, action, domain::contractStates().name(before.state),
                                        domain::contractStates().name(after.state), comment, onBehalfOf,
                                        before.id ? auditJson(before) : QJsonObject(), afterJson});
}

} // namespace bizdesk::services
