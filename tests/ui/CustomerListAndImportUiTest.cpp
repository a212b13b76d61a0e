// Issue 10 on the customers page: the import dialog maps unknown values and keeps information
// black; the list fits 1280 px, sorts names by pinyin and remembers its columns.
#include "domain/Clock.h"
#include "services/ModuleCatalog.h"
#include "services/Session.h"
#include "services/customers/CustomerService.h"
#include "services/demo/DemoData.h"
#include "storage/Migrator.h"
#include "storage/SqlQuery.h"
#include "storage/identity/UserRepository.h"
#include "support/TestDatabase.h"
#include "ui/customers/CustomerDialogs.h"
#include "ui/customers/CustomerListHeader.h"
#include "ui/customers/CustomerListModel.h"
#include "ui/customers/CustomersPage.h"
#include "ui/shell/MainWindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>
#include <QScopeGuard>

#include <gtest/gtest.h>

#include <optional>

using namespace bizdesk;
using bizdesk::testing::BackendTest;

namespace {

/// Settings of this process alone while it lives: the header layout this suite saves must not
/// reach the other suites' pages, which ctest runs in parallel processes on the same settings file.
class PrivateSettings
{
public:
    PrivateSettings() : m_name(QCoreApplication::applicationName())
    {
        QCoreApplication::setApplicationName(m_name + QStringLiteral("-list-header-%1").arg(QCoreApplication::applicationPid()));
        QSettings().clear();
    }
    ~PrivateSettings()
    {
        const QString file = QSettings().fileName();
        QSettings().clear();
        QFile::remove(file);
        QCoreApplication::setApplicationName(m_name);
    }

private:
    QString m_name;
};

class CustomerListAndImportUiTest : public BackendTest
{
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        m_settings.emplace();
    }
    void TearDown() override
    {
        m_settings.reset();
        BackendTest::TearDown();
    }
    std::optional<PrivateSettings> m_settings;
    void add(const QString &name)
    {
        services::NewCustomer input;
        input.name = name;
        services::CustomerService(as(QStringLiteral("director"))).add(input);
    }
    QString csv(const QString &name, const QString &text)
    {
        const QString path = m_scratch->pathFor(name);
        bizdesk::testing::writeFile(path, text.toUtf8());
        return path;
    }
};

/// Shows the main window 1280 px wide on its customers tab; nullptr when there is none.
ui::CustomersPage *showCustomersAt1280(ui::MainWindow &window)
{
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return nullptr;
    auto *page = window.findChild<ui::CustomersPage *>();
    for (int i = 0; page && i < window.tabs()->count(); ++i) {
        if (window.tabs()->widget(i) == page || window.tabs()->widget(i)->isAncestorOf(page))
            window.tabs()->setCurrentIndex(i);
    }
    return page;
}

/// The foreground colour a label is drawn with.
QColor textColour(QLabel *label)
{
    label->ensurePolished();
    return label->palette().color(QPalette::WindowText);
}

} // namespace

