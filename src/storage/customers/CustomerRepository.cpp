#include "storage/customers/CustomerRepository.h"

#include "domain/Clock.h"
#include "domain/Error.h"
#include "storage/Database.h"
#include "storage/KeyLock.h"
#include "storage/SqlQuery.h"
#include "storage/SqlValues.h"
#include "support/NameCollation.h"

#include <QCoreApplication>

namespace bizdesk::storage {
namespace {

using domain::Customer;
using domain::CustomerRules;
using domain::Error;

const QString customerColumns = QStringLiteral(
    "c.id, c.name, c.class, c.owner_id, c.short_name, c.industry, c.size_band, c.address, c.website, c.phone, "
    "c.email, c.channel, c.stage, c.lost_reason, c.segment_id, c.tags, c.notes, c.last_contact_at, "
    "c.stage_changed_at, c.created_at, c.updated_at, c.version, c.external_code, u.login, u.display_name");
constexpr int sortKeyColumn = 25;

/// NOT NULL text columns: a null QString would bind as NULL.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QDateTime optionalTimestamp(const QVariant &value)
{
    return value.isNull() ? QDateTime() : domain::fromStorageTimestamp(value.toString());
}

QVariant nullableTimestamp(const QDateTime &value)
{
    return value.isValid() ? QVariant(domain::toStorageTimestamp(value)) : QVariant(QMetaType(QMetaType::QString));
}

CustomerRow readRow(SqlQuery &query, bool withSortKey)
{
    CustomerRow row;
    Customer &c = row.customer;
    c.id = query.value(0).toLongLong();
    c.name = query.value(1).toString();
    c.customerClass = CustomerRules::parseClass(QStringLiteral("class"), query.value(2).toString());
    c.ownerId = optionalId(query.value(3));
    c.shortName = query.value(4).toString();
    c.industry = query.value(5).toString();
    c.sizeBand = query.value(6).toString();
    c.address = query.value(7).toString();
    c.website = query.value(8).toString();
    c.phone = query.value(9).toString();
    c.email = query.value(10).toString();
    if (!query.value(11).isNull())
        c.channel = CustomerRules::parseChannel(QStringLiteral("channel"), query.value(11).toString());
    c.stage = CustomerRules::parseStage(QStringLiteral("stage"), query.value(12).toString());
    c.lostReason = query.value(13).toString();
    c.segmentId = optionalId(query.value(14));
    c.tags = query.value(15).toString();
    c.notes = query.value(16).toString();
    c.lastContactAt = optionalTimestamp(query.value(17));
    c.stageChangedAt = optionalTimestamp(query.value(18));
    c.createdAt = optionalTimestamp(query.value(19));
    c.updatedAt = optionalTimestamp(query.value(20));
    c.version = query.value(21).toInt();
    c.externalCode = query.value(22).toString();
    row.ownerLogin = query.value(23).toString();
    row.ownerName = query.value(24).toString();
    if (withSortKey)
        row.sortKey = query.value(sortKeyColumn);
    return row;
}

QString sortExpression(CustomerQuery::Sort sort)
{
    switch (sort) {
    // Pinyin order from the stored ICU key (support/NameCollation), backed by customers_*_name_sort.
    case CustomerQuery::Sort::Name: return QStringLiteral("c.name_sort");
    case CustomerQuery::Sort::Class: return QStringLiteral("c.class");
    case CustomerQuery::Sort::Stage: return QStringLiteral("c.stage");
    case CustomerQuery::Sort::Owner: return QStringLiteral("COALESCE(c.owner_id, 0)");
    case CustomerQuery::Sort::LastContact: return QStringLiteral("COALESCE(c.last_contact_at, '')");
    case CustomerQuery::Sort::Updated: return QStringLiteral("c.updated_at");
    case CustomerQuery::Sort::Id: return QStringLiteral("c.id");
    }
    return QStringLiteral("c.name_sort");
}

QString foldedSearch(const QString &text)
{
    return text.normalized(QString::NormalizationForm_KC).toCaseFolded().trimmed();
}

void bindCustomer(SqlQuery &query, const Customer &c, const QString &searchText)
{
    query.bind(":name", c.name)
        .bind(":class", CustomerRules::name(c.customerClass))
        .bind(":owner", nullableId(c.ownerId))
        .bind(":short_name", notNull(c.shortName))
        .bind(":industry", notNull(c.industry))
        .bind(":size_band", notNull(c.sizeBand))
        .bind(":address", notNull(c.address))
        .bind(":website", notNull(c.website))
        .bind(":phone", notNull(c.phone))
        .bind(":email", notNull(c.email))
        .bind(":channel", c.channel ? QVariant(CustomerRules::name(*c.channel)) : QVariant(QMetaType(QMetaType::QString)))
        .bind(":stage", CustomerRules::name(c.stage))
        .bind(":lost_reason", notNull(c.lostReason))
        .bind(":segment", nullableId(c.segmentId))
        .bind(":tags", notNull(c.tags))
        .bind(":notes", notNull(c.notes))
        .bind(":external_code", notNull(c.externalCode))
        .bind(":name_sort", support::NameCollation::sortKey(c.name))
        .bind(":name_key", notNull(CustomerRules::duplicateKey(c.name)))
        .bind(":phone_key", notNull(CustomerRules::phoneKey(c.phone)))
        .bind(":search_text", notNull(searchText))
        .bind(":last_contact", nullableTimestamp(c.lastContactAt))
        .bind(":stage_changed", nullableTimestamp(c.stageChangedAt));
}

domain::ContactLogEntry readLog(SqlQuery &query)
{
    domain::ContactLogEntry entry;
    entry.id = query.value(0).toLongLong();
    entry.customerId = query.value(1).toLongLong();
    entry.kind = CustomerRules::parseKind(QStringLiteral("kind"), query.value(2).toString());
    entry.at = domain::fromStorageTimestamp(query.value(3).toString());
    entry.byId = query.value(4).toLongLong();
    entry.note = query.value(5).toString();
    if (!query.value(6).isNull())
        entry.nextFollowUp = QDate::fromString(query.value(6).toString(), Qt::ISODate);
    const QString status = query.value(7).toString();
    entry.complaintStatus = status == QLatin1String("open")          ? domain::ComplaintStatus::Open
                            : status == QLatin1String("in_progress") ? domain::ComplaintStatus::InProgress
                            : status == QLatin1String("resolved")    ? domain::ComplaintStatus::Resolved
                                                                     : domain::ComplaintStatus::None;
    entry.resolution = query.value(8).toString();
    entry.resolvedAt = optionalTimestamp(query.value(9));
    entry.version = query.value(10).toInt();
    entry.byName = query.value(11).toString();
    return entry;
}

/// What duplicates() compares and lockDuplicateKeys() holds: normalised name, phone digits, e-mail.
struct DuplicateKeys
{
    QString name;
    QString phone;
    QString email;
    static DuplicateKeys of(const Customer &customer)
    {
        return {CustomerRules::duplicateKey(customer.name), CustomerRules::phoneKey(customer.phone),
                customer.email.trimmed().toLower()};
    }
};

const QString duplicateKeySpace = QStringLiteral("customer.duplicate");

const QString logColumns = QStringLiteral(
    "l.id, l.customer_id, l.kind, l.at, l.by_id, l.note, l.next_follow_up, l.complaint_status, l.resolution, "
    "l.resolved_at, l.version, u.display_name");

} // namespace

QString escapeLike(const QString &text)
{
    QString escaped;
    for (QChar c : text) {
        if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\'))
            escaped.append(QLatin1Char('\\'));
        escaped.append(c);
    }
    return escaped;
}

CustomerRepository::CustomerRepository(Database &database) : m_database(database) {}
CustomerRepository::~CustomerRepository() = default;

domain::CustomerId CustomerRepository::insert(const Customer &customer, const QString &searchText, const QString &now,
                                              domain::UserId actor)
{
    if (!m_insert) {
        m_insert = std::make_unique<SqlQuery>(
            m_database,
            QStringLiteral(
                "INSERT INTO customers (name, class, owner_id, short_name, industry, size_band, address, website, phone, "
                "email, channel, stage, lost_reason, segment_id, tags, notes, external_code, name_sort, name_key, phone_key, "
                "search_text, last_contact_at, stage_changed_at, owned_since, version, created_at, created_by, updated_at, updated_by) "
                "VALUES (:name, :class, :owner, :short_name, :industry, :size_band, :address, :website, :phone, :email, "
                ":channel, :stage, :lost_reason, :segment, :tags, :notes, :external_code, :name_sort, :name_key, :phone_key, :search_text, "
                ":last_contact, :stage_changed, :owned_since, 1, :now, :actor, :now2, :actor2) RETURNING id"));
    }
    bindCustomer(*m_insert, customer, searchText);
    m_insert->bind(":owned_since", customer.ownerId ? QVariant(now) : QVariant(QMetaType(QMetaType::QString)))
        .bind(":now", now)
        .bind(":now2", now)
        .bind(":actor", actor)
        .bind(":actor2", actor);
    const qint64 id = m_insert->insertReturningId();
    m_insert->raw().finish();
    return id;
}

SqlQuery &CustomerRepository::cached(const QString &sql) const
{
    auto &slot = m_statements[sql];
    if (!slot)
        slot = std::make_unique<SqlQuery>(m_database, sql);
    return *slot;
}

int CustomerRepository::update(const Customer &customer, const QString &searchText, const QString &now,
                               domain::UserId actor)
{
    const Customer before = require(customer.id);
    SqlQuery query(m_database,
                   QStringLiteral("UPDATE customers SET name = :name, class = :class, owner_id = :owner, "
                                  "short_name = :short_name, industry = :industry, size_band = :size_band, "
                                  "address = :address, website = :website, phone = :phone, email = :email, "
                                  "channel = :channel, stage = :stage, lost_reason = :lost_reason, segment_id = :segment, "
                                  "tags = :tags, notes = :notes, external_code = :external_code, name_sort = :name_sort, "
                                  "name_key = :name_key, phone_key = :phone_key, "
                                  "search_text = :search_text, last_contact_at = :last_contact, "
                                  "stage_changed_at = :stage_changed, owned_since = :owned_since, "
                                  "version = version + 1, updated_at = :now, updated_by = :actor "
                                  "WHERE id = :id AND version = :version"));
    bindCustomer(query, customer, searchText);
    QVariant ownedSince;
    if (customer.ownerId != before.ownerId)
        ownedSince = customer.ownerId ? QVariant(now) : QVariant(QMetaType(QMetaType::QString));
    else
        ownedSince = SqlQuery(m_database, QStringLiteral("SELECT owned_since FROM customers WHERE id = :id"))
                         .bind(":id", customer.id)
                         .scalar();
    if (ownedSince.isNull())
        ownedSince = QVariant(QMetaType(QMetaType::QString));
    query.bind(":owned_since", ownedSince)
        .bind(":now", now)
        .bind(":actor", actor)
        .bind(":id", customer.id)
        .bind(":version", customer.version)
        .exec();
    if (query.rowsAffected() == 0)
        throw Error::conflict(QCoreApplication::translate("Customers", "Customer #%1 was changed by someone else; reload and try again.").arg(customer.id));
    return customer.version + 1;
}

void CustomerRepository::setSearchText(domain::CustomerId id, const QString &searchText)
{
    SqlQuery(m_database, QStringLiteral("UPDATE customers SET search_text = :text WHERE id = :id"))
        .bind(":text", notNull(searchText))
        .bind(":id", id)
        .exec();
}

void CustomerRepository::fillNameSortKeys()
{
    SqlQuery select(m_database, QStringLiteral("SELECT id, name FROM customers WHERE name_sort = '' ORDER BY id"));
    select.exec();
    QList<std::pair<domain::CustomerId, QString>> rows;
    while (select.next())
        rows.append({select.value(0).toLongLong(), select.value(1).toString()});
    SqlQuery &update = cached(QStringLiteral("UPDATE customers SET name_sort = :key WHERE id = :id"));
    for (const auto &[id, name] : rows)
        update.bind(":key", support::NameCollation::sortKey(name)).bind(":id", id).exec();
}

std::optional<domain::CustomerId> CustomerRepository::findByExternalCode(const QString &code) const
{
    if (code.trimmed().isEmpty())
        return std::nullopt;
    SqlQuery &query = cached(QStringLiteral("SELECT id FROM customers WHERE external_code = :code ORDER BY id LIMIT 1"));
    query.bind(":code", code.trimmed()).exec();
    const std::optional<domain::CustomerId> id = query.next() ? std::optional(query.value(0).toLongLong()) : std::nullopt;
    query.raw().finish();
    return id;
}

std::optional<domain::CustomerId> CustomerRepository::findByName(const QString &name) const
{
    SqlQuery &query = cached(QStringLiteral("SELECT id FROM customers WHERE name_key = :key AND name = :name ORDER BY id LIMIT 1"));
    query.bind(":key", CustomerRules::duplicateKey(name)).bind(":name", name).exec();
    const std::optional<domain::CustomerId> id = query.next() ? std::optional(query.value(0).toLongLong()) : std::nullopt;
    query.raw().finish();
    return id;
}

std::optional<Customer> CustomerRepository::find(domain::CustomerId id) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM customers c LEFT JOIN users u ON u.id = c.owner_id "
                                              "WHERE c.id = :id")
                                   .arg(customerColumns));
    query.bind(":id", id).exec();
    if (!query.next())
        return std::nullopt;
    return readRow(query, false).customer;
}

