#include "services/entertainment/ExpensePrinting.h"

#include "domain/Clock.h"

#include <QCoreApplication>

namespace bizdesk::services {
namespace {


QString e(const QString &text)
{
    return DocumentRenderer::escape(text);
}

QString row2(const QString &label1, const QString &value1, const QString &label2, const QString &value2)
{
    return QStringLiteral("<tr><td class=\"label\">%1</td><td>%2</td><td class=\"label\">%3</td><td>%4</td></tr>")
        .arg(e(label1), value1, e(label2), value2);
}

QString row1(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td class=\"label\">%1</td><td colspan=\"3\">%2</td></tr>").arg(e(label), value);
}

QString decisionText(const QString &decision)
{
    if (decision == QLatin1String("approved"))
        return QCoreApplication::translate("ExpensePrinting", "Approved");
    if (decision == QLatin1String("returned"))
        return QCoreApplication::translate("ExpensePrinting", "Returned");
    if (decision == QLatin1String("rejected"))
        return QCoreApplication::translate("ExpensePrinting", "Rejected");
    return QString();
}

QString localTime(const QString &storage)
{
    const QDateTime at = domain::fromStorageTimestamp(storage);
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
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
                        .arg(e(domain::expenseStepDisplayName(step.state)), e(step.clause), who, e(decisionText(approver.decision)),
                             e(approver.comment), e(localTime(approver.decidedAt)));
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
    html += row2(QCoreApplication::translate("ExpensePrinting", "Applicant"), e(detail.row.applicantName), QCoreApplication::translate("ExpensePrinting", "Department"), e(detail.row.departmentName));
    html += row2(QCoreApplication::translate("ExpensePrinting", "Category"), e(domain::expenseCategoryDisplayName(request.category)), QCoreApplication::translate("ExpensePrinting", "Date and time"),
                 e(request.eventAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    html += row1(QCoreApplication::translate("ExpensePrinting", "Reason"), e(request.reason));
    html += row1(QCoreApplication::translate("ExpensePrinting", "Place"), e(request.place));
    const QString staff = EntertainmentService::staffNames(detail);
    html += row2(QCoreApplication::translate("ExpensePrinting", "Company staff"), staff.isEmpty() ? QStringLiteral("—") : e(staff),
                 QCoreApplication::translate("ExpensePrinting", "Headcount"), QString::number(request.headcount));
    html += row1(QCoreApplication::translate("ExpensePrinting", "External guests"),
                 request.participants.isEmpty() ? QStringLiteral("—") : e(request.participants));
    QString customer = request.customerId ? e(detail.row.customerName) : QStringLiteral("—");
    if (request.customerClass == QLatin1String("key"))
        customer += QStringLiteral(" <span class=\"flag\">%1</span>").arg(e(QCoreApplication::translate("ExpensePrinting", "key customer")));
    html += row2(QCoreApplication::translate("ExpensePrinting", "Estimated cost"), amountText(request.estimate), QCoreApplication::translate("ExpensePrinting", "Customer"), customer);
    QString budget = e(QCoreApplication::translate("ExpensePrinting", "¥ %1 used of ¥ %2; with this request ¥ %3")
                           .arg(detail.budget.used.toGroupedString(), detail.budget.budget.toGroupedString(),
                                detail.budget.afterThis.toGroupedString()));
    if (request.overBudget)
        budget += QStringLiteral(" <span class=\"flag\">%1</span><br>%2")
                      .arg(e(QCoreApplication::translate("ExpensePrinting", "over budget")), e(request.overBudgetExplanation));
    html += row1(QCoreApplication::translate("ExpensePrinting", "Monthly budget (§6.1)"), budget);
    if (request.actual) {
        QString actual = amountText(*request.actual);
        if (request.overrun)
            actual += QStringLiteral(" <span class=\"flag\">%1</span>").arg(e(QCoreApplication::translate("ExpensePrinting", "overrun")));
        if (request.late)
            actual += QStringLiteral(" <span class=\"flag\">%1</span>").arg(e(QCoreApplication::translate("ExpensePrinting", "late claim")));
        html += row2(QCoreApplication::translate("ExpensePrinting", "Actual cost"), actual, QCoreApplication::translate("ExpensePrinting", "Receipts"), QString::number(request.receiptCount));
        if (!request.claimExplanation.isEmpty())
            html += row1(QCoreApplication::translate("ExpensePrinting", "Explanation"), e(request.claimExplanation));
    }
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h2>%1</h2>").arg(e(QCoreApplication::translate("ExpensePrinting", "Approvals")));
    html += QStringLiteral("<table class=\"form\" width=\"100%\" cellspacing=\"0\" cellpadding=\"5\"><tr><th width=\"23%\">%1</th>"
                           "<th width=\"12%\">%2</th><th width=\"12%\">%3</th><th>%4</th><th width=\"14%\">%5</th><th width=\"14%\">%6</th></tr>")
                .arg(e(QCoreApplication::translate("ExpensePrinting", "Step")), e(QCoreApplication::translate("ExpensePrinting", "Approver")),
                     e(QCoreApplication::translate("ExpensePrinting", "Decision")), e(QCoreApplication::translate("ExpensePrinting", "Comment")),
                     e(QCoreApplication::translate("ExpensePrinting", "Date")), e(QCoreApplication::translate("ExpensePrinting", "Signature")));
    QString rows = stepRows(detail, detail.route) + stepRows(detail, detail.claimRoute);
    if (rows.isEmpty())
        rows = QStringLiteral("<tr><td colspan=\"6\">%1</td></tr>").arg(e(QCoreApplication::translate("ExpensePrinting", "Not submitted yet.")));
    rows += QStringLiteral("<tr><td>%1</td><td colspan=\"2\">%2</td><td class=\"label\" colspan=\"2\">%3</td><td class=\"sign\"></td></tr>")
                .arg(e(QCoreApplication::translate("ExpensePrinting", "Applicant")), e(detail.row.applicantName),
                     e(QCoreApplication::translate("ExpensePrinting", "Signature and date")));
    html += rows + QStringLiteral("</table>");
    html += QStringLiteral("<p class=\"note\">%1</p>")
                .arg(e(QCoreApplication::translate("ExpensePrinting", "The event may take place only after every approval step above is signed (§6.3.2). Claims "
                         "are filed with genuine, lawful receipts after the event (§6.4).")));
    document.bodyHtml = html;
    return document;
}

} // namespace bizdesk::services
