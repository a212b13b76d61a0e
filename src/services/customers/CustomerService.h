#pragma once

#include "domain/customers/Customer.h"
#include "services/exchange/TableExport.h"
#include "storage/customers/CustomerRepository.h"
#include "storage/workflow/TransitionRepository.h"

#include <QJsonObject>
#include <QList>

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
};

/// Who the acting user may make a customer's owner (§3.2.1): the one answer the add form, the
/// reassign picker, the CLI, import and demo data all use.
struct OwnerChoices
{
    QList<domain::User> people; ///< the acting user first when eligible, then by display name
    bool pool = false;          ///< the shared pool is a choice too
};

struct ChurnEntry
{
    storage::CustomerRow row;
    domain::ChurnAssessment assessment;
};

/// The customer use cases (§3.1, §3.2): one method = one transaction, permission checked,
/// validated, audited.
class CustomerService
{
public:
    explicit CustomerService(Session &session);

    /// The rows the acting user may see.
    storage::CustomerScope scope() const;

    /// §3.2.1, one rule for add, assign, import and demo: an owner is an active user whose roles
    /// work customers; someone else (or the pool) only for those who may reassign, and a manager
    /// stays within the own department.
    OwnerChoices eligibleOwners() const;
    /// Throws unless `owner` (nullopt: the pool) is one of eligibleOwners(): denied, or invalid for
    /// a disabled account or one whose roles do not work customers.
    void requireEligibleOwner(std::optional<domain::UserId> owner) const;

    /// Parses and validates without writing (import and the add form share it); every check of
    /// add() except duplicates happens here.
    domain::Customer prepare(const NewCustomer &input) const;
    QList<storage::DuplicateMatch> duplicatesOf(const domain::Customer &customer) const;
    /// Refuses duplicates (conflict) unless `allowDuplicate`.
    domain::Customer add(const NewCustomer &input, bool allowDuplicate = false);
    /// Saves the archive fields (not stage or owner, which have their own rules); `customer.version`
    /// must be the one read, else conflict and nothing written.
    domain::Customer update(const domain::Customer &customer);
    /// The target segment of that name; throws not_found.
    qint64 segmentId(const QString &name) const;
    CustomerDetails details(domain::CustomerId id) const;
    /// For records of other modules that link a customer (an entertainment request): throws
    /// not_found, worded as for a missing id, unless the user may see it, so that neither its
    /// existence nor its name or class leaks.
    void requireLinkable(domain::CustomerId id) const;
    domain::Customer customer(domain::CustomerId id) const;

    QList<storage::CustomerRow> list(storage::CustomerQuery query, int limit) const;
    QList<storage::CustomerRow> search(const QString &text, int limit) const;
    qint64 count(storage::CustomerQuery query) const;
    /// One window of the list for the windowed model: by offset, or after the last row seen.
    QList<storage::CustomerRow> page(storage::CustomerQuery query, int offset, int limit) const;
    QList<storage::CustomerRow> pageAfter(storage::CustomerQuery query, const storage::CustomerRow &last, int limit) const;

    // State changes take the version the caller saw (`seenVersion`, the CLI's --version, the
    // version the GUI showed): when the record moved on since, conflict and nothing written.
    domain::Customer changeStage(domain::CustomerId id, domain::Stage stage, const QString &reason,
                                 std::optional<int> seenVersion = std::nullopt);
    domain::ContactLogEntry recordContact(domain::CustomerId id, domain::ContactKind kind, const QString &note,
                                          const QDateTime &at, const QDate &nextFollowUp);
    domain::ContactLogEntry updateComplaint(qint64 logId, domain::ComplaintStatus status, const QString &resolution,
                                            std::optional<int> seenVersion = std::nullopt);
    domain::CustomerContact addContact(domain::CustomerContact contact);

    domain::Customer claim(domain::CustomerId id, std::optional<int> seenVersion = std::nullopt);
    domain::Customer assign(domain::CustomerId id, const QString &ownerLogin, std::optional<int> seenVersion = std::nullopt);
    domain::Customer release(domain::CustomerId id, std::optional<int> seenVersion = std::nullopt);
    /// Customers unfollowed for customer.pool_return_days go back to the pool; returns how many.
    int returnUnfollowedToPool();

    int intervalDays(domain::CustomerClass customerClass) const;
    QList<ChurnEntry> churn(int limit) const;

    /// §3.2.4: the owner records why the customer is at risk and what is done about it.
    qint64 recordWinBack(domain::CustomerId id, const QString &cause, const QString &measures);
    /// Later: won_back or lost, with a note.
    QVariantMap winBackResult(qint64 winBackId, bool wonBack, const QString &note, std::optional<int> seenVersion = std::nullopt);
    QList<QVariantMap> winBacks(std::optional<domain::CustomerId> customer = std::nullopt) const;
    /// Won back / (won back + lost) over the records the user may see; -1 when none is decided.
    double winBackSuccessRate() const;

    /// §3.2.3 customer events: kind "appreciation" or "training".
    qint64 addEvent(const QString &kind, const QString &title, const QDate &date, const QString &place, const QString &notes);
    /// Invites a customer the user may edit; inviting twice is a conflict.
    void invite(qint64 eventId, domain::CustomerId customer);
    QList<QVariantMap> events(std::optional<domain::CustomerId> customer = std::nullopt) const;

    qint64 addSegment(const QString &name, const QString &traits, const QString &strategy);
    QList<QVariantMap> segments() const;
    qint64 addResearch(const QString &topic, const QDate &date, const QString &findings, const QString &competitors);
    QList<QVariantMap> research() const;

    /// The list with its filters, as a table for CSV / xlsx.
    ExportTable exportTable(storage::CustomerQuery query) const;
    /// Writes the filtered list to FILE (.csv / .xlsx); returns the row count.
    int exportTo(storage::CustomerQuery query, const QString &path) const;

    static QJsonObject toJson(const domain::Customer &customer, const QString &ownerLogin = {});
    static QJsonObject toJson(const domain::ContactLogEntry &entry);

    /// The user with that login, else the one user with exactly that display name; throws invalid.
    domain::UserId ownerNamed(const QString &loginOrName) const;
    /// Throws denied unless the acting user may edit `customer` (its owner, or a manager over it).
    void requireEditable(const domain::Customer &customer) const;

private:
    bool mayOwn(const domain::User &candidate) const;
    void requireVisible(domain::CustomerId id) const;
    domain::Customer saveWithSearchText(domain::Customer customer);

    Session &m_session;
};

} // namespace bizdesk::services
