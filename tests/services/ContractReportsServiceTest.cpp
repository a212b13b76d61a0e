// The contract ledger (合同台账), the receivables view with aging and the approval sheet (§5.2,
// §5.4, §5.6) on both backends: figures in CNY, visibility, windows in due order, band totals,
// and the plans of their queries.
#include "domain/Error.h"
#include "services/contracts/ContractExecutionService.h"
#include "services/contracts/ContractLedger.h"
#include "services/contracts/ContractPrinting.h"
#include "services/contracts/ContractReceivables.h"
#include "services/contracts/ContractService.h"
#include "services/contracts/ContractVisibility.h"
#include "services/customers/CustomerService.h"
#include "storage/contracts/ContractLedgerRepository.h"
#include "storage/contracts/OpenReceivableRepository.h"
#include "support/ContractSamples.h"
#include "support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;
using bizdesk::testing::BackendTest;
using domain::AgingBand;

namespace {

class ContractReportsServiceTest : public BackendTest
{
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        if (!m_database)
            return;
        services::NewCustomer customer;
        customer.name = u"华东精密制造有限公司"_s;
        customer.customerClass = u"key"_s;
        m_customer = services::CustomerService(as(u"manager1"_s)).add(customer).id;
    }

    /// A contract taken through review and signed on `signedOn` (sales1 owns it).
    domain::Contract effective(const QString &amount, const QString &currency, const QDate &signedOn, const QString &title)
    {
        return bizdesk::testing::effectiveContract([this](const QString &login) -> services::Session & { return as(login); },
                                                   m_customer, amount, signedOn, title, currency);
    }

    qint64 m_customer = 0;
};

qint64 fen(const domain::Money &money)
{
    return money.minorUnits();
}

} // namespace

TEST_P(ContractReportsServiceTest, ledger_lists_the_contracts_signed_in_the_period_in_cny)
{
    services::ContractService(as(u"finance"_s)).setExchangeRate(u"USD"_s, u"7.1"_s);
    const domain::Contract cny = effective(u"120000"_s, {}, QDate(2026, 10, 15), u"ERP 实施服务合同"_s);
    const domain::Contract usd = effective(u"10000"_s, u"USD"_s, QDate(2026, 11, 1), u"Export service"_s);
    effective(u"5000"_s, {}, QDate(2026, 6, 30), u"上季度合同"_s); // signed before Q4: not in the ledger
    services::ContractExecutionService execution(as(u"manager1"_s));
    const qint64 first = execution.addReceivable(cny.id, QDate(2026, 10, 20), u"50000"_s);  // 13 days late
    execution.addReceivable(cny.id, QDate(2026, 12, 20), u"70000"_s);                        // not yet due
    const qint64 dollars = execution.addReceivable(usd.id, QDate(2026, 8, 1), u"4000"_s);    // 93 days late
    services::ContractExecutionService finance(as(u"finance"_s));
    finance.recordPayment(cny.id, QDate(2026, 10, 25), u"30000"_s, first, u"bank transfer"_s);
    finance.recordPayment(cny.id, QDate(2026, 10, 26), u"5000"_s, std::nullopt, u"cash"_s); // against no installment
    finance.recordPayment(usd.id, QDate(2026, 10, 1), u"1000"_s, dollars, u"wire"_s);

    const services::ContractLedgerData ledger = services::ContractLedger(as(u"director"_s)).build(u"2026-Q4"_s);
    ASSERT_EQ(ledger.lines.size(), 2);
    const services::ContractLedgerLine &a = ledger.lines[0];
    EXPECT_EQ(a.number, cny.number) << "signing order";
    EXPECT_EQ(fen(a.amount), 12000000);
    EXPECT_EQ(fen(a.received), 3500000);
    EXPECT_EQ(fen(a.outstanding), 8500000);
    EXPECT_EQ(fen(a.overdue), 2000000) << "50,000 due on 10-20 less the 30,000 paid against it";
    EXPECT_EQ(a.signedOn, QDate(2026, 10, 15));
    EXPECT_EQ(a.owner, u"王小明"_s);
    const services::ContractLedgerLine &b = ledger.lines[1];
    EXPECT_EQ(fen(b.amount), 7100000) << "10,000 USD at 7.1";
    EXPECT_EQ(fen(b.received), 710000);
    EXPECT_EQ(fen(b.outstanding), 6390000);
    EXPECT_EQ(fen(b.overdue), 2130000);
    EXPECT_EQ(b.originalAmount.currency(), u"USD"_s);
    EXPECT_EQ(fen(ledger.total.amount), 19100000);
    EXPECT_EQ(fen(ledger.total.received), 4210000);
    EXPECT_EQ(fen(ledger.total.outstanding), 14890000);
    EXPECT_EQ(fen(ledger.total.overdue), 4130000);

    const services::ContractLedgerData october = services::ContractLedger(as(u"director"_s)).build(u"2026-10"_s);
    ASSERT_EQ(october.lines.size(), 1);
    EXPECT_EQ(services::ContractLedger(as(u"director"_s)).build(u"2026"_s).lines.size(), 3);

    // The table the .xlsx/.csv get: twelve columns, a totals row.
    const services::ExportTable table = services::ContractLedger::toTable(ledger);
    EXPECT_EQ(table.columns.size(), 12);
    ASSERT_EQ(table.rows.size(), 3);
    EXPECT_EQ(table.rows.last()[8].toLongLong(), 19100000);
    EXPECT_EQ(table.rows.last()[11].toLongLong(), 4130000);
}

