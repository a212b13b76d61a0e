#include "services/customers/CustomerService.h"

#include "domain/Error.h"
#include "domain/customers/CustomerTexts.h"
#include "domain/policy/EventDateWindow.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "services/customers/CustomerInsertion.h"
#include "services/policy/PolicyService.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "storage/identity/UserRepository.h"
#include "support/NameCollation.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace bizdesk::services {
namespace {

using domain::Action;
using domain::Customer;
using domain::CustomerRules;
using domain::Error;
using storage::Transaction;


QString stamp(const QDateTime &value)
{
    return value.isValid() ? domain::toStorageTimestamp(value) : QString();
}

/// §7 stale edits: a caller that names the version it saw is refused, before anything is
/// written, when the record has moved on since.
void requireSeenVersion(std::optional<int> seen, int current, const QString &record)
{
    if (seen && *seen != current)
        throw Error::conflict(QCoreApplication::translate("Customers", "%1 was changed by someone else meanwhile (now version %2, you saw version %3); reload and try again.")
                                  .arg(record)
                                  .arg(current)
                                  .arg(*seen));
}

QString customerLabel(domain::CustomerId id)
{
    return QCoreApplication::translate("Customers", "Customer #%1").arg(id);
}

} // namespace

CustomerService::CustomerService(Session &session) : m_session(session) {}

storage::CustomerScope CustomerService::scope() const
{
    const domain::User &user = m_session.user();
    if (m_session.may(Action::ReadAllCustomers))
        return {storage::CustomerScope::Kind::All, 0};
    if (m_session.may(Action::ReadDepartmentCustomers) && user.departmentId)
        return {storage::CustomerScope::Kind::Department, *user.departmentId};
    return {storage::CustomerScope::Kind::Own, user.id};
}

void CustomerService::requireVisible(domain::CustomerId id) const
{
    storage::CustomerRepository repository(m_session.database());
    repository.require(id);
    if (!repository.visible(id, scope()))
        throw Error::denied(QCoreApplication::translate("Customers", "Customer #%1 belongs to someone outside your responsibility.").arg(id));
}

void CustomerService::requireLinkable(domain::CustomerId id) const
{
    if (!storage::CustomerRepository(m_session.database()).visible(id, scope()))
        throw Error::notFound(QCoreApplication::translate("Customers", "customer: there is no customer #%1.").arg(id));
}

void CustomerService::requireEditable(const Customer &customer) const
{
    m_session.require(Action::EditCustomer);
    const storage::CustomerScope visibleScope = scope();
    if (visibleScope.kind == storage::CustomerScope::Kind::Own) {
        if (customer.ownerId != m_session.userId())
            throw Error::denied(customer.ownerId
                                    ? QCoreApplication::translate("Customers", "Customer #%1 is not yours; ask its owner or your manager.").arg(customer.id)
                                    : QCoreApplication::translate("Customers", "Customer #%1 is in the shared pool; claim it first.").arg(customer.id));
        return;
    }
    if (!storage::CustomerRepository(m_session.database()).visible(customer.id, visibleScope))
        throw Error::denied(QCoreApplication::translate("Customers", "Customer #%1 belongs to someone outside your responsibility.").arg(customer.id));
}

bool CustomerService::mayOwn(const domain::User &candidate) const
{
    const domain::User &actor = m_session.user();
    if (!candidate.active || !domain::PermissionTable::allows(candidate.roles, Action::EditCustomer))
        return false;
    if (candidate.id == actor.id)
        return true;
    if (!m_session.may(Action::ReassignCustomer))
        return false;
    const storage::CustomerScope reach = scope();
    return reach.kind == storage::CustomerScope::Kind::All
           || (reach.kind == storage::CustomerScope::Kind::Department && candidate.departmentId == actor.departmentId);
}

OwnerChoices CustomerService::eligibleOwners() const
{
    OwnerChoices choices;
    choices.pool = m_session.may(Action::ReassignCustomer);
    for (const domain::User &user : storage::UserRepository(m_session.database()).list()) {
        if (mayOwn(user))
            choices.people << user;
    }
    const domain::UserId me = m_session.userId();
    std::stable_sort(choices.people.begin(), choices.people.end(), [me](const domain::User &a, const domain::User &b) {
        if ((a.id == me) != (b.id == me))
            return a.id == me;
        return support::NameCollation::less(a.displayName, b.displayName);
    });
    return choices;
}

