#include "domain/customers/Complaint.h"

#include "domain/Error.h"

#include <QCoreApplication>

namespace bizdesk::domain {

QList<ComplaintStatus> ComplaintWorkflow::nextStatuses(ComplaintStatus from)
{
    switch (from) {
    case ComplaintStatus::Open: return {ComplaintStatus::InProgress, ComplaintStatus::Resolved};
    case ComplaintStatus::InProgress: return {ComplaintStatus::Resolved};
    case ComplaintStatus::Resolved:
    case ComplaintStatus::None: break;
    }
    return {};
}

void ComplaintWorkflow::requireTransition(const QString &complaint, ComplaintStatus from, ComplaintStatus to,
                                          const QString &resolution)
{
    if (from == ComplaintStatus::Resolved)
        throw Error::conflict(QCoreApplication::translate("Customers", "%1 is already resolved (§3.2.3).").arg(complaint), QStringLiteral("3.2.3"));
    if (to == ComplaintStatus::None || to == ComplaintStatus::Open)
        throw Error::invalid(QStringLiteral("status"), QCoreApplication::translate("Customers", "status: a complaint moves on to in_progress or resolved."));
    if (!nextStatuses(from).contains(to))
        throw Error::conflict(QCoreApplication::translate("Customers", "%1 is already in progress (§3.2.3).").arg(complaint), QStringLiteral("3.2.3"));
    if (to == ComplaintStatus::Resolved && resolution.trimmed().isEmpty())
        throw Error::invalid(QStringLiteral("resolution"), QCoreApplication::translate("Customers", "resolution: say how the complaint was resolved (§3.2.3)."), QStringLiteral("3.2.3"));
}

} // namespace bizdesk::domain
