// bizdeskctl and the audit head it remembers (issue 17 §4), on both backends: a rolled-back
// chain is said on stderr while the command's own exit status and output stay as they are;
// `audit accept-head` ends the warning and is audited; `restore` records the restore.
#include "services/audit/AuditHeadStore.h"
#include "storage/Database.h"
#include "support/AuditForger.h"
#include "support/CliHarness.h"
#include "support/TestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;
using bizdesk::testing::CliHarness;

namespace {

class AuditHeadCommands : public bizdesk::testing::ScratchBackendTest
{
protected:
    void SetUp() override
    {
        ScratchBackendTest::SetUp();
        if (IsSkipped())
            return;
        cli = std::make_unique<CliHarness>(m_scratch->location());
        cli->setAuditHeadStore(&store);
        ASSERT_EQ(cli->init().exitCode, 0);
        setPolicy(u"6"_s);
    }
    void setPolicy(const QString &attempts)
    {
        const auto set = cli->runAs(u"boss"_s, {u"policy"_s, u"set"_s, u"auth.lockout_attempts"_s, attempts});
        ASSERT_EQ(set.exitCode, 0) << set.err.toStdString();
    }
    qint64 headId()
    {
        const auto result = cli->run({u"--json"_s, u"audit"_s, u"head"_s});
        return result.json()[u"id"_s].toInteger();
    }
    void cutTail(qint64 fromId)
    {
        auto database = storage::Database::open(m_scratch->location(), storage::Database::CreateMode::MustExist);
        bizdesk::testing::AuditForger(*database).deleteFrom(fromId);
    }

    services::MemoryAuditHeadStore store;
    std::unique_ptr<CliHarness> cli;
};

} // namespace

TEST_P(AuditHeadCommands, an_intact_chain_gives_no_warning_and_the_head_follows_each_command)
{
    const qint64 before = headId();
    setPolicy(u"7"_s);
    const auto result = cli->run({u"--json"_s, u"audit"_s, u"head"_s});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_TRUE(result.err.isEmpty()) << result.err.toStdString();
    const auto remembered = store.recall(storage::DatabaseLocation::parse(m_scratch->location()).displayName());
    ASSERT_TRUE(remembered.has_value());
    EXPECT_GT(remembered->id, before);
    EXPECT_EQ(remembered->id, result.json()[u"id"_s].toInteger());
}

TEST_P(AuditHeadCommands, a_cut_tail_is_warned_on_stderr_with_the_exit_status_unchanged)
{
    setPolicy(u"7"_s);
    const qint64 seen = headId();
    cutTail(seen);

    const auto human = cli->run({u"audit"_s, u"verify"_s});
    EXPECT_EQ(human.exitCode, 0) << "the shorter chain walks clean; the warning does not change the status";
    EXPECT_TRUE(human.err.startsWith(u"bizdeskctl: warning: "_s)) << human.err.toStdString();
    EXPECT_TRUE(human.err.contains(QString::number(seen))) << human.err.toStdString();
    EXPECT_TRUE(human.out.contains(u"ok"_s)) << human.out.toStdString();

    const auto json = cli->runAs(u"boss"_s, {u"--json"_s, u"whoami"_s});
    EXPECT_EQ(json.exitCode, 0);
    const QJsonObject warning = QJsonDocument::fromJson(json.err.toUtf8()).object().value(u"warning"_s).toObject();
    EXPECT_EQ(warning.value(u"kind"_s).toString(), u"audit_rollback"_s) << json.err.toStdString();
    EXPECT_TRUE(warning.value(u"message"_s).toString().contains(QString::number(seen)));
    EXPECT_EQ(json.json()[u"login"_s].toString(), u"boss"_s) << "stdout is the command's own";

    const auto failing = cli->run({u"--json"_s, u"audit"_s, u"verify"_s, u"--expect"_s, u"%1:%2"_s.arg(seen).arg(QString(64, u'a'))});
    EXPECT_EQ(failing.exitCode, 4) << "a failing command keeps its own exit status";
}

