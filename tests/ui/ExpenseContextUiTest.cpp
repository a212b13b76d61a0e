// Issue 10 for the entertainment tab: the period picker of the report, the greyed route ahead,
// the conflict-of-interest note, the overrun line, the claim dialog without a prefilled actual
// cost, and buttons that are exactly what EntertainmentService::actionsFor offers.
#include "services/entertainment/EntertainmentService.h"
#include "storage/SqlQuery.h"
#include "support/ExpenseSamples.h"
#include "support/TestDatabase.h"
#include "ui/entertainment/EntertainmentPage.h"
#include "ui/entertainment/ExpenseClaimDialog.h"
#include "ui/entertainment/ExpenseProgressView.h"
#include "ui/entertainment/ExpenseReportPage.h"
#include "ui/entertainment/ReportPeriodPicker.h"
#include "UiTestSupport.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QTextBrowser>
#include <QTimeZone>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;
using domain::ExpenseAction;

namespace {

class ExpenseContextUiTest : public bizdesk::testing::BackendTest
{
protected:
    services::EntertainmentService service(const QString &login) { return services::EntertainmentService(as(login)); }
    qint64 submitted(domain::ExpenseForm form = bizdesk::testing::sampleExpenseForm())
    {
        return service(u"sales1"_s).applyAndSubmit(form).id;
    }
};

} // namespace

TEST_P(ExpenseContextUiTest, the_report_period_is_picked_as_month_quarter_or_year)
{
    submitted();
    ui::ExpenseReportPage page(as(u"director"_s));
    page.show();
    page.refresh();
    ui::ReportPeriodPicker *picker = page.periodPicker();
    for (const QLineEdit *edit : page.findChildren<QLineEdit *>())
        EXPECT_TRUE(qobject_cast<const QAbstractSpinBox *>(edit->parent())) << "the period is chosen, not typed";

    picker->kindCombo()->setCurrentIndex(picker->kindCombo()->findData(int(ui::ReportPeriodPicker::Kind::Month)));
    picker->yearSpin()->setValue(2026);
    picker->partCombo()->setCurrentIndex(picker->partCombo()->findData(11));
    EXPECT_EQ(picker->periodText(), u"2026-11"_s);
    ASSERT_TRUE(page.data().has_value());
    EXPECT_EQ(page.data()->period.label, u"2026-11"_s) << "choosing rebuilds the report";
    EXPECT_EQ(page.data()->total().count, 1);
    EXPECT_TRUE(page.view()->toPlainText().contains(u"2026-11-30"_s)) << page.view()->toPlainText().toStdString();
    const QVariant chart = page.view()->document()->resource(QTextDocument::ImageResource, QUrl(u"chart-departments.png"_s));
    EXPECT_FALSE(chart.value<QImage>().isNull()) << "the chart by department is shown";

    picker->kindCombo()->setCurrentIndex(picker->kindCombo()->findData(int(ui::ReportPeriodPicker::Kind::Quarter)));
    picker->partCombo()->setCurrentIndex(picker->partCombo()->findData(3));
    EXPECT_EQ(page.data()->period.label, u"2026-Q3"_s);
    EXPECT_EQ(page.data()->total().count, 0);

    picker->kindCombo()->setCurrentIndex(picker->kindCombo()->findData(int(ui::ReportPeriodPicker::Kind::Year)));
    EXPECT_FALSE(picker->partCombo()->isVisible());
    EXPECT_EQ(page.data()->period.label, u"2026"_s);
    EXPECT_EQ(page.data()->total().count, 1);
}

TEST_P(ExpenseContextUiTest, the_route_ahead_is_greyed_with_its_approvers)
{
    const qint64 id = submitted(bizdesk::testing::sampleExpenseForm(u"6000"_s));
    ui::EntertainmentPage page(as(u"manager1"_s));
    page.resize(1300, 800);
    page.show();
    page.refresh();
    page.open(id);
    QTreeWidget *route = page.progressView()->route();
    ASSERT_TRUE(route->isVisible());
    ASSERT_EQ(route->topLevelItemCount(), 3);
    const QColor greyed = route->palette().brush(QPalette::Disabled, QPalette::Text).color();
    const QTreeWidgetItem *current = route->topLevelItem(0);
    EXPECT_NE(current->foreground(0).color(), greyed) << "the open step is not greyed";
    EXPECT_TRUE(current->font(0).bold());
    for (int row = 1; row < 3; ++row) {
        const QTreeWidgetItem *ahead = route->topLevelItem(row);
        EXPECT_EQ(ahead->foreground(0).color(), greyed) << row;
        EXPECT_EQ(ahead->foreground(1).color(), greyed) << row;
    }
    EXPECT_EQ(route->topLevelItem(1)->text(1), u"张建华"_s);
    EXPECT_EQ(route->topLevelItem(2)->text(1), u"高总"_s) << "the executive step ahead, with its approver";
}

