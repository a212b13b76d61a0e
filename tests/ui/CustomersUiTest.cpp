#include "domain/Error.h"
#include "services/customers/CustomerCareService.h"
#include "services/customers/CustomerService.h"
#include "services/customers/MarketResearchService.h"
#include "services/customers/RetentionService.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"
#include "services/entertainment/EntertainmentModule.h"
#include "services/entertainment/EntertainmentService.h"
#include "support/ExpenseSamples.h"
#include "support/TestDatabase.h"
#include "UiTestSupport.h"
#include "ui/common/BackgroundCounter.h"
#include "ui/customers/CustomerDialogs.h"
#include "ui/customers/CustomerListModel.h"
#include "services/contracts/ContractModule.h"
#include "services/negotiations/NegotiationModule.h"
#include "services/negotiations/NegotiationService.h"
#include "services/contracts/ContractExecutionService.h"
#include "support/ContractSamples.h"
#include "ui/customers/CustomersPage.h"
#include "ui/customers/PipelineBoard.h"
#include "ui/shell/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QFile>
#include <QThread>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QListWidget>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

#include <gtest/gtest.h>

using namespace bizdesk;
using bizdesk::testing::BackendTest;

namespace {

class CustomersUiTest : public BackendTest
{
protected:
    domain::Customer addAs(const QString &login, const QString &name)
    {
        services::NewCustomer input;
        input.name = name;
        return services::CustomerService(as(login)).add(input);
    }
    void addMany(int count)
    {
        services::CustomerService service(as(QStringLiteral("director")));
        storage::Transaction transaction(database());
        for (int i = 0; i < count; ++i) {
            services::NewCustomer input;
            input.name = QStringLiteral("客户%1").arg(i, 5, 10, QLatin1Char('0'));
            input.customerClass = i % 2 ? QStringLiteral("general") : QStringLiteral("key");
            input.ownerLogin = i % 3 ? QStringLiteral("sales1") : QStringLiteral("pool");
            service.add(input);
        }
        transaction.commit();
    }
};

} // namespace

TEST_P(CustomersUiTest, windowed_model_passes_the_item_model_tester_and_fetches_only_pages)
{
    addMany(650);
    ui::CustomerListModel model(as(QStringLiteral("director")));
    model.setCountInBackground(false);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.reload();
    EXPECT_EQ(model.rowCount(), 650);
    EXPECT_EQ(model.pagesFetched(), 1);
    EXPECT_EQ(model.data(model.index(0, ui::CustomerListModel::Name)).toString(), QStringLiteral("客户00000"));
    EXPECT_EQ(model.data(model.index(649, ui::CustomerListModel::Name)).toString(), QStringLiteral("客户00649"));
    EXPECT_EQ(model.data(model.index(450, ui::CustomerListModel::Name)).toString(), QStringLiteral("客户00450"));
    EXPECT_LE(model.pagesFetched(), 4);
    model.sort(ui::CustomerListModel::Name, Qt::DescendingOrder);
    EXPECT_EQ(model.data(model.index(0, ui::CustomerListModel::Name)).toString(), QStringLiteral("客户00649"));
    domain::CustomerQuery query;
    query.customerClass = domain::CustomerClass::Key;
    model.setQuery(query);
    EXPECT_EQ(model.rowCount(), 325);
    // Sequential scrolling uses keyset pages and gives the same rows as offsets would.
    for (int row = 0; row < model.rowCount(); ++row)
        ASSERT_TRUE(model.data(model.index(row, 0)).isValid()) << row;
}

TEST_P(CustomersUiTest, background_count_reports_the_total)
{
    addMany(450);
    ui::CustomerListModel model(as(QStringLiteral("director")));
    QSignalSpy counted(&model, &ui::CustomerListModel::counted);
    model.reload();
    EXPECT_TRUE(model.isCounting());
    EXPECT_EQ(model.rowCount(), ui::CustomerListModel::pageSize);
    ASSERT_TRUE(counted.wait(5000));
    EXPECT_EQ(counted.last().first().toLongLong(), 450);
    EXPECT_EQ(model.rowCount(), 450);
}

