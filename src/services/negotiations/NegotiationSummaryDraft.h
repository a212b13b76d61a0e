#pragma once

#include "domain/negotiations/Negotiation.h"

#include <QMap>

namespace bizdesk::services {

struct NegotiationDetail;

/// The summary report's sections prefilled from the record (§4.4.2): stages, sessions and time
/// spent, offers and concessions, deadlocks, open terms, and — for readers of the confidential
/// figures — the zone captured and the estimate's error. The lead edits the result.
class NegotiationSummaryDraft
{
public:
    /// Stored sections as they are; empty ones prefilled.
    static QMap<domain::SummarySection, QString> of(const NegotiationDetail &detail);
    static QString prefill(const NegotiationDetail &detail, domain::SummarySection section);
};

} // namespace bizdesk::services
