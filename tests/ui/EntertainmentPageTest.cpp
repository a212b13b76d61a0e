#include "services/entertainment/EntertainmentService.h"
#include "support/ExpenseSamples.h"
#include "services/customers/CustomerModule.h"
#include "services/entertainment/EntertainmentModule.h"
#include "support/TestDatabase.h"
#include "ui/entertainment/EntertainmentPage.h"
#include "ui/entertainment/ExpenseFormWidget.h"
#include "ui/entertainment/ExpenseReportPage.h"
#include "ui/entertainment/ReportPeriodPicker.h"
#include "services/customers/CustomerService.h"
#include "services/identity/IdentityService.h"
#include "storage/SqlQuery.h"
#include "UiTestSupport.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QListWidget>
#include <QDateTimeEdit>
#include <QTimeZone>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;
using domain::ExpenseAction;
using domain::ExpenseState;

namespace {

class EntertainmentPageTest : public bizdesk::testing::BackendTest
{
protected:
    ExpenseState stateOf(qint64 id)
    {
        // Straight from the table: a draft is invisible to everybody but its applicant.
        const QString name = storage::SqlQuery(database(), u"SELECT state FROM entertainment_requests WHERE id = %1"_s.arg(id))
                                 .scalar()
                                 .toString();
        return domain::expenseStateFromName(name).value_or(ExpenseState::Draft);
    }
};

} // namespace

TEST_P(EntertainmentPageTest, fill_the_form_submit_and_approve)
{
    ui::EntertainmentPage page(as(u"sales1"_s));
    page.resize(1300, 800);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    page.refresh();

    QTest::keyClick(&page, Qt::Key_N, Qt::ControlModifier);
    struct
    {
        QComboBox *categoryCombo;
        QPlainTextEdit *reasonEdit;
        QDateTimeEdit *atEdit;
        QLineEdit *placeEdit;
        QPlainTextEdit *participantsEdit;
        QSpinBox *headcountSpin;
        QLineEdit *estimateEdit;
    } widgets{page.formWidget()->findChild<QComboBox *>(u"categoryCombo"_s),
              page.formWidget()->findChild<QPlainTextEdit *>(u"reasonEdit"_s),
              page.formWidget()->findChild<QDateTimeEdit *>(u"atEdit"_s),
              page.formWidget()->findChild<QLineEdit *>(u"placeEdit"_s),
              page.formWidget()->findChild<QPlainTextEdit *>(u"participantsEdit"_s),
              page.formWidget()->findChild<QSpinBox *>(u"headcountSpin"_s),
              page.formWidget()->findChild<QLineEdit *>(u"estimateEdit"_s)};
    auto *form = &widgets;
    ASSERT_TRUE(form->categoryCombo && form->reasonEdit && form->atEdit && form->estimateEdit);
    form->categoryCombo->setCurrentIndex(form->categoryCombo->findData(u"banquet"_s));
    form->reasonEdit->setPlainText(u"年度客户答谢 <b>"_s); // QTest types ASCII only
    form->atEdit->setDateTime(QDateTime(QDate(2026, 11, 20), QTime(18, 30)));
    form->placeEdit->setText(u"北京饭店"_s);
    form->participantsEdit->setPlainText(u"王小明, 客户张总"_s);
    form->headcountSpin->setValue(4);
    QTest::keyClicks(form->estimateEdit, u"1.234"_s);

    // Invalid amount: the service refuses, the message names the field, nothing is saved.
    QPushButton *submit = page.button(ExpenseAction::Submit);
    ASSERT_TRUE(submit->isVisible());
    QTest::mouseClick(submit, Qt::LeftButton);
    EXPECT_TRUE(page.messageLabel()->isVisible());
    EXPECT_TRUE(page.messageLabel()->text().contains(u"estimate"_s)) << page.messageLabel()->text().toStdString();
    EXPECT_TRUE(services::EntertainmentService(as(u"sales1"_s)).list({}).isEmpty());

    form->estimateEdit->clear();
    QTest::keyClicks(form->estimateEdit, u"1234.5"_s);
    QTest::mouseClick(submit, Qt::LeftButton);
    ASSERT_TRUE(page.currentId().has_value()) << page.messageLabel()->text().toStdString();
    const qint64 id = *page.currentId();
    EXPECT_EQ(stateOf(id), ExpenseState::PendingDeptReview);
    EXPECT_EQ(page.currentDetail()->request().reason, u"年度客户答谢 <b>"_s);
    // The applicant now may only withdraw.
    EXPECT_TRUE(page.button(ExpenseAction::Withdraw)->isVisible());
    EXPECT_FALSE(page.button(ExpenseAction::Approve)->isVisible());
    EXPECT_FALSE(page.saveButton()->isVisible());

    // The department head sees it under "waiting for me" and approves with Ctrl+Enter.
    ui::EntertainmentPage head(as(u"manager1"_s));
    head.resize(1300, 800);
    head.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&head));
    head.viewCombo()->setCurrentIndex(2);
    ASSERT_EQ(head.table()->model()->rowCount(), 1);
    EXPECT_EQ(head.badgeCount(), 1);
    head.table()->selectRow(0);
    ASSERT_EQ(head.currentId(), id);
    EXPECT_TRUE(head.button(ExpenseAction::Approve)->isVisible());
    EXPECT_TRUE(head.button(ExpenseAction::Return)->isVisible());
    EXPECT_TRUE(head.button(ExpenseAction::Reject)->isVisible());
    EXPECT_FALSE(head.button(ExpenseAction::Withdraw)->isVisible());
    EXPECT_FALSE(head.button(ExpenseAction::FinanceApprove)->isVisible());
    QTest::keyClick(&head, Qt::Key_Return, Qt::ControlModifier);
    EXPECT_EQ(stateOf(id), ExpenseState::PendingSuperiorApproval);

    // Return without a comment is refused with a message; with one it goes back to draft.
    ui::EntertainmentPage director(as(u"director"_s));
    director.show();
    director.refresh();
    director.open(id);
    QTest::mouseClick(director.button(ExpenseAction::Return), Qt::LeftButton);
    EXPECT_TRUE(director.messageLabel()->isVisible());
    EXPECT_EQ(stateOf(id), ExpenseState::PendingSuperiorApproval);
    director.commentEdit()->setText(u"请补充客户名单"_s);
    QTest::mouseClick(director.button(ExpenseAction::Return), Qt::LeftButton);
    EXPECT_EQ(stateOf(id), ExpenseState::Draft);
}