TEST_P(ContractReportsServiceTest, ledger_shows_only_what_the_user_may_see_and_refuses_a_bad_period)
{
    effective(u"120000"_s, {}, QDate(2026, 10, 15), u"ERP 实施服务合同"_s);
    EXPECT_EQ(services::ContractLedger(as(u"sales1"_s)).build(u"2026"_s).lines.size(), 1) << "the owner";
    EXPECT_EQ(services::ContractLedger(as(u"manager1"_s)).build(u"2026"_s).lines.size(), 1) << "the department";
    EXPECT_TRUE(services::ContractLedger(as(u"sales2"_s)).build(u"2026"_s).lines.isEmpty()) << "a colleague's contract";
    EXPECT_TRUE(services::ContractLedger(as(u"manager2"_s)).build(u"2026"_s).lines.isEmpty()) << "another department";
    EXPECT_EQ(services::ContractLedger(as(u"legal"_s)).build(u"2026"_s).lines.size(), 1);
    try {
        services::ContractLedger(as(u"director"_s)).build(u"2026-13"_s);
        ADD_FAILURE() << "a month 13 was accepted";
    } catch (const domain::Error &error) {
        EXPECT_EQ(error.kind(), domain::ErrorKind::Invalid);
        EXPECT_EQ(error.field(), u"period"_s);
    }
}

