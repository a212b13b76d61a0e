#pragma once

#include "domain/customers/CustomerQuery.h"

#include <QList>

#include <optional>

namespace bizdesk::services {

class Session;

/// Who the acting user may make a customer's owner (§3.2.1): the one answer the add form, the
/// reassign picker, the CLI, import and demo data all use.
struct OwnerChoices
{
    QList<domain::User> people; ///< the acting user first when eligible, then by display name
    bool pool = false;          ///< the shared pool is a choice too
};

/// What every customer unit (archive, contact log, churn, research) asks before it acts: which
/// customers the user sees and edits (§3.2.1 with the role table) and who may own one.
class CustomerAccess
{
public:
    explicit CustomerAccess(Session &session) : m_session(session) {}

    /// The rows the acting user may see.
    domain::CustomerScope scope() const;
    /// Throws not_found for a missing id, denied for one outside the user's responsibility.
    void requireVisible(domain::CustomerId id) const;
    /// For records of other modules that link a customer (an entertainment request): throws
    /// not_found, worded as for a missing id, unless the user may see it, so that neither its
    /// existence nor its name or class leaks.
    void requireLinkable(domain::CustomerId id) const;
    /// Throws denied unless the acting user may edit `customer` (its owner, or a manager over it).
    void requireEditable(const domain::Customer &customer) const;
    bool mayEdit(const domain::Customer &customer) const;
    /// What the user may do with `customer` now (§3.1.4 pipeline, §3.2.1 pool and owners, §3.2.3
    /// complaints): the one answer the customer page's buttons and the CLI follow.
    QList<domain::CustomerAction> actionsFor(const domain::Customer &customer, bool hasOpenComplaint) const;

    /// §3.2.1, one rule for add, assign, import and demo: an owner is an active user whose roles
    /// work customers; someone else (or the pool) only for those who may reassign, and a manager
    /// stays within the own department.
    OwnerChoices eligibleOwners() const;
    /// Throws unless `owner` (nullopt: the pool) is one of eligibleOwners(): denied, or invalid for
    /// a disabled account or one whose roles do not work customers.
    void requireEligibleOwner(std::optional<domain::UserId> owner) const;
    /// The user with that login, else the one user with exactly that display name; throws invalid.
    domain::UserId ownerNamed(const QString &loginOrName) const;

    /// §3.2.2: days between contacts for the class (policy customer.contact_interval_days.*).
    int intervalDays(domain::CustomerClass customerClass) const;

    static QString label(domain::CustomerId id);

private:
    bool mayOwn(const domain::User &candidate) const;

    Session &m_session;
};

} // namespace bizdesk::services
