#include "storage/SqlDialect.h"

#include <QSqlQuery>
#include <QVariant>

namespace bizdesk::storage {
namespace {

using domain::ErrorKind;

QVariant singleValue(QSqlDatabase &connection, const QString &sql)
{
    QSqlQuery query(connection);
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

/// The application id stamped into every BizDesk SQLite file ('BIZD'), so foreign files are recognised.
constexpr int bizdeskApplicationId = 0x42495A44;

class SqliteDialect final : public SqlDialect
{
public:
    Backend backend() const override { return Backend::Sqlite; }
    QString beginWriteStatement() const override { return QStringLiteral("BEGIN IMMEDIATE"); }
    QString beginReadStatement() const override { return QStringLiteral("BEGIN"); }
    QString transactionLockStatement() const override { return {}; }
    QString migrationSuffix() const override { return QStringLiteral("sqlite"); }

    QString expandMigration(QString sql) const override
    {
        sql.replace(QLatin1String("{{ID}}"), QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
        sql.replace(QLatin1String("{{BLOB}}"), QLatin1String("BLOB"));
        return sql;
    }

    int readSchemaVersion(QSqlDatabase &connection) const override
    {
        return singleValue(connection, QStringLiteral("PRAGMA user_version")).toInt();
    }

    void writeSchemaVersion(QSqlDatabase &connection, int version) const override
    {
        QSqlQuery query(connection);
        // PRAGMA takes no bound parameters; version is an int we produced.
        query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
        query.exec(QStringLiteral("PRAGMA application_id = %1").arg(bizdeskApplicationId));
    }

    bool holdsForeignData(QSqlDatabase &connection) const override
    {
        const int applicationId = singleValue(connection, QStringLiteral("PRAGMA application_id")).toInt();
        if (applicationId == bizdeskApplicationId)
            return false;
        if (applicationId != 0)
            return true;
        return singleValue(connection, QStringLiteral("SELECT count(*) FROM sqlite_master")).toInt() > 0;
    }

    QStringList dataTables(QSqlDatabase &connection) const override
    {
        QSqlQuery query(connection);
        query.exec(QStringLiteral(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' "
            "AND name NOT IN (SELECT m.name FROM sqlite_master v, sqlite_master m "
            "                 WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%' AND m.name LIKE v.name || '\\_%' ESCAPE '\\') "
            "ORDER BY rowid"));
        QStringList tables;
        while (query.next())
            tables << query.value(0).toString();
        return tables;
    }

    QStringList selfReferencingColumns(QSqlDatabase &connection, const QString &table) const override
    {
        QSqlQuery query(connection);
        QStringList columns;
        // PRAGMA takes no bound parameters; table names come from dataTables(), not from users.
        query.exec(QStringLiteral("PRAGMA foreign_key_list(%1)").arg(table));
        while (query.next()) {
            if (query.value(2).toString() == table)
                columns << query.value(3).toString();
        }
        return columns;
    }

    void resetIdentity(QSqlDatabase &, const QString &) const override
    {
        // AUTOINCREMENT keeps its own counter in sqlite_sequence, updated by explicit inserts.
    }

    QString nextIdStatement(const QString &table) const override
    {
        // The writer holds the database's write lock (BEGIN IMMEDIATE), so nobody takes it first.
        return QStringLiteral("SELECT max(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '%1'), 0), "
                              "COALESCE((SELECT max(id) FROM %1), 0)) + 1")
            .arg(table);
    }

    ErrorKind classify(const QSqlError &error) const override
    {
        const QString code = error.nativeErrorCode();
        // SQLITE_BUSY (5) and SQLITE_LOCKED (6), with their extended codes.
        const int primary = code.toInt() & 0xff;
        if (primary == 5 || primary == 6)
            return ErrorKind::Conflict;
        if (primary == 13) // SQLITE_FULL
            return ErrorKind::DiskFull;
        if (isUniqueViolation(error))
            return ErrorKind::Conflict;
        return ErrorKind::Internal;
    }

    bool isUniqueViolation(const QSqlError &error) const override
    {
        // SQLITE_CONSTRAINT_UNIQUE 2067, SQLITE_CONSTRAINT_PRIMARYKEY 1555.
        const QString code = error.nativeErrorCode();
        return code == QLatin1String("2067") || code == QLatin1String("1555");
    }

    QString transactionLockStatement(LockMode) const override { return {}; }
    QString trySessionLockStatement() const override { return {}; }
    QString sessionUnlockStatement() const override { return {}; }
};

class PostgreSqlDialect final : public SqlDialect
{
public:
    Backend backend() const override { return Backend::PostgreSql; }
    QString beginWriteStatement() const override { return QStringLiteral("BEGIN"); }
    QString beginReadStatement() const override { return QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ"); }
    QString transactionLockStatement() const override
    {
        // READ COMMITTED writers do not see each other's uncommitted rows; an advisory lock on a
        // 64-bit hash of the name makes them queue (a hash collision only serialises a little more).
        return QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended(:name, 0))");
    }
    QString migrationSuffix() const override { return QStringLiteral("postgresql"); }

    QString expandMigration(QString sql) const override
    {
        sql.replace(QLatin1String("{{ID}}"), QLatin1String("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
        sql.replace(QLatin1String("{{BLOB}}"), QLatin1String("BYTEA"));
        return sql;
    }

    int readSchemaVersion(QSqlDatabase &connection) const override
    {
        if (!singleValue(connection, QStringLiteral("SELECT to_regclass('bizdesk_schema') IS NOT NULL")).toBool())
            return 0;
        return singleValue(connection, QStringLiteral("SELECT version FROM bizdesk_schema")).toInt();
    }

    void writeSchemaVersion(QSqlDatabase &connection, int version) const override
    {
        QSqlQuery query(connection);
        query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS bizdesk_schema (version INTEGER NOT NULL)"));
        query.exec(QStringLiteral("DELETE FROM bizdesk_schema"));
        query.prepare(QStringLiteral("INSERT INTO bizdesk_schema (version) VALUES (:version)"));
        query.bindValue(QStringLiteral(":version"), version);
        query.exec();
    }

    bool holdsForeignData(QSqlDatabase &connection) const override
    {
        if (readSchemaVersion(connection) > 0)
            return false;
        return singleValue(connection,
                           QStringLiteral("SELECT count(*) FROM information_schema.tables "
                                          "WHERE table_schema = current_schema()"))
                   .toInt()
            > 0;
    }

    QStringList dataTables(QSqlDatabase &connection) const override
    {
        // pg_class oids grow with creation order, which follows the migrations.
        QSqlQuery query(connection);
        query.exec(QStringLiteral("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                  "WHERE c.relkind = 'r' AND n.nspname = current_schema() "
                                  "AND c.relname <> 'bizdesk_schema' ORDER BY c.oid"));
        QStringList tables;
        while (query.next())
            tables << query.value(0).toString();
        return tables;
    }

    QStringList selfReferencingColumns(QSqlDatabase &connection, const QString &table) const override
    {
        QSqlQuery query(connection);
        query.prepare(QStringLiteral(
            "SELECT a.attname FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid "
            "JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_attribute a ON a.attrelid = c.conrelid "
            "AND a.attnum = ANY (c.conkey) WHERE c.contype = 'f' AND c.conrelid = c.confrelid "
            "AND t.relname = :table AND n.nspname = current_schema()"));
        query.bindValue(QStringLiteral(":table"), table);
        query.exec();
        QStringList columns;
        while (query.next())
            columns << query.value(0).toString();
        return columns;
    }

    QString nextIdStatement(const QString &table) const override
    {
        // The identity's own sequence, so rows inserted without an id keep getting new ones.
        return QStringLiteral("SELECT nextval(pg_get_serial_sequence('%1', 'id'))").arg(table);
    }

    void resetIdentity(QSqlDatabase &connection, const QString &table) const override
    {
        QSqlQuery query(connection);
        // Only tables with an identity column "id" have a sequence; asking about others would abort the transaction.
        query.prepare(QStringLiteral("SELECT pg_get_serial_sequence(:table, 'id') FROM information_schema.columns "
                                     "WHERE table_schema = current_schema() AND table_name = :table AND column_name = 'id'"));
        query.bindValue(QStringLiteral(":table"), table);
        if (!query.exec() || !query.next() || query.value(0).isNull())
            return;
        const QString sequence = query.value(0).toString();
        query.exec(QStringLiteral("SELECT setval('%1', COALESCE((SELECT max(id) FROM %2), 0) + 1, false)")
                       .arg(sequence, table));
    }

    ErrorKind classify(const QSqlError &error) const override
    {
        const QString code = error.nativeErrorCode();
        // 40001 serialization failure, 40P01 deadlock, 55P03 lock not available.
        if (code == QLatin1String("40001") || code == QLatin1String("40P01") || code == QLatin1String("55P03"))
            return ErrorKind::Conflict;
        if (code == QLatin1String("53100")) // disk_full
            return ErrorKind::DiskFull;
        if (isUniqueViolation(error))
            return ErrorKind::Conflict;
        return ErrorKind::Internal;
    }

    bool isUniqueViolation(const QSqlError &error) const override
    {
        return error.nativeErrorCode() == QLatin1String("23505");
    }

    QString transactionLockStatement(LockMode mode) const override
    {
        return mode == LockMode::Shared ? QStringLiteral("SELECT pg_advisory_xact_lock_shared(:key)")
                                        : QStringLiteral("SELECT pg_advisory_xact_lock(:key)");
    }
    QString trySessionLockStatement() const override { return QStringLiteral("SELECT pg_try_advisory_lock(:key)"); }
    QString sessionUnlockStatement() const override { return QStringLiteral("SELECT pg_advisory_unlock(:key)"); }
};

} // namespace

std::unique_ptr<SqlDialect> SqlDialect::create(Backend backend)
{
    if (backend == Backend::PostgreSql)
        return std::make_unique<PostgreSqlDialect>();
    return std::make_unique<SqliteDialect>();
}

} // namespace bizdesk::storage
