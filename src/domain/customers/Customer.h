#pragma once

#include "domain/identity/User.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bizdesk::domain {

using CustomerId = qint64;

/// §3.2.2 classification: 重点客户 / 一般客户 / 潜在客户.
enum class CustomerClass { Key, General, Potential };
/// §3.1.3 development channels.
enum class Channel { Online, Phone, Exhibition, Partner, Referral };
/// §3.1.4 development pipeline.
enum class Stage { Lead, Contacted, NeedsAnalysis, DemoNegotiation, Won, Lost };
/// §3.2.3 communication records.
enum class ContactKind { Visit, Call, Email, Meeting, Feedback, Complaint };
/// Complaints are followed until resolved (§3.2.3).
enum class ComplaintStatus { None, Open, InProgress, Resolved };

/// What a user can do with one customer; CustomerAccess::actionsFor says which apply, and the
/// customer page and the CLI offer exactly those.
enum class CustomerAction { Edit, RecordContact, AddContactPerson, HandleComplaint, Advance, MarkLost, Claim, Assign, Release };

/// One customer in the archive (§3.2.1).
struct Customer
{
    CustomerId id = 0;
    QString name;
    QString shortName;
    QString industry;
    QString sizeBand; ///< headcount band, e.g. "50-200"
    QString address;
    QString website;
    QString phone;
    QString email;
    QString externalCode; ///< the customer's code in the system it was imported from (客户编码); kept and searchable
    std::optional<Channel> channel;
    CustomerClass customerClass = CustomerClass::Potential;
    std::optional<UserId> ownerId; ///< empty: in the shared pool
    Stage stage = Stage::Lead;
    QString lostReason;
    std::optional<qint64> segmentId;
    QString tags;
    QString notes;
    QDateTime lastContactAt; ///< UTC; invalid when never contacted
    QDateTime stageChangedAt;
    QDateTime createdAt;
    QDateTime updatedAt;
    int version = 1;
};

/// A person at a customer (several per customer).
struct CustomerContact
{
    qint64 id = 0;
    CustomerId customerId = 0;
    QString name;
    QString title;
    QString phone;
    QString email;
    QString wechat;
    QDate birthday;
    QString notes;
};

/// One entry of the contact log (§3.2.3).
struct ContactLogEntry
{
    qint64 id = 0;
    CustomerId customerId = 0;
    ContactKind kind = ContactKind::Call;
    QDateTime at;
    UserId byId = 0;
    QString byName;
    QString note;
    QDate nextFollowUp;
    ComplaintStatus complaintStatus = ComplaintStatus::None;
    QString resolution;
    QDateTime resolvedAt;
    int version = 1;
};

/// Names, labels and field rules of the customer archive, shared by the GUI, the CLI and import.
class CustomerRules
{
public:
    static QString name(CustomerClass value);
    static QString name(Channel value);
    static QString name(Stage value);
    static QString name(ContactKind value);
    static QString name(ComplaintStatus value);

    static QString label(CustomerClass value);
    static QString label(Channel value);
    static QString label(Stage value);
    static QString label(ContactKind value);
    static QString label(ComplaintStatus value);

    /// Accepts the stored name, and the zh_CN, zh_TW and English labels (import files use
    /// them); throws invalid naming `field` and listing the accepted values.
    static CustomerClass parseClass(const QString &field, const QString &text);
    static Channel parseChannel(const QString &field, const QString &text);
    static Stage parseStage(const QString &field, const QString &text);
    static ContactKind parseKind(const QString &field, const QString &text);
    /// The same matching without throwing: nullopt when the text names no value.
    static std::optional<CustomerClass> findClass(const QString &text);
    static std::optional<Channel> findChannel(const QString &text);
    static std::optional<Stage> findStage(const QString &text);

    static const QList<CustomerClass> &classes();
    static const QList<Channel> &channels();
    static const QList<Stage> &stages();
    static const QList<ContactKind> &kinds();

    /// Trims, checks the required name and the optional e-mail / phone; returns the cleaned customer.
    static Customer validated(Customer customer);
    /// The key two names are compared by for duplicates: full-width → half-width (NFKC),
    /// case-folded, whitespace removed.
    static QString duplicateKey(const QString &name);
    /// Digits only (and a leading +), for comparing phone numbers.
    static QString phoneKey(const QString &phone);
    /// The text that substring search looks in (lower-cased).
    static QString searchText(const Customer &customer, const QList<CustomerContact> &contacts);
};

/// The §3.1.4 development pipeline: lead → contacted → needs_analysis → demo_negotiation → won,
/// one step at a time; lost from any open stage with a reason; a lost customer reopens as lead.
class Pipeline
{
public:
    static bool isOpen(Stage stage) { return stage != Stage::Won && stage != Stage::Lost; }
    /// Throws conflict (§3.1.4) explaining why `from` → `to` is not allowed, or invalid when
    /// lost has no reason.
    static void requireTransition(Stage from, Stage to, const QString &reason);
    /// The stages a customer in `from` may move to.
    static QList<Stage> nextStages(Stage from);
};

} // namespace bizdesk::domain