void CustomerService::requireEligibleOwner(std::optional<domain::UserId> owner) const
{
    if (!owner) {
        if (!m_session.may(Action::ReassignCustomer))
            throw Error::denied(QCoreApplication::translate("Customers", "Only managers may give a customer to someone else or to the pool."));
        return;
    }
    const domain::User user = storage::UserRepository(m_session.database()).requireById(*owner);
    if (mayOwn(user))
        return;
    if (!user.active)
        throw Error::invalid(QStringLiteral("owner"), QCoreApplication::translate("Customers", "owner: %1 is disabled.").arg(user.login));
    if (!domain::PermissionTable::allows(user.roles, Action::EditCustomer))
        throw Error::invalid(QStringLiteral("owner"), QCoreApplication::translate("Customers", "owner: %1 does not work with customers; owners are specialists, managers or directors.").arg(user.login));
    if (!m_session.may(Action::ReassignCustomer))
        throw Error::denied(QCoreApplication::translate("Customers", "Only managers may give a customer to someone else or to the pool."));
    throw Error::denied(QCoreApplication::translate("Customers", "A manager assigns customers within the own department only."));
}

domain::UserId CustomerService::ownerNamed(const QString &loginOrName) const
{
    storage::UserRepository users(m_session.database());
    if (const auto byLogin = users.findByLogin(loginOrName))
        return byLogin->id;
    // Other systems export the owner's name (负责人 张伟), not a login: an exact, unique display name.
    QList<domain::UserId> matches;
    for (const domain::User &user : users.list()) {
        if (user.displayName == loginOrName)
            matches << user.id;
    }
    if (matches.size() == 1)
        return matches.first();
    if (matches.isEmpty())
        throw Error(domain::ErrorKind::NotFound, QCoreApplication::translate("Customers", "owner: there is no user with the login or name \"%1\".").arg(loginOrName),
                    QStringLiteral("owner"));
    throw Error::invalid(QStringLiteral("owner"), QCoreApplication::translate("Customers", "owner: %n users are named \"%1\"; give the login instead.", nullptr, static_cast<int>(matches.size())).arg(loginOrName));
}

Customer CustomerService::prepare(const NewCustomer &input) const
{
    Customer customer;
    customer.name = input.name;
    customer.shortName = input.shortName;
    if (!input.customerClass.trimmed().isEmpty())
        customer.customerClass = CustomerRules::parseClass(QStringLiteral("class"), input.customerClass);
    if (!input.channel.trimmed().isEmpty())
        customer.channel = CustomerRules::parseChannel(QStringLiteral("channel"), input.channel);
    if (!input.stage.trimmed().isEmpty())
        customer.stage = CustomerRules::parseStage(QStringLiteral("stage"), input.stage);
    customer.industry = input.industry;
    customer.sizeBand = input.sizeBand;
    customer.address = input.address;
    customer.website = input.website;
    customer.externalCode = input.externalCode;
    customer.lastContactAt = input.lastContactAt;
    customer.phone = input.phone;
    customer.email = input.email;
    customer.tags = input.tags;
    customer.notes = input.notes;
    customer = CustomerRules::validated(customer);
    if (!input.segment.trimmed().isEmpty())
        customer.segmentId = segmentId(input.segment);
    const QString owner = input.ownerLogin.trimmed();
    if (owner.isEmpty()) {
        customer.ownerId = m_session.userId();
    } else if (owner == QLatin1String("-") || owner.compare(QLatin1String("pool"), Qt::CaseInsensitive) == 0) {
        customer.ownerId = std::nullopt;
    } else {
        customer.ownerId = ownerNamed(owner);
    }
    requireEligibleOwner(customer.ownerId);
    domain::CustomerTexts::firstContact(input.contactName, input.contactPhone, input.contactEmail);
    return customer;
}

QList<storage::DuplicateMatch> CustomerService::duplicatesOf(const Customer &customer) const
{
    return storage::CustomerRepository(m_session.database()).duplicates(customer, customer.id ? std::optional(customer.id) : std::nullopt);
}

Customer CustomerService::add(const NewCustomer &input, bool allowDuplicate)
{
    m_session.require(Action::CreateCustomer);
    Transaction transaction(m_session.database());
    // Every check (permission, fields, owner, segment, contact) is in prepare(), before any write.
    Customer customer = prepare(input);
    storage::CustomerRepository repository(m_session.database());
    // Parallel adds of the same name, phone or e-mail check one after the other (§2 of issue 8).
    repository.lockDuplicateKeys(customer);
    if (!allowDuplicate) {
        const auto matches = repository.duplicates(customer, std::nullopt);
        if (!matches.isEmpty()) {
            const auto &match = matches.first();
            throw Error::conflict(QCoreApplication::translate("Customers", "%1: possible duplicate of customer #%2 \"%3\" (same %1).")
                                      .arg(match.reason)
                                      .arg(match.id)
                                      .arg(match.name));
        }
    }
    QList<domain::CustomerContact> contacts;
    if (const auto contact = domain::CustomerTexts::firstContact(input.contactName, input.contactPhone, input.contactEmail))
        contacts << *contact;
    CustomerInsertion(m_session).insert(customer, contacts, CustomerInsertion::Via::Form);
    transaction.commit();
    return repository.require(customer.id);
}

Customer CustomerService::saveWithSearchText(Customer customer)
{
    storage::CustomerRepository repository(m_session.database());
    const QString text = CustomerRules::searchText(customer, repository.contacts(customer.id));
    customer.version = repository.update(customer, text, m_session.timestamp(), m_session.userId());
    return repository.require(customer.id);
}

