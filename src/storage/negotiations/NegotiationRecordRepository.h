#pragma once

#include "domain/negotiations/Negotiation.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace bizdesk::storage {

class Database;

/// A recipient of a submitted summary (§4.4.3): a person or a department.
struct SummaryRecipient
{
    qint64 id = 0;
    std::optional<domain::UserId> userId;
    std::optional<domain::DepartmentId> departmentId;
    QString name; ///< the person's or department's name
    QString acknowledgedAt;
    QString acknowledgedByName;
};

/// A summary acknowledgement waiting for someone (My Tasks).
struct PendingAcknowledgement
{
    qint64 recipientId = 0;
    qint64 negotiationId = 0;
    QString title;
};

/// What happens in a negotiation: materials, sessions, probing notes, estimates, offers, terms,
/// deadlocks and summary recipients (the negotiation_* child tables).
class NegotiationRecordRepository
{
public:
    explicit NegotiationRecordRepository(Database &database) : m_database(database) {}

    /// A material note; with a file when material.hasFile(), whose bytes are `content`.
    qint64 addMaterial(qint64 negotiationId, const domain::Material &material, const QByteArray &content, const QString &now,
                       domain::UserId actor);
    /// Without file contents.
    QList<domain::Material> materials(qint64 negotiationId) const;
    struct MaterialFile
    {
        qint64 negotiationId = 0;
        domain::Material material;
        QByteArray content; ///< empty when the material has no file
    };
    std::optional<MaterialFile> materialFile(qint64 materialId) const;

    qint64 addSession(qint64 negotiationId, const domain::NegotiationSession &session, const QString &now, domain::UserId actor);
    QList<domain::NegotiationSession> sessions(qint64 negotiationId) const;

    qint64 addProbingNote(qint64 negotiationId, const domain::ProbingNote &note, const QString &now, domain::UserId actor);
    QList<domain::ProbingNote> probingNotes(qint64 negotiationId) const;

    qint64 addEstimate(qint64 negotiationId, const domain::Estimate &estimate, const QString &now, domain::UserId actor);
    /// Oldest first; the last is the one that counts.
    QList<domain::Estimate> estimates(qint64 negotiationId) const;

    qint64 addOffer(qint64 negotiationId, const domain::Offer &offer, const QString &now);
    /// In the order recorded.
    QList<domain::Offer> offers(qint64 negotiationId) const;
    /// The latest offer's amount of each of these negotiations (list rows), by negotiation id.
    std::optional<domain::Money> latestAmount(qint64 negotiationId) const;

    void setTerm(qint64 negotiationId, const domain::TermPosition &term);
    QList<domain::TermPosition> terms(qint64 negotiationId) const;

    qint64 openDeadlock(qint64 negotiationId, const domain::DeadlockRecord &deadlock);
    void updateDeadlock(const domain::DeadlockRecord &deadlock);
    /// The unresolved deadlock, if any.
    std::optional<domain::DeadlockRecord> openDeadlockOf(qint64 negotiationId) const;
    QList<domain::DeadlockRecord> deadlocks(qint64 negotiationId) const;

    void addRecipient(qint64 negotiationId, std::optional<domain::UserId> user, std::optional<domain::DepartmentId> department);
    QList<SummaryRecipient> recipients(qint64 negotiationId) const;
    /// Unacknowledged rows for `person` or (any of) their department.
    QList<PendingAcknowledgement> pendingFor(domain::UserId person, std::optional<domain::DepartmentId> department) const;
    /// Acknowledges the first open row that names the person or their department; false when none.
    bool acknowledge(qint64 negotiationId, domain::UserId person, std::optional<domain::DepartmentId> department,
                     const QString &now);
    /// Whether `person` (or their department) received the summary.
    bool isRecipient(qint64 negotiationId, domain::UserId person, std::optional<domain::DepartmentId> department) const;

private:
    Database &m_database;
};

} // namespace bizdesk::storage