TEST_P(ContractReportsServiceTest, receivables_age_in_bands_come_in_due_order_windows_and_add_up_per_band)
{
    services::ContractService(as(u"finance"_s)).setExchangeRate(u"USD"_s, u"7.1"_s);
    const domain::Contract cny = effective(u"120000"_s, {}, QDate(2026, 10, 15), u"ERP 实施服务合同"_s);
    const domain::Contract usd = effective(u"10000"_s, u"USD"_s, QDate(2026, 11, 1), u"Export service"_s);
    services::ContractExecutionService execution(as(u"manager1"_s));
    const qint64 late13 = execution.addReceivable(cny.id, QDate(2026, 10, 20), u"50000"_s);
    execution.addReceivable(cny.id, QDate(2026, 9, 1), u"10000"_s);     // 62 days: 31–90
    const qint64 paid = execution.addReceivable(cny.id, QDate(2026, 8, 1), u"10000"_s); // paid in full: not listed
    execution.addReceivable(cny.id, QDate(2026, 12, 20), u"50000"_s);   // not yet due
    execution.addReceivable(usd.id, QDate(2026, 8, 1), u"4000"_s);      // 93 days: >90
    execution.addReceivable(usd.id, QDate(2026, 11, 2), u"1000"_s);     // due today: not yet overdue
    services::ContractExecutionService finance(as(u"finance"_s));
    finance.recordPayment(cny.id, QDate(2026, 10, 25), u"30000"_s, late13, {});
    finance.recordPayment(cny.id, QDate(2026, 8, 2), u"10000"_s, paid, {});

    services::ContractReceivables receivables(as(u"director"_s));
    const QList<services::ReceivableLine> all = receivables.window();
    ASSERT_EQ(all.size(), 5);
    QList<QDate> dues;
    for (const services::ReceivableLine &line : all)
        dues << line.installment.due;
    EXPECT_EQ(dues, (QList<QDate>{QDate(2026, 8, 1), QDate(2026, 9, 1), QDate(2026, 10, 20), QDate(2026, 11, 2), QDate(2026, 12, 20)}));
    EXPECT_EQ(all[0].band, AgingBand::Over90);
    EXPECT_EQ(all[0].daysOverdue, 93);
    EXPECT_EQ(fen(all[0].outstandingCny), 2840000) << "4,000 USD at 7.1";
    EXPECT_EQ(all[1].band, AgingBand::Days31To90);
    EXPECT_EQ(all[2].band, AgingBand::Days0To30);
    EXPECT_EQ(fen(all[2].outstandingCny), 2000000);
    EXPECT_EQ(all[3].band, AgingBand::Current);
    EXPECT_EQ(all[3].daysOverdue, 0);

    // Windows follow on from the last line shown, none repeated or skipped.
    const QList<services::ReceivableLine> firstTwo = receivables.window(std::nullopt, 2);
    ASSERT_EQ(firstTwo.size(), 2);
    const auto &last = firstTwo.last().installment;
    const QList<services::ReceivableLine> rest = receivables.window(std::pair{last.due, last.receivableId}, 10);
    ASSERT_EQ(rest.size(), 3);
    EXPECT_EQ(rest.first().installment.due, QDate(2026, 10, 20));

    const services::ContractReceivables::Scope scope = receivables.scope();
    EXPECT_EQ(services::ContractReceivables::bandTotal(database(), scope, AgingBand::Current), 5000000 + 710000);
    EXPECT_EQ(services::ContractReceivables::bandTotal(database(), scope, AgingBand::Days0To30), 2000000);
    EXPECT_EQ(services::ContractReceivables::bandTotal(database(), scope, AgingBand::Days31To90), 1000000);
    EXPECT_EQ(services::ContractReceivables::bandTotal(database(), scope, AgingBand::Over90), 2840000);

    // Visibility: a colleague sees nothing of sales1's contracts, the owner sees all five.
    EXPECT_TRUE(services::ContractReceivables(as(u"sales2"_s)).window().isEmpty());
    EXPECT_EQ(services::ContractReceivables::bandTotal(database(), services::ContractReceivables(as(u"sales2"_s)).scope(), AgingBand::Over90), 0);
    EXPECT_EQ(services::ContractReceivables(as(u"sales1"_s)).window().size(), 5);
}

