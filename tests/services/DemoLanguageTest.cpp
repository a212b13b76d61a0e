#include "domain/Error.h"
#include "services/demo/DemoData.h"
#include "storage/Database.h"
#include "support/TestDatabase.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace bizdesk;

namespace {

/// The columns a demo fills with free text people read: comments, notes, purposes, places.
const char *const freeText[][2] = {
    {"workflow_transitions", "comment"},       {"approval_step_approvers", "comment"},
    {"entertainment_requests", "reason"},      {"entertainment_requests", "place"},
    {"entertainment_requests", "participants"}, {"entertainment_requests", "claim_explanation"},
    {"entertainment_requests", "over_budget_explanation"}, {"customer_contact_log", "note"},
    {"customer_contact_log", "resolution"},    {"customers", "notes"},
    {"customers", "industry"},                 {"customers", "address"},
    {"customers", "tags"},                     {"customers", "lost_reason"},
    {"customer_events", "title"},              {"customer_events", "notes"},
    {"departments", "name"},                   {"users", "display_name"},
};

/// Every free-text value containing a word in Latin letters, as "table.column: value".
QStringList latinWords(storage::Database &database)
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
    QStringList found;
    for (const auto &[table, column] : freeText) {
        QSqlQuery query(database.connection());
        if (!query.exec(QStringLiteral("SELECT %1 FROM %2").arg(QLatin1String(column), QLatin1String(table))))
            continue; // a table this schema does not have
        while (query.next()) {
            const QString value = query.value(0).toString();
            if (value.contains(word))
                found << QStringLiteral("%1.%2: %3").arg(QLatin1String(table), QLatin1String(column), value);
        }
    }
    return found;
}

qint64 countOf(storage::Database &database, const QString &sql)
{
    QSqlQuery query(database.connection());
    EXPECT_TRUE(query.exec(sql)) << sql.toStdString();
    return query.next() ? query.value(0).toLongLong() : -1;
}

class DemoLanguageTest : public ::testing::Test
{
protected:
    std::unique_ptr<storage::Database> demo(const QString &language)
    {
        auto database = storage::Database::open(m_scratch.location(), storage::Database::CreateMode::CreateIfMissing);
        services::DemoOptions options;
        options.customers = 30;
        options.language = language;
        services::DemoData::generate(*database, options);
        return database;
    }
    bizdesk::testing::ScratchDatabase m_scratch{bizdesk::testing::Backend::Sqlite};
};

} // namespace

TEST_F(DemoLanguageTest, a_chinese_demo_has_no_english_free_text_whatever_language_the_program_speaks)
{
    // This process has no translator installed: it speaks English.
    ASSERT_EQ(QCoreApplication::translate("EntertainmentDemo", "Agreed."), QStringLiteral("Agreed."));
    auto database = demo(QStringLiteral("zh_CN"));
    ASSERT_GT(countOf(*database, QStringLiteral("SELECT COUNT(*) FROM workflow_transitions WHERE comment <> ''")), 0)
        << "the demo writes decision comments";
    ASSERT_GT(countOf(*database, QStringLiteral("SELECT COUNT(*) FROM customer_contact_log")), 0);
    EXPECT_EQ(latinWords(*database), QStringList());
    EXPECT_EQ(QCoreApplication::translate("EntertainmentDemo", "Agreed."), QStringLiteral("Agreed."))
        << "the program's own language is back afterwards";
}

TEST_F(DemoLanguageTest, an_english_demo_writes_its_comments_in_english)
{
    auto database = demo(QStringLiteral("en"));
    EXPECT_GT(countOf(*database, QStringLiteral("SELECT COUNT(*) FROM workflow_transitions WHERE comment = 'Agreed.'")), 0);
}

TEST_F(DemoLanguageTest, an_unknown_language_is_refused_before_anything_is_written)
{
    auto database = storage::Database::open(m_scratch.location(), storage::Database::CreateMode::CreateIfMissing);
    services::DemoOptions options;
    options.language = QStringLiteral("fr");
    try {
        services::DemoData::generate(*database, options);
        ADD_FAILURE() << "fr was accepted";
    } catch (const domain::Error &error) {
        EXPECT_EQ(error.kind(), domain::ErrorKind::Invalid);
        EXPECT_EQ(error.field(), QStringLiteral("language"));
    }
    EXPECT_EQ(database->schemaVersion(), 0) << "nothing was written";
}