TEST_P(CustomersUiTest, two_quick_reloads_show_only_the_last_count)
{
    addMany(450);
    ui::CustomerListModel model(as(QStringLiteral("director")));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy counted(&model, &ui::CustomerListModel::counted);
    model.reload(); // all 450: this count is superseded before it can report
    domain::CustomerQuery keyOnly;
    keyOnly.customerClass = domain::CustomerClass::Key;
    model.setQuery(keyOnly); // 225
    EXPECT_TRUE(model.isCounting());
    EXPECT_EQ(model.countText(), QStringLiteral("Counting…"));
    ASSERT_TRUE(counted.wait(5000));
    QTest::qWait(300); // a stale result, had it not been dropped, would arrive by now
    ASSERT_EQ(counted.count(), 1);
    EXPECT_EQ(counted.first().first().toLongLong(), 225);
    EXPECT_EQ(model.rowCount(), 225);
    EXPECT_EQ(model.countText(), QStringLiteral("225 customer(s)"));
}

TEST_P(CustomersUiTest, a_failed_count_is_shown_not_counting_forever)
{
    if (GetParam() != bizdesk::testing::Backend::Sqlite)
        GTEST_SKIP() << "the failure is made by moving the SQLite file away; the counter's error path is tested on both backends";
    addMany(450);
    ui::CustomersPage page(as(QStringLiteral("director")));
    ui::CustomerListModel *model = page.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy failed(model, &ui::CustomerListModel::countFailedWith);
    QSignalSpy counted(model, &ui::CustomerListModel::counted);
    // The file goes away (a share unmounted, a folder renamed): the open connection still reads
    // the first page, the worker's own connection cannot open it.
    const QString path = database().location().filePath();
    const QString moved = path + QStringLiteral(".moved");
    ASSERT_TRUE(QFile::rename(path, moved));
    page.applyFilters();
    const bool reported = failed.wait(5000);
    ASSERT_TRUE(QFile::rename(moved, path));
    ASSERT_TRUE(reported);
    EXPECT_EQ(counted.count(), 0);
    EXPECT_FALSE(model->isCounting());
    EXPECT_TRUE(model->countFailed());
    EXPECT_EQ(model->rowCount(), ui::CustomerListModel::pageSize) << "the first page stays usable";
    bool labelSaysSo = false;
    for (const QLabel *label : page.findChildren<QLabel *>()) {
        if (label->text().startsWith(QStringLiteral("Could not count the customers:")))
            labelSaysSo = true;
        EXPECT_NE(label->text(), QStringLiteral("Counting…"));
    }
    EXPECT_TRUE(labelSaysSo);
    // The next reload counts again.
    page.applyFilters();
    ASSERT_TRUE(counted.wait(5000));
    EXPECT_FALSE(model->countFailed());
    EXPECT_EQ(model->rowCount(), 450);
}

TEST_P(CustomersUiTest, counter_reports_errors_and_only_the_latest_request)
{
    ui::BackgroundCounter counter;
    QSignalSpy counted(&counter, &ui::BackgroundCounter::counted);
    QSignalSpy failed(&counter, &ui::BackgroundCounter::failed);
    counter.start([]() -> qint64 { return 1; });
    counter.start([]() -> qint64 {
        throw domain::Error::internal(QStringLiteral("disk on fire"));
    });
    ASSERT_TRUE(failed.wait(5000));
    EXPECT_TRUE(failed.first().first().toString().contains(QStringLiteral("disk on fire")));
    EXPECT_FALSE(counter.isBusy());
    counter.start([]() -> qint64 { return 7; });
    counter.cancel();
    counter.start([]() -> qint64 { return 8; });
    ASSERT_TRUE(counted.wait(5000));
    QTest::qWait(200);
    ASSERT_EQ(counted.count(), 1) << "the first and the cancelled request report nothing";
    EXPECT_EQ(counted.first().first().toLongLong(), 8);
    // Destroyed while a slow count runs: waits for it, nothing arrives afterwards.
    auto slow = std::make_unique<ui::BackgroundCounter>();
    slow->start([]() -> qint64 { QThread::msleep(100); return 1; });
    slow.reset();
}

TEST_P(CustomersUiTest, search_as_you_type_filters_the_list)
{
    addMany(30);
    services::NewCustomer special;
    special.name = QStringLiteral("北京华信软件有限公司");
    special.contactName = QStringLiteral("欧阳娜娜");
    services::CustomerService(as(QStringLiteral("director"))).add(special);
    ui::CustomersPage page(as(QStringLiteral("director")));
    page.model()->setCountInBackground(false);
    page.applyFilters();
    EXPECT_EQ(page.model()->rowCount(), 31);
    // Typed one character at a time (QTest::keyClicks only knows Latin keys).
    for (QChar c : QStringLiteral("欧阳娜"))
        page.searchEdit()->insert(QString(c));
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, 2000);
    page.view()->selectRow(0);
    EXPECT_TRUE(page.detail()->toPlainText().contains(QStringLiteral("北京华信软件有限公司")));
    page.searchEdit()->clear();
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 31, 2000);
    QTest::keyClicks(page.searchEdit(), QStringLiteral("hua"));
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 0, 2000);
}

