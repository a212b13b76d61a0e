#include "services/contracts/ContractExecutionService.h"
#include "services/contracts/ContractService.h"
#include "services/customers/CustomerService.h"
#include "support/TestDatabase.h"
#include "ui/common/FieldsDialog.h"
#include "ui/contracts/ContractEditorDialog.h"
#include "ui/contracts/ContractListModel.h"
#include "ui/contracts/ContractsPage.h"
#include "UiTestSupport.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTextBrowser>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;
using domain::ContractAction;

namespace {

class ContractsPageTest : public bizdesk::testing::BackendTest
{
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        if (!m_database)
            return;
        services::NewCustomer customer;
        customer.name = u"华东精密制造有限公司"_s;
        m_customer = services::CustomerService(as(u"manager1"_s)).add(customer).id;
    }
    QList<ContractAction> visibleActions(const ui::ContractsPage &page) const
    {
        QList<ContractAction> visible;
        for (const ContractAction action : domain::contractActions().all()) {
            if (page.button(action) && !page.button(action)->isHidden())
                visible << action;
        }
        return visible;
    }
    qint64 m_customer = 0;
};

} // namespace

TEST_P(ContractsPageTest, draft_in_the_editor_then_submit_and_review_with_only_offered_actions)
{
    ui::ContractsPage drafterPage(as(u"manager1"_s));
    drafterPage.resize(1280, 800);
    drafterPage.refresh();
    bizdesk::testing::whenModalShown<ui::ContractEditorDialog>([&](ui::ContractEditorDialog *dialog) {
        EXPECT_GE(dialog->customerCombo()->findData(m_customer), 0) << "visible customers are offered";
        dialog->customerCombo()->setCurrentIndex(dialog->customerCombo()->findData(m_customer));
        bizdesk::testing::typeText(dialog->titleEdit(), u"ERP 实施服务合同"_s);
        QTest::keyClicks(dialog->amountEdit(), u"120000"_s);
        for (const domain::ContractClause clause : domain::contractClauses().all())
            dialog->clauseEdit(clause)->setPlainText(u"条款 "_s + domain::contractClauses().name(clause));
        dialog->accept();
    });
    drafterPage.startNew();
    ASSERT_NE(drafterPage.currentDetail(), nullptr) << drafterPage.messageLabel()->text().toStdString();
    EXPECT_EQ(drafterPage.currentDetail()->contract.number, u"HT-2026-0001"_s);
    EXPECT_EQ(drafterPage.table()->model()->rowCount(), 1);
    EXPECT_TRUE(drafterPage.detailView()->toPlainText().contains(u"条款 breach"_s));
    EXPECT_EQ(visibleActions(drafterPage), drafterPage.currentDetail()->actions) << "the buttons are what the service offers";
    EXPECT_FALSE(drafterPage.button(ContractAction::Approve)->isVisibleTo(&drafterPage));

    QTest::mouseClick(drafterPage.button(ContractAction::Submit), Qt::LeftButton);
    EXPECT_EQ(drafterPage.currentDetail()->contract.state, domain::ContractState::LegalReview);
    EXPECT_TRUE(visibleActions(drafterPage).isEmpty()) << "the drafter cannot review their own contract";

    ui::ContractsPage legalPage(as(u"legal"_s));
    legalPage.refresh();
    EXPECT_EQ(legalPage.badgeCount(), 1);
    legalPage.table()->selectRow(0);
    ASSERT_NE(legalPage.currentDetail(), nullptr);
    EXPECT_EQ(visibleActions(legalPage), (QList<ContractAction>{ContractAction::Approve, ContractAction::Return}));
    // The route ahead is shown, future steps included.
    EXPECT_TRUE(legalPage.detailView()->toHtml().contains(u"#999"_s)) << "steps ahead are greyed";
    // Returning without a comment is refused with a message naming the clause of the rule.
    QTest::mouseClick(legalPage.button(ContractAction::Return), Qt::LeftButton);
    EXPECT_TRUE(legalPage.messageLabel()->text().contains(u"5.2.2"_s)) << legalPage.messageLabel()->text().toStdString();
    EXPECT_EQ(legalPage.currentDetail()->contract.state, domain::ContractState::LegalReview);
    bizdesk::testing::typeText(legalPage.commentEdit(), u"付款条款需明确"_s);
    QTest::mouseClick(legalPage.button(ContractAction::Return), Qt::LeftButton);
    EXPECT_EQ(legalPage.currentDetail()->contract.state, domain::ContractState::Draft);
}

