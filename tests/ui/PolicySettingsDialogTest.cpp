#include "UiTestSupport.h"

#include "services/policy/PolicyService.h"
#include "support/TestDatabase.h"
#include "domain/Money.h"
#include "ui/common/Formats.h"
#include "ui/identity/PolicySettingsDialog.h"
#include "ui/shell/MainWindow.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

#include <gtest/gtest.h>

using namespace bizdesk;

namespace {

const QString threshold = QStringLiteral("entertainment.executive_threshold");

class PolicySettingsDialogTest : public bizdesk::testing::BackendTest
{
protected:
    /// Selects the executive threshold, types `text` as its new value and clicks Apply.
    static void enterThreshold(ui::PolicySettingsDialog &dialog, const QString &text)
    {
        ASSERT_TRUE(dialog.selectKey(threshold));
        auto *value = dialog.findChild<QLineEdit *>(QStringLiteral("valueEdit"));
        value->clear();
        bizdesk::testing::typeText(value, text);
        auto *apply = dialog.findChild<QPushButton *>(QStringLiteral("applyButton"));
        ASSERT_TRUE(apply->isEnabled());
        QTest::mouseClick(apply, Qt::LeftButton);
    }
};

} // namespace

TEST_P(PolicySettingsDialogTest, lists_every_setting_with_clause_value_and_default)
{
    ui::PolicySettingsDialog dialog(as(QStringLiteral("director")));
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("settingsTable"));
    EXPECT_EQ(table->rowCount(), domain::PolicyCatalog::definitions().size());
    ASSERT_TRUE(dialog.selectKey(threshold));
    const int row = table->currentRow();
    EXPECT_EQ(table->item(row, 0)->text(), QStringLiteral("§6.3.3"));
    EXPECT_EQ(table->item(row, 3)->text(), ui::Formats::money(domain::Money::fromMinor(500000)));
}

TEST_P(PolicySettingsDialogTest, director_changes_a_value_and_sees_the_new_version_in_history)
{
    services::Session &session = as(QStringLiteral("director"));
    ui::PolicySettingsDialog dialog(session);
    dialog.show();
    ASSERT_TRUE(dialog.selectKey(threshold));
    EXPECT_EQ(dialog.findChild<QLineEdit *>(QStringLiteral("valueEdit"))->text(), QStringLiteral("5000.00"));
    enterThreshold(dialog, QStringLiteral("8000"));

    EXPECT_EQ(services::PolicyService(session).text(threshold), QStringLiteral("8000.00"));
    EXPECT_EQ(dialog.selectedKey(), threshold);
    auto *history = dialog.findChild<QTableWidget *>(QStringLiteral("historyTable"));
    ASSERT_EQ(history->rowCount(), 1);
    EXPECT_EQ(history->item(0, 0)->text(), QStringLiteral("2"));
    EXPECT_EQ(history->item(0, 4)->text(), ui::Formats::money(domain::Money::fromMinor(500000)));
    EXPECT_EQ(history->item(0, 5)->text(), ui::Formats::money(domain::Money::fromMinor(800000)));
    EXPECT_TRUE(dialog.findChild<QLabel *>(QStringLiteral("versionLabel"))->text().contains(QStringLiteral("2")));
}

TEST_P(PolicySettingsDialogTest, a_wrong_value_shows_the_services_message_and_changes_nothing)
{
    services::Session &session = as(QStringLiteral("director"));
    ui::PolicySettingsDialog dialog(session);
    dialog.show();
    enterThreshold(dialog, QStringLiteral("五千"));
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    EXPECT_TRUE(error->isVisible());
    EXPECT_TRUE(error->text().contains(QStringLiteral("6.3.3"))) << error->text().toStdString();
    EXPECT_EQ(services::PolicyService(session).currentVersion(), 1);
}