TEST_P(CustomersUiTest, detail_pane_shows_markup_verbatim)
{
    services::NewCustomer input;
    input.name = QStringLiteral("<b>x'); DROP TABLE users;--</b>");
    const auto customer = services::CustomerService(as(QStringLiteral("sales1"))).add(input);
    ui::CustomersPage page(as(QStringLiteral("sales1")));
    page.showCustomer(customer.id);
    EXPECT_TRUE(page.detail()->toPlainText().contains(input.name));
}

TEST_P(CustomersUiTest, kanban_move_refused_with_message)
{
    services::NewCustomer input;
    input.name = QStringLiteral("看板客户");
    const auto customer = services::CustomerService(as(QStringLiteral("sales1"))).add(input);
    ui::PipelineBoard board(as(QStringLiteral("sales1")));
    board.refresh();
    ASSERT_EQ(board.column(domain::Stage::Lead)->count(), 1);
    EXPECT_FALSE(board.moveCustomer(customer.id, domain::Stage::Won));
    EXPECT_TRUE(board.message().contains(QStringLiteral("§3.1.4"))) << board.message().toStdString();
    EXPECT_EQ(board.column(domain::Stage::Lead)->count(), 1);
    EXPECT_TRUE(board.moveCustomer(customer.id, domain::Stage::Contacted));
    EXPECT_TRUE(board.message().isEmpty());
    EXPECT_EQ(board.column(domain::Stage::Contacted)->count(), 1);
    EXPECT_EQ(board.column(domain::Stage::Lead)->count(), 0);
}

TEST_P(CustomersUiTest, new_customer_dialog_warns_about_duplicates_as_you_type)
{
    services::NewCustomer input;
    input.name = QStringLiteral("Acme Trading");
    services::CustomerService(as(QStringLiteral("sales1"))).add(input);
    ui::CustomerDialog dialog(as(QStringLiteral("sales1")));
    dialog.setName(QStringLiteral("ＡＣＭＥ trading"));
    EXPECT_TRUE(dialog.duplicateWarning().contains(QStringLiteral("Acme Trading"))) << dialog.duplicateWarning().toStdString();
    dialog.setName(QStringLiteral("Another"));
    EXPECT_TRUE(dialog.duplicateWarning().isEmpty());
}

TEST_P(CustomersUiTest, edit_dialog_saves_changes_with_the_version_read)
{
    services::NewCustomer input;
    input.name = QStringLiteral("旧名称");
    const auto customer = services::CustomerService(as(QStringLiteral("sales1"))).add(input);
    ui::CustomerDialog dialog(as(QStringLiteral("sales1")), nullptr, customer.id);
    dialog.setName(QStringLiteral("新名称"));
    static_cast<QDialog &>(dialog).accept(); // what OK does
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    const auto saved = services::CustomerService(as(QStringLiteral("sales1"))).customer(customer.id);
    EXPECT_EQ(saved.name, QStringLiteral("新名称"));
    EXPECT_EQ(saved.version, customer.version + 1);
    // A second dialog opened on the old version is refused with a conflict, nothing overwritten.
    auto stale = customer;
    stale.name = QStringLiteral("覆盖");
    EXPECT_ERROR_KIND(services::CustomerService(as(QStringLiteral("sales1"))).update(stale), Conflict);
}

TEST_P(CustomersUiTest, import_dialog_previews_mapping_and_reports_rows)
{
    ui::CustomerImportDialog dialog(as(QStringLiteral("sales1")));
    ASSERT_TRUE(dialog.load(QStringLiteral(BIZDESK_SOURCE_DIR "/tests/fixtures/customers/utf8-bom-zh_TW.csv")));
    EXPECT_EQ(dialog.mapping().first(), QStringLiteral("name"));
    EXPECT_FALSE(dialog.load(QStringLiteral(BIZDESK_SOURCE_DIR "/tests/fixtures/customers/truncated.csv")));
    EXPECT_TRUE(dialog.error().contains(QStringLiteral("line 2"))) << dialog.error().toStdString();
}

