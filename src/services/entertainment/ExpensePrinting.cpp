#include "services/entertainment/ExpensePrinting.h"

#include "services/printing/FormHtml.h"

#include <QCoreApplication>

namespace bizdesk::services {
namespace {


QString e(const QString &text)
{
    return DocumentRenderer::escape(text);
}

QString stepRows(const ExpenseDetail &detail, const domain::Route &route)
{
    QString rows;
    for (const domain::ApprovalStep &step : route.steps()) {
        for (const domain::StepApprover &approver : step.approvers) {
            QString who = e(detail.names.value(approver.approver));
            if (approver.decidedBy && *approver.decidedBy != approver.approver)
                who = e(detail.names.value(*approver.decidedBy)) + QStringLiteral("<br>")
                      + e(QCoreApplication::translate("ExpensePrinting", "on behalf of %1").arg(detail.names.value(approver.approver)));
            // The signature cell stays empty: it is signed by hand on paper.
            rows += QStringLiteral("<tr><td>%1<br><span style=\"font-size:8pt;color:#555\">§%2</span></td><td>%3</td>"
                                   "<td>%4</td><td>%5</td><td>%6</td><td class=\"sign\"></td></tr>")
                        .arg(e(domain::expenseStepDisplayName(step.state)), e(step.clause), who, e(FormHtml::decisionText(approver.decision)),
                             e(approver.comment), e(FormHtml::localTime(approver.decidedAt)));
        }
    }
    return rows;
}

/// "¥2,400.00（人民币贰仟肆佰元整）": figures and capitals, as on a voucher.
QString amountText(const domain::Money &amount)
{
    return QStringLiteral("¥%1<br>%2").arg(e(amount.toGroupedString()), e(QCoreApplication::translate("ExpensePrinting", "In words: %1").arg(amount.toChineseCapitals())));
}

} // namespace

PrintDocument ExpensePrinting::applicationForm(const ExpenseDetail &detail, const domain::CompanyProfile &company)
{
    const domain::ExpenseRequest &request = detail.request();
    PrintDocument document;
    document.title = QCoreApplication::translate("ExpensePrinting", "Business Entertainment Application Form");
    document.companyName = company.name.trimmed();

    QString html = DocumentRenderer::letterhead(company);
    html += QStringLiteral("<h1>%1</h1>").arg(e(document.title));
    html += QStringLiteral("<p class=\"meta\">%1</p>")
                .arg(e(QCoreApplication::translate("ExpensePrinting", "No. %1 · State: %2 · §6.3.1")
                           .arg(request.id)
                           .arg(domain::expenseStateDisplayName(request.state))));
    html += QStringLiteral("<table class=\"form\" width=\"100%\" cellspacing=\"0\" cellpadding=\"5\">");
    html += FormHtml::pairRow(QCoreApplication::translate("ExpensePrinting", "Applicant"), e(detail.row.applicantName), QCoreApplication::translate("ExpensePrinting", "Department"), e(detail.row.departmentName));
    html += FormHtml::pairRow(QCoreApplication::translate("ExpensePrinting", "Category"), e(domain::expenseCategoryDisplayName(request.category)), QCoreApplication::translate("ExpensePrinting", "Date and time"),
                 e(request.eventAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    html += FormHtml::wideRow(QCoreApplication::translate("ExpensePrinting", "Reason"), e(request.reason));
    html += FormHtml::wideRow(QCoreApplication::translate("ExpensePrinting", "Place"), e(request.place));
    const QString staff = EntertainmentService::staffNames(detail);
    html += FormHtml::pairRow(QCoreApplication::translate("ExpensePrinting", "Company staff"), staff.isEmpty() ? QStringLiteral("—") : e(staff),
                 QCoreApplication::translate("ExpensePrinting", "Headcount"), QString::number(request.headcount));
    html += FormHtml::wideRow(QCoreApplication::translate("ExpensePrinting", "External guests"),
                 request.participants.isEmpty() ? QStringLiteral("—") : e(request.participants));
    QString customer = request.customerId ? e(detail.row.customerName) : QStringLiteral("—");
    if (request.customerClass == QLatin1String("key"))
        customer += QStringLiteral(" <span class=\"flag\">%1</span>").arg(e(QCoreApplication::translate("ExpensePrinting", "key customer")));
    html += FormHtml::pairRow(QCoreApplication::translate("ExpensePrinting", "Estimated cost"), amountText(request.estimate), QCoreApplication::translate("ExpensePrinting", "Customer"), customer);
    QString budget = e(QCoreApplication::translate("ExpensePrinting", "¥ %1 used of ¥ %2; with this request ¥ %3")
                           .arg(detail.budget.used.toGroupedString(), detail.budget.budget.toGroupedString(),
                                detail.budget.afterThis.toGroupedString()));
    if (request.overBudget)
        budget += QStringLiteral(" <span class=\"flag\">%1</span><br>%2")
                      .arg(e(QCoreApplication::translate("ExpensePrinting", "over budget")), e(request.overBudgetExplanation));
    html += FormHtml::wideRow(QCoreApplication::translate("ExpensePrinting", "Monthly budget (§6.1)"), budget);
    if (request.actual) {
        QString actual = amountText(*request.actual);
        if (request.overrun)
            actual += QStringLiteral(" <span class=\"flag\">%1</span>").arg(e(QCoreApplication::translate("ExpensePrinting", "overrun")));
        if (request.late)
            actual += QStringLiteral(" <span class=\"flag\">%1</span>").arg(e(QCoreApplication::translate("ExpensePrinting", "late claim")));
        html += FormHtml::pairRow(QCoreApplication::translate("ExpensePrinting", "Actual cost"), actual, QCoreApplication::translate("ExpensePrinting", "Receipts"), QString::number(request.receiptCount));
        if (!request.claimExplanation.isEmpty())
            html += FormHtml::wideRow(QCoreApplication::translate("ExpensePrinting", "Explanation"), e(request.claimExplanation));
    }
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h2>%1</h2>").arg(e(QCoreApplication::translate("ExpensePrinting", "Approvals")));
    html += FormHtml::approvalTableStart();
    html += FormHtml::approvalTableRest(stepRows(detail, detail.route) + stepRows(detail, detail.claimRoute),
                                        QCoreApplication::translate("ExpensePrinting", "Applicant"), detail.row.applicantName);
    html += QStringLiteral("<p class=\"note\">%1</p>")
                .arg(e(QCoreApplication::translate("ExpensePrinting", "The event may take place only after every approval step above is signed (§6.3.2). Claims "
                         "are filed with genuine, lawful receipts after the event (§6.4).")));
    document.bodyHtml = html;
    return document;
}

} // namespace bizdesk::services
