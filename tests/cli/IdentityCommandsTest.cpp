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

namespace {

QStringList whoami() { return {QStringLiteral("--json"), QStringLiteral("whoami")}; }

} // namespace

TEST_F(IdentityCommands, a_disabled_account_looks_like_a_wrong_password_unless_the_password_is_right)
{
    qputenv("BIZDESK_NEW_PASSWORD", "quiet-lantern-47");
    ASSERT_EQ(cli->runAs(QStringLiteral("boss"), {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("wang"), QStringLiteral("--name"),
                                                  QStringLiteral("王"), QStringLiteral("--role"), QStringLiteral("specialist")})
                  .exitCode,
              0);
    ASSERT_EQ(cli->runAs(QStringLiteral("boss"), {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("zhao"), QStringLiteral("--name"),
                                                  QStringLiteral("赵"), QStringLiteral("--role"), QStringLiteral("specialist")})
                  .exitCode,
              0);
    ASSERT_EQ(cli->runAs(QStringLiteral("boss"), {QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("wang")}).exitCode, 0);

    qputenv("BIZDESK_PASSWORD", "not-the-password");
    const auto disabled = cli->run(QStringList{QStringLiteral("--as"), QStringLiteral("wang")} + whoami());
    const auto active = cli->run(QStringList{QStringLiteral("--as"), QStringLiteral("zhao")} + whoami());
    const auto unknown = cli->run(QStringList{QStringLiteral("--as"), QStringLiteral("nobody")} + whoami());
    EXPECT_EQ(disabled.exitCode, 3);
    EXPECT_EQ(disabled.exitCode, active.exitCode);
    EXPECT_EQ(disabled.exitCode, unknown.exitCode);
    EXPECT_EQ(disabled.err, active.err);
    EXPECT_EQ(disabled.err, unknown.err);
    EXPECT_EQ(disabled.out, active.out);

    qputenv("BIZDESK_PASSWORD", "quiet-lantern-47");
    const auto right = cli->run(QStringList{QStringLiteral("--as"), QStringLiteral("wang")} + whoami());
    EXPECT_EQ(right.exitCode, 3);
    EXPECT_TRUE(right.error().value(QStringLiteral("message")).toString().contains(QStringLiteral("disabled"))) << right.err.toStdString();
}

TEST_F(IdentityCommands, weak_new_passwords_exit_2_naming_the_password_and_change_nothing)
{
    for (const char *weak : {"12345678", "password1", "li-ming-li-ming"}) {
        qputenv("BIZDESK_NEW_PASSWORD", weak);
        const auto refused = cli->runAs(QStringLiteral("boss"), {QStringLiteral("--json"), QStringLiteral("user"), QStringLiteral("add"),
                                                                 QStringLiteral("li-ming"), QStringLiteral("--name"), QStringLiteral("李明"),
                                                                 QStringLiteral("--role"), QStringLiteral("specialist")});
        EXPECT_EQ(refused.exitCode, 2) << weak;
        EXPECT_EQ(refused.error().value(QStringLiteral("field")).toString(), QStringLiteral("password")) << refused.err.toStdString();
    }
    const auto users = cli->runAs(QStringLiteral("boss"), {QStringLiteral("--json"), QStringLiteral("user"), QStringLiteral("list")});
    EXPECT_EQ(users.json().value(QStringLiteral("users")).toArray().size(), 1);

    // init refuses one too, and leaves no database behind that looks initialised.
    ScratchDatabase fresh(bizdesk::testing::Backend::Sqlite);
    qputenv("BIZDESK_NEW_PASSWORD", "boss-2026-boss");
    const auto init = CliHarness(fresh.location())
                          .run({QStringLiteral("--json"), QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("boss"),
                                QStringLiteral("--name"), QStringLiteral("老板")});
    EXPECT_EQ(init.exitCode, 2);
    EXPECT_EQ(init.error().value(QStringLiteral("field")).toString(), QStringLiteral("password"));
    EXPECT_TRUE(init.error().value(QStringLiteral("message")).toString().contains(QStringLiteral("login"))) << init.err.toStdString();
    EXPECT_NE(CliHarness(fresh.location()).runAs(QStringLiteral("boss"), {QStringLiteral("whoami")}).exitCode, 0);
}
