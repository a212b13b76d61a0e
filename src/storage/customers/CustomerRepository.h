#pragma once

#include "domain/customers/CustomerQuery.h"

#include <QList>
#include <QVariant>

#include <map>
#include <memory>
#include <optional>
#include <utility>

namespace bizdesk::storage {

class Database;
class SqlQuery;

using domain::CustomerQuery;
using domain::CustomerRow;
using domain::CustomerScope;
using domain::DuplicateMatch;

/// The customer archive, pool and pipeline (§3.1.4, §3.2.1–2): customers and their contact
/// persons. The contact log, churn and research have repositories of their own.
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

    /// Customers owned by `owner` whose last contact (or assignment) is before `cutoffText`.
    QList<CustomerRow> ownedNotContactedSince(domain::UserId owner, const QString &cutoffText,
                                              std::optional<domain::CustomerClass> customerClass, int limit) const;
    /// Where a pool sweep over one owner's customers of one class has got to, in the order of
    /// customers_owner_contact_due (when contact fell due, then id).
    struct PoolSweepPosition
    {
        QString dueAt; ///< empty before the first batch (every timestamp sorts after it)
        domain::CustomerId id = 0;
    };
    /// The next `limit` customers of `owner` and `customerClass` whose contact fell due before
    /// `cutoffText`, after `position`: one range scan of customers_owner_contact_due. Returns
    /// them with the position to continue from.
    QList<std::pair<domain::CustomerId, PoolSweepPosition>> poolReturnCandidates(domain::UserId owner, domain::CustomerClass customerClass,
                                                                                 const QString &cutoffText, const PoolSweepPosition &position,
                                                                                 int limit) const;
    /// Returns `id` to the shared pool if `owner` still owns it and has neither contacted it nor
    /// been given it since `cutoffText` (checked again here: the candidate was read in the same
    /// transaction, but the rule belongs with the write). True when it was returned.
    bool returnToPool(domain::CustomerId id, domain::UserId owner, const QString &cutoffText, const QString &now);

private:
    QString whereClause(const CustomerQuery &query) const;
    void bindQuery(SqlQuery &sql, const CustomerQuery &query) const;
    QList<CustomerRow> select(const CustomerQuery &query, const QString &extraWhere, const QVariant &sortKey,
                              domain::CustomerId afterId, int offset, int limit) const;

    Database &m_database;
};

/// Escapes % _ and \ for LIKE ... ESCAPE '\'.
QString escapeLike(const QString &text);

} // namespace bizdesk::storage
