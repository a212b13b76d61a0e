#include "UiTestSupport.h"

#include "services/Session.h"
#include "services/ModuleCatalog.h"
#include "services/customers/CustomerModule.h"
#include "services/customers/CustomerService.h"
#include "services/entertainment/EntertainmentModule.h"
#include "services/entertainment/EntertainmentService.h"
#include "services/identity/TeamModule.h"
#include "services/tasks/TaskSource.h"
#include "support/ExpenseSamples.h"
#include "ui/customers/CustomersPage.h"
#include "ui/entertainment/EntertainmentPage.h"
#include "ui/shell/ModulePages.h"
#include "ui/shell/PlannedModulePage.h"
#include "support/TestDatabase.h"
#include "ui/shell/Application.h"
#include "ui/shell/MainWindow.h"
#include "ui/tasks/MyTasksPage.h"
#include "ui/team/PeoplePage.h"

#include <QApplication>
#include <QComboBox>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QStandardItemModel>
#include <QTreeView>

#include <gtest/gtest.h>

using namespace bizdesk;

namespace {

/// Stands in for a module's task source: two tasks for sales1, one of them overdue.
class TestTaskSource : public services::TaskSource
{
public:
    QList<services::TaskItem> tasksFor(services::Session &session) const override
    {
        if (session.user().login != QLatin1String("sales1"))
            return {};
        services::TaskItem follow;
        follow.kind = QStringLiteral("follow_up");
        follow.record = {services::customerRecord, 42};
        follow.title = QStringLiteral("回访 华为技术有限公司");
        follow.detail = QStringLiteral("重点客户 · 每 30 天");
        follow.due = session.now().addDays(2);
        services::TaskItem late = follow;
        late.record.id = 43;
        late.title = QStringLiteral("回访 <b>腾讯</b>");
        late.due = session.now().addDays(-3);
        late.overdue = true;
        services::TaskItem person;
        person.kind = QStringLiteral("review");
        person.record = {services::userRecord, m_personId};
        person.title = QStringLiteral("检查 赵静 的资料");
        return {follow, late, person};
    }
    qint64 m_personId = 0;
};

class MyTasksPageTest : public bizdesk::testing::BackendTest
{
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        auto source = std::make_unique<TestTaskSource>();
        source->m_personId = organisation().id(QStringLiteral("sales2"));
        m_source = source.get();
        services::TaskService::addSource(std::move(source));
    }
    void TearDown() override
    {
        services::TaskService::removeSource(m_source);
        BackendTest::TearDown();
    }
    const services::TaskSource *m_source = nullptr;
};

} // namespace

TEST_P(MyTasksPageTest, lists_registered_tasks_grouped_by_kind_overdue_first_with_a_badge_count)
{
    ui::MyTasksPage page(as(QStringLiteral("sales1")));
    ASSERT_TRUE(bizdesk::testing::waitForTasks(page));
    EXPECT_EQ(page.badgeCount(), 3);
    const QStandardItemModel *model = page.model();
    ASSERT_EQ(model->rowCount(), 2) << "follow-ups, then the other kind";
    EXPECT_EQ(model->index(0, 0).data().toString(), QStringLiteral("Follow-ups due (2)"));
    EXPECT_EQ(model->index(1, 0).data().toString(), QStringLiteral("Other tasks (1)"));
    const QModelIndex followUps = model->index(0, 0);
    ASSERT_EQ(model->rowCount(followUps), 2);
    EXPECT_TRUE(model->index(0, 0, followUps).data().toString().contains(QStringLiteral("<b>腾讯</b>")))
        << "overdue first, shown verbatim";
    EXPECT_TRUE(model->index(1, 0, followUps).data().toString().contains(QStringLiteral("华为")));
    EXPECT_TRUE(page.view()->isExpanded(followUps));

    ui::MyTasksPage other(as(QStringLiteral("sales2")));

    ASSERT_TRUE(bizdesk::testing::waitForTasks(other));
    EXPECT_EQ(other.badgeCount(), 0);
    EXPECT_TRUE(other.view()->isHidden());
}

