#include "services/audit/AuditTrail.h"
#include "services/identity/IdentityService.h"
#include "services/policy/PolicyService.h"
#include "storage/SqlQuery.h"
#include "support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace bizdesk;
using bizdesk::testing::BackendTest;
using bizdesk::testing::TestOrganisation;

namespace {

class IdentityServiceTest : public BackendTest
{
protected:
    services::NewUser newcomer()
    {
        services::NewUser input;
        input.login = QStringLiteral("Sales9");
        input.displayName = QStringLiteral("  吴新人 ");
        input.roles = QStringLiteral("specialist");
        input.department = QStringLiteral("商务一部");
        input.superiorLogin = QStringLiteral("manager1");
        input.password = QStringLiteral("long-enough");
        return input;
    }
    int auditCount()
    {
        return storage::SqlQuery(database(), QStringLiteral("SELECT count(*) FROM audit_log")).scalar().toInt();
    }
};

} // namespace

TEST_P(IdentityServiceTest, admin_adds_a_person_with_normalised_login_and_audit_entry)
{
    services::IdentityService identity(as(QStringLiteral("admin")));
    const int before = auditCount();
    const domain::User user = identity.addUser(newcomer());
    EXPECT_EQ(user.login, QStringLiteral("sales9"));
    EXPECT_EQ(user.displayName, QStringLiteral("吴新人"));
    EXPECT_EQ(user.superiorId, organisation().id(QStringLiteral("manager1")));
    EXPECT_EQ(auditCount(), before + 1);
}

TEST_P(IdentityServiceTest, bad_input_names_the_field_and_writes_nothing)
{
    services::IdentityService identity(as(QStringLiteral("admin")));
    const int before = auditCount();
    struct Case
    {
        std::function<void(services::NewUser &)> spoil;
        QString field;
    };
    const std::vector<Case> cases{
        {[](auto &input) { input.roles = QStringLiteral("king"); }, QStringLiteral("role")},
        {[](auto &input) { input.login = QStringLiteral("sales1"); }, QStringLiteral("login")},
        {[](auto &input) { input.displayName = QStringLiteral("   "); }, QStringLiteral("name")},
        {[](auto &input) { input.password = QStringLiteral("short"); }, QStringLiteral("password")},
        {[](auto &input) { input.superiorLogin = QStringLiteral("nobody"); }, QStringLiteral("superior")},
        {[](auto &input) { input.department = QStringLiteral("不存在"); }, QStringLiteral("dept")},
        {[](auto &input) { input.email = QStringLiteral("not-an-email"); }, QStringLiteral("email")},
    };
    for (const Case &testCase : cases) {
        services::NewUser input = newcomer();
        testCase.spoil(input);
        try {
            identity.addUser(input);
            ADD_FAILURE() << "accepted bad " << testCase.field.toStdString();
        } catch (const domain::Error &error) {
            EXPECT_EQ(error.kind(), domain::ErrorKind::Invalid);
            EXPECT_EQ(error.field(), testCase.field);
        }
    }
    EXPECT_EQ(auditCount(), before);
    EXPECT_FALSE(identity.userById(99).has_value());
}

TEST_P(IdentityServiceTest, only_admins_manage_people)
{
    services::IdentityService identity(as(QStringLiteral("manager1")));
    EXPECT_ERROR_KIND(identity.addUser(newcomer()), Denied);
}

TEST_P(IdentityServiceTest, superior_cycle_is_refused)
{
    services::IdentityService identity(as(QStringLiteral("admin")));
    EXPECT_ERROR_KIND(identity.setSuperior(QStringLiteral("director"), QStringLiteral("sales1")), Invalid);
    EXPECT_EQ(identity.user(QStringLiteral("director")).superiorId, organisation().id(QStringLiteral("executive")));
}

