#pragma once

#include "cli/CommandSpec.h"
#include "domain/Clock.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <cstdio>

namespace bizdesk::services {
class AuditHeadStore;
}

namespace bizdesk::cli {

/// Parses `bizdeskctl [global options] COMMAND [ARGS]`, runs the command and turns its result
/// or error into stdout/stderr and the exit status of cli.md.
class CommandLine
{
public:
    /// Commands run on the system clock.
    CommandLine();
    /// Commands run on `clock` (tests pass a FixedClock they own; it must outlive the CommandLine).
    explicit CommandLine(const domain::Clock &clock);
    void add(CommandSpec spec);
    /// Marks the command with exactly these words as read-only (CommandSpec::readOnly); throws
    /// std::logic_error when there is none, so a renamed command cannot silently lose the mark.
    void markReadOnly(const QStringList &words);
    const QList<CommandSpec> &commands() const { return m_commands; }
    /// Where this installation keeps the last audit head it saw of each database (the user's
    /// settings in the real program). Without one, heads are neither checked nor kept.
    void setAuditHeadStore(services::AuditHeadStore *store) { m_auditHeads = store; }

    /// Returns the process exit status.
    int run(const QStringList &arguments, std::FILE *out = stdout, std::FILE *err = stderr) const;
    /// The same for argv as the operating system passed it: an argument that is not valid UTF-8
    /// is refused (exit 2, naming its option) instead of being decoded to U+FFFD.
    int run(const QList<QByteArray> &rawArguments, std::FILE *out = stdout, std::FILE *err = stderr) const;
    /// Strict UTF-8 decoding of argv; throws Error::invalid naming the option of a bad argument.
    static QStringList decodeArguments(const QList<QByteArray> &rawArguments);

    QString helpText() const;
    static QString formatGeneric(const QJsonValue &value);

private:
    const CommandSpec *match(const QStringList &words, int &consumed) const;
    QList<CommandSpec> m_commands;
    const domain::Clock &m_clock;
    services::AuditHeadStore *m_auditHeads = nullptr;
};

/// The foundation commands, then every module's group in ModuleCatalog order (CommandCatalog.cpp).
void registerAllCommands(CommandLine &commandLine);

} // namespace bizdesk::cli