Customer CustomerRepository::require(domain::CustomerId id) const
{
    if (auto customer = find(id))
        return *customer;
    throw Error::notFound(QCoreApplication::translate("Customers", "There is no customer #%1.").arg(id));
}

bool CustomerRepository::visible(domain::CustomerId id, const CustomerScope &scope) const
{
    CustomerQuery query;
    query.scope = scope;
    SqlQuery sql(m_database, QStringLiteral("SELECT count(*) FROM customers c WHERE c.id = :id AND %1").arg(whereClause(query)));
    bindQuery(sql, query);
    sql.bind(":id", id);
    return sql.scalar().toLongLong() > 0;
}

QList<DuplicateMatch> CustomerRepository::duplicates(const Customer &customer, std::optional<domain::CustomerId> except) const
{
    const auto [nameKey, phoneKey, email] = DuplicateKeys::of(customer);
    QList<DuplicateMatch> matches;
    // One statement (SQLite and PostgreSQL both use the three indexes for the OR).
    SqlQuery &query = cached(QStringLiteral(
        "SELECT id, name, name_key = :name_key1, phone_key = :phone_key1, email = :email1 FROM customers "
        "WHERE (name_key = :name_key2 OR phone_key = :phone_key2 OR email = :email2) AND id <> :except "
        "ORDER BY id LIMIT 5"));
    // An empty key must not match other empty keys.
    const QString none = QStringLiteral("\x01");
    const QString phone = phoneKey.isEmpty() ? none : phoneKey;
    const QString mail = email.isEmpty() ? none : email;
    query.bind(":name_key1", nameKey).bind(":name_key2", nameKey.isEmpty() ? none : nameKey)
        .bind(":phone_key1", phone).bind(":phone_key2", phone)
        .bind(":email1", mail).bind(":email2", mail)
        .bind(":except", except.value_or(0))
        .exec();
    while (query.next()) {
        const QString reason = query.value(2).toBool()   ? QStringLiteral("name")
                               : query.value(3).toBool() ? QStringLiteral("phone")
                                                         : QStringLiteral("email");
        matches.append({query.value(0).toLongLong(), query.value(1).toString(), reason});
    }
    query.raw().finish();
    return matches;
}

