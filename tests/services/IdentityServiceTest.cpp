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

BIZDESK_INSTANTIATE_BACKENDS(IdentityServiceTest);
