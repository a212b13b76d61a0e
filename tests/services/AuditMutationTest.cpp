// The audit chain under attack (issue 17 §4): thousands of random single edits to audit_log —
// a flipped bit in any column (the id included), a deleted row, two rows swapped, a row
// inserted, the tail deleted — each made inside a transaction that is rolled back, so every
// mutation starts from the same intact chain. `audit verify` (AuditTrail::verify) must find each
// one; a deleted tail is a valid shorter chain, which only the head kept outside the database
// (`audit verify --expect`) reveals.
#include "domain/audit/AuditEntry.h"
#include "services/audit/AuditTrail.h"
#include "services/policy/PolicyService.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"
#include "support/AuditForger.h"
#include "support/TestDatabase.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

using namespace bizdesk;
using bizdesk::testing::BackendTest;

namespace {

const QStringList integerColumns{QStringLiteral("id"), QStringLiteral("actor_id"), QStringLiteral("on_behalf_of_id"),
                                 QStringLiteral("entity_id"), QStringLiteral("policy_version")};
const QStringList textColumns{QStringLiteral("at"),          QStringLiteral("actor_login"),
                              QStringLiteral("on_behalf_of_login"), QStringLiteral("action"),
                              QStringLiteral("entity_kind"), QStringLiteral("before_json"),
                              QStringLiteral("after_json"),  QStringLiteral("previous_hash"),
                              QStringLiteral("hash")};

/// One audit_log row as stored, column by column.
using Row = QMap<QString, QVariant>;

class AuditMutationTest : public BackendTest
{
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        if (IsSkipped())
            return;
        // A small chain of varied entries: policy changes (JSON before/after), Chinese text.
        services::PolicyService policy(as(QStringLiteral("director")));
        for (int round = 0; round < 6; ++round) {
            policy.set(QStringLiteral("auth.lockout_attempts"), QString::number(6 + round));
            policy.set(QStringLiteral("customer.pool_return_days"), QString::number(40 + round));
        }
        services::AuditTrail(as(QStringLiteral("sales1")))
            .record(QStringLiteral("customer.note"), QStringLiteral("customer"), 7, {},
                    QJsonObject{{QStringLiteral("note"), QStringLiteral("拜访张总，确认报价")}}, organisation().id(QStringLiteral("manager1")),
                    QStringLiteral("manager1"));
        [[maybe_unused]] const bizdesk::testing::AuditForger forger(database()); // drops the append-only triggers
        m_rows = readRows();
        ASSERT_GE(m_rows.size(), 10);
        m_head = services::AuditTrail(as(QStringLiteral("admin"))).head();
        const auto intact = verify({m_head});
        ASSERT_TRUE(intact.ok) << intact.problem.toStdString();
    }

    QList<Row> readRows()
    {
        storage::SqlQuery query(database(), QStringLiteral("SELECT %1, %2 FROM audit_log ORDER BY id")
                                                .arg(integerColumns.join(QStringLiteral(", ")), textColumns.join(QStringLiteral(", "))));
        query.exec();
        QList<Row> rows;
        const QStringList columns = integerColumns + textColumns;
        while (query.next()) {
            Row row;
            for (int column = 0; column < columns.size(); ++column)
                row.insert(columns.at(column), query.value(column));
            rows << row;
        }
        return rows;
    }

    services::AuditVerification verify(const QList<domain::AuditHead> &anchors = {})
    {
        return services::AuditTrail(as(QStringLiteral("admin"))).verify(anchors);
    }

    void writeRow(const Row &row, const QVariant &whereId)
    {
        QStringList assignments;
        for (auto it = row.begin(); it != row.end(); ++it)
            assignments << QStringLiteral("%1 = :%1").arg(it.key());
        storage::SqlQuery update(database(), QStringLiteral("UPDATE audit_log SET %1 WHERE id = :where").arg(assignments.join(QStringLiteral(", "))));
        for (auto it = row.begin(); it != row.end(); ++it)
            update.raw().bindValue(QLatin1Char(':') + it.key(), it.value());
        update.raw().bindValue(QStringLiteral(":where"), whereId);
        update.exec();
    }