void CustomerRepository::lockDuplicateKeys(const Customer &customer)
{
    QStringList keys;
    const auto [nameKey, phoneKey, email] = DuplicateKeys::of(customer);
    if (!nameKey.isEmpty())
        keys << QStringLiteral("name:") + nameKey;
    if (!phoneKey.isEmpty())
        keys << QStringLiteral("phone:") + phoneKey;
    if (!email.isEmpty())
        keys << QStringLiteral("email:") + email;
    KeyLock::lockKeys(m_database, duplicateKeySpace, keys);
}

void CustomerRepository::lockAllDuplicateKeys()
{
    KeyLock::lockSpace(m_database, duplicateKeySpace);
}

QString CustomerRepository::whereClause(const CustomerQuery &query) const
{
    QStringList conditions{QStringLiteral("1 = 1")};
    switch (query.scope.kind) {
    case CustomerScope::Kind::All:
        break;
    case CustomerScope::Kind::Department:
        conditions << QStringLiteral("(c.owner_id IS NULL OR c.owner_id IN (SELECT id FROM users WHERE department_id = :scope))");
        break;
    case CustomerScope::Kind::Own:
        conditions << QStringLiteral("(c.owner_id IS NULL OR c.owner_id = :scope)");
        break;
    }
    const QString text = foldedSearch(query.text);
    if (!text.isEmpty()) {
        if (m_database.backend() == Backend::Sqlite && text.toUcs4().size() >= 3)
            conditions << QStringLiteral("c.id IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH :fts)");
        else
            conditions << QStringLiteral("c.search_text LIKE :like ESCAPE '\\'");
    }
    if (query.customerClass)
        conditions << QStringLiteral("c.class = :class");
    if (query.stage)
        conditions << QStringLiteral("c.stage = :stage");
    if (query.ownerId)
        conditions << QStringLiteral("c.owner_id = :owner");
    if (query.poolOnly)
        conditions << QStringLiteral("c.owner_id IS NULL");
    return conditions.join(QStringLiteral(" AND "));
}

