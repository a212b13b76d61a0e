#include "support/CliHarness.h"

#include "cli/CommandLine.h"
#include "services/ModuleCatalog.h"

#include <QFile>

#include <cstdio>

namespace bizdesk::testing {
namespace {

QString drain(std::FILE *stream)
{
    std::fflush(stream);
    std::rewind(stream);
    QByteArray bytes;
    char buffer[4096];
    std::size_t read = 0;
    while ((read = std::fread(buffer, 1, sizeof buffer, stream)) > 0)
        bytes.append(buffer, static_cast<qsizetype>(read));
    std::fclose(stream);
    return QString::fromUtf8(bytes).trimmed();
}

} // namespace

CliResult CliHarness::run(const QStringList &arguments) const
{
    QList<QByteArray> raw;
    for (const QString &argument : arguments)
        raw << argument.toUtf8();
    return runRaw(raw);
}

CliResult CliHarness::runRaw(const QList<QByteArray> &arguments) const
{
    services::ModuleCatalog::registerAll();
    cli::CommandLine commandLine(m_clock);
    cli::registerAllCommands(commandLine);
    commandLine.setAuditHeadStore(m_auditHeads);
    std::FILE *out = std::tmpfile();
    std::FILE *err = std::tmpfile();
    CliResult result;
    result.exitCode = commandLine.run(QList<QByteArray>{"--db", m_location.toUtf8()} + arguments, out, err);
    result.out = drain(out);
    result.err = drain(err);
    return result;
}

CliResult CliHarness::runAs(const QString &login, const QStringList &arguments) const
{
    qputenv("BIZDESK_PASSWORD", password.toUtf8());
    return run(QStringList{QStringLiteral("--as"), login} + arguments);
}

CliResult CliHarness::init() const
{
    qputenv("BIZDESK_NEW_PASSWORD", password.toUtf8());
    return run({QStringLiteral("--json"), QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("boss"),
                QStringLiteral("--name"), QStringLiteral("老板")});
}

} // namespace bizdesk::testing
