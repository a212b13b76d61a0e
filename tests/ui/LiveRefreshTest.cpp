#include "services/ModuleCatalog.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "services/audit/ChangeFeed.h"
#include "services/entertainment/EntertainmentService.h"
#include "services/tasks/TaskSource.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "support/ExpenseSamples.h"
#include "support/TestDatabase.h"
#include "UiTestSupport.h"
#include "ui/shell/ChangeWatcher.h"
#include "ui/shell/MainWindow.h"
#include "ui/tasks/MyTasksPage.h"

#include <QLabel>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>

#include <gtest/gtest.h>

using namespace bizdesk;

namespace {

/// The shell refreshes on saved changes, its own and other programs': no F5 anywhere here.
class LiveRefreshTest : public bizdesk::testing::BackendTest
{
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        // The entertainment module's own task source: approvals waiting for the approver.
        for (const services::ModuleDescriptor &module : services::ModuleCatalog::modules()) {
            if (module.id != services::ModuleId::Entertainment)
                continue;
            for (const auto &source : module.taskSources) {
                services::TaskService::addSource(source);
                m_sources << source.get();
            }
        }
    }
    void TearDown() override
    {
        for (const services::TaskSource *source : std::as_const(m_sources))
            services::TaskService::removeSource(source);
        BackendTest::TearDown();
    }

    qint64 submitBy(services::Session &session)
    {
        services::EntertainmentService applicant(session);
        return applicant.submit(applicant.apply(bizdesk::testing::sampleExpenseForm()).id).id;
    }

    static QString tabTitle(const ui::MainWindow &window, const QString &key)
    {
        for (int i = 0; i < window.tabs()->count(); ++i) {
            if (window.tabs()->widget(i)->objectName() == key)
                return window.tabs()->tabText(i);
        }
        return {};
    }
    static QString waitingLabel(const ui::MainWindow &window)
    {
        return window.statusBar()->findChild<QLabel *>(QStringLiteral("tasksWaitingLabel"))->text();
    }
    static ui::MyTasksPage *myTasks(const ui::MainWindow &window)
    {
        return window.tabs()->findChild<ui::MyTasksPage *>(QStringLiteral("tasks"));
    }

    QList<const services::TaskSource *> m_sources;
};

} // namespace

TEST_P(LiveRefreshTest, a_decision_through_the_service_updates_tab_titles_status_bar_and_my_tasks)
{
    const qint64 id = submitBy(as(QStringLiteral("sales1")));
    ui::MainWindow window(as(QStringLiteral("manager1")));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    // My Tasks reads on its worker: the count follows the window.
    ASSERT_TRUE(bizdesk::testing::waitForTasks(window));
    ASSERT_EQ(tabTitle(window, QStringLiteral("tasks")), QStringLiteral("My Tasks (1)"));
    ASSERT_TRUE(tabTitle(window, QStringLiteral("entertainment")).endsWith(QStringLiteral("(1)")));
    ASSERT_EQ(waitingLabel(window), QStringLiteral("1 task(s) waiting"));
    ASSERT_EQ(myTasks(window)->model()->rowCount(), 1);

    services::EntertainmentService(as(QStringLiteral("manager1"))).approve(id, QStringLiteral("同意"));

    EXPECT_TRUE(QTest::qWaitFor([&] { return tabTitle(window, QStringLiteral("tasks")) == QStringLiteral("My Tasks"); }, 3000))
        << tabTitle(window, QStringLiteral("tasks")).toStdString();
    EXPECT_FALSE(tabTitle(window, QStringLiteral("entertainment")).contains(QLatin1Char('(')));
    EXPECT_EQ(waitingLabel(window), QStringLiteral("0 task(s) waiting"));
    EXPECT_EQ(myTasks(window)->model()->rowCount(), 0);
    EXPECT_TRUE(myTasks(window)->tasks().isEmpty());
}

TEST_P(LiveRefreshTest, a_change_written_by_another_connection_is_picked_up)
{
    ui::MainWindow window(as(QStringLiteral("manager1")));
    ASSERT_TRUE(bizdesk::testing::waitForTasks(window));
    ASSERT_EQ(tabTitle(window, QStringLiteral("tasks")), QStringLiteral("My Tasks"));
    ASSERT_EQ(waitingLabel(window), QStringLiteral("0 task(s) waiting"));

    // Another program: its own connection and session (its announcements do not reach this window).
    auto other = storage::Database::open(database().location(), storage::Database::CreateMode::MustExist);
    services::Session applicant(*other, m_clock);
    applicant.setUser(organisation().user(QStringLiteral("sales1")));
    submitBy(applicant);
    EXPECT_EQ(tabTitle(window, QStringLiteral("tasks")), QStringLiteral("My Tasks")) << "nothing yet: the poll has not run";

    const int budget = ui::ChangeWatcher::defaultPollMs * 3;
    EXPECT_TRUE(QTest::qWaitFor([&] { return tabTitle(window, QStringLiteral("tasks")) == QStringLiteral("My Tasks (1)"); },
                                budget))
        << tabTitle(window, QStringLiteral("tasks")).toStdString();
    EXPECT_EQ(waitingLabel(window), QStringLiteral("1 task(s) waiting"));
    EXPECT_EQ(myTasks(window)->model()->rowCount(), 1);
    // The refresh may already show the change while the watcher has only seen an earlier entry of
    // it (a look between the draft and the submit); its next look catches up.
    const qint64 head = services::AuditTrail::headId(*other);
    EXPECT_TRUE(QTest::qWaitFor([&] { return window.changeWatcher()->knownHead() == head; }, budget))
        << window.changeWatcher()->knownHead() << " != " << head;
}

TEST_P(LiveRefreshTest, changes_are_announced_after_commit_and_never_for_a_rollback)
{
    services::Session &session = as(QStringLiteral("sales1"));
    QList<qint64> announced;
    qint64 committedHeadSeen = -1;
    QObject::connect(&session.changes(), &services::ChangeFeed::changed, [&](qint64 auditId) {
        announced << auditId;
        // Another connection already sees it: announced after COMMIT, not before.
        auto reader = storage::Database::open(database().location(), storage::Database::CreateMode::MustExist);
        committedHeadSeen = services::AuditTrail::headId(*reader);
    });
    services::EntertainmentService service(session);
    const qint64 draft = service.apply(bizdesk::testing::sampleExpenseForm()).id;
    ASSERT_FALSE(announced.isEmpty());
    EXPECT_EQ(announced.last(), services::AuditTrail::headId(database()));
    EXPECT_EQ(committedHeadSeen, announced.last());

    announced.clear();
    domain::ExpenseForm empty;
    EXPECT_THROW(service.apply(empty), domain::Error);
    EXPECT_TRUE(announced.isEmpty()) << "a refused change announces nothing";
    {
        storage::Transaction outer(database());
        service.submit(draft); // joins the outer transaction, which is then abandoned
    }
    EXPECT_TRUE(announced.isEmpty()) << "a rolled-back change announces nothing";
}

BIZDESK_INSTANTIATE_BACKENDS(LiveRefreshTest);