Customer CustomerService::update(const Customer &edited)
{
    Transaction transaction(m_session.database());
    storage::CustomerRepository repository(m_session.database());
    const Customer before = repository.require(edited.id);
    requireEditable(before);
    requireSeenVersion(edited.version, before.version, customerLabel(edited.id));
    Customer customer = CustomerRules::validated(edited);
    // Stage and owner have their own use cases with their own rules.
    customer.stage = before.stage;
    customer.lostReason = before.lostReason;
    customer.stageChangedAt = before.stageChangedAt;
    customer.ownerId = before.ownerId;
    customer.lastContactAt = before.lastContactAt;
    const Customer after = saveWithSearchText(customer);
    AuditTrail(m_session).record(QStringLiteral("customer.update"), QStringLiteral("customer"), after.id, toJson(before), toJson(after));
    transaction.commit();
    return after;
}

Customer CustomerService::customer(domain::CustomerId id) const
{
    Transaction transaction(m_session.database(), Transaction::Mode::Read);
    requireVisible(id);
    return storage::CustomerRepository(m_session.database()).require(id);
}

CustomerDetails CustomerService::details(domain::CustomerId id) const
{
    Transaction transaction(m_session.database(), Transaction::Mode::Read);
    requireVisible(id);
    storage::CustomerRepository repository(m_session.database());
    CustomerDetails details;
    details.customer = repository.require(id);
    if (details.customer.ownerId) {
        if (const auto owner = storage::UserRepository(m_session.database()).findById(*details.customer.ownerId)) {
            details.ownerLogin = owner->login;
            details.ownerName = owner->displayName;
        }
    }
    if (details.customer.segmentId) {
        for (const QVariantMap &segment : repository.segments()) {
            if (segment.value(QStringLiteral("id")).toLongLong() == *details.customer.segmentId)
                details.segmentName = segment.value(QStringLiteral("name")).toString();
        }
    }
    details.contacts = repository.contacts(id);
    details.log = repository.log(id, 200);
    details.stageHistory = storage::TransitionRepository(m_session.database()).history(QStringLiteral("customer"), id);
    details.intervalDays = intervalDays(details.customer.customerClass);
    const QDateTime since = details.customer.lastContactAt.isValid() ? details.customer.lastContactAt : details.customer.createdAt;
    details.contactOverdue = details.customer.ownerId && since.daysTo(m_session.now()) > details.intervalDays;
    for (const auto &entry : details.log) {
        if (entry.complaintStatus == domain::ComplaintStatus::Open || entry.complaintStatus == domain::ComplaintStatus::InProgress)
            ++details.openComplaints;
    }
    transaction.commit();
    return details;
}

QList<storage::CustomerRow> CustomerService::list(storage::CustomerQuery query, int limit) const
{
    query.scope = scope();
    Transaction transaction(m_session.database(), Transaction::Mode::Read);
    auto rows = storage::CustomerRepository(m_session.database()).page(query, 0, std::clamp(limit, 1, 100000));
    transaction.commit();
    return rows;
}

QList<storage::CustomerRow> CustomerService::search(const QString &text, int limit) const
{
    storage::CustomerQuery query;
    query.text = text;
    // In index order, so the search stops after `limit` matches instead of sorting them all.
    query.sort = storage::CustomerQuery::Sort::Id;
    return list(query, limit);
}

qint64 CustomerService::count(storage::CustomerQuery query) const
{
    query.scope = scope();
    return storage::CustomerRepository(m_session.database()).count(query);
}

QList<storage::CustomerRow> CustomerService::page(storage::CustomerQuery query, int offset, int limit) const
{
    query.scope = scope();
    return storage::CustomerRepository(m_session.database()).page(query, offset, limit);
}

QList<storage::CustomerRow> CustomerService::pageAfter(storage::CustomerQuery query, const storage::CustomerRow &last, int limit) const
{
    query.scope = scope();
    return storage::CustomerRepository(m_session.database()).pageAfter(query, last.sortKey, last.customer.id, limit);
}

Customer CustomerService::changeStage(domain::CustomerId id, domain::Stage stage, const QString &reason, std::optional<int> seenVersion)
{
    Transaction transaction(m_session.database());
    storage::CustomerRepository repository(m_session.database());
    const Customer before = repository.require(id);
    requireEditable(before);
    requireSeenVersion(seenVersion, before.version, customerLabel(id));
    domain::Pipeline::requireTransition(before.stage, stage, reason);
    Customer customer = before;
    customer.stage = stage;
    customer.lostReason = stage == domain::Stage::Lost ? domain::CustomerTexts::reason(reason) : QString();
    customer.stageChangedAt = m_session.now();
    const Customer after = saveWithSearchText(customer);
    storage::TransitionRecord record;
    record.entityKind = QStringLiteral("customer");
    record.entityId = id;
    record.action = QStringLiteral("stage");
    record.fromState = CustomerRules::name(before.stage);
    record.toState = CustomerRules::name(stage);
    record.actorId = m_session.userId();
    record.comment = domain::CustomerTexts::reason(reason);
    record.at = m_session.timestamp();
    record.policyVersion = PolicyService(m_session).currentVersion();
    storage::TransitionRepository(m_session.database()).append(record);
    AuditTrail(m_session).record(QStringLiteral("customer.stage"), QStringLiteral("customer"), id, toJson(before), toJson(after));
    transaction.commit();
    return after;
}

