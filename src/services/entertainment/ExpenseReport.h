#pragma once

#include "domain/Money.h"
#include "domain/calendar/BusinessCalendar.h"
#include "services/exchange/TableExport.h"
#include "services/printing/DocumentRenderer.h"

#include <QDate>
#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace bizdesk::services {

class Session;

/// A reporting period: a year ("2026"), a quarter ("2026-Q4") or a month ("2026-11"), in
/// business dates of the company's calendar.
using ReportPeriod = domain::BusinessPeriod;

/// One line of the entertainment expense report: a person in a department, a department's
/// subtotal, or the total. Rejected, withdrawn and cancelled requests and drafts count nowhere.
struct ExpenseReportLine
{
    QString department;
    QString person; ///< empty for the department subtotal and the total
    int count = 0;  ///< requests that stand (not drafts, rejected, withdrawn or cancelled ones)
    domain::Money estimated;
    /// The department's budget for the period (monthly budget × months, §6.1); for the total the
    /// sum over the departments shown; none for a person.
    std::optional<domain::Money> budget;
    domain::Money used;             ///< what counts against the budget: actual once claimed, else the estimate
    domain::Money approvedEstimate; ///< estimates of requests that were approved (§6.3.2)
    domain::Money actual;           ///< claimed so far
    domain::Money overrun;          ///< actual above estimate, summed over claims
    int lateClaims = 0;
    /// budget − used (negative when over); none for a person.
    std::optional<domain::Money> remaining() const
    {
        return budget ? std::optional<domain::Money>(*budget - used) : std::nullopt;
    }
    bool isSum() const { return person.isEmpty(); }
};

struct ExpenseReportData
{
    ReportPeriod period;
    QString departmentFilter;
    QList<ExpenseReportLine> lines; ///< per person, each department followed by its subtotal, then the total
    int months = 1;                 ///< months in the period (budget = monthly budget × months)

    const ExpenseReportLine &total() const { return lines.last(); }
    /// The subtotal lines, one per department.
    QList<ExpenseReportLine> departments() const;
};

/// Entertainment expenses per month/quarter/year by department and person (§6.1, §6.4).
class ExpenseReport
{
public:
    explicit ExpenseReport(Session &session) : m_session(session) {}

    /// Managers see their own department; director, executive and finance all.
    ExpenseReportData build(const QString &period, const QString &department = {});
    static ExportTable toTable(const ExpenseReportData &data);
    static PrintDocument toDocument(const ExpenseReportData &data);
    /// Budget and use by department, drawn with QPainter (the PDF and the GUI show it).
    static QImage departmentChart(const ExpenseReportData &data);
    /// The report's JSON for `report expenses` (totals at the top level as before, plus budget
    /// columns and the lines by department and by person).
    static QJsonObject toJson(const ExpenseReportData &data);
    /// .pdf, .html, .xlsx or .csv by extension; throws invalid("out") otherwise.
    void write(const ExpenseReportData &data, const QString &path);

private:
    Session &m_session;
};

} // namespace bizdesk::services
