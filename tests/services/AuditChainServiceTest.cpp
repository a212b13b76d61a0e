// The audit hash chain against someone with file or superuser access: the append-only triggers
// are dropped first (as such a person could), then an entry is edited, deleted or two are swapped.
// AuditTrail::verify must name the first broken entry in every case, on both backends.
// Against a forger who also recomputes the chain, or deletes its tail, only an anchor kept
// outside the database helps: verify({head}) with a head recorded earlier (by hand or a backup).
#include "services/audit/AuditTrail.h"
#include "services/maintenance/DatabaseMaintenance.h"
#include "services/policy/PolicyService.h"
#include "storage/SqlQuery.h"
#include "support/AuditForger.h"
#include "support/TestDatabase.h"

#include <QFileInfo>

#include <gtest/gtest.h>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

using namespace bizdesk;
using bizdesk::testing::BackendTest;

namespace {

const QStringList contentColumns{QStringLiteral("at"),          QStringLiteral("actor_id"),
                                 QStringLiteral("actor_login"), QStringLiteral("on_behalf_of_id"),
                                 QStringLiteral("on_behalf_of_login"), QStringLiteral("action"),
                                 QStringLiteral("entity_kind"), QStringLiteral("entity_id"),
                                 QStringLiteral("before_json"), QStringLiteral("after_json"),
                                 QStringLiteral("policy_version"), QStringLiteral("previous_hash"),
                                 QStringLiteral("hash")};

class AuditChainServiceTest : public BackendTest
{
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        services::PolicyService policy(as(QStringLiteral("director")));
        policy.set(QStringLiteral("auth.lockout_attempts"), QStringLiteral("6"));
        policy.set(QStringLiteral("customer.pool_return_days"), QStringLiteral("45"));
        policy.set(QStringLiteral("auth.lockout_attempts"), QStringLiteral("7"));
        policy.set(QStringLiteral("entertainment.executive_threshold"), QStringLiteral("6000"));
        storage::SqlQuery query(database(), QStringLiteral("SELECT id FROM audit_log ORDER BY id"));
        query.exec();
        while (query.next())
            m_ids << query.value(0).toLongLong();
        ASSERT_GE(m_ids.size(), 4);
    }

    services::AuditVerification verify() { return services::AuditTrail(as(QStringLiteral("admin"))).verify(); }

    services::AuditVerification verifyAgainst(const domain::AuditHead &anchor)
    {
        return services::AuditTrail(as(QStringLiteral("admin"))).verify({anchor});
    }
    domain::AuditHead head() { return services::AuditTrail(as(QStringLiteral("admin"))).head(); }

    void dropAppendOnlyTriggers() { [[maybe_unused]] const bizdesk::testing::AuditForger forger(database()); }

    QVariantList rowContent(qint64 id)
    {
        storage::SqlQuery query(database(), QStringLiteral("SELECT %1 FROM audit_log WHERE id = :id").arg(contentColumns.join(QStringLiteral(", "))));
        query.bind(":id", id).exec();
        EXPECT_TRUE(query.next());
        QVariantList values;
        for (int column = 0; column < contentColumns.size(); ++column)
            values << query.value(column);
        return values;
    }

    void writeContent(qint64 id, const QVariantList &values)
    {
        QStringList assignments;
        for (const QString &column : contentColumns)
            assignments << QStringLiteral("%1 = :%1").arg(column);
        storage::SqlQuery query(database(), QStringLiteral("UPDATE audit_log SET %1 WHERE id = :id").arg(assignments.join(QStringLiteral(", "))));
        for (int column = 0; column < contentColumns.size(); ++column)
            query.bind(QStringLiteral(":") + contentColumns.at(column), values.at(column));
        query.bind(":id", id).exec();
    }

    QList<qint64> m_ids;
};

} // namespace

TEST_P(AuditChainServiceTest, untouched_chain_verifies)
{
    const auto result = verify();
    EXPECT_TRUE(result.ok) << result.problem.toStdString();
    EXPECT_EQ(result.entries, m_ids.size());
}

TEST_P(AuditChainServiceTest, the_application_cannot_change_or_delete_entries)
{
    EXPECT_ANY_THROW(storage::SqlQuery(database(), QStringLiteral("UPDATE audit_log SET action = 'x'")).exec());
    EXPECT_ANY_THROW(storage::SqlQuery(database(), QStringLiteral("DELETE FROM audit_log")).exec());
    EXPECT_TRUE(verify().ok);
}