domain::ContactLogEntry CustomerService::recordContact(domain::CustomerId id, domain::ContactKind kind, const QString &note,
                                                       const QDateTime &at, const QDate &nextFollowUp)
{
    Transaction transaction(m_session.database());
    storage::CustomerRepository repository(m_session.database());
    const Customer customer = repository.require(id);
    requireEditable(customer);
    const QString text = domain::CustomerTexts::logNote(note);
    domain::ContactLogEntry entry;
    entry.customerId = id;
    entry.kind = kind;
    entry.at = at.isValid() ? at.toUTC() : m_session.now();
    if (entry.at > m_session.now().addSecs(3600))
        throw Error::invalid(QStringLiteral("at"), QCoreApplication::translate("Customers", "at: a contact cannot be recorded in the future."));
    entry.byId = m_session.userId();
    entry.note = text;
    if (nextFollowUp.isValid() && nextFollowUp < m_session.calendar().dateOf(entry.at))
        throw Error::invalid(QStringLiteral("next"), QCoreApplication::translate("Customers", "next: the follow-up date is before the contact."));
    entry.nextFollowUp = nextFollowUp;
    if (kind == domain::ContactKind::Complaint)
        entry.complaintStatus = domain::ComplaintStatus::Open;
    entry.id = repository.insertLog(entry, m_session.timestamp());
    repository.touchContact(id, domain::toStorageTimestamp(entry.at));
    AuditTrail(m_session).record(QStringLiteral("customer.contact"), QStringLiteral("customer"), id, {}, toJson(entry));
    transaction.commit();
    return *repository.findLog(entry.id);
}

domain::ContactLogEntry CustomerService::updateComplaint(qint64 logId, domain::ComplaintStatus status, const QString &resolution,
                                                         std::optional<int> seenVersion)
{
    Transaction transaction(m_session.database());
    storage::CustomerRepository repository(m_session.database());
    const auto found = repository.findLog(logId);
    if (!found || found->complaintStatus == domain::ComplaintStatus::None)
        throw Error::notFound(QCoreApplication::translate("Customers", "There is no complaint #%1.").arg(logId));
    requireEditable(repository.require(found->customerId));
    requireSeenVersion(seenVersion, found->version, QCoreApplication::translate("Customers", "Complaint #%1").arg(logId));
    domain::ContactLogEntry entry = *found;
    if (entry.complaintStatus == domain::ComplaintStatus::Resolved)
        throw Error::conflict(QCoreApplication::translate("Customers", "Complaint #%1 is already resolved (§3.2.3).").arg(logId), QStringLiteral("3.2.3"));
    if (status == domain::ComplaintStatus::None || status == domain::ComplaintStatus::Open)
        throw Error::invalid(QStringLiteral("status"), QCoreApplication::translate("Customers", "status: a complaint moves on to in_progress or resolved."));
    if (status == domain::ComplaintStatus::Resolved && resolution.trimmed().isEmpty())
        throw Error::invalid(QStringLiteral("resolution"), QCoreApplication::translate("Customers", "resolution: say how the complaint was resolved (§3.2.3)."), QStringLiteral("3.2.3"));
    entry.complaintStatus = status;
    entry.resolution = domain::CustomerTexts::notes(QStringLiteral("resolution"), resolution);
    if (status == domain::ComplaintStatus::Resolved)
        entry.resolvedAt = m_session.now();
    repository.updateComplaint(entry);
    AuditTrail(m_session).record(QStringLiteral("customer.complaint"), QStringLiteral("customer"), entry.customerId,
                                 toJson(*found), toJson(entry));
    transaction.commit();
    return *repository.findLog(logId);
}

domain::CustomerContact CustomerService::addContact(domain::CustomerContact contact)
{
    Transaction transaction(m_session.database());
    storage::CustomerRepository repository(m_session.database());
    const Customer customer = repository.require(contact.customerId);
    requireEditable(customer);
    contact = domain::CustomerTexts::contact(contact);
    contact.id = repository.insertContact(contact);
    saveWithSearchText(customer);
    AuditTrail(m_session).record(QStringLiteral("customer.contact_person"), QStringLiteral("customer"), customer.id, {},
                                 QJsonObject{{QStringLiteral("contact"), contact.name}, {QStringLiteral("phone"), contact.phone},
                                             {QStringLiteral("email"), contact.email}});
    transaction.commit();
    return contact;
}

