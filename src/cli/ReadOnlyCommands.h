#pragma once

namespace bizdesk::cli {

class CommandLine;

/// Marks the commands that only read business data (lists, shows, searches, reports written to a
/// file, whoami, audit log). Their login writes nothing on success and their connection refuses
/// writes, so on SQLite they never queue behind — or hold up — the writers.
void markReadOnlyCommands(CommandLine &commandLine);

} // namespace bizdesk::cli
