#include "support/CliHarness.h"
#include "support/TestDatabase.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace bizdesk;
using bizdesk::testing::CliHarness;
using bizdesk::testing::ScratchDatabase;

namespace {

class IdentityCommands : public ::testing::Test
{
protected:
    void SetUp() override
    {
        scratch = std::make_unique<ScratchDatabase>(bizdesk::testing::Backend::Sqlite);
        cli = std::make_unique<CliHarness>(scratch->location());
        ASSERT_EQ(cli->init().exitCode, 0);
    }
    std::unique_ptr<ScratchDatabase> scratch;
    std::unique_ptr<CliHarness> cli;
};

} // namespace

TEST_F(IdentityCommands, policy_history_lists_versioned_changes_newest_first)
{
    ASSERT_EQ(cli->runAs(QStringLiteral("boss"), {QStringLiteral("policy"), QStringLiteral("set"),
                                                  QStringLiteral("entertainment.executive_threshold"), QStringLiteral("8000")})
                  .exitCode,
              0);
    ASSERT_EQ(cli->runAs(QStringLiteral("boss"), {QStringLiteral("policy"), QStringLiteral("set"),
                                                  QStringLiteral("auth.lockout_attempts"), QStringLiteral("4")})
                  .exitCode,
              0);
    const auto all = cli->runAs(QStringLiteral("boss"), {QStringLiteral("--json"), QStringLiteral("policy"), QStringLiteral("history")});
    ASSERT_EQ(all.exitCode, 0) << all.err.toStdString();
    EXPECT_EQ(all.json().value(QStringLiteral("version")).toInt(), 3);
    const QJsonArray changes = all.json().value(QStringLiteral("changes")).toArray();
    ASSERT_EQ(changes.size(), 2);
    EXPECT_EQ(changes.at(0).toObject().value(QStringLiteral("key")).toString(), QStringLiteral("auth.lockout_attempts"));
    EXPECT_EQ(changes.at(1).toObject().value(QStringLiteral("old")).toString(), QStringLiteral("5000.00"));
    EXPECT_EQ(changes.at(1).toObject().value(QStringLiteral("new")).toString(), QStringLiteral("8000.00"));
    EXPECT_EQ(changes.at(1).toObject().value(QStringLiteral("by")).toString(), QStringLiteral("boss"));

    const auto one = cli->runAs(QStringLiteral("boss"), {QStringLiteral("--json"), QStringLiteral("policy"), QStringLiteral("history"),
                                                         QStringLiteral("--key"), QStringLiteral("auth.lockout_attempts")});
    EXPECT_EQ(one.json().value(QStringLiteral("changes")).toArray().size(), 1);
    const auto unknown = cli->runAs(QStringLiteral("boss"), {QStringLiteral("--json"), QStringLiteral("policy"), QStringLiteral("history"),
                                                             QStringLiteral("--key"), QStringLiteral("no.such")});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_EQ(unknown.error().value(QStringLiteral("field")).toString(), QStringLiteral("key"));
}

TEST_F(IdentityCommands, a_wrong_policy_value_exits_2_naming_the_key_and_writes_nothing)
{
    const auto result = cli->runAs(QStringLiteral("boss"), {QStringLiteral("--json"), QStringLiteral("policy"), QStringLiteral("set"),
                                                            QStringLiteral("auth.lockout_attempts"), QStringLiteral("0")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_FALSE(result.error().value(QStringLiteral("clause")).toString().isEmpty()) << result.err.toStdString();
    const auto history = cli->runAs(QStringLiteral("boss"), {QStringLiteral("--json"), QStringLiteral("policy"), QStringLiteral("history")});
    EXPECT_TRUE(history.json().value(QStringLiteral("changes")).toArray().isEmpty());
}