TEST_P(IdentityServiceTest, stale_version_is_a_conflict)
{
    services::IdentityService identity(as(QStringLiteral("admin")));
    domain::User first = identity.user(QStringLiteral("sales1"));
    domain::User second = first;
    first.displayName = QStringLiteral("王大明");
    identity.updateUser(first);
    second.displayName = QStringLiteral("王二明");
    EXPECT_ERROR_KIND(identity.updateUser(second), Conflict);
    EXPECT_EQ(identity.user(QStringLiteral("sales1")).displayName, QStringLiteral("王大明"));
}

TEST_P(IdentityServiceTest, five_wrong_passwords_lock_the_account_until_unlocked)
{
    services::Session anonymous(database(), m_clock);
    services::IdentityService login(anonymous);
    for (int attempt = 0; attempt < 5; ++attempt)
        EXPECT_ERROR_KIND(login.logIn(QStringLiteral("sales1"), QStringLiteral("wrong-password")), Denied);
    // Now even the right password is refused...
    EXPECT_ERROR_KIND(login.logIn(QStringLiteral("sales1"), TestOrganisation::password), Denied);
    EXPECT_FALSE(anonymous.isLoggedIn());
    // ...until the lockout expires,
    m_clock.advanceSeconds(16 * 60);
    EXPECT_NO_THROW(login.logIn(QStringLiteral("sales1"), TestOrganisation::password));
    // or an admin unlocks it.
    for (int attempt = 0; attempt < 5; ++attempt)
        EXPECT_ERROR_KIND(login.logIn(QStringLiteral("sales1"), QStringLiteral("wrong-password")), Denied);
    services::IdentityService(as(QStringLiteral("admin"))).unlockUser(QStringLiteral("sales1"));
    EXPECT_NO_THROW(login.logIn(QStringLiteral("sales1"), TestOrganisation::password));
}

TEST_P(IdentityServiceTest, lockout_threshold_follows_the_policy_setting)
{
    services::PolicyService(as(QStringLiteral("director"))).set(QStringLiteral("auth.lockout_attempts"), QStringLiteral("2"));
    services::Session anonymous(database(), m_clock);
    services::IdentityService login(anonymous);
    EXPECT_ERROR_KIND(login.logIn(QStringLiteral("sales2"), QStringLiteral("x-wrong-x")), Denied);
    EXPECT_ERROR_KIND(login.logIn(QStringLiteral("sales2"), QStringLiteral("x-wrong-x")), Denied);
    EXPECT_ERROR_KIND(login.logIn(QStringLiteral("sales2"), TestOrganisation::password), Denied);
}

TEST_P(IdentityServiceTest, every_login_outcome_is_audited)
{
    services::Session anonymous(database(), m_clock);
    services::IdentityService login(anonymous);
    EXPECT_ERROR_KIND(login.logIn(QStringLiteral("sales1"), QStringLiteral("wrong-password")), Denied);
    login.logIn(QStringLiteral("sales1"), TestOrganisation::password);
    const auto entries = services::AuditTrail(as(QStringLiteral("director"))).log(QStringLiteral("user"), std::nullopt, 10);
    ASSERT_GE(entries.size(), 2);
    EXPECT_EQ(entries.at(0).action, QStringLiteral("auth.login"));
    EXPECT_EQ(entries.at(1).action, QStringLiteral("auth.login_failed"));
}

TEST_P(IdentityServiceTest, delegate_acts_for_the_delegator_within_the_dates)
{
    services::IdentityService manager(as(QStringLiteral("manager1")));
    manager.delegate(QStringLiteral("manager2"), QDate(2026, 11, 1), QDate(2026, 11, 10));
    services::IdentityService deputy(as(QStringLiteral("manager2")));
    EXPECT_TRUE(deputy.actingFor().contains(organisation().id(QStringLiteral("manager1"))));
    m_clock.set(QDateTime(QDate(2026, 11, 11), QTime(12, 0), QTimeZone::utc()));
    EXPECT_FALSE(deputy.actingFor().contains(organisation().id(QStringLiteral("manager1"))));
    EXPECT_ERROR_KIND(manager.delegate(QStringLiteral("manager1"), QDate(2026, 11, 1), QDate(2026, 11, 2)), Invalid);
    EXPECT_ERROR_KIND(manager.delegate(QStringLiteral("manager2"), QDate(2026, 11, 5), QDate(2026, 11, 1)), Invalid);
}