void CustomerRepository::bindQuery(SqlQuery &sql, const CustomerQuery &query) const
{
    if (query.scope.kind != CustomerScope::Kind::All)
        sql.bind(":scope", query.scope.id);
    const QString text = foldedSearch(query.text);
    if (!text.isEmpty()) {
        if (m_database.backend() == Backend::Sqlite && text.toUcs4().size() >= 3) {
            QString phrase = text;
            phrase.replace(QLatin1Char('"'), QStringLiteral("\"\""));
            sql.bind(":fts", QStringLiteral("\"%1\"").arg(phrase));
        } else {
            sql.bind(":like", QStringLiteral("%%1%").arg(escapeLike(text)));
        }
    }
    if (query.customerClass)
        sql.bind(":class", CustomerRules::name(*query.customerClass));
    if (query.stage)
        sql.bind(":stage", CustomerRules::name(*query.stage));
    if (query.ownerId)
        sql.bind(":owner", *query.ownerId);
}

QList<CustomerRow> CustomerRepository::select(const CustomerQuery &query, const QString &extraWhere,
                                              const QVariant &sortKey, domain::CustomerId afterId, int offset,
                                              int limit) const
{
    const QString sort = sortExpression(query.sort);
    const QString direction = query.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    QString sql = QStringLiteral("SELECT %1, %2 FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE %3%4 "
                                 "ORDER BY %2 %5, c.id %5 LIMIT :limit")
                      .arg(customerColumns, sort, whereClause(query), extraWhere, direction);
    if (offset > 0)
        sql += QStringLiteral(" OFFSET :offset");
    SqlQuery select(m_database, sql);
    bindQuery(select, query);
    if (!extraWhere.isEmpty())
        select.bind(":key", sortKey).bind(":key_id", afterId);
    select.bind(":limit", limit);
    if (offset > 0)
        select.bind(":offset", offset);
    select.exec();
    QList<CustomerRow> rows;
    while (select.next())
        rows << readRow(select, true);
    return rows;
}