TEST_P(MyTasksPageTest, double_click_asks_to_open_the_record)
{
    ui::MyTasksPage page(as(QStringLiteral("sales1")));
    ASSERT_TRUE(bizdesk::testing::waitForTasks(page));
    page.resize(800, 400);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    QList<services::RecordRef> opened;
    page.setRecordOpener([&opened](const services::RecordRef &record) {
        opened << record;
        return true;
    });
    const QModelIndex followUps = page.model()->index(0, 0);
    const QRect rect = page.view()->visualRect(page.model()->index(1, 0, followUps));
    ASSERT_TRUE(rect.isValid());
    // A real double-click is press, release, double-click; QTest::mouseDClick alone sends only the last.
    QTest::mouseClick(page.view()->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(page.view()->viewport(), Qt::LeftButton, {}, rect.center());
    ASSERT_EQ(opened.size(), 1);
    EXPECT_TRUE(opened.first() == (services::RecordRef{services::customerRecord, 42}));
}

TEST_P(MyTasksPageTest, main_window_shows_the_count_and_opens_the_module)
{
    ui::MainWindow window(as(QStringLiteral("sales1")));
    ASSERT_TRUE(bizdesk::testing::waitForTasks(window));
    QTabWidget *tabs = window.tabs();
    int tasksTab = -1;
    int teamTab = -1;
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->widget(i)->objectName() == QLatin1String("tasks"))
            tasksTab = i;
        if (tabs->widget(i)->objectName() == QLatin1String("team"))
            teamTab = i;
    }
    ASSERT_GE(tasksTab, 0);
    ASSERT_GE(teamTab, 0);
    EXPECT_TRUE(tabs->tabText(tasksTab).contains(QStringLiteral("(3)"))) << tabs->tabText(tasksTab).toStdString();

    auto *page = qobject_cast<ui::MyTasksPage *>(tabs->widget(tasksTab));
    ASSERT_NE(page, nullptr);
    page->openTask(2); // the team task: PeoplePage implements showRecord
    EXPECT_EQ(tabs->currentIndex(), teamTab);
    auto *people = qobject_cast<ui::PeoplePage *>(tabs->widget(teamTab));
    ASSERT_NE(people, nullptr);
    ASSERT_TRUE(people->selectedUser().has_value());
    EXPECT_EQ(people->selectedUser()->login, QStringLiteral("sales2"));

    // A record the page cannot find still gets its module's tab shown.
    EXPECT_FALSE(window.openRecord({services::customerRecord, 42}));
    EXPECT_EQ(tabs->widget(tabs->currentIndex())->objectName(), QStringLiteral("customers"));
    // A kind no module opens: refused, the tab stays.
    EXPECT_FALSE(window.openRecord({services::RecordKind("no_such_kind"), 1}));
    EXPECT_EQ(tabs->widget(tabs->currentIndex())->objectName(), QStringLiteral("customers"));
}

namespace {

/// Tasks for manager1 pointing at real records of two modules.
class RealRecordTasks : public services::TaskSource
{
public:
    QList<services::TaskItem> tasksFor(services::Session &session) const override
    {
        if (session.user().login != QLatin1String("manager1"))
            return {};
        services::TaskItem approval;
        approval.kind = QStringLiteral("approval");
        approval.record = {services::expenseRecord, expenseId};
        approval.title = QStringLiteral("审批 招待申请");
        approval.due = session.now().addDays(1);
        services::TaskItem follow;
        follow.kind = QStringLiteral("follow_up");
        follow.record = {services::customerRecord, customerId};
        follow.title = QStringLiteral("回访 客户");
        follow.due = session.now().addDays(2);
        return {approval, follow};
    }
    qint64 expenseId = 0;
    qint64 customerId = 0;
};

int tabOf(QTabWidget *tabs, const QString &key)
{
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->widget(i)->objectName() == key)
            return i;
    }
    return -1;
}

