#include "domain/audit/AuditEntry.h"

#include <gtest/gtest.h>

using namespace bizdesk::domain;

namespace {

AuditEntry entry(const QString &action, const QString &after)
{
    AuditEntry e;
    e.at = QStringLiteral("2026-11-02T09:00:00.000Z");
    e.actorId = 3;
    e.actorLogin = QStringLiteral("manager1");
    e.action = action;
    e.entityKind = QStringLiteral("user");
    e.entityId = 7;
    e.afterJson = after;
    e.policyVersion = 1;
    return e;
}

} // namespace

TEST(AuditChain, hash_depends_on_previous_hash_and_every_field)
{
    const AuditEntry base = entry(QStringLiteral("user.update"), QStringLiteral("{\"name\":\"王小明\"}"));
    const QString hash = AuditChain::hashOf(AuditChain::genesisHash(), base);
    EXPECT_EQ(hash.size(), 64);
    EXPECT_EQ(hash, AuditChain::hashOf(AuditChain::genesisHash(), base)); // deterministic
    EXPECT_NE(hash, AuditChain::hashOf(QString(64, QLatin1Char('1')), base));

    AuditEntry changed = base;
    changed.afterJson = QStringLiteral("{\"name\":\"王大明\"}");
    EXPECT_NE(hash, AuditChain::hashOf(AuditChain::genesisHash(), changed));
    changed = base;
    changed.onBehalfOfId = 9;
    EXPECT_NE(hash, AuditChain::hashOf(AuditChain::genesisHash(), changed));
    changed = base;
    changed.policyVersion = 2;
    EXPECT_NE(hash, AuditChain::hashOf(AuditChain::genesisHash(), changed));
    changed = base;
    changed.at = QStringLiteral("2026-11-02T09:00:01.000Z");
    EXPECT_NE(hash, AuditChain::hashOf(AuditChain::genesisHash(), changed));
}

TEST(AuditChain, the_id_is_hashed_so_a_renumbered_entry_shows_and_legacy_hashes_leave_it_out)
{
    AuditEntry base = entry(QStringLiteral("user.update"), QStringLiteral("{\"name\":\"王小明\"}"));
    base.id = 41;
    AuditEntry renumbered = base;
    renumbered.id = 40;
    EXPECT_NE(AuditChain::hashOf(AuditChain::genesisHash(), base), AuditChain::hashOf(AuditChain::genesisHash(), renumbered));
    renumbered.id = (qint64(1) << 53) + 41; // beyond a double's exact integers
    AuditEntry neighbour = renumbered;
    neighbour.id += 1;
    EXPECT_NE(AuditChain::hashOf(AuditChain::genesisHash(), renumbered), AuditChain::hashOf(AuditChain::genesisHash(), neighbour));
    // Entries written before ids were hashed keep their hash.
    EXPECT_EQ(AuditChain::legacyHashOf(AuditChain::genesisHash(), base), AuditChain::legacyHashOf(AuditChain::genesisHash(), renumbered));
    EXPECT_NE(AuditChain::legacyHashOf(AuditChain::genesisHash(), base), AuditChain::hashOf(AuditChain::genesisHash(), base));
}

TEST(AuditChain, swapping_two_entries_changes_the_hashes)
{
    const AuditEntry first = entry(QStringLiteral("a"), {});
    const AuditEntry second = entry(QStringLiteral("b"), {});
    const QString h1 = AuditChain::hashOf(AuditChain::genesisHash(), first);
    const QString h2 = AuditChain::hashOf(h1, second);
    const QString swapped1 = AuditChain::hashOf(AuditChain::genesisHash(), second);
    const QString swapped2 = AuditChain::hashOf(swapped1, first);
    EXPECT_NE(h1, swapped1);
    EXPECT_NE(h2, swapped2);
}
