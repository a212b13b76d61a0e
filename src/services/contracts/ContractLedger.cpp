#include "services/contracts/ContractLedger.h"

#include "domain/contracts/ReceivableAging.h"
#include "services/Session.h"
#include "services/company/CompanyService.h"
#include "services/contracts/ContractVisibility.h"
#include "services/printing/ReportFile.h"
#include "storage/Transaction.h"
#include "storage/contracts/ContractLedgerRepository.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace bizdesk::services {
namespace {

using domain::Money;

QString e(const QString &text)
{
    return DocumentRenderer::escape(text);
}

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

ContractLedgerLine lineOf(const storage::ContractLedgerEntry &entry, const QDate &today)
{
    ContractLedgerLine line;
    line.id = entry.id;
    line.number = entry.number;
    line.customer = entry.customerName;
    line.title = entry.title;
    line.owner = entry.ownerName;
    line.state = entry.state;
    line.signedOn = entry.signedOn;
    line.startDate = entry.startDate;
    line.endDate = entry.endDate;
    line.originalAmount = entry.amount;
    const auto cny = [&](const Money &part) { return domain::ContractCny::of(part, entry.amount, entry.amountCny); };
    // Received comes from all payments (some name no installment); overdue from the plan alone.
    const Money overdue = domain::ReceivableRules::balance(entry.amount, entry.plan, {}, today).overdue;
    line.amount = entry.amountCny;
    line.received = cny(entry.received);
    line.outstanding = line.amount - line.received;
    line.overdue = cny(overdue);
    return line;
}

const char *const columnTitles[] = {
    QT_TRANSLATE_NOOP("ContractLedger", "Number"),   QT_TRANSLATE_NOOP("ContractLedger", "Customer"),
    QT_TRANSLATE_NOOP("ContractLedger", "Title"),    QT_TRANSLATE_NOOP("ContractLedger", "Owner"),
    QT_TRANSLATE_NOOP("ContractLedger", "State"),    QT_TRANSLATE_NOOP("ContractLedger", "Signed on"),
    QT_TRANSLATE_NOOP("ContractLedger", "Starts on"), QT_TRANSLATE_NOOP("ContractLedger", "Ends on"),
    QT_TRANSLATE_NOOP("ContractLedger", "Amount (CNY)"), QT_TRANSLATE_NOOP("ContractLedger", "Received"),
    QT_TRANSLATE_NOOP("ContractLedger", "Outstanding"),  QT_TRANSLATE_NOOP("ContractLedger", "Overdue")};
constexpr int moneyColumns = 8; // the columns from here on are amounts

QString columnTitle(int column)
{
    return QCoreApplication::translate("ContractLedger", columnTitles[column]);
}

} // namespace

ContractLedgerData ContractLedger::build(const QString &periodText)
{
    m_session.require(domain::Action::ReadContracts);
    ContractLedgerData data;
    data.period = domain::BusinessPeriod::parse(periodText);
    data.asOf = m_session.today();
    data.companyName = CompanyService(m_session).profile().name.trimmed();
    storage::ContractFilter visibility;
    ContractVisibility::restrict(m_session, visibility);
    storage::Transaction transaction(m_session.database(), storage::Transaction::Mode::Read);
    const auto entries = storage::ContractLedgerRepository(m_session.database()).signedBetween(visibility, data.period.first, data.period.last);
    transaction.commit();

    ContractLedgerLine &total = data.total;
    total.customer = QCoreApplication::translate("ContractLedger", "Total");
    for (const storage::ContractLedgerEntry &entry : entries) {
        const ContractLedgerLine line = lineOf(entry, data.asOf);
        total.amount = total.amount + line.amount;
        total.received = total.received + line.received;
        total.outstanding = total.outstanding + line.outstanding;
        total.overdue = total.overdue + line.overdue;
        data.lines << line;
    }
    return data;
}

ExportTable ContractLedger::toTable(const ContractLedgerData &data)
{
    using Kind = ExportTable::ColumnKind;
    ExportTable table;
    table.sheetName = data.period.label;
    for (int column = 0; column < 12; ++column) {
        const Kind kind = column >= moneyColumns ? Kind::Money : column >= 5 ? Kind::Date : Kind::Text;
        table.columns << ExportTable::Column{columnTitle(column), kind};
    }
    const auto date = [](const QDate &value) { return value.isValid() ? QVariant(value) : QVariant(); };
    const auto minor = [](const Money &money) { return QVariant(qint64(money.minorUnits())); };
    const auto add = [&](const ContractLedgerLine &line, const QString &state) {
        table.rows << QList<QVariant>{line.number, line.customer, line.title, line.owner, state, date(line.signedOn),
                                      date(line.startDate), date(line.endDate), minor(line.amount), minor(line.received),
                                      minor(line.outstanding), minor(line.overdue)};
    };
    for (const ContractLedgerLine &line : data.lines)
        add(line, domain::contractStates().display(line.state));
    add(data.total, QString());
    return table;
}

