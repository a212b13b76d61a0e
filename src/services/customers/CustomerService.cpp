#include "services/customers/CustomerService.h"

#include "domain/Error.h"
#include "domain/customers/CustomerTexts.h"
#include "domain/policy/EventDateWindow.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "services/customers/CustomerInsertion.h"
#include "services/customers/MarketResearchService.h"
#include "services/customers/PoolReturnSweep.h"
#include "services/modules/SeenVersion.h"
#include "services/policy/PolicyService.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "storage/customers/ContactLogRepository.h"
#include "storage/customers/CustomerEventRepository.h"
#include "storage/customers/MarketResearchRepository.h"
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


} // namespace

CustomerService::CustomerService(Session &session) : m_session(session), m_access(session) {}

domain::CustomerScope CustomerService::scope() const
{
    return m_access.scope();
}

OwnerChoices CustomerService::eligibleOwners() const
{
    return m_access.eligibleOwners();
}

void CustomerService::requireLinkable(domain::CustomerId id) const
{
    m_access.requireLinkable(id);
}

std::function<qint64()> CustomerService::countOnOwnConnection(domain::CustomerQuery query) const
{
    query.scope = m_access.scope();
    const storage::DatabaseLocation location = m_session.database().location();
    // A connection belongs to the thread that opened it: the count opens its own where it runs.
    return [location, query] {
        auto database = storage::Database::open(location, storage::Database::CreateMode::MustExist);
        return storage::CustomerRepository(*database).count(query);
    };
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
        customer.segmentId = MarketResearchService(m_session).segmentId(input.segment);
    const QString owner = input.ownerLogin.trimmed();
    if (owner.isEmpty()) {
        customer.ownerId = m_session.userId();
    } else if (owner == QLatin1String("-") || owner.compare(QLatin1String("pool"), Qt::CaseInsensitive) == 0) {
        customer.ownerId = std::nullopt;
    } else {
        customer.ownerId = m_access.ownerNamed(owner);
    }
    m_access.requireEligibleOwner(customer.ownerId);
    domain::CustomerTexts::firstContact(input.contactName, input.contactPhone, input.contactEmail);
    return customer;
}

QList<domain::DuplicateMatch> CustomerService::duplicatesOf(const Customer &customer) const
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
    m_access.requireEditable(before);
    requireSeenVersion(edited.version, before.version, CustomerAccess::label(edited.id));
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
    m_access.requireVisible(id);
    return storage::CustomerRepository(m_session.database()).require(id);
}

CustomerDetails CustomerService::details(domain::CustomerId id) const
{
    Transaction transaction(m_session.database(), Transaction::Mode::Read);
    m_access.requireVisible(id);
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
        for (const domain::TargetSegment &segment : storage::MarketResearchRepository(m_session.database()).segments()) {
            if (segment.id == *details.customer.segmentId)
                details.segmentName = segment.name;
        }
    }
    details.contacts = repository.contacts(id);
    details.log = storage::ContactLogRepository(m_session.database()).log(id, 200);
    details.stageHistory = storage::TransitionRepository(m_session.database()).history(QStringLiteral("customer"), id);
    details.intervalDays = m_access.intervalDays(details.customer.customerClass);
    const QDateTime since = details.customer.lastContactAt.isValid() ? details.customer.lastContactAt : details.customer.createdAt;
    details.contactOverdue = details.customer.ownerId && since.daysTo(m_session.now()) > details.intervalDays;
    for (const auto &entry : details.log) { // newest first: the last open one is the oldest
        if (entry.complaintStatus == domain::ComplaintStatus::Open || entry.complaintStatus == domain::ComplaintStatus::InProgress) {
            ++details.openComplaints;
            details.complaintToHandle = entry;
        }
    }
    details.events = storage::CustomerEventRepository(m_session.database()).events(id);
    details.actions = m_access.actionsFor(details.customer, details.openComplaints > 0);
    transaction.commit();
    return details;
}

