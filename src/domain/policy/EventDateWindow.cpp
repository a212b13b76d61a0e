#include "domain/policy/EventDateWindow.h"

#include "domain/Error.h"
#include "domain/policy/PolicyCatalog.h"

#include <QCoreApplication>

#include <cstdlib>

namespace bizdesk::domain {

void EventDateWindow::require(const QString &field, const QDate &date, const QDate &today, qint64 windowDays)
{
    if (!date.isValid() || !today.isValid() || std::llabs(today.daysTo(date)) <= windowDays)
        return;
    const PolicyDefinition &definition = PolicyCatalog::find(policy::eventWindowDays);
    throw Error::invalid(field,
                         QCoreApplication::translate("EventDateWindow",
                                                     "%1: %2 is more than %3 days away from today (%4); check the date "
                                                     "(policy %5, §%6).")
                             .arg(field, date.toString(Qt::ISODate))
                             .arg(windowDays)
                             .arg(today.toString(Qt::ISODate), definition.key, definition.clause),
                         definition.clause);
}

} // namespace bizdesk::domain
