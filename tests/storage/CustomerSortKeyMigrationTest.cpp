// Migration 0007 gives the customers that exist before it their pinyin sort key, so an upgraded
// archive lists by pinyin at once (the key is computed in C++ with ICU; SQL cannot).
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/SqlQuery.h"
#include "support/NameCollation.h"
#include "support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace bizdesk;
using bizdesk::testing::ScratchBackendTest;

namespace {
class CustomerSortKeyMigrationTest : public ScratchBackendTest
{
};
} // namespace

TEST_P(CustomerSortKeyMigrationTest, upgrade_to_0007_fills_the_pinyin_key_of_existing_customers)
{
    auto database = storage::Database::open(m_scratch->location(), storage::Database::CreateMode::CreateIfMissing);
    storage::Migrator::migrateTo(*database, 6);
    for (const char *name : {"赵氏集团", "阿里巴巴", "北京华信"})
        storage::SqlQuery(*database, QStringLiteral("INSERT INTO customers (name, created_at, updated_at) VALUES (:name, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"))
            .bind(":name", QString::fromUtf8(name))
            .exec();
    storage::Migrator::migrate(*database);
    storage::SqlQuery query(*database, QStringLiteral("SELECT name, name_sort FROM customers ORDER BY name_sort, id"));
    query.exec();
    QStringList names;
    while (query.next()) {
        names << query.value(0).toString();
        EXPECT_EQ(query.value(1).toString(), support::NameCollation::sortKey(query.value(0).toString()));
    }
    EXPECT_EQ(names, (QStringList{QStringLiteral("阿里巴巴"), QStringLiteral("北京华信"), QStringLiteral("赵氏集团")}));
}

BIZDESK_INSTANTIATE_BACKENDS(CustomerSortKeyMigrationTest);
