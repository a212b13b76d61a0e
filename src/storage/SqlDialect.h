#pragma once

#include "domain/Error.h"
#include "storage/DatabaseLocation.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QStringList>

#include <memory>

namespace bizdesk::storage {

/// How a transaction-scoped key lock is held: shared holders exclude only exclusive ones.
enum class LockMode { Shared, Exclusive };

/// Everything that differs between SQLite and PostgreSQL, in one place. Repositories write
/// portable SQL (named placeholders, RETURNING id, text timestamps) and ask the dialect for the rest.
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;
    static std::unique_ptr<SqlDialect> create(Backend backend);

    virtual Backend backend() const = 0;
    /// Statement that starts a transaction which will write; SQLite takes the write lock up front
    /// (BEGIN IMMEDIATE) so two writers never deadlock half-way.
    virtual QString beginWriteStatement() const = 0;
    virtual QString beginReadStatement() const = 0;
    /// Statement (binding :name) that holds a lock on a name until the transaction ends, for
    /// check-then-write rules no row lock covers (a department's monthly budget). Empty when the
    /// write transaction already excludes every other writer (SQLite's BEGIN IMMEDIATE).
    virtual QString transactionLockStatement() const = 0;
    /// "sqlite" or "postgresql": the suffix of dialect-only migration files (0003_x.sqlite.sql).
    virtual QString migrationSuffix() const = 0;
    /// Replaces the portable placeholders of migration files: {{ID}} (auto-increment primary key),
    /// {{BLOB}} (binary column).
    virtual QString expandMigration(QString sql) const = 0;

    /// 0 for an empty database.
    virtual int readSchemaVersion(QSqlDatabase &connection) const = 0;
    virtual void writeSchemaVersion(QSqlDatabase &connection, int version) const = 0;
    /// True when the database holds tables but is not a BizDesk database.
    virtual bool holdsForeignData(QSqlDatabase &connection) const = 0;
    /// Application tables in creation order (parents before children), without internal and
    /// full-text shadow tables: the unit of backup and restore.
    virtual QStringList dataTables(QSqlDatabase &connection) const = 0;
    /// Columns of `table` whose foreign key points at `table` itself (users.superior_id): copies
    /// fill them in a second pass, because a row may refer to one inserted after it.
    virtual QStringList selfReferencingColumns(QSqlDatabase &connection, const QString &table) const = 0;
    /// After rows were copied in with explicit ids, makes new ids continue after the largest.
    virtual void resetIdentity(QSqlDatabase &connection, const QString &table) const = 0;

    /// Statement returning the id the next row of `table` gets (taking it, on PostgreSQL), for rows
    /// whose content must include their own id before they are inserted (audit entries).
    virtual QString nextIdStatement(const QString &table) const = 0;

    /// Maps a driver error to what the user should be told (busy → conflict, unique → conflict).
    virtual domain::ErrorKind classify(const QSqlError &error) const = 0;
    virtual bool isUniqueViolation(const QSqlError &error) const = 0;

    /// Statement that takes a lock on the 64-bit key bound to :key, held until the transaction
    /// ends (PostgreSQL advisory locks). Empty on SQLite: BEGIN IMMEDIATE already admits one writer
    /// at a time, so a check and the write that depends on it cannot interleave with another's.
    virtual QString transactionLockStatement(LockMode mode) const = 0;

    /// Statements (binding :key) that try to take, and give back, a lock held by the connection
    /// across transactions, for work that commits in batches (sweeps). The first returns one
    /// boolean row. Empty on SQLite, which has no such lock; SweepLock keeps a lease row there.
    virtual QString trySessionLockStatement() const = 0;
    virtual QString sessionUnlockStatement() const = 0;
};

} // namespace bizdesk::storage
