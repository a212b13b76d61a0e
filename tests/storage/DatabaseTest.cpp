#include "domain/Error.h"
#include "storage/Database.h"
#include "storage/DatabaseBackup.h"
#include "storage/DatabaseCheck.h"
#include "storage/Migrator.h"
#include "storage/OpenDatabaseFiles.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"
#include "support/TestDatabase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <filesystem>

using namespace bizdesk;
using bizdesk::testing::Backend;
using bizdesk::testing::ScratchDatabase;
using bizdesk::testing::fileDigest;

namespace {

class DatabaseOnBackend : public bizdesk::testing::ScratchBackendTest
{
protected:
    std::unique_ptr<storage::Database> openNew()
    {
        return storage::Database::open(m_scratch->location(), storage::Database::CreateMode::CreateIfMissing);
    }
};

} // namespace

TEST_P(DatabaseOnBackend, migrates_a_new_database_to_the_latest_schema_without_backup)
{
    auto database = openNew();
    EXPECT_EQ(database->schemaVersion(), 0);
    const auto result = storage::Migrator::migrate(*database);
    EXPECT_EQ(result.fromVersion, 0);
    EXPECT_EQ(result.toVersion, storage::Migrator::latestVersion());
    EXPECT_TRUE(result.backupPath.isEmpty());
    EXPECT_EQ(database->schemaVersion(), storage::Migrator::latestVersion());
    EXPECT_TRUE(storage::DatabaseCheck::structuralProblems(*database).isEmpty());
}

TEST_P(DatabaseOnBackend, transaction_rolls_back_unless_committed)
{
    auto database = openNew();
    storage::Migrator::migrate(*database);
    {
        storage::Transaction transaction(*database);
        storage::SqlQuery(*database, QStringLiteral("INSERT INTO departments (name, created_at, updated_at) "
                                                    "VALUES ('临时', 'x', 'x')"))
            .exec();
    }
    EXPECT_EQ(storage::SqlQuery(*database, QStringLiteral("SELECT count(*) FROM departments")).scalar().toInt(), 0);
    {
        storage::Transaction transaction(*database);
        storage::SqlQuery(*database, QStringLiteral("INSERT INTO departments (name, created_at, updated_at) "
                                                    "VALUES ('保留', 'x', 'x')"))
            .exec();
        transaction.commit();
    }
    EXPECT_EQ(storage::SqlQuery(*database, QStringLiteral("SELECT count(*) FROM departments")).scalar().toInt(), 1);
}

TEST_P(DatabaseOnBackend, an_abandoned_inner_transaction_rolls_back_the_whole_unit)
{
    auto database = openNew();
    storage::Migrator::migrate(*database);
    storage::Transaction outer(*database);
    storage::SqlQuery(*database, QStringLiteral("INSERT INTO departments (name, created_at, updated_at) VALUES ('A', 'x', 'x')"))
        .exec();
    {
        storage::Transaction inner(*database);
    }
    EXPECT_THROW(outer.commit(), domain::Error);
    EXPECT_EQ(storage::SqlQuery(*database, QStringLiteral("SELECT count(*) FROM departments")).scalar().toInt(), 0);
}

TEST_P(DatabaseOnBackend, unique_violation_is_a_conflict)
{
    auto database = openNew();
    storage::Migrator::migrate(*database);
    const QString insert = QStringLiteral("INSERT INTO departments (name, created_at, updated_at) VALUES ('同名', 'x', 'x')");
    storage::SqlQuery(*database, insert).exec();
    EXPECT_ERROR_KIND(storage::SqlQuery(*database, insert).exec(), Conflict);
}

