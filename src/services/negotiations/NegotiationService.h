#pragma once

#include "domain/negotiations/NegotiationFigures.h"
#include "services/negotiations/NegotiationAccess.h"
#include "storage/negotiations/NegotiationRecordRepository.h"
#include "storage/negotiations/NegotiationRepository.h"
#include "storage/workflow/TransitionRepository.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QStringList>

#include <optional>

namespace bizdesk::services {

class Session;

/// Which negotiations to list; visibility is applied on top.
struct NegotiationQuery
{
    bool mine = false; ///< only those with the user on the team
    std::optional<domain::NegotiationStage> stage;
    std::optional<qint64> customer;
    std::optional<domain::NegotiationLevel> importance;
    std::optional<qint64> beforeId; ///< the next window: ids below the last one shown
    int limit = 200;
};

/// One of a customer's negotiations, for the customer page's dealings.
struct CustomerNegotiation
{
    qint64 id = 0;
    QString title;
    domain::NegotiationStage stage = domain::NegotiationStage::Preparation;
    QString leadName;
    QDate plannedEnd;
    std::optional<domain::Money> latestAmount;
    bool closed = false;
};

struct OfferInput
{
    QString side;   ///< ours | theirs
    QString amount; ///< as typed
    QDate date;     ///< default today
    QString conditions;
    QString got;
    QString reason;
};

/// A session as typed (§4.2.1); the id is ignored.
using SessionInput = domain::NegotiationSession;

/// Everything the detail view, `negotiation show` and the summary report need. The confidential
/// parts are empty unless `confidential` (team, their superiors, directors).
struct NegotiationDetail
{
    domain::Negotiation negotiation;
    NegotiationStanding standing;
    bool confidential = false;
    QString leadName;
    QList<domain::TeamMember> team;
    QMap<domain::ChecklistItem, bool> checklist;
    int suggestedTeamSize = 0;
    QList<domain::Material> materials;
    QList<domain::NegotiationSession> sessions;
    QList<domain::ProbingNote> probing;
    QList<domain::Estimate> estimates;
    QList<domain::Offer> offers;
    QList<domain::Concession> concessions;
    QList<domain::TermPosition> terms;
    QList<domain::DeadlockRecord> deadlocks;
    QList<storage::TransitionRecord> history;
    QList<storage::SummaryRecipient> recipients;
    std::optional<domain::Zopa> zopa;
    std::optional<domain::Money> gapToBottomLine; ///< our latest offer's room to our bottom line
    std::optional<domain::Money> gapToZone;       ///< how far their latest offer is outside the zone
    std::optional<int> capturePermille;
    std::optional<domain::Money> estimateError;
    std::optional<domain::Money> agreedAmount; ///< the latest offer, at consensus
    int minutesSpent = 0;
    int daysSoFar = 0;
    int daysPlanned = 0;
    bool plannedEndPassed = false;
    bool deadlockSuggested = false;
    QList<domain::NegotiationStage> moves; ///< stage moves the user may make now
    /// The summary as stored, with the empty sections prefilled from the record (§4.4).
    QMap<domain::SummarySection, QString> summaryDraft;

    bool mayAct() const { return standing.acts() && domain::NegotiationFlow::isOpen(negotiation.stage) && !negotiation.isClosed(); }
    bool maySteer() const { return standing.steers() && !negotiation.isClosed(); }
    bool mayWriteSummary() const { return maySteer() && !domain::NegotiationFlow::isOpen(negotiation.stage); }
    bool mayAcknowledge() const;
};

/// One thing about negotiations waiting for the session's user (My Tasks).
struct NegotiationReminder
{
    enum class Kind { DeadlockHint, WriteSummary, Acknowledge, PlannedEndPassed };
    Kind kind = Kind::DeadlockHint;
    qint64 negotiationId = 0;
    QString title;
    QDate due;
};

/// The capture figure and estimate error over one lead's closed negotiations (§4.4).
struct LeadOutcome
{
    QString leadName;
    int negotiations = 0;
    std::optional<int> averageCapturePermille;
    std::optional<domain::Money> averageEstimateError;
};

/// What a contract draft takes from a consensus (§4.2.6 → §5.1).
struct ContractBasis
{
    qint64 customerId = 0;
    QString title;
    domain::Money amount;
    QMap<domain::NegotiationTerm, QString> agreedTerms;
};

/// Negotiations (§4): preparation, stages, offers, deadlocks and the summary. Each use case is one
/// transaction with permission check, validation, stage history or audit entry.
class NegotiationService
{
public:
    explicit NegotiationService(Session &session) : m_session(session) {}

