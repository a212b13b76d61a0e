#pragma once

#include "domain/Money.h"
#include "domain/calendar/BusinessCalendar.h"
#include "services/exchange/TableExport.h"
#include "services/printing/DocumentRenderer.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace bizdesk::services {

class Session;

/// A reporting period: a year ("2026"), a quarter ("2026-Q4") or a month ("2026-11"), in
/// business dates of the company's calendar.
using ReportPeriod = domain::BusinessPeriod;

/// One line of the entertainment expense report: a person in a department, or a subtotal.
struct ExpenseReportLine
{
    QString department;
    QString person; ///< empty for the department subtotal
    int count = 0;  ///< requests that stand (not drafts, rejected, withdrawn or cancelled ones)
    domain::Money estimated;
    domain::Money actual;  ///< claimed so far
    domain::Money overrun; ///< actual above estimate, summed over claims
    int lateClaims = 0;
};

struct ExpenseReportData
{
    ReportPeriod period;
    QString departmentFilter;
    QList<ExpenseReportLine> lines; ///< per person, each department followed by its subtotal, then the total
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
    /// .pdf, .html, .xlsx or .csv by extension; throws invalid("out") otherwise.
    void write(const ExpenseReportData &data, const QString &path);

private:
    Session &m_session;
};

} // namespace bizdesk::services