TEST_P(EntertainmentPageTest, others_see_no_actions)
{
    services::EntertainmentService service(as(u"sales1"_s));
    const domain::ExpenseForm form = bizdesk::testing::sampleExpenseForm();
    const qint64 id = service.submit(service.apply(form).id).id;
    ui::EntertainmentPage page(as(u"finance"_s));
    page.show();
    page.refresh();
    page.open(id);
    for (ExpenseAction action : {ExpenseAction::Submit, ExpenseAction::Approve, ExpenseAction::Return, ExpenseAction::Reject,
                                 ExpenseAction::Withdraw, ExpenseAction::Cancel, ExpenseAction::Claim,
                                 ExpenseAction::FinanceApprove, ExpenseAction::FinanceReturn, ExpenseAction::FinanceReject})
        EXPECT_FALSE(page.button(action)->isVisible()) << domain::expenseActionName(action).toStdString();
}

TEST_P(EntertainmentPageTest, my_tasks_can_open_a_request)
{
    services::EntertainmentService service(as(u"sales1"_s));
    const domain::ExpenseForm form = bizdesk::testing::sampleExpenseForm();
    const qint64 id = service.submit(service.apply(form).id).id;
    ui::EntertainmentPage page(as(u"manager1"_s));
    page.show();
    page.viewCombo()->setCurrentIndex(1); // "Mine": would hide it
    EXPECT_TRUE(page.showRecord({services::expenseRecord, id}));
    EXPECT_EQ(page.currentId(), id);
    EXPECT_TRUE(page.button(ExpenseAction::Approve)->isVisible());
    EXPECT_FALSE(page.showRecord({services::customerRecord, id}));
}

TEST_P(EntertainmentPageTest, report_page_shows_the_period)
{
    ui::ExpenseReportPage page(as(u"director"_s));
    page.show();
    page.periodPicker()->setPeriod(ui::ReportPeriodPicker::Kind::Quarter, 2026, 4);
    page.refresh();
    EXPECT_TRUE(page.view()->toPlainText().contains(u"2026-10-01"_s)) << page.view()->toPlainText().toStdString();
}

