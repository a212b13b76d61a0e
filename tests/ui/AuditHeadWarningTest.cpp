// The GUI's side of the remembered audit head (issue 17 §4), offscreen on both backends: a chain
// that lost the head this computer saw shows a warning bar above the tabs — the window opens and
// works as usual, nothing waits for a click — and an intact chain shows nothing and keeps its
// head for the next start.
#include "services/audit/AuditHeadStore.h"
#include "services/audit/AuditTrail.h"
#include "services/maintenance/DatabaseMaintenance.h"
#include "services/policy/PolicyService.h"
#include "support/AuditForger.h"
#include "support/TestDatabase.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QTabWidget>
#include <QTest>

#include <gtest/gtest.h>

using namespace bizdesk;

namespace {

class AuditHeadWarningTest : public bizdesk::testing::BackendTest
{
protected:
    domain::AuditHead head() { return services::AuditTrail(as(QStringLiteral("admin"))).head(); }
    QString key() { return database().location().displayName(); }
    QWidget *warningBar(ui::MainWindow &window) { return window.findChild<QWidget *>(QStringLiteral("auditHeadWarning")); }
};

} // namespace

TEST_P(AuditHeadWarningTest, an_intact_chain_shows_no_bar_and_its_head_is_kept_when_the_window_goes)
{
    services::MemoryAuditHeadStore store;
    {
        ui::MainWindow window(as(QStringLiteral("director")));
        window.watchAuditHead(store);
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        EXPECT_TRUE(window.auditHeadWarning().isEmpty());
        ASSERT_NE(warningBar(window), nullptr);
        EXPECT_FALSE(warningBar(window)->isVisible());
        EXPECT_EQ(store.recall(key()), head()) << "the first look remembers";
        services::PolicyService(as(QStringLiteral("director"))).set(QStringLiteral("auth.lockout_attempts"), QStringLiteral("8"));
    }
    EXPECT_EQ(store.recall(key()), head()) << "the head seen last, kept when the window closed";
}

TEST_P(AuditHeadWarningTest, a_cut_tail_shows_a_warning_bar_without_blocking_the_window)
{
    services::PolicyService(as(QStringLiteral("director"))).set(QStringLiteral("auth.lockout_attempts"), QStringLiteral("8"));
    services::MemoryAuditHeadStore store;
    const domain::AuditHead seen = head();
    store.remember(key(), seen);
    {
        bizdesk::testing::AuditForger forger(database());
        forger.deleteFrom(seen.id);
    }
    ui::MainWindow window(as(QStringLiteral("director")));
    window.watchAuditHead(store); // returns at once: no modal dialog waits for the user
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    EXPECT_EQ(QApplication::activeModalWidget(), nullptr);
    ASSERT_NE(warningBar(window), nullptr);
    EXPECT_TRUE(warningBar(window)->isVisible());
    const QString warning = window.auditHeadWarning();
    EXPECT_TRUE(warning.contains(QString::number(seen.id))) << warning.toStdString();
    EXPECT_TRUE(warning.contains(QStringLiteral("accept-head"))) << warning.toStdString();
    window.tabs()->setCurrentIndex(1); // the window works as usual
    EXPECT_EQ(window.tabs()->currentIndex(), 1);
    EXPECT_EQ(store.recall(key()), seen) << "the warning stays until the rollback is accepted";
}

BIZDESK_INSTANTIATE_BACKENDS(AuditHeadWarningTest);
