#include "services/negotiations/NegotiationAccess.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "services/approval/ApprovalDesk.h"
#include "services/audit/AuditTrail.h"
#include "storage/Transaction.h"
#include "storage/customers/CustomerRepository.h"
#include "storage/identity/UserRepository.h"
#include "storage/negotiations/NegotiationRecordRepository.h"
#include "storage/negotiations/NegotiationRepository.h"

#include <QCoreApplication>

#include <algorithm>

namespace bizdesk::services {

using domain::Error;
using domain::Negotiation;
using domain::Role;

QString NegotiationAccess::label(const Negotiation &negotiation)
{
    return QCoreApplication::translate("NegotiationService", "Negotiation #%1 (%2)").arg(negotiation.id).arg(negotiation.title);
}

bool NegotiationAccess::isSuperiorOf(domain::UserId person) const
{
    // Up the reporting line; bounded so that a cycle in bad data cannot loop.
    storage::UserRepository users(m_session.database());
    std::optional<domain::UserId> current = person;
    for (int level = 0; level < 12 && current; ++level) {
        const auto user = users.findById(*current);
        if (!user || !user->superiorId)
            return false;
        if (*user->superiorId == m_session.userId())
            return true;
        current = user->superiorId;
    }
    return false;
}

NegotiationStanding NegotiationAccess::standing(const Negotiation &negotiation, const QList<domain::TeamMember> &team) const
{
    const domain::User &me = m_session.user();
    NegotiationStanding standing;
    standing.director = me.roles.has(Role::Director);
    for (const domain::TeamMember &member : team) {
        if (member.userId == me.id) {
            standing.member = true;
            standing.lead = member.role == domain::TeamRole::Lead;
        } else if (!standing.superior && isSuperiorOf(member.userId)) {
            standing.superior = true;
        }
        if (member.role == domain::TeamRole::Lead && member.superiorId == me.id)
            standing.leadsSuperior = true;
    }
    const storage::NegotiationRecordRepository records(m_session.database());
    standing.recipient = negotiation.isClosed() && records.isRecipient(negotiation.id, me.id, me.departmentId);
    return standing;
}

bool NegotiationAccess::isVisible(const Negotiation &negotiation, const NegotiationStanding &standing) const
{
    const domain::User &me = m_session.user();
    if (standing.seesConfidential() || standing.recipient || standing.leadsSuperior || me.roles.has(Role::Executive)
        || negotiation.createdBy == me.id)
        return true;
    if (!m_session.may(domain::Action::ManageNegotiations))
        return false;
    // Anybody else who may see the customer sees the record, without the confidential figures.
    storage::CustomerScope scope{storage::CustomerScope::Kind::Own, me.id};
    if (m_session.may(domain::Action::ReadAllCustomers))
        scope = {storage::CustomerScope::Kind::All, 0};
    else if (m_session.may(domain::Action::ReadDepartmentCustomers) && me.departmentId)
        scope = {storage::CustomerScope::Kind::Department, *me.departmentId};
    return storage::CustomerRepository(m_session.database()).visible(negotiation.customerId, scope);
}

Negotiation NegotiationAccess::requireVisible(qint64 id) const
{
    const auto found = storage::NegotiationRepository(m_session.database()).find(id);
    if (found && isVisible(*found, standing(*found, storage::NegotiationRepository(m_session.database()).team(id))))
        return *found;
    throw Error::notFound(QCoreApplication::translate("NegotiationRepository", "There is no negotiation #%1.").arg(id));
}

void NegotiationAccess::requireConfidential(const Negotiation &negotiation, const NegotiationStanding &standing) const
{
    if (!standing.seesConfidential())
        throw Error::denied(QCoreApplication::translate("NegotiationService", "The bottom line, BATNA, estimates and zone of %1 are "
                                                                              "for its team and their superiors only (§4.1.2).")
                                .arg(label(negotiation)),
                            QStringLiteral("4.1.2"));
}

Negotiation NegotiationAccess::change(qint64 id, std::optional<int> seen, Needs needs, const QString &auditAction,
                                      const std::function<QJsonObject(Negotiation &, const NegotiationStanding &)> &change,
                                      bool whileClosed) const
{
    m_session.user();
    storage::Transaction transaction(m_session.database());
    storage::NegotiationRepository repository(m_session.database());
    Negotiation negotiation = requireVisible(id);
    requireSeenVersion(seen, negotiation.version, label(negotiation));
    if (!whileClosed)
        domain::NegotiationFlow::requireOpen(negotiation.stage, negotiation.isClosed());
    const NegotiationStanding who = standing(negotiation, repository.team(id));
    const bool may = needs == Needs::Acts ? who.acts() : who.steers();
    if (!may)
        throw Error::denied(needs == Needs::Acts
                                ? QCoreApplication::translate("NegotiationService", "Only the team of %1 records what happens in it (§4.1.1).")
                                      .arg(label(negotiation))
                                : QCoreApplication::translate("NegotiationService", "Only the lead of %1, the lead's superior or a "
                                                                                    "director steers it (§4.1.4).")
                                      .arg(label(negotiation)),
                            QStringLiteral("4.1.1"));
    const Negotiation before = negotiation;
    const QJsonObject details = change(negotiation, who);
    repository.update(negotiation, m_session.timestamp(), m_session.userId());
    const Negotiation saved = repository.require(id);
    if (before.stage != saved.stage) {
        recordStage(before, saved, details.value(QStringLiteral("note")).toString());
    } else {
        QJsonObject after = auditJson(saved);
        for (auto it = details.begin(); it != details.end(); ++it)
            after.insert(it.key(), it.value());
        AuditTrail(m_session).record(QStringLiteral("negotiation.") + auditAction, negotiationEntity, id, auditJson(before), after);
    }
    transaction.commit();
    return saved;
}

void NegotiationAccess::recordStage(const Negotiation &before, const Negotiation &after, const QString &note) const
{
    recordWorkflowChange(m_session, QStringLiteral("negotiation"),
                         WorkflowChange{negotiationEntity, after.id, before.id ? QStringLiteral("stage") : QStringLiteral("open"),
                                        domain::negotiationStages().name(before.stage),
                                        domain::negotiationStages().name(after.stage), note, std::nullopt,
                                        before.id ? auditJson(before) : QJsonObject(), auditJson(after)});
}

QJsonObject NegotiationAccess::auditJson(const Negotiation &negotiation)
{
    return QJsonObject{
        {QStringLiteral("title"), negotiation.title},
        {QStringLiteral("stage"), domain::negotiationStages().name(negotiation.stage)},
        {QStringLiteral("customer_id"), negotiation.customerId},
        {QStringLiteral("direction"), domain::negotiationDirections().name(negotiation.direction)},
        {QStringLiteral("importance"), domain::negotiationLevels().name(negotiation.importance)},
        {QStringLiteral("planned_end"), negotiation.plannedEnd.toString(Qt::ISODate)},
        {QStringLiteral("closed"), negotiation.isClosed()},
    };
}

} // namespace bizdesk::services
