#include "storage/contracts/ClauseTemplateRepository.h"

#include "storage/SqlQuery.h"
#include "storage/SqlValues.h"

namespace bizdesk::storage {
namespace {

const QString columns = QStringLiteral("id, clause, name, body, updated_at, updated_by");

domain::ClauseTemplate readTemplate(const SqlQuery &query)
{
    domain::ClauseTemplate clauseTemplate;
    clauseTemplate.id = query.value(0).toLongLong();
    clauseTemplate.clause = domain::contractClauses().fromName(query.value(1).toString()).value_or(domain::ContractClause::Obligations);
    clauseTemplate.name = query.value(2).toString();
    clauseTemplate.body = query.value(3).toString();
    clauseTemplate.updatedAt = query.value(4).toString();
    clauseTemplate.updatedBy = optionalId(query.value(5));
    return clauseTemplate;
}

} // namespace

qint64 ClauseTemplateRepository::insert(const domain::ClauseTemplate &clauseTemplate)
{
    return SqlQuery(m_database, QStringLiteral("INSERT INTO contract_clause_templates (clause, name, body, updated_at, updated_by) "
                                               "VALUES (:clause, :name, :body, :at, :by) RETURNING id"))
        .bind(":clause", domain::contractClauses().name(clauseTemplate.clause))
        .bind(":name", clauseTemplate.name)
        .bind(":body", clauseTemplate.body)
        .bind(":at", clauseTemplate.updatedAt)
        .bind(":by", nullableId(clauseTemplate.updatedBy))
        .insertReturningId();
}

std::optional<domain::ClauseTemplate> ClauseTemplateRepository::find(qint64 id) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM contract_clause_templates WHERE id = :id").arg(columns));
    query.bind(":id", id).exec();
    if (!query.next())
        return std::nullopt;
    return readTemplate(query);
}

QList<domain::ClauseTemplate> ClauseTemplateRepository::list(std::optional<domain::ContractClause> clause) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM contract_clause_templates %2 ORDER BY clause, name")
                                   .arg(columns, clause ? QStringLiteral("WHERE clause = :clause") : QString()));
    if (clause)
        query.bind(":clause", domain::contractClauses().name(*clause));
    query.exec();
    QList<domain::ClauseTemplate> templates;
    while (query.next())
        templates << readTemplate(query);
    return templates;
}

void ClauseTemplateRepository::remove(qint64 id)
{
    SqlQuery(m_database, QStringLiteral("DELETE FROM contract_clause_templates WHERE id = :id")).bind(":id", id).exec();
}

} // namespace bizdesk::storage