TEST_P(DatabaseOnBackend, backup_and_restore_round_trip_into_an_empty_location)
{
    auto database = openNew();
    storage::Migrator::migrate(*database);
    storage::SqlQuery(*database, QStringLiteral("INSERT INTO departments (name, created_at, updated_at) "
                                                "VALUES ('商务一部', 'x', 'x')"))
        .exec();
    // A person whose superior was added after them: copies must not trip over the order.
    storage::SqlQuery(*database, QStringLiteral("INSERT INTO users (login, display_name, roles, password_hash, created_at, "
                                                "updated_at) VALUES ('early', '早', 'specialist', 'x', 'x', 'x'), "
                                                "('late', '晚', 'manager', 'x', 'x', 'x')"))
        .exec();
    storage::SqlQuery(*database, QStringLiteral("UPDATE users SET superior_id = (SELECT id FROM users WHERE login = 'late') "
                                                "WHERE login = 'early'"))
        .exec();
    const QString backupPath = m_scratch->pathFor(QStringLiteral("backup.sqlite"));
    storage::DatabaseBackup::backup(*database, backupPath);
    {
        auto copy = storage::Database::open(backupPath, storage::Database::CreateMode::MustExist);
        EXPECT_EQ(storage::SqlQuery(*copy, QStringLiteral("SELECT s.login FROM users u JOIN users s ON s.id = u.superior_id "
                                                          "WHERE u.login = 'early'"))
                      .scalar()
                      .toString(),
                  QStringLiteral("late"));
    }
    EXPECT_TRUE(QFileInfo(backupPath).exists());
    EXPECT_EQ(QFileInfo(backupPath).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), 0);
    EXPECT_ERROR_KIND(storage::DatabaseBackup::backup(*database, backupPath), Conflict);

    ScratchDatabase target(GetParam());
    const auto summary = storage::DatabaseBackup::restore(backupPath, storage::DatabaseLocation::parse(target.location()));
    EXPECT_EQ(summary.schemaVersion, storage::Migrator::latestVersion());
    auto restored = storage::Database::open(target.location(), storage::Database::CreateMode::MustExist);
    EXPECT_EQ(storage::SqlQuery(*restored, QStringLiteral("SELECT name FROM departments")).scalar().toString(),
              QStringLiteral("商务一部"));
    EXPECT_EQ(storage::SqlQuery(*restored, QStringLiteral("SELECT s.login FROM users u JOIN users s ON s.id = u.superior_id "
                                                          "WHERE u.login = 'early'"))
                  .scalar()
                  .toString(),
              QStringLiteral("late"));
    // New ids continue after the restored ones.
    const qint64 next = storage::SqlQuery(*restored, QStringLiteral("INSERT INTO departments (name, created_at, updated_at) "
                                                                    "VALUES ('二部', 'x', 'x') RETURNING id"))
                            .insertReturningId();
    EXPECT_EQ(next, 2);
    // Restoring again into the now non-empty location is refused.
    EXPECT_ERROR_KIND(storage::DatabaseBackup::restore(backupPath, storage::DatabaseLocation::parse(target.location())),
                      Conflict);
}

BIZDESK_INSTANTIATE_BACKENDS(DatabaseOnBackend);

TEST(SqliteDatabase, new_file_is_private_and_in_wal_mode)
{
    ScratchDatabase scratch(Backend::Sqlite);
    auto database = storage::Database::open(scratch.location(), storage::Database::CreateMode::CreateIfMissing);
    EXPECT_EQ(QFileInfo(scratch.location()).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), 0);
    QSqlQuery query(database->connection());
    query.exec(QStringLiteral("PRAGMA journal_mode"));
    query.next();
    EXPECT_EQ(query.value(0).toString(), QStringLiteral("wal"));
    query.exec(QStringLiteral("PRAGMA foreign_keys"));
    query.next();
    EXPECT_EQ(query.value(0).toInt(), 1);
}

TEST(SqliteDatabase, missing_file_is_not_found_unless_creation_is_asked_for)
{
    ScratchDatabase scratch(Backend::Sqlite);
    EXPECT_ERROR_KIND(storage::Database::open(scratch.location(), storage::Database::CreateMode::MustExist), NotFound);
    EXPECT_FALSE(QFileInfo::exists(scratch.location()));
}