namespace {

QPushButton *button(QWidget &page, const char *name)
{
    return page.findChild<QPushButton *>(QLatin1String(name));
}

void clickOk(QDialog *dialog)
{
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

} // namespace

TEST_P(CustomersUiTest, research_and_segment_dialogs_record_and_the_page_lists_them)
{
    ui::CustomersPage page(as(QStringLiteral("sales1")));
    page.show();
    page.findChild<QTabWidget *>()->setCurrentIndex(3);
    ASSERT_TRUE(button(page, "addResearchButton")->isVisible());
    bizdesk::testing::whenModalShown<ui::MarketResearchDialog>([](ui::MarketResearchDialog *dialog) {
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        EXPECT_FALSE(ok->isEnabled()); // a topic is required (§3.1.1)
        bizdesk::testing::typeText(dialog->findChild<QLineEdit *>(QStringLiteral("topicEdit")), QStringLiteral("华南制造业 ERP"));
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("competitorsEdit"))->setPlainText(QStringLiteral("<b>用友</b>"));
        EXPECT_TRUE(ok->isEnabled()) << dialog->findChild<QLineEdit *>(QStringLiteral("topicEdit"))->text().toStdString();
        clickOk(dialog);
        EXPECT_EQ(dialog->result(), QDialog::Accepted) << dialog->findChild<QLabel *>(QStringLiteral("errorLabel"))->text().toStdString();
    });
    QTest::mouseClick(button(page, "addResearchButton"), Qt::LeftButton);
    ASSERT_EQ(page.researchTable()->rowCount(), 1);
    EXPECT_EQ(page.researchTable()->item(0, 1)->text(), QStringLiteral("华南制造业 ERP"));
    EXPECT_EQ(page.researchTable()->item(0, 3)->text(), QStringLiteral("<b>用友</b>"));

    bizdesk::testing::whenModalShown<ui::TargetSegmentDialog>([](ui::TargetSegmentDialog *dialog) {
        bizdesk::testing::typeText(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit")), QStringLiteral("中型制造企业"));
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("strategyEdit"))->setPlainText(QStringLiteral("标杆案例"));
        clickOk(dialog);
    });
    QTest::mouseClick(button(page, "addSegmentButton"), Qt::LeftButton);
    ASSERT_EQ(page.segmentTable()->rowCount(), 1);
    EXPECT_EQ(page.segmentTable()->item(0, 0)->text(), QStringLiteral("中型制造企业"));

    // Finance may not record research: the actions are not shown at all.
    ui::CustomersPage financePage(as(QStringLiteral("finance")));
    EXPECT_TRUE(button(financePage, "addResearchButton")->isHidden());
    EXPECT_TRUE(button(financePage, "addSegmentButton")->isHidden());
}

TEST_P(CustomersUiTest, customer_dialog_links_the_customer_to_a_segment)
{
    services::CustomerService service(as(QStringLiteral("sales1")));
    services::MarketResearchService(as(QStringLiteral("sales1"))).addSegment(QStringLiteral("中型制造企业"), {}, {});
    services::NewCustomer input;
    input.name = QStringLiteral("华信");
    const auto customer = service.add(input);
    ui::CustomerDialog dialog(as(QStringLiteral("sales1")), nullptr, customer.id);
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("segmentCombo"));
    ASSERT_EQ(combo->count(), 2);
    combo->setCurrentIndex(1);
    static_cast<QDialog &>(dialog).accept();
    EXPECT_EQ(service.details(customer.id).segmentName, QStringLiteral("中型制造企业"));
    ui::CustomerDialog again(as(QStringLiteral("sales1")), nullptr, customer.id);
    EXPECT_EQ(again.findChild<QComboBox *>(QStringLiteral("segmentCombo"))->currentText(), QStringLiteral("中型制造企业"));
}

