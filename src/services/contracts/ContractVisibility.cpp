#include "services/contracts/ContractVisibility.h"

#include "services/Session.h"

namespace bizdesk::services {

void ContractVisibility::restrict(const Session &session, storage::ContractFilter &filter)
{
    const domain::User &me = session.user();
    using domain::Role;
    const bool all = me.roles.has(Role::Director) || me.roles.has(Role::Finance) || me.roles.has(Role::Legal)
                     || me.roles.has(Role::Executive);
    filter.restricted = !all;
    filter.departments.clear();
    filter.alsoOwnedBy.reset();
    if (all)
        return;
    if (me.roles.has(Role::Manager) && me.departmentId)
        filter.departments << *me.departmentId;
    filter.alsoOwnedBy = me.id;
}

} // namespace bizdesk::services
