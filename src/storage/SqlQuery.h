#pragma once

#include <QSet>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace bizdesk::storage {

class Database;

/// Throws the domain::Error that a failed statement means for the user: busy/locked and unique
/// violations become conflicts, everything else an internal error (logged with the SQL).
[[noreturn]] void throwSqlError(Database &database, const QSqlError &error, const QString &sql);

/// A prepared statement with bound values only; every failure throws (see throwSqlError).
/// The statement is borrowed from the connection's StatementCache and given back, finished, when
/// the SqlQuery goes away; results are read forward only.
class SqlQuery
{
public:
    SqlQuery(Database &database, const QString &sql);
    ~SqlQuery();
    /// The moved-from query gives nothing back: the statement has one borrower at a time.
    SqlQuery(SqlQuery &&other) noexcept;
    SqlQuery(const SqlQuery &) = delete;
    SqlQuery &operator=(const SqlQuery &) = delete;
    SqlQuery &operator=(SqlQuery &&) = delete;

    /// Binds ":name"; an invalid QVariant binds NULL.
    SqlQuery &bind(const char *placeholder, const QVariant &value);
    SqlQuery &bind(const QString &placeholder, const QVariant &value);
    SqlQuery &exec();
    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    QVariant value(const char *column) const { return m_query.value(QLatin1String(column)); }
    /// Executes an INSERT ... RETURNING id and returns the id.
    qint64 insertReturningId();
    /// Executes and returns the first column of the first row (invalid QVariant if no row).
    QVariant scalar();
    int rowsAffected() const { return m_query.numRowsAffected(); }
    QSqlQuery &raw() { return m_query; }

private:
    Database &m_database;
    QString m_sql;
    QSqlQuery m_query;
    QSet<QString> m_boundPlaceholders; ///< reset to NULL before the statement is kept
    bool m_borrowing = true; ///< false once moved from
};

} // namespace bizdesk::storage
