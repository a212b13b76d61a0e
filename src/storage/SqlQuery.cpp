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
    BIZDESK_LOG_ERROR("SQL failed: {} [{}] in: {}", error.text().toStdString(), error.nativeErrorCode().toStdString(),
                      sql.toStdString());
    throw Error::internal(
        QCoreApplication::translate("Database", "The database reported an error: %1").arg(error.text().trimmed()));
}

namespace {

thread_local StatementCapture *currentCapture = nullptr;

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
    , m_query(database.connection())
{
    if (!m_query.prepare(sql))
        throwSqlError(m_database, m_query.lastError(), sql);
}

SqlQuery &SqlQuery::bind(const char *placeholder, const QVariant &value)
{
    m_query.bindValue(QLatin1String(placeholder), value);
    if (currentCapture)
        m_captured.append({QString::fromLatin1(placeholder), value});
    return *this;
}

SqlQuery &SqlQuery::bind(const QString &placeholder, const QVariant &value)
{
    m_query.bindValue(placeholder, value);
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
