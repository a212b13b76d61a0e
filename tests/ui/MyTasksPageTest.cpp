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
#include "ui/shell/MainWindow.h"
#include "ui/tasks/MyTasksPage.h"
#include "ui/team/PeoplePage.h"

#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

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

TEST_P(MyTasksPageTest, lists_registered_tasks_overdue_first_with_a_badge_count)
{
    ui::MyTasksPage page(as(QStringLiteral("sales1")));
    EXPECT_EQ(page.badgeCount(), 3);
    ASSERT_EQ(page.list()->topLevelItemCount(), 3);
    EXPECT_TRUE(page.list()->topLevelItem(0)->text(0).contains(QStringLiteral("<b>腾讯</b>"))) << "overdue first, shown verbatim";
    EXPECT_TRUE(page.list()->topLevelItem(1)->text(0).contains(QStringLiteral("华为")));

    ui::MyTasksPage other(as(QStringLiteral("sales2")));
    EXPECT_EQ(other.badgeCount(), 0);
    EXPECT_TRUE(other.list()->isHidden());
}

TEST_P(MyTasksPageTest, double_click_asks_to_open_the_record)
{
    ui::MyTasksPage page(as(QStringLiteral("sales1")));
    page.resize(800, 400);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    QList<services::RecordRef> opened;
    page.setRecordOpener([&opened](const services::RecordRef &record) {
        opened << record;
        return true;
    });
    QTreeWidgetItem *item = page.list()->topLevelItem(1);
    const QRect rect = page.list()->visualItemRect(item);
    ASSERT_TRUE(rect.isValid());
    // A real double-click is press, release, double-click; QTest::mouseDClick alone sends only the last.
    QTest::mouseClick(page.list()->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(page.list()->viewport(), Qt::LeftButton, {}, rect.center());
    ASSERT_EQ(opened.size(), 1);
    EXPECT_TRUE(opened.first() == (services::RecordRef{services::customerRecord, 42}));
}

TEST_P(MyTasksPageTest, main_window_shows_the_count_and_opens_the_module)
{
    ui::MainWindow window(as(QStringLiteral("sales1")));
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

void doubleClick(QTreeWidget *list, int row)
{
    QTreeWidgetItem *item = list->topLevelItem(row);
    const QRect rect = list->visualItemRect(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, rect.center());
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
    window.resize(1200, 800);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QTabWidget *tabs = window.tabs();
    const int tasksTab = tabOf(tabs, QStringLiteral("tasks"));
    tabs->setCurrentIndex(tasksTab);
    auto *tasks = qobject_cast<ui::MyTasksPage *>(tabs->widget(tasksTab));
    ASSERT_NE(tasks, nullptr);
    ASSERT_EQ(tasks->list()->topLevelItemCount(), 2);
    EXPECT_EQ(tasks->list()->topLevelItem(0)->text(3), services::ModuleCatalog::title(services::ModuleId::Entertainment));
    EXPECT_EQ(tasks->list()->topLevelItem(1)->text(3), services::ModuleCatalog::title(services::ModuleId::Customers));

    doubleClick(tasks->list(), 0);
    EXPECT_EQ(tabs->currentIndex(), tabOf(tabs, QStringLiteral("entertainment")));
    auto *entertainment = qobject_cast<ui::EntertainmentPage *>(tabs->currentWidget());
    ASSERT_NE(entertainment, nullptr);
    EXPECT_EQ(entertainment->currentId(), expenseId);

    tabs->setCurrentIndex(tasksTab);
    ASSERT_EQ(tasks->list()->topLevelItemCount(), 2);
    doubleClick(tasks->list(), 1);
    EXPECT_EQ(tabs->currentIndex(), tabOf(tabs, QStringLiteral("customers")));
    auto *customers = qobject_cast<ui::CustomersPage *>(tabs->currentWidget());
    ASSERT_NE(customers, nullptr);
    EXPECT_TRUE(customers->detail()->toPlainText().contains(input.name));

    services::TaskService::removeSource(source.get());
}

TEST_P(MyTasksPageTest, every_module_in_the_catalog_has_its_tab_and_its_page_opens_its_record_kinds)
{
    ui::MainWindow window(as(QStringLiteral("director")));
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
