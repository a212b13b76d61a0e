// `contract template …`, `contract attach` and `contract attachment`: legal's clause templates
// (§5.1.3) and the files kept with a contract (§5.1, §5.3, §5.5, §5.6.1).
#include "cli/CommandContext.h"
#include "cli/CommandLine.h"
#include "domain/Error.h"
#include "services/contracts/ClauseTemplateService.h"
#include "services/contracts/ContractAttachments.h"
#include "services/contracts/ContractService.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <limits>
#include <optional>

namespace bizdesk::cli {
namespace {

using Needs = CommandSpec::Needs;
using services::ClauseTemplateService;
using services::ContractAttachments;

OptionSpec fileOption(const char *name, const char *value, const QString &help, bool required = false)
{
    return {QString::fromLatin1(name), QString::fromLatin1(value), help, required};
}

QJsonObject templateJson(const domain::ClauseTemplate &clauseTemplate)
{
    return QJsonObject{{QStringLiteral("id"), clauseTemplate.id},
                       {QStringLiteral("clause"), domain::contractClauses().name(clauseTemplate.clause)},
                       {QStringLiteral("name"), clauseTemplate.name},
                       {QStringLiteral("body"), clauseTemplate.body},
                       {QStringLiteral("updated_at"), clauseTemplate.updatedAt}};
}

void registerTemplates(CommandLine &commandLine)
{
    const QStringList words{QStringLiteral("contract"), QStringLiteral("template")};
    commandLine.add({words + QStringList{QStringLiteral("add")}, {},
                     {fileOption("clause", "NAME", QCoreApplication::translate("ContractCommands", "the clause it is for: obligations|specification|price|delivery|acceptance|payment|breach"), true),
                      fileOption("name", "TEXT", QCoreApplication::translate("ContractCommands", "what the template is called, unique per clause"), true),
                      fileOption("body", "TEXT", QCoreApplication::translate("ContractCommands", "the standard wording"), true)},
                     QCoreApplication::translate("ContractCommands", "Add a clause template (legal, §5.1.3)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         return templateJson(ClauseTemplateService(context.session())
                                                 .add(domain::ClauseGate::parse(context.option(QStringLiteral("clause"))),
                                                      context.option(QStringLiteral("name")), context.option(QStringLiteral("body"))));
                     },
                     {}});
    commandLine.add({words + QStringList{QStringLiteral("list")}, {},
                     {fileOption("clause", "NAME", QCoreApplication::translate("ContractCommands", "only this clause's templates"))},
                     QCoreApplication::translate("ContractCommands", "Clause templates, by clause and name."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         std::optional<domain::ContractClause> clause;
                         if (context.has(QStringLiteral("clause")))
                             clause = domain::ClauseGate::parse(context.option(QStringLiteral("clause")));
                         QJsonArray rows;
                         for (const domain::ClauseTemplate &clauseTemplate : ClauseTemplateService(context.session()).list(clause))
                             rows.append(templateJson(clauseTemplate));
                         return rows;
                     },
                     {}});
    commandLine.add({words + QStringList{QStringLiteral("remove")}, {QStringLiteral("TID")}, {},
                     QCoreApplication::translate("ContractCommands", "Remove a clause template (legal); clauses written from it stay."),
                     Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const qint64 id = context.positionalId(0);
                         ClauseTemplateService(context.session()).remove(id);
                         return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("removed"), true}};
                     },
                     {}});
}

void registerAttachments(CommandLine &commandLine)
{
    commandLine.add({{QStringLiteral("contract"), QStringLiteral("attach")}, {QStringLiteral("ID"), QStringLiteral("FILE")},
                     {fileOption("kind", "document|annex|signed_scan|change_scan|termination", QCoreApplication::translate("ContractCommands", "what the file is (default document)"))},
                     QCoreApplication::translate("ContractCommands", "Attach a file to a contract, stored with its SHA-256 (at most contract.attachment_max_mb)."),
                     Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const domain::ContractAttachment::Kind kind =
                             domain::ContractAttachmentRules::parseKind(context.optionOr(QStringLiteral("kind"), QStringLiteral("document")));
                         return services::ContractService::toJson(
                             ContractAttachments(context.session()).attachFile(context.positionalId(0), context.positional(1), kind));
                     },
                     {}});
    commandLine.add({{QStringLiteral("contract"), QStringLiteral("attachment")}, {QStringLiteral("AID")},
                     {fileOption("out", "FILE", QCoreApplication::translate("ContractCommands", "where to write the file"), true)},
                     QCoreApplication::translate("ContractCommands", "Write an attachment to a file after checking it against its SHA-256."),
                     Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const QString out = context.option(QStringLiteral("out"));
                         QJsonObject json = services::ContractService::toJson(
                             ContractAttachments(context.session()).saveTo(context.positionalId(0), out));
                         json.insert(QStringLiteral("out"), QFileInfo(out).absoluteFilePath());
                         return json;
                     },
                     {}});
}

} // namespace

void registerContractFileCommands(CommandLine &commandLine)
{
    registerTemplates(commandLine);
    registerAttachments(commandLine);
}

} // namespace bizdesk::cli
