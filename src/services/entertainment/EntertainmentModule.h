#pragma once

namespace bizdesk::services {

/// Registers the entertainment task source (My Tasks) and demo contributor; called by ModuleCatalog.
void registerEntertainmentModule();

} // namespace bizdesk::services