TEST_P(CustomerListAndImportUiTest, preview_maps_an_unknown_value_for_all_its_rows_and_information_is_not_red)
{
    const QString path = csv(QStringLiteral("unknown.csv"),
                             QStringLiteral("客户名称,客户级别,微信\n星河科技,战略客户,wx1\n银河商贸,战略客户,wx2\n北辰物流,一般客户,\n"));
    ui::CustomerImportDialog dialog(as(QStringLiteral("sales1")));
    dialog.show();
    ASSERT_TRUE(dialog.load(path));
    auto *summary = dialog.findChild<QLabel *>(QStringLiteral("summaryLabel"));
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    auto *ignored = dialog.findChild<QLabel *>(QStringLiteral("ignoredLabel"));
    ASSERT_TRUE(summary && error && ignored);
    EXPECT_FALSE(summary->text().isEmpty());
    const QColor normal = dialog.palette().color(QPalette::WindowText);
    EXPECT_EQ(textColour(summary), normal) << "information is not red";
    EXPECT_EQ(textColour(ignored), normal);
    EXPECT_NE(textColour(error), normal) << "errors still are";
    EXPECT_TRUE(ignored->text().contains(QStringLiteral("微信"))) << ignored->text().toStdString();

    auto *values = dialog.findChild<QTableWidget *>(QStringLiteral("valuesTable"));
    ASSERT_TRUE(values);
    EXPECT_TRUE(values->isVisible());
    ASSERT_EQ(values->rowCount(), 1);
    EXPECT_EQ(values->item(0, 1)->text(), QStringLiteral("战略客户"));
    EXPECT_EQ(values->item(0, 2)->text(), QStringLiteral("2"));
    auto *choice = qobject_cast<QComboBox *>(values->cellWidget(0, 3));
    ASSERT_TRUE(choice);
    choice->setCurrentIndex(choice->findData(QStringLiteral("key")));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("importButton")), Qt::LeftButton);
    EXPECT_TRUE(dialog.error().isEmpty()) << dialog.error().toStdString();
    EXPECT_EQ(dialog.imported(), 3) << dialog.summary().toStdString();
    EXPECT_EQ(textColour(summary), normal);
    storage::SqlQuery keys(database(), QStringLiteral("SELECT count(*) FROM customers WHERE class = 'key'"));
    EXPECT_EQ(keys.scalar().toInt(), 2);
}

TEST_P(CustomerListAndImportUiTest, update_checkbox_refreshes_instead_of_rejecting)
{
    const QString first = csv(QStringLiteral("a.csv"), QStringLiteral("客户编码,客户名称,公司网址\nKH1,星河科技,old.example.cn\n"));
    const QString second = csv(QStringLiteral("b.csv"), QStringLiteral("客户编码,客户名称,公司网址\nKH1,星河科技,new.example.cn\n"));
    {
        ui::CustomerImportDialog dialog(as(QStringLiteral("sales1")));
        ASSERT_TRUE(dialog.load(first));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("importButton")), Qt::LeftButton);
        EXPECT_EQ(dialog.imported(), 1);
    }
    ui::CustomerImportDialog dialog(as(QStringLiteral("sales1")));
    ASSERT_TRUE(dialog.load(second));
    dialog.findChild<QCheckBox *>(QStringLiteral("updateCheck"))->setChecked(true);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("importButton")), Qt::LeftButton);
    EXPECT_TRUE(dialog.summary().contains(QStringLiteral("1 updated"))) << dialog.summary().toStdString();
    storage::SqlQuery website(database(), QStringLiteral("SELECT website FROM customers WHERE external_code = 'KH1'"));
    EXPECT_EQ(website.scalar().toString(), QStringLiteral("new.example.cn"));
    EXPECT_EQ(storage::SqlQuery(database(), QStringLiteral("SELECT count(*) FROM customers")).scalar().toInt(), 1);
}