TEST_P(ContractsPageTest, the_list_fetches_windows_as_it_scrolls)
{
    services::ContractService service(as(u"manager1"_s));
    domain::ContractForm form;
    form.customerId = m_customer;
    form.title = u"框架合同"_s;
    form.amount = u"1000"_s;
    for (int i = 0; i < ui::ContractListModel::windowSize + 5; ++i)
        service.draft(form);
    ui::ContractsPage page(as(u"manager1"_s));
    page.refresh();
    QAbstractItemModel *model = page.table()->model();
    EXPECT_EQ(model->rowCount(), ui::ContractListModel::windowSize);
    ASSERT_TRUE(model->canFetchMore({}));
    model->fetchMore({});
    EXPECT_EQ(model->rowCount(), ui::ContractListModel::windowSize + 5);
    EXPECT_FALSE(model->canFetchMore({}));
    EXPECT_EQ(model->index(0, ui::ContractListModel::Number).data().toString(), u"HT-2026-0205"_s) << "newest first";
}

TEST_P(ContractsPageTest, chinese_interface_shows_an_effective_contract_unclipped)
{
    if (GetParam() != bizdesk::testing::Backend::Sqlite)
        GTEST_SKIP() << "one look is enough";
    const bizdesk::testing::ChineseInterface chinese;
    services::ContractService drafter(as(u"manager1"_s));
    domain::ContractForm form;
    form.customerId = m_customer;
    form.title = u"ERP 实施服务合同"_s;
    form.amount = u"120000"_s;
    form.ownerLogin = u"sales1"_s;
    form.startDate = QDate(2026, 11, 1);
    form.endDate = QDate(2027, 10, 31);
    const domain::Contract contract = drafter.draft(form);
    const QStringList texts{u"甲方提供业务需求与场地，乙方负责实施与培训。"_s, u"ERP 标准版 50 用户，含财务、供应链模块。"_s,
                            u"合同总价人民币 120,000 元（含税）。"_s, u"签约后 90 日内上线。"_s, u"按验收单逐项签字确认。"_s,
                            u"签约付 50%，验收后付 50%。"_s, u"逾期每日按合同额 0.05% 支付违约金。"_s};
    int i = 0;
    for (const domain::ContractClause clause : domain::contractClauses().all())
        drafter.setClause(contract.id, clause, texts.at(i++));
    drafter.submit(contract.id);
    services::ContractService(as(u"legal"_s)).approve(contract.id, u"条款合规"_s);
    services::ContractService(as(u"finance"_s)).approve(contract.id, u"付款条件可行"_s);
    services::ContractService(as(u"director"_s)).approve(contract.id);
    services::ContractExecutionService execution(as(u"manager1"_s));
    execution.sign(contract.id, {QDate(2026, 11, 2), u"director"_s, u"王总"_s, true, std::nullopt});
    execution.addMilestone(contract.id, u"delivery"_s, QDate(2027, 1, 31), {});
    execution.addMilestone(contract.id, u"acceptance"_s, QDate(2027, 2, 28), {});
    execution.addReceivable(contract.id, QDate(2026, 11, 10), u"60000"_s);
    execution.addReceivable(contract.id, QDate(2027, 3, 31), u"60000"_s);
    services::ContractExecutionService(as(u"finance"_s)).recordPayment(contract.id, QDate(2026, 11, 2), u"60000"_s, std::nullopt, u"银行转账"_s);

    ui::ContractsPage page(as(u"manager1"_s));
    page.resize(1280, 760);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    page.refresh();
    page.table()->selectRow(0);
    QApplication::processEvents();
    ASSERT_NE(page.currentDetail(), nullptr);
    EXPECT_TRUE(page.detailView()->toPlainText().contains(u"已回款"_s)) << page.detailView()->toPlainText().toStdString();
    EXPECT_TRUE(page.detailView()->toPlainText().contains(u"人民币壹拾贰万元整"_s));
    for (const ContractAction action : page.currentDetail()->actions) {
        QPushButton *button = page.button(action);
        EXPECT_GE(button->width(), button->fontMetrics().horizontalAdvance(button->text())) << button->text().toStdString();
    }
    const QString folder = qEnvironmentVariable("BIZDESK_SCREENSHOT_DIR");
    if (!folder.isEmpty()) {
        EXPECT_TRUE(page.grab().save(folder + u"/contracts.png"_s));
    }
}

BIZDESK_INSTANTIATE_BACKENDS(ContractsPageTest);
