#include "UiTestSupport.h"

#include "services/Session.h"
#include "support/TestDatabase.h"
#include "ui/shell/MainWindow.h"

#include <QLabel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>

#include <gtest/gtest.h>

using namespace bizdesk;

namespace {

class MainWindowTest : public bizdesk::testing::BackendTest
{
};

} // namespace

TEST_P(MainWindowTest, opens_on_a_database_and_switches_through_every_tab)
{
    ui::MainWindow window(as(QStringLiteral("director")));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QTabWidget *tabs = window.tabs();
    QStringList keys;
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QTest::qWait(10);
        keys << tabs->currentWidget()->objectName();
        EXPECT_TRUE(tabs->currentWidget()->isVisible());
    }
    for (const char *key : {"tasks", "customers", "negotiations", "contracts", "entertainment", "team", "reports"})
        EXPECT_TRUE(keys.contains(QString::fromLatin1(key))) << key;
    // F5 refreshes without trouble; Ctrl+2 jumps to the second tab.
    QTest::keyClick(&window, Qt::Key_F5);
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    EXPECT_EQ(tabs->currentIndex(), 1);
}

TEST_P(MainWindowTest, status_bar_names_the_user_and_the_backend)
{
    ui::MainWindow window(as(QStringLiteral("manager1")));
    QString status;
    for (QLabel *label : window.findChildren<QLabel *>())
        status += label->text() + QLatin1Char(' ');
    EXPECT_TRUE(status.contains(QStringLiteral("李经理")));
    EXPECT_TRUE(status.contains(GetParam() == bizdesk::testing::Backend::Sqlite ? QStringLiteral("SQLite")
                                                                                : QStringLiteral("PostgreSQL")));
    // The tasks label follows My Tasks' worker: loading first, then the count.
    const auto *tasks = window.statusBar()->findChild<QLabel *>(QStringLiteral("tasksWaitingLabel"));
    ASSERT_NE(tasks, nullptr);
    ASSERT_TRUE(bizdesk::testing::waitForTasks(window));
    EXPECT_EQ(tasks->text(), QStringLiteral("0 task(s) waiting"));
}

BIZDESK_INSTANTIATE_BACKENDS(MainWindowTest);
