#pragma once

#include "domain/contracts/ClauseTemplate.h"
#include "domain/contracts/Contract.h"

#include <QList>

#include <optional>

namespace bizdesk::services {

class Session;

/// Entity kind of clause templates in the audit trail.
inline const QString clauseTemplateEntity = QStringLiteral("contract_template");

/// Legal's clause templates (§5.1.3): legal adds and removes them, everybody who works on
/// contracts lists them and inserts one into a draft's clause. Each change is one audited
/// transaction.
class ClauseTemplateService
{
public:
    explicit ClauseTemplateService(Session &session) : m_session(session) {}

    /// Legal only (denied otherwise); conflict when the clause already has a template of that name.
    domain::ClauseTemplate add(domain::ContractClause clause, const QString &name, const QString &body);
    /// Legal only; not_found for an unknown id.
    void remove(qint64 id);
    QList<domain::ClauseTemplate> list(std::optional<domain::ContractClause> clause = std::nullopt) const;
    domain::ClauseTemplate require(qint64 id) const;
    /// Whether the session's user keeps the templates (the GUI offers management only then).
    bool mayMaintain() const;
    /// Writes the template's text into the clause of a draft, as ContractService::setClause does;
    /// invalid("template") when the template belongs to another clause.
    domain::Contract insertInto(qint64 contractId, domain::ContractClause clause, qint64 templateId,
                                std::optional<int> seen = std::nullopt);

private:
    Session &m_session;
};

} // namespace bizdesk::services
