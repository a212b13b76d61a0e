#include "services/contracts/ContractService.h"

#include "domain/Error.h"
#include "domain/TextRules.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/approval/ApprovalDesk.h"
#include "services/audit/AuditTrail.h"
#include "services/contracts/ContractAccess.h"
#include "services/contracts/ContractVisibility.h"
#include "services/customers/CustomerService.h"
#include "services/identity/IdentityService.h"
#include "services/negotiations/NegotiationService.h"
#include "services/policy/PolicyService.h"
#include "storage/Transaction.h"
#include "storage/approval/RouteRepository.h"
#include "storage/contracts/ContractAttachmentRepository.h"
#include "storage/contracts/ContractExecutionRepository.h"
#include "storage/contracts/ContractRepository.h"
#include "storage/identity/UserRepository.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace bizdesk::services {
namespace {

using domain::Contract;
using domain::ContractAction;
using domain::ContractState;
using domain::Error;
using domain::Money;
using domain::UserId;

domain::Action neededFor(const QString &stepState)
{
    if (stepState == QLatin1String("legal_review"))
        return domain::Action::LegalReviewContract;
    if (stepState == QLatin1String("finance_review"))
        return domain::Action::FinanceReviewContract;
    if (stepState == QLatin1String("executive_approval"))
        return domain::Action::ExecutiveApproveContract;
    return domain::Action::ApproveContract;
}

QString isoDate(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QString money(const Money &amount)
{
    return amount.toDecimalString();
}

QJsonArray clauseChangesJson(const QList<domain::ClauseChange> &changes)
{
    QJsonArray json;
    for (const domain::ClauseChange &change : changes)
        json.append(QJsonObject{{QStringLiteral("clause"), domain::contractClauses().name(change.clause)},
                                {QStringLiteral("before"), change.before},
                                {QStringLiteral("after"), change.after}});
    return json;
}

QJsonArray attachmentsJson(const QList<domain::ContractAttachment> &attachments)
{
    QJsonArray json;
    for (const domain::ContractAttachment &attachment : attachments)
        json.append(ContractService::toJson(attachment));
    return json;
}

QJsonObject clausesJson(const domain::ClauseTexts &texts)
{
    QJsonObject json;
    for (const domain::ContractClause clause : domain::contractClauses().all())
        json.insert(domain::contractClauses().name(clause), texts.value(clause));
    return json;
}

/// A draft from a consensus (§4.2.6): the negotiation's customer, title and agreed amount (its
/// latest offer) fill what the drafter left empty; its agreed terms become clause texts.
domain::ClauseTexts fillFromNegotiation(Session &session, domain::ContractForm &form)
{
    domain::ClauseTexts clauses;
    if (!form.negotiationId)
        return clauses;
    const ContractBasis basis = NegotiationService(session).contractBasis(*form.negotiationId);
    if (form.customerId <= 0)
        form.customerId = basis.customerId;
    if (form.title.trimmed().isEmpty())
        form.title = basis.title;
    if (form.amount.trimmed().isEmpty())
        form.amount = basis.amount.toDecimalString();
    using T = domain::NegotiationTerm;
    using C = domain::ContractClause;
    const QList<std::pair<T, C>> mapping{{T::Price, C::Price},         {T::Delivery, C::Delivery}, {T::Service, C::Obligations},
                                         {T::Acceptance, C::Acceptance}, {T::Payment, C::Payment}, {T::Breach, C::Breach}};
    for (const auto &[term, clause] : mapping) {
        if (basis.agreedTerms.contains(term))
            clauses[clause] = basis.agreedTerms.value(term);
    }
    return clauses;
}

} // namespace

Contract ContractService::draft(const domain::ContractForm &typed)
{
    m_session.require(domain::Action::DraftContract);
    storage::Transaction transaction(m_session.database());
    domain::ContractForm form = typed;
    const domain::ClauseTexts agreedClauses = fillFromNegotiation(m_session, form);
    Contract contract;
    domain::ContractRules::applyForm(form, contract);
    CustomerService(m_session).requireLinkable(contract.customerId);
    const domain::User &me = m_session.user();
    contract.drafterId = me.id;
    storage::UserRepository users(m_session.database());
    if (!form.ownerLogin.trimmed().isEmpty()) {
        const auto byLogin = users.findByLogin(form.ownerLogin.trimmed());
        if (!byLogin)
            throw Error::notFound(QCoreApplication::translate("ContractService", "owner: there is no person with the login \"%1\".")
                                      .arg(form.ownerLogin));
        contract.ownerId = byLogin->id;
    } else {
        contract.ownerId = form.owner.value_or(me.id);
    }
    const auto owner = users.findById(contract.ownerId);
    if (!owner || !owner->active)
        throw Error::notFound(QCoreApplication::translate("ContractService", "owner: there is no active person #%1.").arg(contract.ownerId));
    contract.departmentId = owner->departmentId ? owner->departmentId : me.departmentId;
    contract.amountCny = ContractAccess(m_session).amountInCny(contract.amount);
    storage::ContractRepository repository(m_session.database());
    const int year = m_session.today().year();
    contract.number = domain::ContractNumber::format(year, repository.nextSequence(year));
    contract.state = ContractState::Draft;
    contract.id = repository.insert(contract, m_session.timestamp(), me.id);
    for (auto it = agreedClauses.cbegin(); it != agreedClauses.cend(); ++it)
        repository.setClause(contract.id, it.key(), domain::TextRules::clean(domain::contractClauses().name(it.key()), it.value(), domain::TextKind::Notes));
    const Contract saved = repository.require(contract.id);
    ContractAccess(m_session).record(Contract{}, saved, QStringLiteral("draft"));
    transaction.commit();
    return saved;
}

Contract ContractService::edit(qint64 id, const domain::ContractForm &form, std::optional<int> seen)
{
    const ContractAccess access(m_session);
    return access.transition(id, ContractAction::Edit, seen, [&](Contract &contract) {
        const qint64 customerBefore = contract.customerId;
        domain::ContractRules::applyForm(form, contract);
        if (contract.customerId != customerBefore)
            CustomerService(m_session).requireLinkable(contract.customerId);
        if (form.owner)
            contract.ownerId = *form.owner;
        contract.amountCny = access.amountInCny(contract.amount);
        return QJsonObject();
    });
}

Contract ContractService::setClause(qint64 id, domain::ContractClause clause, const QString &text, std::optional<int> seen)
{
    // The clause is part of the record: writing it raises the contract's version.
    return ContractAccess(m_session).transition(id, ContractAction::Edit, seen, [&](Contract &) {
        const QString body = domain::TextRules::clean(domain::contractClauses().name(clause), text, domain::TextKind::Notes);
        storage::ContractRepository(m_session.database()).setClause(id, clause, body);
        return QJsonObject{{QStringLiteral("clause"), domain::contractClauses().name(clause)}};
    }, QStringLiteral("clause"));
}

Contract ContractService::saveDraft(qint64 id, const domain::ContractForm &form, const domain::ClauseTexts &clauses,
                                    std::optional<int> seen)
{
    storage::Transaction transaction(m_session.database());
    const Contract edited = edit(id, form, seen);
    Contract saved = edited;
    for (auto it = clauses.cbegin(); it != clauses.cend(); ++it) {
        if (saved.clauses.value(it.key()) != it.value().trimmed())
            saved = setClause(id, it.key(), it.value(), saved.version);
    }
    transaction.commit();
    return saved;
}

Contract ContractService::submit(qint64 id, std::optional<int> seen)
{
    return ContractAccess(m_session).transition(id, ContractAction::Submit, seen, [&](Contract &contract) {
        domain::ClauseGate::requireComplete(contract.clauses);
        if (contract.returnedRevision && *contract.returnedRevision >= contract.revision)
            contract.revision = *contract.returnedRevision + 1;
        storage::ContractRepository(m_session.database()).snapshotRevision(id, contract.revision, contract.clauses);
        const Money threshold = PolicyService(m_session).money(domain::policy::contractExecutiveThreshold);
        const domain::Route route = ApprovalDesk(m_session).start(
            contractEntity, id, domain::ContractRouting::plan(contract.amountCny, threshold), contract.drafterId);
        contract.state = domain::contractStates().fromName(route.currentState()).value_or(ContractState::LegalReview);
        return QJsonObject();
    });
}

Contract ContractService::approve(qint64 id, const QString &comment, const QString &clause, std::optional<int> seen)
{
    return decide(id, true, comment, clause, seen);
}

Contract ContractService::returnToDrafter(qint64 id, const QString &comment, const QString &clause, std::optional<int> seen)
{
    return decide(id, false, comment, clause, seen);
}

Contract ContractService::decide(qint64 id, bool approve, const QString &comment, const QString &clause, std::optional<int> seen)
{
    storage::Transaction transaction(m_session.database());
    const ContractAccess access(m_session);
    Contract contract = access.requireVisible(id);
    requireSeenVersion(seen, contract.version, ContractAccess::label(contract));
    const ContractAction action = approve ? ContractAction::Approve : ContractAction::Return;
    domain::ContractWorkflow::require(contract.state, action);
    domain::ContractWorkflow::requireComment(action, comment);
    const QString clauseName = clause.trimmed().isEmpty() ? QString()
                                                          : domain::contractClauses().name(domain::ClauseGate::parse(clause));
    const QString text = domain::TextRules::clean(QStringLiteral("comment"), comment, domain::TextKind::Notes);
    const Contract before = contract;
    const ApprovalDecision decision = ApprovalDesk(m_session).decide(
        contractEntity, id, domain::contractStates().name(contract.state), contract.drafterId,
        approve ? ApprovalDesk::Decision::Approve : ApprovalDesk::Decision::Return, text, neededFor, ContractAccess::label(contract));
    switch (decision.outcome) {
    case domain::RouteOutcome::StepStillOpen:
        break;
    case domain::RouteOutcome::Advanced:
        contract.state = domain::contractStates().fromName(decision.route.currentState()).value_or(contract.state);
        break;
    case domain::RouteOutcome::Completed:
        contract.state = ContractState::Approved;
        break;
    case domain::RouteOutcome::Returned:
    case domain::RouteOutcome::Rejected:
        contract.state = ContractState::Draft;
        contract.returnedRevision = contract.revision;
        break;
    }
    if (!text.isEmpty())
        storage::ContractExecutionRepository(m_session.database())
            .addComment(id, domain::ReviewComment{0, contract.revision, clauseName, text, m_session.userId(), {}, m_session.timestamp()});
    storage::ContractRepository repository(m_session.database());
    repository.update(contract, m_session.timestamp(), m_session.userId());
    const Contract saved = repository.require(id);
    access.record(before, saved, domain::contractActions().name(action), text, decision.onBehalfOf(),
                  clauseName.isEmpty() ? QJsonObject() : QJsonObject{{QStringLiteral("clause"), clauseName}});
    transaction.commit();
    return saved;
}

Contract ContractService::withdraw(qint64 id, std::optional<int> seen)
{
    return ContractAccess(m_session).transition(id, ContractAction::Withdraw, seen, [](Contract &) { return QJsonObject(); });
}

void ContractService::setExchangeRate(const QString &currency, const QString &rate)
{
    if (!m_session.user().roles.has(domain::Role::Finance))
        throw Error::denied(QCoreApplication::translate("ContractService", "Only finance keeps exchange rates."));
    const QString code = domain::ContractRules::parseCurrency(currency);
    const qint64 micros = domain::ExchangeRate::parseMicros(rate);
    storage::Transaction transaction(m_session.database());
    storage::ContractRepository(m_session.database()).setRate(code, micros, m_session.timestamp(), m_session.userId());
    AuditTrail(m_session).record(QStringLiteral("contract.rate"), QStringLiteral("exchange_rate"), std::nullopt, {},
                                 QJsonObject{{QStringLiteral("currency"), code},
                                             {QStringLiteral("rate"), domain::ExchangeRate::microsToString(micros)}});
    transaction.commit();
}

ContractDetail ContractService::detail(qint64 id)
{
    const ContractAccess access(m_session);
    ContractDetail detail;
    detail.contract = access.requireVisible(id);
    detail.route = access.route(id);
    storage::UserRepository users(m_session.database());
    const auto nameOf = [&](UserId person) {
        if (!detail.names.contains(person)) {
            const auto user = users.findById(person);
            detail.names.insert(person, user ? user->displayName : QString::number(person));
        }
        return detail.names.value(person);
    };
    detail.ownerName = nameOf(detail.contract.ownerId);
    detail.drafterName = nameOf(detail.contract.drafterId);
    for (const domain::ApprovalStep &step : detail.route.steps()) {
        for (const domain::StepApprover &approver : step.approvers) {
            nameOf(approver.approver);
            if (approver.decidedBy)
                nameOf(*approver.decidedBy);
        }
    }
    detail.history = storage::TransitionRepository(m_session.database()).history(contractEntity, id);
    const Contract &contract = detail.contract;
    if (contract.returnedRevision && contract.state == ContractState::Draft) {
        detail.changesSinceReturn = domain::ClauseDiff::between(
            storage::ContractRepository(m_session.database()).revisionClauses(id, *contract.returnedRevision), contract.clauses);
    } else if (contract.returnedRevision && domain::isContractUnderReview(contract.state)) {
        detail.changesSinceReturn = domain::ClauseDiff::between(
            storage::ContractRepository(m_session.database()).revisionClauses(id, *contract.returnedRevision),
            storage::ContractRepository(m_session.database()).revisionClauses(id, contract.revision));
    }
    storage::ContractExecutionRepository execution(m_session.database());
    detail.comments = execution.comments(id);
    detail.milestones = execution.milestones(id);
    detail.receivables = execution.receivables(id);
    detail.payments = execution.payments(id);
    detail.balance = domain::ReceivableRules::balance(contract.amount, detail.receivables, detail.payments, m_session.today());
    detail.copies = execution.copies(id);
    detail.changes = execution.changes(id);
    detail.issues = execution.issues(id);
    detail.satisfaction = execution.satisfaction(id);
    detail.attachments = storage::ContractAttachmentRepository(m_session.database()).list(id);
    detail.actions = access.actionsFor(contract, detail.route);
    return detail;
}

QList<domain::ContractListRow> ContractService::list(const ContractQuery &query)
{
    m_session.require(domain::Action::ReadContracts);
    storage::ContractFilter filter;
    filter.state = query.state;
    filter.customer = query.customer;
    filter.owner = query.owner;
    if (query.ownerLogin) {
        const auto owner = storage::UserRepository(m_session.database()).findByLogin(query.ownerLogin->trimmed());
        if (!owner)
            throw Error::notFound(QCoreApplication::translate("ContractService", "owner: there is no person with the login \"%1\".")
                                      .arg(*query.ownerLogin));
        filter.owner = owner->id;
    }
    const QDate today = m_session.today();
    if (query.expiring) {
        filter.endingFrom = today;
        filter.endingTo = today.addDays(PolicyService(m_session).integer(domain::policy::contractRenewalNoticeDays));
    }
    if (query.overdue)
        filter.overdueOn = today;
    if (query.retentionExpired)
        filter.retentionEndedBy = today;
    filter.beforeId = query.beforeId;
    filter.limit = std::clamp(query.limit, 1, 1000);
    ContractVisibility::restrict(m_session, filter);
    return storage::ContractRepository(m_session.database()).list(filter);
}

QList<std::pair<qint64, QString>> ContractService::customerChoices(const QString &text, int limit)
{
    QList<std::pair<qint64, QString>> choices;
    for (const auto &row : CustomerService(m_session).search(text.trimmed(), limit))
        choices << std::pair{row.customer.id, row.customer.name};
    return choices;
}

QList<std::pair<QString, QString>> ContractService::signatoryChoices()
{
    QList<std::pair<QString, QString>> choices;
    storage::UserRepository users(m_session.database());
    for (const domain::Role role : {domain::Role::Director, domain::Role::Executive}) {
        for (const domain::User &user : users.withRole(role)) {
            if (user.active && !std::any_of(choices.begin(), choices.end(), [&](const auto &c) { return c.first == user.login; }))
                choices << std::pair{user.login, user.displayName};
        }
    }
    return choices;
}

QList<qint64> ContractService::waitingForMe()
{
    const QList<UserId> people = IdentityService(m_session).actingFor();
    return storage::RouteRepository(m_session.database()).waitingFor(contractEntity, people);
}

QList<ContractReminder> ContractService::reminders()
{
    QList<ContractReminder> reminders;
    if (!m_session.may(domain::Action::ReadContracts))
        return reminders;
    storage::ContractRepository repository(m_session.database());
    const auto add = [&](ContractReminder::Kind kind, const QList<storage::ContractReminderRow> &rows) {
        for (const storage::ContractReminderRow &row : rows)
            reminders << ContractReminder{kind, row.contractId, row.number, row.title, row.due, row.recipient};
    };
    for (const qint64 id : waitingForMe()) {
        if (const auto contract = repository.find(id))
            reminders << ContractReminder{ContractReminder::Kind::Approval, id, contract->number, contract->title, {},
                                          domain::contractStates().display(contract->state)};
    }
    const domain::User &me = m_session.user();
    QStringList recipients;
    if (me.roles.has(domain::Role::Legal))
        recipients << QStringLiteral("legal");
    if (me.roles.has(domain::Role::Finance))
        recipients << QStringLiteral("finance");
    add(ContractReminder::Kind::Acknowledge, repository.openCopies(recipients, me.departmentId));
    const QDate today = m_session.today();
    add(ContractReminder::Kind::MilestoneOverdue, repository.overdueMilestones(me.id, today));
    const qint64 notice = PolicyService(m_session).integer(domain::policy::contractRenewalNoticeDays);
    add(ContractReminder::Kind::Renewal, repository.endingBetween(me.id, today, today.addDays(notice)));
    if (me.roles.has(domain::Role::Director))
        add(ContractReminder::Kind::RetentionExpired, repository.retentionExpired(today, 200));
    return reminders;
}

QJsonObject ContractService::toJson(const domain::ContractListRow &row)
{
    const Contract &contract = row.contract;
    return QJsonObject{
        {QStringLiteral("id"), contract.id},
        {QStringLiteral("number"), contract.number},
        {QStringLiteral("title"), contract.title},
        {QStringLiteral("customer_id"), contract.customerId},
        {QStringLiteral("customer"), contract.customerName},
        {QStringLiteral("owner"), row.ownerName},
        {QStringLiteral("amount"), money(contract.amount)},
        {QStringLiteral("currency"), contract.amount.currency()},
        {QStringLiteral("amount_cny"), money(contract.amountCny)},
        {QStringLiteral("state"), domain::contractStates().name(contract.state)},
        {QStringLiteral("start"), isoDate(contract.startDate)},
        {QStringLiteral("end"), isoDate(contract.endDate)},
        {QStringLiteral("version"), contract.version},
    };
}

QJsonObject ContractService::toJson(const domain::ContractAttachment &attachment)
{
    return QJsonObject{{QStringLiteral("id"), attachment.id},
                       {QStringLiteral("kind"), domain::contractAttachmentKinds().name(attachment.kind)},
                       {QStringLiteral("name"), attachment.fileName},
                       {QStringLiteral("media_type"), attachment.mediaType},
                       {QStringLiteral("size"), attachment.size},
                       {QStringLiteral("sha256"), attachment.sha256},
                       {QStringLiteral("content_kept"), attachment.hasContent}};
}

QJsonObject ContractService::toJson(const ContractDetail &detail)
{
    const Contract &contract = detail.contract;
    QJsonObject json = toJson(domain::ContractListRow{contract, detail.ownerName});
    json.insert(QStringLiteral("drafter"), detail.drafterName);
    json.insert(QStringLiteral("revision"), contract.revision);
    json.insert(QStringLiteral("contract_version"), contract.contractVersion);
    json.insert(QStringLiteral("clauses"), clausesJson(contract.clauses));
    json.insert(QStringLiteral("changes_since_return"), clauseChangesJson(detail.changesSinceReturn));
    json.insert(QStringLiteral("attachments"), attachmentsJson(detail.attachments));
    QJsonArray route;
    for (const domain::ApprovalStep &step : detail.route.steps()) {
        QJsonArray approvers;
        for (const domain::StepApprover &approver : step.approvers)
            approvers.append(QJsonObject{{QStringLiteral("name"), detail.names.value(approver.approver)},
                                         {QStringLiteral("decision"), approver.decision},
                                         {QStringLiteral("at"), approver.decidedAt},
                                         {QStringLiteral("comment"), approver.comment}});
        route.append(QJsonObject{{QStringLiteral("state"), step.state},
                                 {QStringLiteral("status"), domain::ApprovalStep::statusName(step.status)},
                                 {QStringLiteral("clause"), step.clause},
                                 {QStringLiteral("approvers"), approvers}});
    }
    json.insert(QStringLiteral("route"), route);
    QJsonArray comments;
    for (const domain::ReviewComment &comment : detail.comments)
        comments.append(QJsonObject{{QStringLiteral("revision"), comment.revision},
                                    {QStringLiteral("clause"), comment.clause},
                                    {QStringLiteral("comment"), comment.body},
                                    {QStringLiteral("by"), comment.authorName},
                                    {QStringLiteral("at"), comment.createdAt}});
    json.insert(QStringLiteral("review_comments"), comments);
    if (contract.signing)
        json.insert(QStringLiteral("signing"), QJsonObject{{QStringLiteral("date"), isoDate(contract.signing->date)},
                                                           {QStringLiteral("our_signatory_id"), contract.signing->ourSignatory},
                                                           {QStringLiteral("their_signatory"), contract.signing->theirSignatory},
                                                           {QStringLiteral("seal"), contract.signing->sealApplied}});
    QJsonArray copies;
    for (const domain::ContractCopy &copy : detail.copies)
        copies.append(QJsonObject{{QStringLiteral("recipient"), domain::ContractCopy::recipientName(copy.recipient)},
                                  {QStringLiteral("acknowledged"), copy.isAcknowledged()},
                                  {QStringLiteral("acknowledged_at"), copy.acknowledgedAt}});
    json.insert(QStringLiteral("copies"), copies);
    QJsonArray milestones;
    for (const domain::Milestone &milestone : detail.milestones)
        milestones.append(QJsonObject{{QStringLiteral("id"), milestone.id},
                                      {QStringLiteral("kind"), domain::Milestone::kindName(milestone.kind)},
                                      {QStringLiteral("due"), isoDate(milestone.due)},
                                      {QStringLiteral("amount"), milestone.amount ? money(*milestone.amount) : QString()},
                                      {QStringLiteral("done"), isoDate(milestone.doneOn)}});
    json.insert(QStringLiteral("milestones"), milestones);
    QJsonArray receivables;
    for (const domain::Receivable &receivable : detail.receivables)
        receivables.append(QJsonObject{{QStringLiteral("id"), receivable.id},
                                       {QStringLiteral("due"), isoDate(receivable.due)},
                                       {QStringLiteral("amount"), money(receivable.amount)},
                                       {QStringLiteral("received"), money(receivable.received)},
                                       {QStringLiteral("outstanding"), money(receivable.outstanding())}});
    json.insert(QStringLiteral("receivables"), receivables);
    QJsonArray payments;
    for (const domain::Payment &payment : detail.payments)
        payments.append(QJsonObject{{QStringLiteral("id"), payment.id},
                                    {QStringLiteral("date"), isoDate(payment.date)},
                                    {QStringLiteral("amount"), money(payment.amount)},
                                    {QStringLiteral("receivable_id"), payment.receivableId ? QJsonValue(*payment.receivableId) : QJsonValue()},
                                    {QStringLiteral("method"), payment.method}});
    json.insert(QStringLiteral("payments"), payments);
    json.insert(QStringLiteral("received"), money(detail.balance.received));
    json.insert(QStringLiteral("outstanding"), money(detail.balance.outstanding));
    json.insert(QStringLiteral("overdue"), money(detail.balance.overdue));
    QJsonArray changes;
    for (const domain::ChangeAgreement &change : detail.changes) {
        changes.append(QJsonObject{{QStringLiteral("version"), change.contractVersion},
                                   {QStringLiteral("content"), change.content},
                                   {QStringLiteral("reason"), change.reason},
                                   {QStringLiteral("effective"), isoDate(change.effective)},
                                   {QStringLiteral("amount_before"), change.amountBefore ? money(*change.amountBefore) : QString()},
                                   {QStringLiteral("amount_after"), change.amountAfter ? money(*change.amountAfter) : QString()},
                                   {QStringLiteral("clauses"), clauseChangesJson(change.clauseChanges)}});
    }
    json.insert(QStringLiteral("change_agreements"), changes);
    QJsonArray issues;
    for (const domain::ContractIssue &issue : detail.issues)
        issues.append(QJsonObject{{QStringLiteral("id"), issue.id},
                                  {QStringLiteral("kind"), issue.kind},
                                  {QStringLiteral("description"), issue.description},
                                  {QStringLiteral("status"), issue.status},
                                  {QStringLiteral("resolution"), issue.resolution}});
    json.insert(QStringLiteral("issues"), issues);
    if (detail.satisfaction)
        json.insert(QStringLiteral("satisfaction"), QJsonObject{{QStringLiteral("score"), detail.satisfaction->first},
                                                                {QStringLiteral("comment"), detail.satisfaction->second}});
    if (contract.termination)
        json.insert(QStringLiteral("termination"), QJsonObject{{QStringLiteral("reason"), contract.termination->reason},
                                                               {QStringLiteral("notice_date"), isoDate(contract.termination->noticeDate)},
                                                               {QStringLiteral("legal_basis"), contract.termination->legalBasis},
                                                               {QStringLiteral("settlement"), contract.termination->settlement}});
    if (contract.archive)
        json.insert(QStringLiteral("archive"), QJsonObject{{QStringLiteral("number"), contract.archive->archiveNumber},
                                                           {QStringLiteral("location"), contract.archive->location},
                                                           {QStringLiteral("archived_on"), isoDate(contract.archive->archivedOn)},
                                                           {QStringLiteral("retention_until"), isoDate(contract.archive->retentionUntil)}});
    QJsonArray history;
    for (const storage::TransitionRecord &record : detail.history)
        history.append(QJsonObject{{QStringLiteral("action"), record.action},
                                   {QStringLiteral("from"), record.fromState},
                                   {QStringLiteral("to"), record.toState},
                                   {QStringLiteral("by"), record.actorLogin},
                                   {QStringLiteral("on_behalf_of"), record.onBehalfOfLogin},
                                   {QStringLiteral("comment"), record.comment},
                                   {QStringLiteral("at"), record.at}});
    json.insert(QStringLiteral("history"), history);
    QJsonArray actions;
    for (const ContractAction action : detail.actions)
        actions.append(domain::contractActions().name(action));
    json.insert(QStringLiteral("actions"), actions);
    return json;
}

} // namespace bizdesk::services