TEST(SqliteDatabase, foreign_file_is_refused_and_left_byte_for_byte_untouched)
{
    ScratchDatabase scratch(Backend::Sqlite);
    const QString text = scratch.pathFor(QStringLiteral("notes.txt"));
    bizdesk::testing::writeFile(text, "这不是数据库\n");
    const QByteArray before = fileDigest(text);
    EXPECT_ERROR_KIND(storage::Database::open(text, storage::Database::CreateMode::CreateIfMissing), Invalid);
    EXPECT_EQ(fileDigest(text), before);

    // An SQLite file of another program is refused too.
    const QString other = scratch.pathFor(QStringLiteral("other.sqlite"));
    {
        QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        connection.setDatabaseName(other);
        connection.open();
        QSqlQuery(connection).exec(QStringLiteral("CREATE TABLE notes (x TEXT)"));
        connection.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    const QByteArray otherBefore = fileDigest(other);
    EXPECT_ERROR_KIND(storage::Database::open(other, storage::Database::CreateMode::MustExist), Invalid);
    EXPECT_EQ(fileDigest(other), otherBefore);
}

TEST(SqliteDatabase, newer_schema_is_refused_and_left_untouched)
{
    ScratchDatabase scratch(Backend::Sqlite);
    {
        auto database = storage::Database::open(scratch.location(), storage::Database::CreateMode::CreateIfMissing);
        storage::Migrator::migrate(*database);
        database->dialect().writeSchemaVersion(database->connection(), storage::Migrator::latestVersion() + 1);
    }
    const QByteArray before = fileDigest(scratch.location());
    EXPECT_ERROR_KIND(storage::Database::open(scratch.location(), storage::Database::CreateMode::MustExist), Conflict);
    EXPECT_EQ(fileDigest(scratch.location()), before);
}

TEST(SqliteDatabase, upgrade_of_an_existing_file_makes_a_backup_first)
{
    if (storage::Migrator::latestVersion() < 2)
        GTEST_SKIP() << "needs at least two migrations";
    ScratchDatabase scratch(Backend::Sqlite);
    auto database = storage::Database::open(scratch.location(), storage::Database::CreateMode::CreateIfMissing);
    storage::Migrator::migrateTo(*database, storage::Migrator::latestVersion() - 1);
    const auto result = storage::Migrator::migrate(*database);
    EXPECT_EQ(result.fromVersion, storage::Migrator::latestVersion() - 1);
    ASSERT_FALSE(result.backupPath.isEmpty());
    auto backup = storage::Database::open(result.backupPath, storage::Database::CreateMode::MustExist);
    EXPECT_EQ(backup->schemaVersion(), storage::Migrator::latestVersion() - 1);
}

TEST(SqliteDatabase, a_failed_upgrade_changes_nothing_and_leaves_no_stray_backup)
{
    ScratchDatabase scratch(Backend::Sqlite);
    auto database = storage::Database::open(scratch.location(), storage::Database::CreateMode::CreateIfMissing);
    storage::Migrator::migrateTo(*database, 4);
    // A file that claims schema 3 although 0004's table is there: re-running 0004 fails half-way.
    database->execute(QStringLiteral("PRAGMA user_version = 3"));
    const QDir folder = QFileInfo(scratch.location()).absoluteDir();
    const QStringList before = folder.entryList(QDir::Files);
    try {
        storage::Migrator::migrate(*database);
        ADD_FAILURE() << "the upgrade should have failed";
    } catch (const domain::Error &error) {
        EXPECT_FALSE(error.message().contains(QStringLiteral(".bak"))) << error.message().toStdString();
    }
    EXPECT_EQ(database->schemaVersion(), 3);
    EXPECT_EQ(folder.entryList(QDir::Files), before) << "a backup of the failed upgrade stayed behind";
    EXPECT_TRUE(folder.entryList({QStringLiteral("*.bak")}, QDir::Files).isEmpty());
}

TEST(SqliteDatabase, backup_into_an_empty_file_given_as_out_fills_it_in_and_makes_it_private)
{
    ScratchDatabase scratch(Backend::Sqlite);
    auto database = storage::Database::open(scratch.location(), storage::Database::CreateMode::CreateIfMissing);
    storage::Migrator::migrate(*database);
    const QString placeholder = scratch.pathFor(QStringLiteral("placeholder.sqlite"));
    bizdesk::testing::writeFile(placeholder, {});
    QFile::setPermissions(placeholder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    storage::DatabaseBackup::backup(*database, placeholder); // an empty file given as OUT is filled in
    EXPECT_EQ(QFileInfo(placeholder).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), 0);
    auto copy = storage::Database::open(placeholder, storage::Database::CreateMode::MustExist);
    EXPECT_EQ(copy->schemaVersion(), storage::Migrator::latestVersion());
}

TEST(SqliteDatabase, the_files_of_an_open_database_are_known_by_identity_until_it_closes)
{
    ScratchDatabase scratch(Backend::Sqlite);
    const QString hardLink = scratch.pathFor(QStringLiteral("same-file.sqlite"));
    {
        auto database = storage::Database::open(scratch.location(), storage::Database::CreateMode::CreateIfMissing);
        storage::Migrator::migrate(*database);
        std::filesystem::create_hard_link(QFile::encodeName(scratch.location()).toStdString(), QFile::encodeName(hardLink).toStdString());
        EXPECT_TRUE(storage::OpenDatabaseFiles::contains(scratch.location()));
        EXPECT_TRUE(storage::OpenDatabaseFiles::contains(scratch.location() + QStringLiteral("-wal")));
        EXPECT_TRUE(storage::OpenDatabaseFiles::contains(scratch.location() + QStringLiteral("-shm")));
        EXPECT_TRUE(storage::OpenDatabaseFiles::contains(hardLink));
        EXPECT_FALSE(storage::OpenDatabaseFiles::contains(scratch.pathFor(QStringLiteral("other.csv"))));
        EXPECT_ERROR_KIND(storage::OpenDatabaseFiles::refuse(scratch.location() + QStringLiteral("-shm"), QStringLiteral("OUT")), Invalid);
    }
    EXPECT_FALSE(storage::OpenDatabaseFiles::contains(scratch.location()));
    EXPECT_FALSE(storage::OpenDatabaseFiles::contains(hardLink));
}
