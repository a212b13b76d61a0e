#include "cli/CommandContext.h"
#include "cli/CommandLine.h"
#include "cli/commands/CustomerCommandParts.h"
#include "domain/Error.h"
#include "services/customers/MarketResearchService.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace bizdesk::cli {

using Needs = CommandSpec::Needs;

/// §3.1.1–2 market research and target segments.
void registerMarketResearchCommands(CommandLine &commandLine)
{
    commandLine.add({{QStringLiteral("segment"), QStringLiteral("add")}, {QStringLiteral("NAME")},
                     {customerOption("traits", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "what the group has in common")), customerOption("strategy", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "how we approach it"))},
                     QCoreApplication::translate("CustomerCommands", "Define a target segment (§3.1.2)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const qint64 id = services::MarketResearchService(context.session())
                                               .addSegment(context.positional(0), context.option(QStringLiteral("traits")), context.option(QStringLiteral("strategy")));
                         return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("name"), context.positional(0).trimmed()}};
                     },
                     {}});
    commandLine.add({{QStringLiteral("segment"), QStringLiteral("list")}, {}, {},
                     QCoreApplication::translate("CustomerCommands", "List target segments."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         QJsonArray list;
                         for (const domain::TargetSegment &segment : services::MarketResearchService(context.session()).segments())
                             list.append(services::MarketResearchService::toJson(segment));
                         return QJsonObject{{QStringLiteral("segments"), list}};
                     },
                     {}});
    commandLine.add({{QStringLiteral("research"), QStringLiteral("add")}, {},
                     {customerOption("topic", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "topic"), true), customerOption("date", "DATE", QT_TRANSLATE_NOOP("CustomerCommands", "date of the study"), true),
                      customerOption("findings", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "findings")), customerOption("competitors", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "competitors"))},
                     QCoreApplication::translate("CustomerCommands", "Record a market research study (§3.1.1)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const qint64 id = services::MarketResearchService(context.session())
                                               .addResearch(context.option(QStringLiteral("topic")), context.dateOption(QStringLiteral("date")).value_or(QDate()),
                                                            context.option(QStringLiteral("findings")), context.option(QStringLiteral("competitors")));
                         return QJsonObject{{QStringLiteral("id"), id}};
                     },
                     {}});
    commandLine.add({{QStringLiteral("research"), QStringLiteral("list")}, {}, {},
                     QCoreApplication::translate("CustomerCommands", "List market research records."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         QJsonArray list;
                         for (const domain::MarketResearch &record : services::MarketResearchService(context.session()).research())
                             list.append(services::MarketResearchService::toJson(record));
                         return QJsonObject{{QStringLiteral("research"), list}};
                     },
                     {}});
}

} // namespace bizdesk::cli
