#include "storage/SqlQuery.h"

#include "domain/Error.h"
#include "storage/Database.h"
#include "support/Logging.h"

#include <QCoreApplication>
#include <QSqlError>

namespace bizdesk::storage {

using domain::Error;
using domain::ErrorKind;

void throwSqlError(Database &database, const QSqlError &error, const QString &sql)
{
    const ErrorKind kind = database.dialect().classify(error);
    if (kind == ErrorKind::Conflict) {
        if (database.dialect().isUniqueViolation(error))
            throw Error::conflict(QCoreApplication::translate("Database", "This record already exists (%1).")
                                      .arg(error.databaseText()));
        throw Error::conflict(QCoreApplication::translate(
            "Database", "The database is busy with another change; nothing was written. Please try again."));
    }
    if (kind == ErrorKind::DiskFull) {
        BIZDESK_LOG_ERROR("disk full: {} in: {}", error.text().toStdString(), sql.toStdString());
        throw Error::diskFull(QCoreApplication::translate("Database", "The disk holding %1 is full; nothing was saved. "
                                                                      "Free some space on it and try again.")
                                  .arg(database.location().displayName()));
    }
    BIZDESK_LOG_ERROR("SQL failed: {} [{}] in: {}", error.text().toStdString(), error.nativeErrorCode().toStdString(),
                      sql.toStdString());
    throw Error::internal(
        QCoreApplication::translate("Database", "The database reported an error: %1").arg(error.text().trimmed()));
}

namespace {

thread_local StatementCapture *currentCapture = nullptr;

QSqlQuery keptOrPrepared(Database &database, const QString &sql)
{
    if (std::optional<QSqlQuery> kept = database.statements().take(sql))
        return std::move(*kept);
    QSqlQuery query(database.connection());
    // Nothing reads backwards, and a forward-only SQLite result does not copy every row it passes.
    // Not on PostgreSQL: there forward-only streams rows one at a time, and a second query on the
    // connection would cut short a loop still reading the first.
    query.setForwardOnly(database.backend() == Backend::Sqlite);
    if (!query.prepare(sql))
        throwSqlError(database, query.lastError(), sql);
    return query;
}

} // namespace

StatementCapture::StatementCapture()
    : m_outer(currentCapture)
{
    currentCapture = this;
}

StatementCapture::~StatementCapture()
{
    currentCapture = m_outer;
}

StatementCapture *StatementCapture::current()
{
    return currentCapture;
}

SqlQuery::SqlQuery(Database &database, const QString &sql)
    : m_database(database)
    , m_sql(sql)
    , m_query(keptOrPrepared(database, sql))
{
}

SqlQuery::SqlQuery(SqlQuery &&other) noexcept
    : m_database(other.m_database)
    , m_sql(std::move(other.m_sql))
    , m_query(std::move(other.m_query))
    , m_boundPlaceholders(std::move(other.m_boundPlaceholders))
    , m_borrowing(other.m_borrowing)
    , m_captured(std::move(other.m_captured))
{
    other.m_borrowing = false;
}

SqlQuery::~SqlQuery()
{
    if (m_borrowing)
        m_database.statements().giveBack(m_sql, std::move(m_query), m_boundPlaceholders);
}

SqlQuery &SqlQuery::bind(const char *placeholder, const QVariant &value)
{
    return bind(QString::fromLatin1(placeholder), value);
}

SqlQuery &SqlQuery::bind(const QString &placeholder, const QVariant &value)
{
    m_query.bindValue(placeholder, value);
    m_boundPlaceholders.insert(placeholder);
    if (currentCapture)
        m_captured.append({placeholder, value});
    return *this;
}

SqlQuery &SqlQuery::exec()
{
    if (currentCapture)
        currentCapture->m_statements.append({m_sql, std::exchange(m_captured, {})});
    if (!m_query.exec())
        throwSqlError(m_database, m_query.lastError(), m_sql);
    return *this;
}

qint64 SqlQuery::insertReturningId()
{
    exec();
    if (!m_query.next())
        throw Error::internal(QStringLiteral("INSERT returned no id: %1").arg(m_sql));
    return m_query.value(0).toLongLong();
}

QVariant SqlQuery::scalar()
{
    exec();
    if (!m_query.next())
        return {};
    return m_query.value(0);
}

} // namespace bizdesk::storage