Customer CustomerService::claim(domain::CustomerId id, std::optional<int> seenVersion)
{
    m_session.require(Action::EditCustomer);
    Transaction transaction(m_session.database());
    storage::CustomerRepository repository(m_session.database());
    const Customer before = repository.require(id);
    requireSeenVersion(seenVersion, before.version, customerLabel(id));
    if (before.ownerId)
        throw Error::conflict(QCoreApplication::translate("Customers", "Customer #%1 is not in the shared pool; it already has an owner.").arg(id));
    Customer customer = before;
    customer.ownerId = m_session.userId();
    const Customer after = saveWithSearchText(customer);
    AuditTrail(m_session).record(QStringLiteral("customer.claim"), QStringLiteral("customer"), id, toJson(before), toJson(after));
    transaction.commit();
    return after;
}

Customer CustomerService::assign(domain::CustomerId id, const QString &ownerLogin, std::optional<int> seenVersion)
{
    m_session.require(Action::ReassignCustomer);
    Transaction transaction(m_session.database());
    storage::CustomerRepository repository(m_session.database());
    const Customer before = repository.require(id);
    requireEditable(before);
    requireSeenVersion(seenVersion, before.version, customerLabel(id));
    const domain::User owner = storage::UserRepository(m_session.database()).requireByLogin(ownerLogin.trimmed());
    requireEligibleOwner(owner.id);
    Customer customer = before;
    customer.ownerId = owner.id;
    const Customer after = saveWithSearchText(customer);
    AuditTrail(m_session).record(QStringLiteral("customer.assign"), QStringLiteral("customer"), id, toJson(before), toJson(after));
    transaction.commit();
    return after;
}

Customer CustomerService::release(domain::CustomerId id, std::optional<int> seenVersion)
{
    Transaction transaction(m_session.database());
    storage::CustomerRepository repository(m_session.database());
    const Customer before = repository.require(id);
    requireEditable(before);
    requireSeenVersion(seenVersion, before.version, customerLabel(id));
    if (!before.ownerId)
        throw Error::conflict(QCoreApplication::translate("Customers", "Customer #%1 is already in the shared pool.").arg(id));
    Customer customer = before;
    customer.ownerId = std::nullopt;
    const Customer after = saveWithSearchText(customer);
    AuditTrail(m_session).record(QStringLiteral("customer.release"), QStringLiteral("customer"), id, toJson(before), toJson(after));
    transaction.commit();
    return after;
}

int CustomerService::returnUnfollowedToPool()
{
    m_session.require(Action::ReassignCustomer);
    Transaction transaction(m_session.database());
    const qint64 days = PolicyService(m_session).integer(domain::policy::poolReturnDays);
    const QString cutoff = domain::toStorageTimestamp(m_session.now().addDays(-days));
    const auto ids = storage::CustomerRepository(m_session.database()).returnToPool(cutoff, m_session.timestamp());
    for (domain::CustomerId id : ids)
        AuditTrail(m_session).record(QStringLiteral("customer.return_to_pool"), QStringLiteral("customer"), id, {},
                                     QJsonObject{{QStringLiteral("pool_return_days"), days}});
    transaction.commit();
    return static_cast<int>(ids.size());
}

int CustomerService::intervalDays(domain::CustomerClass customerClass) const
{
    const QString key = customerClass == domain::CustomerClass::Key       ? domain::policy::contactIntervalKey
                        : customerClass == domain::CustomerClass::General ? domain::policy::contactIntervalGeneral
                                                                          : domain::policy::contactIntervalPotential;
    return static_cast<int>(PolicyService(m_session).integer(key));
}

QList<ChurnEntry> CustomerService::churn(int limit) const
{
    Transaction transaction(m_session.database(), Transaction::Mode::Read);
    const QDateTime now = m_session.now();
    const int intervals[] = {intervalDays(domain::CustomerClass::Key), intervalDays(domain::CustomerClass::General),
                             intervalDays(domain::CustomerClass::Potential)};
    QList<ChurnEntry> entries;
    for (const auto &facts : storage::CustomerRepository(m_session.database()).churnFacts(scope(), domain::toStorageTimestamp(now.addDays(-90)))) {
        const Customer &c = facts.row.customer;
        domain::ChurnInput input;
        input.customerClass = c.customerClass;
        input.intervalDays = intervals[static_cast<int>(c.customerClass)];
        const QDateTime since = c.lastContactAt.isValid() ? c.lastContactAt : c.createdAt;
        input.daysSinceContact = static_cast<int>(since.daysTo(now));
        input.openComplaints = facts.openComplaints;
        input.recentComplaints = facts.recentComplaints;
        input.stage = c.stage;
        input.daysInStage = c.stageChangedAt.isValid() ? static_cast<int>(c.stageChangedAt.daysTo(now)) : 0;
        // Contract value trend and renewals come from the contracts module once it records them.
        ChurnEntry entry{facts.row, domain::ChurnScore::assess(input)};
        if (entry.assessment.score >= domain::ChurnScore::atRiskThreshold)
            entries << entry;
    }
    std::stable_sort(entries.begin(), entries.end(), [](const ChurnEntry &a, const ChurnEntry &b) {
        return a.assessment.score > b.assessment.score;
    });
    if (entries.size() > limit)
        entries.resize(limit);
    transaction.commit();
    return entries;
}

