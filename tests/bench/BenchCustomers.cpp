#include "bench/BenchCustomers.h"

#include "domain/Clock.h"
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/identity/UserRepository.h"
#include "support/TestDatabase.h"

#include <QTimeZone>

#include <sqlite3.h>

namespace bizdesk::bench {

QDateTime benchCustomersNow()
{
    return QDateTime(QDate(2026, 11, 2), QTime(9, 0), QTimeZone::utc());
}

/// A migrated SQLite file with the test organisation (sales1, director, …); returns the path.
QString organisationDatabase(const QString &path)
{
    auto database = storage::Database::open(path, storage::Database::CreateMode::CreateIfMissing);
    storage::Migrator::migrate(*database);
    testing::TestOrganisation organisation(*database);
    return path;
}

qint64 userId(const QString &path, const QString &login)
{
    auto database = storage::Database::open(path, storage::Database::CreateMode::MustExist);
    return storage::UserRepository(*database).requireByLogin(login).id;
}

void insertCustomers(const QString &path, int count, qint64 owner, const QList<qint64> &others,
                     const std::function<std::optional<int>(int)> &lastContactDaysAgo)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO customers (name, class, owner_id, stage, name_key, search_text, last_contact_at, "
                       "owned_since, created_at, updated_at) VALUES (?, ?, ?, 'lead', ?, ?, ?, ?, ?, ?)",
                       -1, &insert, nullptr);
    const QByteArray created = domain::toStorageTimestamp(benchCustomersNow().addDays(-500)).toUtf8();
    for (int i = 0; i < count; ++i) {
        const QByteArray name = QStringLiteral("基准客户%1有限公司").arg(i).toUtf8();
        const int roll = i % 100;
        const char *customerClass = roll < 15 ? "key" : roll < 60 ? "general" : "potential";
        const qint64 ownerId = i % 5 == 0 ? owner : others.at(i % others.size());
        const std::optional<int> daysAgo = lastContactDaysAgo(i);
        const QByteArray lastContact = daysAgo ? domain::toStorageTimestamp(benchCustomersNow().addDays(-*daysAgo)).toUtf8() : QByteArray();
        sqlite3_bind_text(insert, 1, name.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 2, customerClass, -1, SQLITE_STATIC);
        sqlite3_bind_int64(insert, 3, ownerId);
        sqlite3_bind_text(insert, 4, name.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 5, name.constData(), -1, SQLITE_TRANSIENT);
        if (!daysAgo)
            sqlite3_bind_null(insert, 6);
        else
            sqlite3_bind_text(insert, 6, lastContact.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 7, created.constData(), -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 8, created.constData(), -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 9, created.constData(), -1, SQLITE_STATIC);
        sqlite3_step(insert);
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(db);
}

} // namespace bizdesk::bench
