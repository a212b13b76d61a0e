#pragma once

#include "cli/CommandSpec.h"
#include "domain/customers/CustomerQuery.h"

#include <QJsonObject>

namespace bizdesk::cli {

class CommandLine;

// What the customer units' command files (archive, care and retention, research) share.

/// An option whose help text is translated in the "CustomerCommands" context.
OptionSpec customerOption(const char *name, const char *valueName, const char *help, bool required = false);
/// --version N on edits and state changes (§7): the version of the record the caller last saw.
OptionSpec customerVersionOption();
/// A customer list row as JSON, with the owner's login.
QJsonObject customerRowJson(const domain::CustomerRow &row);

void registerCustomerCareCommands(CommandLine &commandLine);
void registerMarketResearchCommands(CommandLine &commandLine);

} // namespace bizdesk::cli