qint64 CustomerService::recordWinBack(domain::CustomerId id, const QString &cause, const QString &measures)
{
    Transaction transaction(m_session.database());
    storage::CustomerRepository repository(m_session.database());
    const Customer customer = repository.require(id);
    requireEditable(customer);
    const domain::WinBackTexts text = domain::CustomerTexts::winBack(cause, measures);
    int score = 0;
    for (const auto &entry : churn(100000)) {
        if (entry.row.customer.id == id)
            score = entry.assessment.score;
    }
    const qint64 winBackId = repository.insertWinBack(id, text.cause, text.measures, score, m_session.timestamp(), m_session.userId());
    AuditTrail(m_session).record(QStringLiteral("customer.winback"), QStringLiteral("customer"), id, {},
                                 QJsonObject{{QStringLiteral("winback"), winBackId}, {QStringLiteral("cause"), text.cause},
                                             {QStringLiteral("measures"), text.measures}, {QStringLiteral("score"), score}});
    transaction.commit();
    return winBackId;
}

QVariantMap CustomerService::winBackResult(qint64 winBackId, bool wonBack, const QString &note, std::optional<int> seenVersion)
{
    Transaction transaction(m_session.database());
    storage::CustomerRepository repository(m_session.database());
    const QVariantMap before = repository.winBack(winBackId);
    requireEditable(repository.require(before.value(QStringLiteral("customer_id")).toLongLong()));
    requireSeenVersion(seenVersion, before.value(QStringLiteral("version")).toInt(),
                       QCoreApplication::translate("Customers", "Win-back record #%1").arg(winBackId));
    if (before.value(QStringLiteral("result")).toString() != QLatin1String("pending"))
        throw Error::conflict(QCoreApplication::translate("Customers", "Win-back record #%1 already has its result.").arg(winBackId), QStringLiteral("3.2.4"));
    const QString result = wonBack ? QStringLiteral("won_back") : QStringLiteral("lost");
    repository.setWinBackResult(winBackId, before.value(QStringLiteral("version")).toInt(), result, domain::CustomerTexts::notes(QStringLiteral("note"), note), m_session.timestamp());
    const QVariantMap after = repository.winBack(winBackId);
    AuditTrail(m_session).record(QStringLiteral("customer.winback_result"), QStringLiteral("customer"),
                                 before.value(QStringLiteral("customer_id")).toLongLong(), QJsonObject::fromVariantMap(before),
                                 QJsonObject::fromVariantMap(after));
    transaction.commit();
    return after;
}

QList<QVariantMap> CustomerService::winBacks(std::optional<domain::CustomerId> customer) const
{
    storage::CustomerRepository repository(m_session.database());
    QList<QVariantMap> visibleOnes;
    const storage::CustomerScope visibleScope = scope();
    for (const QVariantMap &record : repository.winBacks(customer)) {
        if (visibleScope.kind == storage::CustomerScope::Kind::All
            || repository.visible(record.value(QStringLiteral("customer_id")).toLongLong(), visibleScope))
            visibleOnes << record;
    }
    return visibleOnes;
}

double CustomerService::winBackSuccessRate() const
{
    int won = 0;
    int decided = 0;
    for (const QVariantMap &record : winBacks()) {
        const QString result = record.value(QStringLiteral("result")).toString();
        if (result == QLatin1String("pending"))
            continue;
        ++decided;
        if (result == QLatin1String("won_back"))
            ++won;
    }
    return decided == 0 ? -1.0 : static_cast<double>(won) / decided;
}

qint64 CustomerService::addEvent(const QString &kind, const QString &title, const QDate &date, const QString &place, const QString &notes)
{
    m_session.require(Action::EditCustomer);
    if (kind != QLatin1String("appreciation") && kind != QLatin1String("training"))
        throw Error::invalid(QStringLiteral("kind"), QCoreApplication::translate("Customers", "kind: a customer event is an appreciation event or a training session (appreciation, training), not \"%1\".").arg(kind), QStringLiteral("3.2.3"));
    const domain::EventTexts text = domain::CustomerTexts::event(title, place, notes);
    if (!date.isValid())
        throw Error::invalid(QStringLiteral("date"), QCoreApplication::translate("Customers", "date: give the date of the event."));
    Transaction transaction(m_session.database());
    domain::EventDateWindow::require(QStringLiteral("date"), date, m_session.today(),
                                     PolicyService(m_session).integer(domain::policy::eventWindowDays));
    const qint64 id = storage::CustomerRepository(m_session.database()).insertEvent(kind, text.title, date, text.place, text.notes, m_session.timestamp(), m_session.userId());
    AuditTrail(m_session).record(QStringLiteral("customer_event.create"), QStringLiteral("customer_event"), id, {},
                                 QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("title"), text.title},
                                             {QStringLiteral("date"), date.toString(Qt::ISODate)}});
    transaction.commit();
    return id;
}

