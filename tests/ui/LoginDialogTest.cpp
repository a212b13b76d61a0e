#include "UiTestSupport.h"

#include "services/Session.h"
#include "storage/identity/UserRepository.h"
#include "support/TestDatabase.h"
#include "ui/identity/LoginDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include <gtest/gtest.h>

using namespace bizdesk;
using bizdesk::testing::TestOrganisation;

namespace {

class LoginDialogTest : public bizdesk::testing::BackendTest
{
protected:
    void typeAndLogIn(ui::LoginDialog &dialog, const QString &login, const QString &password)
    {
        auto *loginEdit = dialog.findChild<QLineEdit *>(QStringLiteral("loginEdit"));
        auto *passwordEdit = dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
        loginEdit->clear();
        bizdesk::testing::typeText(loginEdit, login);
        passwordEdit->clear();
        bizdesk::testing::typeText(passwordEdit, password);
        auto *buttons = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    }
    int failedAttempts(const QString &login)
    {
        return storage::UserRepository(database()).findByLogin(login)->failedAttempts;
    }
};

} // namespace

TEST_P(LoginDialogTest, wrong_password_shows_the_message_and_counts_toward_lockout)
{
    services::Session session(database(), m_clock);
    ui::LoginDialog dialog(session);
    dialog.show();
    typeAndLogIn(dialog, QStringLiteral("sales1"), QStringLiteral("not-the-password"));
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    EXPECT_TRUE(error->isVisible());
    EXPECT_FALSE(error->text().isEmpty());
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_NE(dialog.result(), QDialog::Accepted);
    EXPECT_FALSE(session.isLoggedIn());
    EXPECT_EQ(failedAttempts(QStringLiteral("sales1")), 1);
    EXPECT_TRUE(dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->text().isEmpty());

    for (int attempt = 2; attempt <= 5; ++attempt)
        typeAndLogIn(dialog, QStringLiteral("sales1"), QStringLiteral("not-the-password"));
    // Locked now: even the right password is refused, and the message says so (clause 7).
    typeAndLogIn(dialog, QStringLiteral("sales1"), TestOrganisation::password);
    EXPECT_FALSE(session.isLoggedIn());
    EXPECT_TRUE(error->text().contains(QStringLiteral("§7"))) << error->text().toStdString();
}

TEST_P(LoginDialogTest, right_password_logs_in_and_closes)
{
    services::Session session(database(), m_clock);
    ui::LoginDialog dialog(session);
    dialog.show();
    typeAndLogIn(dialog, QStringLiteral("Manager1"), TestOrganisation::password);
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    ASSERT_TRUE(session.isLoggedIn());
    EXPECT_EQ(session.user().login, QStringLiteral("manager1"));
    EXPECT_EQ(failedAttempts(QStringLiteral("manager1")), 0);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, LoginDialogTest, ::testing::Values(bizdesk::testing::Backend::Sqlite),
                         bizdesk::testing::backendLabel);
