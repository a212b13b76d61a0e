// The receivables view and the contract ledger reached from the Contracts tab (§5.4, §5.6).
#include "services/contracts/ContractExecutionService.h"
#include "services/customers/CustomerService.h"
#include "support/ContractSamples.h"
#include "support/TestDatabase.h"
#include "ui/common/Formats.h"
#include "ui/contracts/ContractLedgerView.h"
#include "ui/contracts/ContractsPage.h"
#include "ui/contracts/ReceivablesModel.h"
#include "ui/contracts/ReceivablesView.h"
#include "ui/entertainment/ReportPeriodPicker.h"
#include "UiTestSupport.h"

#include <QAbstractItemModelTester>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;
using domain::AgingBand;

namespace {

class ContractReportsUiTest : public bizdesk::testing::BackendTest
{
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        if (!m_database)
            return;
        services::NewCustomer customer;
        customer.name = u"华东精密制造有限公司"_s;
        const qint64 east = services::CustomerService(as(u"manager1"_s)).add(customer).id;
        customer.name = u"北方重工集团"_s;
        const qint64 north = services::CustomerService(as(u"manager1"_s)).add(customer).id;
        const auto session = [this](const QString &login) -> services::Session & { return as(login); };
        m_first = bizdesk::testing::effectiveContract(session, east, u"120000"_s, QDate(2026, 10, 15));
        m_second = bizdesk::testing::effectiveContract(session, north, u"80000"_s, QDate(2026, 7, 1), u"设备维保合同"_s);
        services::ContractExecutionService execution(as(u"manager1"_s));
        execution.addReceivable(m_first.id, QDate(2026, 10, 20), u"50000"_s);  // 13 days overdue
        execution.addReceivable(m_first.id, QDate(2026, 12, 20), u"70000"_s);  // not yet due
        execution.addReceivable(m_second.id, QDate(2026, 7, 15), u"30000"_s);  // 110 days overdue
    }

    domain::Contract m_first;
    domain::Contract m_second;
};

QString money(qint64 yuan)
{
    return ui::Formats::money(domain::Money::fromMinor(yuan * 100));
}

} // namespace