void CustomerService::invite(qint64 eventId, domain::CustomerId customerId)
{
    Transaction transaction(m_session.database());
    storage::CustomerRepository repository(m_session.database());
    if (!repository.eventExists(eventId))
        throw Error::notFound(QCoreApplication::translate("Customers", "There is no customer event #%1.").arg(eventId));
    requireEditable(repository.require(customerId));
    if (repository.invited(eventId, customerId))
        throw Error::conflict(QCoreApplication::translate("Customers", "Customer #%1 is already invited to event #%2.").arg(customerId).arg(eventId));
    repository.invite(eventId, customerId, m_session.timestamp(), m_session.userId());
    AuditTrail(m_session).record(QStringLiteral("customer_event.invite"), QStringLiteral("customer"), customerId, {},
                                 QJsonObject{{QStringLiteral("event"), eventId}});
    transaction.commit();
}

QList<QVariantMap> CustomerService::events(std::optional<domain::CustomerId> customer) const
{
    if (customer)
        requireVisible(*customer);
    else
        m_session.user();
    return storage::CustomerRepository(m_session.database()).events(customer);
}

qint64 CustomerService::addSegment(const QString &name, const QString &traits, const QString &strategy)
{
    m_session.require(Action::ManageMarketResearch);
    const domain::SegmentTexts text = domain::CustomerTexts::segment(name, traits, strategy);
    Transaction transaction(m_session.database());
    for (const QVariantMap &segment : storage::CustomerRepository(m_session.database()).segments()) {
        if (segment.value(QStringLiteral("name")).toString() == text.name)
            throw Error::conflict(QCoreApplication::translate("Customers", "name: there is already a target segment \"%1\" (§3.1.2).").arg(text.name),
                                  QStringLiteral("3.1.2"));
    }
    const qint64 id = storage::CustomerRepository(m_session.database()).insertSegment(text.name, text.traits, text.strategy, m_session.timestamp(), m_session.userId());
    AuditTrail(m_session).record(QStringLiteral("segment.create"), QStringLiteral("segment"), id, {},
                                 QJsonObject{{QStringLiteral("name"), text.name}});
    transaction.commit();
    return id;
}

qint64 CustomerService::segmentId(const QString &name) const
{
    for (const QVariantMap &segment : segments()) {
        if (segment.value(QStringLiteral("name")).toString() == name.trimmed())
            return segment.value(QStringLiteral("id")).toLongLong();
    }
    throw Error::notFound(QCoreApplication::translate("Customers", "There is no target segment \"%1\".").arg(name));
}

QList<QVariantMap> CustomerService::segments() const
{
    m_session.user();
    return storage::CustomerRepository(m_session.database()).segments();
}

qint64 CustomerService::addResearch(const QString &topic, const QDate &date, const QString &findings, const QString &competitors)
{
    m_session.require(Action::ManageMarketResearch);
    const domain::ResearchTexts text = domain::CustomerTexts::research(topic, findings, competitors);
    if (!date.isValid())
        throw Error::invalid(QStringLiteral("date"), QCoreApplication::translate("Customers", "date: give the date of the research."));
    Transaction transaction(m_session.database());
    const qint64 id = storage::CustomerRepository(m_session.database()).insertResearch(text.topic, date, text.findings, text.competitors, m_session.timestamp(), m_session.userId());
    AuditTrail(m_session).record(QStringLiteral("research.create"), QStringLiteral("market_research"), id, {},
                                 QJsonObject{{QStringLiteral("topic"), text.topic}});
    transaction.commit();
    return id;
}

QList<QVariantMap> CustomerService::research() const
{
    m_session.user();
    return storage::CustomerRepository(m_session.database()).research();
}