    void insertRow(const Row &row)
    {
        const QStringList columns = row.keys();
        QStringList placeholders;
        for (const QString &column : columns)
            placeholders << QLatin1Char(':') + column;
        storage::SqlQuery insert(database(), QStringLiteral("INSERT INTO audit_log (%1) VALUES (%2)")
                                                 .arg(columns.join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", "))));
        for (const QString &column : columns)
            insert.raw().bindValue(QLatin1Char(':') + column, row.value(column));
        insert.exec();
    }

    /// Flips one bit of one column of one row; a NULL or empty value gets one instead. A new id
    /// never collides with another row's (that would only be refused, not detected).
    QString flipBit(std::mt19937 &random)
    {
        const Row &row = m_rows.at(std::uniform_int_distribution<qsizetype>(0, m_rows.size() - 1)(random));
        const QStringList columns = integerColumns + textColumns;
        const QString column = columns.at(std::uniform_int_distribution<qsizetype>(0, columns.size() - 1)(random));
        const QVariant value = row.value(column);
        QVariant changed;
        if (integerColumns.contains(column)) {
            std::set<qint64> ids;
            for (const Row &each : m_rows)
                ids.insert(each.value(QStringLiteral("id")).toLongLong());
            do {
                // policy_version is a 32-bit INTEGER on PostgreSQL; the others are BIGINT.
                const int highestBit = column == QLatin1String("policy_version") ? 30 : 40;
                const qint64 bit = qint64(1) << std::uniform_int_distribution<int>(0, highestBit)(random);
                changed = value.isNull() ? QVariant(bit) : QVariant(value.toLongLong() ^ bit);
            } while (column == QLatin1String("id") && ids.count(changed.toLongLong()) > 0);
        } else {
            QByteArray bytes = value.toString().toUtf8();
            if (bytes.isEmpty()) {
                bytes = "x";
            } else {
                const qsizetype at = std::uniform_int_distribution<qsizetype>(0, bytes.size() - 1)(random);
                bytes[at] = static_cast<char>(bytes.at(at) ^ (1 << std::uniform_int_distribution<int>(0, 7)(random)));
            }
            changed = QString::fromUtf8(bytes);
            if (changed.toString() == value.toString()) // a flip into bytes that decode the same cannot be stored
                return flipBit(random);
        }
        writeRow(Row{{column, changed}}, row.value(QStringLiteral("id")));
        return QStringLiteral("flip %1 of entry %2").arg(column, row.value(QStringLiteral("id")).toString());
    }

    QString deleteRow(std::mt19937 &random)
    {
        // Not the last: that is a deleted tail.
        const Row &row = m_rows.at(std::uniform_int_distribution<qsizetype>(0, m_rows.size() - 2)(random));
        storage::SqlQuery(database(), QStringLiteral("DELETE FROM audit_log WHERE id = :id")).bind(":id", row.value(QStringLiteral("id"))).exec();
        return QStringLiteral("delete entry %1").arg(row.value(QStringLiteral("id")).toString());
    }

    QString swapRows(std::mt19937 &random)
    {
        std::uniform_int_distribution<qsizetype> pick(0, m_rows.size() - 1);
        const qsizetype first = pick(random);
        qsizetype second = pick(random);
        while (second == first)
            second = pick(random);
        Row a = m_rows.at(first);
        Row b = m_rows.at(second);
        const QVariant idA = a.take(QStringLiteral("id"));
        const QVariant idB = b.take(QStringLiteral("id"));
        writeRow(b, idA);
        writeRow(a, idB);
        return QStringLiteral("swap entries %1 and %2").arg(idA.toString(), idB.toString());
    }

    /// A copy of an entry, or an entry forged with the right link and hash for its place, inserted
    /// before the first entry or after the last. (A forged entry after the last one is a valid
    /// append, which is what the chain allows; a copy there is not.)
    QString insertRow(std::mt19937 &random)
    {
        const bool atFront = std::bernoulli_distribution(0.5)(random);
        const bool forged = atFront && std::bernoulli_distribution(0.5)(random);
        Row row = m_rows.at(std::uniform_int_distribution<qsizetype>(0, m_rows.size() - 1)(random));
        const qint64 id = atFront ? m_rows.first().value(QStringLiteral("id")).toLongLong() - 1
                                  : m_rows.last().value(QStringLiteral("id")).toLongLong() + 1;
        row.insert(QStringLiteral("id"), id);
        if (forged) {
            domain::AuditEntry entry;
            entry.id = id;
            entry.at = row.value(QStringLiteral("at")).toString();
            entry.actorLogin = row.value(QStringLiteral("actor_login")).toString();
            entry.action = QStringLiteral("policy.set");
            entry.entityKind = QStringLiteral("policy");
            entry.afterJson = QStringLiteral("{\"auth.lockout_attempts\":\"99\"}");
            entry.policyVersion = 1;
            entry.previousHash = domain::AuditChain::genesisHash();
            entry.hash = domain::AuditChain::hashOf(entry.previousHash, entry);
            row = Row{{QStringLiteral("id"), id},
                      {QStringLiteral("at"), entry.at},
                      {QStringLiteral("actor_login"), entry.actorLogin},
                      {QStringLiteral("action"), entry.action},
                      {QStringLiteral("entity_kind"), entry.entityKind},
                      {QStringLiteral("after_json"), entry.afterJson},
                      {QStringLiteral("policy_version"), entry.policyVersion},
                      {QStringLiteral("previous_hash"), entry.previousHash},
                      {QStringLiteral("hash"), entry.hash}};
        }
        insertRow(row);
        return QStringLiteral("insert %1 entry %2").arg(forged ? QStringLiteral("a forged") : QStringLiteral("a copied")).arg(id);
    }

    int mutations() const { return GetParam() == bizdesk::testing::Backend::Sqlite ? 3000 : 400; }

    QList<Row> m_rows;
    domain::AuditHead m_head;
};

} // namespace