QList<domain::CustomerRow> CustomerService::list(domain::CustomerQuery query, int limit) const
{
    query.scope = m_access.scope();
    Transaction transaction(m_session.database(), Transaction::Mode::Read);
    auto rows = storage::CustomerRepository(m_session.database()).page(query, 0, std::clamp(limit, 1, 100000));
    transaction.commit();
    return rows;
}

QList<domain::CustomerRow> CustomerService::search(const QString &text, int limit) const
{
    domain::CustomerQuery query;
    query.text = text;
    // In index order, so the search stops after `limit` matches instead of sorting them all.
    query.sort = domain::CustomerQuery::Sort::Id;
    return list(query, limit);
}

qint64 CustomerService::count(domain::CustomerQuery query) const
{
    query.scope = m_access.scope();
    return storage::CustomerRepository(m_session.database()).count(query);
}

QList<domain::CustomerRow> CustomerService::page(domain::CustomerQuery query, int offset, int limit) const
{
    query.scope = m_access.scope();
    return storage::CustomerRepository(m_session.database()).page(query, offset, limit);
}

QList<domain::CustomerRow> CustomerService::pageAfter(domain::CustomerQuery query, const domain::CustomerRow &last, int limit) const
{
    query.scope = m_access.scope();
    return storage::CustomerRepository(m_session.database()).pageAfter(query, last.sortKey, last.customer.id, limit);
}

Customer CustomerService::changeStage(domain::CustomerId id, domain::Stage stage, const QString &reason, std::optional<int> seenVersion)
{
    Transaction transaction(m_session.database());
    storage::CustomerRepository repository(m_session.database());
    const Customer before = repository.require(id);
    m_access.requireEditable(before);
    requireSeenVersion(seenVersion, before.version, CustomerAccess::label(id));
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

domain::CustomerContact CustomerService::addContact(domain::CustomerContact contact)
{
    Transaction transaction(m_session.database());
    storage::CustomerRepository repository(m_session.database());
    const Customer customer = repository.require(contact.customerId);
    m_access.requireEditable(customer);
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
    requireSeenVersion(seenVersion, before.version, CustomerAccess::label(id));
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
    m_access.requireEditable(before);
    requireSeenVersion(seenVersion, before.version, CustomerAccess::label(id));
    const domain::User owner = storage::UserRepository(m_session.database()).requireByLogin(ownerLogin.trimmed());
    m_access.requireEligibleOwner(owner.id);
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
    m_access.requireEditable(before);
    requireSeenVersion(seenVersion, before.version, CustomerAccess::label(id));
    if (!before.ownerId)
        throw Error::conflict(QCoreApplication::translate("Customers", "Customer #%1 is already in the shared pool.").arg(id));
    Customer customer = before;
    customer.ownerId = std::nullopt;
    const Customer after = saveWithSearchText(customer);
    AuditTrail(m_session).record(QStringLiteral("customer.release"), QStringLiteral("customer"), id, toJson(before), toJson(after));
    transaction.commit();
    return after;
}

PoolReturnResult CustomerService::returnUnfollowedToPool(const std::function<void(int)> &afterBatch)
{
    return PoolReturnSweep(m_session).run(afterBatch);
}

ExportTable CustomerService::exportTable(domain::CustomerQuery query) const
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
    query.scope = m_access.scope();
    Transaction transaction(m_session.database(), Transaction::Mode::Read);
    storage::CustomerRepository repository(m_session.database());
    QList<domain::CustomerRow> rows = repository.page(query, 0, 5000);
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

int CustomerService::exportTo(domain::CustomerQuery query, const QString &path) const
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
                       {QStringLiteral("last_contact_at"), c.lastContactAt.isValid() ? QJsonValue(domain::toStorageTimestamp(c.lastContactAt)) : QJsonValue()},
                       {QStringLiteral("version"), c.version}};
    if (!c.lostReason.isEmpty())
        object.insert(QStringLiteral("lost_reason"), c.lostReason);
    if (!ownerLogin.isEmpty())
        object.insert(QStringLiteral("owner"), ownerLogin);
    return object;
}

} // namespace bizdesk::services
