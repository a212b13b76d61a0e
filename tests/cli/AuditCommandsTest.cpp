// `audit head` and `audit verify --expect/--against` through bizdeskctl's command line, on both
// backends: the anchors kept outside the database catch what the chain walk alone cannot (a
// deleted tail, a chain recomputed after an edit), and pass an untouched database.
#include "storage/Database.h"
#include "support/AuditForger.h"
#include "support/CliHarness.h"
#include "support/TestDatabase.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;
using bizdesk::testing::AuditForger;
using bizdesk::testing::CliHarness;

namespace {

class AuditCommands : public bizdesk::testing::ScratchBackendTest
{
protected:
    void SetUp() override
    {
        ScratchBackendTest::SetUp();
        if (IsSkipped())
            return;
        cli = std::make_unique<CliHarness>(m_scratch->location());
        ASSERT_EQ(cli->init().exitCode, 0);
        for (const QString &attempts : {u"6"_s, u"7"_s}) {
            const auto set = cli->runAs(u"boss"_s, {u"policy"_s, u"set"_s, u"auth.lockout_attempts"_s, attempts});
            ASSERT_EQ(set.exitCode, 0) << set.err.toStdString();
        }
    }

    /// `audit head --json` as "ID:HASH".
    QString head()
    {
        const auto result = cli->run({u"--json"_s, u"audit"_s, u"head"_s});
        EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
        return u"%1:%2"_s.arg(result.json()[u"id"_s].toInteger()).arg(result.json()[u"hash"_s].toString());
    }
    bizdesk::testing::CliResult verify(const QStringList &options)
    {
        return cli->run(QStringList{u"--json"_s, u"audit"_s, u"verify"_s} + options);
    }
    /// Tampers through a connection of its own, closed before the next command runs.
    template<typename Forgery>
    void forge(Forgery forgery)
    {
        auto database = storage::Database::open(m_scratch->location(), storage::Database::CreateMode::MustExist);
        AuditForger forger(*database);
        forgery(forger);
    }

    std::unique_ptr<CliHarness> cli;
};

} // namespace

TEST_P(AuditCommands, head_prints_the_last_entry_and_an_untouched_chain_passes_expect)
{
    const QString anchor = head();
    QList<domain::AuditEntry> entries;
    forge([&](AuditForger &forger) { entries = forger.entries(); });
    ASSERT_FALSE(entries.isEmpty());
    EXPECT_EQ(anchor, u"%1:%2"_s.arg(entries.last().id).arg(entries.last().hash));

    const auto human = cli->run({u"audit"_s, u"head"_s});
    EXPECT_EQ(human.exitCode, 0);
    EXPECT_TRUE(human.out.contains(entries.last().hash)) << human.out.toStdString();
    EXPECT_TRUE(human.out.contains(u"--expect "_s + anchor)) << human.out.toStdString();

    const auto passed = verify({u"--expect"_s, anchor});
    EXPECT_EQ(passed.exitCode, 0) << passed.err.toStdString();
    EXPECT_TRUE(passed.json()[u"ok"_s].toBool());
    EXPECT_EQ(passed.json()[u"anchors"_s].toArray().size(), 1);
}

TEST_P(AuditCommands, a_deleted_tail_passes_plain_verify_but_fails_expect_with_the_old_head)
{
    const QString anchor = head();
    const qint64 anchorId = anchor.section(u':', 0, 0).toLongLong();
    forge([](AuditForger &forger) { forger.deleteFrom(forger.entries().at(1).id); });

    EXPECT_EQ(verify({}).exitCode, 0) << "the chain walk alone cannot see a missing tail";
    const auto failed = verify({u"--expect"_s, anchor});
    EXPECT_EQ(failed.exitCode, 4);
    EXPECT_EQ(failed.error()[u"kind"_s].toString(), u"conflict"_s);
    EXPECT_TRUE(failed.error()[u"message"_s].toString().contains(u"entry %1"_s.arg(anchorId)))
        << failed.err.toStdString();
}

