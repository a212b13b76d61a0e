// Read-only commands (cli/ReadOnlyCommands) log in without writing and then hold a connection
// that refuses writes, so on SQLite they never take or wait for the write lock (issue 8 §6).
#include "cli/CommandLine.h"
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"
#include "support/CliHarness.h"
#include "support/TestDatabase.h"

#include <QJsonObject>
#include <QMap>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;
using bizdesk::testing::CliResult;

namespace {

/// The seeded organisation on a SQLite file, driven through bizdeskctl's CommandLine.
class ReadOnlyCommandsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        {
            auto database = storage::Database::open(m_scratch.location(), storage::Database::CreateMode::CreateIfMissing);
            storage::Migrator::migrate(*database);
            bizdesk::testing::TestOrganisation organisation(*database);
        }
        cli::registerAllCommands(m_commandLine);
    }
    void TearDown() override { qunsetenv("BIZDESK_PASSWORD"); }

    CliResult run(const QString &login, const QStringList &arguments) const
    {
        return m_cli.runAs(login, QStringList{u"--json"_s} + arguments);
    }
    qint64 scalar(const QString &sql)
    {
        auto database = storage::Database::open(m_scratch.location(), storage::Database::CreateMode::MustExist);
        return storage::SqlQuery(*database, sql).scalar().toLongLong();
    }
    qint64 auditCount() { return scalar(u"SELECT count(*) FROM audit_log"_s); }

    bizdesk::testing::ScratchDatabase m_scratch{bizdesk::testing::Backend::Sqlite};
    bizdesk::testing::CliHarness m_cli{m_scratch.location()};
    cli::CommandLine m_commandLine; ///< only to list the commands marked read-only
};

} // namespace

TEST_F(ReadOnlyCommandsTest, every_read_only_command_works_on_a_connection_that_refuses_writes)
{
    const CliResult customer = run(u"sales1"_s, {u"customer"_s, u"add"_s, u"--name"_s, u"北京华信"_s});
    ASSERT_EQ(customer.exitCode, 0) << customer.err.toStdString();
    const QString customerId = QString::number(customer.json()[u"id"_s].toInteger());
    const CliResult expense = run(u"sales1"_s, {u"expense"_s, u"apply"_s, u"--category"_s, u"banquet"_s, u"--reason"_s, u"客户答谢"_s,
                                              u"--at"_s, u"2026-11-20T18:30"_s, u"--place"_s, u"北京饭店"_s, u"--participants"_s,
                                              u"王小明, 客户张总"_s, u"--headcount"_s, u"3"_s, u"--estimate"_s, u"800"_s});
    ASSERT_EQ(expense.exitCode, 0) << expense.err.toStdString();
    const QString expenseId = QString::number(expense.json()[u"id"_s].toInteger());
    const CliResult contract = run(u"manager1"_s, {u"contract"_s, u"draft"_s, u"--customer"_s, customerId, u"--title"_s,
                                                 u"ERP 实施服务合同"_s, u"--amount"_s, u"1000"_s, u"--owner"_s, u"sales1"_s});
    ASSERT_EQ(contract.exitCode, 0) << contract.err.toStdString();
    const QString contractId = QString::number(contract.json()[u"id"_s].toInteger());

    // Arguments for each read-only command; a command marked read-only without a case here fails,
    // so a new one cannot skip this check.
    const QMap<QString, QStringList> cases{
        {u"user list"_s, {}},
        {u"whoami"_s, {}},
        {u"dept list"_s, {}},
        {u"policy show"_s, {}},
        {u"policy history"_s, {}},
        {u"audit log"_s, {}},
        {u"customer show"_s, {customerId}},
        {u"customer list"_s, {u"--owner"_s, u"sales1"_s}},
        {u"customer search"_s, {u"华信"_s}},
        {u"customer churn"_s, {}},
        {u"customer winbacks"_s, {}},
        {u"customer pool"_s, {}},
        {u"event list"_s, {}},
        {u"segment list"_s, {}},
        {u"research list"_s, {}},
        {u"expense show"_s, {expenseId}},
        {u"expense list"_s, {u"--pending-for-me"_s}},
        {u"expense form"_s, {expenseId, u"--out"_s, m_scratch.pathFor(u"form.pdf"_s)}},
        {u"company show"_s, {}},
        {u"report expenses"_s, {u"--period"_s, u"2026-11"_s, u"--out"_s, m_scratch.pathFor(u"report.csv"_s)}},
        {u"contract form"_s, {contractId, u"--out"_s, m_scratch.pathFor(u"sheet.pdf"_s)}},
        {u"report contracts"_s, {u"--period"_s, u"2026"_s, u"--out"_s, m_scratch.pathFor(u"ledger.csv"_s)}},
    };
    const qint64 before = auditCount();
    int readOnly = 0;
    for (const cli::CommandSpec &spec : m_commandLine.commands()) {
        if (!spec.readOnly)
            continue;
        ++readOnly;
        const QString name = spec.words.join(u' ');
        if (!cases.contains(name)) {
            ADD_FAILURE() << "no case for the read-only command " << name.toStdString();
            continue;
        }
        const QString login = name == u"audit log"_s || name == u"report expenses"_s ? u"director"_s : u"sales1"_s;
        const CliResult outcome = run(login, spec.words + cases.value(name));
        EXPECT_EQ(outcome.exitCode, 0) << name.toStdString() << ": " << outcome.err.toStdString();
    }
    EXPECT_EQ(readOnly, cases.size());
    EXPECT_EQ(auditCount(), before) << "read-only commands (and their logins) wrote audit entries";
}

