#include "storage/StatementCache.h"

#include <QVariant>

namespace bizdesk::storage {

std::optional<QSqlQuery> StatementCache::take(const QString &sql)
{
    const auto found = m_idle.find(sql);
    if (found == m_idle.end())
        return std::nullopt;
    std::optional<QSqlQuery> statement(std::move(found.value()));
    m_idle.erase(found);
    return statement;
}

void StatementCache::giveBack(const QString &sql, QSqlQuery statement, const QSet<QString> &boundPlaceholders)
{
    if (m_idle.contains(sql))
        return; // a nested use of the same text: one kept statement is enough
    statement.finish();
    for (const QString &placeholder : boundPlaceholders)
        statement.bindValue(placeholder, QVariant());
    if (m_idle.size() >= capacity)
        m_idle.clear(); // the statements in steady use come back at once
    m_idle.insert(sql, std::move(statement));
}

} // namespace bizdesk::storage