/// Double-clicks the first task of group `group`.
void doubleClick(QTreeView *view, int group)
{
    const QModelIndex index = view->model()->index(0, 0, view->model()->index(group, 0));
    const QRect rect = view->visualRect(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

} // namespace

TEST_P(MyTasksPageTest, double_click_opens_each_modules_record_in_its_own_tab)
{
    services::EntertainmentService applicant(as(QStringLiteral("sales1")));
    const qint64 expenseId = applicant.submit(applicant.apply(bizdesk::testing::sampleExpenseForm()).id).id;
    services::NewCustomer input;
    input.name = QStringLiteral("上海东方软件有限公司");
    input.ownerLogin = QStringLiteral("manager1");
    const qint64 customerId = services::CustomerService(as(QStringLiteral("manager1"))).add(input).id;
    auto source = std::make_shared<RealRecordTasks>();
    source->expenseId = expenseId;
    source->customerId = customerId;
    services::TaskService::addSource(source);

    ui::MainWindow window(as(QStringLiteral("manager1")));

    ASSERT_TRUE(bizdesk::testing::waitForTasks(window));
    window.resize(1200, 800);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QTabWidget *tabs = window.tabs();
    const int tasksTab = tabOf(tabs, QStringLiteral("tasks"));
    tabs->setCurrentIndex(tasksTab);
    ASSERT_TRUE(bizdesk::testing::waitForTasks(window));
    auto *tasks = qobject_cast<ui::MyTasksPage *>(tabs->widget(tasksTab));
    ASSERT_NE(tasks, nullptr);
    const QStandardItemModel *model = tasks->model();
    ASSERT_EQ(model->rowCount(), 2);
    EXPECT_EQ(model->index(0, 3, model->index(0, 0)).data().toString(), services::ModuleCatalog::title(services::ModuleId::Entertainment));
    EXPECT_EQ(model->index(0, 3, model->index(1, 0)).data().toString(), services::ModuleCatalog::title(services::ModuleId::Customers));

    doubleClick(tasks->view(), 0);
    EXPECT_EQ(tabs->currentIndex(), tabOf(tabs, QStringLiteral("entertainment")));
    auto *entertainment = qobject_cast<ui::EntertainmentPage *>(tabs->currentWidget());
    ASSERT_NE(entertainment, nullptr);
    EXPECT_EQ(entertainment->currentId(), expenseId);

    tabs->setCurrentIndex(tasksTab);
    ASSERT_TRUE(bizdesk::testing::waitForTasks(window));
    ASSERT_EQ(tasks->model()->rowCount(), 2);
    doubleClick(tasks->view(), 1);
    EXPECT_EQ(tabs->currentIndex(), tabOf(tabs, QStringLiteral("customers")));
    auto *customers = qobject_cast<ui::CustomersPage *>(tabs->currentWidget());
    ASSERT_NE(customers, nullptr);
    EXPECT_TRUE(customers->detail()->toPlainText().contains(input.name));

    services::TaskService::removeSource(source.get());
}

TEST_P(MyTasksPageTest, every_module_in_the_catalog_has_its_tab_and_its_page_opens_its_record_kinds)
{
    ui::MainWindow window(as(QStringLiteral("director")));
    ASSERT_TRUE(bizdesk::testing::waitForTasks(window));
    QTabWidget *tabs = window.tabs();
    ASSERT_EQ(tabs->count(), 1 + static_cast<int>(services::ModuleCatalog::modules().size())) << "My Tasks plus one tab per module";
    for (const services::ModuleDescriptor &module : services::ModuleCatalog::modules()) {
        const int tab = tabOf(tabs, services::moduleKey(module.id));
        ASSERT_GE(tab, 0) << services::moduleKey(module.id).toStdString();
        EXPECT_TRUE(tabs->tabText(tab).startsWith(services::ModuleCatalog::title(module.id)));
        QWidget *page = tabs->widget(tab);
        if (module.planned) {
            EXPECT_NE(qobject_cast<ui::PlannedModulePage *>(page), nullptr);
            EXPECT_TRUE(module.records.isEmpty()) << "a planned module opens nothing yet";
            continue;
        }
        EXPECT_EQ(qobject_cast<ui::PlannedModulePage *>(page), nullptr) << "built modules have their own page";
        EXPECT_NE(dynamic_cast<ui::ModulePage *>(page), nullptr);
        for (const services::RecordKind kind : module.records)
            EXPECT_EQ(services::ModuleCatalog::moduleOpening(kind), module.id) << "one module opens each kind";
    }
}

INSTANTIATE_TEST_SUITE_P(Sqlite, MyTasksPageTest, ::testing::Values(bizdesk::testing::Backend::Sqlite),
                         bizdesk::testing::backendLabel);

namespace {

/// What manager1 saw: two approvals among many reminders — three follow-ups (one overdue, one due
/// today, one next week) and fourteen overdue contacts of two customer classes.
class BusyManagerTasks : public services::TaskSource
{
public:
    QList<services::TaskItem> tasksFor(services::Session &session) const override
    {
        if (session.user().login != QLatin1String("manager1"))
            return {};
        const QDateTime today = session.calendar().startOf(session.today()).addSecs(10 * 3600);
        QList<services::TaskItem> tasks;
        const QStringList companies{QStringLiteral("北京星辰科技有限公司"), QStringLiteral("上海东方软件有限公司"),
                                    QStringLiteral("深圳华南电子股份有限公司"), QStringLiteral("杭州云帆信息技术有限公司"),
                                    QStringLiteral("成都天府数据服务有限公司"), QStringLiteral("南京金陵智能制造有限公司"),
                                    QStringLiteral("武汉光谷新能源有限公司")};
        for (int i = 0; i < 14; ++i) {
            services::TaskItem contact;
            contact.kind = QStringLiteral("overdue_contact");
            contact.record = {services::customerRecord, 100 + i};
            const bool key = i < 8;
            contact.group = key ? QStringLiteral("重点客户") : QStringLiteral("普通客户");
            contact.title = QStringLiteral("联系 %1").arg(companies.at(i % companies.size()));
            contact.detail = QStringLiteral("%1 · %2 天未联系，间隔 %3 天").arg(contact.group).arg(40 + i).arg(key ? 30 : 60);
            contact.due = today.addDays(key ? -40 + i : -10 - i); // key customers are the longest overdue
            contact.overdue = true;
            tasks << contact;
        }
        const auto followUp = [&](qint64 id, const QString &company, int days) {
            services::TaskItem item;
            item.kind = QStringLiteral("follow_up");
            item.record = {services::customerRecord, id};
            item.title = QStringLiteral("回访 %1").arg(company);
            item.detail = QStringLiteral("确认演示时间");
            item.due = today.addDays(days);
            item.overdue = days < 0;
            return item;
        };
        tasks << followUp(200, QStringLiteral("广州珠江贸易有限公司"), -2) << followUp(201, QStringLiteral("苏州园区精密机械有限公司"), 0)
              << followUp(202, QStringLiteral("西安古城文化传媒有限公司"), 9);
        for (int id : {12, 15}) {
            services::TaskItem approval;
            approval.kind = QStringLiteral("approval");
            approval.record = {services::expenseRecord, id};
            approval.title = QStringLiteral("审批招待申请 #%1（待部门审核）").arg(id);
            approval.detail = QStringLiteral("王小明 · ¥2,400.00 · 2026-11-05 18:30");
            tasks << approval;
        }
        return tasks;
    }
};

class MyTasksGroupsTest : public bizdesk::testing::BackendTest
{
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        m_source = std::make_shared<BusyManagerTasks>();
        services::TaskService::addSource(m_source);
    }
    void TearDown() override
    {
        services::TaskService::removeSource(m_source.get());
        BackendTest::TearDown();
    }

    static QStringList headings(const ui::MyTasksPage &page)
    {
        QStringList titles;
        for (int row = 0; row < page.model()->rowCount(); ++row)
            titles << page.model()->index(row, 0).data().toString();
        return titles;
    }

    std::shared_ptr<BusyManagerTasks> m_source;
};

} // namespace