QList<CustomerRow> CustomerRepository::page(const CustomerQuery &query, int offset, int limit) const
{
    return select(query, {}, {}, 0, offset, limit);
}

QList<CustomerRow> CustomerRepository::pageAfter(const CustomerQuery &query, const QVariant &sortKey,
                                                 domain::CustomerId id, int limit) const
{
    const QString op = query.descending ? QStringLiteral("<") : QStringLiteral(">");
    const QString extra = QStringLiteral(" AND (%1, c.id) %2 (:key, :key_id)").arg(sortExpression(query.sort), op);
    return select(query, extra, sortKey, id, 0, limit);
}

qint64 CustomerRepository::count(const CustomerQuery &query) const
{
    SqlQuery sql(m_database, QStringLiteral("SELECT count(*) FROM customers c WHERE %1").arg(whereClause(query)));
    bindQuery(sql, query);
    return sql.scalar().toLongLong();
}

qint64 CustomerRepository::insertContact(const domain::CustomerContact &contact)
{
    SqlQuery &insert = cached(QStringLiteral("INSERT INTO customer_contacts (customer_id, name, title, phone, email, "
                                             "wechat, birthday, notes) VALUES (:customer, :name, :title, :phone, "
                                             ":email, :wechat, :birthday, :notes) RETURNING id"));
    const qint64 id = insert.bind(":customer", contact.customerId)
                          .bind(":name", contact.name)
                          .bind(":title", notNull(contact.title))
                          .bind(":phone", notNull(contact.phone))
                          .bind(":email", notNull(contact.email))
                          .bind(":wechat", notNull(contact.wechat))
                          .bind(":birthday", contact.birthday.isValid() ? QVariant(contact.birthday.toString(Qt::ISODate))
                                                                        : QVariant(QMetaType(QMetaType::QString)))
                          .bind(":notes", notNull(contact.notes))
                          .insertReturningId();
    insert.raw().finish();
    return id;
}

QList<domain::CustomerContact> CustomerRepository::contacts(domain::CustomerId id) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT id, customer_id, name, title, phone, email, wechat, birthday, notes "
                                              "FROM customer_contacts WHERE customer_id = :id ORDER BY id"));
    query.bind(":id", id).exec();
    QList<domain::CustomerContact> list;
    while (query.next()) {
        domain::CustomerContact contact;
        contact.id = query.value(0).toLongLong();
        contact.customerId = query.value(1).toLongLong();
        contact.name = query.value(2).toString();
        contact.title = query.value(3).toString();
        contact.phone = query.value(4).toString();
        contact.email = query.value(5).toString();
        contact.wechat = query.value(6).toString();
        if (!query.value(7).isNull())
            contact.birthday = QDate::fromString(query.value(7).toString(), Qt::ISODate);
        contact.notes = query.value(8).toString();
        list << contact;
    }
    return list;
}

qint64 CustomerRepository::insertLog(const domain::ContactLogEntry &entry, const QString &now)
{
    return SqlQuery(m_database, QStringLiteral("INSERT INTO customer_contact_log (customer_id, kind, at, by_id, note, "
                                               "next_follow_up, complaint_status, resolution, version, created_at) VALUES "
                                               "(:customer, :kind, :at, :by, :note, :next, :status, '', 1, :now) RETURNING id"))
        .bind(":customer", entry.customerId)
        .bind(":kind", CustomerRules::name(entry.kind))
        .bind(":at", domain::toStorageTimestamp(entry.at))
        .bind(":by", entry.byId)
        .bind(":note", entry.note)
        .bind(":next", entry.nextFollowUp.isValid() ? QVariant(entry.nextFollowUp.toString(Qt::ISODate))
                                                    : QVariant(QMetaType(QMetaType::QString)))
        .bind(":status", entry.complaintStatus == domain::ComplaintStatus::None
                             ? QVariant(QMetaType(QMetaType::QString))
                             : QVariant(CustomerRules::name(entry.complaintStatus)))
        .bind(":now", now)
        .insertReturningId();
}

QList<domain::ContactLogEntry> CustomerRepository::log(domain::CustomerId id, int limit) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM customer_contact_log l JOIN users u ON u.id = l.by_id "
                                              "WHERE l.customer_id = :id ORDER BY l.at DESC, l.id DESC LIMIT :limit")
                                   .arg(logColumns));
    query.bind(":id", id).bind(":limit", limit).exec();
    QList<domain::ContactLogEntry> entries;
    while (query.next())
        entries << readLog(query);
    return entries;
}

std::optional<domain::ContactLogEntry> CustomerRepository::findLog(qint64 id) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM customer_contact_log l JOIN users u ON u.id = l.by_id "
                                              "WHERE l.id = :id")
                                   .arg(logColumns));
    query.bind(":id", id).exec();
    if (!query.next())
        return std::nullopt;
    return readLog(query);
}