TEST_P(IdentityServiceTest, a_disabled_person_can_be_enabled_again)
{
    services::IdentityService admin(as(QStringLiteral("admin")));
    admin.disableUser(QStringLiteral("sales2"));
    services::Session anonymous(database(), m_clock);
    EXPECT_ERROR_KIND(services::IdentityService(anonymous).logIn(QStringLiteral("sales2"), TestOrganisation::password), Denied);
    EXPECT_ERROR_KIND(services::IdentityService(as(QStringLiteral("manager1"))).enableUser(QStringLiteral("sales2")), Denied);
    admin.enableUser(QStringLiteral("sales2"));
    EXPECT_TRUE(admin.user(QStringLiteral("sales2")).active);
    EXPECT_NO_THROW(services::IdentityService(anonymous).logIn(QStringLiteral("sales2"), TestOrganisation::password));
    EXPECT_ERROR_KIND(admin.enableUser(QStringLiteral("sales2")), Conflict);
    const auto history = services::AuditTrail(as(QStringLiteral("admin"))).history(QStringLiteral("user"), organisation().id(QStringLiteral("sales2")));
    ASSERT_GE(history.size(), 2);
    EXPECT_EQ(history.at(1).action, QStringLiteral("user.update")); // enabled (newest is the login)
}

namespace {

/// The refusal a login gets, as the user sees it (kind, message, clause).
std::string refusalOf(services::IdentityService &identity, const QString &login, const QString &password)
{
    try {
        identity.logIn(login, password);
    } catch (const domain::Error &error) {
        return domain::errorKindName(error.kind()).toStdString() + " | " + error.message().toStdString() + " | "
               + error.clause().toStdString();
    }
    return "logged in";
}

} // namespace

TEST_P(IdentityServiceTest, a_disabled_account_answers_a_wrong_password_like_any_wrong_password)
{
    services::IdentityService(as(QStringLiteral("admin"))).disableUser(QStringLiteral("sales2"));
    services::Session anonymous(database(), m_clock);
    services::IdentityService login(anonymous);
    const std::string active = refusalOf(login, QStringLiteral("sales1"), QStringLiteral("wrong-password"));
    EXPECT_EQ(refusalOf(login, QStringLiteral("sales2"), QStringLiteral("wrong-password")), active);
    EXPECT_EQ(refusalOf(login, QStringLiteral("nobody"), QStringLiteral("wrong-password")), active);
    // The password was checked and counted, exactly as for an active account…
    EXPECT_EQ(organisation().user(QStringLiteral("sales2")).failedAttempts, 1);
    // …so after the limit both look locked the same way, and nothing tells that one is disabled.
    for (int attempt = 1; attempt < 5; ++attempt) {
        refusalOf(login, QStringLiteral("sales1"), QStringLiteral("wrong-password"));
        refusalOf(login, QStringLiteral("sales2"), QStringLiteral("wrong-password"));
    }
    const std::string lockedActive = refusalOf(login, QStringLiteral("sales1"), TestOrganisation::password);
    std::string lockedDisabled = refusalOf(login, QStringLiteral("sales2"), TestOrganisation::password);
    lockedDisabled.replace(lockedDisabled.find("sales2"), 6, "sales1");
    EXPECT_EQ(lockedDisabled, lockedActive);
    EXPECT_NE(lockedActive.find("locked"), std::string::npos);
}

