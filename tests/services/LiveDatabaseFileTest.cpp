// Issue 8 §1: file tools (printouts, exports, imports) must never open a database file this
// process has a connection to: writing destroys it, and closing any non-SQLite descriptor on it
// drops the process's locks so that another program deletes the live WAL.
#include "services/customers/CustomerImport.h"
#include "services/printing/DocumentRenderer.h"
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/SqlQuery.h"
#include "support/TestDatabase.h"

#include <QDateTime>

#include <gtest/gtest.h>

using namespace bizdesk;
using bizdesk::testing::Backend;
using bizdesk::testing::ScratchDatabase;
using bizdesk::testing::fileDigest;

TEST(LiveDatabaseFile, a_printout_aimed_at_the_open_database_is_refused_and_the_file_is_untouched)
{
    ScratchDatabase scratch(Backend::Sqlite);
    auto database = storage::Database::open(scratch.location(), storage::Database::CreateMode::CreateIfMissing);
    storage::Migrator::migrate(*database);
    database->checkpoint();
    const QByteArray before = fileDigest(scratch.location());
    const services::PrintDocument document{QStringLiteral("商務應酬申請表"), QStringLiteral("<p>x</p>"), QStringLiteral("公司")};
    EXPECT_ERROR_KIND(services::DocumentRenderer::writePdf(document, scratch.location(), QDateTime::currentDateTimeUtc()), Invalid);
    EXPECT_ERROR_KIND(services::DocumentRenderer::writeHtml(document, scratch.location() + QStringLiteral("-wal")), Invalid);
    EXPECT_EQ(fileDigest(scratch.location()), before);
    EXPECT_EQ(storage::SqlQuery(*database, QStringLiteral("SELECT count(*) FROM users")).scalar().toInt(), 0);
}

TEST(LiveDatabaseFile, importing_the_open_database_as_a_table_is_refused_naming_the_reason)
{
    ScratchDatabase scratch(Backend::Sqlite);
    auto database = storage::Database::open(scratch.location(), storage::Database::CreateMode::CreateIfMissing);
    storage::Migrator::migrate(*database);
    try {
        services::CustomerImport::read(scratch.location(), QStringLiteral("auto"));
        ADD_FAILURE() << "reading the open database as an import file should be refused";
    } catch (const domain::Error &error) {
        EXPECT_EQ(error.kind(), domain::ErrorKind::Invalid);
        EXPECT_EQ(error.field(), QStringLiteral("FILE"));
        EXPECT_TRUE(error.message().contains(QStringLiteral("database in use"))) << error.message().toStdString();
    }
}
