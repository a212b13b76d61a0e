#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"
#include "support/TestDatabase.h"

#include <QSqlQuery>
#include <QSqlRecord>

#include <gtest/gtest.h>

using namespace bizdesk;

namespace {

/// Statements are prepared once per connection and lent out again (storage::StatementCache);
/// to everyone who runs one, a kept statement must behave exactly like a newly prepared one.
class StatementCacheTest : public bizdesk::testing::ScratchBackendTest
{
protected:
    void SetUp() override
    {
        ScratchBackendTest::SetUp();
        m_database = storage::Database::open(m_scratch->location(), storage::Database::CreateMode::CreateIfMissing);
        storage::Migrator::migrate(*m_database);
        for (const char *name : {"北京分部", "上海分部", "深圳分部"})
            storage::SqlQuery(*m_database, QStringLiteral("INSERT INTO departments (name, created_at, updated_at) "
                                                          "VALUES (:name, 'x', 'x')"))
                .bind(":name", QString::fromUtf8(name))
                .exec();
    }

    QString departmentNamed(const QString &name)
    {
        return storage::SqlQuery(*m_database, QStringLiteral("SELECT name FROM departments WHERE name = :name"))
            .bind(":name", name)
            .scalar()
            .toString();
    }

    std::unique_ptr<storage::Database> m_database;
};

} // namespace

TEST_P(StatementCacheTest, a_statement_run_again_sees_its_new_values_and_is_prepared_once)
{
    EXPECT_EQ(departmentNamed(QStringLiteral("北京分部")), QStringLiteral("北京分部"));
    const int kept = m_database->statements().size();
    EXPECT_EQ(departmentNamed(QStringLiteral("上海分部")), QStringLiteral("上海分部"));
    EXPECT_EQ(departmentNamed(QStringLiteral("广州分部")), QString());
    EXPECT_EQ(m_database->statements().size(), kept) << "the same text is kept once, not once per run";
}

TEST_P(StatementCacheTest, a_placeholder_left_unbound_is_null_not_the_last_callers_value)
{
    const QString sql = QStringLiteral("SELECT count(*) FROM departments WHERE name = :name OR CAST(:name AS TEXT) IS NULL");
    EXPECT_EQ(storage::SqlQuery(*m_database, sql).bind(":name", QStringLiteral("北京分部")).scalar().toInt(), 1);
    EXPECT_EQ(storage::SqlQuery(*m_database, sql).scalar().toInt(), 3);
}

TEST_P(StatementCacheTest, the_same_text_used_inside_its_own_loop_runs_independently)
{
    const QString sql = QStringLiteral("SELECT name FROM departments WHERE name >= :from ORDER BY name");
    storage::SqlQuery outer(*m_database, sql);
    outer.bind(":from", QStringLiteral("")).exec();
    QStringList pairs;
    while (outer.next()) {
        const QString name = outer.value(0).toString();
        storage::SqlQuery inner(*m_database, sql);
        inner.bind(":from", name).exec();
        int following = 0;
        while (inner.next())
            ++following;
        pairs << QStringLiteral("%1:%2").arg(name).arg(following);
    }
    ASSERT_EQ(pairs.size(), 3) << pairs.join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(pairs.last().section(QLatin1Char(':'), 1).toInt(), 1);
}

TEST_P(StatementCacheTest, a_kept_statement_still_works_after_the_table_changed)
{
    const QString sql = QStringLiteral("SELECT * FROM departments ORDER BY id");
    const int before = storage::SqlQuery(*m_database, sql).exec().raw().record().count();
    m_database->execute(QStringLiteral("ALTER TABLE departments ADD COLUMN motto TEXT"));
    storage::SqlQuery after(*m_database, sql);
    after.exec();
    ASSERT_TRUE(after.next());
    EXPECT_EQ(after.raw().record().count(), before + 1);
}

TEST_P(StatementCacheTest, a_statement_given_back_half_read_holds_no_lock)
{
    {
        storage::SqlQuery reading(*m_database, QStringLiteral("SELECT name FROM departments ORDER BY name"));
        reading.exec();
        ASSERT_TRUE(reading.next()); // two rows are left unread
    }
    // Another program writes and, on SQLite, copies the whole log back: an open cursor kept in the
    // cache would hold a read mark and make the checkpoint stop short.
    auto other = storage::Database::open(m_scratch->location(), storage::Database::CreateMode::MustExist);
    {
        storage::Transaction transaction(*other);
        storage::SqlQuery(*other, QStringLiteral("INSERT INTO departments (name, created_at, updated_at) VALUES ('成都分部', 'x', 'x')"))
            .exec();
        transaction.commit();
    }
    if (GetParam() == bizdesk::testing::Backend::Sqlite) {
        QSqlQuery checkpoint(other->connection());
        ASSERT_TRUE(checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        ASSERT_TRUE(checkpoint.next());
        EXPECT_EQ(checkpoint.value(0).toInt(), 0) << "the checkpoint was blocked by a reader";
    }
    EXPECT_EQ(storage::SqlQuery(*m_database, QStringLiteral("SELECT count(*) FROM departments")).scalar().toInt(), 4);
}

BIZDESK_INSTANTIATE_BACKENDS(StatementCacheTest);
