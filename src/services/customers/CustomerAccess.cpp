#include "services/customers/CustomerAccess.h"

#include "domain/Error.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/policy/PolicyService.h"
#include "storage/customers/CustomerRepository.h"
#include "storage/identity/UserRepository.h"
#include "support/NameCollation.h"

#include <QCoreApplication>

#include <algorithm>

namespace bizdesk::services {

using domain::Action;
using domain::Customer;
using domain::Error;

QString CustomerAccess::label(domain::CustomerId id)
{
    return QCoreApplication::translate("Customers", "Customer #%1").arg(id);
}

domain::CustomerScope CustomerAccess::scope() const
{
    const domain::User &user = m_session.user();
    if (m_session.may(Action::ReadAllCustomers))
        return {domain::CustomerScope::Kind::All, 0};
    if (m_session.may(Action::ReadDepartmentCustomers) && user.departmentId)
        return {domain::CustomerScope::Kind::Department, *user.departmentId};
    return {domain::CustomerScope::Kind::Own, user.id};
}

void CustomerAccess::requireVisible(domain::CustomerId id) const
{
    storage::CustomerRepository repository(m_session.database());
    repository.require(id);
    if (!repository.visible(id, scope()))
        throw Error::denied(QCoreApplication::translate("Customers", "Customer #%1 belongs to someone outside your responsibility.").arg(id));
}

void CustomerAccess::requireLinkable(domain::CustomerId id) const
{
    if (!storage::CustomerRepository(m_session.database()).visible(id, scope()))
        throw Error::notFound(QCoreApplication::translate("Customers", "customer: there is no customer #%1.").arg(id));
}

void CustomerAccess::requireEditable(const Customer &customer) const
{
    m_session.require(Action::EditCustomer);
    const domain::CustomerScope visibleScope = scope();
    if (visibleScope.kind == domain::CustomerScope::Kind::Own) {
        if (customer.ownerId != m_session.userId())
            throw Error::denied(customer.ownerId
                                    ? QCoreApplication::translate("Customers", "Customer #%1 is not yours; ask its owner or your manager.").arg(customer.id)
                                    : QCoreApplication::translate("Customers", "Customer #%1 is in the shared pool; claim it first.").arg(customer.id));
        return;
    }
    if (!storage::CustomerRepository(m_session.database()).visible(customer.id, visibleScope))
        throw Error::denied(QCoreApplication::translate("Customers", "Customer #%1 belongs to someone outside your responsibility.").arg(customer.id));
}

bool CustomerAccess::mayEdit(const Customer &customer) const
{
    try {
        requireEditable(customer);
        return true;
    } catch (const Error &) {
        return false;
    }
}

QList<domain::CustomerAction> CustomerAccess::actionsFor(const Customer &customer, bool hasOpenComplaint) const
{
    using domain::CustomerAction;
    QList<CustomerAction> actions;
    if (!customer.ownerId && m_session.may(Action::EditCustomer))
        actions << CustomerAction::Claim;
    if (!mayEdit(customer))
        return actions;
    actions << CustomerAction::Edit << CustomerAction::AddContactPerson;
    // Contacts are logged by whoever works the customer: a pool customer is claimed first.
    if (customer.ownerId)
        actions << CustomerAction::RecordContact << CustomerAction::Release;
    if (hasOpenComplaint)
        actions << CustomerAction::HandleComplaint;
    const auto next = domain::Pipeline::nextStages(customer.stage);
    if (!next.isEmpty() && next.first() != domain::Stage::Lost)
        actions << CustomerAction::Advance;
    if (domain::Pipeline::isOpen(customer.stage))
        actions << CustomerAction::MarkLost;
    if (m_session.may(Action::ReassignCustomer))
        actions << CustomerAction::Assign;
    return actions;
}

bool CustomerAccess::mayOwn(const domain::User &candidate) const
{
    const domain::User &actor = m_session.user();
    if (!candidate.active || !domain::PermissionTable::allows(candidate.roles, Action::EditCustomer))
        return false;
    if (candidate.id == actor.id)
        return true;
    if (!m_session.may(Action::ReassignCustomer))
        return false;
    const domain::CustomerScope reach = scope();
    return reach.kind == domain::CustomerScope::Kind::All
           || (reach.kind == domain::CustomerScope::Kind::Department && candidate.departmentId == actor.departmentId);
}

OwnerChoices CustomerAccess::eligibleOwners() const
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

void CustomerAccess::requireEligibleOwner(std::optional<domain::UserId> owner) const
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

domain::UserId CustomerAccess::ownerNamed(const QString &loginOrName) const
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

int CustomerAccess::intervalDays(domain::CustomerClass customerClass) const
{
    const QString key = customerClass == domain::CustomerClass::Key       ? domain::policy::contactIntervalKey
                        : customerClass == domain::CustomerClass::General ? domain::policy::contactIntervalGeneral
                                                                          : domain::policy::contactIntervalPotential;
    return static_cast<int>(PolicyService(m_session).integer(key));
}

} // namespace bizdesk::services
