#include "cli/CommandContext.h"
#include "cli/CommandLine.h"
#include "services/contracts/ContractLedger.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>

namespace bizdesk::cli {

void registerExpenseReportCommand(CommandLine &commandLine);

/// The `report` group of the Reports module: each module's report, one command each.
void registerReportCommands(CommandLine &commandLine)
{
    registerExpenseReportCommand(commandLine);
    commandLine.add({{QStringLiteral("report"), QStringLiteral("contracts")},
                     {},
                     {{QStringLiteral("period"), QStringLiteral("P"), QCoreApplication::translate("ReportCommands", "2026, 2026-Q3 or 2026-09: contracts signed then"), true},
                      {QStringLiteral("out"), QStringLiteral("FILE"), QCoreApplication::translate("ReportCommands", ".pdf, .xlsx, .csv or .html"), true}},
                     QCoreApplication::translate("ReportCommands", "The contract ledger (合同台账): amount, received, outstanding and overdue in CNY (§5.4, §5.6)."),
                     CommandSpec::Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::ContractLedger ledger(context.session());
                         const services::ContractLedgerData data = ledger.build(context.option(QStringLiteral("period")));
                         const QString out = context.option(QStringLiteral("out"));
                         ledger.write(data, out);
                         QJsonObject result = services::ContractLedger::toJson(data);
                         result.insert(QStringLiteral("out"), QFileInfo(out).absoluteFilePath());
                         return result;
                     },
                     {}});
}

} // namespace bizdesk::cli
