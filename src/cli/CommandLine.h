#pragma once

#include "cli/CommandSpec.h"

#include <QList>
#include <QStringList>

#include <cstdio>

namespace bizdesk::cli {

/// Parses `bizdeskctl [global options] COMMAND [ARGS]`, runs the command and turns its result
/// or error into stdout/stderr and the exit status of cli.md.
class CommandLine
{
public:
    CommandLine();
    void add(CommandSpec spec);
    const QList<CommandSpec> &commands() const { return m_commands; }

    /// Returns the process exit status.
    int run(const QStringList &arguments, std::FILE *out = stdout, std::FILE *err = stderr) const;

    QString helpText() const;
    static QString formatGeneric(const QJsonValue &value);

private:
    const CommandSpec *match(const QStringList &words, int &consumed) const;
    QList<CommandSpec> m_commands;
};

/// The foundation commands, then every module's group in ModuleCatalog order (CommandCatalog.cpp).
void registerAllCommands(CommandLine &commandLine);

} // namespace bizdesk::cli