TEST_P(AuditChainServiceTest, an_edited_entry_is_named)
{
    dropAppendOnlyTriggers();
    const qint64 victim = m_ids.at(1);
    storage::SqlQuery(database(), QStringLiteral("UPDATE audit_log SET after_json = :after WHERE id = :id"))
        .bind(":after", QStringLiteral("{\"auth.lockout_attempts\":\"99\"}"))
        .bind(":id", victim)
        .exec();
    const auto result = verify();
    EXPECT_FALSE(result.ok);
    ASSERT_TRUE(result.firstBrokenId.has_value());
    EXPECT_EQ(*result.firstBrokenId, victim);
    EXPECT_TRUE(result.problem.contains(QString::number(victim)));
}

TEST_P(AuditChainServiceTest, a_deleted_entry_breaks_the_link_of_the_next)
{
    dropAppendOnlyTriggers();
    const qint64 victim = m_ids.at(1);
    storage::SqlQuery(database(), QStringLiteral("DELETE FROM audit_log WHERE id = :id")).bind(":id", victim).exec();
    const auto result = verify();
    EXPECT_FALSE(result.ok);
    ASSERT_TRUE(result.firstBrokenId.has_value());
    EXPECT_EQ(*result.firstBrokenId, m_ids.at(2));
}

TEST_P(AuditChainServiceTest, a_reordered_pair_is_detected)
{
    dropAppendOnlyTriggers();
    const qint64 first = m_ids.at(1);
    const qint64 second = m_ids.at(2);
    const QVariantList a = rowContent(first);
    const QVariantList b = rowContent(second);
    writeContent(first, b);
    writeContent(second, a);
    const auto result = verify();
    EXPECT_FALSE(result.ok);
    ASSERT_TRUE(result.firstBrokenId.has_value());
    EXPECT_EQ(*result.firstBrokenId, first);
}

TEST_P(AuditChainServiceTest, a_recomputed_hash_still_breaks_the_next_link)
{
    // A careful forger rewrites the entry and its own hash; the next entry still points at the old hash.
    dropAppendOnlyTriggers();
    const qint64 victim = m_ids.at(1);
    const auto entries = services::AuditTrail(as(QStringLiteral("admin"))).log({}, std::nullopt, 100);
    domain::AuditEntry forged;
    for (const auto &entry : entries) {
        if (entry.id == victim)
            forged = entry;
    }
    forged.afterJson = QStringLiteral("{\"customer.pool_return_days\":\"90\"}");
    forged.hash = domain::AuditChain::hashOf(forged.previousHash, forged);
    storage::SqlQuery(database(), QStringLiteral("UPDATE audit_log SET after_json = :after, hash = :hash WHERE id = :id"))
        .bind(":after", forged.afterJson)
        .bind(":hash", forged.hash)
        .bind(":id", victim)
        .exec();
    const auto result = verify();
    EXPECT_FALSE(result.ok);
    ASSERT_TRUE(result.firstBrokenId.has_value());
    EXPECT_EQ(*result.firstBrokenId, m_ids.at(2));
}

TEST_P(AuditChainServiceTest, the_head_is_the_last_entry_and_an_untouched_chain_keeps_it)
{
    const domain::AuditHead earlier = head();
    EXPECT_EQ(earlier.id, m_ids.last());
    EXPECT_EQ(earlier.hash.size(), 64);
    services::PolicyService(as(QStringLiteral("director"))).set(QStringLiteral("auth.lockout_attempts"), QStringLiteral("8"));
    EXPECT_GT(head().id, earlier.id) << "a new entry is the new head";
    for (const domain::AuditHead &anchor : {earlier, head()}) {
        const auto result = verifyAgainst(anchor);
        EXPECT_TRUE(result.ok) << result.problem.toStdString();
    }
}

TEST_P(AuditChainServiceTest, a_deleted_tail_passes_the_walk_but_not_the_earlier_head)
{
    const domain::AuditHead earlier = head();
    bizdesk::testing::AuditForger forger(database());
    forger.deleteFrom(m_ids.at(2));
    ASSERT_TRUE(verify().ok) << "what is left is a valid chain: the walk alone cannot tell";
    const auto result = verifyAgainst(earlier);
    EXPECT_FALSE(result.ok);
    ASSERT_TRUE(result.firstBrokenId.has_value());
    EXPECT_EQ(*result.firstBrokenId, earlier.id);
    EXPECT_TRUE(result.problem.contains(QString::number(earlier.id))) << result.problem.toStdString();
    EXPECT_TRUE(result.problem.contains(QStringLiteral("deleted"))) << result.problem.toStdString();
}

