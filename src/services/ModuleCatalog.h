#pragma once

namespace bizdesk::services {

/// The one list of modules: each registers its task sources and demo generators here, so adding
/// a module is one line in ModuleCatalog.cpp.
class ModuleCatalog
{
public:
    /// Idempotent.
    static void registerAll();
};

} // namespace bizdesk::services
