#include "domain/negotiations/NegotiationStage.h"

#include "domain/Error.h"

#include <array>

namespace bizdesk::domain {
namespace {

constexpr std::array<NamedValue<NegotiationStage>, 8> stageTable{{
    {NegotiationStage::Preparation, "preparation", QT_TRANSLATE_NOOP("NegotiationStage", "Preparation")},
    {NegotiationStage::Opening, "opening", QT_TRANSLATE_NOOP("NegotiationStage", "Opening")},
    {NegotiationStage::Probing, "probing", QT_TRANSLATE_NOOP("NegotiationStage", "Probing")},
    {NegotiationStage::Quoting, "quoting", QT_TRANSLATE_NOOP("NegotiationStage", "Quoting")},
    {NegotiationStage::Bargaining, "bargaining", QT_TRANSLATE_NOOP("NegotiationStage", "Bargaining")},
    {NegotiationStage::Deadlock, "deadlock", QT_TRANSLATE_NOOP("NegotiationStage", "Deadlock")},
    {NegotiationStage::Consensus, "consensus", QT_TRANSLATE_NOOP("NegotiationStage", "Consensus")},
    {NegotiationStage::NoDeal, "no_deal", QT_TRANSLATE_NOOP("NegotiationStage", "No deal")},
}};

} // namespace

const NamedValues<NegotiationStage> &negotiationStages()
{
    static const NamedValues<NegotiationStage> values(stageTable, "NegotiationStage");
    return values;
}

bool NegotiationFlow::isOpen(NegotiationStage stage)
{
    return stage != NegotiationStage::Consensus && stage != NegotiationStage::NoDeal;
}

QList<NegotiationStage> NegotiationFlow::movesFrom(NegotiationStage stage, std::optional<NegotiationStage> deadlockFrom,
                                                   bool closed)
{
    using S = NegotiationStage;
    if (closed)
        return {};
    switch (stage) {
    case S::Preparation: return {S::Opening, S::NoDeal};
    case S::Opening: return {S::Probing, S::NoDeal};
    case S::Probing: return {S::Quoting, S::NoDeal};
    case S::Quoting: return {S::Bargaining, S::Deadlock, S::NoDeal};
    case S::Bargaining: return {S::Consensus, S::Deadlock, S::NoDeal};
    case S::Deadlock: return {deadlockFrom.value_or(S::Quoting), S::NoDeal};
    case S::Consensus:
    case S::NoDeal: return {};
    }
    return {};
}

void NegotiationFlow::requireMove(NegotiationStage from, NegotiationStage to, std::optional<NegotiationStage> deadlockFrom,
                                  bool closed)
{
    if (movesFrom(from, deadlockFrom, closed).contains(to))
        return;
    const auto &stages = negotiationStages();
    if (closed || !isOpen(from))
        throw Error::conflict(QCoreApplication::translate("Negotiation", "This negotiation has ended (%1); its stage no longer changes.")
                                  .arg(stages.display(from)),
                              QStringLiteral("4.2"));
    if (from == NegotiationStage::Deadlock && deadlockFrom)
        throw Error::conflict(QCoreApplication::translate("Negotiation", "A deadlock goes back to the stage it came from (%1) "
                                                                         "or ends in no deal, not to %2.")
                                  .arg(stages.display(*deadlockFrom), stages.display(to)),
                              QStringLiteral("4.2.5"));
    throw Error::conflict(QCoreApplication::translate("Negotiation", "From %1 the negotiation moves to %2; %3 would skip or "
                                                                     "reverse a stage (§4.2).")
                              .arg(stages.display(from), stages.name(movesFrom(from, deadlockFrom).value(0)), stages.name(to)),
                          QStringLiteral("4.2"));
}

void NegotiationFlow::requireOpen(NegotiationStage stage, bool closed)
{
    if (closed || !isOpen(stage))
        throw Error::conflict(QCoreApplication::translate("Negotiation", "This negotiation has ended (%1): nothing more is "
                                                                         "recorded in it.")
                                  .arg(negotiationStages().display(stage)),
                              QStringLiteral("4.2"));
}

} // namespace bizdesk::domain