void CustomerRepository::updateComplaint(const domain::ContactLogEntry &entry)
{
    SqlQuery query(m_database, QStringLiteral("UPDATE customer_contact_log SET complaint_status = :status, resolution = :resolution, "
                                              "resolved_at = :resolved, version = version + 1 WHERE id = :id AND version = :version"));
    query.bind(":status", CustomerRules::name(entry.complaintStatus))
        .bind(":resolution", notNull(entry.resolution))
        .bind(":resolved", nullableTimestamp(entry.resolvedAt))
        .bind(":id", entry.id)
        .bind(":version", entry.version)
        .exec();
    if (query.rowsAffected() == 0)
        throw Error::conflict(QCoreApplication::translate("Customers", "Complaint #%1 was changed by someone else; reload and try again.").arg(entry.id));
}

void CustomerRepository::touchContact(domain::CustomerId id, const QString &at)
{
    SqlQuery(m_database, QStringLiteral("UPDATE customers SET last_contact_at = :at WHERE id = :id "
                                        "AND (last_contact_at IS NULL OR last_contact_at < :at2)"))
        .bind(":at", at)
        .bind(":at2", at)
        .bind(":id", id)
        .exec();
}

QList<std::pair<domain::ContactLogEntry, QString>> CustomerRepository::followUps(domain::UserId user, const QDate &until) const
{
    // Only the latest entry per customer counts: a later contact replaces an earlier follow-up.
    SqlQuery query(m_database, QStringLiteral("SELECT %1, c.name FROM customer_contact_log l JOIN users u ON u.id = l.by_id "
                                              "JOIN customers c ON c.id = l.customer_id "
                                              "WHERE l.by_id = :user AND l.next_follow_up IS NOT NULL AND l.next_follow_up <= :until "
                                              "AND NOT EXISTS (SELECT 1 FROM customer_contact_log later WHERE later.customer_id = l.customer_id "
                                              "AND (later.at > l.at OR (later.at = l.at AND later.id > l.id))) "
                                              "ORDER BY l.next_follow_up LIMIT 200")
                                   .arg(logColumns));
    query.bind(":user", user).bind(":until", until.toString(Qt::ISODate)).exec();
    QList<std::pair<domain::ContactLogEntry, QString>> list;
    while (query.next())
        list.append({readLog(query), query.value(12).toString()});
    return list;
}

QList<CustomerRow> CustomerRepository::ownedNotContactedSince(domain::UserId owner, const QString &cutoffText,
                                                              std::optional<domain::CustomerClass> customerClass,
                                                              int limit) const
{
    QString sql = QStringLiteral("SELECT %1 FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE c.owner_id = :owner "
                                 "AND COALESCE(c.last_contact_at, c.owned_since, c.created_at) < :cutoff")
                      .arg(customerColumns);
    if (customerClass)
        sql += QStringLiteral(" AND c.class = :class");
    sql += QStringLiteral(" ORDER BY COALESCE(c.last_contact_at, c.owned_since, c.created_at), c.id LIMIT :limit");
    SqlQuery query(m_database, sql);
    query.bind(":owner", owner).bind(":cutoff", cutoffText).bind(":limit", limit);
    if (customerClass)
        query.bind(":class", CustomerRules::name(*customerClass));
    query.exec();
    QList<CustomerRow> rows;
    while (query.next())
        rows << readRow(query, false);
    return rows;
}

QList<domain::CustomerId> CustomerRepository::returnToPool(const QString &cutoffText, const QString &now)
{
    SqlQuery select(m_database, QStringLiteral("SELECT id FROM customers WHERE owner_id IS NOT NULL "
                                               "AND COALESCE(last_contact_at, owned_since, created_at) < :cutoff "
                                               "AND COALESCE(owned_since, created_at) < :cutoff2 ORDER BY id"));
    select.bind(":cutoff", cutoffText).bind(":cutoff2", cutoffText).exec();
    QList<domain::CustomerId> ids;
    while (select.next())
        ids << select.value(0).toLongLong();
    SqlQuery update(m_database, QStringLiteral("UPDATE customers SET owner_id = NULL, owned_since = NULL, "
                                               "version = version + 1, updated_at = :now WHERE id = :id"));
    for (domain::CustomerId id : ids)
        update.bind(":now", now).bind(":id", id).exec();
    return ids;
}

QList<ChurnFacts> CustomerRepository::churnFacts(const CustomerScope &scope, const QString &recentSince) const
{
    CustomerQuery query;
    query.scope = scope;
    SqlQuery sql(m_database,
                 QStringLiteral("SELECT %1, c.id, "
                                "(SELECT count(*) FROM customer_contact_log l WHERE l.customer_id = c.id "
                                " AND l.complaint_status IN ('open', 'in_progress')), "
                                "(SELECT count(*) FROM customer_contact_log l WHERE l.customer_id = c.id "
                                " AND l.kind = 'complaint' AND l.at >= :recent) "
                                "FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE %2 AND c.stage <> 'lost'")
                     .arg(customerColumns, whereClause(query)));
    bindQuery(sql, query);
    sql.bind(":recent", recentSince).exec();
    QList<ChurnFacts> facts;
    while (sql.next()) {
        ChurnFacts fact;
        fact.row = readRow(sql, false);
        fact.openComplaints = sql.value(25).toInt();
        fact.recentComplaints = sql.value(26).toInt();
        facts << fact;
    }
    return facts;
}

