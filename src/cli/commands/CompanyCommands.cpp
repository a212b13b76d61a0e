#include "cli/CommandContext.h"
#include "cli/CommandLine.h"
#include "services/company/CompanyService.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace bizdesk::cli {
namespace {

using Needs = CommandSpec::Needs;

QJsonObject describe(const services::Session &session, const domain::CompanyProfile &profile)
{
    return {{QStringLiteral("name"), profile.name},
            {QStringLiteral("address"), profile.address},
            {QStringLiteral("phone"), profile.phone},
            {QStringLiteral("time_zone"), session.calendar().zoneId()},
            {QStringLiteral("time_zone_set"), !profile.timeZone.isEmpty()},
            {QStringLiteral("version"), profile.version}};
}

} // namespace

void registerCompanyCommands(CommandLine &commandLine)
{
    commandLine.add({{QStringLiteral("company"), QStringLiteral("set")}, {},
                     {{QStringLiteral("name"), QStringLiteral("NAME"), QCoreApplication::translate("CompanyCommands", "the company name that heads every printed document"), true},
                      {QStringLiteral("address"), QStringLiteral("TEXT"), QCoreApplication::translate("CompanyCommands", "address (kept when not given)")},
                      {QStringLiteral("phone"), QStringLiteral("TEXT"), QCoreApplication::translate("CompanyCommands", "phone (kept when not given)")},
                      {QStringLiteral("time-zone"), QStringLiteral("ZONE"),
                       QCoreApplication::translate("CompanyCommands", "IANA time zone of business dates, e.g. Asia/Shanghai (kept when not given)")},
                      {QStringLiteral("version"), QStringLiteral("N"), QCoreApplication::translate("CompanyCommands", "the version you saw; refused when it changed since")}},
                     QCoreApplication::translate("CompanyCommands", "Set the company profile (admin)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::Session &session = context.session();
                         services::CompanyService company(session);
                         domain::CompanyProfile profile = company.profile();
                         if (context.has(QStringLiteral("version")))
                             profile.version = context.intOption(QStringLiteral("version"), 0, 0, 1 << 30);
                         profile.name = context.option(QStringLiteral("name"));
                         profile.address = context.optionOr(QStringLiteral("address"), profile.address);
                         profile.phone = context.optionOr(QStringLiteral("phone"), profile.phone);
                         profile.timeZone = context.optionOr(QStringLiteral("time-zone"), profile.timeZone);
                         return describe(session, company.update(profile));
                     },
                     {}});

    commandLine.add({{QStringLiteral("company"), QStringLiteral("show")}, {}, {},
                     QCoreApplication::translate("CompanyCommands", "Show the company profile and the time zone of business dates."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::Session &session = context.session();
                         return describe(session, services::CompanyService(session).profile());
                     },
                     {}});
}

} // namespace bizdesk::cli
