#include "storage/customers/CustomerRepository.h"

#include "domain/Clock.h"
#include "domain/Error.h"
#include "storage/Database.h"
#include "storage/KeyLock.h"
#include "storage/SqlQuery.h"
#include "storage/SqlValues.h"
#include "storage/customers/CustomerRowReader.h"
#include "support/NameCollation.h"

#include <QCoreApplication>

namespace bizdesk::storage {
namespace {

using domain::Customer;
using domain::CustomerRules;
using domain::Error;

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
        .bind(":short_name", requiredText(c.shortName))
        .bind(":industry", requiredText(c.industry))
        .bind(":size_band", requiredText(c.sizeBand))
        .bind(":address", requiredText(c.address))
        .bind(":website", requiredText(c.website))
        .bind(":phone", requiredText(c.phone))
        .bind(":email", requiredText(c.email))
        .bind(":channel", c.channel ? QVariant(CustomerRules::name(*c.channel)) : QVariant(QMetaType(QMetaType::QString)))
        .bind(":stage", CustomerRules::name(c.stage))
        .bind(":lost_reason", requiredText(c.lostReason))
        .bind(":segment", nullableId(c.segmentId))
        .bind(":tags", requiredText(c.tags))
        .bind(":notes", requiredText(c.notes))
        .bind(":external_code", requiredText(c.externalCode))
        .bind(":name_sort", support::NameCollation::sortKey(c.name))
        .bind(":name_key", requiredText(CustomerRules::duplicateKey(c.name)))
        .bind(":phone_key", requiredText(CustomerRules::phoneKey(c.phone)))
        .bind(":search_text", requiredText(searchText))
        .bind(":last_contact", nullableTimestamp(c.lastContactAt))
        .bind(":stage_changed", nullableTimestamp(c.stageChangedAt));
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
    SqlQuery insert(
        m_database,
        QStringLiteral(
            "INSERT INTO customers (name, class, owner_id, short_name, industry, size_band, address, website, phone, "
            "email, channel, stage, lost_reason, segment_id, tags, notes, external_code, name_sort, name_key, phone_key, "
            "search_text, last_contact_at, stage_changed_at, owned_since, version, created_at, created_by, updated_at, updated_by) "
            "VALUES (:name, :class, :owner, :short_name, :industry, :size_band, :address, :website, :phone, :email, "
            ":channel, :stage, :lost_reason, :segment, :tags, :notes, :external_code, :name_sort, :name_key, :phone_key, :search_text, "
            ":last_contact, :stage_changed, :owned_since, 1, :now, :actor, :now2, :actor2) RETURNING id"));
    bindCustomer(insert, customer, searchText);
    insert.bind(":owned_since", customer.ownerId ? QVariant(now) : QVariant(QMetaType(QMetaType::QString)))
        .bind(":now", now)
        .bind(":now2", now)
        .bind(":actor", actor)
        .bind(":actor2", actor);
    return insert.insertReturningId();
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
        .bind(":text", requiredText(searchText))
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
    SqlQuery update(m_database, QStringLiteral("UPDATE customers SET name_sort = :key WHERE id = :id"));
    for (const auto &[id, name] : rows)
        update.bind(":key", support::NameCollation::sortKey(name)).bind(":id", id).exec();
}

std::optional<domain::CustomerId> CustomerRepository::findByExternalCode(const QString &code) const
{
    if (code.trimmed().isEmpty())
        return std::nullopt;
    SqlQuery query(m_database, QStringLiteral("SELECT id FROM customers WHERE external_code = :code ORDER BY id LIMIT 1"));
    query.bind(":code", code.trimmed()).exec();
    const std::optional<domain::CustomerId> id = query.next() ? std::optional(query.value(0).toLongLong()) : std::nullopt;
    return id;
}

std::optional<domain::CustomerId> CustomerRepository::findByName(const QString &name) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT id FROM customers WHERE name_key = :key AND name = :name ORDER BY id LIMIT 1"));
    query.bind(":key", CustomerRules::duplicateKey(name)).bind(":name", name).exec();
    const std::optional<domain::CustomerId> id = query.next() ? std::optional(query.value(0).toLongLong()) : std::nullopt;
    return id;
}

