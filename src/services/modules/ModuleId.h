#pragma once

#include <QString>

#include <optional>

namespace bizdesk::services {

/// Every module BizDesk has or plans, in tab order. This is the one list: a new module is a new
/// value here plus its descriptor (ModuleCatalog.cpp); the compiler then points at the page
/// (ui/shell/ModulePages.cpp) and the command group (cli/CommandCatalog.cpp) it still needs,
/// because those switches over ModuleId have no default.
enum class ModuleId {
    Customers,
    Negotiations,
    Contracts,
    Entertainment,
    Team,
    Reports,
};

inline constexpr ModuleId allModuleIds[] = {ModuleId::Customers, ModuleId::Negotiations, ModuleId::Contracts,
                                            ModuleId::Entertainment, ModuleId::Team, ModuleId::Reports};

/// Stable key: the tab's objectName and the remembered last tab ("customers", "entertainment").
QString moduleKey(ModuleId id);
std::optional<ModuleId> moduleFromKey(const QString &key);

} // namespace bizdesk::services
