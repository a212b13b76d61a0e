#pragma once

#include "domain/customers/Customer.h"

namespace bizdesk::domain {

/// §3.2.3 complaint handling: a complaint is open when recorded, moves on to in_progress and is
/// resolved with a resolution; a resolved complaint stays resolved.
class ComplaintWorkflow
{
public:
    /// The statuses a complaint in `from` may move to (none once resolved).
    static QList<ComplaintStatus> nextStatuses(ComplaintStatus from);
    /// Throws conflict (§3.2.3) when `from` → `to` is not a step, invalid when resolving without
    /// a resolution. `complaint` names the record in the message.
    static void requireTransition(const QString &complaint, ComplaintStatus from, ComplaintStatus to, const QString &resolution);
};

} // namespace bizdesk::domain
