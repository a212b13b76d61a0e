#include "services/modules/SeenVersion.h"

#include "domain/Error.h"

#include <QCoreApplication>

namespace bizdesk::services {

using domain::Error;

void requireSeenVersion(std::optional<int> seen, int current, const QString &recordLabel)
{
    if (seen && *seen != current)
        throw Error::conflict(QCoreApplication::translate("ApprovalDesk", "%1 is at version %2, not %3: it changed since you "
                                                                          "saw it; reload it and try again.")
                                  .arg(recordLabel)
                                  .arg(current)
                                  .arg(*seen));
}

} // namespace bizdesk::services
