#include "storage/Database.h"

#include "domain/Error.h"
#include "storage/Migrator.h"
#include "storage/OpenDatabaseFiles.h"
#include "storage/SqlQuery.h"
#include "support/Logging.h"
#include "support/Paths.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QUrl>
#include <QSqlError>
#include <QSqlQuery>

namespace bizdesk::storage {
namespace {

using domain::Error;

QString nextConnectionName()
{
    static QAtomicInteger<int> counter = 0;
    return QStringLiteral("bizdesk-%1").arg(counter.fetchAndAddRelaxed(1));
}

constexpr int busyTimeoutMilliseconds = 5000;

/// DDL changes the shape of tables. Checked on every execute() (BEGIN and COMMIT included), so a
/// look at the first word rather than a pattern.
bool changesSchema(const QString &sql)
{
    const QStringView statement = QStringView(sql).trimmed();
    for (const QStringView keyword : {QStringView(u"CREATE"), QStringView(u"ALTER"), QStringView(u"DROP")}) {
        if (statement.startsWith(keyword, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
/// About 40 MB of WAL before SQLite checkpoints on its own (a safety net; idle checkpoints come first).
constexpr int walAutoCheckpointPages = 10000;

/// SQLite's "not a database" result code: the file is not an SQLite file at all.
constexpr int sqliteNotADatabase = 26;

/// Removes a named connection when it goes out of scope (after every QSqlDatabase copy is gone).
class ConnectionRemover
{
public:
    explicit ConnectionRemover(QString name) : m_name(std::move(name)) {}
    ~ConnectionRemover() { QSqlDatabase::removeDatabase(m_name); }
    ConnectionRemover(const ConnectionRemover &) = delete;
    ConnectionRemover &operator=(const ConnectionRemover &) = delete;

private:
    QString m_name;
};

} // namespace

Database::Database(DatabaseLocation location, std::unique_ptr<SqlDialect> dialect, QString connectionName)
    : m_location(std::move(location))
    , m_dialect(std::move(dialect))
    , m_connectionName(std::move(connectionName))
{
}

Database::~Database()
{
    m_statements.clear(); // every statement goes before the connection it was prepared on
    if (m_connection.isOpen()) {
        if (m_transactionDepth > 0)
            QSqlQuery(m_connection).exec(QStringLiteral("ROLLBACK"));
        m_connection.close();
    }
    m_connection = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    if (!m_registeredFile.isEmpty())
        OpenDatabaseFiles::remove(m_registeredFile);
}

std::unique_ptr<Database> Database::open(const QString &location, CreateMode mode)
{
    return open(DatabaseLocation::parse(location), mode);
}

std::unique_ptr<Database> Database::open(const DatabaseLocation &location, CreateMode mode)
{
    std::unique_ptr<Database> database(
        new Database(location, SqlDialect::create(location.backend()), nextConnectionName()));
    if (location.backend() == Backend::Sqlite)
        database->openSqlite(mode);
    else
        database->openPostgreSql();
    database->refuseUnusable(database->m_connection);
    if (mode == CreateMode::ReadOnly && location.backend() == Backend::PostgreSql)
        database->execute(QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"));
    if (location.backend() == Backend::Sqlite && mode != CreateMode::ReadOnly) {
        // Only now, with the file known to be ours (or empty), may settings that write be applied.
        database->execute(QStringLiteral("PRAGMA journal_mode = WAL"));
        database->execute(QStringLiteral("PRAGMA synchronous = NORMAL"));
        // Checkpoints run when the program is idle (checkpoint()) and when the last connection
        // closes, not inside a user's transaction: the default 1000-page auto-checkpoint made
        // one approval in a hundred wait for a WAL copy (see bizdesk-bench approval_transition).
        database->execute(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(walAutoCheckpointPages));
    }
    return database;
}

void Database::openSqlite(CreateMode mode)
{
    const QString path = m_location.filePath();
    const QFileInfo info(path);
    if (info.exists() && info.isDir())
        throw Error::invalid(QStringLiteral("--db"), QCoreApplication::translate("Database", "%1 is a folder, not a database file.").arg(path));
    if (!info.exists()) {
        if (mode != CreateMode::CreateIfMissing)
            throw Error::notFound(
                QCoreApplication::translate("Database", "There is no database at %1. Create one with \"bizdeskctl init\" or start BizDesk to set it up.")
                    .arg(path));
        if (!support::Paths::makePrivateFolder(info.absolutePath()))
            throw Error::invalid(QStringLiteral("--db"), QCoreApplication::translate("Database", "Cannot create the folder %1.").arg(info.absolutePath()));
        // A file that does not exist yet cannot have a connection in this process, so creating it
        // outside SQLite drops no lock; created 0600 at once, so it is never readable by others.
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            throw Error::invalid(QStringLiteral("--db"),
                                 QCoreApplication::translate("Database", "Cannot create %1: %2 (is the folder read-only?)").arg(path, file.errorString()));
    } else if (!info.isReadable()) {
        throw Error::invalid(QStringLiteral("--db"), QCoreApplication::translate("Database", "%1 cannot be read (permissions).").arg(path));
    } else {
        probeSqliteReadOnly();
    }

    m_connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    // Opened by URI with mode=rw (or ro): should the file vanish between the check above and
    // this open (a share unmounted, the file moved by someone), SQLite refuses instead of
    // creating an empty database where the user's data was. Only CreateIfMissing, which made the
    // file itself just now, may find it empty.
    QUrl uri = QUrl::fromLocalFile(path);
    uri.setQuery(mode == CreateMode::ReadOnly ? QStringLiteral("mode=ro") : QStringLiteral("mode=rw"));
    m_connection.setDatabaseName(uri.toString(QUrl::FullyEncoded));
    m_connection.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1;QSQLITE_OPEN_URI%2")
                                       .arg(busyTimeoutMilliseconds)
                                       .arg(mode == CreateMode::ReadOnly ? QStringLiteral(";QSQLITE_OPEN_READONLY") : QString()));
    if (!m_connection.open())
        throw Error::invalid(QStringLiteral("--db"),
                             QCoreApplication::translate("Database", "Cannot open %1: %2").arg(path, m_connection.lastError().text()));
    OpenDatabaseFiles::add(path);
    m_registeredFile = path;
    execute(QStringLiteral("PRAGMA foreign_keys = ON"));
}

void Database::probeSqliteReadOnly()
{
    // Nothing but SQLite may open the file: closing any other descriptor on it drops every POSIX
    // lock this process holds there (those of open connections included), and the next program to
    // close then believes it is the last user and deletes the live -wal and -shm. SQLite itself
    // shares one set of locks per file within the process and defers closing its descriptors.
    // Read-only, so that a foreign file (or a hot journal beside it) is never written.
    const QString probeName = m_connectionName + QStringLiteral("-probe");
    const ConnectionRemover remover(probeName);
    QSqlDatabase probe = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), probeName);
    probe.setDatabaseName(m_location.filePath());
    probe.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMilliseconds));
    if (!probe.open())
        throw Error::invalid(QStringLiteral("--db"),
                             QCoreApplication::translate("Database", "Cannot open %1: %2").arg(m_location.filePath(), probe.lastError().text()));
    refuseUnusable(probe); // removing the connection closes it, also when this throws
}

void Database::openPostgreSql()
{
    m_connection = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    m_connection.setHostName(m_location.host());
    m_connection.setPort(m_location.port());
    m_connection.setUserName(m_location.user());
    m_connection.setPassword(m_location.password());
    m_connection.setDatabaseName(m_location.databaseName());
    m_connection.setConnectOptions(QStringLiteral("connect_timeout=10"));
    if (!m_connection.open())
        throw Error::invalid(QStringLiteral("--db"),
                             QCoreApplication::translate("Database", "Cannot connect to %1: %2")
                                 .arg(m_location.displayName(), m_connection.lastError().text().trimmed()));
    execute(QStringLiteral("SET client_min_messages = warning"));
    execute(QStringLiteral("SET TIME ZONE 'UTC'"));
}

void Database::refuseUnusable(QSqlDatabase &connection)
{
    QSqlQuery probe(connection);
    if (m_location.backend() == Backend::Sqlite && !probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
        if (probe.lastError().nativeErrorCode().toInt() == sqliteNotADatabase)
            throw Error::invalid(QStringLiteral("--db"),
                                 QCoreApplication::translate("Database", "%1 is not a BizDesk database (not an SQLite file); it was left untouched.")
                                     .arg(m_location.displayName()));
        throw Error::invalid(QStringLiteral("--db"),
                             QCoreApplication::translate("Database", "%1 is not a BizDesk database (%2); it was left untouched.")
                                 .arg(m_location.displayName(), probe.lastError().text()));
    }
    if (m_dialect->holdsForeignData(connection))
        throw Error::invalid(QStringLiteral("--db"),
                             QCoreApplication::translate("Database", "%1 holds data that is not a BizDesk database; it was left untouched.")
                                 .arg(m_location.displayName()));
    const int version = m_dialect->readSchemaVersion(connection);
    if (version > Migrator::latestVersion())
        throw Error::conflict(QCoreApplication::translate("Database", "%1 was written by a newer BizDesk (schema %2; this program knows up to %3). "
                                 "Update BizDesk; the database was left untouched.")
                                  .arg(m_location.displayName())
                                  .arg(version)
                                  .arg(Migrator::latestVersion()));
}

int Database::schemaVersion()
{
    return m_dialect->readSchemaVersion(m_connection);
}

void Database::requireSchema()
{
    if (schemaVersion() == 0)
        throw Error::notFound(QCoreApplication::translate("Database", "%1 is not set up yet. Create it with \"bizdeskctl init\" or start BizDesk to set it up.")
                                  .arg(m_location.displayName()));
}

void Database::requireInitialised()
{
    const int version = schemaVersion();
    if (version == 0)
        throw Error::notFound(QCoreApplication::translate("Database", "%1 is not set up yet. Create it with \"bizdeskctl init\" or start BizDesk to set it up.")
                                  .arg(m_location.displayName()));
    if (version < Migrator::latestVersion())
        throw Error::conflict(QCoreApplication::translate("Database", "%1 uses an older schema (%2 < %3). Run \"bizdeskctl migrate\" or open it in BizDesk "
                                 "to upgrade it (a backup is made first).")
                                  .arg(m_location.displayName())
                                  .arg(version)
                                  .arg(Migrator::latestVersion()));
}

void Database::checkpoint()
{
    if (m_location.backend() != Backend::Sqlite || m_transactionDepth > 0)
        return;
    QSqlQuery(m_connection).exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
}

void Database::refuseWrites()
{
    execute(m_location.backend() == Backend::Sqlite ? QStringLiteral("PRAGMA query_only = ON")
                                                    : QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"));
}

void Database::execute(const QString &sql)
{
    if (changesSchema(sql))
        m_statements.clear();
    QSqlQuery query(m_connection);
    if (!query.exec(sql))
        throwSqlError(*this, query.lastError(), sql);
}

void Database::afterCommit(std::function<void()> action)
{
    if (m_transactionDepth == 0)
        action();
    else
        m_afterCommit.push_back(std::move(action));
}

} // namespace bizdesk::storage
