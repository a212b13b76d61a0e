#pragma once

#include "domain/Error.h"
#include "domain/Money.h"
#include "domain/NamedValues.h"
#include "domain/identity/User.h"
#include "domain/negotiations/NegotiationStage.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace bizdesk::domain {

/// The error parseNamed() throws: "field: "text" is not one of names."
Error invalidName(const QString &field, const QString &text, const QString &names);

/// Whether we sell or buy: "past our bottom line" is below it when we sell, above it when we buy.
enum class NegotiationDirection { Sell, Buy };
const NamedValues<NegotiationDirection> &negotiationDirections();

/// Importance and complexity of a negotiation (§4.1.1): they suggest the team size.
enum class NegotiationLevel { Low, Medium, High };
const NamedValues<NegotiationLevel> &negotiationLevels();

enum class TeamRole { Lead, Member, Support };
const NamedValues<TeamRole> &teamRoles();

enum class OfferSide { Ours, Theirs };
const NamedValues<OfferSide> &offerSides();

/// The terms under discussion (§4.2.4).
enum class NegotiationTerm { Price, Delivery, Service, Acceptance, Payment, Breach };
const NamedValues<NegotiationTerm> &negotiationTerms();

enum class DeadlockStrategy { ChangeStrategy, Mediation, Park };
const NamedValues<DeadlockStrategy> &deadlockStrategies();

enum class MaterialKind { Market, Industry, Competitors, Laws };
const NamedValues<MaterialKind> &materialKinds();

/// The preparation checklist (§4.1).
enum class ChecklistItem { TeamSet, GoalSet, StrategyWritten, MaterialsGathered, BriefingHeld };
const NamedValues<ChecklistItem> &checklistItems();

/// The sections of the summary report (§4.4.2).
enum class SummarySection { Background, GoalAttainment, ProcessReview, Disagreements, Lessons };
const NamedValues<SummarySection> &summarySections();

/// The value of `values` named `text`; throws Error::invalid naming `field` and the accepted names.
template <typename Value>
Value parseNamed(const NamedValues<Value> &values, const QString &field, const QString &text)
{
    if (const auto value = values.fromName(text.trimmed()))
        return *value;
    throw invalidName(field, text, values.namesJoined());
}

/// Strategy (§4.1.2) as structured fields.
struct NegotiationStrategy
{
    QString ourStrengths;
    QString ourWeaknesses;
    QString theirStrengths;
    QString theirWeaknesses;
    QString theirLikelyStrategy;
    QString ourResponses;

    bool isWritten() const;
};

/// The header of a negotiation as typed (§4.1), before validation. Amounts as typed; empty = not set.
struct NegotiationForm
{
    qint64 customerId = 0;
    std::optional<qint64> researchId;
    QString title;
    QString goal;
    QString direction = QStringLiteral("sell");
    QString importance = QStringLiteral("medium");
    QString complexity = QStringLiteral("medium");
    QString target;
    QString bottomLine;
    QString anchor;
    QString batna;
    QString batnaValue;
    QString walkAway;
    QDate plannedEnd;
};

/// A negotiation (§4): preparation, where it stands, and the confidential figures.
struct Negotiation
{
    qint64 id = 0;
    qint64 customerId = 0;
    QString customerName;
    std::optional<qint64> researchId;
    QString title;
    QString goal;
    NegotiationDirection direction = NegotiationDirection::Sell;
    NegotiationLevel importance = NegotiationLevel::Medium;
    NegotiationLevel complexity = NegotiationLevel::Medium;
    // Confidential (team and their superiors only):
    std::optional<Money> target;
    std::optional<Money> bottomLine;
    std::optional<Money> anchor;
    QString batna;
    std::optional<Money> batnaValue;
    // --
    QString walkAway;
    QDate plannedEnd;
    NegotiationStage stage = NegotiationStage::Preparation;
    std::optional<NegotiationStage> deadlockFrom;
    NegotiationStrategy strategy;
    bool briefingHeld = false;
    QMap<SummarySection, QString> summary;
    QString submittedAt; ///< set when the summary was submitted: the negotiation is then closed
    UserId createdBy = 0;
    int version = 1;
    QString createdAt;
    QString updatedAt;

    bool isClosed() const { return !submittedAt.isEmpty(); }
};

struct TeamMember
{
    UserId userId = 0;
    QString login;
    QString name;
    TeamRole role = TeamRole::Member;
    QString duties;
    std::optional<UserId> superiorId;
};

struct Material
{
    qint64 id = 0;
    MaterialKind kind = MaterialKind::Market;
    QString note;
    QString createdAt;
    QString fileName = {}; ///< empty when the material is a note only (default-initialised: brace lists may stop before the file)
    QString mediaType = {};
    qint64 fileSize = 0;
    QString sha256 = {};
    bool hasFile() const { return !fileName.isEmpty(); }
};

struct NegotiationSession
{
    qint64 id = 0;
    QDate date;
    QString place;
    QString start; ///< HH:mm
    QString end;
    QString ourAttendees;
    QString theirAttendees;
    QString agenda;
    QString minutes;

    /// Minutes between start and end (0 when either is missing or the end is not after the start).
    int minutesSpent() const;
};

struct ProbingNote
{
    qint64 id = 0;
    QString position;
    QString interests;
    QString presumedBottomLine;
    QString createdAt;
};

/// An estimate of their bottom line as a range, kept with its date and source (§4.2.2).
struct Estimate
{
    qint64 id = 0;
    Money low;
    Money high;
    QString source;
    QDate estimatedOn;
};

struct Offer
{
    qint64 id = 0;
    OfferSide side = OfferSide::Ours;
    Money amount;
    QDate offeredOn;
    QString conditions;
    QString got;    ///< what we got in return (give/get)
    QString reason; ///< why it goes past our bottom line
    UserId recordedBy = 0;
    QString createdAt;
};

struct TermPosition
{
    NegotiationTerm term = NegotiationTerm::Price;
    QString ours;
    QString theirs;
    bool agreed = false;
};

struct DeadlockRecord
{
    qint64 id = 0;
    NegotiationStage fromStage = NegotiationStage::Quoting;
    QString cause;
    std::optional<DeadlockStrategy> strategy;
    QString outcome;
    QString openedAt;
    QString resolvedAt;
};

/// Validation of the header (§4.1); throws Error::invalid naming the field.
class NegotiationRules
{
public:
    static void applyForm(const NegotiationForm &form, Negotiation &negotiation);
    /// An optional amount: empty → nothing; else a non-negative decimal with at most two decimals.
    static std::optional<Money> parseOptionalAmount(const QString &field, const QString &text);
    /// An offer or estimate amount: required, not negative, at most two decimals.
    static Money parseAmount(const QString &field, const QString &text);
    /// One lead, no member twice; `opening`: throws invalid("lead", 4.1.1) without a lead.
    static void requireLead(const QList<TeamMember> &team);
    static std::optional<UserId> leadOf(const QList<TeamMember> &team);
    /// The team size §4.1.1 suggests for an importance and complexity (2–6 people).
    static int suggestedTeamSize(NegotiationLevel importance, NegotiationLevel complexity);
};

/// The preparation checklist (§4.1): four items follow from the record, the briefing is ticked.
class PreparationChecklist
{
public:
    static QMap<ChecklistItem, bool> evaluate(const Negotiation &negotiation, const QList<TeamMember> &team,
                                              const QList<Material> &materials);
    static int done(const QMap<ChecklistItem, bool> &items);
    static QList<ChecklistItem> missing(const QMap<ChecklistItem, bool> &items);
};

} // namespace bizdesk::domain