TEST_P(MyTasksGroupsTest, approvals_come_first_and_overdue_contacts_collapse_per_customer_class)
{
    ui::MyTasksPage page(as(QStringLiteral("manager1")));
    ASSERT_TRUE(bizdesk::testing::waitForTasks(page));
    EXPECT_EQ(page.badgeCount(), 19);
    EXPECT_EQ(headings(page), (QStringList{QStringLiteral("Approvals waiting for me (2)"), QStringLiteral("Follow-ups due (3)"),
                                           QStringLiteral("Overdue contacts · 重点客户 (8)"),
                                           QStringLiteral("Overdue contacts · 普通客户 (6)")}));
    const QStandardItemModel *model = page.model();
    EXPECT_TRUE(page.view()->isExpanded(model->index(0, 0))) << "approvals are shown";
    EXPECT_TRUE(page.view()->isExpanded(model->index(1, 0)));
    EXPECT_FALSE(page.view()->isExpanded(model->index(2, 0))) << "overdue contacts start collapsed";
    EXPECT_FALSE(page.view()->isExpanded(model->index(3, 0)));
    EXPECT_EQ(model->rowCount(model->index(2, 0)), 8);
    EXPECT_TRUE(model->index(0, 0, model->index(0, 0)).data().toString().startsWith(QStringLiteral("审批招待申请 #12")));
}