    /// A new negotiation in preparation; its lead is the user unless `leadLogin` names another.
    domain::Negotiation open(const domain::NegotiationForm &form, const QString &leadLogin = {});
    /// The preparation header; only fields the form carries are replaced (the form is complete).
    domain::Negotiation edit(qint64 id, const domain::NegotiationForm &form, std::optional<int> seen = std::nullopt);
    domain::Negotiation setMember(qint64 id, const QString &login, const QString &role, const QString &duties,
                                  std::optional<int> seen = std::nullopt);
    domain::Negotiation removeMember(qint64 id, const QString &login, std::optional<int> seen = std::nullopt);
    domain::Negotiation setStrategy(qint64 id, const domain::NegotiationStrategy &strategy, std::optional<int> seen = std::nullopt);
    /// A material note (§4.1.3); NegotiationMaterials adds one with a file.
    domain::Negotiation addMaterial(qint64 id, const QString &kind, const QString &note, std::optional<int> seen = std::nullopt);
    /// Ticks a checklist item that is not read off the record (the internal briefing).
    domain::Negotiation tick(qint64 id, const QString &item, bool done, std::optional<int> seen = std::nullopt);
    /// One stage step (§4.2); opening needs a lead and records an incomplete checklist in the note.
    domain::Negotiation moveStage(qint64 id, const QString &stage, const QString &note = {}, std::optional<int> seen = std::nullopt);
    domain::Negotiation addSession(qint64 id, const SessionInput &input, std::optional<int> seen = std::nullopt);
    domain::Negotiation addProbingNote(qint64 id, const QString &position, const QString &interests, const QString &presumed,
                                       std::optional<int> seen = std::nullopt);
    domain::Negotiation addEstimate(qint64 id, const QString &low, const QString &high, const QString &source,
                                    std::optional<int> seen = std::nullopt);
    domain::Negotiation addOffer(qint64 id, const OfferInput &input, std::optional<int> seen = std::nullopt);
    domain::Negotiation setTerm(qint64 id, const QString &term, const std::optional<QString> &ours,
                                const std::optional<QString> &theirs, std::optional<bool> agreed,
                                std::optional<int> seen = std::nullopt);
    /// Moves quoting or bargaining into deadlock with its cause and strategy, or completes the
    /// open deadlock's cause and strategy.
    domain::Negotiation markDeadlock(qint64 id, const QString &cause, const QString &strategy, std::optional<int> seen = std::nullopt);
    domain::Negotiation deadlockOutcome(qint64 id, const QString &outcome, std::optional<int> seen = std::nullopt);
    /// After consensus or no_deal, by the lead: replaces the given sections.
    domain::Negotiation writeSummary(qint64 id, const QMap<domain::SummarySection, QString> &sections,
                                     std::optional<int> seen = std::nullopt);
    /// To the lead's superior and `departments` (names); refused while a section is empty. Closes it.
    domain::Negotiation submitSummary(qint64 id, const QStringList &departments, std::optional<int> seen = std::nullopt);
    void acknowledge(qint64 id);

    NegotiationDetail detail(qint64 id);
    /// The confidential figures of `detail(id)`; denied (§4.1.2) for anybody outside the team and their superiors.
    NegotiationDetail confidentialDetail(qint64 id);
    QList<storage::NegotiationRow> list(const NegotiationQuery &query);
    /// The customer page's dealings: the customer's negotiations the user may see, newest first.
    QList<CustomerNegotiation> forCustomer(qint64 customerId, int limit = 50);
    QList<NegotiationReminder> reminders();
    /// Capture figure and estimate error per lead over closed negotiations whose figures the user sees.
    QList<LeadOutcome> outcomesByLead(int limit = 500);
    /// Consensus only (conflict otherwise); the user must see the negotiation.
    ContractBasis contractBasis(qint64 id);
    /// People who may join a team: login, display name.
    QList<std::pair<QString, QString>> peopleChoices();

    static QJsonObject toJson(const NegotiationDetail &detail);
    static QJsonObject toJson(const storage::NegotiationRow &row);

private:
    NegotiationDetail load(const domain::Negotiation &negotiation);
    Session &m_session;
};

} // namespace bizdesk::services
