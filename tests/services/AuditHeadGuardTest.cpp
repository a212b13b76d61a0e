// The audit head an installation remembers outside the database (issue 17 §4), on both
// backends: a cut tail or an older backup put in the database's place is noticed on opening by
// looking up that one entry; a restore through DatabaseMaintenance records an entry the warning
// cites on every other installation; accepting the rollback is audited and ends the warning.
#include "services/audit/AuditHeadGuard.h"
#include "services/audit/AuditHeadStore.h"
#include "services/audit/AuditTrail.h"
#include "services/maintenance/DatabaseMaintenance.h"
#include "services/policy/PolicyService.h"
#include "storage/DatabaseLocation.h"
#include "support/AuditForger.h"
#include "support/TestDatabase.h"

#include <QFile>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace bizdesk;
using bizdesk::testing::BackendTest;

namespace {

class AuditHeadGuardTest : public BackendTest
{
protected:
    void change(int value)
    {
        services::PolicyService(as(QStringLiteral("director"))).set(QStringLiteral("auth.lockout_attempts"), QString::number(value));
    }
    /// A session without login, on the database open now (it is replaced by a restore).
    services::AuditTrail trail()
    {
        m_plain = std::make_unique<services::Session>(database(), m_clock);
        return services::AuditTrail(*m_plain);
    }
    domain::AuditHead head() { return trail().head(); }
    services::AuditHeadGuard guard(services::AuditHeadStore &store) { return services::AuditHeadGuard(database(), store); }
    QString key() { return database().location().displayName(); }

    /// Puts `backup` in the database's place, as an administrator would after a disaster: the
    /// SQLite file is removed, or the PostgreSQL schema emptied, and the backup restored there.
    storage::DatabaseBackup::Summary replaceWithBackup(const QString &backup)
    {
        const QString location = m_scratch->location();
        m_plain.reset();
        m_sessions.clear();
        m_organisation.reset();
        if (database().backend() == storage::Backend::Sqlite) {
            m_database.reset();
            for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(location + suffix);
        } else {
            database().execute(QStringLiteral("DROP SCHEMA public CASCADE"));
            database().execute(QStringLiteral("CREATE SCHEMA public"));
            m_database.reset();
        }
        const auto summary = services::DatabaseMaintenance::restore(backup, storage::DatabaseLocation::parse(location));
        m_database = storage::Database::open(location, storage::Database::CreateMode::MustExist);
        return summary;
    }

    void TearDown() override
    {
        m_plain.reset();
        BackendTest::TearDown();
    }

    std::unique_ptr<services::Session> m_plain;
};

} // namespace

TEST_P(AuditHeadGuardTest, the_first_look_remembers_the_head_and_new_entries_move_it)
{
    services::MemoryAuditHeadStore store;
    const auto first = guard(store).check();
    EXPECT_FALSE(first.remembered.has_value());
    EXPECT_FALSE(first.rolledBack);
    guard(store).rememberIfIntact();
    ASSERT_TRUE(store.recall(key()).has_value());
    EXPECT_EQ(*store.recall(key()), head());

    change(7);
    const auto later = guard(store).check();
    EXPECT_FALSE(later.rolledBack) << "new entries after the remembered one are no rollback";
    EXPECT_TRUE(later.warning(key()).isEmpty());
    guard(store).rememberIfIntact();
    EXPECT_EQ(*store.recall(key()), head());
}

TEST_P(AuditHeadGuardTest, a_cut_tail_is_a_rollback_and_the_warning_stays_until_accepted)
{
    change(7);
    change(8);
    services::MemoryAuditHeadStore store;
    guard(store).rememberIfIntact();
    const domain::AuditHead seen = head();
    {
        bizdesk::testing::AuditForger forger(database());
        forger.deleteFrom(seen.id - 1); // the last two entries
    }
    const auto check = guard(store).check();
    EXPECT_TRUE(check.rolledBack);
    EXPECT_LT(check.current.id, seen.id - 1);
    const QString warning = check.warning(key());
    EXPECT_TRUE(warning.contains(QString::number(seen.id))) << warning.toStdString();
    EXPECT_TRUE(warning.contains(QStringLiteral("accept-head"))) << warning.toStdString();
    EXPECT_FALSE(check.restore.has_value()) << "nothing was restored";

    guard(store).rememberIfIntact();
    EXPECT_EQ(*store.recall(key()), seen) << "a rolled-back chain does not replace the head seen";
    EXPECT_TRUE(guard(store).check().rolledBack);
}