qint64 CustomerRepository::insertWinBack(domain::CustomerId id, const QString &cause, const QString &measures, int score,
                                         const QString &now, domain::UserId actor)
{
    return SqlQuery(m_database, QStringLiteral("INSERT INTO customer_winbacks (customer_id, cause, measures, result, result_note, "
                                               "score, version, created_at, created_by) VALUES (:customer, :cause, :measures, "
                                               "'pending', '', :score, 1, :now, :actor) RETURNING id"))
        .bind(":customer", id)
        .bind(":cause", cause)
        .bind(":measures", measures)
        .bind(":score", score)
        .bind(":now", now)
        .bind(":actor", actor)
        .insertReturningId();
}

namespace {
const QString winBackColumns = QStringLiteral("w.id, w.customer_id, w.cause, w.measures, w.result, w.result_note, w.score, "
                                              "w.version, w.created_at, w.result_at, c.name");

QVariantMap readWinBack(SqlQuery &query)
{
    return QVariantMap{{QStringLiteral("id"), query.value(0).toLongLong()},
                       {QStringLiteral("customer_id"), query.value(1).toLongLong()},
                       {QStringLiteral("cause"), query.value(2).toString()},
                       {QStringLiteral("measures"), query.value(3).toString()},
                       {QStringLiteral("result"), query.value(4).toString()},
                       {QStringLiteral("result_note"), query.value(5).toString()},
                       {QStringLiteral("score"), query.value(6).toInt()},
                       {QStringLiteral("version"), query.value(7).toInt()},
                       {QStringLiteral("created_at"), query.value(8).toString()},
                       {QStringLiteral("result_at"), query.value(9).toString()},
                       {QStringLiteral("customer"), query.value(10).toString()}};
}
} // namespace

QVariantMap CustomerRepository::winBack(qint64 id) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM customer_winbacks w JOIN customers c ON c.id = w.customer_id "
                                              "WHERE w.id = :id").arg(winBackColumns));
    query.bind(":id", id).exec();
    if (!query.next())
        throw Error::notFound(QCoreApplication::translate("Customers", "There is no win-back record #%1.").arg(id));
    return readWinBack(query);
}

QList<QVariantMap> CustomerRepository::winBacks(std::optional<domain::CustomerId> customer) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM customer_winbacks w JOIN customers c ON c.id = w.customer_id "
                                              "WHERE (:all = 1 OR w.customer_id = :customer) ORDER BY w.id DESC LIMIT 1000")
                                   .arg(winBackColumns));
    query.bind(":all", customer ? 0 : 1).bind(":customer", customer.value_or(0)).exec();
    QList<QVariantMap> list;
    while (query.next())
        list << readWinBack(query);
    return list;
}

void CustomerRepository::setWinBackResult(qint64 id, int version, const QString &result, const QString &note, const QString &now)
{
    SqlQuery query(m_database, QStringLiteral("UPDATE customer_winbacks SET result = :result, result_note = :note, result_at = :now, "
                                              "version = version + 1 WHERE id = :id AND version = :version"));
    query.bind(":result", result).bind(":note", notNull(note)).bind(":now", now).bind(":id", id).bind(":version", version).exec();
    if (query.rowsAffected() == 0)
        throw Error::conflict(QCoreApplication::translate("Customers", "Win-back record #%1 was changed by someone else; reload and try again.").arg(id));
}

qint64 CustomerRepository::insertEvent(const QString &kind, const QString &title, const QDate &date, const QString &place,
                                       const QString &notes, const QString &now, domain::UserId actor)
{
    return SqlQuery(m_database, QStringLiteral("INSERT INTO customer_events (kind, title, event_date, place, notes, created_at, "
                                               "created_by) VALUES (:kind, :title, :date, :place, :notes, :now, :actor) RETURNING id"))
        .bind(":kind", kind)
        .bind(":title", title)
        .bind(":date", date.toString(Qt::ISODate))
        .bind(":place", notNull(place))
        .bind(":notes", notNull(notes))
        .bind(":now", now)
        .bind(":actor", actor)
        .insertReturningId();
}

bool CustomerRepository::eventExists(qint64 id) const
{
    return SqlQuery(m_database, QStringLiteral("SELECT count(*) FROM customer_events WHERE id = :id")).bind(":id", id).scalar().toInt() > 0;
}

bool CustomerRepository::invited(qint64 eventId, domain::CustomerId customer) const
{
    return SqlQuery(m_database, QStringLiteral("SELECT count(*) FROM customer_event_invitations WHERE event_id = :event AND customer_id = :customer"))
               .bind(":event", eventId)
               .bind(":customer", customer)
               .scalar()
               .toInt()
           > 0;
}

