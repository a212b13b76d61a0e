#pragma once

#include <QHash>
#include <QSqlQuery>
#include <QString>
#include <QSet>

#include <optional>

namespace bizdesk::storage {

/// The prepared statements of one connection that are not in use, kept by their SQL text.
///
/// Preparing is most of what a short statement costs: SQLite parses and plans it again, and the
/// PostgreSQL driver sends PREPARE and DEALLOCATE around every EXECUTE. A use case that runs the
/// same dozen statements each time (an approval, a contract transition) therefore takes a kept one
/// and gives it back when done. A statement is lent to one SqlQuery at a time; a second use of the
/// same text while the first is alive (a nested loop) prepares its own.
class StatementCache
{
public:
    /// Bounded so that statements built with literal values cannot grow it without end.
    static constexpr int capacity = 256;

    /// An idle statement prepared from `sql`, taken out of the cache; nothing when there is none.
    std::optional<QSqlQuery> take(const QString &sql);
    /// Keeps `statement` for the next use of `sql`: finished (no open cursor, so no read lock is
    /// held on SQLite) and with the placeholders that were bound reset to NULL, as if newly
    /// prepared, so a caller that leaves one unbound never sees an earlier caller's value.
    void giveBack(const QString &sql, QSqlQuery statement, const QSet<QString> &boundPlaceholders);
    /// Forgets every statement; after schema changes (PostgreSQL plans depend on the tables) and
    /// before the connection closes.
    void clear() { m_idle.clear(); }
    int size() const { return static_cast<int>(m_idle.size()); }

private:
    QHash<QString, QSqlQuery> m_idle;
};

} // namespace bizdesk::storage