std::optional<Customer> CustomerRepository::find(domain::CustomerId id) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM customers c LEFT JOIN users u ON u.id = c.owner_id "
                                              "WHERE c.id = :id")
                                   .arg(CustomerRowReader::columns()));
    query.bind(":id", id).exec();
    if (!query.next())
        return std::nullopt;
    return CustomerRowReader::read(query, false).customer;
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
    SqlQuery query(m_database, QStringLiteral(
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
    QStringList conditions{CustomerRowReader::scopeCondition(query.scope)};
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
    CustomerRowReader::bindScope(sql, query.scope);
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
                      .arg(CustomerRowReader::columns(), sort, whereClause(query), extraWhere, direction);
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
        rows << CustomerRowReader::read(select, true);
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
    SqlQuery insert(m_database, QStringLiteral("INSERT INTO customer_contacts (customer_id, name, title, phone, email, "
                                             "wechat, birthday, notes) VALUES (:customer, :name, :title, :phone, "
                                             ":email, :wechat, :birthday, :notes) RETURNING id"));
    const qint64 id = insert.bind(":customer", contact.customerId)
                          .bind(":name", contact.name)
                          .bind(":title", requiredText(contact.title))
                          .bind(":phone", requiredText(contact.phone))
                          .bind(":email", requiredText(contact.email))
                          .bind(":wechat", requiredText(contact.wechat))
                          .bind(":birthday", contact.birthday.isValid() ? QVariant(contact.birthday.toString(Qt::ISODate))
                                                                        : QVariant(QMetaType(QMetaType::QString)))
                          .bind(":notes", requiredText(contact.notes))
                          .insertReturningId();
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

QList<CustomerRow> CustomerRepository::ownedNotContactedSince(domain::UserId owner, const QString &cutoffText,
                                                              std::optional<domain::CustomerClass> customerClass,
                                                              int limit) const
{
    QString sql = QStringLiteral("SELECT %1 FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE c.owner_id = :owner "
                                 "AND COALESCE(c.last_contact_at, c.owned_since, c.created_at) < :cutoff")
                      .arg(CustomerRowReader::columns());
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
        rows << CustomerRowReader::read(query, false);
    return rows;
}

QList<std::pair<domain::CustomerId, CustomerRepository::PoolSweepPosition>>
CustomerRepository::poolReturnCandidates(domain::UserId owner, domain::CustomerClass customerClass, const QString &cutoffText,
                                         const PoolSweepPosition &position, int limit) const
{
    // A null QString would bind as NULL, which no timestamp is ">=": start from the empty string.
    const QString afterDue = position.dueAt.isNull() ? QStringLiteral("") : position.dueAt;
    // The position is written as "due >= :after AND (due > :after OR id > :afterId)" rather than a
    // row value: SQLite starts the range scan at :after only in this form.
    SqlQuery query(m_database,
                   QStringLiteral("SELECT id, COALESCE(last_contact_at, owned_since, created_at) FROM customers "
                                  "WHERE owner_id = :owner AND class = :class "
                                  "AND COALESCE(last_contact_at, owned_since, created_at) < :cutoff "
                                  "AND COALESCE(last_contact_at, owned_since, created_at) >= :after "
                                  "AND (COALESCE(last_contact_at, owned_since, created_at) > :after2 OR id > :afterId) "
                                  "ORDER BY COALESCE(last_contact_at, owned_since, created_at), id LIMIT :limit"));
    query.bind(":owner", owner)
        .bind(":class", CustomerRules::name(customerClass))
        .bind(":cutoff", cutoffText)
        .bind(":after", afterDue)
        .bind(":after2", afterDue)
        .bind(":afterId", position.id)
        .bind(":limit", limit)
        .exec();
    QList<std::pair<domain::CustomerId, PoolSweepPosition>> candidates;
    while (query.next()) {
        const domain::CustomerId id = query.value(0).toLongLong();
        candidates.append({id, PoolSweepPosition{query.value(1).toString(), id}});
    }
    return candidates;
}

bool CustomerRepository::returnToPool(domain::CustomerId id, domain::UserId owner, const QString &cutoffText, const QString &now)
{
    SqlQuery update(m_database, QStringLiteral("UPDATE customers SET owner_id = NULL, owned_since = NULL, version = version + 1, "
                                               "updated_at = :now WHERE id = :id AND owner_id = :owner "
                                               "AND COALESCE(last_contact_at, owned_since, created_at) < :cutoff "
                                               "AND COALESCE(owned_since, created_at) < :cutoff2"));
    update.bind(":now", now).bind(":id", id).bind(":owner", owner).bind(":cutoff", cutoffText).bind(":cutoff2", cutoffText).exec();
    return update.rowsAffected() == 1;
}

} // namespace bizdesk::storage