TEST_P(AuditChainServiceTest, an_edit_with_the_chain_recomputed_passes_the_walk_but_not_the_earlier_head)
{
    const domain::AuditHead earlier = head();
    bizdesk::testing::AuditForger forger(database());
    forger.setAfterJson(m_ids.at(1), QStringLiteral("{\"auth.lockout_attempts\":\"99\"}"));
    forger.recomputeChain();
    ASSERT_TRUE(verify().ok) << "the forged chain is consistent in itself";
    const auto result = verifyAgainst(earlier);
    EXPECT_FALSE(result.ok);
    ASSERT_TRUE(result.firstBrokenId.has_value());
    EXPECT_EQ(*result.firstBrokenId, earlier.id);
    EXPECT_TRUE(result.problem.contains(earlier.hash)) << result.problem.toStdString();
    EXPECT_TRUE(result.problem.contains(QStringLiteral("rewritten"))) << result.problem.toStdString();
}

TEST_P(AuditChainServiceTest, an_anchored_entry_deleted_from_the_middle_with_the_chain_recomputed_is_named)
{
    const qint64 victim = m_ids.at(1);
    const domain::AuditHead anchor{victim, bizdesk::testing::AuditForger(database()).entries().at(1).hash};
    ASSERT_TRUE(verifyAgainst(anchor).ok);
    bizdesk::testing::AuditForger forger(database());
    forger.deleteEntry(victim);
    forger.recomputeChain();
    ASSERT_TRUE(verify().ok);
    const auto result = verifyAgainst(anchor);
    EXPECT_FALSE(result.ok);
    ASSERT_TRUE(result.firstBrokenId.has_value());
    EXPECT_EQ(*result.firstBrokenId, victim);
}

TEST_P(AuditChainServiceTest, a_wrong_hash_for_an_existing_entry_fails)
{
    const domain::AuditHead now = head();
    const auto result = verifyAgainst(domain::AuditHead{now.id, QString(64, QLatin1Char('a'))});
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.firstBrokenId.value_or(0), now.id);
}

TEST_P(AuditChainServiceTest, a_backup_records_the_head_in_its_summary_and_the_log_and_verifies_until_forged)
{
    auto sink = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(16);
    spdlog::default_logger()->sinks().push_back(sink);
    const QString path = m_scratch->pathFor(QStringLiteral("anchored-backup.sqlite"));
    const auto summary = services::DatabaseMaintenance::backup(database(), path);
    spdlog::default_logger()->sinks().pop_back();

    EXPECT_EQ(summary.auditHead, head());
    bool logged = false;
    for (const std::string &line : sink->last_formatted())
        logged = logged || QString::fromStdString(line).contains(summary.auditHead.toText());
    EXPECT_TRUE(logged) << "the log names the head " << summary.auditHead.toText().toStdString();

    const domain::AuditHead fromFile = services::DatabaseMaintenance::auditHeadOfBackup(QStringLiteral("--against"), path);
    EXPECT_EQ(fromFile, summary.auditHead);
    EXPECT_FALSE(QFileInfo::exists(path + QStringLiteral("-wal"))) << "the backup is one self-contained file";
    EXPECT_TRUE(verifyAgainst(fromFile).ok);

    bizdesk::testing::AuditForger forger(database());
    forger.setAfterJson(m_ids.at(0), QStringLiteral("{}"));
    forger.recomputeChain();
    EXPECT_FALSE(verifyAgainst(fromFile).ok);
    EXPECT_EQ(services::DatabaseMaintenance::auditHeadOfBackup(QStringLiteral("--against"), path), fromFile)
        << "the backup itself is untouched";
}

TEST_P(AuditChainServiceTest, entity_history_is_for_auditors)
{
    services::AuditTrail director(as(QStringLiteral("director")));
    const auto userId = organisation().id(QStringLiteral("sales1"));
    EXPECT_NO_THROW(director.history(QStringLiteral("user"), userId));
    EXPECT_ERROR_KIND(services::AuditTrail(as(QStringLiteral("sales1"))).history(QStringLiteral("user"), userId), Denied);
    EXPECT_ERROR_KIND(services::AuditTrail(as(QStringLiteral("manager1"))).history(QStringLiteral("user"), userId), Denied);
}

BIZDESK_INSTANTIATE_BACKENDS(AuditChainServiceTest);