TEST_P(ContractReportsServiceTest, approval_sheet_shows_the_amount_in_capitals_and_the_steps_ahead_blank)
{
    services::ContractService drafter(as(u"manager1"_s));
    domain::ContractForm form;
    form.customerId = m_customer;
    form.title = u"ERP 实施服务合同"_s;
    form.amount = u"1234567.8"_s;
    form.ownerLogin = u"sales1"_s;
    domain::Contract contract = drafter.draft(form);
    for (const domain::ContractClause clause : domain::contractClauses().all())
        drafter.setClause(contract.id, clause, u"条款"_s);
    drafter.submit(contract.id);
    services::ContractService(as(u"legal"_s)).approve(contract.id, u"<b>条款无误</b>"_s);
    domain::CompanyProfile company;
    company.name = u"北京示例商贸有限公司"_s;
    const services::PrintDocument sheet =
        services::ContractPrinting::approvalSheet(services::ContractService(as(u"director"_s)).detail(contract.id), company);
    EXPECT_EQ(sheet.companyName, u"北京示例商贸有限公司"_s);
    EXPECT_TRUE(sheet.bodyHtml.contains(u"¥1,234,567.80"_s)) << sheet.bodyHtml.toStdString();
    EXPECT_TRUE(sheet.bodyHtml.contains(u"人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角整"_s));
    EXPECT_TRUE(sheet.bodyHtml.contains(u"&lt;b&gt;条款无误&lt;/b&gt;"_s)) << "comments are escaped";
    EXPECT_TRUE(sheet.bodyHtml.contains(u"周律师"_s));
    // Above 500,000 the executive step is on the route, still ahead: grey, undecided.
    EXPECT_TRUE(sheet.bodyHtml.contains(u"高总"_s));
    EXPECT_EQ(sheet.bodyHtml.count(u"color:#999"_s), 2) << "leadership and executive approval lie ahead";
    EXPECT_EQ(sheet.bodyHtml.count(u"class=\"sign\""_s), 5) << "four steps and the drafter";
}

TEST_P(ContractReportsServiceTest, ledger_and_receivables_queries_are_index_backed)
{
    if (GetParam() != bizdesk::testing::Backend::Sqlite)
        GTEST_SKIP() << "EXPLAIN QUERY PLAN is SQLite's; PostgreSQL picks plans by statistics";
    storage::ContractFilter restricted;
    services::ContractVisibility::restrict(as(u"manager1"_s), restricted);
    for (const storage::ContractFilter &visibility : {storage::ContractFilter{}, restricted}) {
        const QString ledger = storage::ContractLedgerRepository(database())
                                   .queryPlan(visibility, QDate(2026, 10, 1), QDate(2026, 12, 31))
                                   .join(u"\n"_s);
        EXPECT_TRUE(ledger.contains(u"contracts_signed"_s)) << ledger.toStdString();
        EXPECT_FALSE(ledger.contains(u"SCAN k"_s)) << ledger.toStdString();
        EXPECT_FALSE(ledger.contains(u"SCAN r"_s)) << ledger.toStdString();
        EXPECT_FALSE(ledger.contains(u"SCAN p"_s)) << ledger.toStdString();
        storage::OpenReceivableFilter window;
        window.visibility = visibility;
        window.limit = 200;
        window.after = std::pair{QDate(2026, 9, 1), qint64(7)};
        const QString receivables = storage::OpenReceivableRepository(database()).queryPlan(window).join(u"\n"_s);
        EXPECT_TRUE(receivables.contains(u"contract_receivables_due"_s)) << receivables.toStdString();
        EXPECT_FALSE(receivables.contains(u"SCAN k"_s)) << receivables.toStdString();
        EXPECT_FALSE(receivables.contains(u"SCAN p"_s)) << receivables.toStdString();
        EXPECT_FALSE(receivables.contains(u"TEMP B-TREE"_s)) << "the window comes in index order: " << receivables.toStdString();
        window.after.reset();
        window.limit.reset();
        window.dueFrom = QDate(2026, 8, 4);
        window.dueTo = QDate(2026, 10, 3);
        const QString band = storage::OpenReceivableRepository(database()).queryPlan(window).join(u"\n"_s);
        EXPECT_TRUE(band.contains(u"contract_receivables_due"_s)) << band.toStdString();
    }
}

BIZDESK_INSTANTIATE_BACKENDS(ContractReportsServiceTest);
