#include "services/audit/AuditTrail.h"
#include "services/policy/PolicyService.h"
#include "storage/SqlQuery.h"
#include "support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace bizdesk;
using bizdesk::testing::BackendTest;

namespace {

class PolicyServiceTest : public BackendTest
{
};

} // namespace

TEST_P(PolicyServiceTest, every_change_is_versioned_with_who_and_old_value)
{
    services::PolicyService policy(as(QStringLiteral("director")));
    EXPECT_EQ(policy.currentVersion(), 1);
    EXPECT_TRUE(policy.history().isEmpty());
    EXPECT_EQ(policy.set(QStringLiteral("entertainment.executive_threshold"), QStringLiteral("8000")), 2);
    m_clock.advanceSeconds(60);
    EXPECT_EQ(policy.set(QStringLiteral("auth.lockout_attempts"), QStringLiteral("3")), 3);
    EXPECT_EQ(policy.set(QStringLiteral("entertainment.executive_threshold"), QStringLiteral("9000.5")), 4);

    const auto history = policy.history();
    ASSERT_EQ(history.size(), 3);
    EXPECT_EQ(history.at(0).version, 4);
    EXPECT_EQ(history.at(0).key, QStringLiteral("entertainment.executive_threshold"));
    EXPECT_EQ(history.at(0).oldValue, QStringLiteral("8000.00"));
    EXPECT_EQ(history.at(0).newValue, QStringLiteral("9000.50"));
    EXPECT_EQ(history.at(0).changedByLogin, QStringLiteral("director"));
    EXPECT_FALSE(history.at(0).changedByName.isEmpty());
    EXPECT_EQ(history.at(2).version, 2);
    EXPECT_EQ(history.at(2).oldValue, QStringLiteral("5000.00"));

    const auto one = policy.history(QStringLiteral("entertainment.executive_threshold"));
    ASSERT_EQ(one.size(), 2);
    EXPECT_EQ(one.at(1).newValue, QStringLiteral("8000.00"));
    EXPECT_ERROR_KIND(policy.history(QStringLiteral("no.such.key")), Invalid);
    // Everybody may read the rules and their history.
    EXPECT_EQ(services::PolicyService(as(QStringLiteral("sales1"))).history().size(), 3);
}

TEST_P(PolicyServiceTest, bad_values_name_the_key_and_clause_and_change_nothing)
{
    services::PolicyService policy(as(QStringLiteral("director")));
    for (const auto &[key, value] : std::vector<std::pair<QString, QString>>{
             {QStringLiteral("entertainment.executive_threshold"), QStringLiteral("abc")},
             {QStringLiteral("entertainment.executive_threshold"), QStringLiteral("-1")},
             {QStringLiteral("entertainment.executive_threshold"), QStringLiteral("1.234")},
             {QStringLiteral("auth.lockout_attempts"), QStringLiteral("0")},
             {QStringLiteral("auth.lockout_attempts"), QStringLiteral("2.5")},
             {QStringLiteral("contract.retention_years"), QStringLiteral("x'); DROP TABLE users;--")}}) {
        try {
            policy.set(key, value);
            ADD_FAILURE() << "accepted " << key.toStdString() << " = " << value.toStdString();
        } catch (const domain::Error &error) {
            EXPECT_EQ(error.kind(), domain::ErrorKind::Invalid);
            EXPECT_TRUE(error.message().contains(key)) << error.message().toStdString();
            EXPECT_FALSE(error.clause().isEmpty()) << key.toStdString();
        }
    }
    EXPECT_EQ(policy.currentVersion(), 1);
    EXPECT_TRUE(policy.history().isEmpty());
    EXPECT_ERROR_KIND(policy.set(QStringLiteral("no.such.key"), QStringLiteral("1")), Invalid);
}

TEST_P(PolicyServiceTest, setting_the_value_in_force_writes_no_version)
{
    services::PolicyService policy(as(QStringLiteral("director")));
    EXPECT_EQ(policy.set(QStringLiteral("entertainment.executive_threshold"), QStringLiteral("5000")), 1);
    EXPECT_EQ(policy.set(QStringLiteral("auth.lockout_attempts"), QStringLiteral("7")), 2);
    EXPECT_EQ(policy.set(QStringLiteral("auth.lockout_attempts"), QStringLiteral(" 7 ")), 2);
    EXPECT_EQ(policy.history().size(), 1);
}

TEST_P(PolicyServiceTest, only_the_director_changes_policy)
{
    for (const QString &login : {QStringLiteral("manager1"), QStringLiteral("executive"), QStringLiteral("admin"),
                                QStringLiteral("finance"), QStringLiteral("sales1")})
        EXPECT_ERROR_KIND(services::PolicyService(as(login)).set(QStringLiteral("auth.lockout_attempts"), QStringLiteral("4")), Denied);
    EXPECT_EQ(services::PolicyService(as(QStringLiteral("director"))).integer(QStringLiteral("auth.lockout_attempts")), 5);
}

TEST_P(PolicyServiceTest, audit_entries_carry_the_policy_version_in_force)
{
    services::PolicyService policy(as(QStringLiteral("director")));
    policy.set(QStringLiteral("auth.lockout_attempts"), QStringLiteral("4"));
    const auto entries = services::AuditTrail(as(QStringLiteral("director"))).log(QStringLiteral("policy"), std::nullopt, 5);
    ASSERT_FALSE(entries.isEmpty());
    EXPECT_EQ(entries.first().policyVersion, 2);
}

BIZDESK_INSTANTIATE_BACKENDS(PolicyServiceTest);