TEST_P(MyTasksGroupsTest, groups_open_with_the_keyboard_stay_open_across_refresh_and_enter_opens_a_task)
{
    ui::MyTasksPage page(as(QStringLiteral("manager1")));
    ASSERT_TRUE(bizdesk::testing::waitForTasks(page));
    QList<services::RecordRef> opened;
    page.setRecordOpener([&opened](const services::RecordRef &record) {
        opened << record;
        return true;
    });
    page.resize(900, 500);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    QTreeView *view = page.view();
    view->setFocus();
    const auto group = [&](int row) { return page.model()->index(row, 0); };

    view->setCurrentIndex(group(2));
    QTest::keyClick(view, Qt::Key_Right);
    EXPECT_TRUE(view->isExpanded(group(2))) << "→ opens a group";
    view->setCurrentIndex(group(0));
    QTest::keyClick(view, Qt::Key_Left);
    EXPECT_FALSE(view->isExpanded(group(0))) << "← closes it";
    view->setCurrentIndex(group(3));
    QTest::keyClick(view, Qt::Key_Return);
    EXPECT_TRUE(view->isExpanded(group(3))) << "Enter on a group opens it";

    page.refresh();

    ASSERT_TRUE(bizdesk::testing::waitForTasks(page));
    EXPECT_TRUE(view->isExpanded(group(2))) << "kept across refresh";
    EXPECT_FALSE(view->isExpanded(group(0)));
    EXPECT_TRUE(view->isExpanded(group(3)));

    view->setCurrentIndex(page.model()->index(1, 0, group(2)));
    QTest::keyClick(view, Qt::Key_Down);
    QTest::keyClick(view, Qt::Key_Return);
    ASSERT_EQ(opened.size(), 1);
    EXPECT_TRUE(opened.first() == (services::RecordRef{services::customerRecord, 102})) << "the third key customer";
}

