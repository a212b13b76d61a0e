#include "services/contracts/ContractExecutionService.h"

#include "domain/Error.h"
#include "domain/TextRules.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/approval/ApprovalDesk.h"
#include "services/contracts/ContractAccess.h"
#include "services/policy/PolicyService.h"
#include "storage/contracts/ContractExecutionRepository.h"
#include "storage/contracts/ContractRepository.h"
#include "storage/identity/UserRepository.h"

#include <QCoreApplication>

namespace bizdesk::services {
namespace {

using domain::Contract;
using domain::ContractAction;
using domain::Error;
using domain::Money;

QString isoDate(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

const QStringList issueKinds{QStringLiteral("changed_needs"), QStringLiteral("delay"), QStringLiteral("quality_dispute")};

} // namespace

Contract ContractExecutionService::transition(qint64 id, ContractAction action, std::optional<int> seen,
                                              const std::function<QJsonObject(Contract &)> &change, const QString &comment)
{
    return ContractAccess(m_session).transition(id, action, seen, change, {}, comment);
}

Contract ContractExecutionService::sign(qint64 id, const SigningInput &input, std::optional<int> seen)
{
    return transition(id, ContractAction::Sign, seen, [&](Contract &contract) {
        storage::UserRepository users(m_session.database());
        const auto signatory = users.findByLogin(input.ourSignatoryLogin.trimmed());
        if (!signatory || !signatory->active)
            throw Error::notFound(QCoreApplication::translate("ContractService", "our_signatory: there is no active person "
                                                                                 "with the login \"%1\".")
                                      .arg(input.ourSignatoryLogin));
        // Authorised representatives (§5.3.1): the people who may give the final approval.
        if (!signatory->roles.has(domain::Role::Director) && !signatory->roles.has(domain::Role::Executive))
            throw Error::invalid(QStringLiteral("our_signatory"),
                                 QCoreApplication::translate("ContractService", "our_signatory: %1 is not an authorised "
                                                                                "signatory (a director or executive, §5.3.1).")
                                     .arg(signatory->displayName),
                                 QStringLiteral("5.3.1"));
        const domain::Signing signing{input.date, signatory->id, input.theirSignatory.trimmed(), input.sealApplied};
        domain::ContractRecordRules::validate(signing);
        contract.signing = signing;
        storage::ContractExecutionRepository execution(m_session.database());
        using R = domain::ContractCopy::Recipient;
        const auto owner = users.findById(contract.ownerId);
        const std::optional<domain::DepartmentId> delivery =
            input.deliveryDepartment ? input.deliveryDepartment : (owner ? owner->departmentId : std::nullopt);
        for (const R recipient : {R::Legal, R::Finance, R::Delivery}) {
            domain::ContractCopy copy;
            copy.recipient = recipient;
            if (recipient == R::Delivery)
                copy.deliveryDepartment = delivery;
            execution.addCopy(id, copy);
        }
        return QJsonObject{{QStringLiteral("signed_on"), isoDate(input.date)},
                           {QStringLiteral("our_signatory"), signatory->login},
                           {QStringLiteral("their_signatory"), signing.theirSignatory}};
    });
}

Contract ContractExecutionService::acknowledge(qint64 id)
{
    return transition(id, ContractAction::Acknowledge, std::nullopt, [&](Contract &) {
        const domain::User &me = m_session.user();
        const ContractAccess access(m_session);
        storage::ContractExecutionRepository execution(m_session.database());
        QStringList acknowledged;
        for (const domain::ContractCopy &copy : execution.copies(id)) {
            if (!copy.isAcknowledged() && access.isRecipient(copy) && execution.acknowledge(id, copy.recipient, me.id, m_session.timestamp()))
                acknowledged << domain::ContractCopy::recipientName(copy.recipient);
        }
        return QJsonObject{{QStringLiteral("acknowledged"), acknowledged.join(QLatin1Char(','))}};
    });
}

qint64 ContractExecutionService::addMilestone(qint64 id, const QString &kind, const QDate &due, const QString &amount)
{
    qint64 milestoneId = 0;
    transition(id, ContractAction::PlanMilestone, std::nullopt, [&](Contract &contract) {
        domain::Milestone milestone;
        milestone.contractId = id;
        milestone.kind = domain::Milestone::parseKind(kind);
        if (!due.isValid())
            throw Error::invalid(QStringLiteral("due"), QCoreApplication::translate("ContractService", "due: a due date "
                                                                                                       "(YYYY-MM-DD) is required."));
        milestone.due = due;
        if (!amount.trimmed().isEmpty())
            milestone.amount = domain::ContractRules::parseAmount(QStringLiteral("amount"), amount, contract.amount.currency());
        milestoneId = storage::ContractExecutionRepository(m_session.database()).addMilestone(milestone, m_session.timestamp(),
                                                                                               m_session.userId());
        return QJsonObject{{QStringLiteral("milestone_id"), milestoneId},
                           {QStringLiteral("kind"), domain::Milestone::kindName(milestone.kind)},
                           {QStringLiteral("due"), isoDate(due)}};
    });
    return milestoneId;
}

Contract ContractExecutionService::completeMilestone(qint64 milestoneId, const QDate &doneOn)
{
    storage::ContractExecutionRepository execution(m_session.database());
    const auto milestone = execution.milestone(milestoneId);
    if (!milestone)
        throw Error::notFound(QCoreApplication::translate("ContractService", "There is no milestone #%1.").arg(milestoneId));
    return transition(milestone->contractId, ContractAction::CompleteMilestone, std::nullopt, [&](Contract &) {
        const auto current = execution.milestone(milestoneId);
        if (current && current->isDone())
            throw Error::conflict(QCoreApplication::translate("ContractService", "Milestone #%1 was already done on %2.")
                                      .arg(milestoneId)
                                      .arg(isoDate(current->doneOn)));
        const QDate date = doneOn.isValid() ? doneOn : m_session.today();
        execution.markMilestoneDone(milestoneId, date, m_session.userId());
        return QJsonObject{{QStringLiteral("milestone_id"), milestoneId}, {QStringLiteral("done_on"), isoDate(date)}};
    });
}

qint64 ContractExecutionService::addReceivable(qint64 id, const QDate &due, const QString &amount)
{
    qint64 receivableId = 0;
    transition(id, ContractAction::PlanReceivable, std::nullopt, [&](Contract &contract) {
        if (!due.isValid())
            throw Error::invalid(QStringLiteral("due"), QCoreApplication::translate("ContractService", "due: a due date "
                                                                                                       "(YYYY-MM-DD) is required."));
        const Money installment = domain::ContractRules::parseAmount(QStringLiteral("amount"), amount, contract.amount.currency());
        storage::ContractExecutionRepository execution(m_session.database());
        domain::ReceivableRules::requireWithinContract(contract.amount, execution.receivables(id), installment);
        receivableId = execution.addReceivable(domain::Receivable{0, id, due, installment, Money::fromMinor(0, installment.currency())},
                                               m_session.timestamp(), m_session.userId());
        return QJsonObject{{QStringLiteral("receivable_id"), receivableId},
                           {QStringLiteral("due"), isoDate(due)},
                           {QStringLiteral("amount"), installment.toDecimalString()}};
    });
    return receivableId;
}

qint64 ContractExecutionService::recordPayment(qint64 id, const QDate &date, const QString &amount,
                                               std::optional<qint64> receivable, const QString &method)
{
    qint64 paymentId = 0;
    transition(id, ContractAction::RecordPayment, std::nullopt, [&](Contract &contract) {
        if (!date.isValid())
            throw Error::invalid(QStringLiteral("date"), QCoreApplication::translate("ContractService", "date: the date the "
                                                                                                        "payment arrived is required."));
        const Money paid = domain::ContractRules::parseAmount(QStringLiteral("amount"), amount, contract.amount.currency());
        storage::ContractExecutionRepository execution(m_session.database());
        domain::ReceivableRules::requirePaymentWithinOutstanding(contract.amount, execution.payments(id), paid);
        if (receivable) {
            const QList<domain::Receivable> plan = execution.receivables(id);
            const auto found = std::find_if(plan.begin(), plan.end(), [&](const domain::Receivable &r) { return r.id == *receivable; });
            if (found == plan.end())
                throw Error::notFound(QCoreApplication::translate("ContractService", "receivable: contract %1 has no "
                                                                                     "installment #%2.")
                                          .arg(contract.number)
                                          .arg(*receivable));
            if (paid > found->outstanding())
                throw Error::invalid(QStringLiteral("amount"),
                                     QCoreApplication::translate("ContractService", "amount: installment #%1 has only %2 "
                                                                                    "outstanding (§5.4).")
                                         .arg(*receivable)
                                         .arg(found->outstanding().toGroupedString()),
                                     QStringLiteral("5.4"));
        }
        const QString cleanMethod = domain::TextRules::clean(QStringLiteral("method"), method, domain::TextKind::ShortText);
        paymentId = execution.addPayment(domain::Payment{0, id, receivable, date, paid, cleanMethod, m_session.userId()},
                                         m_session.timestamp());
        return QJsonObject{{QStringLiteral("payment_id"), paymentId},
                           {QStringLiteral("date"), isoDate(date)},
                           {QStringLiteral("amount"), paid.toDecimalString()}};
    });
    return paymentId;
}

qint64 ContractExecutionService::recordIssue(qint64 id, const QString &kind, const QString &description)
{
    qint64 issueId = 0;
    transition(id, ContractAction::RecordIssue, std::nullopt, [&](Contract &) {
        if (!issueKinds.contains(kind.trimmed()))
            throw Error::invalid(QStringLiteral("kind"), QCoreApplication::translate("ContractService", "kind: \"%1\" is not one "
                                                                                                        "of %2 (§5.4.2).")
                                                             .arg(kind, issueKinds.join(QLatin1Char('|'))),
                                 QStringLiteral("5.4.2"));
        const QString text = domain::TextRules::required(QStringLiteral("description"), description, domain::TextKind::Notes);
        issueId = storage::ContractExecutionRepository(m_session.database())
                      .addIssue(id, domain::ContractIssue{0, kind.trimmed(), text, QStringLiteral("open"), {}, m_session.timestamp()},
                                m_session.userId());
        return QJsonObject{{QStringLiteral("issue_id"), issueId}, {QStringLiteral("kind"), kind.trimmed()}};
    });
    return issueId;
}

Contract ContractExecutionService::recordSatisfaction(qint64 id, int score, const QString &comment)
{
    return transition(id, ContractAction::RecordSatisfaction, std::nullopt, [&](Contract &) {
        domain::ContractRecordRules::validateSatisfaction(score);
        storage::ContractExecutionRepository execution(m_session.database());
        const QList<domain::Milestone> milestones = execution.milestones(id);
        const bool accepted = std::any_of(milestones.begin(), milestones.end(), [](const domain::Milestone &m) {
            return m.kind == domain::Milestone::Kind::Acceptance && m.isDone();
        });
        if (!accepted)
            throw Error::conflict(QCoreApplication::translate("ContractService", "Satisfaction is collected after acceptance "
                                                                                 "(§5.4.3); no acceptance milestone is done yet."),
                                  QStringLiteral("5.4.3"));
        const QString text = domain::TextRules::clean(QStringLiteral("comment"), comment, domain::TextKind::Notes);
        execution.setSatisfaction(id, score, text, m_session.timestamp(), m_session.userId());
        return QJsonObject{{QStringLiteral("satisfaction"), score}};
    });
}

Contract ContractExecutionService::change(qint64 id, const ChangeInput &input, std::optional<int> seen)
{
    return transition(id, ContractAction::Change, seen, [&](Contract &contract) {
        domain::ChangeAgreement agreement;
        agreement.content = input.content;
        agreement.reason = input.reason;
        agreement.effective = input.effective;
        domain::ContractRecordRules::validate(agreement);
        agreement.contractVersion = contract.contractVersion + 1;
        agreement.createdAt = m_session.timestamp();
        agreement.createdBy = m_session.userId();
        storage::ContractRepository repository(m_session.database());
        storage::ContractExecutionRepository execution(m_session.database());
        if (!input.newAmount.trimmed().isEmpty()) {
            const Money amount = domain::ContractRules::parseAmount(QStringLiteral("amount"), input.newAmount, contract.amount.currency());
            // The plan and the payments must still fit the new amount.
            domain::ReceivableRules::requireWithinContract(amount, execution.receivables(id), Money::fromMinor(0, amount.currency()));
            domain::ReceivableRules::requirePaymentWithinOutstanding(amount, execution.payments(id), Money::fromMinor(0, amount.currency()));
            agreement.amountBefore = contract.amount;
            agreement.amountAfter = amount;
            contract.amountCny = ContractAccess(m_session).amountInCny(amount);
            contract.amount = amount;
        }
        domain::ClauseTexts updated = contract.clauses;
        for (auto it = input.clauses.cbegin(); it != input.clauses.cend(); ++it)
            updated[it.key()] = domain::TextRules::required(domain::contractClauses().name(it.key()), it.value(), domain::TextKind::Notes);
        agreement.clauseChanges = domain::ClauseDiff::between(contract.clauses, updated);
        if (agreement.clauseChanges.isEmpty() && !agreement.amountAfter)
            throw Error::invalid(QStringLiteral("content"),
                                 QCoreApplication::translate("ContractService", "content: the change agreement changes neither a "
                                                                                "clause nor the amount (§5.5.1)."),
                                 QStringLiteral("5.5.1"));
        for (const domain::ClauseChange &clause : agreement.clauseChanges)
            repository.setClause(id, clause.clause, clause.after);
        contract.clauses = updated;
        contract.contractVersion = agreement.contractVersion;
        execution.addChange(id, agreement);
        return QJsonObject{{QStringLiteral("contract_version"), agreement.contractVersion},
                           {QStringLiteral("reason"), agreement.reason},
                           {QStringLiteral("change_content"), agreement.content}};
    });
}

Contract ContractExecutionService::terminate(qint64 id, domain::Termination termination, std::optional<int> seen)
{
    return transition(id, ContractAction::Terminate, seen, [&](Contract &contract) {
        domain::ContractRecordRules::validate(termination);
        contract.termination = termination;
        return QJsonObject{{QStringLiteral("termination_reason"), termination.reason},
                           {QStringLiteral("notice_date"), isoDate(termination.noticeDate)}};
    });
}

Contract ContractExecutionService::complete(qint64 id, const QString &reason, std::optional<int> seen)
{
    return transition(id, ContractAction::Complete, seen, [&](Contract &contract) {
        storage::ContractExecutionRepository execution(m_session.database());
        const QList<domain::Milestone> milestones = execution.milestones(id);
        const int open = static_cast<int>(std::count_if(milestones.begin(), milestones.end(),
                                                        [](const domain::Milestone &m) { return !m.isDone(); }));
        const domain::ContractBalance balance = domain::ReceivableRules::balance(contract.amount, execution.receivables(id),
                                                                                 execution.payments(id), m_session.today());
        const bool settled = open == 0 && balance.outstanding.isZero();
        const QString text = domain::TextRules::clean(QStringLiteral("reason"), reason, domain::TextKind::Notes);
        if (!settled) {
            if (!m_session.user().roles.has(domain::Role::Director))
                throw Error::conflict(QCoreApplication::translate("ContractService", "%1 still has %2 open milestone(s) and "
                                                                                     "%3 outstanding; it is completed when "
                                                                                     "everything is done and settled, or by a "
                                                                                     "director with a reason.")
                                          .arg(ContractAccess::label(contract))
                                          .arg(open)
                                          .arg(balance.outstanding.toGroupedString()));
            if (text.isEmpty())
                throw Error::invalid(QStringLiteral("reason"),
                                     QCoreApplication::translate("ContractService", "reason: completing a contract that is not "
                                                                                    "yet done and settled needs a reason."));
        }
        contract.completedOn = m_session.today();
        contract.completionReason = text;
        return QJsonObject{{QStringLiteral("completed_on"), isoDate(contract.completedOn)},
                           {QStringLiteral("completion_reason"), text}};
    }, reason.trimmed());
}

Contract ContractExecutionService::archive(qint64 id, domain::ArchiveRecord record, std::optional<int> seen)
{
    return transition(id, ContractAction::Archive, seen, [&](Contract &contract) {
        if (!record.archivedOn.isValid())
            record.archivedOn = m_session.today();
        domain::ContractRecordRules::validate(record);
        const int years = static_cast<int>(PolicyService(m_session).integer(domain::policy::contractRetentionYears));
        record.retentionUntil = domain::ContractRecordRules::retentionEnd(record.archivedOn, years);
        contract.archive = record;
        return QJsonObject{{QStringLiteral("archive_number"), record.archiveNumber},
                           {QStringLiteral("retention_until"), isoDate(record.retentionUntil)}};
    });
}

Contract ContractExecutionService::destroy(qint64 id, std::optional<int> seen)
{
    return transition(id, ContractAction::Destroy, seen, [&](Contract &contract) {
        if (!contract.archive || contract.archive->retentionUntil > m_session.today())
            throw Error::conflict(QCoreApplication::translate("ContractService", "%1 is kept until %2 (§5.6.3); it cannot be "
                                                                                 "destroyed before.")
                                      .arg(ContractAccess::label(contract),
                                           contract.archive ? isoDate(contract.archive->retentionUntil) : QString()),
                                  QStringLiteral("5.6.3"));
        // Metadata and the audit trail stay; the documents go (§5.6.3).
        storage::ContractExecutionRepository(m_session.database()).removeAttachmentContents(id);
        contract.destroyedAt = m_session.timestamp();
        contract.destroyApprovedBy = m_session.userId();
        return QJsonObject{{QStringLiteral("destroy_approved_by"), m_session.user().login}};
    });
}

} // namespace bizdesk::services
