#pragma once

#include "domain/customers/Customer.h"
#include "domain/customers/CustomerEvent.h"
#include "services/exchange/TableExport.h"
#include "services/customers/CustomerAccess.h"
#include "services/customers/PoolReturnSweep.h"
#include "storage/workflow/TransitionRepository.h"

#include <QJsonObject>
#include <QList>

#include <functional>
#include <optional>

namespace bizdesk::services {

class Session;

/// What the add form / CLI / import hands in: text as typed, enumerations by name or label.
struct NewCustomer
{
    QString name;
    QString shortName;
    QString customerClass; ///< empty: potential
    QString stage; ///< empty: lead (imports carry the stage of the other system)
    QString channel;
    QString industry;
    QString sizeBand;
    QString address;
    QString website;
    QString phone;
    QString email;
    QString ownerLogin; ///< empty: the acting user; "-" or "pool": the shared pool; else a login or a unique display name
    QString externalCode; ///< the code in the system the customer comes from (客户编码)
    QDateTime lastContactAt; ///< imports carry the last contact of the other system; invalid: none
    QString tags;
    QString notes;
    QString segment; ///< target segment name (§3.1.2); empty: none
    QString contactName; ///< optional first contact person
    QString contactPhone;
    QString contactEmail;
};

struct CustomerDetails
{
    domain::Customer customer;
    QString ownerLogin;
    QString ownerName;
    QString segmentName;
    QList<domain::CustomerContact> contacts;
    QList<domain::ContactLogEntry> log;
    QList<storage::TransitionRecord> stageHistory;
    int intervalDays = 0;
    bool contactOverdue = false;
    int openComplaints = 0;
    /// The oldest complaint still open or in progress: the one "Handle complaint" takes on.
    std::optional<domain::ContactLogEntry> complaintToHandle;
    QList<domain::CustomerEvent> events; ///< events the customer is invited to (§3.2.3)
    QList<domain::CustomerAction> actions; ///< CustomerAccess::actionsFor
};

/// The customer use cases (§3.1, §3.2): one method = one transaction, permission checked,
/// validated, audited.
class CustomerService
{
public:
    explicit CustomerService(Session &session);

    /// The rows the acting user may see (CustomerAccess::scope).
    domain::CustomerScope scope() const;
    /// Who the user may make a customer's owner: the add form's and the reassign picker's choices.
    OwnerChoices eligibleOwners() const;

    /// Parses and validates without writing (import and the add form share it); every check of
    /// add() except duplicates happens here.
    domain::Customer prepare(const NewCustomer &input) const;
    QList<domain::DuplicateMatch> duplicatesOf(const domain::Customer &customer) const;
    /// Refuses duplicates (conflict) unless `allowDuplicate`.
    domain::Customer add(const NewCustomer &input, bool allowDuplicate = false);
    /// Saves the archive fields (not stage or owner, which have their own rules); `customer.version`
    /// must be the one read, else conflict and nothing written.
    domain::Customer update(const domain::Customer &customer);
    CustomerDetails details(domain::CustomerId id) const;
    domain::Customer customer(domain::CustomerId id) const;
    /// For records of other modules that link a customer (CustomerAccess::requireLinkable).
    void requireLinkable(domain::CustomerId id) const;

    QList<domain::CustomerRow> list(domain::CustomerQuery query, int limit) const;
    QList<domain::CustomerRow> search(const QString &text, int limit) const;
    qint64 count(domain::CustomerQuery query) const;
    /// The same count, to run on a worker thread: it opens its own connection where it runs.
    std::function<qint64()> countOnOwnConnection(domain::CustomerQuery query) const;
    /// One window of the list for the windowed model: by offset, or after the last row seen.
    QList<domain::CustomerRow> page(domain::CustomerQuery query, int offset, int limit) const;
    QList<domain::CustomerRow> pageAfter(domain::CustomerQuery query, const domain::CustomerRow &last, int limit) const;

    // State changes take the version the caller saw (`seenVersion`, the CLI's --version, the
    // version the GUI showed): when the record moved on since, conflict and nothing written.
    domain::Customer changeStage(domain::CustomerId id, domain::Stage stage, const QString &reason,
                                 std::optional<int> seenVersion = std::nullopt);
    domain::CustomerContact addContact(domain::CustomerContact contact);

    domain::Customer claim(domain::CustomerId id, std::optional<int> seenVersion = std::nullopt);
    domain::Customer assign(domain::CustomerId id, const QString &ownerLogin, std::optional<int> seenVersion = std::nullopt);
    domain::Customer release(domain::CustomerId id, std::optional<int> seenVersion = std::nullopt);
    /// Customers unfollowed for customer.pool_return_days go back to the pool, in short batches
    /// (PoolReturnSweep); `afterBatch` reports progress after each.
    PoolReturnResult returnUnfollowedToPool(const std::function<void(int returnedSoFar)> &afterBatch = {});

    /// The list with its filters, as a table for CSV / xlsx.
    ExportTable exportTable(domain::CustomerQuery query) const;
    /// Writes the filtered list to FILE (.csv / .xlsx); returns the row count.
    int exportTo(domain::CustomerQuery query, const QString &path) const;

    static QJsonObject toJson(const domain::Customer &customer, const QString &ownerLogin = {});

private:
    domain::Customer saveWithSearchText(domain::Customer customer);

    Session &m_session;
    CustomerAccess m_access;
};

} // namespace bizdesk::services