TEST_F(ReadOnlyCommandsTest, read_only_commands_run_while_another_program_holds_the_write_lock)
{
    auto writer = storage::Database::open(m_scratch.location(), storage::Database::CreateMode::MustExist);
    storage::Transaction holdsTheWriteLock(*writer); // BEGIN IMMEDIATE, held for the whole test
    for (const QStringList &command : {QStringList{u"whoami"_s}, QStringList{u"customer"_s, u"list"_s}, QStringList{u"expense"_s, u"list"_s}}) {
        const CliResult outcome = run(u"sales1"_s, command);
        EXPECT_EQ(outcome.exitCode, 0) << command.join(u' ').toStdString() << " waited for the write lock: " << outcome.err.toStdString();
    }
}

TEST_F(ReadOnlyCommandsTest, a_read_only_command_still_counts_a_wrong_password_and_clears_it_after_the_right_one)
{
    const qint64 before = auditCount();
    qputenv("BIZDESK_PASSWORD", "wrong-password");
    EXPECT_EQ(m_cli.run({u"--as"_s, u"sales1"_s, u"whoami"_s}).exitCode, 3);
    EXPECT_EQ(auditCount(), before + 1);
    EXPECT_EQ(scalar(u"SELECT failed_attempts FROM users WHERE login = 'sales1'"_s), 1);

    EXPECT_EQ(run(u"sales1"_s, {u"whoami"_s}).exitCode, 0);
    EXPECT_EQ(scalar(u"SELECT failed_attempts FROM users WHERE login = 'sales1'"_s), 0);
    EXPECT_EQ(auditCount(), before + 2) << "clearing the count is audited as a login";
    EXPECT_EQ(run(u"sales1"_s, {u"whoami"_s}).exitCode, 0);
    EXPECT_EQ(auditCount(), before + 2);
}

TEST_F(ReadOnlyCommandsTest, write_commands_audit_the_login_and_the_change)
{
    const qint64 before = auditCount();
    ASSERT_EQ(run(u"sales1"_s, {u"customer"_s, u"add"_s, u"--name"_s, u"上海东方"_s}).exitCode, 0);
    EXPECT_EQ(auditCount(), before + 2);
    EXPECT_EQ(scalar(u"SELECT count(*) FROM audit_log WHERE action = 'auth.login'"_s), 1);
}