TEST_P(AuditHeadCommands, accept_head_needs_an_admin_is_audited_and_ends_the_warning)
{
    setPolicy(u"7"_s);
    const qint64 seen = headId();
    cutTail(seen);

    EXPECT_EQ(cli->run({u"--json"_s, u"audit"_s, u"accept-head"_s}).exitCode, 3) << "without --as nobody is audited";
    const auto accepted = cli->runAs(u"boss"_s, {u"--json"_s, u"audit"_s, u"accept-head"_s});
    ASSERT_EQ(accepted.exitCode, 0) << accepted.err.toStdString();
    EXPECT_TRUE(accepted.json()[u"accepted"_s].toBool());
    EXPECT_EQ(accepted.json()[u"previous"_s].toObject()[u"id"_s].toInteger(), seen);
    const qint64 entry = accepted.json()[u"entry"_s].toInteger();
    EXPECT_EQ(accepted.json()[u"head"_s].toObject()[u"id"_s].toInteger(), entry);

    const auto after = cli->runAs(u"boss"_s, {u"--json"_s, u"audit"_s, u"log"_s, u"--entity"_s, u"database"_s});
    EXPECT_EQ(after.exitCode, 0);
    EXPECT_TRUE(after.err.isEmpty()) << "accepted: no more warning: " << after.err.toStdString();
    const QJsonArray entries = after.json()[u"entries"_s].toArray();
    ASSERT_FALSE(entries.isEmpty());
    EXPECT_EQ(entries.first().toObject()[u"action"_s].toString(), u"audit.accept_head"_s);
    EXPECT_EQ(entries.first().toObject()[u"id"_s].toInteger(), entry);
    EXPECT_EQ(entries.first().toObject()[u"actor"_s].toString(), u"boss"_s);

    const auto nothing = cli->runAs(u"boss"_s, {u"audit"_s, u"accept-head"_s});
    EXPECT_EQ(nothing.exitCode, 0);
    EXPECT_TRUE(nothing.out.contains(u"Nothing to accept"_s)) << nothing.out.toStdString();
}

TEST_P(AuditHeadCommands, restore_records_an_entry_naming_the_backup_and_prints_the_new_head)
{
    const QString backup = m_scratch->pathFor(u"friday.sqlite"_s);
    const auto backedUp = cli->run({u"--json"_s, u"backup"_s, backup});
    ASSERT_EQ(backedUp.exitCode, 0) << backedUp.err.toStdString();
    const QString target = m_scratch->pathFor(u"restored.sqlite"_s);
    CliHarness restoring(target);
    restoring.setAuditHeadStore(&store);
    const auto restored = restoring.run({u"--json"_s, u"restore"_s, backup});
    ASSERT_EQ(restored.exitCode, 0) << restored.err.toStdString();
    const qint64 restoreEntry = restored.json()[u"audit_head"_s].toObject()[u"id"_s].toInteger();
    EXPECT_EQ(restoreEntry, backedUp.json()[u"audit_head"_s].toObject()[u"id"_s].toInteger() + 1);
    EXPECT_EQ(store.recall(target)->id, restoreEntry) << "the restoring installation knows the new chain";

    const auto log = restoring.runAs(u"boss"_s, {u"--json"_s, u"audit"_s, u"log"_s, u"--entity"_s, u"database"_s});
    ASSERT_EQ(log.exitCode, 0) << log.err.toStdString();
    const QJsonObject entry = log.json()[u"entries"_s].toArray().first().toObject();
    EXPECT_EQ(entry[u"action"_s].toString(), u"database.restore"_s);
    EXPECT_EQ(entry[u"after"_s].toObject()[u"backup"_s].toString(), backup);
    EXPECT_EQ(restoring.run({u"--json"_s, u"audit"_s, u"verify"_s}).exitCode, 0);
}

BIZDESK_INSTANTIATE_BACKENDS(AuditHeadCommands);