ExportTable CustomerService::exportTable(storage::CustomerQuery query) const
{
    m_session.require(Action::ExportCustomers);
    using Kind = ExportTable::ColumnKind;
    ExportTable table;
    table.sheetName = QCoreApplication::translate("Customers", "Customers");
    for (const char *title : {QT_TRANSLATE_NOOP("Customers", "Customer name"), QT_TRANSLATE_NOOP("Customers", "Short name"),
                              QT_TRANSLATE_NOOP("Customers", "Class"), QT_TRANSLATE_NOOP("Customers", "Stage"),
                              QT_TRANSLATE_NOOP("Customers", "Channel"), QT_TRANSLATE_NOOP("Customers", "Industry"),
                              QT_TRANSLATE_NOOP("Customers", "Phone"), QT_TRANSLATE_NOOP("Customers", "Email"),
                              QT_TRANSLATE_NOOP("Customers", "Address"), QT_TRANSLATE_NOOP("Customers", "Owner"),
                              QT_TRANSLATE_NOOP("Customers", "Notes")})
        table.columns.append({QCoreApplication::translate("Customers", title), Kind::Text});
    table.columns.append({QCoreApplication::translate("Customers", "Last contact"), Kind::DateTime});
    // Last, so that older readers of the export keep their columns; import recognises both headers.
    table.columns.append({QCoreApplication::translate("Customers", "Customer code"), Kind::Text});
    table.columns.append({QCoreApplication::translate("Customers", "Website"), Kind::Text});
    query.scope = scope();
    Transaction transaction(m_session.database(), Transaction::Mode::Read);
    storage::CustomerRepository repository(m_session.database());
    QList<storage::CustomerRow> rows = repository.page(query, 0, 5000);
    while (!rows.isEmpty()) {
        for (const auto &row : rows) {
            const Customer &c = row.customer;
            table.rows.append({c.name, c.shortName, CustomerRules::label(c.customerClass), CustomerRules::label(c.stage),
                               c.channel ? CustomerRules::label(*c.channel) : QString(), c.industry, c.phone, c.email,
                               c.address, row.ownerLogin, c.notes,
                               c.lastContactAt.isValid() ? QVariant(c.lastContactAt) : QVariant(), c.externalCode, c.website});
        }
        if (rows.size() < 5000)
            break;
        rows = repository.pageAfter(query, rows.last().sortKey, rows.last().customer.id, 5000);
    }
    transaction.commit();
    return table;
}

int CustomerService::exportTo(storage::CustomerQuery query, const QString &path) const
{
    const ExportTable table = exportTable(std::move(query));
    TableExport::write(table, path);
    Transaction transaction(m_session.database());
    AuditTrail(m_session).record(QStringLiteral("customer.export"), QStringLiteral("customer"), std::nullopt, {},
                                 QJsonObject{{QStringLiteral("file"), path}, {QStringLiteral("rows"), static_cast<int>(table.rows.size())}});
    transaction.commit();
    return static_cast<int>(table.rows.size());
}

QJsonObject CustomerService::toJson(const Customer &c, const QString &ownerLogin)
{
    QJsonObject object{{QStringLiteral("id"), c.id},
                       {QStringLiteral("name"), c.name},
                       {QStringLiteral("short_name"), c.shortName},
                       {QStringLiteral("class"), CustomerRules::name(c.customerClass)},
                       {QStringLiteral("stage"), CustomerRules::name(c.stage)},
                       {QStringLiteral("channel"), c.channel ? QJsonValue(CustomerRules::name(*c.channel)) : QJsonValue()},
                       {QStringLiteral("industry"), c.industry},
                       {QStringLiteral("size"), c.sizeBand},
                       {QStringLiteral("address"), c.address},
                       {QStringLiteral("website"), c.website},
                       {QStringLiteral("external_code"), c.externalCode},
                       {QStringLiteral("phone"), c.phone},
                       {QStringLiteral("email"), c.email},
                       {QStringLiteral("owner_id"), c.ownerId ? QJsonValue(*c.ownerId) : QJsonValue()},
                       {QStringLiteral("tags"), c.tags},
                       {QStringLiteral("notes"), c.notes},
                       {QStringLiteral("last_contact_at"), c.lastContactAt.isValid() ? QJsonValue(stamp(c.lastContactAt)) : QJsonValue()},
                       {QStringLiteral("version"), c.version}};
    if (!c.lostReason.isEmpty())
        object.insert(QStringLiteral("lost_reason"), c.lostReason);
    if (!ownerLogin.isEmpty())
        object.insert(QStringLiteral("owner"), ownerLogin);
    return object;
}

QJsonObject CustomerService::toJson(const domain::ContactLogEntry &entry)
{
    QJsonObject object{{QStringLiteral("id"), entry.id},
                       {QStringLiteral("customer"), entry.customerId},
                       {QStringLiteral("kind"), CustomerRules::name(entry.kind)},
                       {QStringLiteral("at"), stamp(entry.at)},
                       {QStringLiteral("by"), entry.byId},
                       {QStringLiteral("note"), entry.note},
                       {QStringLiteral("version"), entry.version}};
    if (!entry.byName.isEmpty())
        object.insert(QStringLiteral("by_name"), entry.byName);
    if (entry.nextFollowUp.isValid())
        object.insert(QStringLiteral("next_follow_up"), entry.nextFollowUp.toString(Qt::ISODate));
    if (entry.complaintStatus != domain::ComplaintStatus::None) {
        object.insert(QStringLiteral("complaint_status"), CustomerRules::name(entry.complaintStatus));
        object.insert(QStringLiteral("resolution"), entry.resolution);
        if (entry.resolvedAt.isValid())
            object.insert(QStringLiteral("hours_to_resolve"), static_cast<double>(entry.at.secsTo(entry.resolvedAt)) / 3600.0);
    }
    return object;
}

} // namespace bizdesk::services
