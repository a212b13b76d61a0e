#pragma once

#include "storage/DatabaseLocation.h"
#include "storage/SqlDialect.h"
#include "storage/StatementCache.h"

#include <QSqlDatabase>

#include <functional>
#include <memory>
#include <vector>

namespace bizdesk::storage {

/// Owns one named QSqlDatabase connection and removes it safely when destroyed. Opening checks,
/// before anything is written, that the target is a BizDesk database this program understands.
class Database
{
public:
    enum class CreateMode {
        MustExist,   ///< a missing SQLite file is an error (not_found)
        CreateIfMissing, ///< a missing SQLite file is created with mode 0600
        ReadOnly ///< an existing database, only read (a backup being inspected): nothing is
                 ///< written, not even the WAL and synchronous settings
    };

    /// Opens `location`; throws domain::Error when it cannot be opened, is not a BizDesk
    /// database, or was written by a newer program. The file is left untouched in those cases:
    /// an existing SQLite file is first examined through a read-only SQLite connection, and
    /// nothing but SQLite ever opens it (see OpenDatabaseFiles).
    static std::unique_ptr<Database> open(const DatabaseLocation &location, CreateMode mode);
    static std::unique_ptr<Database> open(const QString &location, CreateMode mode);
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase &connection() { return m_connection; }
    const SqlDialect &dialect() const { return *m_dialect; }
    const DatabaseLocation &location() const { return m_location; }
    Backend backend() const { return m_location.backend(); }
    /// The prepared statements of this connection that SqlQuery keeps for reuse.
    StatementCache &statements() { return m_statements; }
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
    /// From now on this connection refuses every write (SQLite `PRAGMA query_only`, PostgreSQL
    /// read-only transactions): a read-only command cannot take the write lock by mistake.
    void refuseWrites();

    /// Runs one statement without parameters (pragmas, DDL); throws on failure. After DDL the kept
    /// statements are forgotten: PostgreSQL refuses a kept plan whose tables changed shape.
    void execute(const QString &sql);

    /// Runs `action` right after the outermost transaction commits and forgets it when that
    /// transaction rolls back; at once when no transaction is open. Services announce saved
    /// changes with it (AuditTrail → ChangeFeed), so nothing is announced that was not saved.
    void afterCommit(std::function<void()> action);

private:
    Database(DatabaseLocation location, std::unique_ptr<SqlDialect> dialect, QString connectionName);
    void openSqlite(CreateMode mode);
    void openPostgreSql();
    /// Runs the checks of refuseUnusable() on an existing SQLite file through a read-only SQLite
    /// connection of its own, before the writable one is opened.
    void probeSqliteReadOnly();
    void refuseUnusable(QSqlDatabase &connection);

    friend class Transaction;
    DatabaseLocation m_location;
    std::unique_ptr<SqlDialect> m_dialect;
    QString m_connectionName;
    QSqlDatabase m_connection;
    QString m_registeredFile; ///< the SQLite file listed in OpenDatabaseFiles while open
    int m_transactionDepth = 0;
    bool m_rollbackOnly = false;
    std::vector<std::function<void()>> m_afterCommit; ///< of the open transaction
    StatementCache m_statements; ///< emptied before the connection closes
};

} // namespace bizdesk::storage