TEST_P(MyTasksGroupsTest, filters_by_kind_and_due_date)
{
    ui::MyTasksPage page(as(QStringLiteral("manager1")));
    ASSERT_TRUE(bizdesk::testing::waitForTasks(page));
    QComboBox *due = page.dueFilter();
    QComboBox *kind = page.kindFilter();
    due->setCurrentIndex(due->findData(static_cast<int>(services::DueFilter::Overdue)));
    EXPECT_EQ(headings(page), (QStringList{QStringLiteral("Follow-ups due (1)"), QStringLiteral("Overdue contacts · 重点客户 (8)"),
                                           QStringLiteral("Overdue contacts · 普通客户 (6)")}));
    due->setCurrentIndex(due->findData(static_cast<int>(services::DueFilter::Today)));
    EXPECT_EQ(headings(page), (QStringList{QStringLiteral("Follow-ups due (1)")}));
    EXPECT_TRUE(page.model()->index(0, 0, page.model()->index(0, 0)).data().toString().contains(QStringLiteral("苏州")));
    due->setCurrentIndex(due->findData(static_cast<int>(services::DueFilter::All)));

    EXPECT_EQ(kind->count(), 4) << "all kinds, approvals, follow-ups, overdue contacts";
    kind->setCurrentIndex(kind->findData(QStringLiteral("overdue_contact")));
    EXPECT_EQ(headings(page), (QStringList{QStringLiteral("Overdue contacts · 重点客户 (8)"),
                                           QStringLiteral("Overdue contacts · 普通客户 (6)")}));
    page.refresh();
    ASSERT_TRUE(bizdesk::testing::waitForTasks(page));
    EXPECT_EQ(kind->currentData().toString(), QStringLiteral("overdue_contact")) << "the filter survives a refresh";
    EXPECT_EQ(page.model()->rowCount(), 2);
    EXPECT_EQ(page.badgeCount(), 19) << "the tab counts everything waiting, whatever is filtered";
}

TEST_P(MyTasksGroupsTest, chinese_interface_names_the_groups_and_renders_unclipped)
{
    const bizdesk::testing::ChineseInterface chinese;
    ui::MyTasksPage page(as(QStringLiteral("manager1")));
    ASSERT_TRUE(bizdesk::testing::waitForTasks(page));
    EXPECT_EQ(headings(page).at(0), QStringLiteral("待我审批（2）"));
    EXPECT_EQ(headings(page).at(2), QStringLiteral("逾期未联系 · 重点客户（8）"));
    page.resize(1100, 620);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    page.view()->expand(page.model()->index(2, 0));
    QApplication::processEvents();
    // Every heading fits its row: nothing is elided.
    for (int row = 0; row < page.model()->rowCount(); ++row) {
        const QModelIndex index = page.model()->index(row, 0);
        const int needed = page.view()->fontMetrics().horizontalAdvance(index.data().toString());
        EXPECT_LE(needed, page.view()->visualRect(index).width()) << index.data().toString().toStdString();
    }
    // So does every cell of the approvals' rows, the module's name at the right edge included.
    const QModelIndex approvals = page.model()->index(0, 0);
    for (int column = 1; column < 4; ++column) {
        const QModelIndex cell = page.model()->index(0, column, approvals);
        const int needed = page.view()->fontMetrics().horizontalAdvance(cell.data().toString());
        const QRect rect = page.view()->visualRect(cell);
        EXPECT_LE(needed, rect.width()) << cell.data().toString().toStdString();
        EXPECT_LE(rect.right(), page.view()->viewport()->width()) << cell.data().toString().toStdString();
    }
    // The user guide's screenshot: BIZDESK_SCREENSHOT_DIR=docs/screenshots when refreshing it.
    const QString folder = qEnvironmentVariable("BIZDESK_SCREENSHOT_DIR");
    if (!folder.isEmpty()) {
        EXPECT_TRUE(page.grab().save(folder + QStringLiteral("/my-tasks.png")));
    }
}

INSTANTIATE_TEST_SUITE_P(Sqlite, MyTasksGroupsTest, ::testing::Values(bizdesk::testing::Backend::Sqlite),
                         bizdesk::testing::backendLabel);
