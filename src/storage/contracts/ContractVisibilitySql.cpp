#include "storage/contracts/ContractVisibilitySql.h"

#include "storage/SqlQuery.h"

#include <QStringList>

namespace bizdesk::storage {

QString ContractVisibilitySql::condition(const ContractFilter &filter)
{
    if (!filter.restricted)
        return {};
    QStringList visible;
    QStringList departments;
    for (int i = 0; i < filter.departments.size(); ++i)
        departments << QStringLiteral(":vis_dept%1").arg(i);
    if (!departments.isEmpty())
        visible << QStringLiteral("k.department_id IN (%1)").arg(departments.join(QLatin1Char(',')));
    if (filter.alsoOwnedBy)
        visible << QStringLiteral("k.owner_id = :vis_owner") << QStringLiteral("k.drafter_id = :vis_drafter");
    return visible.isEmpty() ? QStringLiteral("1 = 0") : QStringLiteral("(%1)").arg(visible.join(QStringLiteral(" OR ")));
}

void ContractVisibilitySql::bind(SqlQuery &query, const ContractFilter &filter)
{
    if (!filter.restricted)
        return;
    for (int i = 0; i < filter.departments.size(); ++i)
        query.bind(QStringLiteral(":vis_dept%1").arg(i), filter.departments[i]);
    if (filter.alsoOwnedBy)
        query.bind(":vis_owner", *filter.alsoOwnedBy).bind(":vis_drafter", *filter.alsoOwnedBy);
}

} // namespace bizdesk::storage