TEST_P(AuditHeadGuardTest, an_entry_rewritten_in_place_is_a_rollback_too)
{
    change(7);
    change(8);
    services::MemoryAuditHeadStore store;
    guard(store).rememberIfIntact();
    const domain::AuditHead seen = head();
    {
        bizdesk::testing::AuditForger forger(database());
        forger.setAfterJson(seen.id, QStringLiteral("{\"forged\":true}"));
        forger.recomputeChain(); // a valid chain again, but not the one this computer saw
    }
    EXPECT_TRUE(guard(store).check().rolledBack);
}

TEST_P(AuditHeadGuardTest, a_restored_backup_warns_every_other_installation_citing_the_restore)
{
    change(6);
    const QString backup = m_scratch->pathFor(QStringLiteral("monday.sqlite"));
    const auto backedUp = services::DatabaseMaintenance::backup(database(), backup);
    change(7);
    change(8);
    services::MemoryAuditHeadStore restoring;
    services::MemoryAuditHeadStore colleague; // another computer using the same team database
    guard(restoring).rememberIfIntact();
    guard(colleague).rememberIfIntact();
    const domain::AuditHead seen = head();

    const auto restored = replaceWithBackup(backup);
    EXPECT_EQ(restored.auditHead.id, backedUp.auditHead.id + 1) << "the restore's own entry follows the backup's head";
    restoring.remember(key(), restored.auditHead); // what bizdeskctl restore does for its own installation

    const auto entries = trail().log(QStringLiteral("database"), std::nullopt, 10);
    ASSERT_EQ(entries.size(), 1);
    EXPECT_EQ(entries.first().action, services::AuditHeadGuard::restoreAction());
    const QJsonObject details = QJsonDocument::fromJson(entries.first().afterJson.toUtf8()).object();
    EXPECT_EQ(details.value(QStringLiteral("backup")).toString(), backup);
    EXPECT_EQ(details.value(QStringLiteral("backup_head")).toString(), backedUp.auditHead.toText());
    EXPECT_FALSE(details.value(QStringLiteral("by")).toString().isEmpty()) << "who restored it";
    EXPECT_TRUE(trail().verify().ok);

    EXPECT_FALSE(guard(restoring).check().rolledBack) << "the installation that restored knows";
    const auto check = guard(colleague).check();
    ASSERT_TRUE(check.rolledBack);
    ASSERT_TRUE(check.restore.has_value());
    EXPECT_EQ(check.restore->id, restored.auditHead.id);
    const QString warning = check.warning(key());
    EXPECT_TRUE(warning.contains(QString::number(seen.id))) << warning.toStdString();
    EXPECT_TRUE(warning.contains(backup)) << "the warning names the backup: " << warning.toStdString();
    EXPECT_TRUE(warning.contains(QString::number(restored.auditHead.id))) << warning.toStdString();
}

TEST_P(AuditHeadGuardTest, accepting_a_rollback_is_audited_admin_only_and_ends_the_warning)
{
    change(7);
    services::MemoryAuditHeadStore store;
    guard(store).rememberIfIntact();
    const domain::AuditHead seen = head();
    {
        bizdesk::testing::AuditForger forger(database());
        forger.deleteFrom(seen.id);
    }
    const domain::AuditHead cut = head();
    EXPECT_ERROR_KIND(guard(store).accept(as(QStringLiteral("sales1"))), Denied);
    EXPECT_EQ(head(), cut) << "a refused acceptance writes nothing";
    EXPECT_TRUE(guard(store).check().rolledBack);

    const auto accepted = guard(store).accept(as(QStringLiteral("admin")));
    EXPECT_TRUE(accepted.accepted);
    ASSERT_TRUE(accepted.previous.has_value());
    EXPECT_EQ(*accepted.previous, seen);
    ASSERT_TRUE(accepted.entryId.has_value());
    EXPECT_EQ(accepted.head, head());
    EXPECT_FALSE(guard(store).check().rolledBack);
    EXPECT_EQ(*store.recall(key()), head());

    const auto entries = services::AuditTrail(as(QStringLiteral("admin"))).log(QStringLiteral("database"), std::nullopt, 10);
    ASSERT_FALSE(entries.isEmpty());
    EXPECT_EQ(entries.first().action, services::AuditHeadGuard::acceptAction());
    EXPECT_EQ(entries.first().actorLogin, QStringLiteral("admin"));
    EXPECT_TRUE(entries.first().beforeJson.contains(seen.hash));

    const auto again = guard(store).accept(as(QStringLiteral("admin")));
    EXPECT_FALSE(again.accepted) << "nothing left to accept";
    EXPECT_EQ(head(), accepted.head) << "and nothing recorded";
}

BIZDESK_INSTANTIATE_BACKENDS(AuditHeadGuardTest);
