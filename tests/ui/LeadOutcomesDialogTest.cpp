// Outcomes by lead (§4.4) in the Negotiations tab: the button opens the dialog, which loads on
// its worker and shows the lead's closed negotiations with the share of the zone captured — and
// nothing for someone who may not see the figures.
#include "services/customers/CustomerService.h"
#include "services/negotiations/NegotiationService.h"
#include "support/NegotiationSamples.h"
#include "support/TestDatabase.h"
#include "UiTestSupport.h"
#include "ui/negotiations/LeadOutcomesDialog.h"
#include "ui/negotiations/NegotiationsPage.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;

namespace {

class LeadOutcomesDialogTest : public bizdesk::testing::BackendTest
{
protected:
    /// A negotiation led by manager1, closed at 1,080,000 against a bottom line of 950,000 and an
    /// estimated limit of 1,100,000: 86.7 % of the zone captured.
    void closeOneNegotiation()
    {
        services::NewCustomer customer;
        customer.name = u"华东精密制造有限公司"_s;
        customer.ownerLogin = u"pool"_s;
        domain::NegotiationForm form;
        form.customerId = services::CustomerService(as(u"manager1"_s)).add(customer).id;
        form.title = u"2027 年度设备框架协议"_s;
        form.target = u"1200000"_s;
        form.bottomLine = u"950000"_s;
        form.plannedEnd = QDate(2026, 11, 30);
        services::NegotiationService lead(as(u"manager1"_s));
        const qint64 id = lead.open(form).id;
        lead.moveStage(id, u"opening"_s);
        lead.moveStage(id, u"probing"_s);
        lead.addEstimate(id, u"900000"_s, u"1100000"_s, u"对方预算"_s);
        lead.moveStage(id, u"quoting"_s);
        lead.addOffer(id, bizdesk::testing::sampleOffer(u"ours"_s, u"1200000"_s, 3));
        lead.addOffer(id, bizdesk::testing::sampleOffer(u"theirs"_s, u"1000000"_s, 4));
        lead.addOffer(id, bizdesk::testing::sampleOffer(u"ours"_s, u"1080000"_s, 5, u"预付 30%"_s));
        lead.moveStage(id, u"bargaining"_s);
        lead.moveStage(id, u"consensus"_s);
        QMap<domain::SummarySection, QString> sections;
        const services::NegotiationDetail detail = lead.detail(id);
        for (const domain::SummarySection section : domain::summarySections().all())
            sections[section] = detail.summaryDraft.value(section) + u"（已审阅）"_s;
        lead.writeSummary(id, sections);
        lead.submitSummary(id, {});
    }
    static ui::LeadOutcomesDialog *openFrom(ui::NegotiationsPage &page)
    {
        auto *button = page.findChild<QPushButton *>(u"leadOutcomesButton"_s);
        if (!button)
            return nullptr;
        QTest::mouseClick(button, Qt::LeftButton);
        auto *dialog = page.findChild<ui::LeadOutcomesDialog *>();
        if (dialog)
            (void)QTest::qWaitFor([dialog] { return dialog->isLoaded(); }, 10000); // the caller checks isLoaded()
        return dialog;
    }
};

} // namespace

TEST_P(LeadOutcomesDialogTest, the_lead_and_the_zone_captured_appear_for_whoever_may_see_the_figures)
{
    closeOneNegotiation();
    ui::NegotiationsPage page(as(u"director"_s));
    page.show();
    ui::LeadOutcomesDialog *dialog = openFrom(page);
    ASSERT_NE(dialog, nullptr) << "no Outcomes by lead button";
    ASSERT_TRUE(dialog->isLoaded());
    ASSERT_EQ(dialog->table()->rowCount(), 1);
    EXPECT_EQ(dialog->table()->item(0, ui::LeadOutcomesDialog::Lead)->text(), organisation().user(u"manager1"_s).displayName);
    EXPECT_EQ(dialog->table()->item(0, ui::LeadOutcomesDialog::Negotiations)->text(), u"1"_s);
    EXPECT_EQ(dialog->table()->item(0, ui::LeadOutcomesDialog::Captured)->text(), u"86.7%"_s);
    EXPECT_FALSE(dialog->table()->item(0, ui::LeadOutcomesDialog::EstimateError)->text().isEmpty());
}

TEST_P(LeadOutcomesDialogTest, someone_outside_the_team_and_its_superiors_sees_no_figures)
{
    closeOneNegotiation();
    ui::NegotiationsPage page(as(u"sales2"_s));
    page.show();
    ui::LeadOutcomesDialog *dialog = openFrom(page);
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(dialog->isLoaded());
    EXPECT_EQ(dialog->table()->rowCount(), 0);
    EXPECT_FALSE(dialog->findChild<QLabel *>(u"outcomesStatus"_s)->text().isEmpty());
}

TEST_P(LeadOutcomesDialogTest, the_chinese_dialog_names_its_columns_unclipped)
{
    if (GetParam() != bizdesk::testing::Backend::Sqlite)
        GTEST_SKIP() << "one screenshot is enough";
    const bizdesk::testing::ChineseInterface chinese;
    closeOneNegotiation();
    ui::NegotiationsPage page(as(u"director"_s));
    page.show();
    ASSERT_EQ(page.findChild<QPushButton *>(u"leadOutcomesButton"_s)->text(), u"按负责人看成效…"_s);
    ui::LeadOutcomesDialog *dialog = openFrom(page);
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    EXPECT_EQ(dialog->windowTitle(), u"按负责人看成效"_s);
    QHeaderView *header = dialog->table()->horizontalHeader();
    EXPECT_EQ(dialog->table()->horizontalHeaderItem(ui::LeadOutcomesDialog::Captured)->text(), u"获取的协议区间（平均）"_s);
    for (int column = ui::LeadOutcomesDialog::Negotiations; column < ui::LeadOutcomesDialog::ColumnCount; ++column) {
        const QString title = dialog->table()->horizontalHeaderItem(column)->text();
        EXPECT_GE(header->sectionSize(column), header->fontMetrics().horizontalAdvance(title)) << title.toStdString();
    }
    const QString folder = qEnvironmentVariable("BIZDESK_SCREENSHOT_DIR");
    if (!folder.isEmpty()) {
        EXPECT_TRUE(dialog->grab().save(folder + u"/negotiation-outcomes.png"_s));
    }
}

BIZDESK_INSTANTIATE_BACKENDS(LeadOutcomesDialogTest);
