#include "cli/ReadOnlyCommands.h"

#include "cli/CommandLine.h"

namespace bizdesk::cli {

void markReadOnlyCommands(CommandLine &commandLine)
{
    // A command belongs here only if nothing it calls writes: the connection refuses writes after
    // the login (tests/cli/ReadOnlyCommandsTest runs every one of them). `customer export` is not
    // here: exporting personal data is audited.
    static const char *const readOnly[][2] = {
        {"user", "list"},      {"whoami", nullptr},     {"dept", "list"},          {"policy", "show"},
        {"policy", "history"}, {"audit", "log"},        {"customer", "show"},      {"customer", "list"},
        {"customer", "search"}, {"customer", "churn"},  {"customer", "winbacks"},  {"customer", "pool"},
        {"event", "list"},     {"segment", "list"},     {"research", "list"},      {"expense", "show"},
        {"expense", "list"},   {"expense", "form"},     {"report", "expenses"},    {"company", "show"},
        {"contract", "form"},  {"report", "contracts"},
    };
    for (const auto &words : readOnly) {
        QStringList command{QLatin1String(words[0])};
        if (words[1])
            command << QLatin1String(words[1]);
        commandLine.markReadOnly(command);
    }
}

} // namespace bizdesk::cli
