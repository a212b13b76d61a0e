#pragma once

#include "domain/contracts/ClauseTemplate.h"

#include <QList>

#include <optional>

namespace bizdesk::storage {

class Database;

/// Legal's clause templates (§5.1.3), table contract_clause_templates of 0009; unique by clause
/// and name, listed by clause and name (the unique index).
class ClauseTemplateRepository
{
public:
    explicit ClauseTemplateRepository(Database &database) : m_database(database) {}

    /// Conflict when the clause already has a template of that name.
    qint64 insert(const domain::ClauseTemplate &clauseTemplate);
    std::optional<domain::ClauseTemplate> find(qint64 id) const;
    /// Every template, or one clause's, ordered by clause and name.
    QList<domain::ClauseTemplate> list(std::optional<domain::ContractClause> clause) const;
    void remove(qint64 id);

private:
    Database &m_database;
};

} // namespace bizdesk::storage
