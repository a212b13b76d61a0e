#include "storage/customers/CustomerRowReader.h"

#include "storage/SqlQuery.h"
#include "storage/SqlValues.h"

namespace bizdesk::storage {

using domain::Customer;
using domain::CustomerRules;

const QString &CustomerRowReader::columns()
{
    static const QString select = QStringLiteral(
        "c.id, c.name, c.class, c.owner_id, c.short_name, c.industry, c.size_band, c.address, c.website, c.phone, "
        "c.email, c.channel, c.stage, c.lost_reason, c.segment_id, c.tags, c.notes, c.last_contact_at, "
        "c.stage_changed_at, c.created_at, c.updated_at, c.version, c.external_code, u.login, u.display_name");
    return select;
}

CustomerRow CustomerRowReader::read(SqlQuery &query, bool withSortKey)
{
    CustomerRow row;
    Customer &c = row.customer;
    c.id = query.value(0).toLongLong();
    c.name = query.value(1).toString();
    c.customerClass = CustomerRules::parseClass(QStringLiteral("class"), query.value(2).toString());
    c.ownerId = optionalId(query.value(3));
    c.shortName = query.value(4).toString();
    c.industry = query.value(5).toString();
    c.sizeBand = query.value(6).toString();
    c.address = query.value(7).toString();
    c.website = query.value(8).toString();
    c.phone = query.value(9).toString();
    c.email = query.value(10).toString();
    if (!query.value(11).isNull())
        c.channel = CustomerRules::parseChannel(QStringLiteral("channel"), query.value(11).toString());
    c.stage = CustomerRules::parseStage(QStringLiteral("stage"), query.value(12).toString());
    c.lostReason = query.value(13).toString();
    c.segmentId = optionalId(query.value(14));
    c.tags = query.value(15).toString();
    c.notes = query.value(16).toString();
    c.lastContactAt = optionalTimestamp(query.value(17));
    c.stageChangedAt = optionalTimestamp(query.value(18));
    c.createdAt = optionalTimestamp(query.value(19));
    c.updatedAt = optionalTimestamp(query.value(20));
    c.version = query.value(21).toInt();
    c.externalCode = query.value(22).toString();
    row.ownerLogin = query.value(23).toString();
    row.ownerName = query.value(24).toString();
    if (withSortKey)
        row.sortKey = query.value(columnCount);
    return row;
}


QString CustomerRowReader::scopeCondition(const CustomerScope &scope)
{
    switch (scope.kind) {
    case CustomerScope::Kind::All:
        break;
    case CustomerScope::Kind::Department:
        return QStringLiteral("(c.owner_id IS NULL OR c.owner_id IN (SELECT id FROM users WHERE department_id = :scope))");
    case CustomerScope::Kind::Own:
        return QStringLiteral("(c.owner_id IS NULL OR c.owner_id = :scope)");
    }
    return QStringLiteral("1 = 1");
}

void CustomerRowReader::bindScope(SqlQuery &query, const CustomerScope &scope)
{
    if (scope.kind != CustomerScope::Kind::All)
        query.bind(":scope", scope.id);
}

} // namespace bizdesk::storage
