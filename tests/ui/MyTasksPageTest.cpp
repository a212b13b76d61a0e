#include "services/Session.h"
#include "services/tasks/TaskSource.h"
#include "support/TestDatabase.h"
#include "ui/shell/MainWindow.h"
#include "ui/tasks/MyTasksPage.h"
#include "ui/team/PeoplePage.h"

#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
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
        follow.module = QStringLiteral("customers");
        follow.kind = QStringLiteral("follow_up");
        follow.entityKind = QStringLiteral("customer");
        follow.entityId = 42;
        follow.title = QStringLiteral("回访 华为技术有限公司");
        follow.detail = QStringLiteral("重点客户 · 每 30 天");
        follow.due = session.now().addDays(2);
        services::TaskItem late = follow;
        late.entityId = 43;
        late.title = QStringLiteral("回访 <b>腾讯</b>");
        late.due = session.now().addDays(-3);
        late.overdue = true;
        services::TaskItem person;
        person.module = QStringLiteral("team");
        person.kind = QStringLiteral("review");
        person.entityKind = QStringLiteral("user");
        person.entityId = m_personId;
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
    QSignalSpy spy(&page, &ui::MyTasksPage::openRequested);
    QTreeWidgetItem *item = page.list()->topLevelItem(1);
    const QRect rect = page.list()->visualItemRect(item);
    ASSERT_TRUE(rect.isValid());
    // A real double-click is press, release, double-click; QTest::mouseDClick alone sends only the last.
    QTest::mouseClick(page.list()->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(page.list()->viewport(), Qt::LeftButton, {}, rect.center());
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).toString(), QStringLiteral("customers"));
    EXPECT_EQ(spy.at(0).at(1).toString(), QStringLiteral("customer"));
    EXPECT_EQ(spy.at(0).at(2).toLongLong(), 42);
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

    // A module that does not implement showRecord yet still gets its tab shown.
    EXPECT_FALSE(window.openRecord(QStringLiteral("customers"), QStringLiteral("customer"), 42));
    EXPECT_EQ(tabs->widget(tabs->currentIndex())->objectName(), QStringLiteral("customers"));
}

INSTANTIATE_TEST_SUITE_P(Sqlite, MyTasksPageTest, ::testing::Values(bizdesk::testing::Backend::Sqlite),
                         bizdesk::testing::backendLabel);
