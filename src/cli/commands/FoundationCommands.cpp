#include "cli/CommandContext.h"
#include "cli/CommandLine.h"
#include "domain/Error.h"
#include "services/demo/DemoData.h"
#include "services/identity/IdentityJson.h"
#include "services/maintenance/DatabaseMaintenance.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace bizdesk::cli {
namespace {

using domain::Error;
using Needs = CommandSpec::Needs;

/// init and demo create the file; when they fail, the file they created must not stay behind.
template<typename Work>
QJsonValue withNewDatabase(const QString &location, Work work)
{
    const storage::DatabaseLocation parsed = storage::DatabaseLocation::parse(location);
    const bool createdHere = parsed.backend() == storage::Backend::Sqlite && !QFileInfo::exists(parsed.filePath());
    try {
        auto database = storage::Database::open(parsed, storage::Database::CreateMode::CreateIfMissing);
        return work(*database);
    } catch (...) {
        if (createdHere) {
            for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(parsed.filePath() + suffix);
        }
        throw;
    }
}

} // namespace

void registerFoundationCommands(CommandLine &commandLine)
{
    commandLine.add({{QStringLiteral("init")}, {},
                     {{QStringLiteral("admin"), QStringLiteral("LOGIN"), QCoreApplication::translate("FoundationCommands", "login of the first account (director and admin)"), true},
                      {QStringLiteral("name"), QStringLiteral("NAME"), QCoreApplication::translate("FoundationCommands", "display name of the first account"), true}},
                     QCoreApplication::translate("FoundationCommands", "Create a new database and its first account (password from $BIZDESK_NEW_PASSWORD or stdin)."),
                     Needs::Location,
                     [](CommandContext &context) -> QJsonValue {
                         const QString password = CommandContext::readNewPassword();
                         return withNewDatabase(context.globals().location, [&](storage::Database &database) {
                             const domain::User user = services::DatabaseMaintenance::initialise(
                                 database, context.option(QStringLiteral("admin")), context.option(QStringLiteral("name")),
                                 password);
                             context.rememberNewChain(database);
                             return QJsonObject{{QStringLiteral("database"), database.location().displayName()},
                                                {QStringLiteral("backend"), storage::backendName(database.backend())},
                                                {QStringLiteral("schema"), database.schemaVersion()},
                                                {QStringLiteral("user"), services::toJson(user)}};
                         });
                     },
                     {}});

    commandLine.add({{QStringLiteral("migrate")}, {}, {},
                     QCoreApplication::translate("FoundationCommands", "Upgrade the schema to this program's version (an existing SQLite file is backed up first)."),
                     Needs::Database,
                     [](CommandContext &context) -> QJsonValue {
                         const auto result = services::DatabaseMaintenance::migrate(context.database());
                         QJsonObject body{{QStringLiteral("from"), result.fromVersion},
                                          {QStringLiteral("to"), result.toVersion},
                                          {QStringLiteral("backup"), result.backupPath.isEmpty()
                                                                         ? QJsonValue()
                                                                         : QJsonValue(result.backupPath)}};
                         if (!result.backupPath.isEmpty())
                             body.insert(QStringLiteral("audit_head"),
                                         services::DatabaseMaintenance::auditHeadOfBackup(QStringLiteral("backup"), result.backupPath)
                                             .toJson());
                         return body;
                     },
                     {}});

    commandLine.add({{QStringLiteral("check")}, {}, {},
                     QCoreApplication::translate("FoundationCommands", "Check integrity, foreign keys and the audit chain; exit 0 only when all are clean."),
                     Needs::Database,
                     [](CommandContext &context) -> QJsonValue {
                         const auto report = services::DatabaseMaintenance::check(context.database());
                         if (!report.ok())
                             throw Error(domain::ErrorKind::Conflict,
                                         QCoreApplication::translate("FoundationCommands", "The database check found problems: %1").arg(report.problems.join(QStringLiteral("; "))));
                         return QJsonObject{{QStringLiteral("ok"), true},
                                            {QStringLiteral("schema"), context.database().schemaVersion()},
                                            {QStringLiteral("audit_entries"), static_cast<double>(report.auditEntries)},
                                            {QStringLiteral("problems"), QJsonArray()}};
                     },
                     {}});

    commandLine.add({{QStringLiteral("backup")}, {QStringLiteral("OUT")}, {},
                     QCoreApplication::translate("FoundationCommands", "Write a consistent copy of the database (always a BizDesk SQLite file) to OUT."),
                     Needs::Database,
                     [](CommandContext &context) -> QJsonValue {
                         const QString out = QFileInfo(context.positional(0)).absoluteFilePath();
                         const auto summary = services::DatabaseMaintenance::backup(context.database(), out);
                         return QJsonObject{{QStringLiteral("backup"), out},
                                            {QStringLiteral("schema"), summary.schemaVersion},
                                            {QStringLiteral("bytes"), static_cast<double>(QFileInfo(out).size())},
                                            {QStringLiteral("audit_head"), summary.auditHead.toJson()}};
                     },
                     {}});

    commandLine.add({{QStringLiteral("restore")}, {QStringLiteral("IN")}, {},
                     QCoreApplication::translate("FoundationCommands", "Restore the backup file IN into the --db location, which must be new or empty."),
                     Needs::Location,
                     [](CommandContext &context) -> QJsonValue {
                         const auto target = storage::DatabaseLocation::parse(context.globals().location);
                         const auto summary = services::DatabaseMaintenance::restore(context.positional(0), target);
                         context.rememberNewChain(target.displayName(), summary.auditHead);
                         return QJsonObject{{QStringLiteral("restored"), target.displayName()},
                                            {QStringLiteral("schema"), summary.schemaVersion},
                                            {QStringLiteral("rows"), static_cast<double>(summary.rows)},
                                            {QStringLiteral("audit_head"), summary.auditHead.toJson()}};
                     },
                     {}});

    commandLine.add({{QStringLiteral("demo")}, {},
                     {{QStringLiteral("customers"), QStringLiteral("N"), QCoreApplication::translate("FoundationCommands", "number of customers (default 200)")},
                      {QStringLiteral("seed"), QStringLiteral("S"), QCoreApplication::translate("FoundationCommands", "random seed (default 1); the same seed gives the same data")},
                      {QStringLiteral("language"), QStringLiteral("L"), QCoreApplication::translate("FoundationCommands", "language of the demo's comments and notes: zh_CN (default), zh_TW or en")}},
                     QCoreApplication::translate("FoundationCommands", "Create a new database filled with a realistic demo organisation (password of every demo account: "
                        "$BIZDESK_NEW_PASSWORD, else \"demo-password\")."),
                     Needs::Location,
                     [](CommandContext &context) -> QJsonValue {
                         services::DemoOptions options;
                         options.customers = context.intOption(QStringLiteral("customers"), 200, 0, 5'000'000);
                         options.seed = static_cast<quint32>(context.intOption(QStringLiteral("seed"), 1, 0, 2'000'000'000));
                         options.password = qEnvironmentVariableIsSet("BIZDESK_NEW_PASSWORD")
                                                ? qEnvironmentVariable("BIZDESK_NEW_PASSWORD")
                                                : QStringLiteral("demo-password");
                         options.language = context.optionOr(QStringLiteral("language"), options.language);
                         return withNewDatabase(context.globals().location, [&](storage::Database &database) {
                             const QJsonValue summary = services::DemoData::generate(database, options);
                             context.rememberNewChain(database);
                             return summary;
                         });
                     },
                     {}});
}

} // namespace bizdesk::cli
