#pragma once

#include "storage/DatabaseLocation.h"
#include "storage/SqlDialect.h"

#include <QSqlDatabase>

#include <memory>

namespace bizdesk::storage {

/// Owns one named QSqlDatabase connection and removes it safely when destroyed. Opening checks,
/// before anything is written, that the target is a BizDesk database this program understands.
class Database
{
public:
    enum class CreateMode {
        MustExist,   ///< a missing SQLite file is an error (not_found)
        CreateIfMissing ///< a missing SQLite file is created with mode 0600
    };

    /// Opens `location`; throws domain::Error when it cannot be opened, is not a BizDesk
    /// database, or was written by a newer program. The file is left untouched in those cases.
    static std::unique_ptr<Database> open(const DatabaseLocation &location, CreateMode mode);
    static std::unique_ptr<Database> open(const QString &location, CreateMode mode);
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase &connection() { return m_connection; }
    const SqlDialect &dialect() const { return *m_dialect; }
    const DatabaseLocation &location() const { return m_location; }
    Backend backend() const { return m_location.backend(); }
    /// True while a storage::Transaction is open on this connection.
    bool inTransaction() const { return m_transactionDepth > 0; }

    /// 0 for a database that has not been initialised yet.
    int schemaVersion();
    /// Throws not_found unless a BizDesk schema exists, of any version (backup, restore).
    void requireSchema();
    /// Throws not_found unless the schema exists, and conflict unless it is the latest (every
    /// business command needs it).
    void requireInitialised();

    /// Copies the SQLite write-ahead log into the database file without blocking anyone; called
    /// when the program is idle. No-op on PostgreSQL or inside a transaction.
    void checkpoint();

    /// Runs one statement without parameters (pragmas, DDL); throws on failure.
    void execute(const QString &sql);

private:
    Database(DatabaseLocation location, std::unique_ptr<SqlDialect> dialect, QString connectionName);
    void openSqlite(CreateMode mode);
    void openPostgreSql();
    void refuseUnusable();

    friend class Transaction;
    DatabaseLocation m_location;
    std::unique_ptr<SqlDialect> m_dialect;
    QString m_connectionName;
    QSqlDatabase m_connection;
    int m_transactionDepth = 0;
    bool m_rollbackOnly = false;
};

} // namespace bizdesk::storage
