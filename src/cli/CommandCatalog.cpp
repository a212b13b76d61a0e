#include "cli/CommandCatalog.h"

#include "cli/CommandLine.h"
#include "cli/ReadOnlyCommands.h"
#include "services/ModuleCatalog.h"

namespace bizdesk::cli {

void registerFoundationCommands(CommandLine &commandLine);
void registerIdentityCommands(CommandLine &commandLine);
void registerCustomerCommands(CommandLine &commandLine);
void registerEntertainmentCommands(CommandLine &commandLine);
void registerContractCommands(CommandLine &commandLine);
void registerCompanyCommands(CommandLine &commandLine);
void registerReportCommands(CommandLine &commandLine);
void registerNegotiationCommands(CommandLine &commandLine);

void registerModuleCommands(services::ModuleId module, CommandLine &commandLine)
{
    using services::ModuleId;
    // Each module's command group hangs off its id. No default: a ModuleId without an entry here
    // does not compile (-Wswitch); CommandCatalogTest checks the words match the descriptor.
    switch (module) {
    case ModuleId::Customers: registerCustomerCommands(commandLine); return;
    case ModuleId::Entertainment: registerEntertainmentCommands(commandLine); return;
    case ModuleId::Team: registerIdentityCommands(commandLine); return;
    case ModuleId::Contracts: registerContractCommands(commandLine); return;
    case ModuleId::Reports: registerReportCommands(commandLine); return;
    case ModuleId::Negotiations: registerNegotiationCommands(commandLine); return;
    }
}

void registerAllCommands(CommandLine &commandLine)
{
    registerFoundationCommands(commandLine);
    registerCompanyCommands(commandLine);
    for (const services::ModuleDescriptor &module : services::ModuleCatalog::modules())
        registerModuleCommands(module.id, commandLine);
    markReadOnlyCommands(commandLine);
}

} // namespace bizdesk::cli
