#pragma once

#include "domain/negotiations/Negotiation.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace bizdesk::services {

class Session;

/// Entity kind of negotiations in workflow_transitions and the audit trail.
inline const QString negotiationEntity = QStringLiteral("negotiation");

/// Who the session's user is to one negotiation.
struct NegotiationStanding
{
    bool member = false;        ///< on the team
    bool lead = false;
    bool leadsSuperior = false; ///< the lead's superior (§4.3.3: may go past the bottom line)
    bool superior = false;      ///< superior (at any level) of a team member
    bool director = false;
    bool recipient = false;     ///< received the summary (§4.4.3)

    /// Bottom line, BATNA, estimates, zone and gaps (§4.1.2).
    bool seesConfidential() const { return member || superior || director; }
    /// Records sessions, offers, notes, terms (the team; the lead's superior and directors too).
    bool acts() const { return member || leadsSuperior || director; }
    /// Moves stages, sets the team and the header, writes and submits the summary.
    bool steers() const { return lead || leadsSuperior || director; }
};

/// What every negotiation use case shares: who may see and do what, and how a change is saved
/// (version check, one transaction, stage history and audit entry).
class NegotiationAccess
{
public:
    explicit NegotiationAccess(Session &session) : m_session(session) {}

    /// The negotiation if the user may see it (team, their superiors, directors and executives,
    /// summary recipients, anybody who may see the customer); not_found otherwise.
    domain::Negotiation requireVisible(qint64 id) const;
    NegotiationStanding standing(const domain::Negotiation &negotiation, const QList<domain::TeamMember> &team) const;
    bool isVisible(const domain::Negotiation &negotiation, const NegotiationStanding &standing) const;
    /// Throws denied (§4.1.2) unless the user sees the confidential figures.
    void requireConfidential(const domain::Negotiation &negotiation, const NegotiationStanding &standing) const;

    enum class Needs { Acts, Steers };
    /// One use case on a negotiation in one transaction: loads it, checks the version seen, that
    /// it is still open (unless `whileClosed`) and that the user may; `change` edits it and the
    /// child records and returns the audit details; then saves (raising the version) and audits
    /// as "negotiation.<auditAction>".
    domain::Negotiation change(qint64 id, std::optional<int> seen, Needs needs, const QString &auditAction,
                               const std::function<QJsonObject(domain::Negotiation &, const NegotiationStanding &)> &change,
                               bool whileClosed = false) const;
    /// Writes the stage change (who, when, note) into the history and the audit trail.
    void recordStage(const domain::Negotiation &before, const domain::Negotiation &after, const QString &note) const;

    static QString label(const domain::Negotiation &negotiation);
    /// Audit shape (no confidential figures: the audit log is read by others).
    static QJsonObject auditJson(const domain::Negotiation &negotiation);

private:
    bool isSuperiorOf(domain::UserId person) const;
    Session &m_session;
};

} // namespace bizdesk::services
