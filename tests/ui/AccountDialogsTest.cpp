#include "UiTestSupport.h"

#include "services/Session.h"
#include "services/identity/IdentityService.h"
#include "support/TestDatabase.h"
#include "ui/identity/ChangePasswordDialog.h"
#include "ui/identity/DelegationDialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace bizdesk;
using bizdesk::testing::TestOrganisation;

namespace {

class AccountDialogsTest : public bizdesk::testing::BackendTest
{
};

/// The change-password dialog's fields, found by object name.
struct ChangePasswordForm
{
    explicit ChangePasswordForm(ui::ChangePasswordDialog &dialog)
        : current(dialog.findChild<QLineEdit *>(QStringLiteral("currentEdit")))
        , fresh(dialog.findChild<QLineEdit *>(QStringLiteral("newEdit")))
        , repeat(dialog.findChild<QLineEdit *>(QStringLiteral("repeatEdit")))
        , ok(dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok))
        , error(dialog.findChild<QLabel *>(QStringLiteral("errorLabel")))
    {
    }
    QLineEdit *current;
    QLineEdit *fresh;
    QLineEdit *repeat;
    QPushButton *ok;
    QLabel *error;
};

} // namespace

TEST_P(AccountDialogsTest, change_password_checks_the_current_one_and_then_changes_it)
{
    services::Session &session = as(QStringLiteral("sales1"));
    ui::ChangePasswordDialog dialog(session);
    dialog.show();
    const ChangePasswordForm form(dialog);
    auto *current = form.current;
    auto *fresh = form.fresh;
    auto *repeat = form.repeat;
    auto *ok = form.ok;
    auto *error = form.error;

    bizdesk::testing::typeText(current, QStringLiteral("not-my-password"));
    bizdesk::testing::typeText(fresh, QStringLiteral("short"));
    EXPECT_FALSE(ok->isEnabled());
    EXPECT_TRUE(error->isVisible());
    bizdesk::testing::typeText(fresh, QStringLiteral("-now-long"));
    bizdesk::testing::typeText(repeat, QStringLiteral("short-now-long"));
    ASSERT_TRUE(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    EXPECT_TRUE(dialog.isVisible()) << "wrong current password";
    EXPECT_TRUE(current->text().isEmpty());

    bizdesk::testing::typeText(current, TestOrganisation::password);
    QTest::mouseClick(ok, Qt::LeftButton);
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    services::Session fresher(database(), m_clock);
    EXPECT_NO_THROW(services::IdentityService(fresher).logIn(QStringLiteral("sales1"), QStringLiteral("short-now-long")));
}

TEST_P(AccountDialogsTest, change_password_refuses_a_guessable_new_password_as_typed)
{
    services::Session &session = as(QStringLiteral("sales1"));
    ui::ChangePasswordDialog dialog(session);
    dialog.show();
    const ChangePasswordForm form(dialog);
    bizdesk::testing::typeText(form.current, TestOrganisation::password);
    for (const auto &[password, reason] : {std::pair{QStringLiteral("sales1-sales1"), QStringLiteral("login")},
                                           std::pair{QStringLiteral("iloveyou"), QStringLiteral("dictionary")}}) {
        form.fresh->clear();
        form.repeat->clear();
        bizdesk::testing::typeText(form.fresh, password);
        bizdesk::testing::typeText(form.repeat, password);
        EXPECT_FALSE(form.ok->isEnabled()) << password.toStdString();
        EXPECT_TRUE(form.error->isVisible()) << password.toStdString();
        EXPECT_TRUE(form.error->text().contains(reason)) << form.error->text().toStdString();
    }
}

TEST_P(AccountDialogsTest, delegation_is_added_listed_and_revoked)
{
    services::Session &session = as(QStringLiteral("manager1"));
    ui::DelegationDialog dialog(session);
    dialog.show();
    auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("delegationList"));
    auto *delegate = dialog.findChild<QComboBox *>(QStringLiteral("delegateCombo"));
    auto *add = dialog.findChild<QPushButton *>(QStringLiteral("addButton"));
    EXPECT_EQ(list->topLevelItemCount(), 0);
    EXPECT_FALSE(add->isEnabled());
    delegate->setCurrentIndex(delegate->findData(QStringLiteral("manager2")));
    dialog.findChild<QDateEdit *>(QStringLiteral("fromDate"))->setDate(QDate(2026, 11, 3));
    dialog.findChild<QDateEdit *>(QStringLiteral("toDate"))->setDate(QDate(2026, 11, 9));
    ASSERT_TRUE(add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
    ASSERT_EQ(list->topLevelItemCount(), 1);
    EXPECT_EQ(list->topLevelItem(0)->text(2), QStringLiteral("2026-11-03"));
    EXPECT_EQ(services::IdentityService(session).delegations().size(), 1);

    // An end before the start is refused with the service's message.
    delegate->setCurrentIndex(delegate->findData(QStringLiteral("director")));
    dialog.findChild<QDateEdit *>(QStringLiteral("toDate"))->setDate(QDate(2026, 11, 1));
    QTest::mouseClick(add, Qt::LeftButton);
    EXPECT_TRUE(dialog.findChild<QLabel *>(QStringLiteral("errorLabel"))->isVisible());
    EXPECT_EQ(list->topLevelItemCount(), 1);

    list->setCurrentItem(list->topLevelItem(0));
    auto *revoke = dialog.findChild<QPushButton *>(QStringLiteral("revokeButton"));
    ASSERT_TRUE(revoke->isEnabled());
    QTest::mouseClick(revoke, Qt::LeftButton);
    EXPECT_EQ(list->topLevelItemCount(), 0);
    EXPECT_TRUE(services::IdentityService(session).delegations().isEmpty());
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AccountDialogsTest, ::testing::Values(bizdesk::testing::Backend::Sqlite),
                         bizdesk::testing::backendLabel);
