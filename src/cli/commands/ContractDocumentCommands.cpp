#include "cli/CommandContext.h"
#include "cli/CommandLine.h"
#include "domain/Error.h"
#include "services/contracts/ContractPrinting.h"
#include "services/contracts/ContractService.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>

namespace bizdesk::cli {

/// `contract form`: the printable contract approval sheet (合同审批单).
void registerContractDocumentCommands(CommandLine &commandLine)
{
    commandLine.add({{QStringLiteral("contract"), QStringLiteral("form")},
                     {QStringLiteral("ID")},
                     {{QStringLiteral("out"), QStringLiteral("FILE.pdf"), QCoreApplication::translate("ContractCommands", "where to write the PDF"), true}},
                     QCoreApplication::translate("ContractCommands", "The printable contract approval sheet (合同审批单) with the review steps so far."),
                     CommandSpec::Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const qint64 id = context.positionalId(0);
                         const QString out = context.option(QStringLiteral("out"));
                         if (!out.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
                             throw domain::Error::invalid(QStringLiteral("out"), QCoreApplication::translate("ContractCommands", "out: the approval sheet is written as a .pdf file."));
                         services::Session &session = context.session();
                         const services::ContractDetail detail = services::ContractService(session).detail(id);
                         services::DocumentRenderer::writePdf(services::ContractPrinting::approvalSheet(detail, services::CompanyService(session).profile()),
                                                              out, session.now());
                         return QJsonObject{{QStringLiteral("id"), id},
                                            {QStringLiteral("number"), detail.contract.number},
                                            {QStringLiteral("out"), QFileInfo(out).absoluteFilePath()}};
                     },
                     {}});
}

} // namespace bizdesk::cli