TEST_P(CustomersUiTest, managers_reassign_and_release_from_the_detail_pane)
{
    services::NewCustomer input;
    input.name = QStringLiteral("华信");
    const auto customer = services::CustomerService(as(QStringLiteral("sales1"))).add(input);
    ui::CustomersPage specialist(as(QStringLiteral("sales1")));
    specialist.showCustomer(customer.id);
    EXPECT_TRUE(specialist.assignButton()->isHidden());

    ui::CustomersPage page(as(QStringLiteral("manager1")));
    page.showCustomer(customer.id);
    EXPECT_FALSE(page.assignButton()->isHidden());
    EXPECT_TRUE(page.assignButton()->isEnabled());
    EXPECT_TRUE(page.releaseButton()->isEnabled());
    page.assignCustomer(QStringLiteral("sales3")); // another department: refused, said why
    EXPECT_FALSE(page.message().isEmpty());
    page.assignCustomer(QStringLiteral("sales2"));
    EXPECT_TRUE(page.message().isEmpty()) << page.message().toStdString();
    EXPECT_EQ(services::CustomerService(as(QStringLiteral("manager1"))).customer(customer.id).ownerId, organisation().id(QStringLiteral("sales2")));
    QTest::mouseClick(page.releaseButton(), Qt::LeftButton);
    EXPECT_FALSE(services::CustomerService(as(QStringLiteral("manager1"))).customer(customer.id).ownerId.has_value());
    EXPECT_FALSE(page.releaseButton()->isEnabled());
}

TEST_P(CustomersUiTest, churn_page_records_the_win_back_result)
{
    services::NewCustomer input;
    input.name = QStringLiteral("华信");
    services::CustomerService service(as(QStringLiteral("sales1")));
    const auto customer = service.add(input);
    services::RetentionService(as(QStringLiteral("sales1"))).recordWinBack(customer.id, QStringLiteral("竞争对手降价"), QStringLiteral("九折"));
    ui::CustomersPage page(as(QStringLiteral("sales1")));
    page.findChild<QTabWidget *>()->setCurrentIndex(2);
    ASSERT_EQ(page.winBackTable()->rowCount(), 1);
    page.recordWinBackResult(true, QStringLiteral("续签")); // nothing chosen: refused
    EXPECT_DOUBLE_EQ(services::RetentionService(as(QStringLiteral("sales1"))).winBackSuccessRate(), -1.0);
    page.winBackTable()->selectRow(0);
    page.recordWinBackResult(true, QStringLiteral("续签"));
    EXPECT_DOUBLE_EQ(services::RetentionService(as(QStringLiteral("sales1"))).winBackSuccessRate(), 1.0);
    EXPECT_TRUE(page.winBackTable()->item(0, 4)->text().contains(QStringLiteral("续签")));
    EXPECT_TRUE(button(page, "winBackResultButton")->isVisibleTo(&page));
    ui::CustomersPage financePage(as(QStringLiteral("finance")));
    EXPECT_FALSE(button(financePage, "winBackResultButton")->isVisibleTo(&financePage));
}

