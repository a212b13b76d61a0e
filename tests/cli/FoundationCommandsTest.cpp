#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "support/CliHarness.h"
#include "support/TestDatabase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QDir>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <unistd.h>

#include <gtest/gtest.h>

using namespace bizdesk;
using bizdesk::testing::Backend;
using bizdesk::testing::CliHarness;
using bizdesk::testing::ScratchDatabase;

namespace {

class FoundationCommands : public bizdesk::testing::ScratchBackendTest
{
protected:
    void SetUp() override
    {
        ScratchBackendTest::SetUp();
        if (!IsSkipped())
            cli = std::make_unique<CliHarness>(m_scratch->location());
    }
    std::unique_ptr<CliHarness> cli;
};

} // namespace

TEST_P(FoundationCommands, init_creates_the_first_director_and_admin_then_refuses_a_second_time)
{
    const auto first = cli->init();
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    const QJsonObject user = first.json().value(QStringLiteral("user")).toObject();
    EXPECT_EQ(user.value(QStringLiteral("login")).toString(), QStringLiteral("boss"));
    EXPECT_EQ(user.value(QStringLiteral("roles")).toArray().toVariantList(),
              (QVariantList{QStringLiteral("director"), QStringLiteral("admin")}));
    const auto second = cli->init();
    EXPECT_EQ(second.exitCode, 4);
    EXPECT_EQ(second.error().value(QStringLiteral("kind")).toString(), QStringLiteral("conflict"));
}

TEST_P(FoundationCommands, check_migrate_backup_and_audit_verify_on_a_fresh_database)
{
    ASSERT_EQ(cli->init().exitCode, 0);
    const auto check = cli->run({QStringLiteral("--json"), QStringLiteral("check")});
    EXPECT_EQ(check.exitCode, 0) << check.err.toStdString();
    EXPECT_TRUE(check.json().value(QStringLiteral("ok")).toBool());
    const auto migrate = cli->run({QStringLiteral("--json"), QStringLiteral("migrate")});
    EXPECT_EQ(migrate.exitCode, 0);
    EXPECT_EQ(migrate.json().value(QStringLiteral("from")), migrate.json().value(QStringLiteral("to")));
    EXPECT_TRUE(migrate.json().value(QStringLiteral("backup")).isNull());
    const QString backup = m_scratch->pathFor(QStringLiteral("copy.sqlite"));
    const auto backedUp = cli->run({QStringLiteral("--json"), QStringLiteral("backup"), backup});
    EXPECT_EQ(backedUp.exitCode, 0) << backedUp.err.toStdString();
    EXPECT_TRUE(QFileInfo::exists(backup));
    EXPECT_EQ(cli->run({QStringLiteral("backup"), backup}).exitCode, 4) << "an existing file is never overwritten";
    const auto verify = cli->run({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("verify")});
    EXPECT_EQ(verify.exitCode, 0);
    EXPECT_TRUE(verify.json().value(QStringLiteral("ok")).toBool());
    EXPECT_GE(verify.json().value(QStringLiteral("entries")).toInt(), 1);

    // The backup restores into an empty location of the same backend.
    ScratchDatabase target(GetParam());
    const auto restored = CliHarness(target.location()).run({QStringLiteral("--json"), QStringLiteral("restore"), backup});
    EXPECT_EQ(restored.exitCode, 0) << restored.err.toStdString();
    EXPECT_EQ(CliHarness(target.location()).runAs(QStringLiteral("boss"), {QStringLiteral("whoami")}).exitCode, 0);
}

TEST_P(FoundationCommands, business_commands_need_a_user_and_the_right_password)
{
    ASSERT_EQ(cli->init().exitCode, 0);
    EXPECT_EQ(cli->run({QStringLiteral("user"), QStringLiteral("list")}).exitCode, 3);
    qputenv("BIZDESK_PASSWORD", "wrong-password");
    const auto wrong = cli->run({QStringLiteral("--json"), QStringLiteral("--as"), QStringLiteral("boss"), QStringLiteral("whoami")});
    EXPECT_EQ(wrong.exitCode, 3);
    EXPECT_EQ(wrong.error().value(QStringLiteral("kind")).toString(), QStringLiteral("denied"));
    const auto right = cli->runAs(QStringLiteral("boss"), {QStringLiteral("--json"), QStringLiteral("whoami")});
    EXPECT_EQ(right.exitCode, 0);
    EXPECT_EQ(right.json().value(QStringLiteral("name")).toString(), QStringLiteral("老板"));
}