TEST_P(CustomerListAndImportUiTest, list_fits_1280_px_sorts_by_pinyin_and_remembers_its_columns)
{
    for (const char *name : {"赵氏集团有限公司", "张三科技有限公司", "北京华信软件有限公司", "阿里巴巴网络技术有限公司"})
        add(QString::fromUtf8(name));
    {
        ui::MainWindow window(as(QStringLiteral("director")));
        ui::CustomersPage *page = showCustomersAt1280(window);
        ASSERT_TRUE(page);
        page->model()->setCountInBackground(false);
        page->applyFilters();
        QTest::qWait(50);
        QTableView *view = page->view();
        ASSERT_TRUE(view->isVisible());
        EXPECT_FALSE(view->horizontalScrollBar()->isVisible()) << "no sideways scrolling at 1280 px";
        EXPECT_LE(view->horizontalHeader()->length(), view->viewport()->width());
        // …and the name keeps room for a usual company name (北京华信软件有限公司, ten characters).
        EXPECT_GE(view->horizontalHeader()->sectionSize(ui::CustomerListModel::Name),
                  view->fontMetrics().horizontalAdvance(QStringLiteral("北京华信软件有限公司")));
        for (int column = 0; column < view->model()->columnCount(); ++column)
            EXPECT_GE(view->horizontalHeader()->sectionSize(column), view->fontMetrics().horizontalAdvance(view->model()->headerData(column, Qt::Horizontal).toString()))
                << "column " << column << " shows its title";
        QStringList names;
        for (int row = 0; row < page->model()->rowCount(); ++row)
            names << page->model()->data(page->model()->index(row, ui::CustomerListModel::Name)).toString();
        EXPECT_EQ(names, (QStringList{QStringLiteral("阿里巴巴网络技术有限公司"), QStringLiteral("北京华信软件有限公司"),
                                      QStringLiteral("张三科技有限公司"), QStringLiteral("赵氏集团有限公司")}));
    }
    int industryWidth = 0;
    {
        ui::CustomersPage page(as(QStringLiteral("director")));
        page.resize(1280, 700);
        page.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
        QHeaderView *header = page.view()->horizontalHeader();
        header->moveSection(header->visualIndex(ui::CustomerListModel::Phone), 0);
        header->resizeSection(ui::CustomerListModel::Industry, header->sectionSize(ui::CustomerListModel::Industry) + 37);
        industryWidth = header->sectionSize(ui::CustomerListModel::Industry);
        header->setSortIndicator(ui::CustomerListModel::LastContact, Qt::DescendingOrder);
    }
    ui::CustomersPage again(as(QStringLiteral("director")));
    again.resize(1280, 700);
    again.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&again));
    QHeaderView *header = again.view()->horizontalHeader();
    EXPECT_EQ(header->visualIndex(ui::CustomerListModel::Phone), 0);
    EXPECT_EQ(header->sectionSize(ui::CustomerListModel::Industry), industryWidth);
    EXPECT_EQ(header->sortIndicatorSection(), ui::CustomerListModel::LastContact);
    EXPECT_EQ(header->sortIndicatorOrder(), Qt::DescendingOrder);
}

BIZDESK_INSTANTIATE_BACKENDS(CustomerListAndImportUiTest);

/// The user guide's screenshot: the customer list at 1280 px with the Chinese demo company.
TEST(CustomerListScreenshot, customer_list_at_1280_px_with_chinese_demo_data)
{
    bizdesk::testing::ScratchDatabase scratch(bizdesk::testing::Backend::Sqlite);
    auto database = storage::Database::open(scratch.location(), storage::Database::CreateMode::CreateIfMissing);
    services::ModuleCatalog::registerAll();
    services::DemoOptions options;
    options.customers = 60;
    services::DemoData::generate(*database, options);
    // Demo customers enter through the one insertion path: one create entry each, "via":"demo".
    EXPECT_EQ(storage::SqlQuery(*database, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'customer.create' AND after_json LIKE '%\"via\":\"demo\"%'")).scalar().toInt(),
              storage::SqlQuery(*database, QStringLiteral("SELECT count(*) FROM customers")).scalar().toInt());
    domain::SystemClock clock;
    services::Session session(*database, clock);
    session.setUser(storage::UserRepository(*database).requireByLogin(QStringLiteral("director")));
    const PrivateSettings settings;
    // As a Chinese user sees it: the zh_CN interface (its labels are the ones the widths are made for).
    QTranslator chinese;
    ASSERT_TRUE(chinese.load(QStringLiteral(":/i18n/bizdesk_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    const auto restore = qScopeGuard([&chinese] { QCoreApplication::removeTranslator(&chinese); });
    ui::MainWindow window(session);
    ui::CustomersPage *page = showCustomersAt1280(window);
    ASSERT_TRUE(page);
    page->model()->setCountInBackground(false);
    page->applyFilters();
    page->view()->selectRow(0);
    QTest::qWait(100);
    EXPECT_FALSE(page->view()->horizontalScrollBar()->isVisible());
    // Written to the user guide's folder only when asked (BIZDESK_SCREENSHOT_DIR), else to scratch.
    const QString folder = qEnvironmentVariableIsSet("BIZDESK_SCREENSHOT_DIR") ? qEnvironmentVariable("BIZDESK_SCREENSHOT_DIR")
                                                                               : scratch.pathFor(QStringLiteral("shots"));
    QDir().mkpath(folder);
    EXPECT_TRUE(window.grab().save(folder + QStringLiteral("/customers.png")));
}
