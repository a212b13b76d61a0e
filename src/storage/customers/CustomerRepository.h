#pragma once

#include "domain/customers/Customer.h"

#include <QList>
#include <QVariant>

#include <map>
#include <memory>
#include <optional>

namespace bizdesk::storage {

class Database;
class SqlQuery;

/// Which customers a user may see (§3.2.1 with the role table): everything, one department's
/// customers plus the shared pool, or one's own plus the pool.
struct CustomerScope
{
    enum class Kind { All, Department, Own };
    Kind kind = Kind::All;
    qint64 id = 0; ///< department id or user id
};

/// Filters and sort order of the customer list; everything is applied in SQL.
struct CustomerQuery
{
    enum class Sort { Name, Class, Stage, Owner, LastContact, Updated, Id };
    CustomerScope scope;
    QString text; ///< substring search (case-folded inside)
    std::optional<domain::CustomerClass> customerClass;
    std::optional<domain::Stage> stage;
    std::optional<domain::UserId> ownerId;
    bool poolOnly = false;
    Sort sort = Sort::Name;
    bool descending = false;
};

/// One row of the customer list, with the owner's name joined in.
struct CustomerRow
{
    domain::Customer customer;
    QString ownerLogin;
    QString ownerName;
    QVariant sortKey; ///< the value sorted by (for keyset paging)
};

/// A possible duplicate found on create / import.
struct DuplicateMatch
{
    domain::CustomerId id = 0;
    QString name;
    QString reason; ///< "name", "phone" or "email"
};

/// Aggregates per customer for the churn score.
struct ChurnFacts
{
    CustomerRow row;
    int openComplaints = 0;
    int recentComplaints = 0;
};

/// Customers, their contacts and contact log (§3.1, §3.2). SQL stays here.
class CustomerRepository
{
public:
    explicit CustomerRepository(Database &database);
    ~CustomerRepository();

    /// Inserts with the derived keys; the prepared statement is reused across calls (imports).
    domain::CustomerId insert(const domain::Customer &customer, const QString &searchText, const QString &now,
                              domain::UserId actor);
    /// Throws conflict when the version is stale. Returns the new version.
    int update(const domain::Customer &customer, const QString &searchText, const QString &now, domain::UserId actor);
    void setSearchText(domain::CustomerId id, const QString &searchText);
    /// Computes the pinyin sort key (name_sort) of rows that have none (the 0007 upgrade).
    void fillNameSortKeys();
    /// The first customer with that code of the system it came from (客户编码); nullopt for "".
    std::optional<domain::CustomerId> findByExternalCode(const QString &code) const;
    /// The first customer named exactly `name`.
    std::optional<domain::CustomerId> findByName(const QString &name) const;
    std::optional<domain::Customer> find(domain::CustomerId id) const;
    /// Throws not_found naming the id.
    domain::Customer require(domain::CustomerId id) const;
    bool visible(domain::CustomerId id, const CustomerScope &scope) const;

    QList<DuplicateMatch> duplicates(const domain::Customer &customer, std::optional<domain::CustomerId> except) const;
    /// Holds the keys duplicates() compares (name, phone, e-mail) until the transaction ends, so
    /// that two parallel adds of the same customer check one after the other (PostgreSQL).
    void lockDuplicateKeys(const domain::Customer &customer);
    /// The same for every key at once (imports).
    void lockAllDuplicateKeys();

    QList<CustomerRow> page(const CustomerQuery &query, int offset, int limit) const;
    /// Rows strictly after (sortKey, id) in the query's order.
    QList<CustomerRow> pageAfter(const CustomerQuery &query, const QVariant &sortKey, domain::CustomerId id,
                                 int limit) const;
    qint64 count(const CustomerQuery &query) const;

    qint64 insertContact(const domain::CustomerContact &contact);
    QList<domain::CustomerContact> contacts(domain::CustomerId id) const;

    qint64 insertLog(const domain::ContactLogEntry &entry, const QString &now);
    QList<domain::ContactLogEntry> log(domain::CustomerId id, int limit) const;
    std::optional<domain::ContactLogEntry> findLog(qint64 id) const;
    void updateComplaint(const domain::ContactLogEntry &entry);
    void touchContact(domain::CustomerId id, const QString &at);
    /// Follow-ups due (next_follow_up <= date) for entries written by `user` on customers it may see.
    QList<std::pair<domain::ContactLogEntry, QString>> followUps(domain::UserId user, const QDate &until) const;

    /// Customers owned by `owner` whose last contact (or assignment) is before `cutoffText`.
    QList<CustomerRow> ownedNotContactedSince(domain::UserId owner, const QString &cutoffText,
                                              std::optional<domain::CustomerClass> customerClass, int limit) const;
    /// Owned customers not followed since `cutoffText` go back to the shared pool; returns their ids.
    QList<domain::CustomerId> returnToPool(const QString &cutoffText, const QString &now);

    QList<ChurnFacts> churnFacts(const CustomerScope &scope, const QString &recentSince) const;

    qint64 insertWinBack(domain::CustomerId id, const QString &cause, const QString &measures, int score, const QString &now,
                         domain::UserId actor);
    /// {id, customer_id, cause, measures, result, result_note, score, version, created_at, result_at}; throws not_found.
    QVariantMap winBack(qint64 id) const;
    QList<QVariantMap> winBacks(std::optional<domain::CustomerId> customer) const;
    void setWinBackResult(qint64 id, int version, const QString &result, const QString &note, const QString &now);

    qint64 insertEvent(const QString &kind, const QString &title, const QDate &date, const QString &place,
                       const QString &notes, const QString &now, domain::UserId actor);
    bool eventExists(qint64 id) const;
    bool invited(qint64 eventId, domain::CustomerId customer) const;
    void invite(qint64 eventId, domain::CustomerId customer, const QString &now, domain::UserId actor);
    /// Events with their invited customers' names ({id, kind, title, date, place, notes, invited:[names]}).
    QList<QVariantMap> events(std::optional<domain::CustomerId> customer) const;

    qint64 insertSegment(const QString &name, const QString &traits, const QString &strategy, const QString &now,
                         domain::UserId actor);
    QList<QVariantMap> segments() const;
    qint64 insertResearch(const QString &topic, const QDate &date, const QString &findings, const QString &competitors,
                          const QString &now, domain::UserId actor);
    QList<QVariantMap> research() const;

private:
    QString whereClause(const CustomerQuery &query) const;
    void bindQuery(SqlQuery &sql, const CustomerQuery &query) const;
    QList<CustomerRow> select(const CustomerQuery &query, const QString &extraWhere, const QVariant &sortKey,
                              domain::CustomerId afterId, int offset, int limit) const;

    /// A prepared statement kept for the repository's lifetime (reused across import rows).
    SqlQuery &cached(const QString &sql) const;

    Database &m_database;
    std::unique_ptr<SqlQuery> m_insert;
    mutable std::map<QString, std::unique_ptr<SqlQuery>> m_statements;
};

/// Escapes % _ and \ for LIKE ... ESCAPE '\'.
QString escapeLike(const QString &text);

} // namespace bizdesk::storage
