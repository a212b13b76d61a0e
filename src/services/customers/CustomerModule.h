#pragma once

namespace bizdesk::services {

/// Registers the customers module's My Tasks source and demo data (called by ModuleCatalog).
void registerCustomerModule();

} // namespace bizdesk::services
