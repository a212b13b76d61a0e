#include "services/contracts/ClauseTemplateService.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "services/contracts/ContractAccess.h"
#include "storage/Transaction.h"
#include "storage/contracts/ClauseTemplateRepository.h"
#include "storage/contracts/ContractRepository.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <algorithm>

namespace bizdesk::services {
namespace {

using domain::Error;

QJsonObject auditJson(const domain::ClauseTemplate &clauseTemplate)
{
    return QJsonObject{{QStringLiteral("clause"), domain::contractClauses().name(clauseTemplate.clause)},
                       {QStringLiteral("name"), clauseTemplate.name},
                       {QStringLiteral("body"), clauseTemplate.body}};
}

} // namespace

bool ClauseTemplateService::mayMaintain() const
{
    // Keeping the standard wording is legal's work (§5.1.3), the same people who review it.
    return m_session.may(domain::Action::LegalReviewContract);
}

domain::ClauseTemplate ClauseTemplateService::add(domain::ContractClause clause, const QString &name, const QString &body)
{
    m_session.require(domain::Action::LegalReviewContract);
    domain::ClauseTemplate clauseTemplate;
    clauseTemplate.clause = clause;
    clauseTemplate.name = name;
    clauseTemplate.body = body;
    domain::ClauseTemplateRules::validate(clauseTemplate);
    storage::Transaction transaction(m_session.database());
    storage::ClauseTemplateRepository repository(m_session.database());
    const QList<domain::ClauseTemplate> existing = repository.list(clause);
    if (std::any_of(existing.begin(), existing.end(), [&](const domain::ClauseTemplate &t) { return t.name == clauseTemplate.name; }))
        throw Error::conflict(QCoreApplication::translate("ClauseTemplateService", "name: the clause \"%1\" already has a template "
                                                                                   "named \"%2\".")
                                  .arg(domain::contractClauses().display(clause), clauseTemplate.name),
                              QStringLiteral("5.1.3"));
    clauseTemplate.updatedAt = m_session.timestamp();
    clauseTemplate.updatedBy = m_session.userId();
    clauseTemplate.id = repository.insert(clauseTemplate);
    AuditTrail(m_session).record(QStringLiteral("contract_template.add"), clauseTemplateEntity, clauseTemplate.id, {},
                                 auditJson(clauseTemplate));
    transaction.commit();
    return clauseTemplate;
}

domain::ClauseTemplate ClauseTemplateService::require(qint64 id) const
{
    const auto found = storage::ClauseTemplateRepository(m_session.database()).find(id);
    if (!found)
        throw Error::notFound(QCoreApplication::translate("ClauseTemplateService", "There is no clause template #%1.").arg(id));
    return *found;
}

void ClauseTemplateService::remove(qint64 id)
{
    m_session.require(domain::Action::LegalReviewContract);
    storage::Transaction transaction(m_session.database());
    const domain::ClauseTemplate removed = require(id);
    storage::ClauseTemplateRepository(m_session.database()).remove(id);
    AuditTrail(m_session).record(QStringLiteral("contract_template.remove"), clauseTemplateEntity, id, auditJson(removed), {});
    transaction.commit();
}

QList<domain::ClauseTemplate> ClauseTemplateService::list(std::optional<domain::ContractClause> clause) const
{
    m_session.require(domain::Action::ReadContracts);
    storage::Transaction transaction(m_session.database(), storage::Transaction::Mode::Read);
    QList<domain::ClauseTemplate> templates = storage::ClauseTemplateRepository(m_session.database()).list(clause);
    transaction.commit();
    return templates;
}

domain::Contract ClauseTemplateService::insertInto(qint64 contractId, domain::ContractClause clause, qint64 templateId,
                                                   std::optional<int> seen)
{
    storage::Transaction transaction(m_session.database());
    const domain::ClauseTemplate chosen = require(templateId);
    if (chosen.clause != clause)
        throw Error::invalid(QStringLiteral("template"),
                             QCoreApplication::translate("ClauseTemplateService", "template: \"%1\" is a template of the clause "
                                                                                  "\"%2\", not of \"%3\" (§5.1.3).")
                                 .arg(chosen.name, domain::contractClauses().display(chosen.clause),
                                      domain::contractClauses().display(clause)),
                             QStringLiteral("5.1.3"));
    // The same use case as writing the clause by hand (Edit on a draft), recorded with the template.
    const domain::Contract saved = ContractAccess(m_session).transition(contractId, domain::ContractAction::Edit, seen,
        [&](domain::Contract &) {
            storage::ContractRepository(m_session.database()).setClause(contractId, clause, chosen.body);
            return QJsonObject{{QStringLiteral("clause"), domain::contractClauses().name(clause)},
                               {QStringLiteral("template"), chosen.id},
                               {QStringLiteral("template_name"), chosen.name}};
        },
        QStringLiteral("clause"));
    transaction.commit();
    return saved;
}

} // namespace bizdesk::services