TEST_P(FoundationCommands, people_departments_and_policy_through_the_cli)
{
    ASSERT_EQ(cli->init().exitCode, 0);
    qputenv("BIZDESK_NEW_PASSWORD", "another-secret");
    EXPECT_EQ(cli->runAs(QStringLiteral("boss"), {QStringLiteral("dept"), QStringLiteral("add"), QStringLiteral("商务一部")}).exitCode, 0);
    const auto added = cli->runAs(QStringLiteral("boss"),
                                  {QStringLiteral("--json"), QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("wang"),
                                   QStringLiteral("--name"), QStringLiteral("王经理"), QStringLiteral("--role"),
                                   QStringLiteral("manager"), QStringLiteral("--dept"), QStringLiteral("商务一部"),
                                   QStringLiteral("--superior"), QStringLiteral("boss")});
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    EXPECT_EQ(added.json().value(QStringLiteral("department")).toString(), QStringLiteral("商务一部"));
    EXPECT_EQ(cli->runAs(QStringLiteral("boss"), {QStringLiteral("dept"), QStringLiteral("head"), QStringLiteral("商务一部"),
                                                  QStringLiteral("wang")})
                  .exitCode,
              0);

    const auto unknownRole = cli->runAs(QStringLiteral("boss"),
                                        {QStringLiteral("--json"), QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("li"),
                                         QStringLiteral("--name"), QStringLiteral("李"), QStringLiteral("--role"), QStringLiteral("king")});
    EXPECT_EQ(unknownRole.exitCode, 2);
    EXPECT_EQ(unknownRole.error().value(QStringLiteral("field")).toString(), QStringLiteral("role"));

    const auto set = cli->runAs(QStringLiteral("boss"), {QStringLiteral("--json"), QStringLiteral("policy"), QStringLiteral("set"),
                                                         QStringLiteral("entertainment.executive_threshold"), QStringLiteral("8000")});
    EXPECT_EQ(set.exitCode, 0);
    EXPECT_EQ(set.json().value(QStringLiteral("value")).toString(), QStringLiteral("8000.00"));
    const auto bad = cli->runAs(QStringLiteral("boss"), {QStringLiteral("--json"), QStringLiteral("policy"), QStringLiteral("set"),
                                                         QStringLiteral("entertainment.executive_threshold"), QStringLiteral("-1")});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_EQ(bad.error().value(QStringLiteral("clause")).toString(), QStringLiteral("6.3.3"));
    const auto manager = cli->run({QStringLiteral("--as"), QStringLiteral("wang"), QStringLiteral("policy"), QStringLiteral("set"),
                                   QStringLiteral("auth.lockout_attempts"), QStringLiteral("3")});
    EXPECT_NE(manager.exitCode, 0);
}

BIZDESK_INSTANTIATE_BACKENDS(FoundationCommands);

TEST(FoundationCommandLine, unknown_commands_options_and_missing_arguments_are_invalid)
{
    ScratchDatabase scratch(Backend::Sqlite);
    CliHarness cli(scratch.location());
    EXPECT_EQ(cli.run({QStringLiteral("frobnicate")}).exitCode, 2);
    EXPECT_EQ(cli.run({QStringLiteral("--frob"), QStringLiteral("check")}).exitCode, 2);
    EXPECT_EQ(cli.run({QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("x")}).exitCode, 2);
    EXPECT_EQ(cli.run({QStringLiteral("backup")}).exitCode, 2);
    EXPECT_EQ(cli.run({QStringLiteral("check"), QStringLiteral("--bogus")}).exitCode, 2);
    EXPECT_FALSE(QFileInfo::exists(scratch.location())) << "nothing may be written on bad input";
    EXPECT_EQ(cli.run({QStringLiteral("check")}).exitCode, 5) << "no database yet";
    EXPECT_EQ(cli.run({QStringLiteral("--help")}).exitCode, 0);
}