PrintDocument ContractLedger::toDocument(const ContractLedgerData &data)
{
    PrintDocument document;
    document.title = QCoreApplication::translate("ContractLedger", "Contract ledger %1").arg(data.period.label);
    document.landscape = true;
    document.companyName = data.companyName;
    QString html = QStringLiteral("<h1>%1</h1><p class=\"meta\">%2</p>")
                       .arg(e(document.title),
                            e(QCoreApplication::translate("ContractLedger", "Contracts signed from %1 to %2 · amounts in CNY · "
                                                                            "received and overdue as of %3 · §5.4, §5.6")
                                  .arg(data.period.first.toString(Qt::ISODate), data.period.last.toString(Qt::ISODate),
                                       data.asOf.toString(Qt::ISODate))));
    html += QStringLiteral("<table class=\"form\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" style=\"font-size:8pt\"><tr>");
    for (int column = 0; column < 12; ++column)
        html += QStringLiteral("<th%1>%2</th>").arg(column >= moneyColumns ? QStringLiteral(" class=\"amount\"") : QString(), e(columnTitle(column)));
    html += QStringLiteral("</tr>");
    const auto row = [&](const ContractLedgerLine &line, const QString &state, bool isTotal) {
        QString cells = isTotal ? QStringLiteral("<tr style=\"font-weight:bold;background-color:#f5f6f8\">") : QStringLiteral("<tr>");
        QString title = e(line.title);
        if (line.originalAmount.currency() != Money::defaultCurrency() && !isTotal)
            title += QStringLiteral("<br>%1 %2").arg(e(line.originalAmount.currency()), e(line.originalAmount.toGroupedString()));
        // Numbers, dates and amounts never break inside; names and titles wrap.
        const QString keep = QStringLiteral("<td style=\"white-space:nowrap\">%1</td>");
        const QString wrap = QStringLiteral("<td>%1</td>");
        cells += keep.arg(e(line.number)) + wrap.arg(e(line.customer)) + wrap.arg(title) + wrap.arg(e(line.owner)) + wrap.arg(e(state));
        for (const QDate &date : {line.signedOn, line.startDate, line.endDate})
            cells += keep.arg(e(dateText(date)));
        const QString amount = QStringLiteral("<td class=\"amount\" style=\"white-space:nowrap\">%1</td>");
        for (const Money &money : {line.amount, line.received, line.outstanding})
            cells += amount.arg(e(money.toGroupedString()));
        const bool overdue = line.overdue.minorUnits() > 0;
        cells += amount.arg(overdue ? QStringLiteral("<span class=\"flag\">%1</span>").arg(e(line.overdue.toGroupedString()))
                                    : e(line.overdue.toGroupedString()));
        return cells + QStringLiteral("</tr>");
    };
    for (const ContractLedgerLine &line : data.lines)
        html += row(line, domain::contractStates().display(line.state), false);
    html += row(data.total, QCoreApplication::translate("ContractLedger", "%n contract(s)", nullptr, int(data.lines.size())), true);
    html += QStringLiteral("</table>");
    if (data.lines.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(e(QCoreApplication::translate("ContractLedger", "No contract was signed in this period.")));
    html += QStringLiteral("<p class=\"note\">%1</p>")
                .arg(e(QCoreApplication::translate("ContractLedger",
                                                   "Amounts in other currencies are converted at the rate finance kept on the "
                                                   "drafting day (the amount in CNY the contract carries). Overdue: installments "
                                                   "of the receivable plan past their due date and not yet received.")));
    document.bodyHtml = html;
    return document;
}

QJsonObject ContractLedger::toJson(const ContractLedgerData &data)
{
    const auto money = [](const ContractLedgerLine &line, QJsonObject object) {
        object.insert(QStringLiteral("amount"), line.amount.toDecimalString());
        object.insert(QStringLiteral("received"), line.received.toDecimalString());
        object.insert(QStringLiteral("outstanding"), line.outstanding.toDecimalString());
        object.insert(QStringLiteral("overdue"), line.overdue.toDecimalString());
        return object;
    };
    QJsonArray lines;
    for (const ContractLedgerLine &line : data.lines) {
        lines.append(money(line, {{QStringLiteral("id"), line.id},
                                  {QStringLiteral("number"), line.number},
                                  {QStringLiteral("customer"), line.customer},
                                  {QStringLiteral("title"), line.title},
                                  {QStringLiteral("owner"), line.owner},
                                  {QStringLiteral("state"), domain::contractStates().name(line.state)},
                                  {QStringLiteral("signed_on"), dateText(line.signedOn)},
                                  {QStringLiteral("start"), dateText(line.startDate)},
                                  {QStringLiteral("end"), dateText(line.endDate)},
                                  {QStringLiteral("currency"), line.originalAmount.currency()},
                                  {QStringLiteral("original_amount"), line.originalAmount.toDecimalString()}}));
    }
    return money(data.total, {{QStringLiteral("period"), data.period.label},
                              {QStringLiteral("as_of"), data.asOf.toString(Qt::ISODate)},
                              {QStringLiteral("contracts"), int(data.lines.size())},
                              {QStringLiteral("lines"), lines}});
}

void ContractLedger::write(const ContractLedgerData &data, const QString &path)
{
    ReportFile::write(path, [&] { return toDocument(data); }, [&] { return toTable(data); }, m_session.now());
}

} // namespace bizdesk::services