TEST_P(ExpenseContextUiTest, an_approver_taking_part_sees_the_conflict_note)
{
    auto form = bizdesk::testing::sampleExpenseForm();
    form.staff = {organisation().id(u"manager1"_s)};
    const qint64 conflicted = submitted(form);
    const qint64 clean = submitted();
    ui::EntertainmentPage page(as(u"manager1"_s));
    page.resize(1300, 800);
    page.show();
    page.refresh();
    page.open(conflicted);
    EXPECT_TRUE(page.conflictLabel()->isVisible());
    EXPECT_TRUE(page.conflictLabel()->text().contains(u"李经理"_s)) << page.conflictLabel()->text().toStdString();
    page.open(clean);
    EXPECT_FALSE(page.conflictLabel()->isVisible());
}

TEST_P(ExpenseContextUiTest, the_claim_dialog_leaves_the_actual_cost_empty_and_the_detail_shows_the_overrun)
{
    const qint64 id = submitted();
    service(u"manager1"_s).approve(id);
    service(u"director"_s).approve(id);
    const auto request = service(u"sales1"_s).detail(id).request();
    ui::ExpenseClaimDialog dialog(request);
    auto *actual = dialog.findChild<QLineEdit *>(u"actualEdit"_s);
    ASSERT_TRUE(actual);
    EXPECT_TRUE(actual->text().isEmpty()) << "not prefilled with the estimate";
    EXPECT_TRUE(dialog.input().actual.isEmpty());

    m_clock.set(QDateTime(QDate(2026, 11, 21), QTime(9, 0), QTimeZone::utc()));
    service(u"sales1"_s).claim(id, {u"1000"_s, 2, u"多来两位客户"_s});
    ui::EntertainmentPage page(as(u"manager1"_s));
    page.show();
    page.refresh();
    page.open(id);
    EXPECT_TRUE(page.claimLabel()->text().contains(u"200.00"_s)) << page.claimLabel()->text().toStdString();
    EXPECT_TRUE(page.claimLabel()->text().contains(u"25.0%"_s)) << page.claimLabel()->text().toStdString();
}

TEST_P(ExpenseContextUiTest, the_buttons_shown_are_exactly_the_actions_the_service_offers)
{
    const auto draft = service(u"sales1"_s).apply(bizdesk::testing::sampleExpenseForm());
    const qint64 open = submitted();
    const qint64 approved = submitted();
    service(u"manager1"_s).approve(approved);
    service(u"director"_s).approve(approved);
    struct Case
    {
        QString login;
        qint64 id;
    };
    const Case cases[] = {{u"sales1"_s, draft.id}, {u"sales1"_s, open},      {u"manager1"_s, open},    {u"director"_s, open},
                          {u"finance"_s, open},    {u"sales1"_s, approved}, {u"manager1"_s, approved}};
    int checkedButtons = 0;
    for (const Case &item : cases) {
        const QList<ExpenseAction> offered = service(item.login).actionsFor(item.id);
        ui::EntertainmentPage page(as(item.login));
        page.resize(1300, 800);
        page.show();
        page.refresh();
        page.open(item.id);
        const std::string where = item.login.toStdString() + " #" + std::to_string(item.id);
        for (const auto &[action, button] : page.actionButtons()) {
            EXPECT_EQ(button->isVisible(), offered.contains(action)) << where << " " << domain::expenseActionName(action).toStdString();
            checkedButtons += button->isVisible() ? 1 : 0;
        }
        EXPECT_EQ(page.saveButton()->isVisible(), offered.contains(ExpenseAction::Edit)) << where;
        EXPECT_EQ(page.attachButton()->isVisible(), offered.contains(ExpenseAction::AttachReceipt)) << where;
    }
    EXPECT_GT(checkedButtons, 5);
}

BIZDESK_INSTANTIATE_BACKENDS(ExpenseContextUiTest);