TEST_P(CustomersUiTest, business_dealings_list_contracts_with_payments_negotiations_and_entertainment_requests_and_open_them)
{
    // Refreshing the user guide's picture (BIZDESK_SCREENSHOT_DIR) shows the Chinese interface.
    const QString folder = qEnvironmentVariable("BIZDESK_SCREENSHOT_DIR");
    std::optional<bizdesk::testing::ChineseInterface> chinese;
    if (!folder.isEmpty())
        chinese.emplace();
    services::NewCustomer input;
    input.name = QStringLiteral("华信");
    const auto customer = services::CustomerService(as(QStringLiteral("sales1"))).add(input);
    auto form = bizdesk::testing::sampleExpenseForm(QStringLiteral("1200"));
    form.customerId = customer.id;
    const auto request = services::EntertainmentService(as(QStringLiteral("sales1"))).apply(form);
    const auto contract = bizdesk::testing::effectiveContract([this](const QString &login) -> services::Session & { return as(login); },
                                                              customer.id, QStringLiteral("120000"), QDate(2026, 11, 2));
    services::ContractExecutionService(as(QStringLiteral("manager1"))).addReceivable(contract.id, QDate(2026, 11, 10), QStringLiteral("60000"));
    services::ContractExecutionService(as(QStringLiteral("finance")))
        .recordPayment(contract.id, QDate(2026, 11, 2), QStringLiteral("45000"), std::nullopt, QStringLiteral("银行转账"));
    domain::NegotiationForm negotiation;
    negotiation.customerId = customer.id;
    negotiation.title = QStringLiteral("ERP 二期谈判");
    const auto opened = services::NegotiationService(as(QStringLiteral("sales1"))).open(negotiation);
    ui::CustomersPage page(as(QStringLiteral("sales1")));
    page.showCustomer(customer.id);
    QTableWidget *table = page.dealingsTable();
    ASSERT_EQ(table->rowCount(), 3);
    EXPECT_EQ(table->item(1, 1)->text(), QString::number(opened.id));
    EXPECT_EQ(table->item(1, 3)->text(), domain::negotiationStages().display(domain::NegotiationStage::Preparation));
    EXPECT_TRUE(table->item(1, 4)->text().isEmpty()) << "no offer yet";
    EXPECT_EQ(table->item(0, 1)->text(), contract.number);
    EXPECT_EQ(table->item(0, 3)->text(), domain::contractStates().display(domain::ContractState::Effective));
    EXPECT_TRUE(table->item(0, 4)->text().contains(QStringLiteral("120,000")));
    EXPECT_TRUE(table->item(0, 5)->text().contains(QStringLiteral("45,000.00"))) << table->item(0, 5)->text().toStdString();
    EXPECT_TRUE(table->item(0, 5)->text().contains(QStringLiteral("75,000.00"))) << "outstanding";
    EXPECT_EQ(table->item(2, 1)->text(), QString::number(request.id));
    EXPECT_EQ(table->item(2, 3)->text(), domain::expenseStateDisplayName(domain::ExpenseState::Draft));
    EXPECT_TRUE(table->item(2, 4)->text().contains(QStringLiteral("1,200")));
    if (!folder.isEmpty() && GetParam() == bizdesk::testing::Backend::Sqlite) {
        page.resize(1280, 800);
        page.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
        EXPECT_TRUE(page.grab().save(folder + QStringLiteral("/customers-dealings.png")));
    }
    QList<services::RecordRef> openedRecords;
    page.setRecordOpener([&openedRecords](const services::RecordRef &record) {
        openedRecords << record;
        return true;
    });
    emit table->cellDoubleClicked(2, 1);
    emit table->cellDoubleClicked(0, 2);
    emit table->cellDoubleClicked(1, 0);
    ASSERT_EQ(openedRecords.size(), 3);
    EXPECT_TRUE(openedRecords.at(0) == (services::RecordRef{services::expenseRecord, request.id}));
    EXPECT_TRUE(openedRecords.at(1) == (services::RecordRef{services::contractRecord, contract.id}));
    EXPECT_TRUE(openedRecords.at(2) == (services::RecordRef{services::negotiationRecord, opened.id}));
}

