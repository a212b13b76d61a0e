#pragma once

#include "services/modules/ModuleId.h"

namespace bizdesk::cli {

class CommandLine;

/// Adds `module`'s command group (the words its descriptor's commandGroups names).
void registerModuleCommands(services::ModuleId module, CommandLine &commandLine);

} // namespace bizdesk::cli
