// open_and_migrate: opening an up-to-date 100k-row BizDesk database (checks, pragmas, schema
// version) versus raw sqlite3_open plus a count of the same table.
#include "bench/BenchScenario.h"

#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QTemporaryDir>

#include <sqlite3.h>

namespace bizdesk::bench {
namespace {

BenchResult openAndMigrate(const BenchOptions &options)
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("bench.sqlite"));
    {
        auto database = storage::Database::open(path, storage::Database::CreateMode::CreateIfMissing);
        storage::Migrator::migrate(*database);
        storage::Transaction transaction(*database);
        storage::SqlQuery insert(*database, QStringLiteral("INSERT INTO audit_log (at, action, entity_kind, policy_version, "
                                                           "previous_hash, hash) VALUES ('2026-01-01', 'bench', 'bench', 1, "
                                                           "'', :hash)"));
        for (int i = 0; i < options.rows; ++i)
            insert.bind(":hash", QString::number(i)).exec();
        transaction.commit();
    }
    const int repetitions = options.quick ? 3 : 30;
    std::vector<double> ours;
    std::vector<double> reference;
    for (int i = 0; i < repetitions; ++i) {
        ours.push_back(millisecondsOf([&] {
            auto database = storage::Database::open(path, storage::Database::CreateMode::MustExist);
            storage::Migrator::migrate(*database);
            storage::SqlQuery(*database, QStringLiteral("SELECT count(*) FROM audit_log")).scalar();
        }));
        reference.push_back(millisecondsOf([&] {
            sqlite3 *handle = nullptr;
            sqlite3_open(path.toUtf8().constData(), &handle);
            sqlite3_stmt *statement = nullptr;
            sqlite3_prepare_v2(handle, "SELECT count(*) FROM audit_log", -1, &statement, nullptr);
            sqlite3_step(statement);
            sqlite3_finalize(statement);
            sqlite3_close(handle);
        }));
    }
    return {percentile(ours, 50), percentile(reference, 50), QStringLiteral("ms"),
            QStringLiteral("raw sqlite3_open + count(*), median")};
}

const BenchRegistration registration(QStringLiteral("open_and_migrate"), openAndMigrate);

} // namespace
} // namespace bizdesk::bench
