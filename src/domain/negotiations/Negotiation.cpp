#include "domain/negotiations/Negotiation.h"

#include "domain/Error.h"
#include "domain/TextRules.h"

#include <QTime>

#include <array>

namespace bizdesk::domain {
namespace {

constexpr std::array<NamedValue<NegotiationDirection>, 2> directionTable{{
    {NegotiationDirection::Sell, "sell", QT_TRANSLATE_NOOP("Negotiation", "We sell")},
    {NegotiationDirection::Buy, "buy", QT_TRANSLATE_NOOP("Negotiation", "We buy")},
}};
constexpr std::array<NamedValue<NegotiationLevel>, 3> levelTable{{
    {NegotiationLevel::Low, "low", QT_TRANSLATE_NOOP("Negotiation", "Low")},
    {NegotiationLevel::Medium, "medium", QT_TRANSLATE_NOOP("Negotiation", "Medium")},
    {NegotiationLevel::High, "high", QT_TRANSLATE_NOOP("Negotiation", "High")},
}};
constexpr std::array<NamedValue<TeamRole>, 3> roleTable{{
    {TeamRole::Lead, "lead", QT_TRANSLATE_NOOP("Negotiation", "Team lead")},
    {TeamRole::Member, "member", QT_TRANSLATE_NOOP("Negotiation", "Member")},
    {TeamRole::Support, "support", QT_TRANSLATE_NOOP("Negotiation", "Support")},
}};
constexpr std::array<NamedValue<OfferSide>, 2> sideTable{{
    {OfferSide::Ours, "ours", QT_TRANSLATE_NOOP("Negotiation", "Ours")},
    {OfferSide::Theirs, "theirs", QT_TRANSLATE_NOOP("Negotiation", "Theirs")},
}};
constexpr std::array<NamedValue<NegotiationTerm>, 6> termTable{{
    {NegotiationTerm::Price, "price", QT_TRANSLATE_NOOP("Negotiation", "Price")},
    {NegotiationTerm::Delivery, "delivery", QT_TRANSLATE_NOOP("Negotiation", "Delivery")},
    {NegotiationTerm::Service, "service", QT_TRANSLATE_NOOP("Negotiation", "Service")},
    {NegotiationTerm::Acceptance, "acceptance", QT_TRANSLATE_NOOP("Negotiation", "Acceptance")},
    {NegotiationTerm::Payment, "payment", QT_TRANSLATE_NOOP("Negotiation", "Payment")},
    {NegotiationTerm::Breach, "breach", QT_TRANSLATE_NOOP("Negotiation", "Breach")},
}};
constexpr std::array<NamedValue<DeadlockStrategy>, 3> strategyTable{{
    {DeadlockStrategy::ChangeStrategy, "change_strategy", QT_TRANSLATE_NOOP("Negotiation", "Change strategy")},
    {DeadlockStrategy::Mediation, "mediation", QT_TRANSLATE_NOOP("Negotiation", "Third-party mediation")},
    {DeadlockStrategy::Park, "park", QT_TRANSLATE_NOOP("Negotiation", "Park the issue")},
}};
constexpr std::array<NamedValue<MaterialKind>, 4> materialTable{{
    {MaterialKind::Market, "market", QT_TRANSLATE_NOOP("Negotiation", "Market information")},
    {MaterialKind::Industry, "industry", QT_TRANSLATE_NOOP("Negotiation", "Industry trends")},
    {MaterialKind::Competitors, "competitors", QT_TRANSLATE_NOOP("Negotiation", "Competitors")},
    {MaterialKind::Laws, "laws", QT_TRANSLATE_NOOP("Negotiation", "Laws and regulations")},
}};
constexpr std::array<NamedValue<ChecklistItem>, 5> checklistTable{{
    {ChecklistItem::TeamSet, "team_set", QT_TRANSLATE_NOOP("Negotiation", "Team set")},
    {ChecklistItem::GoalSet, "goal_set", QT_TRANSLATE_NOOP("Negotiation", "Goal set")},
    {ChecklistItem::StrategyWritten, "strategy_written", QT_TRANSLATE_NOOP("Negotiation", "Strategy written")},
    {ChecklistItem::MaterialsGathered, "materials_gathered", QT_TRANSLATE_NOOP("Negotiation", "Materials gathered")},
    {ChecklistItem::BriefingHeld, "briefing_held", QT_TRANSLATE_NOOP("Negotiation", "Internal briefing held")},
}};
constexpr std::array<NamedValue<SummarySection>, 5> sectionTable{{
    {SummarySection::Background, "background", QT_TRANSLATE_NOOP("Negotiation", "Background")},
    {SummarySection::GoalAttainment, "goal_attainment", QT_TRANSLATE_NOOP("Negotiation", "Goal attainment")},
    {SummarySection::ProcessReview, "process_review", QT_TRANSLATE_NOOP("Negotiation", "Process review")},
    {SummarySection::Disagreements, "disagreements", QT_TRANSLATE_NOOP("Negotiation", "Disagreements and their resolution")},
    {SummarySection::Lessons, "lessons", QT_TRANSLATE_NOOP("Negotiation", "Lessons learned")},
}};

} // namespace

Error invalidName(const QString &field, const QString &text, const QString &names)
{
    return Error::invalid(field, QCoreApplication::translate("Negotiation", "%1: \"%2\" is not one of %3.").arg(field, text, names));
}

const NamedValues<NegotiationDirection> &negotiationDirections()
{
    static const NamedValues<NegotiationDirection> values(directionTable, "Negotiation");
    return values;
}
const NamedValues<NegotiationLevel> &negotiationLevels()
{
    static const NamedValues<NegotiationLevel> values(levelTable, "Negotiation");
    return values;
}
const NamedValues<TeamRole> &teamRoles()
{
    static const NamedValues<TeamRole> values(roleTable, "Negotiation");
    return values;
}
const NamedValues<OfferSide> &offerSides()
{
    static const NamedValues<OfferSide> values(sideTable, "Negotiation");
    return values;
}
const NamedValues<NegotiationTerm> &negotiationTerms()
{
    static const NamedValues<NegotiationTerm> values(termTable, "Negotiation");
    return values;
}
const NamedValues<DeadlockStrategy> &deadlockStrategies()
{
    static const NamedValues<DeadlockStrategy> values(strategyTable, "Negotiation");
    return values;
}
const NamedValues<MaterialKind> &materialKinds()
{
    static const NamedValues<MaterialKind> values(materialTable, "Negotiation");
    return values;
}
const NamedValues<ChecklistItem> &checklistItems()
{
    static const NamedValues<ChecklistItem> values(checklistTable, "Negotiation");
    return values;
}
const NamedValues<SummarySection> &summarySections()
{
    static const NamedValues<SummarySection> values(sectionTable, "Negotiation");
    return values;
}

bool NegotiationStrategy::isWritten() const
{
    return !ourStrengths.isEmpty() || !ourWeaknesses.isEmpty() || !theirStrengths.isEmpty() || !theirWeaknesses.isEmpty()
           || !theirLikelyStrategy.isEmpty() || !ourResponses.isEmpty();
}

int NegotiationSession::minutesSpent() const
{
    const QTime from = QTime::fromString(start, QStringLiteral("HH:mm"));
    const QTime to = QTime::fromString(end, QStringLiteral("HH:mm"));
    if (!from.isValid() || !to.isValid() || to <= from)
        return 0;
    return from.secsTo(to) / 60;
}

std::optional<Money> NegotiationRules::parseOptionalAmount(const QString &field, const QString &text)
{
    if (text.trimmed().isEmpty())
        return std::nullopt;
    return parseAmount(field, text);
}

Money NegotiationRules::parseAmount(const QString &field, const QString &text)
{
    const auto amount = Money::parse(text.trimmed());
    if (!amount || amount->isNegative())
        throw Error::invalid(field, QCoreApplication::translate("Negotiation", "%1: \"%2\" is not an amount in yuan that is "
                                                                               "not negative with at most two decimals.")
                                        .arg(field, text));
    return *amount;
}

void NegotiationRules::applyForm(const NegotiationForm &form, Negotiation &negotiation)
{
    if (form.customerId <= 0)
        throw Error::invalid(QStringLiteral("customer"),
                             QCoreApplication::translate("Negotiation", "customer: a negotiation belongs to a customer (§4.1)."));
    negotiation.title = TextRules::required(QStringLiteral("title"), form.title, TextKind::Title);
    negotiation.goal = TextRules::clean(QStringLiteral("goal"), form.goal, TextKind::Notes);
    negotiation.direction = parseNamed(negotiationDirections(), QStringLiteral("direction"), form.direction);
    negotiation.importance = parseNamed(negotiationLevels(), QStringLiteral("importance"), form.importance);
    negotiation.complexity = parseNamed(negotiationLevels(), QStringLiteral("complexity"), form.complexity);
    negotiation.target = parseOptionalAmount(QStringLiteral("target"), form.target);
    negotiation.bottomLine = parseOptionalAmount(QStringLiteral("bottom-line"), form.bottomLine);
    negotiation.anchor = parseOptionalAmount(QStringLiteral("anchor"), form.anchor);
    negotiation.batna = TextRules::clean(QStringLiteral("batna"), form.batna, TextKind::Notes);
    negotiation.batnaValue = parseOptionalAmount(QStringLiteral("batna-value"), form.batnaValue);
    negotiation.walkAway = TextRules::clean(QStringLiteral("walk-away"), form.walkAway, TextKind::Notes);
    negotiation.plannedEnd = form.plannedEnd;
    negotiation.customerId = form.customerId;
    negotiation.researchId = form.researchId;
    // The target is what we aim for; it lies on our side of the bottom line.
    if (negotiation.target && negotiation.bottomLine) {
        const bool selling = negotiation.direction == NegotiationDirection::Sell;
        if ((selling && *negotiation.target < *negotiation.bottomLine) || (!selling && *negotiation.target > *negotiation.bottomLine))
            throw Error::invalid(QStringLiteral("target"),
                                 QCoreApplication::translate("Negotiation", "target: our target %1 lies past our bottom line %2.")
                                     .arg(negotiation.target->toDecimalString(), negotiation.bottomLine->toDecimalString()),
                                 QStringLiteral("4.1.2"));
    }
}

std::optional<UserId> NegotiationRules::leadOf(const QList<TeamMember> &team)
{
    for (const TeamMember &member : team) {
        if (member.role == TeamRole::Lead)
            return member.userId;
    }
    return std::nullopt;
}

void NegotiationRules::requireLead(const QList<TeamMember> &team)
{
    if (!leadOf(team))
        throw Error::invalid(QStringLiteral("lead"),
                             QCoreApplication::translate("Negotiation", "lead: a negotiation needs its lead before it opens "
                                                                        "(§4.1.1); name one with negotiation member ID LOGIN --role lead."),
                             QStringLiteral("4.1.1"));
}

int NegotiationRules::suggestedTeamSize(NegotiationLevel importance, NegotiationLevel complexity)
{
    return 2 + static_cast<int>(importance) + static_cast<int>(complexity);
}

QMap<ChecklistItem, bool> PreparationChecklist::evaluate(const Negotiation &negotiation, const QList<TeamMember> &team,
                                                         const QList<Material> &materials)
{
    return {
        {ChecklistItem::TeamSet, NegotiationRules::leadOf(team).has_value()},
        {ChecklistItem::GoalSet, !negotiation.goal.trimmed().isEmpty()},
        {ChecklistItem::StrategyWritten, negotiation.strategy.isWritten()},
        {ChecklistItem::MaterialsGathered, !materials.isEmpty()},
        {ChecklistItem::BriefingHeld, negotiation.briefingHeld},
    };
}

int PreparationChecklist::done(const QMap<ChecklistItem, bool> &items)
{
    return static_cast<int>(std::count(items.begin(), items.end(), true));
}

QList<ChecklistItem> PreparationChecklist::missing(const QMap<ChecklistItem, bool> &items)
{
    QList<ChecklistItem> open;
    for (const ChecklistItem item : checklistItems().all()) {
        if (!items.value(item))
            open << item;
    }
    return open;
}

} // namespace bizdesk::domain