TEST_P(EntertainmentPageTest, pick_staff_and_a_key_customer_and_see_the_executive_note)
{
    services::NewCustomer input;
    input.name = u"华东重点客户集团"_s;
    input.customerClass = u"key"_s;
    input.channel = u"referral"_s;
    const qint64 customer = services::CustomerService(as(u"sales1"_s)).add(input).id;
    ui::EntertainmentPage page(as(u"sales1"_s));
    page.resize(1300, 800);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    QTest::keyClick(&page, Qt::Key_N, Qt::ControlModifier);
    ui::ExpenseFormWidget *formWidget = page.formWidget();
    auto *filter = formWidget->findChild<QLineEdit *>(u"staffFilterEdit"_s);
    auto *staff = formWidget->findChild<QListWidget *>(u"staffList"_s);
    auto *note = formWidget->findChild<QLabel *>(u"routeNoteLabel"_s);
    auto *customerEdit = formWidget->findChild<QLineEdit *>(u"customerEdit"_s);
    ASSERT_TRUE(filter && staff && note && customerEdit);
    EXPECT_FALSE(note->text().contains(u"6.3.3"_s)) << note->text().toStdString();

    // Search the people, tick manager1.
    QTest::keyClicks(filter, u"manager1"_s);
    QListWidgetItem *picked = nullptr;
    int visible = 0;
    for (int row = 0; row < staff->count(); ++row) {
        if (!staff->item(row)->isHidden()) {
            ++visible;
            picked = staff->item(row);
        }
    }
    ASSERT_EQ(visible, 1);
    picked->setCheckState(Qt::Checked);
    filter->clear();

    // Search-as-you-type over the customers, pick the key customer from the popup.
    customerEdit->setFocus();
    bizdesk::testing::typeText(customerEdit, u"重点客户"_s);
    QCompleter *completer = customerEdit->completer();
    ASSERT_TRUE(completer);
    ASSERT_GE(completer->completionModel()->rowCount(), 1);
    EXPECT_TRUE(completer->completionModel()->index(0, 0).data().toString().contains(u"华东重点客户集团"_s));
    completer->popup()->setCurrentIndex(completer->completionModel()->index(0, 0));
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    EXPECT_EQ(formWidget->customerId(), customer);
    EXPECT_TRUE(note->text().contains(u"6.3.3"_s)) << note->text().toStdString();

    formWidget->findChild<QPlainTextEdit *>(u"reasonEdit"_s)->setPlainText(u"答谢"_s);
    formWidget->findChild<QLineEdit *>(u"placeEdit"_s)->setText(u"北京饭店"_s);
    formWidget->findChild<QDateTimeEdit *>(u"atEdit"_s)->setDateTime(QDateTime(QDate(2026, 11, 20), QTime(18, 30)));
    QTest::keyClicks(formWidget->findChild<QLineEdit *>(u"estimateEdit"_s), u"300"_s);
    QTest::mouseClick(page.button(ExpenseAction::Submit), Qt::LeftButton);
    ASSERT_TRUE(page.currentId().has_value()) << page.messageLabel()->text().toStdString();
    const auto &detail = *page.currentDetail();
    ASSERT_EQ(detail.row.staff.size(), 1);
    EXPECT_EQ(detail.row.staff.first().login, u"manager1"_s);
    EXPECT_EQ(detail.request().customerId, customer);
    EXPECT_EQ(detail.route.steps().size(), 3); // dept head, superior, executive (key customer, §6.3.3)
}

TEST_P(EntertainmentPageTest, delegate_sees_for_whom_they_decide)
{
    services::EntertainmentService service(as(u"sales1"_s));
    const qint64 id = service.submit(service.apply(bizdesk::testing::sampleExpenseForm()).id).id;
    services::IdentityService(as(u"manager1"_s)).delegate(u"manager2"_s, QDate(2026, 11, 1), QDate(2026, 11, 30));
    ui::EntertainmentPage page(as(u"manager2"_s));
    page.show();
    page.refresh();
    page.open(id);
    ASSERT_TRUE(page.button(ExpenseAction::Approve)->isVisible());
    EXPECT_TRUE(page.onBehalfLabel()->isVisible());
    const QString manager1 = services::IdentityService(as(u"manager1"_s)).user(u"manager1"_s).displayName;
    EXPECT_TRUE(page.onBehalfLabel()->text().contains(manager1)) << page.onBehalfLabel()->text().toStdString();
    QTest::mouseClick(page.button(ExpenseAction::Approve), Qt::LeftButton);
    EXPECT_EQ(stateOf(id), ExpenseState::PendingSuperiorApproval);
    EXPECT_FALSE(page.onBehalfLabel()->isVisible());

    // The head himself sees no such note.
    ui::EntertainmentPage head(as(u"director"_s));
    head.show();
    head.refresh();
    head.open(id);
    EXPECT_FALSE(head.onBehalfLabel()->isVisible());
}

TEST_P(EntertainmentPageTest, deciding_on_a_request_that_changed_since_it_was_shown_is_refused)
{
    services::EntertainmentService applicant(as(u"sales1"_s));
    const qint64 id = applicant.submit(applicant.apply(bizdesk::testing::sampleExpenseForm()).id).id;

    ui::EntertainmentPage head(as(u"manager1"_s));
    head.resize(1300, 800);
    head.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&head));
    ASSERT_TRUE(head.showRecord({services::expenseRecord, id}));
    const int shown = head.currentDetail()->request().version;
    ASSERT_TRUE(head.button(ExpenseAction::Approve)->isVisible());

    // Meanwhile (another window, a script): returned, changed and submitted again.
    services::EntertainmentService(as(u"manager1"_s)).returnRequest(id, u"请补充客户名单"_s);
    services::EntertainmentService(as(u"sales1"_s)).submit(id);
    ASSERT_EQ(stateOf(id), ExpenseState::PendingDeptReview);

    // The page passes the version it showed: the approval is refused, nothing is decided.
    QTest::mouseClick(head.button(ExpenseAction::Approve), Qt::LeftButton);
    EXPECT_EQ(stateOf(id), ExpenseState::PendingDeptReview);
    EXPECT_TRUE(head.messageLabel()->isVisible());
    EXPECT_TRUE(head.messageLabel()->text().contains(QString::number(shown))) << head.messageLabel()->text().toStdString();
    // It shows the current version now; approving that one works.
    ASSERT_GT(head.currentDetail()->request().version, shown);
    QTest::mouseClick(head.button(ExpenseAction::Approve), Qt::LeftButton);
    EXPECT_EQ(stateOf(id), ExpenseState::PendingSuperiorApproval);
}

BIZDESK_INSTANTIATE_BACKENDS(EntertainmentPageTest);
