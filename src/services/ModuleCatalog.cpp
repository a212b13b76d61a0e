#include "services/ModuleCatalog.h"

namespace bizdesk::services {

void ModuleCatalog::registerAll()
{
    static bool registered = false;
    if (registered)
        return;
    registered = true;
    // Modules add their registration calls here (task sources, demo contributors).
}

} // namespace bizdesk::services
