// The window first (issue 16): the main window shows and paints while a task source is still
// blocked, says that My Tasks is loading, and fills in once the source answers. Overlapping
// refreshes show the latest result only.
#include "UiTestSupport.h"

#include "services/Session.h"
#include "services/customers/CustomerModule.h"
#include "services/tasks/TaskSource.h"
#include "support/TestDatabase.h"
#include "ui/shell/MainWindow.h"
#include "ui/tasks/MyTasksPage.h"

#include <QLabel>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <semaphore>

using namespace bizdesk;
using namespace Qt::StringLiterals;

namespace {

/// A task source that waits on a gate before it answers: one task for sales1, titled with the
/// number of the request (so the test can tell which refresh's result is shown).
class GatedTaskSource : public services::TaskSource
{
public:
    QList<services::TaskItem> tasksFor(services::Session &session) const override
    {
        const int request = ++m_requests;
        m_entered.release();
        // Never hangs a failing test for long: the fixture opens the gate in TearDown anyway.
        (void)m_gate.try_acquire_for(std::chrono::seconds(30));
        if (session.user().login != QLatin1String("sales1"))
            return {};
        services::TaskItem task;
        task.kind = u"follow_up"_s;
        task.record = {services::customerRecord, 7};
        task.title = u"回访 请求 %1"_s.arg(request);
        task.due = session.now().addDays(1);
        return {task};
    }

    /// Lets `count` waiting (or future) requests through.
    void open(int count = 1) const { m_gate.release(count); }
    /// Waits until a request is inside tasksFor().
    bool waitUntilAsked() const { return m_entered.try_acquire_for(std::chrono::seconds(10)); }
    int requests() const { return m_requests; }

private:
    mutable std::counting_semaphore<64> m_gate{0};
    mutable std::counting_semaphore<64> m_entered{0};
    mutable std::atomic<int> m_requests{0};
};

/// Counts the paint events one widget (and anything inside it) receives.
class PaintCounter : public QObject
{
public:
    explicit PaintCounter(QWidget *watched)
        : m_watched(watched)
    {
        qApp->installEventFilter(this);
    }
    ~PaintCounter() override { qApp->removeEventFilter(this); }
    bool eventFilter(QObject *object, QEvent *event) override
    {
        auto *widget = qobject_cast<QWidget *>(object);
        if (event->type() == QEvent::Paint && widget && (widget == m_watched || m_watched->isAncestorOf(widget)))
            ++m_paints;
        return false;
    }
    int paints() const { return m_paints; }

private:
    QWidget *m_watched;
    int m_paints = 0;
};

class WindowFirstTest : public bizdesk::testing::BackendTest
{
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        m_source = std::make_shared<GatedTaskSource>();
        services::TaskService::addSource(m_source);
    }
    void TearDown() override
    {
        m_source->open(64); // whatever a failed expectation left waiting
        services::TaskService::removeSource(m_source.get());
        BackendTest::TearDown();
    }

    static QString tabTitle(const ui::MainWindow &window)
    {
        for (int i = 0; i < window.tabs()->count(); ++i) {
            if (window.tabs()->widget(i)->objectName() == QLatin1String("tasks"))
                return window.tabs()->tabText(i);
        }
        return {};
    }
    static QString waitingLabel(const ui::MainWindow &window)
    {
        return window.statusBar()->findChild<QLabel *>(u"tasksWaitingLabel"_s)->text();
    }
    static ui::MyTasksPage *myTasks(const ui::MainWindow &window)
    {
        return window.tabs()->findChild<ui::MyTasksPage *>(u"tasks"_s);
    }

    std::shared_ptr<GatedTaskSource> m_source;
};

} // namespace

TEST_P(WindowFirstTest, the_window_is_shown_and_painted_while_a_task_source_is_blocked_then_fills_in)
{
    ui::MainWindow window(as(u"sales1"_s));
    window.resize(1000, 700);
    PaintCounter paints(window.tabs());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(m_source->waitUntilAsked()) << "the source runs on the worker";
    EXPECT_TRUE(QTest::qWaitFor([&] { return paints.paints() > 0; }, 5000)) << "painted while the source is blocked";

    ui::MyTasksPage *page = myTasks(window);
    EXPECT_TRUE(page->isLoading());
    EXPECT_EQ(page->badgeCount(), -1);
    EXPECT_EQ(tabTitle(window), u"My Tasks"_s) << "no count before there is one";
    EXPECT_EQ(waitingLabel(window), u"Loading tasks…"_s);
    QString pageText;
    for (const QLabel *label : page->findChildren<QLabel *>()) {
        if (!label->isHidden())
            pageText += label->text() + u' ';
    }
    EXPECT_TRUE(pageText.contains(u"Loading tasks…"_s)) << pageText.toStdString();
    EXPECT_FALSE(pageText.contains(u"Nothing is waiting"_s)) << "not \"nothing waits\" while it is not known";

    m_source->open(8); // this request and any refresh the window asked for meanwhile
    EXPECT_TRUE(QTest::qWaitFor([&] { return tabTitle(window) == u"My Tasks (1)"_s; }, 10000)) << tabTitle(window).toStdString();
    EXPECT_TRUE(bizdesk::testing::waitForTasks(window));
    EXPECT_EQ(waitingLabel(window), u"1 task(s) waiting"_s);
    ASSERT_EQ(page->tasks().size(), 1);
    EXPECT_EQ(page->model()->rowCount(), 1);
}

TEST_P(WindowFirstTest, the_chinese_interface_says_it_is_loading)
{
    const bizdesk::testing::ChineseInterface chinese;
    ui::MainWindow window(as(u"sales1"_s));
    ASSERT_TRUE(m_source->waitUntilAsked());
    EXPECT_EQ(waitingLabel(window), u"正在加载待办…"_s);
    m_source->open(8);
    EXPECT_TRUE(bizdesk::testing::waitForTasks(window));
}

TEST_P(WindowFirstTest, when_refreshes_overlap_the_latest_result_is_shown)
{
    ui::MyTasksPage page(as(u"sales1"_s));
    ASSERT_TRUE(m_source->waitUntilAsked()); // refresh 1 is blocked in the source
    page.refresh();                          // refresh 2 queues behind it
    page.refresh();                          // refresh 3 supersedes 2, which is then skipped
    m_source->open(2);
    ASSERT_TRUE(bizdesk::testing::waitForTasks(page));
    ASSERT_EQ(page.tasks().size(), 1);
    EXPECT_EQ(page.tasks().first().title, u"回访 请求 2"_s) << "refresh 1's result is dropped, refresh 2 never asks the source, refresh 3 is its second call";
    EXPECT_EQ(m_source->requests(), 2);
    EXPECT_EQ(page.badgeCount(), 1);
}

BIZDESK_INSTANTIATE_BACKENDS(WindowFirstTest);