TEST_P(IdentityServiceTest, only_the_right_password_learns_that_an_account_is_disabled)
{
    services::IdentityService(as(QStringLiteral("admin"))).disableUser(QStringLiteral("sales2"));
    services::Session anonymous(database(), m_clock);
    services::IdentityService login(anonymous);
    const std::string refusal = refusalOf(login, QStringLiteral("sales2"), TestOrganisation::password);
    EXPECT_EQ(refusal.rfind("denied", 0), 0u) << refusal;
    EXPECT_NE(refusal.find("disabled"), std::string::npos) << refusal;
    EXPECT_FALSE(anonymous.isLoggedIn());
    const auto entries = services::AuditTrail(as(QStringLiteral("director"))).log(QStringLiteral("user"), std::nullopt, 1);
    ASSERT_EQ(entries.size(), 1);
    EXPECT_EQ(entries.at(0).action, QStringLiteral("auth.login_failed"));
    EXPECT_NE(entries.at(0).afterJson.indexOf(QLatin1String("disabled")), -1);
}

TEST_P(IdentityServiceTest, a_read_only_login_writes_nothing_unless_failures_must_be_cleared)
{
    services::Session reader(database(), m_clock);
    services::IdentityService login(reader);
    const int before = auditCount();
    EXPECT_NO_THROW(login.logIn(QStringLiteral("sales1"), TestOrganisation::password, services::LoginMode::ReadOnly));
    EXPECT_TRUE(reader.isLoggedIn());
    EXPECT_EQ(auditCount(), before) << "a read-only login with nothing to clear writes nothing";

    EXPECT_ERROR_KIND(login.logIn(QStringLiteral("sales1"), QStringLiteral("wrong-password"), services::LoginMode::ReadOnly), Denied);
    EXPECT_EQ(auditCount(), before + 1) << "failures are always audited";
    EXPECT_EQ(organisation().user(QStringLiteral("sales1")).failedAttempts, 1);

    login.logIn(QStringLiteral("sales1"), TestOrganisation::password, services::LoginMode::ReadOnly);
    EXPECT_EQ(organisation().user(QStringLiteral("sales1")).failedAttempts, 0);
    EXPECT_EQ(auditCount(), before + 2) << "clearing the count is audited as a login";

    login.logIn(QStringLiteral("sales1"), TestOrganisation::password);
    EXPECT_EQ(auditCount(), before + 3) << "a recorded login writes auth.login";
}

TEST_P(IdentityServiceTest, weak_new_passwords_are_refused_everywhere_naming_the_reason)
{
    services::IdentityService admin(as(QStringLiteral("admin")));
    const int before = auditCount();
    const std::vector<std::pair<QString, QString>> weak{
        {QStringLiteral("sales9-2026"), QStringLiteral("login")},
        {QStringLiteral("password1"), QStringLiteral("dictionary")},
        {QStringLiteral("12345678"), QStringLiteral("simple")},
        {QStringLiteral("short"), QStringLiteral("at least 8")},
    };
    for (const auto &[password, reason] : weak) {
        services::NewUser input = newcomer();
        input.password = password;
        try {
            admin.addUser(input);
            ADD_FAILURE() << "accepted " << password.toStdString();
        } catch (const domain::Error &error) {
            EXPECT_EQ(error.kind(), domain::ErrorKind::Invalid);
            EXPECT_EQ(error.field(), QStringLiteral("password"));
            EXPECT_TRUE(error.message().startsWith(QLatin1String("password: "))) << error.message().toStdString();
            EXPECT_TRUE(error.message().contains(reason)) << password.toStdString() << ": " << error.message().toStdString();
        }
    }
    EXPECT_EQ(auditCount(), before);

    services::Session mine(database(), m_clock);
    services::IdentityService(mine).logIn(QStringLiteral("sales1"), TestOrganisation::password);
    services::IdentityService self(mine);
    EXPECT_ERROR_KIND(self.changeOwnPassword(TestOrganisation::password, QStringLiteral("sales1sales1")), Invalid);
    EXPECT_ERROR_KIND(self.changeOwnPassword(TestOrganisation::password, QStringLiteral("sunshine")), Invalid);
    EXPECT_NO_THROW(self.changeOwnPassword(TestOrganisation::password, QStringLiteral("quiet-lantern-47")));
}

BIZDESK_INSTANTIATE_BACKENDS(IdentityServiceTest);
