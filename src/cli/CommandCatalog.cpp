#include "cli/CommandLine.h"

namespace bizdesk::cli {

void registerFoundationCommands(CommandLine &commandLine);
void registerIdentityCommands(CommandLine &commandLine);
void registerEntertainmentCommands(CommandLine &commandLine);

void registerAllCommands(CommandLine &commandLine)
{
    registerFoundationCommands(commandLine);
    registerIdentityCommands(commandLine);
    registerEntertainmentCommands(commandLine);
}

} // namespace bizdesk::cli
