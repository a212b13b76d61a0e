#include "storage/Migrator.h"

#include <gtest/gtest.h>

using bizdesk::storage::Migrator;

TEST(Migrator, splits_statements_and_keeps_trigger_bodies_whole)
{
    const QString script = QStringLiteral(
        "-- comment;\n"
        "CREATE TABLE a (x TEXT DEFAULT 'a;b');\n"
        "CREATE TRIGGER t BEFORE UPDATE ON a\n"
        "BEGIN\n"
        "    SELECT RAISE(ABORT, 'no');\n"
        "END;\n"
        "CREATE TRIGGER p BEFORE UPDATE ON a FOR EACH ROW EXECUTE FUNCTION f();\n"
        "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "BEGIN\n"
        "    RAISE EXCEPTION 'x';\n"
        "END;\n"
        "$$;\n");
    const QStringList statements = Migrator::splitStatements(script);
    ASSERT_EQ(statements.size(), 4);
    EXPECT_TRUE(statements.at(0).startsWith(QStringLiteral("CREATE TABLE a")));
    EXPECT_TRUE(statements.at(1).contains(QStringLiteral("RAISE(ABORT")));
    EXPECT_TRUE(statements.at(1).endsWith(QStringLiteral("END;")));
    EXPECT_TRUE(statements.at(2).contains(QStringLiteral("EXECUTE FUNCTION")));
    EXPECT_TRUE(statements.at(3).endsWith(QStringLiteral("$$;")));
}

TEST(Migrator, knows_at_least_the_foundation_schema)
{
    EXPECT_GE(Migrator::latestVersion(), 1);
}
