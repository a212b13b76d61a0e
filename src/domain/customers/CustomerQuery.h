#pragma once

#include "domain/customers/Customer.h"

#include <QVariant>

#include <optional>

namespace bizdesk::domain {

/// Which customers a user may see (§3.2.1 with the role table): everything, one department's
/// customers plus the shared pool, or one's own plus the pool.
struct CustomerScope
{
    enum class Kind { All, Department, Own };
    Kind kind = Kind::All;
    qint64 id = 0; ///< department id or user id
};

/// Filters and sort order of the customer list; the repository applies all of them in SQL.
struct CustomerQuery
{
    enum class Sort { Name, Class, Stage, Owner, LastContact, Updated, Id };
    CustomerScope scope;
    QString text; ///< substring search (case-folded inside)
    std::optional<CustomerClass> customerClass;
    std::optional<Stage> stage;
    std::optional<UserId> ownerId;
    bool poolOnly = false;
    Sort sort = Sort::Name;
    bool descending = false;
};

/// One row of the customer list, with the owner's name joined in.
struct CustomerRow
{
    Customer customer;
    QString ownerLogin;
    QString ownerName;
    QVariant sortKey; ///< the value sorted by (for keyset paging)
};

/// A possible duplicate found on create / import.
struct DuplicateMatch
{
    CustomerId id = 0;
    QString name;
    QString reason; ///< "name", "phone" or "email"
};

} // namespace bizdesk::domain
