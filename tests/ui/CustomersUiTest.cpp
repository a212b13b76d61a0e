#include "services/customers/CustomerService.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"
#include "support/TestDatabase.h"
#include "ui/customers/CustomerDialogs.h"
#include "ui/customers/CustomerListModel.h"
#include "ui/customers/CustomersPage.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
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
    storage::CustomerQuery query;
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
    EXPECT_TRUE(dialog.summary().contains(QStringLiteral("line 2"))) << dialog.summary().toStdString();
}

BIZDESK_INSTANTIATE_BACKENDS(CustomersUiTest);
