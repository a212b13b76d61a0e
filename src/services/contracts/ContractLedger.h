#pragma once

#include "domain/Money.h"
#include "domain/calendar/BusinessCalendar.h"
#include "domain/contracts/ContractWorkflow.h"
#include "services/exchange/TableExport.h"
#include "services/printing/DocumentRenderer.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace bizdesk::services {

class Session;

/// One contract of the ledger, its money in CNY (at the contract's own rate, see domain::ContractCny).
struct ContractLedgerLine
{
    qint64 id = 0;
    QString number;
    QString customer;
    QString title;
    QString owner;
    domain::ContractState state = domain::ContractState::Effective;
    QDate signedOn;
    QDate startDate;
    QDate endDate;
    domain::Money originalAmount; ///< in the contract's currency
    domain::Money amount;         ///< CNY
    domain::Money received;       ///< CNY, every payment booked so far
    domain::Money outstanding;    ///< CNY, amount − received
    domain::Money overdue;        ///< CNY, the unpaid parts of installments past their due date
};

struct ContractLedgerData
{
    domain::BusinessPeriod period;
    QString companyName; ///< heads every page
    QDate asOf; ///< the business date received, outstanding and overdue are counted at
    QList<ContractLedgerLine> lines; ///< in signing order
    ContractLedgerLine total;        ///< sums of the money columns; number empty
};

/// The contract ledger (合同台账, §5.6): the contracts signed in a month, quarter or year that the
/// user may see, with amount, received, outstanding and overdue in CNY, and a totals row.
class ContractLedger
{
public:
    explicit ContractLedger(Session &session) : m_session(session) {}

    /// `period`: "2026", "2026-Q3" or "2026-09" (invalid("period") otherwise).
    ContractLedgerData build(const QString &period);
    static ExportTable toTable(const ContractLedgerData &data);
    static PrintDocument toDocument(const ContractLedgerData &data);
    /// `report contracts --json`: the totals, the period and the lines; amounts two-decimal strings.
    static QJsonObject toJson(const ContractLedgerData &data);
    /// .pdf, .html, .xlsx or .csv by extension; invalid("out") otherwise.
    void write(const ContractLedgerData &data, const QString &path);

private:
    Session &m_session;
};

} // namespace bizdesk::services