TEST_P(AuditCommands, an_edit_with_the_chain_recomputed_fails_expect_and_against)
{
    const QString backup = m_scratch->pathFor(u"before-forgery.sqlite"_s);
    ASSERT_EQ(cli->run({u"backup"_s, backup}).exitCode, 0);
    const QString anchor = head();
    forge([](AuditForger &forger) {
        forger.setAfterJson(forger.entries().at(0).id, u"{\"login\":\"someone-else\"}"_s);
        forger.recomputeChain();
    });

    EXPECT_EQ(verify({}).exitCode, 0) << "a recomputed chain is consistent in itself";
    for (const QStringList &options : {QStringList{u"--expect"_s, anchor}, QStringList{u"--against"_s, backup}}) {
        const auto failed = verify(options);
        EXPECT_EQ(failed.exitCode, 4) << options.join(u' ').toStdString();
        EXPECT_TRUE(failed.error()[u"message"_s].toString().contains(u"rewritten"_s)) << failed.err.toStdString();
        EXPECT_TRUE(failed.error()[u"message"_s].toString().contains(anchor.section(u':', 1))) << failed.err.toStdString();
    }
}

TEST_P(AuditCommands, backup_output_carries_the_head_and_against_that_backup_passes_right_after)
{
    const QString backup = m_scratch->pathFor(u"anchored.sqlite"_s);
    const auto written = cli->run({u"--json"_s, u"backup"_s, backup});
    ASSERT_EQ(written.exitCode, 0) << written.err.toStdString();
    const QJsonObject recorded = written.json()[u"audit_head"_s].toObject();
    EXPECT_EQ(u"%1:%2"_s.arg(recorded[u"id"_s].toInteger()).arg(recorded[u"hash"_s].toString()), head());

    const auto passed = verify({u"--against"_s, backup});
    EXPECT_EQ(passed.exitCode, 0) << passed.err.toStdString();
    EXPECT_EQ(passed.json()[u"anchors"_s].toArray().first().toObject(), recorded);

    // New work after the backup does not disturb it: the backup's head is still in the chain.
    ASSERT_EQ(cli->runAs(u"boss"_s, {u"policy"_s, u"set"_s, u"auth.lockout_attempts"_s, u"8"_s}).exitCode, 0);
    const auto later = verify({u"--against"_s, backup, u"--expect"_s, head()});
    EXPECT_EQ(later.exitCode, 0) << later.err.toStdString();
    EXPECT_EQ(later.json()[u"anchors"_s].toArray().size(), 2);
}

TEST_P(AuditCommands, malformed_or_missing_anchors_are_refused_naming_the_option)
{
    for (const QString &bad : {u"12"_s, u"abc:def"_s, u"-1:"_s + QString(64, u'0'), u"7:"_s + QString(63, u'0')}) {
        const auto refused = verify({u"--expect"_s, bad});
        EXPECT_EQ(refused.exitCode, 2) << bad.toStdString();
        EXPECT_EQ(refused.error()[u"field"_s].toString(), u"--expect"_s);
        EXPECT_TRUE(refused.error()[u"message"_s].toString().contains(u"--expect"_s)) << refused.err.toStdString();
    }
    const auto unknownEntry = verify({u"--expect"_s, u"999999:"_s + QString(64, u'a')});
    EXPECT_EQ(unknownEntry.exitCode, 4) << "an entry the chain never had, or lost";

    const auto missing = verify({u"--against"_s, m_scratch->pathFor(u"no-such-backup.sqlite"_s)});
    EXPECT_EQ(missing.exitCode, 5);
    EXPECT_TRUE(missing.error()[u"message"_s].toString().contains(u"--against"_s)) << missing.err.toStdString();
    const QString notADatabase = m_scratch->pathFor(u"notes.txt"_s);
    bizdesk::testing::writeFile(notADatabase, "not a database at all, just some text that is long enough\n");
    const auto foreign = verify({u"--against"_s, notADatabase});
    EXPECT_EQ(foreign.exitCode, 2) << foreign.err.toStdString();
    EXPECT_EQ(foreign.error()[u"field"_s].toString(), u"--against"_s);
}

BIZDESK_INSTANTIATE_BACKENDS(AuditCommands);