TEST_P(CustomersUiTest, ok_and_cancel_of_the_customer_dialogs_close_them)
{
    ui::CustomerDialog dialog(as(QStringLiteral("sales1")));
    dialog.setName(QStringLiteral("新客户"));
    clickOk(&dialog);
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_GT(dialog.createdId(), 0);
    ui::ContactLogDialog contact(as(QStringLiteral("sales1")), dialog.createdId());
    contact.findChild<QPlainTextEdit *>(QStringLiteral("noteEdit"))->setPlainText(QStringLiteral("电话沟通需求"));
    clickOk(&contact);
    EXPECT_EQ(contact.result(), QDialog::Accepted);
    EXPECT_EQ(services::CustomerService(as(QStringLiteral("sales1"))).details(dialog.createdId()).log.size(), 1);
    ui::TargetSegmentDialog segment(as(QStringLiteral("sales1")));
    segment.show();
    QTest::mouseClick(segment.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    EXPECT_FALSE(segment.isVisible());
    EXPECT_EQ(segment.result(), QDialog::Rejected);
}

TEST_P(CustomersUiTest, file_menu_offers_import_and_export_to_those_who_may)
{
    auto fileAction = [](ui::MainWindow &window, const char *name) -> QAction * {
        for (QAction *action : window.menuBar()->actions().first()->menu()->actions()) {
            if (action->objectName() == QLatin1String(name))
                return action;
        }
        return nullptr;
    };
    ui::MainWindow window(as(QStringLiteral("sales1")));
    QAction *import = fileAction(window, "importCustomersAction");
    QAction *exportAction = fileAction(window, "exportCustomersAction");
    ASSERT_NE(import, nullptr);
    ASSERT_NE(exportAction, nullptr);
    EXPECT_TRUE(import->isVisible());
    EXPECT_TRUE(exportAction->isVisible());
    bool shown = false;
    bizdesk::testing::whenModalShown<ui::CustomerImportDialog>([&shown](ui::CustomerImportDialog *) { shown = true; });
    import->trigger();
    EXPECT_TRUE(shown);
    ui::MainWindow finance(as(QStringLiteral("finance")));
    ASSERT_NE(fileAction(finance, "importCustomersAction"), nullptr);
    EXPECT_FALSE(fileAction(finance, "importCustomersAction")->isVisible());
    EXPECT_FALSE(fileAction(finance, "exportCustomersAction")->isVisible());
}

TEST_P(CustomersUiTest, owner_pickers_list_exactly_what_the_service_offers)
{
    for (const QString &login : {QStringLiteral("manager1"), QStringLiteral("sales1"), QStringLiteral("director")}) {
        services::Session &session = as(login);
        const services::OwnerChoices choices = services::CustomerService(session).eligibleOwners();
        QStringList expected;
        for (const auto &user : choices.people) {
            if (user.id == session.userId())
                expected << user.login;
        }
        if (choices.pool)
            expected << QStringLiteral("pool");
        for (const auto &user : choices.people) {
            if (user.id != session.userId())
                expected << user.login;
        }
        ui::CustomerDialog dialog(session);
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("ownerCombo"));
        ASSERT_NE(combo, nullptr);
        QStringList shown;
        for (int i = 0; i < combo->count(); ++i)
            shown << combo->itemData(i).toString();
        EXPECT_EQ(shown, expected) << login.toStdString();
        if (login == QLatin1String("manager1")) {
            EXPECT_FALSE(shown.contains(QStringLiteral("sales3"))); // another department, as assign refuses it
        }
    }

    // The reassign picker of the detail pane offers the same people.
    const auto customer = addAs(QStringLiteral("sales1"), QStringLiteral("华信"));
    ui::CustomersPage page(as(QStringLiteral("manager1")));
    page.showCustomer(customer.id);
    QStringList expectedLabels;
    for (const auto &user : services::CustomerService(as(QStringLiteral("manager1"))).eligibleOwners().people)
        expectedLabels << user.displayName + QStringLiteral(" (") + user.login + QLatin1Char(')');
    QStringList offered;
    bizdesk::testing::whenModalShown<QInputDialog>([&](QInputDialog *picker) { offered = picker->comboBoxItems(); });
    page.assignCustomer();
    EXPECT_EQ(offered, expectedLabels);
    EXPECT_EQ(services::CustomerService(as(QStringLiteral("manager1"))).customer(customer.id).ownerId, organisation().id(QStringLiteral("sales1")));
}

TEST_P(CustomersUiTest, detail_pane_actions_send_the_version_shown)
{
    const auto customer = addAs(QStringLiteral("sales1"), QStringLiteral("华信"));
    ui::CustomersPage page(as(QStringLiteral("manager1")));
    page.showCustomer(customer.id);
    // Meanwhile the owner moves the customer on in another window.
    services::CustomerService(as(QStringLiteral("sales1"))).changeStage(customer.id, domain::Stage::Contacted, {});
    QTest::mouseClick(page.releaseButton(), Qt::LeftButton);
    EXPECT_TRUE(page.message().contains(QStringLiteral("changed since you saw it"))) << page.message().toStdString();
    EXPECT_EQ(services::CustomerService(as(QStringLiteral("manager1"))).customer(customer.id).ownerId, organisation().id(QStringLiteral("sales1")));
    // After a refresh the pane shows the new version and the same click goes through.
    page.showCustomer(customer.id);
    QTest::mouseClick(page.releaseButton(), Qt::LeftButton);
    EXPECT_FALSE(services::CustomerService(as(QStringLiteral("manager1"))).customer(customer.id).ownerId.has_value());

    // A card on the board drawn before a change is refused as well.
    const auto other = addAs(QStringLiteral("sales1"), QStringLiteral("远大"));
    ui::PipelineBoard board(as(QStringLiteral("sales1")));
    board.refresh();
    services::CustomerService(as(QStringLiteral("sales1"))).changeStage(other.id, domain::Stage::Contacted, {});
    EXPECT_FALSE(board.moveCustomer(other.id, domain::Stage::NeedsAnalysis));
    EXPECT_TRUE(board.message().contains(QStringLiteral("changed since you saw it"))) << board.message().toStdString();
    EXPECT_EQ(services::CustomerService(as(QStringLiteral("sales1"))).customer(other.id).stage, domain::Stage::Contacted);
}

BIZDESK_INSTANTIATE_BACKENDS(CustomersUiTest);