TEST_P(AuditMutationTest, every_random_single_edit_is_detected_by_verify)
{
    std::mt19937 random(20261202);
    int detected = 0;
    for (int round = 0; round < mutations(); ++round) {
        QString mutation;
        services::AuditVerification result;
        {
            storage::Transaction rolledBack(database()); // never committed: the next round starts intact
            switch (std::uniform_int_distribution<int>(0, 5)(random)) {
            case 0:
            case 1:
            case 2: mutation = flipBit(random); break; // most edits: any column of any row
            case 3: mutation = deleteRow(random); break;
            case 4: mutation = swapRows(random); break;
            default: mutation = insertRow(random); break;
            }
            result = verify();
        }
        EXPECT_FALSE(result.ok) << "round " << round << ": " << mutation.toStdString() << " went unnoticed";
        EXPECT_TRUE(result.firstBrokenId.has_value()) << mutation.toStdString();
        detected += result.ok ? 0 : 1;
    }
    EXPECT_EQ(detected, mutations());
    const auto after = verify({m_head});
    EXPECT_TRUE(after.ok) << "every mutation was rolled back: " << after.problem.toStdString();
}

TEST_P(AuditMutationTest, a_deleted_tail_passes_the_walk_and_fails_against_the_kept_head)
{
    std::mt19937 random(17);
    const int rounds = mutations() / 10;
    for (int round = 0; round < rounds; ++round) {
        const qsizetype keep = std::uniform_int_distribution<qsizetype>(0, m_rows.size() - 1)(random);
        const qint64 firstCut = m_rows.at(keep).value(QStringLiteral("id")).toLongLong();
        services::AuditVerification walk;
        services::AuditVerification anchored;
        {
            storage::Transaction rolledBack(database());
            storage::SqlQuery(database(), QStringLiteral("DELETE FROM audit_log WHERE id >= :id")).bind(":id", firstCut).exec();
            walk = verify();
            anchored = verify({m_head});
        }
        EXPECT_TRUE(walk.ok) << "a shorter chain is still a chain: " << walk.problem.toStdString();
        EXPECT_FALSE(anchored.ok) << "tail from entry " << firstCut << " deleted, but --expect passed";
        EXPECT_EQ(anchored.firstBrokenId, m_head.id);
    }
}

TEST_P(AuditMutationTest, a_chain_begun_before_ids_were_hashed_verifies_and_cannot_fall_back_later)
{
    // Rehash the chain as an older BizDesk wrote its first entries (no id in the hash), then as
    // this one; `legacyUntil` entries are old.
    const auto rehash = [&](qsizetype legacyUntil) {
        QString previous = domain::AuditChain::genesisHash();
        storage::SqlQuery update(database(), QStringLiteral("UPDATE audit_log SET previous_hash = :previous, hash = :hash WHERE id = :id"));
        const QList<domain::AuditEntry> entries = bizdesk::testing::AuditForger(database()).entries();
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const QString hash = i < legacyUntil ? domain::AuditChain::legacyHashOf(previous, entries.at(i))
                                                 : domain::AuditChain::hashOf(previous, entries.at(i));
            update.bind(":previous", previous).bind(":hash", hash).bind(":id", entries.at(i).id).exec();
            previous = hash;
        }
    };
    {
        storage::Transaction rolledBack(database());
        rehash(m_rows.size() / 2);
        const auto mixed = verify();
        EXPECT_TRUE(mixed.ok) << "old entries keep verifying: " << mixed.problem.toStdString();
    }
    {
        storage::Transaction rolledBack(database());
        rehash(m_rows.size() / 2);
        // An entry after the first hashed one, rehashed the old way (and relinked after it).
        const QList<domain::AuditEntry> entries = bizdesk::testing::AuditForger(database()).entries();
        const qsizetype victim = m_rows.size() - 2;
        domain::AuditEntry forged = entries.at(victim);
        forged.hash = domain::AuditChain::legacyHashOf(forged.previousHash, forged);
        domain::AuditEntry next = entries.at(victim + 1);
        next.previousHash = forged.hash;
        next.hash = domain::AuditChain::hashOf(next.previousHash, next);
        storage::SqlQuery update(database(), QStringLiteral("UPDATE audit_log SET previous_hash = :previous, hash = :hash WHERE id = :id"));
        update.bind(":previous", forged.previousHash).bind(":hash", forged.hash).bind(":id", forged.id).exec();
        update.bind(":previous", next.previousHash).bind(":hash", next.hash).bind(":id", next.id).exec();
        const auto result = verify();
        EXPECT_FALSE(result.ok);
        EXPECT_EQ(result.firstBrokenId, forged.id);
    }
}

BIZDESK_INSTANTIATE_BACKENDS(AuditMutationTest);
