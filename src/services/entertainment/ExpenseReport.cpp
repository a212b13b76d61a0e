#include "services/entertainment/ExpenseReport.h"

#include "domain/Error.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/policy/PolicyService.h"
#include "services/printing/BarChart.h"
#include "services/printing/ReportFile.h"
#include "storage/Transaction.h"
#include "storage/entertainment/ExpenseRepository.h"
#include "storage/identity/UserRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMap>

#include <tuple>

namespace bizdesk::services {
namespace {

using domain::Money;

QString e(const QString &text)
{
    return DocumentRenderer::escape(text);
}

} // namespace

QList<ExpenseReportLine> ExpenseReportData::departments() const
{
    QList<ExpenseReportLine> subtotals;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (lines[i].isSum())
            subtotals << lines[i];
    }
    return subtotals;
}

ExpenseReportData ExpenseReport::build(const QString &periodText, const QString &department)
{
    m_session.require(domain::Action::ViewReports);
    ExpenseReportData data;
    data.period = ReportPeriod::parse(periodText);
    data.departmentFilter = department.trimmed();
    data.months = (data.period.last.year() - data.period.first.year()) * 12 + data.period.last.month()
                  - data.period.first.month() + 1;

    storage::Transaction transaction(m_session.database(), storage::Transaction::Mode::Read);
    storage::ExpenseFilter filter;
    filter.scope = storage::ExpenseFilter::Scope::All;
    filter.limit = 1000000;
    std::tie(filter.eventFrom, filter.eventTo) = m_session.calendar().storageRange(data.period);
    storage::DepartmentRepository departments(m_session.database());
    if (!data.departmentFilter.isEmpty())
        filter.department = departments.requireByName(data.departmentFilter).id;
    if (!m_session.may(domain::Action::ReadAllEntertainment)) {
        const auto own = m_session.user().departmentId;
        if (!own || (filter.department && *filter.department != *own))
            throw domain::Error::denied(QCoreApplication::translate("ExpenseReport",
                                                                    "You may see the expense report of your own department only."));
        filter.department = own;
    }
    const auto rows = storage::ExpenseRepository(m_session.database()).list(filter);
    const Money monthly = PolicyService(m_session).money(domain::policy::entertainmentMonthlyBudget);
    const Money periodBudget = Money::fromMinor(monthly.minorUnits() * data.months, monthly.currency());
    // Every department in scope has a budget line, spent or not.
    QMap<QString, QMap<QString, ExpenseReportLine>> byDepartment;
    QMap<QString, ExpenseReportLine> subtotals;
    for (const domain::Department &entry : departments.list()) {
        if (filter.department && entry.id != *filter.department)
            continue;
        ExpenseReportLine &subtotal = subtotals[entry.name];
        subtotal.department = entry.name;
        subtotal.budget = periodBudget;
        byDepartment[entry.name];
    }
    transaction.commit();

    for (const domain::ExpenseListRow &row : rows) {
        const auto &request = row.request;
        using domain::ExpenseState;
        const ExpenseState state = request.state;
        // Only requests that stand count: a rejected, withdrawn or cancelled estimate was never spent.
        if (state == ExpenseState::Draft || state == ExpenseState::Withdrawn || state == ExpenseState::Rejected
            || state == ExpenseState::Cancelled)
            continue;
        const QString departmentName = row.departmentName.isEmpty() ? QStringLiteral("—") : row.departmentName;
        ExpenseReportLine &line = byDepartment[departmentName][row.applicantName];
        line.department = departmentName;
        line.person = row.applicantName;
        ++line.count;
        line.estimated = line.estimated + request.estimate;
        // As the budget check counts (§6.1): a refused claim no longer draws on the budget.
        if (state != ExpenseState::ClaimRefused)
            line.used = line.used + request.actual.value_or(request.estimate);
        if (!domain::isPendingApproval(state))
            line.approvedEstimate = line.approvedEstimate + request.estimate;
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
    total.budget = Money::fromMinor(0, monthly.currency());
    for (auto department = byDepartment.cbegin(); department != byDepartment.cend(); ++department) {
        ExpenseReportLine subtotal = subtotals.value(department.key());
        subtotal.department = department.key();
        for (const ExpenseReportLine &line : department.value()) {
            data.lines << line;
            for (ExpenseReportLine *sum : {&subtotal, &total}) {
                sum->count += line.count;
                sum->estimated = sum->estimated + line.estimated;
                sum->used = sum->used + line.used;
                sum->approvedEstimate = sum->approvedEstimate + line.approvedEstimate;
                sum->actual = sum->actual + line.actual;
                sum->overrun = sum->overrun + line.overrun;
                sum->lateClaims += line.lateClaims;
            }
        }
        if (subtotal.budget)
            total.budget = *total.budget + *subtotal.budget;
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
    // The first seven columns are those of earlier versions; the budget columns follow them.
    table.columns = {{QCoreApplication::translate("ExpenseReport", "Department"), Kind::Text},
                     {QCoreApplication::translate("ExpenseReport", "Person"), Kind::Text},
                     {QCoreApplication::translate("ExpenseReport", "Requests"), Kind::Integer},
                     {QCoreApplication::translate("ExpenseReport", "Estimated"), Kind::Money},
                     {QCoreApplication::translate("ExpenseReport", "Actual"), Kind::Money},
                     {QCoreApplication::translate("ExpenseReport", "Overrun"), Kind::Money},
                     {QCoreApplication::translate("ExpenseReport", "Late claims"), Kind::Integer},
                     {QCoreApplication::translate("ExpenseReport", "Budget"), Kind::Money},
                     {QCoreApplication::translate("ExpenseReport", "Used"), Kind::Money},
                     {QCoreApplication::translate("ExpenseReport", "Remaining"), Kind::Money},
                     {QCoreApplication::translate("ExpenseReport", "Approved estimate"), Kind::Money}};
    const auto optionalMinor = [](const std::optional<Money> &money) {
        return money ? QVariant(qint64(money->minorUnits())) : QVariant();
    };
    for (qsizetype i = 0; i < data.lines.size(); ++i) {
        const ExpenseReportLine &line = data.lines[i];
        const bool isTotal = i + 1 == data.lines.size();
        const QString person = isTotal ? QString()
                               : line.isSum() ? QCoreApplication::translate("ExpenseReport", "Subtotal")
                                              : line.person;
        table.rows << QList<QVariant>{line.department,
                                      person,
                                      qint64(line.count),
                                      qint64(line.estimated.minorUnits()),
                                      qint64(line.actual.minorUnits()),
                                      qint64(line.overrun.minorUnits()),
                                      qint64(line.lateClaims),
                                      optionalMinor(line.budget),
                                      qint64(line.used.minorUnits()),
                                      optionalMinor(line.remaining()),
                                      qint64(line.approvedEstimate.minorUnits())};
    }
    return table;
}

QImage ExpenseReport::departmentChart(const ExpenseReportData &data)
{
    BarChart chart;
    chart.title = QCoreApplication::translate("ExpenseReport", "Budget and use by department, %1").arg(data.period.label);
    chart.limitLegend = QCoreApplication::translate("ExpenseReport", "Budget");
    chart.valueLegend = QCoreApplication::translate("ExpenseReport", "Used");
    for (const ExpenseReportLine &line : data.departments()) {
        const Money budget = line.budget.value_or(Money::fromMinor(0, line.used.currency()));
        chart.rows << BarChart::Row{line.department, double(budget.minorUnits()) / 100.0, double(line.used.minorUnits()) / 100.0,
                                    QStringLiteral("¥%1 / ¥%2").arg(line.used.toGroupedString(), budget.toGroupedString())};
    }
    return chart.render(480, 288);
}

PrintDocument ExpenseReport::toDocument(const ExpenseReportData &data)
{
    PrintDocument document;
    document.title = QCoreApplication::translate("ExpenseReport", "Entertainment expense report %1").arg(data.period.label);
    QString html = QStringLiteral("<h1>%1</h1><p class=\"meta\">%2</p>")
                       .arg(e(document.title),
                            e(QCoreApplication::translate("ExpenseReport", "Events from %1 to %2%3 · §6.1, §6.4")
                                  .arg(data.period.first.toString(Qt::ISODate), data.period.last.toString(Qt::ISODate),
                                       data.departmentFilter.isEmpty() ? QString() : QStringLiteral(" · ") + data.departmentFilter)));
    document.images << std::pair{QStringLiteral("chart-departments.png"), departmentChart(data)};
    html += QStringLiteral("<p align=\"center\"><img src=\"chart-departments.png\" width=\"640\"></p>");

    const QString headers[] = {QCoreApplication::translate("ExpenseReport", "Department"),
                               QCoreApplication::translate("ExpenseReport", "Person"),
                               QCoreApplication::translate("ExpenseReport", "Requests"),
                               QCoreApplication::translate("ExpenseReport", "Budget"),
                               QCoreApplication::translate("ExpenseReport", "Used"),
                               QCoreApplication::translate("ExpenseReport", "Remaining"),
                               QCoreApplication::translate("ExpenseReport", "Approved estimate"),
                               QCoreApplication::translate("ExpenseReport", "Actual"),
                               QCoreApplication::translate("ExpenseReport", "Overrun"),
                               QCoreApplication::translate("ExpenseReport", "Late claims")};
    const auto table = [&](const QString &heading, bool people) {
        QString part = QStringLiteral("<h2>%1</h2><table class=\"form\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\"><tr>")
                           .arg(e(heading));
        // Budgets are the departments': the person table leaves budget and remaining out.
        const auto shown = [people](int column) { return people ? column != 3 && column != 5 : column != 1; };
        for (int i = 0; i < 10; ++i) {
            if (!shown(i))
                continue;
            part += QStringLiteral("<th%1>%2</th>").arg(i >= 2 ? QStringLiteral(" class=\"amount\"") : QString(), e(headers[i]));
        }
        part += QStringLiteral("</tr>");
        for (qsizetype r = 0; r < data.lines.size(); ++r) {
            const ExpenseReportLine &line = data.lines[r];
            const bool isTotal = r + 1 == data.lines.size();
            if (people ? (line.isSum() && !isTotal) : (!line.isSum()))
                continue;
            part += isTotal ? QStringLiteral("<tr style=\"font-weight:bold;background-color:#f5f6f8\">") : QStringLiteral("<tr>");
            part += QStringLiteral("<td>%1</td>").arg(e(line.department));
            if (people)
                part += QStringLiteral("<td>%1</td>").arg(e(line.person));
            part += QStringLiteral("<td class=\"amount\">%1</td>").arg(line.count);
            const auto cell = [](const std::optional<Money> &money) {
                return QStringLiteral("<td class=\"amount\">%1</td>").arg(money ? e(money->toGroupedString()) : QString());
            };
            const std::optional<Money> remaining = line.remaining();
            const bool over = remaining && remaining->minorUnits() < 0;
            if (shown(3))
                part += cell(line.budget);
            part += cell(line.used);
            if (shown(5))
                part += over ? QStringLiteral("<td class=\"amount\"><span class=\"flag\">%1</span></td>").arg(e(remaining->toGroupedString()))
                             : cell(remaining);
            part += cell(line.approvedEstimate) + cell(line.actual) + cell(line.overrun);
            part += QStringLiteral("<td class=\"amount\">%1</td></tr>").arg(line.lateClaims);
        }
        return part + QStringLiteral("</table>");
    };
    html += table(QCoreApplication::translate("ExpenseReport", "By department"), false);
    html += table(QCoreApplication::translate("ExpenseReport", "By person"), true);
    html += QStringLiteral("<p class=\"note\">%1</p>")
                .arg(e(QCoreApplication::translate("ExpenseReport",
                                                   "Budget: the monthly department budget × %n month(s). Used: the actual cost "
                                                   "once claimed, else the estimate. Drafts and rejected, withdrawn or cancelled "
                                                   "requests count in no total.",
                                                   nullptr, data.months)));
    document.bodyHtml = html;
    return document;
}

QJsonObject ExpenseReport::toJson(const ExpenseReportData &data)
{
    const auto lineJson = [](const ExpenseReportLine &line) {
        QJsonObject object{{QStringLiteral("department"), line.department},
                           {QStringLiteral("requests"), line.count},
                           {QStringLiteral("estimated"), line.estimated.toDecimalString()},
                           {QStringLiteral("used"), line.used.toDecimalString()},
                           {QStringLiteral("approved_estimate"), line.approvedEstimate.toDecimalString()},
                           {QStringLiteral("actual"), line.actual.toDecimalString()},
                           {QStringLiteral("overrun"), line.overrun.toDecimalString()},
                           {QStringLiteral("late_claims"), line.lateClaims}};
        if (line.budget) {
            object.insert(QStringLiteral("budget"), line.budget->toDecimalString());
            object.insert(QStringLiteral("remaining"), line.remaining()->toDecimalString());
        }
        if (!line.isSum())
            object.insert(QStringLiteral("person"), line.person);
        return object;
    };
    QJsonObject object = lineJson(data.total());
    object.remove(QStringLiteral("department"));
    object.insert(QStringLiteral("period"), data.period.label);
    QJsonArray departments;
    QJsonArray people;
    for (qsizetype i = 0; i + 1 < data.lines.size(); ++i)
        (data.lines[i].isSum() ? departments : people).append(lineJson(data.lines[i]));
    object.insert(QStringLiteral("departments"), departments);
    object.insert(QStringLiteral("people"), people);
    return object;
}

void ExpenseReport::write(const ExpenseReportData &data, const QString &path)
{
    ReportFile::write(path, [&] { return toDocument(data); }, [&] { return toTable(data); }, m_session.now());
}

} // namespace bizdesk::services