TEST(FoundationCommandLine, weak_password_at_init_leaves_no_file_behind)
{
    ScratchDatabase scratch(Backend::Sqlite);
    qputenv("BIZDESK_NEW_PASSWORD", "short");
    const auto result = CliHarness(scratch.location())
                            .run({QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("boss"),
                                  QStringLiteral("--name"), QStringLiteral("老板")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_FALSE(QFileInfo::exists(scratch.location()));
}

TEST(FoundationCommandLine, foreign_and_newer_files_are_refused_untouched)
{
    ScratchDatabase scratch(Backend::Sqlite);
    const QString foreign = scratch.pathFor(QStringLiteral("foreign.sqlite"));
    bizdesk::testing::writeFile(foreign, "not a database at all");
    const QByteArray before = bizdesk::testing::fileDigest(foreign);
    const auto result = CliHarness(foreign).run({QStringLiteral("--json"), QStringLiteral("check")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(bizdesk::testing::fileDigest(foreign), before);
    EXPECT_FALSE(QFileInfo::exists(foreign + QStringLiteral("-wal")));
}

TEST(FoundationCommandLine, read_only_folder_is_a_clear_invalid_error)
{
    if (::geteuid() == 0)
        GTEST_SKIP() << "root ignores folder permissions";
    ScratchDatabase scratch(Backend::Sqlite);
    const QString folder = scratch.pathFor(QStringLiteral("locked"));
    QDir().mkpath(folder);
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    qputenv("BIZDESK_NEW_PASSWORD", "long-enough-password");
    const auto result = CliHarness(folder + QStringLiteral("/db.sqlite"))
                            .run({QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("boss"),
                                  QStringLiteral("--name"), QStringLiteral("老板")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_FALSE(result.err.isEmpty());
}

TEST(FoundationCommandLine, unusable_path_is_a_clear_invalid_error)
{
    ScratchDatabase scratch(Backend::Sqlite);
    const QString file = scratch.pathFor(QStringLiteral("plain.txt"));
    {
        QFile plain(file);
        plain.open(QIODevice::WriteOnly);
    }
    qputenv("BIZDESK_NEW_PASSWORD", "long-enough-password");
    const auto result = CliHarness(file + QStringLiteral("/db.sqlite"))
                            .run({QStringLiteral("--json"), QStringLiteral("init"), QStringLiteral("--admin"),
                                  QStringLiteral("boss"), QStringLiteral("--name"), QStringLiteral("老板")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.error().value(QStringLiteral("field")).toString(), QStringLiteral("--db"));
}

TEST(FoundationCommandLine, locked_database_is_a_conflict_and_changes_nothing)
{
    ScratchDatabase scratch(Backend::Sqlite);
    CliHarness cli(scratch.location());
    ASSERT_EQ(cli.init().exitCode, 0);
    {
        // Another program holds the write lock for longer than the busy timeout.
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
        other.setDatabaseName(scratch.location());
        ASSERT_TRUE(other.open());
        QSqlQuery(other).exec(QStringLiteral("BEGIN IMMEDIATE"));
        const auto result = cli.runAs(QStringLiteral("boss"), {QStringLiteral("--json"), QStringLiteral("policy"), QStringLiteral("set"),
                                                               QStringLiteral("auth.lockout_attempts"), QStringLiteral("3")});
        EXPECT_EQ(result.exitCode, 4) << result.err.toStdString();
        EXPECT_EQ(result.error().value(QStringLiteral("kind")).toString(), QStringLiteral("conflict"));
        QSqlQuery(other).exec(QStringLiteral("ROLLBACK"));
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("holder"));
    const auto shown = cli.runAs(QStringLiteral("boss"), {QStringLiteral("--json"), QStringLiteral("policy"), QStringLiteral("show")});
    EXPECT_TRUE(shown.out.contains(QStringLiteral("\"key\":\"auth.lockout_attempts\"")));
    EXPECT_EQ(shown.json().value(QStringLiteral("version")).toInt(), 1) << "the refused change left no trace";
}
