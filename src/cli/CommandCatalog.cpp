#include "cli/CommandLine.h"
#include "cli/ReadOnlyCommands.h"

namespace bizdesk::cli {

void registerFoundationCommands(CommandLine &commandLine);
void registerIdentityCommands(CommandLine &commandLine);
void registerCustomerCommands(CommandLine &commandLine);
void registerEntertainmentCommands(CommandLine &commandLine);
void registerCompanyCommands(CommandLine &commandLine);

void registerAllCommands(CommandLine &commandLine)
{
    registerFoundationCommands(commandLine);
    registerIdentityCommands(commandLine);
    registerCustomerCommands(commandLine);
    registerEntertainmentCommands(commandLine);
    registerCompanyCommands(commandLine);
    markReadOnlyCommands(commandLine);
}

} // namespace bizdesk::cli
