#include "services/entertainment/ExpenseReport.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "storage/Transaction.h"
#include "storage/entertainment/ExpenseRepository.h"
#include "storage/identity/UserRepository.h"

#include <QCoreApplication>
#include <QMap>
#include <QRegularExpression>
#include <QTimeZone>

#include <tuple>

namespace bizdesk::services {
namespace {

using domain::Money;

QString e(const QString &text)
{
    return DocumentRenderer::escape(text);
}

} // namespace

ExpenseReportData ExpenseReport::build(const QString &periodText, const QString &department)
{
    m_session.require(domain::Action::ViewReports);
    ExpenseReportData data;
    data.period = ReportPeriod::parse(periodText);
    data.departmentFilter = department.trimmed();

    storage::Transaction transaction(m_session.database(), storage::Transaction::Mode::Read);
    storage::ExpenseFilter filter;
    filter.scope = storage::ExpenseFilter::Scope::All;
    filter.limit = 1000000;
    std::tie(filter.eventFrom, filter.eventTo) = m_session.calendar().storageRange(data.period);
    if (!data.departmentFilter.isEmpty())
        filter.department = storage::DepartmentRepository(m_session.database()).requireByName(data.departmentFilter).id;
    if (!m_session.may(domain::Action::ReadAllEntertainment)) {
        const auto own = m_session.user().departmentId;
        if (!own || (filter.department && *filter.department != *own))
            throw domain::Error::denied(QCoreApplication::translate("ExpenseReport",
                                                                    "You may see the expense report of your own department only."));
        filter.department = own;
    }
    const auto rows = storage::ExpenseRepository(m_session.database()).list(filter);
    transaction.commit();

    QMap<QString, QMap<QString, ExpenseReportLine>> byDepartment;
    for (const storage::ExpenseListRow &row : rows) {
        const auto &request = row.request;
        // Only requests that stand count: a rejected, withdrawn or cancelled estimate was never spent.
        using domain::ExpenseState;
        if (request.state == ExpenseState::Draft || request.state == ExpenseState::Withdrawn
            || request.state == ExpenseState::Rejected || request.state == ExpenseState::Cancelled)
            continue;
        const QString departmentName = row.departmentName.isEmpty() ? QStringLiteral("—") : row.departmentName;
        ExpenseReportLine &line = byDepartment[departmentName][row.applicantName];
        line.department = departmentName;
        line.person = row.applicantName;
        ++line.count;
        line.estimated = line.estimated + request.estimate;
        if (request.actual) {
            line.actual = line.actual + *request.actual;
            if (*request.actual > request.estimate)
                line.overrun = line.overrun + (*request.actual - request.estimate);
        }
        if (request.late)
            ++line.lateClaims;
    }
    ExpenseReportLine total;
    total.department = QCoreApplication::translate("ExpenseReport", "Total");
    for (auto department = byDepartment.cbegin(); department != byDepartment.cend(); ++department) {
        ExpenseReportLine subtotal;
        subtotal.department = department.key();
        for (const ExpenseReportLine &line : department.value()) {
            data.lines << line;
            for (ExpenseReportLine *sum : {&subtotal, &total}) {
                sum->count += line.count;
                sum->estimated = sum->estimated + line.estimated;
                sum->actual = sum->actual + line.actual;
                sum->overrun = sum->overrun + line.overrun;
                sum->lateClaims += line.lateClaims;
            }
        }
        data.lines << subtotal;
    }
    data.lines << total;
    return data;
}

ExportTable ExpenseReport::toTable(const ExpenseReportData &data)
{
    using Kind = ExportTable::ColumnKind;
    ExportTable table;
    table.sheetName = data.period.label;
    table.columns = {{QCoreApplication::translate("ExpenseReport", "Department"), Kind::Text},
                     {QCoreApplication::translate("ExpenseReport", "Person"), Kind::Text},
                     {QCoreApplication::translate("ExpenseReport", "Requests"), Kind::Integer},
                     {QCoreApplication::translate("ExpenseReport", "Estimated"), Kind::Money},
                     {QCoreApplication::translate("ExpenseReport", "Actual"), Kind::Money},
                     {QCoreApplication::translate("ExpenseReport", "Overrun"), Kind::Money},
                     {QCoreApplication::translate("ExpenseReport", "Late claims"), Kind::Integer}};
    for (const ExpenseReportLine &line : data.lines) {
        const QString person = line.person.isEmpty() ? QCoreApplication::translate("ExpenseReport", "Subtotal") : line.person;
        table.rows << QList<QVariant>{line.department,
                                      line.department == QCoreApplication::translate("ExpenseReport", "Total") && line.person.isEmpty()
                                          ? QString()
                                          : person,
                                      qint64(line.count), qint64(line.estimated.minorUnits()), qint64(line.actual.minorUnits()),
                                      qint64(line.overrun.minorUnits()), qint64(line.lateClaims)};
    }
    return table;
}

PrintDocument ExpenseReport::toDocument(const ExpenseReportData &data)
{
    PrintDocument document;
    document.title = QCoreApplication::translate("ExpenseReport", "Entertainment expense report %1").arg(data.period.label);
    const ExportTable table = toTable(data);
    QString html = QStringLiteral("<h1>%1</h1><p class=\"meta\">%2</p>")
                       .arg(e(document.title),
                            e(QCoreApplication::translate("ExpenseReport", "Events from %1 to %2%3 · §6.1, §6.4")
                                  .arg(data.period.first.toString(Qt::ISODate), data.period.last.toString(Qt::ISODate),
                                       data.departmentFilter.isEmpty() ? QString() : QStringLiteral(" · ") + data.departmentFilter)));
    html += QStringLiteral("<table class=\"form\" width=\"100%\" cellspacing=\"0\" cellpadding=\"4\"><tr>");
    for (int i = 0; i < table.columns.size(); ++i)
        html += QStringLiteral("<th%1>%2</th>").arg(i >= 2 ? QStringLiteral(" class=\"amount\"") : QString(), e(table.columns[i].title));
    html += QStringLiteral("</tr>");
    for (int r = 0; r < table.rows.size(); ++r) {
        const ExpenseReportLine &line = data.lines[r];
        const bool sum = line.person.isEmpty();
        html += sum ? QStringLiteral("<tr style=\"font-weight:bold;background-color:#f5f6f8\">") : QStringLiteral("<tr>");
        const auto &cells = table.rows[r];
        html += QStringLiteral("<td>%1</td><td>%2</td>").arg(e(cells[0].toString()), e(cells[1].toString()));
        html += QStringLiteral("<td class=\"amount\">%1</td>").arg(line.count);
        for (const Money &money : {line.estimated, line.actual, line.overrun})
            html += QStringLiteral("<td class=\"amount\">%1</td>").arg(e(money.toGroupedString()));
        html += QStringLiteral("<td class=\"amount\">%1</td></tr>").arg(line.lateClaims);
    }
    html += QStringLiteral("</table>");
    document.bodyHtml = html;
    return document;
}

void ExpenseReport::write(const ExpenseReportData &data, const QString &path)
{
    const QString lower = path.toLower();
    if (lower.endsWith(QLatin1String(".pdf")))
        DocumentRenderer::writePdf(toDocument(data), path, m_session.now());
    else if (lower.endsWith(QLatin1String(".html")) || lower.endsWith(QLatin1String(".htm")))
        DocumentRenderer::writeHtml(toDocument(data), path);
    else if (lower.endsWith(QLatin1String(".xlsx")) || lower.endsWith(QLatin1String(".csv")))
        TableExport::write(toTable(data), path);
    else
        throw domain::Error::invalid(QStringLiteral("out"), QCoreApplication::translate("ExpenseReport",
                                                                                        "out: write the report as .pdf, .html, "
                                                                                        ".xlsx or .csv."));
}

} // namespace bizdesk::services