void CustomerRepository::invite(qint64 eventId, domain::CustomerId customer, const QString &now, domain::UserId actor)
{
    SqlQuery(m_database, QStringLiteral("INSERT INTO customer_event_invitations (event_id, customer_id, invited_at, invited_by) "
                                        "VALUES (:event, :customer, :now, :actor)"))
        .bind(":event", eventId)
        .bind(":customer", customer)
        .bind(":now", now)
        .bind(":actor", actor)
        .exec();
}

QList<QVariantMap> CustomerRepository::events(std::optional<domain::CustomerId> customer) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT e.id, e.kind, e.title, e.event_date, e.place, e.notes FROM customer_events e "
                                              "WHERE :all = 1 OR EXISTS (SELECT 1 FROM customer_event_invitations i "
                                              "WHERE i.event_id = e.id AND i.customer_id = :customer) "
                                              "ORDER BY e.event_date DESC, e.id DESC LIMIT 500"));
    query.bind(":all", customer ? 0 : 1).bind(":customer", customer.value_or(0)).exec();
    QList<QVariantMap> list;
    while (query.next())
        list << QVariantMap{{QStringLiteral("id"), query.value(0).toLongLong()}, {QStringLiteral("kind"), query.value(1).toString()},
                            {QStringLiteral("title"), query.value(2).toString()}, {QStringLiteral("date"), query.value(3).toString()},
                            {QStringLiteral("place"), query.value(4).toString()}, {QStringLiteral("notes"), query.value(5).toString()}};
    SqlQuery names(m_database, QStringLiteral("SELECT c.name FROM customer_event_invitations i JOIN customers c ON c.id = i.customer_id "
                                              "WHERE i.event_id = :event ORDER BY c.name_sort"));
    for (QVariantMap &event : list) {
        names.bind(":event", event.value(QStringLiteral("id"))).exec();
        QStringList invited;
        while (names.next())
            invited << names.value(0).toString();
        event.insert(QStringLiteral("invited"), invited);
    }
    return list;
}

qint64 CustomerRepository::insertSegment(const QString &name, const QString &traits, const QString &strategy,
                                         const QString &now, domain::UserId actor)
{
    return SqlQuery(m_database, QStringLiteral("INSERT INTO customer_segments (name, traits, strategy, version, created_at, "
                                               "created_by) VALUES (:name, :traits, :strategy, 1, :now, :actor) RETURNING id"))
        .bind(":name", name)
        .bind(":traits", notNull(traits))
        .bind(":strategy", notNull(strategy))
        .bind(":now", now)
        .bind(":actor", actor)
        .insertReturningId();
}

QList<QVariantMap> CustomerRepository::segments() const
{
    SqlQuery query(m_database, QStringLiteral("SELECT s.id, s.name, s.traits, s.strategy, "
                                              "(SELECT count(*) FROM customers c WHERE c.segment_id = s.id) "
                                              "FROM customer_segments s ORDER BY s.name"));
    query.exec();
    QList<QVariantMap> list;
    while (query.next())
        list << QVariantMap{{QStringLiteral("id"), query.value(0).toLongLong()},
                            {QStringLiteral("name"), query.value(1).toString()},
                            {QStringLiteral("traits"), query.value(2).toString()},
                            {QStringLiteral("strategy"), query.value(3).toString()},
                            {QStringLiteral("customers"), query.value(4).toLongLong()}};
    return list;
}

qint64 CustomerRepository::insertResearch(const QString &topic, const QDate &date, const QString &findings,
                                          const QString &competitors, const QString &now, domain::UserId actor)
{
    return SqlQuery(m_database, QStringLiteral("INSERT INTO market_research (topic, research_date, findings, competitors, "
                                               "created_at, created_by) VALUES (:topic, :date, :findings, :competitors, "
                                               ":now, :actor) RETURNING id"))
        .bind(":topic", topic)
        .bind(":date", date.toString(Qt::ISODate))
        .bind(":findings", notNull(findings))
        .bind(":competitors", notNull(competitors))
        .bind(":now", now)
        .bind(":actor", actor)
        .insertReturningId();
}

QList<QVariantMap> CustomerRepository::research() const
{
    SqlQuery query(m_database, QStringLiteral("SELECT id, topic, research_date, findings, competitors FROM market_research "
                                              "ORDER BY research_date DESC, id DESC"));
    query.exec();
    QList<QVariantMap> list;
    while (query.next())
        list << QVariantMap{{QStringLiteral("id"), query.value(0).toLongLong()},
                            {QStringLiteral("topic"), query.value(1).toString()},
                            {QStringLiteral("date"), query.value(2).toString()},
                            {QStringLiteral("findings"), query.value(3).toString()},
                            {QStringLiteral("competitors"), query.value(4).toString()}};
    return list;
}

} // namespace bizdesk::storage
