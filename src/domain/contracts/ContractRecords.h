#pragma once

#include "domain/Money.h"
#include "domain/contracts/ContractClause.h"
#include "domain/identity/User.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace bizdesk::domain {

/// A delivery, acceptance or payment milestone (§5.4.1).
struct Milestone
{
    enum class Kind { Delivery, Acceptance, Payment };
    qint64 id = 0;
    qint64 contractId = 0;
    Kind kind = Kind::Delivery;
    QDate due;
    std::optional<Money> amount;
    QDate doneOn; ///< invalid while open
    bool isDone() const { return doneOn.isValid(); }
    bool isOverdue(const QDate &today) const { return !isDone() && due < today; }

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
    static QString kindDisplayName(Kind kind);
    /// The kind named `name` or invalid("kind").
    static Kind parseKind(const QString &name);
};

/// Who received a copy at signing (§5.3.3) and whether they acknowledged it.
struct ContractCopy
{
    enum class Recipient { Legal, Finance, Delivery };
    qint64 id = 0;
    Recipient recipient = Recipient::Legal;
    std::optional<DepartmentId> deliveryDepartment; ///< for the delivery copy
    QString acknowledgedAt;                          ///< storage timestamp, empty while open
    std::optional<UserId> acknowledgedBy;
    bool isAcknowledged() const { return !acknowledgedAt.isEmpty(); }

    static QString recipientName(Recipient recipient);
    static std::optional<Recipient> recipientFromName(const QString &name);
    static QString recipientDisplayName(Recipient recipient);
};

/// The signing record (§5.3.1–2).
struct Signing
{
    QDate date;
    UserId ourSignatory = 0;
    QString theirSignatory;
    bool sealApplied = false;
};

/// A change agreement (§5.5.1–2): content, reason, effective date; a new contract version.
struct ChangeAgreement
{
    qint64 id = 0;
    int contractVersion = 2; ///< the version this agreement creates
    QString content;
    QString reason;
    QDate effective;
    std::optional<Money> amountBefore;
    std::optional<Money> amountAfter;
    QList<ClauseChange> clauseChanges;
    QString createdAt;
    UserId createdBy = 0;
};

/// Termination (§5.5.3–4): notice per contract or law, then settlement.
struct Termination
{
    QString reason;
    QDate noticeDate;
    QString legalBasis;
    QString settlement; ///< property returned, compensation amounts
};

/// Archiving (§5.6.1–2) and the retention clock (§5.6.3).
struct ArchiveRecord
{
    QString archiveNumber;
    QString location;
    QDate archivedOn;
    QDate retentionUntil; ///< archivedOn + contract.retention_years
};

/// A reviewer's comment on one clause (or on the whole contract when `clause` is empty).
struct ReviewComment
{
    qint64 id = 0;
    int revision = 1;
    QString clause;
    QString body;
    UserId authorId = 0;
    QString authorName;
    QString createdAt;
};

/// An issue during execution (§5.4.2).
struct ContractIssue
{
    qint64 id = 0;
    QString kind; ///< changed_needs | delay | quality_dispute
    QString description;
    QString status; ///< open | resolved
    QString resolution;
    QString openedAt;
};

/// Validation of the records around a contract; each throws Error::invalid naming the field.
class ContractRecordRules
{
public:
    static void validate(const Signing &signing);
    /// Content and reason required, effective date given (§5.5.2).
    static void validate(ChangeAgreement &agreement);
    /// Reason required (§5.5.3).
    static void validate(Termination &termination);
    static void validate(ArchiveRecord &record);
    /// A score from 1 to 5 (§5.4.3).
    static void validateSatisfaction(int score);
    static QDate retentionEnd(const QDate &archivedOn, int years) { return archivedOn.addYears(years); }
};

} // namespace bizdesk::domain
