#include "services/contracts/ContractPrinting.h"

#include "services/printing/FormHtml.h"

#include <QCoreApplication>

namespace bizdesk::services {
namespace {

QString e(const QString &text)
{
    return DocumentRenderer::escape(text);
}

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QStringLiteral("—");
}

/// "¥120,000.00" for CNY, "USD 10,000.00" otherwise.
QString figures(const domain::Money &amount)
{
    return amount.currency() == domain::Money::defaultCurrency() ? QStringLiteral("¥") + amount.toGroupedString()
                                                                 : amount.currency() + QLatin1Char(' ') + amount.toGroupedString();
}

QString amountText(const domain::Contract &contract)
{
    QString text = QStringLiteral("<b>%1</b>").arg(e(figures(contract.amount)));
    if (contract.amount.currency() != domain::Money::defaultCurrency())
        text += QStringLiteral(" (%1)").arg(e(QCoreApplication::translate("ContractPrinting", "CNY equivalent %1 at finance's rate").arg(figures(contract.amountCny))));
    // Capitals are written for the CNY amount, the one vouchers and the ledger carry.
    return text + QStringLiteral("<br>") + e(QCoreApplication::translate("ContractPrinting", "In words: %1").arg(contract.amountCny.toChineseCapitals()));
}

QString stepRows(const ContractDetail &detail)
{
    QString rows;
    for (const domain::ApprovalStep &step : detail.route.steps()) {
        // Steps ahead are printed grey with their decision, comment and date left blank.
        const bool ahead = step.status == domain::ApprovalStep::Status::Waiting;
        const QString style = ahead ? QStringLiteral(" style=\"color:#999\"") : QString();
        for (const domain::StepApprover &approver : step.approvers) {
            QString who = e(detail.names.value(approver.approver));
            if (approver.decidedBy && *approver.decidedBy != approver.approver)
                who = e(detail.names.value(*approver.decidedBy)) + QStringLiteral("<br>")
                      + e(QCoreApplication::translate("ContractPrinting", "on behalf of %1").arg(detail.names.value(approver.approver)));
            QString decision = e(FormHtml::decisionText(approver.decision));
            if (!ahead && !approver.hasDecided() && step.status == domain::ApprovalStep::Status::Current)
                decision = e(QCoreApplication::translate("ContractPrinting", "Waiting"));
            rows += QStringLiteral("<tr%1><td>%2<br><span style=\"font-size:8pt;color:#555\">§%3</span></td><td>%4</td>"
                                   "<td>%5</td><td>%6</td><td>%7</td><td class=\"sign\"></td></tr>")
                        .arg(style, e(domain::contractStates().displayOfName(step.state)), e(step.clause), who, decision,
                             e(approver.comment), e(FormHtml::localTime(approver.decidedAt)));
        }
    }
    return rows;
}

} // namespace

PrintDocument ContractPrinting::approvalSheet(const ContractDetail &detail, const domain::CompanyProfile &company)
{
    const domain::Contract &contract = detail.contract;
    PrintDocument document;
    document.title = QCoreApplication::translate("ContractPrinting", "Contract Approval Sheet");
    document.companyName = company.name.trimmed();

    QString html = DocumentRenderer::letterhead(company);
    html += QStringLiteral("<h1>%1</h1>").arg(e(document.title));
    html += QStringLiteral("<p class=\"meta\">%1</p>")
                .arg(e(QCoreApplication::translate("ContractPrinting", "No. %1 · State: %2 · Revision %3 · §5.2, §5.3.1")
                           .arg(contract.number, domain::contractStates().display(contract.state))
                           .arg(contract.revision)));
    html += QStringLiteral("<table class=\"form\" width=\"100%\" cellspacing=\"0\" cellpadding=\"5\">");
    html += FormHtml::pairRow(QCoreApplication::translate("ContractPrinting", "Contract number"), e(contract.number), QCoreApplication::translate("ContractPrinting", "Customer"), e(contract.customerName));
    html += FormHtml::wideRow(QCoreApplication::translate("ContractPrinting", "Title"), e(contract.title));
    html += FormHtml::pairRow(QCoreApplication::translate("ContractPrinting", "Owner"), e(detail.ownerName), QCoreApplication::translate("ContractPrinting", "Drafter"), e(detail.drafterName));
    html += FormHtml::wideRow(QCoreApplication::translate("ContractPrinting", "Amount"), amountText(contract));
    html += FormHtml::pairRow(QCoreApplication::translate("ContractPrinting", "Currency"), e(contract.amount.currency()),
                              QCoreApplication::translate("ContractPrinting", "Amount in CNY"), e(figures(contract.amountCny)));
    html += FormHtml::pairRow(QCoreApplication::translate("ContractPrinting", "Start date"), e(dateText(contract.startDate)), QCoreApplication::translate("ContractPrinting", "End date"), e(dateText(contract.endDate)));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h2>%1</h2>").arg(e(QCoreApplication::translate("ContractPrinting", "Review and approval")));
    html += FormHtml::approvalTableStart();
    html += FormHtml::approvalTableRest(stepRows(detail), QCoreApplication::translate("ContractPrinting", "Drafter"), detail.drafterName);
    html += QStringLiteral("<p class=\"note\">%1</p>")
                .arg(e(QCoreApplication::translate("ContractPrinting", "The contract is signed only after every step above has approved it (§5.3.1); reviewers' "
                          "comments per clause are kept with the contract (§5.2).")));
    document.bodyHtml = html;
    return document;
}

} // namespace bizdesk::services