TEST_P(ContractReportsUiTest, receivables_show_band_totals_and_a_double_click_opens_the_contract)
{
    ui::ContractsPage page(as(u"manager1"_s));
    page.resize(1280, 760);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    page.refresh();
    ui::ReceivablesView *view = page.showReceivables();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(view));
    QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::Warning);
    QAbstractItemModel *model = view->table()->model();
    ASSERT_EQ(model->rowCount(), 3) << "every open installment, the oldest first";
    EXPECT_EQ(model->index(0, ui::ReceivablesModel::Number).data().toString(), m_second.number);
    EXPECT_EQ(model->index(0, ui::ReceivablesModel::DaysOverdue).data().toInt(), 110);
    EXPECT_EQ(model->index(1, ui::ReceivablesModel::Due).data().toString(), u"2026-10-20"_s);
    EXPECT_EQ(model->index(2, ui::ReceivablesModel::DaysOverdue).data().toString(), QString()) << "not yet due";

    // The band totals are summed on worker connections; the window shows them when they arrive.
    QTRY_VERIFY_WITH_TIMEOUT(view->totalsReady(), 10000);
    QApplication::processEvents();
    EXPECT_TRUE(view->totalLabel(AgingBand::Current)->text().contains(money(70000))) << view->totalLabel(AgingBand::Current)->text().toStdString();
    EXPECT_TRUE(view->totalLabel(AgingBand::Days0To30)->text().contains(money(50000)));
    EXPECT_TRUE(view->totalLabel(AgingBand::Days31To90)->text().contains(money(0)));
    EXPECT_TRUE(view->totalLabel(AgingBand::Over90)->text().contains(money(30000)));

    // Double-clicking the second line opens its contract in the Contracts tab.
    const QRect cell = view->table()->visualRect(model->index(1, ui::ReceivablesModel::Customer));
    QTest::mouseClick(view->table()->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(view->table()->viewport(), Qt::LeftButton, {}, cell.center());
    ASSERT_NE(page.currentDetail(), nullptr);
    EXPECT_EQ(page.currentDetail()->contract.id, m_first.id);
    // …and its approval sheet can be printed from there.
    EXPECT_TRUE(page.printButton()->isVisibleTo(&page));

    // A specialist who owns none of them sees an empty list and zero totals.
    ui::ContractsPage other(as(u"sales2"_s));
    ui::ReceivablesView *empty = other.showReceivables();
    EXPECT_EQ(empty->table()->model()->rowCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(empty->totalsReady(), 10000);
    QApplication::processEvents();
    EXPECT_TRUE(empty->totalLabel(AgingBand::Over90)->text().contains(money(0)));
}

TEST_P(ContractReportsUiTest, ledger_view_shows_the_period_and_saves_excel)
{
    ui::ContractsPage page(as(u"director"_s));
    ui::ContractLedgerView *ledger = page.showLedger();
    ledger->periodPicker()->setPeriod(ui::ReportPeriodPicker::Kind::Quarter, 2026, 4);
    ledger->build();
    ASSERT_TRUE(ledger->data().has_value()) << ledger->messageLabel()->text().toStdString();
    ASSERT_EQ(ledger->data()->lines.size(), 1) << "signed in Q4: only the first contract";
    EXPECT_TRUE(ledger->view()->toPlainText().contains(m_first.number));
    EXPECT_FALSE(ledger->view()->toPlainText().contains(m_second.number));
    ledger->periodPicker()->setPeriod(ui::ReportPeriodPicker::Kind::Year, 2026);
    ledger->build();
    ASSERT_EQ(ledger->data()->lines.size(), 2);
    QTemporaryDir folder;
    const QString out = folder.filePath(u"ledger.xlsx"_s);
    EXPECT_TRUE(ledger->saveTo(out));
    EXPECT_GT(QFileInfo(out).size(), 1000);
    EXPECT_FALSE(ledger->saveTo(folder.filePath(u"ledger.doc"_s)));
    EXPECT_TRUE(ledger->messageLabel()->isVisibleTo(ledger)) << "the refusal is shown";
}

TEST_P(ContractReportsUiTest, chinese_receivables_and_ledger_are_translated)
{
    if (GetParam() != bizdesk::testing::Backend::Sqlite)
        GTEST_SKIP() << "one look is enough";
    const bizdesk::testing::ChineseInterface chinese;
    ui::ContractsPage page(as(u"manager1"_s));
    ui::ReceivablesView *view = page.showReceivables();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(view));
    QTRY_VERIFY_WITH_TIMEOUT(view->totalsReady(), 10000);
    QApplication::processEvents();
    EXPECT_TRUE(view->totalLabel(AgingBand::Over90)->text().contains(u"逾期"_s)) << view->totalLabel(AgingBand::Over90)->text().toStdString();
    EXPECT_EQ(view->table()->model()->headerData(ui::ReceivablesModel::Outstanding, Qt::Horizontal).toString(), u"未回款（人民币）"_s);
    ui::ContractLedgerView *ledger = page.showLedger();
    ledger->periodPicker()->setPeriod(ui::ReportPeriodPicker::Kind::Year, 2026);
    ledger->build();
    EXPECT_TRUE(ledger->view()->toPlainText().contains(u"合同台账"_s)) << ledger->view()->toPlainText().toStdString();
    const QString folder = qEnvironmentVariable("BIZDESK_SCREENSHOT_DIR");
    if (!folder.isEmpty()) {
        EXPECT_TRUE(view->grab().save(folder + u"/contract-receivables.png"_s));
        EXPECT_TRUE(ledger->grab().save(folder + u"/contract-ledger.png"_s));
    }
}

BIZDESK_INSTANTIATE_BACKENDS(ContractReportsUiTest);
