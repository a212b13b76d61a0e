#pragma once

#include "domain/NamedValues.h"

#include <QList>
#include <QString>

#include <optional>

namespace bizdesk::domain {

/// The stages of a negotiation (§4.2, design notes "Negotiation"); names are what users, the CLI
/// and the database see.
enum class NegotiationStage {
    Preparation,
    Opening,
    Probing,
    Quoting,
    Bargaining,
    Deadlock,
    Consensus,
    NoDeal,
};
const NamedValues<NegotiationStage> &negotiationStages();

/// The stage machine: preparation → opening → probing → quoting → bargaining → consensus, one
/// step at a time; deadlock from quoting or bargaining and back to the stage it came from;
/// no_deal from any open stage. Consensus and no_deal end the process.
class NegotiationFlow
{
public:
    static bool isOpen(NegotiationStage stage);
    /// Where the negotiation may move from `stage`; `deadlockFrom` is the stage a deadlock came
    /// from (only read in Deadlock). Empty once the negotiation is closed (`closed`: summary submitted).
    static QList<NegotiationStage> movesFrom(NegotiationStage stage, std::optional<NegotiationStage> deadlockFrom,
                                             bool closed = false);
    /// Throws conflict (§4.2) for a skipped stage, a move out of a closed negotiation or back to
    /// another stage than the one a deadlock came from.
    static void requireMove(NegotiationStage from, NegotiationStage to, std::optional<NegotiationStage> deadlockFrom,
                            bool closed = false);
    /// Throws conflict when offers, sessions or terms can no longer be recorded (consensus, no_deal, closed).
    static void requireOpen(NegotiationStage stage, bool closed);
};

} // namespace bizdesk::domain
