#include "services/ModuleCatalog.h"

#include "services/customers/CustomerModule.h"
#include "services/entertainment/EntertainmentModule.h"

namespace bizdesk::services {

void ModuleCatalog::registerAll()
{
    static bool registered = false;
    if (registered)
        return;
    registered = true;
    // Modules add their registration calls here (task sources, demo contributors).
    registerCustomerModule();
    registerEntertainmentModule();
}

} // namespace bizdesk::services