TEST_P(PolicySettingsDialogTest, others_may_look_but_not_change)
{
    services::Session &session = as(QStringLiteral("manager1"));
    ui::PolicySettingsDialog dialog(session);
    dialog.show();
    ASSERT_TRUE(dialog.selectKey(threshold));
    auto *value = dialog.findChild<QLineEdit *>(QStringLiteral("valueEdit"));
    EXPECT_TRUE(value->isReadOnly());
    EXPECT_FALSE(dialog.findChild<QPushButton *>(QStringLiteral("applyButton"))->isEnabled());
    EXPECT_FALSE(dialog.findChild<QPushButton *>(QStringLiteral("defaultButton"))->isEnabled());
    // Even forced, the service refuses.
    value->setReadOnly(false);
    value->setText(QStringLiteral("1"));
    dialog.applyValue();
    EXPECT_EQ(services::PolicyService(session).text(threshold), QStringLiteral("5000.00"));
}

TEST_P(PolicySettingsDialogTest, the_settings_menu_offers_policy_to_the_director_only)
{
    ui::MainWindow forDirector(as(QStringLiteral("director")));
    EXPECT_TRUE(forDirector.policyAction()->isVisible());
    ui::MainWindow forManager(as(QStringLiteral("manager1")));
    EXPECT_FALSE(forManager.policyAction()->isVisible());
    ui::MainWindow forAdmin(as(QStringLiteral("admin")));
    EXPECT_FALSE(forAdmin.policyAction()->isVisible());
}

TEST_P(PolicySettingsDialogTest, two_appraisal_weights_are_changed_one_after_the_other_and_applied_together)
{
    services::Session &session = as(QStringLiteral("director"));
    ui::PolicySettingsDialog dialog(session);
    dialog.show();
    auto *value = dialog.findChild<QLineEdit *>(QStringLiteral("valueEdit"));
    auto *apply = dialog.findChild<QPushButton *>(QStringLiteral("applyButton"));
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    const services::PolicyService policy(session);
    const int version = policy.currentVersion();

    // 20 → 30 alone makes 110: held, shown as not applied, nothing stored.
    ASSERT_TRUE(dialog.selectKey(QStringLiteral("appraisal.weights.self")));
    value->setText(QStringLiteral("30"));
    QTest::mouseClick(apply, Qt::LeftButton);
    EXPECT_TRUE(error->isVisible());
    EXPECT_TRUE(error->text().contains(QStringLiteral("110"))) << error->text().toStdString();
    EXPECT_EQ(policy.text(QStringLiteral("appraisal.weights.self")), QStringLiteral("20"));
    EXPECT_EQ(policy.currentVersion(), version);

    // Then 30 → 20 for the peers: 30 + 20 + 50 = 100, both go in together.
    ASSERT_TRUE(dialog.selectKey(QStringLiteral("appraisal.weights.peer")));
    value->setText(QStringLiteral("20"));
    QTest::mouseClick(apply, Qt::LeftButton);
    EXPECT_FALSE(error->isVisible()) << error->text().toStdString();
    EXPECT_EQ(policy.text(QStringLiteral("appraisal.weights.self")), QStringLiteral("30"));
    EXPECT_EQ(policy.text(QStringLiteral("appraisal.weights.peer")), QStringLiteral("20"));
    EXPECT_EQ(policy.currentVersion(), version + 2);
}

TEST(Formats, money_uses_the_locale_and_no_floating_point)
{
    const QLocale saved;
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    EXPECT_EQ(ui::Formats::money(domain::Money::fromMinor(123456789)), QStringLiteral("¥1,234,567.89"));
    EXPECT_EQ(ui::Formats::money(domain::Money::fromMinor(5)), QStringLiteral("¥0.05"));
    EXPECT_EQ(ui::Formats::money(domain::Money::fromMinor(-150)), QStringLiteral("-¥1.50"));
    EXPECT_EQ(ui::Formats::money(domain::Money::fromMinor(900719925474099199)), QStringLiteral("¥9,007,199,254,740,991.99"));
    const auto &days = domain::PolicyCatalog::find(QStringLiteral("customer.pool_return_days"));
    EXPECT_TRUE(ui::Formats::policyValue(days, QStringLiteral("90")).startsWith(QStringLiteral("90 ")));
    QLocale::setDefault(saved);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, PolicySettingsDialogTest, ::testing::Values(bizdesk::testing::Backend::Sqlite),
                         bizdesk::testing::backendLabel);
